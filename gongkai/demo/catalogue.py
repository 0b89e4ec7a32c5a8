"""The demo's catalogues: each seed agency's year, with the category counts its report states.

Counts (shared/corpus/seed-*.txt; what a report does not split goes to 其他):
- 惠州 2017: "工作动态246条、部门文件51条、行政审批事项76条、安全知识及培训信息57条、部门预决算及“三公”
  经费8条，其他信息240条"; 微博231条, 微信16条.
- 河南 2018: "公开的信息共计2825条，其中发布行政许可公告35期、公告11期", "共公布事故信息116条".
- 官渡 2017: the statistics table's 政府网站公开政府信息数 155 (the prose says 98; the table wins here).
- 张店 2017: "累计主动公开政府信息26条".
- 柳州 2018: "全年制发各类政府信息732条，其中，文件政务信息类113条（主动公开规范性文件2个）"; channels
  政府公报6条, 微信公众号595条, 微博390条, 中国柳州447条 (the website's 873 exceeds the items; all go there).

Titles and texts are sentences of the agency's own report, recombined with a fixed seed; each agency's
catalogue is published in one audited bulk call. 惠州 also has items in the workflow: a draft, one in
保密审查 with a planted ID number and mobile number, and one published then corrected.
"""

from __future__ import annotations

import os
import random
import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import opencc
from django.contrib.auth import get_user_model

from gongkai.agencies.models import Agency
from gongkai.catalogue import services
from gongkai.catalogue.models import Category
from gongkai.demo.agencies import SEED_AGENCIES
from gongkai.domain.publication_rules import DocumentType, ReleaseChannel, Validity
from gongkai.domain.workdays import WorkCalendar
from gongkai.workcalendar.queries import work_calendar

SEED = 2017
CORPUS = Path(
    os.environ.get("GONGKAI_CORPUS", Path(__file__).resolve().parents[2].parent / "shared" / "corpus")
)


@dataclass(frozen=True)
class Slice:
    """`count` items in a category: an existing code, or a new one (code, name, parent code)."""

    code: str
    count: int
    new_name: str = ""
    parent: str | None = None
    title: str = "{clause}"
    doc_type: DocumentType = DocumentType.OTHER


PLAN: dict[str, tuple[tuple[Slice, ...], dict[ReleaseChannel, int]]] = {
    "huizhou-ajj": (
        (
            Slice("13", 246),
            Slice("0204", 51, "部门文件", "02", "关于{clause}的通知"),
            Slice("0601", 76, "行政审批事项", "06", "行政审批事项公告（{year}年第{n}期）"),
            Slice("16", 57, "安全知识及培训", None, "安全知识：{clause}"),
            Slice("0501", 8, title="{year}年部门预决算及“三公”经费公开（{n}）"),
            Slice("99", 240),
        ),
        {ReleaseChannel.WEIBO: 231, ReleaseChannel.WECHAT: 16},
    ),
    "henan-yjt": (
        (
            Slice("06", 35, title="行政许可公告（{year}年第{n}期）"),
            Slice("15", 11, title="公告：{clause}"),
            Slice("1201", 116, "事故信息", "12", "事故快报：{clause}"),
            Slice("99", 2663),
        ),
        {},
    ),
    "guandu-hbj": ((Slice("99", 155),), {}),
    "zhangdian-yjj": ((Slice("99", 26),), {}),
    "liuzhou-zjj": (
        (
            Slice("0202", 2, title="关于{clause}的规定", doc_type=DocumentType.NORMATIVE),
            Slice("0205", 111, "文件政务信息", "02", "关于{clause}的通知"),
            Slice("99", 619),
        ),
        {
            ReleaseChannel.GAZETTE: 6,
            ReleaseChannel.WECHAT: 595,
            ReleaseChannel.WEIBO: 390,
            ReleaseChannel.OTHER: 447,
        },
    ),
}


def _sentences(corpus_file: str) -> list[str]:
    path = CORPUS / corpus_file
    text = opencc.OpenCC("t2s").convert(path.read_text(encoding="utf-8")) if path.is_file() else ""
    found = [s.strip() for s in re.split(r"(?<=[。！？；])|\n", text)]
    found = [s for s in found if len(s) >= 12 and re.search(r"[\u4e00-\u9fff]{6}", s) and "|" not in s]
    return found or ["按照《中华人民共和国政府信息公开条例》规定，现将有关信息予以公开。"]


def _category(agency: Agency, plan: Slice, actor: object) -> Category:
    found = Category.objects.filter(agency=agency, code=plan.code).first()
    if found is not None:
        return found
    parent = Category.objects.get(agency=agency, code=plan.parent) if plan.parent else None
    return services.add_category(agency, name=plan.new_name, code=plan.code, parent=parent, actor=actor)


