from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ImporterConfig(AppConfig):
    name = "gongkai.importer"
    label = "importer"
    verbose_name = _("已公布年报")
