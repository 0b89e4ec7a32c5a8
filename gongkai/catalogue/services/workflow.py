"""Review and publication: 保密审查 with the privacy scan, approval, then corrections and withdrawal.

draft → (submit; privacy scan) → confidentiality review (reviewer) → approval (leader) → published.
Every step is one audited transaction; a published version is never edited again.
"""

from __future__ import annotations

import hashlib
import hmac
from collections.abc import Sequence
from datetime import date
from typing import Any

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from gongkai.audit.services import record
from gongkai.catalogue import attachments_text, search
from gongkai.catalogue.models import (
    ChannelRelease,
    FindingStatus,
    PrivacyFinding,
    Publication,
    PublicationStatus,
    PublicationVersion,
    VersionKind,
)
from gongkai.catalogue.services.drafting import OPEN_VERSION_EXISTS, locked, open_version
from gongkai.catalogue.services.numbering import allocate_index_numbers
from gongkai.domain.errors import InvalidInput, TransitionNotAllowed
from gongkai.domain.privacy import PrivacyHit, mask_text, scan, scan_text
from gongkai.domain.publication_rules import (
    DocumentType,
    ReleaseChannel,
    Step,
    Validity,
    VersionState,
    next_state,
    timeliness,
)
from gongkai.workcalendar.queries import work_calendar

TITLE, BODY = "标题", "正文"
PRIVACY_OPEN = "尚有{count}处疑似个人信息未处理（遮盖或说明保留理由）：{where}"
CANNOT_MASK_ATTACHMENT = "附件中的个人信息无法在线遮盖：请退回承办人更换附件，或说明保留理由"


def _fingerprint(hit: PrivacyHit) -> str:
    # Keyed, so the stored value identifies a number without revealing it.
    key = settings.SECRET_KEY.encode()
    return hmac.new(key, f"{hit.kind}:{hit.digits}".encode(), hashlib.sha256).hexdigest()[:40]


def _step(version: PublicationVersion, step: Step) -> tuple[str, str]:
    before = version.state
    version.state = next_state(VersionState(before), step).value
    return before, version.state


def _scan(version: PublicationVersion) -> list[PrivacyHit]:
    pieces = [(TITLE, version.title), (BODY, version.body_text)]
    for attachment in version.attachments.all():
        with attachment.file.open("rb") as handle:
            pieces += attachments_text.segments(attachment.kind, handle.read(), name=attachment.name)
    return scan(pieces)


def _audit(publication: Publication, event: str, actor: Any, **values: Any) -> None:
    record(actor=actor, event=event, subject=publication, agency=publication.agency, **values)


@transaction.atomic
def submit_for_review(version: PublicationVersion, *, actor: Any) -> list[PrivacyFinding]:
    """Send a draft to 保密审查, scanning it for personal data first; returns the findings.

    A number kept with a reason before (in an earlier round or an earlier version) stays kept."""
    before, after = _step(version, Step.SUBMIT)
    earlier_kept = PrivacyFinding.objects.filter(
        version__publication=version.publication_id, status=FindingStatus.KEPT
    )
    kept = {f.fingerprint: f for f in earlier_kept.order_by("id")}
    version.findings.all().delete()
    findings = []
    for hit in _scan(version):
        fingerprint = _fingerprint(hit)
        earlier = kept.get(fingerprint)
        finding = PrivacyFinding(
            version=version,
            kind=hit.kind.value,
            source=hit.source[:200],
            line=hit.line,
            column=hit.column,
            preview=hit.preview[:40],
            fingerprint=fingerprint,
            status=FindingStatus.KEPT if earlier else FindingStatus.OPEN,
            reason=earlier.reason if earlier else "",
            resolved_by=earlier.resolved_by if earlier else None,
            resolved_at=earlier.resolved_at if earlier else None,
        )
        finding.full_clean()
        findings.append(finding)
    PrivacyFinding.objects.bulk_create(findings)
    version.save(update_fields=["state"])
    _audit(
        version.publication,
        "publication.submitted",
        actor,
        before={"state": before},
        after={"state": after, "privacy_findings": [f"{f.get_kind_display()} {f.where}" for f in findings]},
        note=f"第{version.number}版",
    )
    return findings


def _require_review(finding: PrivacyFinding) -> PublicationVersion:
    version = finding.version
    if version.state != VersionState.REVIEW:
        raise TransitionNotAllowed("只能在保密审查阶段处理个人信息检查结果", where="state")
    if finding.status != FindingStatus.OPEN:
        raise TransitionNotAllowed("该检查结果已处理", where="status")
    return version