def _items(agency: Agency, year: int, corpus_file: str, actor: object) -> list[services.PublishedItem]:
    plan, channels = PLAN[agency.slug]
    rng = random.Random(f"{SEED}-{agency.slug}")  # noqa: S311 - demo data, reproducible on purpose
    sentences = _sentences(corpus_file)
    clauses = [c for s in sentences for c in re.split(r"[，、：；。]", s) if 6 <= len(c) <= 28] or sentences
    calendar = work_calendar()
    items = []
    for part in plan:
        category = _category(agency, part, actor)
        for n in range(1, part.count + 1):
            published = _workday(
                date(year, 1, 2) + (date(year, 12, 29) - date(year, 1, 2)) * rng.random(), calendar
            )
            # Most within Art. 26's 20 working days; one in twelve late.
            written = calendar.add_workdays(
                published, -rng.choice([*range(1, 20), 26, 35]) if rng.random() < 0.9 else 0
            )
            clause = rng.choice(clauses).strip("（）()“”")
            title = part.title.format(clause=clause, year=year, n=n)
            is_file = "通知" in part.title or part.doc_type != DocumentType.OTHER
            items.append(
                services.PublishedItem(
                    category=category,
                    title=title,
                    published_on=published,
                    written_on=min(written, published),
                    body="\n".join(rng.sample(sentences, k=min(len(sentences), rng.randint(2, 5)))),
                    doc_number=f"{agency.code[-3:]}〔{year}〕{n}号" if is_file else "",
                    keywords=" ".join(w for w in re.findall(r"[\u4e00-\u9fff]{2}", clause)[:2]),
                    doc_type=part.doc_type,
                    validity=Validity.VALID if part.doc_type != DocumentType.OTHER else None,
                    channels=((ReleaseChannel.WEBSITE, None),),
                )
            )
    items.sort(key=lambda item: (item.published_on, item.title))
    return _with_channels(items, channels, rng)


def _workday(day: date, calendar: WorkCalendar) -> date:
    return calendar.add_workdays(calendar.add_workdays(day, -1), 1)


def _with_channels(
    items: list[services.PublishedItem], counts: dict[ReleaseChannel, int], rng: random.Random
) -> list[services.PublishedItem]:
    extra: dict[int, list[ReleaseChannel]] = {}
    for channel, count in counts.items():
        for index in rng.sample(range(len(items)), k=min(count, len(items))):
            extra.setdefault(index, []).append(channel)
    result = []
    for index, item in enumerate(items):
        chosen = tuple((channel, None) for channel in extra.get(index, []))
        result.append(services.PublishedItem(**{**item.__dict__, "channels": item.channels + chosen}))
    return result


# A checksum-valid 居民身份证号码 (GB 11643) for 惠城区 (441302), invented for the demo.
DEMO_ID_NUMBER = "441302198001010015"


def _workflow(agency: Agency, year: int) -> int:
    users = get_user_model().objects
    clerk, reviewer, leader = (users.get(username=name) for name in ("clerk", "reviewer", "leader"))
    category = Category.objects.get(agency=agency, code="13")
    services.create_draft(
        agency, category=category, title=f"{year}年第四季度安全生产检查工作安排（草稿）",
        body="各科室：请按计划开展第四季度安全生产检查。", written_on=date(year, 12, 20), actor=clerk,
    )  # fmt: skip
    planted = services.create_draft(
        agency, category=category, title=f"关于{year}年度安全生产先进个人的公示",
        body=(f"经研究，拟评选以下同志为{year}年度安全生产先进个人：\n"
              f"张某某，身份证号码{DEMO_ID_NUMBER}，联系电话13912345678。\n公示期为五个工作日。"),
        written_on=date(year, 12, 15), actor=clerk,
    )  # fmt: skip
    services.submit_for_review(planted.versions.get(), actor=clerk)
    corrected = services.create_draft(
        agency, category=category, title=f"{year}年安全生产月活动总结",
        body="6月，我局组织开展安全生产月活动，举办培训三场。", written_on=date(year, 7, 3), actor=clerk,
    )  # fmt: skip
    version = corrected.versions.get()
    services.submit_for_review(version, actor=clerk)
    services.clear_review(version, actor=reviewer)
    corrected = services.approve_and_publish(version, published_on=date(year, 7, 10), actor=leader)
    correction = services.start_correction(
        corrected, reason="培训场次有误", formed_on=date(year, 7, 12), actor=clerk
    )
    services.update_draft(
        correction, title=correction.title, body="6月，我局组织开展安全生产月活动，举办培训四场。",
        written_on=correction.written_on, actor=clerk,
    )  # fmt: skip
    services.submit_for_review(correction, actor=clerk)
    services.clear_review(correction, actor=reviewer)
    services.approve_and_publish(correction, published_on=date(year, 7, 14), actor=leader)
    return 3


def build_catalogue(agencies: dict[str, Agency]) -> str:
    admin = get_user_model().objects.get(username="admin")
    total = 0
    for seed in SEED_AGENCIES:
        agency = agencies[seed.slug]
        services.set_up_catalogue(agency, actor=admin)
        items = _items(agency, seed.year, seed.corpus_file, admin)
        services.publish_in_bulk(agency, items=items, source="demo", actor=admin)
        total += len(items)
    in_workflow = _workflow(agencies[SEED_AGENCIES[0].slug], SEED_AGENCIES[0].year)
    return f"主动公开目录 {total} 条（各机关年报所述分类数），办理中示例 {in_workflow} 条"
