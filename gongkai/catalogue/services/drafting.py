"""Writing a publication before review: drafts, their attachments, and corrections after publication."""

from __future__ import annotations

import hashlib
from datetime import date
from typing import Any

from django.conf import settings
from django.core.files.base import ContentFile
from django.db import transaction

from gongkai.agencies.models import Agency
from gongkai.audit.services import record
from gongkai.catalogue import attachments_text
from gongkai.catalogue.models import (
    Attachment,
    Category,
    Publication,
    PublicationStatus,
    PublicationVersion,
    VersionKind,
)
from gongkai.catalogue.richtext import body_from_input
from gongkai.catalogue.services.setup import set_up_catalogue
from gongkai.catalogue.uploads import check_upload
from gongkai.domain.errors import InvalidInput, TransitionNotAllowed
from gongkai.domain.publication_rules import OPEN_STATES, DocumentType, Validity, VersionState, check_validity

NOT_A_DRAFT = "只有草稿可以修改；已提交审查的请先退回，已发布的请走更正流程"
OPEN_VERSION_EXISTS = "该信息已有未完成的版本，请先完成或退回修改"


def _content_snapshot(version: PublicationVersion) -> dict[str, Any]:
    return {
        "title": version.title,
        "doc_number": version.doc_number,
        "written_on": version.written_on.isoformat() if version.written_on else None,
        "keywords": version.keywords,
        "body_chars": len(version.body_text),
    }


def _check_classification(
    agency: Agency, category: Category, doc_type: DocumentType, validity: Validity | None
) -> None:
    if category.agency_id != agency.pk:
        raise InvalidInput("信息分类不属于本机关", where="category")
    check_validity(doc_type, validity)


@transaction.atomic
def create_draft(
    agency: Agency,
    *,
    category: Category,
    title: str,
    body: str,
    body_format: str = "text",
    doc_number: str = "",
    written_on: date,
    keywords: str = "",
    doc_type: DocumentType = DocumentType.OTHER,
    validity: Validity | None = None,
    actor: Any,
) -> Publication:
    """A new catalogue entry with its first version as a draft (成文日期 starts the 20 working days)."""
    set_up_catalogue(agency, actor=actor)
    _check_classification(agency, category, doc_type, validity)
    publication = Publication(
        agency=agency,
        category=category,
        doc_type=doc_type.value,
        validity=validity.value if validity else "",
        written_on=written_on,
        created_by=actor if getattr(actor, "pk", None) else None,
    )
    publication.full_clean()
    publication.save()
    html, text = body_from_input(body, body_format=body_format)
    version = PublicationVersion(
        publication=publication,
        number=1,
        kind=VersionKind.ORIGINAL,
        state=VersionState.DRAFT.value,
        title=title.strip(),
        body_html=html,
        body_text=text,
        doc_number=doc_number.strip(),
        written_on=written_on,
        formed_on=written_on,
        keywords=keywords.strip(),
        created_by=publication.created_by,
    )
    version.full_clean()
    version.save()
    record(
        actor=actor,
        event="publication.drafted",
        subject=publication,
        agency=agency,
        after={**_content_snapshot(version), "category": category.code, "doc_type": doc_type.value},
    )
    return publication


def locked(publication: Publication) -> Publication:
    """The entry as stored now, locked until the transaction ends (two clicks never act twice)."""
    return (
        Publication.objects.select_for_update(of=("self",))
        .select_related("agency", "current")
        .get(pk=publication.pk)
    )


def open_version(publication: Publication) -> PublicationVersion | None:
    """The version being written or reviewed, if any."""
    return publication.versions.filter(state__in=[s.value for s in OPEN_STATES]).order_by("-number").first()