@transaction.atomic
def mask_finding(finding: PrivacyFinding, *, actor: Any) -> PrivacyFinding:
    """Replace the number in the title or text by its masked form (every occurrence of it)."""
    version = _require_review(finding)
    if finding.source not in (TITLE, BODY):
        raise InvalidInput(CANNOT_MASK_ATTACHMENT, code="cannot_mask", where=finding.source)
    text = version.title if finding.source == TITLE else version.body_text
    hits = [h for h in scan_text(text, source=finding.source) if _fingerprint(h) == finding.fingerprint]
    if not hits:
        raise InvalidInput("文中已找不到该号码，请退回重新检查", code="cannot_mask", where=finding.where)
    if finding.source == TITLE:
        version.title = mask_text(version.title, hits)
    else:
        version.body_text = mask_text(version.body_text, hits)
        for hit in hits:
            version.body_html = version.body_html.replace(hit.value, hit.preview)
    version.full_clean()
    version.save(update_fields=["title", "body_text", "body_html"])
    now = timezone.now()
    resolved_by = actor if getattr(actor, "pk", None) else None
    same = version.findings.filter(
        fingerprint=finding.fingerprint, source=finding.source, status=FindingStatus.OPEN
    )
    same.update(status=FindingStatus.MASKED, resolved_by=resolved_by, resolved_at=now)
    finding.refresh_from_db()
    _audit(
        version.publication,
        "publication.privacy_masked",
        actor,
        after={"kind": finding.kind, "where": finding.where, "preview": finding.preview},
    )
    return finding


@transaction.atomic
def keep_finding(finding: PrivacyFinding, *, reason: str, actor: Any) -> PrivacyFinding:
    """Record why a number may be published (e.g. a public service hotline)."""
    _require_review(finding)
    if not reason.strip():
        raise InvalidInput("请说明保留理由", where="reason")
    finding.status = FindingStatus.KEPT
    finding.reason = reason.strip()
    finding.resolved_by = actor if getattr(actor, "pk", None) else None
    finding.resolved_at = timezone.now()
    finding.full_clean()
    finding.save(update_fields=["status", "reason", "resolved_by", "resolved_at"])
    _audit(
        finding.version.publication,
        "publication.privacy_kept",
        actor,
        after={"kind": finding.kind, "where": finding.where, "preview": finding.preview},
        note=finding.reason,
    )
    return finding


def _check_findings_resolved(version: PublicationVersion) -> None:
    open_findings = list(version.findings.filter(status=FindingStatus.OPEN))
    if open_findings:
        where = "；".join(f"{f.get_kind_display()} {f.where}" for f in open_findings[:5])
        raise TransitionNotAllowed(
            PRIVACY_OPEN.format(count=len(open_findings), where=where), code="privacy_open", where="findings"
        )


@transaction.atomic
def clear_review(version: PublicationVersion, *, note: str = "", actor: Any) -> PublicationVersion:
    """保密审查通过: on to the leader's approval. Every privacy finding must be resolved first."""
    _check_findings_resolved(version)
    before, after = _step(version, Step.CLEAR)
    version.save(update_fields=["state"])
    _audit(
        version.publication,
        "publication.review_cleared",
        actor,
        before={"state": before},
        after={"state": after},
        note=note.strip(),
    )
    return version


@transaction.atomic
def return_for_changes(version: PublicationVersion, *, note: str, actor: Any) -> PublicationVersion:
    """Send a version under review or awaiting approval back to its author, saying why."""
    if not note.strip():
        raise InvalidInput("请说明退回理由", where="note")
    before, after = _step(version, Step.RETURN)
    version.save(update_fields=["state"])
    _audit(
        version.publication,
        "publication.returned",
        actor,
        before={"state": before},
        after={"state": after},
        note=note.strip(),
    )
    return version


def _check_publish_date(version: PublicationVersion, published_on: date, today: date) -> None:
    if published_on > today:
        raise InvalidInput("发布日期不能晚于今天", where="published_on")
    if version.formed_on and published_on < version.formed_on:
        raise InvalidInput("发布日期不能早于成文（变更）日期", where="published_on")


@transaction.atomic
def approve_and_publish(
    version: PublicationVersion,
    *,
    published_on: date | None = None,
    channels: Sequence[ReleaseChannel] = (ReleaseChannel.WEBSITE,),
    actor: Any,
) -> Publication:
    """The leader's approval: the version is published (a correction replaces the version before it)."""
    _check_findings_resolved(version)
    today = timezone.localdate()
    published_on = published_on or today
    _check_publish_date(version, published_on, today)
    publication = (
        Publication.objects.select_for_update(of=("self",))
        .select_related("agency", "category")
        .get(pk=version.publication_id)
    )
    before, after = _step(version, Step.APPROVE)
    version.published_on = published_on
    version.save(update_fields=["state", "published_on"])
    previous = publication.current
    if previous is not None and previous.pk != version.pk:
        previous.state = next_state(VersionState(previous.state), Step.SUPERSEDE).value
        previous.save(update_fields=["state"])
    if not publication.index_number:
        publication.index_number = allocate_index_numbers(
            publication.agency, [(publication.category, published_on.year)]
        )[0]
    if publication.published_on is None:
        publication.published_on = published_on
    publication.written_on = version.written_on
    publication.status = PublicationStatus.PUBLISHED
    publication.current = version
    publication.full_clean()
    publication.save(update_fields=["index_number", "written_on", "published_on", "status", "current"])
    for channel in channels:
        ChannelRelease.objects.get_or_create(
            publication=publication, channel=channel.value, released_on=published_on
        )
    search.index_publications([publication])
    limit = (
        timeliness(version.formed_on, published_on=published_on, today=today, calendar=work_calendar())
        if (version.formed_on)
        else None
    )
    _audit(
        publication,
        "publication.corrected" if version.kind == VersionKind.CORRECTION else "publication.published",
        actor,
        before={"state": before},
        after={
            "state": after,
            "version": version.number,
            "index_number": publication.index_number,
            "published_on": published_on.isoformat(),
            "channels": [c.value for c in channels],
            "due_on": limit.due_on.isoformat() if limit else None,
            "late": limit.is_late if limit else None,
        },
    )
    return publication


