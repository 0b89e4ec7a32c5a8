"""The demo's annual reports, built through the real services after the cases and the catalogue.

- Each seed agency's report year (shared/corpus/seed-*.txt) in the pre-2019 format: the records
  (built by demo.applications) give the request, review, lawsuit and fee lines; what the original
  states beyond them is entered by hand below, figure by figure as its text gives it; its prose
  becomes sections 一 and 五. So Gongkai's report states the figures the original states.
- Seed 002 (官渡区环保局 2017) attached the statistics table: all of its lines no record answers
  are entered as printed, with the original prose, so that the checks report its contradictions
  (website 98 in the prose vs 155 in the table; Weibo "300余" vs 200; trainings 3 vs 1; 主动公开政府
  信息数 0 below channel lines of 155 and 200).
- 2025 reports in the 2021 format with prose written with placeholders; 惠州 is published, as is
  柳州's 2018 report (on the pre-2019 table).
"""

from __future__ import annotations

import os
import re
from decimal import Decimal
from pathlib import Path

from django.contrib.auth import get_user_model

from gongkai.agencies.models import Agency
from gongkai.demo.agencies import SEED_AGENCIES, SeedAgency
from gongkai.domain.extraction.normalize import to_simplified
from gongkai.reports import services
from gongkai.reports.models import AnnualReport, Status
from gongkai.reports.queries import compile_report

REPORT_YEAR = 2025

# What each original states that no record holds (the corpus labels: shared/corpus/seed-*.json).
SEED_FIGURES: dict[str, dict[str, str]] = {
    # seed-000: 政务信息网更新信息678条 … 微博信息发布量231条，微信信息发布量16条；政协提案1件；网络问政253件
    "huizhou-ajj": {
        "extra.proactive.website.value": "678",
        "extra.proactive.weibo.value": "231",
        "extra.proactive.wechat.value": "16",
        "figure.proposals": "1",
        "figure.online_qa": "253",
    },
    # seed-001: 全年总计采取书面和网络形式公开的信息共计2825条
    "henan-yjt": {"extra.proactive.total.value": "2825"},
    # seed-002: the 统计表 as printed, every line no record answers (its 三–七 are the records' zeros)
    "guandu-hbj": {
        "extra.proactive.total.value": "0",
        "extra.proactive.normative_documents.value": "0",
        "extra.proactive.normative_documents_issued.value": "0",
        "extra.proactive.gazette.value": "0",
        "extra.proactive.website.value": "155",
        "extra.proactive.weibo.value": "200",
        "extra.proactive.wechat.value": "0",
        "extra.proactive.other_channels.value": "0",
        "extra.response.hot_topics.value": "0",
        "extra.response.press_conferences.value": "0",
        "extra.response.press_conferences_by_head.value": "0",
        "extra.response.online_interviews.value": "0",
        "extra.response.online_interviews_by_head.value": "0",
        "extra.response.interpretations.value": "0",
        "extra.response.weibo_wechat.value": "0",
        "extra.response.other.value": "0",
        "extra.complaints.value": "0",
        "extra.staffing.offices.value": "1",
        "extra.staffing.reading_points.value": "0",
        "extra.staffing.staff.value": "3",
        "extra.staffing.full_time.value": "2",
        "extra.staffing.part_time.value": "1",
        "extra.staffing.funding_10k_yuan.value": "0.5",
        "extra.training.meetings.value": "2",
        "extra.training.courses.value": "1",
        "extra.training.trainees.value": "50",
    },
    # seed-003: 区安监局累计主动公开政府信息26条
    "zhangdian-yjj": {"extra.proactive.total.value": "26"},
    # seed-004: 全年制发各类政府信息732条…主动公开规范性文件2个…政府公报6条，门户网站873条，微信公众号595条，
    # 微博390条，中国柳州447条
    "liuzhou-zjj": {
        "extra.proactive.total.value": "732",
        "extra.proactive.normative_documents.value": "2",
        "extra.proactive.gazette.value": "6",
        "extra.proactive.website.value": "873",
        "extra.proactive.wechat.value": "595",
        "extra.proactive.weibo.value": "390",
        "extra.proactive.other_channels.value": "447",
    },
}
PUBLISHED_SEEDS = ("liuzhou-zjj",)

