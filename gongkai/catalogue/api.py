"""JSON API of the catalogue: the public catalogue and search (no sign-in), and the back office's
workflow for the agency's staff (session auth; the same role checks as the pages)."""

from __future__ import annotations

from datetime import date

from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from django.utils import timezone
from ninja import Query, Router, Schema
from ninja.responses import Status
from ninja.security import django_auth

from gongkai.agencies.access import access_agency_as_staff
from gongkai.agencies.models import Agency
from gongkai.catalogue import queries, search, services
from gongkai.catalogue.models import Category, PrivacyFinding, Publication, PublicationVersion
from gongkai.catalogue.roles import EDITORS, LEADERS, REVIEWERS
from gongkai.domain.publication_rules import DocumentType, ReleaseChannel, Validity

router = Router(tags=["catalogue"])
PAGE = 50


class PublicationOut(Schema):
    id: int
    agency: str
    agency_name: str
    index_number: str
    category: str
    category_code: str
    title: str
    doc_number: str
    written_on: date | None
    published_on: date | None
    keywords: str
    doc_type: str
    validity: str
    version: int
    text: str
    url: str

    @staticmethod
    def of(publication: Publication) -> PublicationOut:
        version = publication.current
        assert version is not None
        return PublicationOut(
            id=publication.pk,
            agency=publication.agency.slug,
            agency_name=publication.agency.name,
            index_number=publication.index_number,
            category=publication.category.name,
            category_code=publication.category.code,
            title=version.title,
            doc_number=version.doc_number,
            written_on=version.written_on,
            published_on=publication.published_on,
            keywords=version.keywords,
            doc_type=publication.doc_type,
            validity=publication.validity,
            version=version.number,
            text=version.body_text,
            url=f"/catalogue/{publication.agency.slug}/{publication.pk}/",
        )


class CatalogueFilters(Schema):
    agency: str = ""
    category: str = ""  # category code, across agencies
    year: int | None = None
    validity: str = ""
    page: int = 1


@router.get("/publications", response=list[PublicationOut])
def list_publications(request: HttpRequest, filters: Query[CatalogueFilters]) -> list[PublicationOut]:
    """Published entries, newest first, 50 a page."""
    agency = get_object_or_404(Agency, slug=filters.agency) if filters.agency else None
    found = queries.published_publications(
        agency=agency, category_code=filters.category, year=filters.year, validity=filters.validity
    )
    start = (max(1, filters.page) - 1) * PAGE
    return [PublicationOut.of(p) for p in found[start : start + PAGE]]


@router.get("/publications/{pk}", response=PublicationOut)
def get_publication(request: HttpRequest, pk: int) -> PublicationOut:
    publication = get_object_or_404(Publication.objects.select_related("agency"), pk=pk)
    return PublicationOut.of(queries.get_published_publication(publication.agency, pk))


class SearchIn(Schema):
    q: str
    agency: str = ""
    category: str = ""
    year: int | None = None
    validity: str = ""
    order: str = "relevance"
    page: int = 1


class HitOut(Schema):
    publication: PublicationOut
    title_html: str
    snippet_html: str


class SearchOut(Schema):
    query: str
    total: int
    total_is_exact: bool
    page: int
    hits: list[HitOut]


@router.get("/search", response=SearchOut)
def search_publications(request: HttpRequest, params: Query[SearchIn]) -> SearchOut:
    """Chinese full-text search; titles and snippets come with <mark> around the matches."""
    agency = get_object_or_404(Agency, slug=params.agency) if params.agency else None
    filters = search.Filters(
        agency_id=agency.pk if agency else None, category_code=params.category, year=params.year,
        validity=params.validity,
    )  # fmt: skip
    found = search.search(
        params.q, filters=filters, order="date" if params.order == "date" else "relevance", page=params.page
    )
    return SearchOut(
        query=found.query,
        total=found.total,
        total_is_exact=found.total_is_exact,
        page=found.page,
        hits=[HitOut(publication=PublicationOut.of(h.publication), title_html=h.title_html,
                     snippet_html=h.snippet_html) for h in found.hits],
    )  # fmt: skip


# -- back office --------------------------------------------------------------------------------------


class FindingOut(Schema):
    id: int
    kind: str
    where: str
    preview: str
    status: str
    reason: str


class WorkOut(Schema):
    id: int
    index_number: str
    status: str
    version: int
    state: str
    title: str
    findings: list[FindingOut]

    @staticmethod
    def of(publication: Publication, version: PublicationVersion) -> WorkOut:
        return WorkOut(
            id=publication.pk,
            index_number=publication.index_number,
            status=publication.status,
            version=version.number,
            state=version.state,
            title=version.title,
            findings=[
                FindingOut(
                    id=f.pk, kind=f.kind, where=f.where, preview=f.preview, status=f.status, reason=f.reason
                )
                for f in version.findings.all()
            ],
        )


class DraftIn(Schema):
    category: str  # category code
    title: str
    body: str = ""
    body_format: str = "text"
    doc_number: str = ""
    written_on: date
    keywords: str = ""
    doc_type: DocumentType = DocumentType.OTHER
    validity: Validity | None = None


class NoteIn(Schema):
    note: str = ""


class ReasonIn(Schema):
    reason: str


