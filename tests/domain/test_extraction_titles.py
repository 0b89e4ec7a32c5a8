"""The agency and the year a report is about, as pages and excerpts give them."""

from __future__ import annotations

import pytest

from gongkai.domain.extraction import extract_text

BODY = "\n一、总体情况\n本年度全年收到政府信息公开申请2件。\n"


@pytest.mark.parametrize(
    ("head", "agency"),
    [
        ("某市统计局2021年政府信息公开工作年度报告", "某市统计局"),
        # a breadcrumb line above the title is not part of the name
        (
            "当前位置: 首页 > 政务公开 > 年报 > 镇街\n"
            "某区人民政府某某街道办事处2021年政府信息公开工作年度报告",
            "某区人民政府某某街道办事处",
        ),
        ("当前位置:街镇>某某镇>政务公开>政府信息公开年报某某镇", ""),
        # the sentence or the page furniture before the name
        ("特向社会公布某某乡人民政府2021年政府信息公开工作年度报告。", "某某乡人民政府"),
        ("无障碍浏览某某街道办事处2021年政府信息公开工作年度报告", "某某街道办事处"),
        ("由某市信访办编制的2021年政府信息公开工作年度报告", "某市信访办"),
        (
            "索引号 | 公开方式 | 发布机构 |\n"
            "11/2021-1 | 主动公开 | 某县某某镇人民政府 |\n2021年政府信息公开工作年度报告",
            "某县某某镇人民政府",
        ),
        # "人民政府信息公开": 政府 belongs to the name and to the title
        ("2021年某某镇人民政府信息公开工作年度报告", "某某镇人民政府"),
        # a title without a year; a page cut to its body
        ("某某路街道办事处政府信息公开工作年度报告", "某某路街道办事处"),
        ("2021年,某县政府办公室根据《条例》要求做好政府信息公开工作。", "某县政府办公室"),
        # not names: a document's title, a pronoun, the generic word
        ("根据《某县人民政府办公室关于做好2021年政府信息公开工作年度报告的通知》要求", ""),
        ("政府信息公开年报", ""),
        # the publication date glued before the title is not part of the name, nor its year
        ("  • 发布日期:\n  • 2021年03月18日\n\n某省邮政管理局2020年政府信息公开年度报告", "某省邮政管理局"),
        ("2021年,我局认真贯彻《条例》。", ""),
    ],
)
def test_the_agency_as_the_text_names_it(head: str, agency: str) -> None:
    assert extract_text(head + BODY).agency == agency


@pytest.mark.parametrize(
    ("text", "year"),
    [
        ("一、总体情况\n2020年,某街道办事处认真贯彻落实《条例》。\n", 2020),
        ("一、總體情況\n2021年,我局以習近平新時代中國特色社會主義思想為指導。\n", 2021),
        ("某局政府信息公开工作年度报告\n本报告所列数据统计期限为2019年1月1日至2019年12月31日。\n", 2019),
        ("  • 发布日期:\n  • 2021年03月18日\n\n某省邮政管理局2020年政府信息公开年度报告\n", 2020),
        ("根据《条例》规定,编制2020年政府信息公开工作。\n一、总体情况\n全年收到申请2件。\n", 2020),
        # the plans for the next year do not make the report's year
        (
            "2019年我镇主动公开政府信息数160条。\n2019年,我镇没有收到申请。\n为此,2020年政府信息公开工作将进一步加强。\n",
            2019,
        ),
    ],
)
def test_the_year_of_a_page_without_a_dated_title(text: str, year: int) -> None:
    assert extract_text(text).year == year
