"""Writes of the catalogue: each one transaction, audited inside it (style.md §2.5)."""

from gongkai.catalogue.services.bulk import PublishedItem, publish_in_bulk
from gongkai.catalogue.services.drafting import (
    add_attachment,
    create_draft,
    open_version,
    remove_attachment,
    start_correction,
    update_draft,
)
from gongkai.catalogue.services.importing import ImportResult, import_catalogue
from gongkai.catalogue.services.numbering import allocate_index_numbers
from gongkai.catalogue.services.setup import add_category, set_up_catalogue, update_catalogue_settings
from gongkai.catalogue.services.workflow import (
    approve_and_publish,
    change_validity,
    clear_review,
    keep_finding,
    mask_finding,
    record_release,
    return_for_changes,
    submit_for_review,
    withdraw_publication,
)

__all__ = [
    "ImportResult",
    "PublishedItem",
    "add_attachment",
    "add_category",
    "allocate_index_numbers",
    "approve_and_publish",
    "change_validity",
    "clear_review",
    "create_draft",
    "import_catalogue",
    "keep_finding",
    "mask_finding",
    "open_version",
    "publish_in_bulk",
    "record_release",
    "remove_attachment",
    "return_for_changes",
    "set_up_catalogue",
    "start_correction",
    "submit_for_review",
    "update_catalogue_settings",
    "update_draft",
    "withdraw_publication",
]
