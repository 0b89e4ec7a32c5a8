"""The back office: drafts, 保密审查, approval, corrections and withdrawal, catalogue settings.

Every view reaches the agency through access_agency_as_staff (404 for another agency's staff) and
each action checks the role it needs: editors write, the reviewer (保密审查员) reviews, the leader
(审批领导) approves and withdraws.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from gongkai.agencies.access import access_agency_as_staff, has_role
from gongkai.agencies.models import Agency
from gongkai.catalogue import forms as catalogue_forms
from gongkai.catalogue import queries, services
from gongkai.catalogue.models import (
    Attachment,
    CatalogueSettings,
    PrivacyFinding,
    Publication,
    PublicationVersion,
)
from gongkai.catalogue.roles import EDITORS, LEADERS, REVIEWERS, SETTINGS_ROLES
from gongkai.domain.errors import DomainError
from gongkai.domain.publication_rules import ReleaseChannel, Validity, VersionState
from gongkai.workcalendar.queries import work_calendar


def _publication(agency: Agency, pk: int) -> Publication:
    return get_object_or_404(
        Publication.objects.select_related("current", "category", "agency"), agency=agency, pk=pk
    )


def _working(publication: Publication) -> PublicationVersion:
    version = services.open_version(publication) or publication.current
    if version is None:
        raise Http404("没有找到该信息")
    return version


def _draft_values(data: dict[str, Any]) -> dict[str, Any]:
    return {k: data[k] for k in ("title", "body", "body_format", "doc_number", "written_on", "keywords")}


def _message(error: DomainError | ValidationError) -> str:
    if isinstance(error, ValidationError):
        return "；".join(error.messages)
    return error.message


def _form_error(form: forms.BaseForm, error: DomainError | ValidationError) -> None:
    where = getattr(error, "where", "")
    form.add_error(where if where in form.fields else None, _message(error))


@login_required
def work_list(request: HttpRequest, slug: str) -> HttpResponse:
    agency = access_agency_as_staff(request.user, slug)
    state = request.GET.get("state", "")
    late_only = request.GET.get("late") == "1"
    today = timezone.localdate()
    return render(
        request,
        "catalogue/manage/list.html",
        {
            "agency": agency,
            "rows": queries.work_items(agency, state=state, late_only=late_only, today=today),
            "state": state,
            "late_only": late_only,
            "summary": queries.timeliness_summary(agency, today.year),
            "year": today.year,
            "can_edit": has_role(request.user, agency, *EDITORS),
            "can_configure": has_role(request.user, agency, *SETTINGS_ROLES),
        },
    )


@login_required
def new_draft(request: HttpRequest, slug: str) -> HttpResponse:
    agency = access_agency_as_staff(request.user, slug, roles=EDITORS)
    services.set_up_catalogue(agency, actor=request.user)
    form = catalogue_forms.DraftForm(request.POST or None, agency=agency)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            publication = services.create_draft(
                agency,
                category=data["category"],
                doc_type=data["doc_type"],
                validity=data["validity"],
                actor=request.user,
                **_draft_values(data),
            )
        except (DomainError, ValidationError) as error:
            _form_error(form, error)
        else:
            messages.success(request, "草稿已保存")
            return redirect("catalogue:work", slug=agency.slug, pk=publication.pk)
    return render(
        request, "catalogue/manage/form.html", {"agency": agency, "form": form, "title": "新建主动公开信息"}
    )


@login_required
def edit_draft(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    agency = access_agency_as_staff(request.user, slug, roles=EDITORS)
    publication = _publication(agency, pk)
    version = _working(publication)
    first = publication.status == "draft"
    initial = {
        "title": version.title,
        "body": version.body_html,
        "body_format": "html",
        "doc_number": version.doc_number,
        "written_on": version.written_on,
        "keywords": version.keywords,
        "formed_on": version.formed_on,
        "category": publication.category_id,
        "doc_type": publication.doc_type,
        "validity": publication.validity,
    }
    if first:
        form: forms.Form = catalogue_forms.DraftForm(request.POST or None, initial=initial, agency=agency)
    else:
        form = catalogue_forms.CorrectionDraftForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        extra = (
            {"category": data["category"], "doc_type": data["doc_type"], "validity": data["validity"]}
            if first
            else {"formed_on": data["formed_on"]}
        )
        try:
            services.update_draft(version, actor=request.user, **_draft_values(data), **extra)
        except (DomainError, ValidationError) as error:
            _form_error(form, error)
        else:
            messages.success(request, "草稿已保存")
            return redirect("catalogue:work", slug=agency.slug, pk=publication.pk)
    title = f"修改草稿（第{version.number}版）"
    return render(request, "catalogue/manage/form.html", {"agency": agency, "form": form, "title": title})


@login_required
def work_detail(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    agency = access_agency_as_staff(request.user, slug)
    publication = _publication(agency, pk)
    version = _working(publication)
    user = request.user
    state = version.state
    today = timezone.localdate()
    context = {
        "agency": agency,
        "publication": publication,
        "version": version,
        "attachments": version.attachments.all(),
        "findings": version.findings.select_related("resolved_by"),
        "releases": publication.releases.all(),
        "history": queries.history(publication),
        "timeliness": queries.version_timeliness(version, today=today, calendar=work_calendar()),
        "can_edit": has_role(user, agency, *EDITORS) and state == VersionState.DRAFT,
        "can_review": has_role(user, agency, *REVIEWERS) and state == VersionState.REVIEW,
        "can_approve": has_role(user, agency, *LEADERS) and state == VersionState.APPROVAL,
        "can_correct": has_role(user, agency, *EDITORS) and publication.status == "published",
        "can_withdraw": has_role(user, agency, *LEADERS) and publication.status == "published",
        "is_open": state in ("draft", "review", "approval"),
        "preview_hits": _preview_hits(version) if state == VersionState.DRAFT else [],
        "forms": {
            "attachment": catalogue_forms.AttachmentForm(),
            "approve": catalogue_forms.ApproveForm(),
            "correction": catalogue_forms.CorrectionForm(),
            "validity": catalogue_forms.ValidityForm(),
            "release": catalogue_forms.ReleaseForm(),
        },
    }
    return render(request, "catalogue/manage/detail.html", context)


def _preview_hits(version: PublicationVersion) -> list[Any]:
    """The privacy scan of a draft's title and text, shown before it is submitted (not stored)."""
    from gongkai.domain.privacy import scan

    return scan([("标题", version.title), ("正文", version.body_text)])


