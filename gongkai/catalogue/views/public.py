"""The public catalogue: what anyone sees — published entries only."""

from __future__ import annotations

from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render

from gongkai.agencies.models import Agency
from gongkai.catalogue import queries, search
from gongkai.catalogue.forms import SearchForm
from gongkai.catalogue.models import Attachment, Category
from gongkai.domain.publication_rules import Validity

PER_PAGE = 20


def _int(value: str | None) -> int | None:
    return int(value) if value and value.isdigit() else None


def _query_prefix(request: HttpRequest) -> str:
    """The current filters as a query string ending in "&" (or ""), for the pager's links."""
    kept = request.GET.copy()
    kept.pop("page", None)
    encoded = kept.urlencode()
    return f"{encoded}&" if encoded else ""


def index(request: HttpRequest) -> HttpResponse:
    """Across agencies: by agency, by national category, by year."""
    year = _int(request.GET.get("year"))
    code = request.GET.get("category", "")
    validity = request.GET.get("validity", "")
    listed = queries.published_publications(category_code=code, year=year, validity=validity)
    page = Paginator(listed, PER_PAGE).get_page(request.GET.get("page"))
    return render(
        request,
        "catalogue/index.html",
        {
            "agencies": [a for a in queries.agencies_with_catalogues() if getattr(a, "published", 0)],
            "categories": queries.national_categories_in_use(),
            "years": queries.catalogue_years(),
            "validities": list(Validity),
            "chosen": {"year": year, "category": code, "validity": validity},
            "page": page,
            "query_prefix": _query_prefix(request),
        },
    )


def agency_catalogue(request: HttpRequest, slug: str) -> HttpResponse:
    agency = get_object_or_404(Agency, slug=slug)
    category = None
    category_id = _int(request.GET.get("category"))
    if category_id:
        category = get_object_or_404(Category, agency=agency, pk=category_id)
    year = _int(request.GET.get("year"))
    validity = request.GET.get("validity", "")
    listed = queries.published_publications(agency=agency, category=category, year=year, validity=validity)
    page = Paginator(listed, PER_PAGE).get_page(request.GET.get("page"))
    return render(
        request,
        "catalogue/agency.html",
        {
            "agency": agency,
            "tree": queries.category_tree(agency),
            "years": queries.catalogue_years(agency),
            "validities": list(Validity),
            "chosen": {"year": year, "category": category, "validity": validity},
            "page": page,
            "query_prefix": _query_prefix(request),
        },
    )


def detail(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    agency = get_object_or_404(Agency, slug=slug)
    publication = queries.get_published_publication(agency, pk)
    return render(
        request,
        "catalogue/detail.html",
        {
            "agency": agency,
            "publication": publication,
            "version": publication.current,
            "attachments": publication.current.attachments.all() if publication.current else [],
            "releases": publication.releases.all(),
            "versions": queries.public_versions(publication),
            "repeals": publication.repeals.filter(status="published").select_related("current"),
        },
    )


def attachment(request: HttpRequest, slug: str, pk: int, attachment_id: int) -> FileResponse:
    agency = get_object_or_404(Agency, slug=slug)
    publication = queries.get_published_publication(agency, pk)
    found = Attachment.objects.filter(pk=attachment_id, version=publication.current).first()
    if found is None:
        raise Http404("没有找到该附件")
    return FileResponse(found.file.open("rb"), as_attachment=True, filename=found.name)


def guide(request: HttpRequest, slug: str) -> HttpResponse:
    agency = get_object_or_404(Agency, slug=slug)
    return render(request, "catalogue/guide.html", {"agency": agency, "guide": queries.guide_of(agency)})


def search_page(request: HttpRequest) -> HttpResponse:
    form = SearchForm(request.GET or None)
    results = None
    agency = None
    if form.is_valid() and form.cleaned_data["q"]:
        data = form.cleaned_data
        agency = Agency.objects.filter(slug=data["agency"]).first() if data["agency"] else None
        filters = search.Filters(
            agency_id=agency.pk if agency else None,
            category_code=data["category"] or "",
            year=data["year"],
            validity=data["validity"] or "",
        )
        results = search.search(
            data["q"],
            filters=filters,
            order=data["order"] or "relevance",
            page=data["page"] or 1,
            per_page=PER_PAGE,
        )
    return render(
        request,
        "catalogue/search.html",
        {
            "form": form,
            "results": results,
            "agency": agency,
            "years": queries.catalogue_years(),
            "validities": list(Validity),
            "query_prefix": _query_prefix(request),
        },
    )
