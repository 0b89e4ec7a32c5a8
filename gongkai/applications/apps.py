from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ApplicationsConfig(AppConfig):
    name = "gongkai.applications"
    label = "applications"
    verbose_name = _("依申请公开")

    def ready(self) -> None:
        from gongkai.applications.services import refresh_deadlines_for_years
        from gongkai.workcalendar.services import DEPENDENTS

        if refresh_deadlines_for_years not in DEPENDENTS:
            DEPENDENTS.append(refresh_deadlines_for_years)