# -- actions (POST) ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Action:
    roles: tuple[str, ...]
    form: type[forms.Form] | None
    run: Callable[[Publication, dict[str, Any], Any], str]  # returns the success message


def _submit(publication: Publication, data: dict[str, Any], user: Any) -> str:
    findings = services.submit_for_review(_working(publication), actor=user)
    return f"已提交保密审查；发现疑似个人信息 {len(findings)} 处" if findings else "已提交保密审查"


def _clear(publication: Publication, data: dict[str, Any], user: Any) -> str:
    services.clear_review(_working(publication), note=data.get("note", ""), actor=user)
    return "保密审查通过，已送审批"


def _return(publication: Publication, data: dict[str, Any], user: Any) -> str:
    services.return_for_changes(_working(publication), note=data["note"], actor=user)
    return "已退回修改"


def _approve(publication: Publication, data: dict[str, Any], user: Any) -> str:
    channels = [ReleaseChannel(c) for c in data["channels"]]
    done = services.approve_and_publish(
        _working(publication), published_on=data["published_on"], channels=channels, actor=user
    )
    return f"已发布，索引号 {done.index_number}"


def _correct(publication: Publication, data: dict[str, Any], user: Any) -> str:
    services.start_correction(publication, reason=data["reason"], formed_on=data["formed_on"], actor=user)
    return "已创建更正草稿"


def _withdraw(publication: Publication, data: dict[str, Any], user: Any) -> str:
    services.withdraw_publication(publication, reason=data["reason"], actor=user)
    return "已撤回"


def _validity(publication: Publication, data: dict[str, Any], user: Any) -> str:
    repealing = None
    if data["repealed_by"]:
        repealing = Publication.objects.filter(
            index_number=data["repealed_by"].strip(), status="published"
        ).first()
        if repealing is None:
            raise DomainError(f"没有找到索引号为“{data['repealed_by']}”的已发布文件", where="repealed_by")
    validity = Validity(data["validity"])
    services.change_validity(
        publication, validity=validity, changed_on=data["changed_on"], repealed_by=repealing, actor=user
    )
    return "有效性已更新"


def _release(publication: Publication, data: dict[str, Any], user: Any) -> str:
    channel = ReleaseChannel(data["channel"])
    services.record_release(
        publication, channel=channel, released_on=data["released_on"], note=data["note"], actor=user
    )
    return "已登记发布渠道"


ACTIONS: dict[str, Action] = {
    "submit": Action(EDITORS, None, _submit),
    "clear": Action(REVIEWERS, catalogue_forms.OptionalNoteForm, _clear),
    "return": Action((*REVIEWERS, *LEADERS), catalogue_forms.NoteForm, _return),
    "approve": Action(LEADERS, catalogue_forms.ApproveForm, _approve),
    "correct": Action(EDITORS, catalogue_forms.CorrectionForm, _correct),
    "withdraw": Action(LEADERS, catalogue_forms.ReasonForm, _withdraw),
    "validity": Action(EDITORS, catalogue_forms.ValidityForm, _validity),
    "release": Action(EDITORS, catalogue_forms.ReleaseForm, _release),
}


def _form_problems(form: forms.Form) -> str:
    return "；".join(
        f"{form.fields[f].label if f in form.fields else ''}{' '.join(str(m) for m in e)}"
        for f, e in form.errors.items()
    )


