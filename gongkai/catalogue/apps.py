from __future__ import annotations

from typing import Any

from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class CatalogueConfig(AppConfig):
    name = "gongkai.catalogue"
    label = "catalogue"
    verbose_name = _("主动公开")

    def ready(self) -> None:
        post_migrate.connect(_forget_flushed_search_rows, sender=self)


def _forget_flushed_search_rows(sender: Any, using: str = "default", **kwargs: Any) -> None:
    """`flush` (run between transactional tests) empties catalogue_searchentry but cannot see the
    contentless FTS5 table beside it; it sends post_migrate afterwards, so empty the table here."""
    from django.db import DatabaseError, connections

    from gongkai.catalogue.models import SearchEntry

    connection = connections[using]
    if connection.vendor != "sqlite":
        return
    try:
        if not SearchEntry.objects.using(using).exists():
            with connection.cursor() as cursor:
                cursor.execute("INSERT INTO catalogue_search(catalogue_search) VALUES ('delete-all')")
    except DatabaseError:  # the table is not there yet (migrating backwards, or a partial migrate)
        return
