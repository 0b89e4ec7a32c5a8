"""The demo's agencies: the five whose reports the project started from (shared/corpus/seed-*.txt),
each under its government, and the demo staff."""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.db import transaction

from gongkai.agencies.models import Agency, Level, Role
from gongkai.agencies.services import create_agency, grant_role

DEMO_PASSWORD = "gongkai-demo"  # noqa: S105 - demo accounts on a local demo database only


@dataclass(frozen=True)
class SeedAgency:
    slug: str
    name: str
    code: str
    year: int  # the year its published report covers
    corpus_file: str
    government: tuple[str, str, str]  # slug, name, level


SEED_AGENCIES: tuple[SeedAgency, ...] = (
    SeedAgency(
        "huizhou-ajj",
        "惠州市安全生产监督管理局",
        "441300AJJ",
        2017,
        "seed-000.txt",
        ("huizhou", "惠州市人民政府", Level.CITY),
    ),
    SeedAgency(
        "henan-yjt",
        "河南省应急管理厅",
        "410000YJT",
        2018,
        "seed-001.txt",
        ("henan", "河南省人民政府", Level.PROVINCE),
    ),
    SeedAgency(
        "guandu-hbj",
        "昆明市官渡区环境保护局",
        "530111HBJ",
        2017,
        "seed-002.txt",
        ("guandu", "昆明市官渡区人民政府", Level.COUNTY),
    ),
    SeedAgency(
        "zhangdian-yjj",
        "淄博市张店区应急管理局",
        "370303YJJ",
        2017,
        "seed-003.txt",
        ("zhangdian", "淄博市张店区人民政府", Level.COUNTY),
    ),
    SeedAgency(
        "liuzhou-zjj",
        "柳州市质量技术监督局",
        "450200ZJJ",
        2018,
        "seed-004.txt",
        ("liuzhou", "柳州市人民政府", Level.CITY),
    ),
)

STAFF_ROLES = {
    "clerk": Role.CLERK,
    "office": Role.OFFICE_HEAD,
    "reviewer": Role.REVIEWER,
    "leader": Role.LEADER,
}


@transaction.atomic
def build_agencies() -> dict[str, Agency]:
    users = get_user_model().objects
    admin = users.create_superuser("admin", "admin@example.org", DEMO_PASSWORD)
    agencies: dict[str, Agency] = {}
    for seed in SEED_AGENCIES:
        gov_slug, gov_name, level = seed.government
        government = agencies.get(gov_slug) or create_agency(
            slug=gov_slug,
            name=gov_name,
            level=level,
            is_government=True,
            code=seed.code[:6] + "GOV",
            actor=admin,
        )
        agencies[gov_slug] = government
        agency = create_agency(
            slug=seed.slug, name=seed.name, parent=government, level=level, code=seed.code, actor=admin
        )
        agency.address, agency.office_hours, agency.phone = (
            f"{gov_name}政务服务中心",
            "工作日 9:00—12:00，14:00—17:30",
            "0000-12345678",
        )
        agency.save(update_fields=["address", "office_hours", "phone"])
        agencies[seed.slug] = agency
    for username, role in STAFF_ROLES.items():
        user = users.create_user(username, f"{username}@example.org", DEMO_PASSWORD)
        for seed in SEED_AGENCIES:
            grant_role(user, agency=agencies[seed.slug], role=role, actor=admin)
    supervisor = users.create_user("supervisor", "supervisor@example.org", DEMO_PASSWORD)
    for gov in ("huizhou", "henan", "guandu", "zhangdian", "liuzhou"):
        grant_role(supervisor, agency=agencies[gov], role=Role.SUPERVISOR, actor=admin)
    return agencies