@login_required
@require_POST
def act(request: HttpRequest, slug: str, pk: int, action: str) -> HttpResponse:
    chosen = ACTIONS.get(action)
    if chosen is None:
        raise Http404("没有该操作")
    agency = access_agency_as_staff(request.user, slug, roles=chosen.roles)
    publication = _publication(agency, pk)
    data: dict[str, Any] = {}
    if chosen.form is not None:
        form = chosen.form(request.POST)
        if not form.is_valid():
            messages.error(request, _form_problems(form))
            return redirect("catalogue:work", slug=agency.slug, pk=publication.pk)
        data = form.cleaned_data
    try:
        messages.success(request, chosen.run(publication, data, request.user))
    except (DomainError, ValidationError) as error:
        messages.error(request, _message(error))
    return redirect("catalogue:work", slug=agency.slug, pk=publication.pk)


@login_required
@require_POST
def resolve_finding(request: HttpRequest, slug: str, pk: int, finding_id: int, action: str) -> HttpResponse:
    agency = access_agency_as_staff(request.user, slug, roles=REVIEWERS)
    publication = _publication(agency, pk)
    finding = get_object_or_404(PrivacyFinding, pk=finding_id, version__publication=publication)
    try:
        if action == "mask":
            services.mask_finding(finding, actor=request.user)
            messages.success(request, f"已遮盖：{finding.where}")
        elif action == "keep":
            services.keep_finding(finding, reason=request.POST.get("reason", ""), actor=request.user)
            messages.success(request, f"已记录保留理由：{finding.where}")
        else:
            raise Http404("没有该操作")
    except (DomainError, ValidationError) as error:
        messages.error(request, _message(error))
    return redirect("catalogue:work", slug=agency.slug, pk=publication.pk)


@login_required
@require_POST
def upload(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    agency = access_agency_as_staff(request.user, slug, roles=EDITORS)
    publication = _publication(agency, pk)
    form = catalogue_forms.AttachmentForm(request.POST, request.FILES)
    if not form.is_valid():
        messages.error(request, _form_problems(form))
    else:
        upload_file = form.cleaned_data["file"]
        try:
            services.add_attachment(
                _working(publication), name=upload_file.name, data=upload_file.read(), actor=request.user
            )
            messages.success(request, f"已上传附件“{upload_file.name}”")
        except (DomainError, ValidationError) as error:
            messages.error(request, _message(error))
    return redirect("catalogue:work", slug=agency.slug, pk=publication.pk)


@login_required
@require_POST
def delete_attachment(request: HttpRequest, slug: str, pk: int, attachment_id: int) -> HttpResponse:
    agency = access_agency_as_staff(request.user, slug, roles=EDITORS)
    publication = _publication(agency, pk)
    attachment = get_object_or_404(Attachment, pk=attachment_id, version__publication=publication)
    try:
        services.remove_attachment(attachment, actor=request.user)
        messages.success(request, "附件已删除")
    except (DomainError, ValidationError) as error:
        messages.error(request, _message(error))
    return redirect("catalogue:work", slug=agency.slug, pk=publication.pk)


@login_required
def staff_attachment(request: HttpRequest, slug: str, pk: int, attachment_id: int) -> FileResponse:
    agency = access_agency_as_staff(request.user, slug)
    publication = _publication(agency, pk)
    attachment = get_object_or_404(Attachment, pk=attachment_id, version__publication=publication)
    return FileResponse(attachment.file.open("rb"), as_attachment=True, filename=attachment.name)


@login_required
def settings_page(request: HttpRequest, slug: str) -> HttpResponse:
    agency = access_agency_as_staff(request.user, slug, roles=SETTINGS_ROLES)
    current = services.set_up_catalogue(agency, actor=request.user)
    form = catalogue_forms.SettingsForm(request.POST or None, instance=CatalogueSettings(agency=agency))
    if request.method != "POST":
        form = catalogue_forms.SettingsForm(instance=current)
    elif form.is_valid():
        data = form.cleaned_data
        try:
            services.update_catalogue_settings(agency, actor=request.user, **data)
        except (DomainError, ValidationError) as error:
            _form_error(form, error)
        else:
            messages.success(request, "目录设置与公开指南已保存")
            return redirect("catalogue:settings", slug=agency.slug)
    return render(
        request,
        "catalogue/manage/settings.html",
        {
            "agency": agency,
            "form": form,
            "category_form": catalogue_forms.CategoryForm(agency=agency),
            "tree": queries.category_tree(agency),
        },
    )


@login_required
@require_POST
def add_category(request: HttpRequest, slug: str) -> HttpResponse:
    agency = access_agency_as_staff(request.user, slug, roles=SETTINGS_ROLES)
    form = catalogue_forms.CategoryForm(request.POST, agency=agency)
    if not form.is_valid():
        messages.error(request, _form_problems(form))
    else:
        try:
            services.add_category(agency, actor=request.user, **form.cleaned_data)
            messages.success(request, f"已新增分类“{form.cleaned_data['name']}”")
        except (DomainError, ValidationError) as error:
            messages.error(request, _message(error))
    return redirect("catalogue:settings", slug=agency.slug)
