"""An agency's catalogue: its category tree, its 索引号 format and its 公开指南."""

from __future__ import annotations

from typing import Any

from django.db import transaction

from gongkai.agencies.models import Agency
from gongkai.audit.services import record
from gongkai.catalogue.models import CatalogueSettings, Category
from gongkai.domain.errors import InvalidInput
from gongkai.domain.publication_rules import NATIONAL_CATEGORIES, CategorySeed, parse_index_pattern

# A starting 公开指南 after the 2019 Regulation; each agency edits its own.
DEFAULT_GUIDE = {
    "guide_intro": "本指南依据《中华人民共和国政府信息公开条例》（国务院令第711号）编制。"
    "本机关主动公开的政府信息可在本平台“主动公开目录”中查阅、检索；未主动公开的政府信息，"
    "可以依法申请公开。",
    "apply_how": "申请人可通过在线平台、信函、传真或当面提交书面申请（条例第二十九条）。申请内容应包括："
    "申请人的姓名或者名称、身份证明、联系方式；申请公开的政府信息的名称、文号或者便于查询的其他特征性描述；"
    "申请公开的政府信息的形式要求，包括获取信息的方式、途径。",
    "fees": "行政机关依申请提供政府信息，不收取费用。但申请人申请公开政府信息的数量、频次明显超过合理范围的，"
    "可以按照《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）收取信息处理费（条例第四十二条）。",
    "remedies": "公民、法人或者其他组织认为行政机关在政府信息公开工作中侵犯其合法权益的，"
    "可以向上一级行政机关或者政府信息公开工作主管部门投诉、举报，也可以依法申请行政复议或者提起行政诉讼"
    "（条例第五十一条）。",
}
GUIDE_FIELDS = ("guide_intro", "apply_how", "apply_where", "hours", "fees", "remedies")


def _seed(agency: Agency, seeds: tuple[CategorySeed, ...], parent: Category | None, start: int) -> int:
    count = 0
    for position, seed in enumerate(seeds, start=start):
        category = Category(agency=agency, parent=parent, code=seed.code, name=seed.name, position=position)
        category.full_clean()
        category.save()
        count += 1 + _seed(agency, seed.children, category, 1)
    return count


@transaction.atomic
def set_up_catalogue(agency: Agency, *, actor: Any) -> CatalogueSettings:
    """The agency's catalogue settings; the first time, seed the national categories and a guide."""
    existing = CatalogueSettings.objects.filter(agency=agency).first()
    if existing is not None:
        return existing
    settings = CatalogueSettings(
        agency=agency,
        apply_where=agency.address,
        hours=agency.office_hours,
        **DEFAULT_GUIDE,
    )
    settings.full_clean()
    settings.save()
    seeded = (
        0 if Category.objects.filter(agency=agency).exists() else _seed(agency, NATIONAL_CATEGORIES, None, 1)
    )
    record(
        actor=actor,
        event="catalogue.set_up",
        subject=settings,
        agency=agency,
        after={"index_pattern": settings.index_pattern, "categories": seeded},
    )
    return settings


@transaction.atomic
def add_category(
    agency: Agency, *, name: str, code: str, parent: Category | None = None, actor: Any
) -> Category:
    if parent is not None and parent.agency_id != agency.pk:
        raise InvalidInput("上级分类不属于本机关", where="parent")
    siblings = Category.objects.filter(agency=agency, parent=parent)
    category = Category(
        agency=agency, parent=parent, name=name.strip(), code=code.strip(), position=siblings.count() + 1
    )
    category.full_clean()
    category.save()
    record(
        actor=actor,
        event="catalogue.category_added",
        subject=category,
        agency=agency,
        after={"name": category.name, "code": category.code, "parent": parent.code if parent else None},
    )
    return category


@transaction.atomic
def update_catalogue_settings(
    agency: Agency, *, index_pattern: str, actor: Any, **guide: str
) -> CatalogueSettings:
    """Change the 索引号 format and the guide's texts (keyword arguments named as GUIDE_FIELDS)."""
    unknown = set(guide) - set(GUIDE_FIELDS)
    if unknown:
        raise InvalidInput(f"未知的指南字段：{', '.join(sorted(unknown))}", where=sorted(unknown)[0])
    settings = set_up_catalogue(agency, actor=actor)
    pattern = parse_index_pattern(index_pattern)
    fields = ["index_pattern", *guide]
    before = {name: getattr(settings, name) for name in fields}
    settings.index_pattern = pattern.text
    for name, value in guide.items():
        setattr(settings, name, value.strip())
    settings.full_clean()
    settings.save(update_fields=[*fields, "updated_at"])
    after = {name: getattr(settings, name) for name in fields}
    changed = [name for name in fields if before[name] != after[name]]
    if changed:
        record(
            actor=actor,
            event="catalogue.settings_changed",
            subject=settings,
            agency=agency,
            before={name: before[name] for name in changed},
            after={name: after[name] for name in changed},
        )
    return settings