@transaction.atomic
def update_draft(
    version: PublicationVersion,
    *,
    title: str,
    body: str,
    body_format: str = "text",
    doc_number: str = "",
    written_on: date | None,
    keywords: str = "",
    formed_on: date | None = None,
    category: Category | None = None,
    doc_type: DocumentType | None = None,
    validity: Validity | None = None,
    actor: Any,
) -> PublicationVersion:
    """Change a draft. Category, type and validity can change only before the first publication."""
    if version.state != VersionState.DRAFT:
        raise TransitionNotAllowed(NOT_A_DRAFT, where="state")
    if version.kind == VersionKind.ORIGINAL and written_on is None:
        raise InvalidInput("请填写成文日期", where="written_on")
    publication = version.publication
    before = _content_snapshot(version)
    html, text = body_from_input(body, body_format=body_format)
    version.title, version.body_html, version.body_text = title.strip(), html, text
    version.doc_number, version.written_on, version.keywords = (
        doc_number.strip(),
        written_on,
        keywords.strip(),
    )
    if version.kind == VersionKind.ORIGINAL:
        version.formed_on = written_on
    elif formed_on is not None:
        version.formed_on = formed_on
    if publication.status == PublicationStatus.DRAFT and category is not None and doc_type is not None:
        _check_classification(publication.agency, category, doc_type, validity)
        publication.category, publication.doc_type = category, doc_type.value
        publication.validity = validity.value if validity else ""
        publication.written_on = written_on
        publication.full_clean()
        publication.save(update_fields=["category", "doc_type", "validity", "written_on"])
    version.full_clean()
    version.save(
        update_fields=["title", "body_html", "body_text", "doc_number", "written_on", "formed_on", "keywords"]
    )
    record(
        actor=actor,
        event="publication.draft_changed",
        subject=publication,
        agency=publication.agency,
        before=before,
        after=_content_snapshot(version),
        note=f"第{version.number}版",
    )
    return version


@transaction.atomic
def add_attachment(version: PublicationVersion, *, name: str, data: bytes, actor: Any) -> Attachment:
    """Attach a PDF, DOCX, XLSX or image to a draft; its text is read now for the privacy scan."""
    if version.state != VersionState.DRAFT:
        raise TransitionNotAllowed(NOT_A_DRAFT, where="state")
    kind = check_upload(name, data, max_bytes=settings.GONGKAI_MAX_UPLOAD_BYTES)
    text = attachments_text.text_of(attachments_text.segments(kind, data, name=name))
    attachment = Attachment(
        version=version,
        name=name[-200:],
        kind=kind,
        size=len(data),
        sha256=hashlib.sha256(data).hexdigest(),
        text=text,
    )
    attachment.file.save(name, ContentFile(data), save=False)
    attachment.full_clean()
    attachment.save()
    publication = version.publication
    record(
        actor=actor,
        event="publication.attachment_added",
        subject=publication,
        agency=publication.agency,
        after={"name": attachment.name, "kind": kind, "size": attachment.size, "sha256": attachment.sha256},
        note=f"第{version.number}版",
    )
    return attachment


@transaction.atomic
def remove_attachment(attachment: Attachment, *, actor: Any) -> None:
    version = attachment.version
    if version.state != VersionState.DRAFT:
        raise TransitionNotAllowed(NOT_A_DRAFT, where="state")
    publication = version.publication
    before = {"name": attachment.name, "sha256": attachment.sha256}
    attachment.delete()  # the file stays: an earlier version may share it
    record(
        actor=actor,
        event="publication.attachment_removed",
        subject=publication,
        agency=publication.agency,
        before=before,
        note=f"第{version.number}版",
    )


@transaction.atomic
def start_correction(
    publication: Publication, *, reason: str, formed_on: date, actor: Any
) -> PublicationVersion:
    """A new draft version of a published entry, copied from what the public sees (更正).

    The change date (formed_on) starts a new 20 working days (2019 Regulation Art. 26)."""
    publication = locked(publication)
    if publication.status != PublicationStatus.PUBLISHED or publication.current is None:
        raise TransitionNotAllowed("只有已发布的信息可以更正", where="status")
    if open_version(publication) is not None:
        raise TransitionNotAllowed(OPEN_VERSION_EXISTS, where="state")
    if not reason.strip():
        raise InvalidInput("请说明更正理由", where="reason")
    current = publication.current
    number = publication.versions.order_by("-number").values_list("number", flat=True).first() or 0
    version = PublicationVersion(
        publication=publication,
        number=number + 1,
        kind=VersionKind.CORRECTION,
        state=VersionState.DRAFT.value,
        title=current.title,
        body_html=current.body_html,
        body_text=current.body_text,
        doc_number=current.doc_number,
        written_on=current.written_on,
        formed_on=formed_on,
        keywords=current.keywords,
        reason=reason.strip(),
        created_by=actor if getattr(actor, "pk", None) else None,
    )
    version.full_clean()
    version.save()
    Attachment.objects.bulk_create(
        Attachment(
            version=version,
            file=a.file.name,
            name=a.name,
            kind=a.kind,
            size=a.size,
            sha256=a.sha256,
            text=a.text,
        )
        for a in current.attachments.all()
    )
    record(
        actor=actor,
        event="publication.correction_started",
        subject=publication,
        agency=publication.agency,
        after={"version": version.number, "formed_on": formed_on.isoformat()},
        note=version.reason,
    )
    return version