# 2025: what each agency enters for table 二 (the decisions and fees no record holds).
FIGURES_2025: dict[str, dict[str, str]] = {
    "huizhou-ajj": {
        "proactive.licensing.decisions": "412",
        "proactive.punishment.decisions": "96",
        "proactive.coercion.decisions": "7",
        "proactive.fees.amount_10k_yuan": "0",
        "extra.training.courses.value": "4",
    },
    "henan-yjt": {"proactive.licensing.decisions": "1287", "proactive.punishment.decisions": "35"},
    "guandu-hbj": {"proactive.licensing.decisions": "158", "proactive.punishment.decisions": "41"},
    "zhangdian-yjj": {"proactive.licensing.decisions": "233"},
    "liuzhou-zjj": {"proactive.licensing.decisions": "864", "proactive.punishment.decisions": "52"},
}
OVERVIEW_2025 = (
    "{year}年，本机关认真贯彻《中华人民共和国政府信息公开条例》，全年作出行政许可决定{{行政许可决定}}件、"
    "行政处罚决定{{行政处罚决定}}件。\n"
    "全年新收政府信息公开申请{{新收申请}}件，上年结转{{上年结转}}件；办结{{办结申请}}件，其中予以公开{{予以公开}}件、"
    "部分公开{{部分公开}}件、无法提供{{无法提供}}件；结转下年度继续办理{{结转下年}}件。"
    "发生政府信息公开行政复议{{行政复议}}件、行政诉讼{{行政诉讼}}件。"
)
PROBLEMS_2025 = (
    "一是部分科室对依申请公开的时限要求把握不准，个别申请临近期限才答复；二是政策解读形式较单一。"
    "下一步将加强业务培训，建立答复期限预警，丰富解读形式。"
)
OTHER_2025 = "本年度收取信息处理费{信息处理费}元。"
_FALLBACK = "（演示数据：原报告正文见 shared/corpus，未找到该文件。）"
_PROBLEMS_HEADING = re.compile(r"^\s*[一二三四五六七八九十]+\s*、.*(问题|不足)")
_HEADING = re.compile(r"^\s*[一二三四五六七八九十]+\s*、")


def _corpus() -> Path:
    default = Path(__file__).resolve().parents[2].parent / "shared" / "corpus"
    return Path(os.environ.get("GONGKAI_CORPUS", default))


def seed_prose(seed: SeedAgency) -> tuple[str, str]:
    """The original's prose as (一、总体情况, 五、存在的主要问题及改进情况), in simplified characters."""
    path = _corpus() / seed.corpus_file
    if not path.is_file():
        return _FALLBACK, _FALLBACK
    text = to_simplified(path.read_text(encoding="utf-8")).split("附件1")[0]
    lines = [line.strip() for line in text.splitlines()[1:] if line.strip()]
    start = next((i for i, line in enumerate(lines) if _PROBLEMS_HEADING.match(line)), len(lines))
    end = next((i for i in range(start + 1, len(lines)) if _HEADING.match(lines[i])), len(lines))
    overview = "\n".join(lines[:start]) or _FALLBACK
    problems = "\n".join(lines[start + 1 : end]) or _FALLBACK
    return overview, problems


def _enter(agency: Agency, year: int, figures: dict[str, str], actor: object) -> None:
    for key, value in figures.items():
        services.save_manual_entry(agency, year, key=key, value=Decimal(value), actor=actor, note="演示数据")


def _seed_report(agency: Agency, seed: SeedAgency, actor: object) -> None:
    services.start_report(agency, seed.year, actor=actor)
    _enter(agency, seed.year, SEED_FIGURES[seed.slug], actor)
    overview, problems = seed_prose(seed)
    services.save_section(agency, seed.year, key="overview", text=overview, actor=actor)
    services.save_section(agency, seed.year, key="problems", text=problems, actor=actor)


def _report_2025(agency: Agency, actor: object) -> None:
    services.start_report(agency, REPORT_YEAR, actor=actor)
    _enter(agency, REPORT_YEAR, FIGURES_2025[agency.slug], actor)
    services.save_section(
        agency, REPORT_YEAR, key="overview", text=OVERVIEW_2025.format(year=REPORT_YEAR), actor=actor
    )
    if agency.slug != "zhangdian-yjj":  # left without 五 so that the demo shows the finding
        services.save_section(agency, REPORT_YEAR, key="problems", text=PROBLEMS_2025, actor=actor)
    services.save_section(agency, REPORT_YEAR, key="other", text=OTHER_2025, actor=actor)


def build_reports(agencies: dict[str, Agency]) -> str:
    users = get_user_model().objects
    clerk, head = users.get(username="clerk"), users.get(username="office")
    for seed in SEED_AGENCIES:
        agency = agencies[seed.slug]
        _seed_report(agency, seed, clerk)
        _report_2025(agency, clerk)
    for slug in PUBLISHED_SEEDS:
        seed = next(s for s in SEED_AGENCIES if s.slug == slug)
        services.publish_report(agencies[slug], seed.year, actor=head)
    services.publish_report(agencies["huizhou-ajj"], REPORT_YEAR, actor=head)
    guandu = next(s for s in SEED_AGENCIES if s.slug == "guandu-hbj")
    flagged = compile_report(agencies["guandu-hbj"], guandu.year).findings
    published = AnnualReport.objects.filter(status=Status.PUBLISHED).count()
    return (
        f"年度报告 {AnnualReport.objects.count()} 份（已发布 {published} 份）；"
        f"官渡区环保局{guandu.year}年原统计表检出问题 {len(flagged)} 项"
    )