@transaction.atomic
def withdraw_publication(publication: Publication, *, reason: str, actor: Any) -> Publication:
    """撤回: a new version records the withdrawal; the entry leaves the public catalogue and search."""
    publication = locked(publication)
    if publication.status != PublicationStatus.PUBLISHED or publication.current is None:
        raise TransitionNotAllowed("只有已发布的信息可以撤回", where="status")
    if open_version(publication) is not None:
        raise TransitionNotAllowed(OPEN_VERSION_EXISTS, where="state")
    if not reason.strip():
        raise InvalidInput("请说明撤回理由", where="reason")
    current = publication.current
    number = publication.versions.order_by("-number").values_list("number", flat=True).first() or 0
    withdrawal = PublicationVersion(
        publication=publication,
        number=number + 1,
        kind=VersionKind.WITHDRAWAL,
        state=VersionState.WITHDRAWN.value,
        title=current.title,
        doc_number=current.doc_number,
        written_on=current.written_on,
        keywords=current.keywords,
        reason=reason.strip(),
        published_on=timezone.localdate(),
        created_by=actor if getattr(actor, "pk", None) else None,
    )
    withdrawal.full_clean()
    withdrawal.save()
    current.state = next_state(VersionState(current.state), Step.SUPERSEDE).value
    current.save(update_fields=["state"])
    publication.status = PublicationStatus.WITHDRAWN
    publication.current = withdrawal
    publication.save(update_fields=["status", "current"])
    search.index_publications([publication])
    _audit(
        publication,
        "publication.withdrawn",
        actor,
        before={"status": PublicationStatus.PUBLISHED.value, "version": current.number},
        after={"status": PublicationStatus.WITHDRAWN.value, "version": withdrawal.number},
        note=withdrawal.reason,
    )
    return publication


@transaction.atomic
def change_validity(
    publication: Publication,
    *,
    validity: Validity,
    changed_on: date,
    repealed_by: Publication | None = None,
    actor: Any,
) -> Publication:
    """有效 / 失效 / 废止 of a published regulation or normative document, linked to the repealing one."""
    publication = locked(publication)
    if publication.status != PublicationStatus.PUBLISHED:
        raise TransitionNotAllowed("只有已发布的文件可以变更有效性", where="status")
    if not DocumentType(publication.doc_type).has_validity:
        raise InvalidInput("只有规章和行政规范性文件注明有效性", where="validity")
    if repealed_by is not None and (validity != Validity.REPEALED or repealed_by.pk == publication.pk):
        raise InvalidInput("只有废止时才能关联废止文件，且不能关联本文件", where="repealed_by")
    if repealed_by is not None and repealed_by.status != PublicationStatus.PUBLISHED:
        raise InvalidInput("关联的废止文件尚未发布", where="repealed_by")
    before = {"validity": publication.validity, "repealed_by": publication.repealed_by_id}
    publication.validity = validity.value
    publication.repealed_by = repealed_by
    publication.invalid_on = None if validity == Validity.VALID else changed_on
    publication.full_clean()
    publication.save(update_fields=["validity", "repealed_by", "invalid_on"])
    search.index_publications([publication])
    _audit(
        publication,
        "publication.validity_changed",
        actor,
        before=before,
        after={
            "validity": validity.value,
            "repealed_by": repealed_by.pk if repealed_by else None,
            "changed_on": changed_on.isoformat(),
        },
    )
    return publication


@transaction.atomic
def record_release(
    publication: Publication, *, channel: ReleaseChannel, released_on: date, note: str = "", actor: Any
) -> ChannelRelease:
    """One more channel the published entry went out on (公报, 微博, 微信...), with its date."""
    publication = locked(publication)
    if publication.status != PublicationStatus.PUBLISHED:
        raise TransitionNotAllowed("只有已发布的信息可以登记发布渠道", where="status")
    if released_on > timezone.localdate():
        raise InvalidInput("发布日期不能晚于今天", where="released_on")
    release = ChannelRelease(
        publication=publication, channel=channel.value, released_on=released_on, note=note.strip()
    )
    release.full_clean()
    release.save()
    _audit(
        publication,
        "publication.release_recorded",
        actor,
        after={"channel": channel.value, "released_on": released_on.isoformat(), "note": release.note},
    )
    return release