class ApproveIn(Schema):
    published_on: date | None = None
    channels: list[ReleaseChannel] = [ReleaseChannel.WEBSITE]


def _work(
    request: HttpRequest, slug: str, pk: int, roles: tuple[str, ...]
) -> tuple[Publication, PublicationVersion]:
    agency = access_agency_as_staff(request.user, slug, roles=roles)
    publication = get_object_or_404(Publication.objects.select_related("current"), agency=agency, pk=pk)
    version = services.open_version(publication) or publication.current
    assert version is not None
    return publication, version


def _done(publication: Publication) -> WorkOut:
    publication.refresh_from_db()
    version = services.open_version(publication) or publication.current
    assert version is not None
    return WorkOut.of(publication, version)


@router.get("/agencies/{slug}/work", response=list[WorkOut], auth=django_auth)
def work_list(request: HttpRequest, slug: str, state: str = "") -> list[WorkOut]:
    agency = access_agency_as_staff(request.user, slug)
    rows = queries.work_items(agency, state=state, today=timezone.localdate())
    return [WorkOut.of(row.publication, row.version) for row in rows]


@router.post("/agencies/{slug}/publications", response={201: WorkOut}, auth=django_auth)
def create_draft(request: HttpRequest, slug: str, payload: DraftIn) -> Status[WorkOut]:
    agency = access_agency_as_staff(request.user, slug, roles=EDITORS)
    services.set_up_catalogue(agency, actor=request.user)
    category = get_object_or_404(Category, agency=agency, code=payload.category)
    publication = services.create_draft(
        agency, category=category, title=payload.title, body=payload.body, body_format=payload.body_format,
        doc_number=payload.doc_number, written_on=payload.written_on, keywords=payload.keywords,
        doc_type=payload.doc_type, validity=payload.validity, actor=request.user,
    )  # fmt: skip
    return Status(201, _done(publication))


@router.post("/agencies/{slug}/publications/{pk}/submit", response=WorkOut, auth=django_auth)
def submit(request: HttpRequest, slug: str, pk: int) -> WorkOut:
    publication, version = _work(request, slug, pk, EDITORS)
    services.submit_for_review(version, actor=request.user)
    return _done(publication)


@router.post(
    "/agencies/{slug}/publications/{pk}/findings/{finding_id}/mask", response=WorkOut, auth=django_auth
)
def mask(request: HttpRequest, slug: str, pk: int, finding_id: int) -> WorkOut:
    publication, version = _work(request, slug, pk, REVIEWERS)
    services.mask_finding(
        get_object_or_404(PrivacyFinding, pk=finding_id, version=version), actor=request.user
    )
    return _done(publication)


@router.post(
    "/agencies/{slug}/publications/{pk}/findings/{finding_id}/keep", response=WorkOut, auth=django_auth
)
def keep(request: HttpRequest, slug: str, pk: int, finding_id: int, payload: ReasonIn) -> WorkOut:
    publication, version = _work(request, slug, pk, REVIEWERS)
    finding = get_object_or_404(PrivacyFinding, pk=finding_id, version=version)
    services.keep_finding(finding, reason=payload.reason, actor=request.user)
    return _done(publication)


@router.post("/agencies/{slug}/publications/{pk}/clear", response=WorkOut, auth=django_auth)
def clear(request: HttpRequest, slug: str, pk: int, payload: NoteIn) -> WorkOut:
    publication, version = _work(request, slug, pk, REVIEWERS)
    services.clear_review(version, note=payload.note, actor=request.user)
    return _done(publication)


@router.post("/agencies/{slug}/publications/{pk}/return", response=WorkOut, auth=django_auth)
def return_for_changes(request: HttpRequest, slug: str, pk: int, payload: NoteIn) -> WorkOut:
    publication, version = _work(request, slug, pk, (*REVIEWERS, *LEADERS))
    services.return_for_changes(version, note=payload.note, actor=request.user)
    return _done(publication)


@router.post("/agencies/{slug}/publications/{pk}/approve", response=WorkOut, auth=django_auth)
def approve(request: HttpRequest, slug: str, pk: int, payload: ApproveIn) -> WorkOut:
    publication, version = _work(request, slug, pk, LEADERS)
    services.approve_and_publish(
        version, published_on=payload.published_on, channels=payload.channels, actor=request.user
    )
    return _done(publication)


@router.post("/agencies/{slug}/publications/{pk}/withdraw", response=WorkOut, auth=django_auth)
def withdraw(request: HttpRequest, slug: str, pk: int, payload: ReasonIn) -> WorkOut:
    publication, _ = _work(request, slug, pk, LEADERS)
    services.withdraw_publication(publication, reason=payload.reason, actor=request.user)
    return _done(publication)


class TimelinessOut(Schema):
    year: int
    published: int
    on_time: int
    late: int


@router.get("/agencies/{slug}/timeliness", response=TimelinessOut, auth=django_auth)
def timeliness(request: HttpRequest, slug: str, year: int) -> TimelinessOut:
    """Art. 26's 20 working days: how many of the year's publications were on time or late."""
    agency = access_agency_as_staff(request.user, slug)
    counts = queries.timeliness_summary(agency, year)
    return TimelinessOut(year=year, published=counts.published, on_time=counts.on_time, late=counts.late)
