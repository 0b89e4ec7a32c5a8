from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DisputesConfig(AppConfig):
    name = "gongkai.disputes"
    label = "disputes"
    verbose_name = _("行政复议与诉讼")
