"""The JSON API: one NinjaAPI, one error shape {"message", "code", "where"} for every failure."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, HttpError, ValidationError
from ninja.security import SessionAuth

from gongkai.domain.errors import DomainError, TransitionNotAllowed

api = NinjaAPI(title="Gongkai API", version="1", description="政府信息公开平台接口", urls_namespace="api")
session_auth = SessionAuth(csrf=True)


def error_response(request: HttpRequest, *, message: str, code: str, where: str, status: int) -> HttpResponse:
    return api.create_response(request, {"message": message, "code": code, "where": where}, status=status)


@api.exception_handler(DomainError)
def domain_error(request: HttpRequest, error: DomainError) -> HttpResponse:
    status = 409 if isinstance(error, TransitionNotAllowed) else 400
    return error_response(request, message=error.message, code=error.code, where=error.where, status=status)


@api.exception_handler(ValidationError)
def validation_error(request: HttpRequest, error: ValidationError) -> HttpResponse:
    first = error.errors[0] if error.errors else {}
    where = ".".join(str(p) for p in first.get("loc", ()) if p not in ("body", "payload"))
    message = f"输入无效：{where} {first.get('msg', '')}".strip()
    return error_response(request, message=message, code="invalid_input", where=where, status=422)


@api.exception_handler(Http404)
def not_found(request: HttpRequest, error: Http404) -> HttpResponse:
    return error_response(request, message=str(error) or "没有找到", code="not_found", where="", status=404)


@api.exception_handler(HttpError)
def http_error(request: HttpRequest, error: HttpError) -> HttpResponse:
    message = str(error)
    code = "csrf_failed" if "CSRF" in message else f"http_{error.status_code}"
    if code == "csrf_failed":
        message = "CSRF 校验失败：请刷新页面后重试"
    return error_response(request, message=message, code=code, where="", status=error.status_code)


@api.exception_handler(AuthenticationError)
def unauthenticated(request: HttpRequest, error: AuthenticationError) -> HttpResponse:
    return error_response(request, message="请先登录", code="unauthenticated", where="", status=401)


def _mount_routers() -> None:
    from gongkai.applications.api import router as applications
    from gongkai.catalogue.api import router as catalogue
    from gongkai.disputes.api import router as disputes
    from gongkai.reports.api import router as reports

    api.add_router("/applications/", applications)
    api.add_router("/catalogue/", catalogue)
    api.add_router("/disputes/", disputes)
    api.add_router("/reports/", reports)


_mount_routers()
