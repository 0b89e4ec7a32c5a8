"""Figures stated in a report's prose: the official wording and the common phrasings around it.

Each pattern reads one field from one clause: "全年收到政府信息公开申请34件", "依申请公开3件",
"未收到信息公开申请" (0), "行政复议7件，诉讼9件", "政务信息网更新信息678条". Patterns never cross
a sentence, and ``guards`` rejects figures that do not state the field. A figure taken by one
field is not read again by another: totals are read before channels, channels before the rest.
Every claim keeps its prose offset, so a finding can name its line.

Most patterns begin with a literal word (lookbehinds are done by the guards), so that the regex
engine skips through the text at memchr speed: the reader must keep pace with OpenCC.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from itertools import islice

from gongkai.domain.extraction import guards
from gongkai.domain.extraction.guards import Context, Guard
from gongkai.domain.extraction.numerals import NUMBER, Number, parse_number

__all__ = ["Claim", "find_claims"]


@dataclass(frozen=True)
class Claim:
    """One statement of one figure: ``field`` = ``number``, at prose offsets [start, end)."""

    field: str
    number: Number
    start: int
    end: int
    figure: int  # prose offset of the figure itself (-1 for a "none" statement)
    cumulative: bool = False  # "累计…": yields to a figure for the year alone
    by_website: bool = False  # a total published through the one website named ("通过网站发布…")


# A report states a figure a few times; past this many matches of one phrasing the text is noise,
# and reading on would only cost time.
MAX_MATCHES = 300
_N = NUMBER
_G = r"[^,;。!?\n:]"  # inside one clause
_NO_FIGURE = r"[^,;。!?\n:\d、]"  # inside one clause, no other figure or list item between
_NOT = r"(?:未|没有|没|无|不存在)(?!法|需|论|关|误|偿|障碍|纸|线|人)"
# 网站, 门户网, 信息网, 政务网, 政府网, starting at 网 (literal first).
_WEB = r"网(?:站|(?<=门户网)|(?<=信息网)|(?<=政务网)|(?<=政府网)|(?<=公开网))[”\"》]?"
_NAME = r"(?:“[^”\n]{1,15}”|\"[^\"\n]{1,15}\")?"  # 微信公众号“富美唐村”
# 微信公众账号(1个)发布信息149条, 微信(含转发)851条, 订阅号“某某乡”(微信号:abc123)
_ACCOUNTS = r"(?:\(\d{1,2}个\)|\([^()\n\d]{1,8}\)|\((?:微信号|账号|微博号)[:：][\w-]{1,30}\))?"
_WECHAT_WORD = r"(?:微信(?:公众号|公众账号|公众平台|订阅号|服务号|账号|平台)?|公众号)"
_WECHAT = rf"{_WECHAT_WORD}{_NAME}{_ACCOUNTS}(?:新媒体平台|平台)?"
# Items a channel carried; "网站公开2件规范性文件" counts documents of a kind, not the channel's items.
_ITEMS = (
    r"(?:条次|(?:条|篇|则|件)(?![次]|(?:行政)?规范性文件|文件|规章|政策|通知|公告|决定|解读))"  # 3120条次
)
_CASES = r"(?:件|个(?!领域|方面|类|部门|单位|工作日|月)|宗|份|项|起)"  # not "群体申请两个领域"
_VERB_WORDS = r"(?:发布|更新|公开|公布|刊登|推送|编发|上传|转发|转载|采集|修订|发)"
# 公开发布, 发布和转发; "发布县内工作动态、安全提示等内容共计2305条": the kinds carried, then the count
_VERB = (
    rf"(?:共|全年|累计|当年|本年|年内|共计|总计|主动|依法|及时|进行|分类)*"
    rf"{_VERB_WORDS}(?:(?:和|及|并|、)?{_VERB_WORDS}){{0,2}}(?:了)?(?:各类)?"
    r"(?:[^,;。!?\n:\d]{1,40}?等(?:内容|信息))?"
)
# “同意公开”的7件, 同意公开答复数2条
_REPLY = (
    r"[”\"」]?(?:范围)?(?:答复|的|了)*(?:政府信息公开申请|申请)?(?:答复)?(?:数|件数)?(?:共|共计)?(?:为|有)?"
)


# A count of requests before its reply: "3件", "3条申请"; the reason between ("属于个人隐私,")
_ONE_REQUEST = r"(?:件|条(?!次))(?:申请)?(?:的内容)?"
# The grounds of the 2021 table's rows: "属于个人隐私,不予以公开", "属于重复申请,不予以处理"
# ("属于行政查询事项不予公开" is neither)
_REFUSAL_GROUND = r"(?:属于[^,;。!?\n:\d]{0,8}?(?:秘密|隐私|过程信息|内部事务|执法案卷|安全|稳定),?)?"
_NO_PROCESSING_GROUND = r"(?:属于[^,;。!?\n:\d]{0,8}?(?:重复申请|信访|举报|投诉|出版物|反复申请|确认),?)?"


_REPLY_UNIT = r"(?:件|宗|条(?![次]))"  # 不予公开2宗


Start = tuple[str, int]  # (word, offset): a match may start at each occurrence of the word, plus the offset


@dataclass(frozen=True)
class _Pattern:
    field: str
    regex: re.Pattern[str]
    needs: tuple[str, ...]  # the text must hold one of these (for patterns not starting with a word)
    guard: Guard | None = guards.this_year
    window: tuple[str, ...] = ()  # figure-first patterns: only run just before these words
    # Where a match can start: each word's occurrences, shifted by the offset. Every match of the
    # regex starts at one of them, so matching only there finds what ``finditer`` would. Given for
    # patterns that do not begin with one word (the regex engine would try every position); a pattern
    # that does finds its word as fast as we could.
    starts: tuple[Start, ...] = ()


def _p(
    field: str,
    regex: str,
    needs: tuple[str, ...],
    guard: Guard | None = guards.this_year,
    window: tuple[str, ...] = (),
    starts: tuple[Start, ...] = (),
) -> _Pattern:
    if "\u4e00" <= regex[:1] <= "\u9fff" and not window:
        needs = ()  # a pattern that starts with a word finds it as fast as a test for the word would
    return _Pattern(field, re.compile(regex), needs, guard, window, starts)


_RECEIVING = (("收到", 0), ("受理", 0), ("接到", 0))


_PATTERNS: tuple[_Pattern, ...] = (
    # 主动公开: the year's own total
    _p(
        "proactive_total",
        rf"主动(?:(?:在|通过|向|利用)[^,;。!?\n:]{{1,24}}?)?(?:公开|发布|公布)(?:、(?:更新|发布|公布))?(?:了)?(?:[^,;。!?\n:]{{1,60}}?等)?(?:各类|各种)?(?:的)?"
        rf"(?:[^,;。!?\n:\d]{{0,8}}(?:单位|部门|机关)(?:的)?|(?:我|本)[^,;。!?\n:\d]{{1,3}}?)?(?:(?:政府|政务)?(?:信息|资讯))?(?:\([^()\n]{{1,12}}\))?(?:数|总数|数量|总量|量|件数|条数)?(?:的)?"
        rf"(?:共|共计|合计|总计|累计)?"
        rf"(?:为|达|达到|计|有)?{_N}(?:条|件|篇)(?![次])",
        ("主动",),
        guards.proactive,
    ),
    _p(
        "proactive_total",
        rf"年(?:度|内)?,?(?P<m>通过[^,;。!?\n:]{{1,30}}?,)?(?P<g>[^,;。!?\n:年]{{0,30}}?)"
        rf"(?:公开|发布|公布|制发|新增|编发)(?:了)?(?:的)?(?:各级)?(?:各类|各种)?"
        rf"(?:主动公开|公开)?(?:的)?(?:[^,;。!?\n:年]{{1,30}}?等)?(?:各类)?(?:政府|政务)?信息"
        rf"(?:数|总数|数量)?(?:共|共计|合计|总计)?(?:为|达|计|有)?{_N}(?:条|件|篇)(?![次])",
        ("信息",),
        guards.year_total,
    ),
    _p(  # "2022年,全镇政府信息公开566条": the year opening the sentence
        "proactive_total",
        rf"信息(?:主动)?公开(?:共|共计|总计|合计)?{_N}(?:条|件|篇)(?![次])",
        ("信息",),
        guards.year_opened,
    ),
    _p(  # "主动公开的各类政府信息数量12688。": a count word, and no unit
        "proactive_total",
        rf"主动公开(?:的)?(?:各类|各种)?(?:政府)?信息(?:的)?(?:数|总数|数量|总量|条数)(?:共|共计|为|是|达)*{_N}(?=[。,;]|$)",
        ("主动",),
        guards.proactive,
    ),
    _p(  # "截至2012年12月30日,…共主动公开政府信息615条,今年新增94条"
        "proactive_total",
        rf"(?:本年度?|当年|今年)新增(?:主动公开)?(?:的)?(?:政府信息|信息)?{_N}(?:条|件)(?![次])",
        ("新增",),
        guards.year_part,
        starts=(("新增", -2), ("新增", -3)),
    ),
    _p(
        "proactive_total",
        rf"其中[,:]?(?:本年度?|当年度?|今年|年内|全年)(?P<g>{_G}{{0,30}}?)(?:新增|公开|发布|公布|更新)(?:了)?(?:各类)?"
        rf"(?:主动公开)?(?:的)?(?:政府信息|信息)?(?:共)?{_N}(?:条|件)(?![次])",
        ("其中",),
        guards.year_part,
    ),
    # channels
    _p("gazette_items", rf"政府公报公开政府信息数(?:为)?{_N}", ("公报",)),
    _p(
        "gazette_items",
        rf"政府公报(?:共|全年)*(?:公开|刊登|发布)(?:了)?(?:(?:政府)?信息)?{_N}(?:条|件)(?![次])",
        ("公报",),
    ),
    _p("website_items", rf"政府网站公开政府信息数(?:为)?{_N}", ("网站",)),
    _p(
        "website_items",
        rf"{_WEB}{_ACCOUNTS}(?:(?:政府)?(?:信息公开|政务公开)(?:专栏|栏目|平台|板块))?(?:上|中|内)?"
        rf"(?:{_VERB}(?:[^,;。!?\n:\d]{{0,24}}?(?:信息|文章|稿件|内容))?(?:公开)?(?:数|量|数量|总数)?(?:共|共计|累计)?"
        rf"(?:为|达|达到)?|(?:信息)?(?:发布量|更新量|发布数量?|更新数量?|发稿量|信息量)(?:共)?(?:为|达)?)?{_N}{_ITEMS}",
        ("网",),
        guards.channel,
    ),
    _p("weibo_items", rf"政务微博公开政府信息数(?:为)?{_N}", ("微博",)),
    _p(
        "weibo_items",
        rf"微博(?:账号|公众号|号)?{_NAME}{_ACCOUNTS}(?:上)?(?:{_VERB}(?:政务|政府)?(?:图文)?(?:信息|博文|文章|微博|稿件|视频)?(?:数|量|数量|条数)?(?:共|共计)?(?:为|达)?"
        rf"|(?:信息)?(?:发布量|更新量|发布数量?|发博量|发文量)(?:为|达)?|信息|博文|文章)?{_N}(?:条次|(?:条|篇|则)(?![次]))",
        ("微博",),
        guards.channel,
    ),
    _p("wechat_items", rf"政务微信公开政府信息数(?:为)?{_N}", ("微信",)),
    _p(
        "wechat_items",
        rf"{_WECHAT}(?:上)?(?:{_VERB}(?:政府|政务)?(?:图文)?(?:信息|文章|图文|消息|推文|稿件)?(?:数|量|数量|条数)?(?:共|共计)?(?:为|达)?"
        rf"|(?:信息)?(?:发布量|更新量|推送量|发布数量?|发文量)(?:为|达)?|信息|文章|推文|图文)?{_N}(?:条次|(?:条|篇|则)(?![次]))",
        ("微信", "公众号"),
        guards.channel,
        starts=(("微信", 0), ("公众号", 0)),
    ),
    # "在政务微博微信公开信息分别为545条和378条": the channels named before, in order
    _p(
        "respectively",
        rf"分别(?:为|是|有|达|计|{_VERB_WORDS}(?:了)?(?:政务|政府)?(?:信息|文章|推文|博文)?(?:为)?)?(?P<nums>\d{{1,6}}(?:条|篇|则)?(?:(?:[、,和及与]|以及)\d{{1,6}}(?:条|篇|则)?){{1,3}})(?<=[条篇则])",
        (),
        guards.this_year,
    ),
    # 依申请公开: requests received and carried
    _p(
        "requests_received",
        rf"(?:收到|受理|接到|接收|接受|新收|收(?=政府信息公开申请|信息公开申请))(?:(?:和|并|及)?(?:办理|处理|答复))?"
        rf"(?P<g>{_G}{{0,30}}?)"
        rf"(?:依申请(?:政府)?(?:信息)?(?:公开)?(?:的)?(?:政府)?(?:办理)?(?:申请|事项|件|信息|信件|来信|来函)?(?:要求|请求)?"
        rf"|(?:公开)?申请(?:政府)?(?:信息公开|公开)?(?:件|事项)?)"
        rf"(?:数|数量|总数)?(?:共|共计|合计|总计)?(?:为|达|是)?{_N}(?:{_CASES}|例|条(?![次]))",
        ("申请",),
        guards.received,
        starts=(
            *_RECEIVING,
            ("接收", 0),
            ("接受", 0),
            ("新收", 0),
            ("收政府信息公开申请", 0),
            ("收信息公开申请", 0),
        ),
    ),
    _p(
        "requests_received",
        rf"依申请公开(?:政府信息)?(?:申请)?(?:共|共计)?{_N}件",
        ("依申请",),
        guards.after_none_of("办答处结复理", guards.received),
    ),
    _p("requests_received", rf"收到申请数(?:为)?{_N}", ("申请",)),
    # "共受理政府信息公开申请15件,其中新收到14件,结转上年度办理1件": the new ones among all handled
    _p("requests_received", rf"其中(?:本年度?)?新收(?:到)?(?:申请)?{_N}件", ("其中",), guards.about_requests),
    _p(
        "requests_received",
        rf"(?:收到|受理|接到)(?:了)?(?:各类)?{_N}(?:件|份|个|起|条|例)(?P<g>[^,;。!?\n:\d]{{0,16}}?)"
        rf"(?:政府)?(?:信息公开(?:事务)?(?:的)?(?:申请|请求)|(?:信息)?依申请公开(?:申请|请求)?|申请(?:政府)?信息公开)"
        r"(?!意见|征询)",  # "收到1份区政府办公室依申请公开意见征询件": a consultation
        (),
        guards.received,
        starts=_RECEIVING,
    ),
    _p(
        "requests_carried_over",
        rf"(?:(?:上一?年度?|(?P<y>\d{{4}})年度?)(?:结转|转结)(?:(?:至|到)(?P<to>\d{{4}})年度?)?(?:过来)?|结转上一?年度?)(?:的)?(?:政府信息公开|信息公开)?(?:申请)?"
        rf"(?:办理)?(?:数|数量)?(?:共|共计)?"
        rf"(?:为|有)?{_N}(?:件|条(?![次]))",
        ("结转", "转结"),
        guards.carried(-1),
        starts=(
            *(("结转", -k) for k in range(2, 7)),
            *(("转结", -k) for k in (2, 3)),
            ("结转上", 0),
        ),  # 上年结转 … 2023年度结转, 结转上年度
    ),
    _p(
        "carried_forward",
        rf"(?:结转|转入|顺延|转)(?:至|到)?(?:下一?年度?|(?P<y>\d{{4}})年度?)(?:继续)?(?:办理|答复|处理)?(?:答复)?(?:的)?"
        rf"(?:申请)?(?:有|共|为|共计)?{_N}件",
        ("下年", "下一年", "年度继续", "年继续", "结转", "顺延"),
        guards.carried(+1),
        starts=(("转", 0), ("结转", 0), ("顺延", 0)),
    ),
    _p(
        "carried_forward",
        rf"{_N}(?:件|份)(?:申请)?{_NO_FIGURE}{{0,12}}?(?:结转|转结|顺延|转入|转)(?:到|至)?下一?年度?",
        ("下年", "下一年"),
        window=("下年", "下一年"),
    ),
    _p(  # "剩余4件结转至2024年": the year named after the words, checked by the guard
        "carried_forward",
        rf"{_N}(?:件|份)(?:申请)?{_NO_FIGURE}{{0,12}}?(?:结转|顺延|转入)(?:到|至)",
        ("结转至", "结转到", "顺延至", "顺延到", "转入"),
        guards.into_next_year,
        window=("结转至", "结转到", "顺延至", "顺延到", "转入"),
    ),
    # replies; "予以公开及部分公开258件" is read as one combined figure
    _p(
        "granted",
        rf"公开(?<=同意公开|予以公开|全部公开|属于公开){_REPLY}{_N}{_REPLY_UNIT}",
        ("公开",),
        guards.after_none_of("不及和与、或", guards.reply),
    ),
    _p("partially_granted", rf"部分公开{_REPLY}{_N}{_REPLY_UNIT}", ("部分公开",), guards.reply),
    # figure first: "对其中3件予以公开", "其中3条已公开,3条属于个人隐私,不予以公开;1条属于重复申请,不予以处理"
    _p(
        "granted",
        rf"{_N}{_ONE_REQUEST}(?:依法)?(?:向申请人)?(?:予以|同意|全部|已)公开",
        ("予以公开", "已公开"),
        guards.reply_first,
        ("予以公开", "已公开"),
    ),
    _p(
        "partially_granted",
        rf"{_N}{_ONE_REQUEST}部分公开",
        ("部分公开",),
        guards.reply_first,
        ("部分公开",),
    ),
    _p(
        "refused",
        rf"{_N}{_ONE_REQUEST}{_REFUSAL_GROUND}不(?:予以?|同意)?公开",
        ("不予公开", "不公开", "不予以公开"),
        guards.reply_first,
        ("不予公开", "不公开", "不予以公开"),
    ),
    _p(
        "not_processed",
        rf"{_N}{_ONE_REQUEST}{_NO_PROCESSING_GROUND}不予以?处理",
        ("不予处理", "不予以处理"),
        guards.reply_first,
        ("不予处理", "不予以处理"),
    ),
    _p("refused", rf"不(?:予|同意)公开{_REPLY}{_N}{_REPLY_UNIT}", ("不",), guards.reply),
    _p("unable_to_provide", rf"无法提供{_REPLY}{_N}{_REPLY_UNIT}", ("无法提供",), guards.reply),
    _p("not_processed", rf"不予处理{_REPLY}{_N}{_REPLY_UNIT}", ("不予处理",), guards.reply),
    _p("other_handled", rf"其他处理{_REPLY}{_N}{_REPLY_UNIT}", ("其他处理",), guards.reply),
    # reviews and lawsuits
    _p(
        "admin_reviews",
        rf"行政复议(?:案件|案|申请)?(?:数|数量|案件数)?(?:共|共计|为|有|数为)*{_N}(?:件|起|宗|个|次)",
        ("复议",),
    ),
    _p(
        "admin_reviews",
        rf"{_N}(?:件|起|宗)(?P<g>{_G}{{0,16}}?)行政复议",
        ("复议",),
        guards.cases,
        ("行政复议",),
    ),
    _p(
        "lawsuits",
        rf"诉讼(?:案件|案)?(?:数|数量|案件数)?(?:共|共计|为|有|数为)*{_N}(?:件|起|宗|个|次)",
        ("诉讼",),
        guards.lawsuits_alone,
    ),
    _p("lawsuits", rf"{_N}(?:件|起|宗)(?P<g>{_G}{{0,16}}?)行政诉讼", ("诉讼",), guards.cases, ("行政诉讼",)),
    _p("all_upheld", r"均(?:获|被|予以|得到)?维持", ("维持",), None),
    _p(
        "disputes_zero",
        r"行政复议(?:案件|程序)?(?:[和、及与或]|和提起|、提起)(?:行政)?诉讼(?:案件|程序)?(?:[和、及与]申诉)?(?:的)?(?:案件)?(?:数量|数|件数)?(?:均)?"
        r"(?:[为是](?:零|0)(?:件|起|宗)?|(?:零|0)(?:件|起|宗))(?![.\d])",
        (),
    ),
    _p(
        "requests_zero",
        rf"(?:收到|受理|接到)(?P<g>{_G}{{0,12}}?)申请(?:数|数量|件数)?(?:均)?为(?:零|0)(?![.\d])",
        ("申请",),
        guards.received,
        starts=_RECEIVING,
    ),
    _p(
        "requests_zero",
        r"依申请(?:公开)?(?:办理)?(?:事项|件|申请)(?:数|数量|件数)?(?:均)?为(?:零|0)(?![.\d])",
        ("依申请",),
        guards.this_year,
    ),
    _p(
        "fees_zero",
        r"(?:收费|收取费用|信息处理费)(?:和|及)?(?:减免)?(?:情况|金额|数额)?(?:均)?为(?:零|0)(?![.\d])",
        ("为零", "为0"),
        guards.no_fees,
        starts=(("收费", 0), ("收取费用", 0), ("信息处理费", 0)),
    ),
    # "none" statements: requests, reviews and lawsuits, fees
    _p(
        "none",
        rf"{_NOT}(?:收到|接到|受理|接收|发生|出现|产生|涉及|收取|被)?(?P<g>{_G}{{0,30}}?)"
        rf"(?:(?P<requests>申请(?:(?<!依申请)公开(?:政府)?(?:信息)?)?(?=$|[,;。!?\n:、]|的情况|情况|事项|事件|件|要求|请求|的要求|的请求|[和或及])|申请人要求公开(?:政府)?信息|依申请公开(?:的)?(?:等)?(?:相关)?(?:申请)?(?:(?:政府)?信息)?(?:办理)?(?:事项|事宜|来信|来函|办件|申请|件|请求|要求"
        rf"|(?:政府)?(?:信息)?(?=$|[,;。!?\n、]|的?情况)))"
        rf"|(?P<reviews>(?:行政)?复议)(?P<t>[^,;。!?\n]{{0,20}})|(?P<lawsuits>诉讼)(?P<u>[^,;。!?\n]{{0,20}})"
        rf"|(?P<fees>收费(?!通知|标准|项目|依据|目录)|收取(?:任何)?(?:费用|信息处理费)|费用|信息处理费|处理费))",
        (),
        None,
        starts=(("未", 0), ("没", 0), ("无", 0), ("不存在", 0)),
    ),
    _p(
        "none_colon",
        r"(?:(?P<requests>申请)|(?P<reviews>复议)|(?P<lawsuits>诉讼)|(?P<fees>费用|收费|处理费))"
        r"(?:数量|数|情况|件数)?:(?:无|没有|零)(?=$|[。;,\n])",
        (":无", ":没有", ":零"),
        None,
        # the word (two or three characters) and a suffix of up to two: two to five before the colon
        starts=tuple((word, -k) for word in (":无", ":没有", ":零") for k in range(2, 6)),
    ),
    # fees (信息处理费, not 行政事业性收费)
    _p(
        "fees_yuan",
        rf"收(?:取|缴)?(?:了)?(?P<g>{_G}{{0,10}}?)(?:信息处理费|费用|处理费)(?:\([^()\n]{{0,20}}\))?(?:共|共计|合计)?(?:为)?"
        rf"{_N}(?P<unit>万元|元)",
        ("费",),
        guards.fee,
    ),
    _p(
        "fees_yuan",
        rf"处理费(?:收入|收取|共|共计|合计|金额|为)*{_N}(?P<unit>万元|元)",
        ("处理费",),
        guards.fee,
    ),
    _p("fees_yuan", rf"依申请公开信息收取的费用(?:为)?{_N}(?P<unit>万元|元)?", ("收取的费用",), guards.fee),
    # trainings, compared with the statistics table
    _p("trainings", rf"培训(?:班|会|活动)?(?:共|共计)?{_N}(?:次|期|场)", ("培训",)),
)

_NONE_GUARDS: dict[str, Guard] = {
    "requests": guards.no_requests,
    "reviews": guards.no_disputes,
    "lawsuits": guards.no_disputes,
    "fees": guards.no_fees,
}
_NONE_FIELDS = {
    "requests": "requests_received",
    "reviews": "admin_reviews",
    "lawsuits": "lawsuits",
    "fees": "fees_yuan",
}
_COMBINED = re.compile(r"(?:予以|同意|全部)公开[及和与、或](?:同意)?$")
_TRAINING_VERB = re.compile(r"举办|开展|组织")
_DISPUTE_WORD = re.compile(r"复议|诉讼")
_CARRIED_GAP = re.compile(r"(?:结转|转结)")
_AND_LAWSUITS = re.compile(r"[^,;。]{0,12}?诉讼")
_AND_REVIEWS = re.compile(r"[和及与、或](?:被)?(?:申请)?(?:行政)?复议")
# "未收到任何形式的依申请公开信息、行政复议和行政诉讼": the disputes listed after the requests
_THEN_DISPUTES = re.compile(
    r"[和及与、](?:被)?(?:申请)?(?:行政)?(?:(?P<reviews>复议)(?:[和及与、](?:被)?(?:提起)?(?:行政)?(?P<both>诉讼))?"
    r"|(?:提起)?(?:行政)?(?P<lawsuits>诉讼))(?:案件|事项)?(?:的)?(?:情况)?(?=$|[,;。!?\n])"
)


def find_claims(prose: str, *, year: int | None) -> list[Claim]:
    """Every figure the prose states, by position."""
    claims: list[Claim] = []
    taken: set[int] = set()
    found: dict[str, list[int]] = {}  # each start word's offsets in the prose
    for pattern in _PATTERNS:
        if pattern.needs and not any(word in prose for word in pattern.needs):
            continue
        if pattern.window:
            matches = _windowed(pattern, prose, found)
        elif pattern.starts:
            matches = _anchored(pattern, prose, found)
        else:
            matches = pattern.regex.finditer(prose)
        for match in islice(matches, MAX_MATCHES):
            context = Context.around(prose, match.start(), year)
            if pattern.guard is not None and not pattern.guard(match, context):
                continue
            for claim in _claims_of(pattern.field, match, context):
                if claim.figure >= 0:
                    if claim.figure in taken:
                        continue
                    taken.add(claim.figure)
                claims.append(claim)
    claims.sort(key=lambda claim: claim.start)
    return claims


# Characters frequent in reports: a word is found through its first character not among them, since
# finding one character is several times faster than finding a word, and a rare one has few places
# to test.
_FREQUENT = frozenset(
    "公开政府信息申请年度的件条行政工作情况务数收到理处依答复予以和不部分其他结转下本主动中国人民"
)


@cache
def _anchor(word: str) -> int:
    return next((index for index, char in enumerate(word) if char not in _FREQUENT), 0)


def _occurrences(prose: str, word: str, found: dict[str, list[int]]) -> list[int]:
    """Where ``word`` occurs in ``prose`` (all of its places, in order); ``found`` keeps them."""
    positions = found.get(word)
    if positions is not None:
        return positions
    if len(word) == 1:
        positions = found[word] = []
        position = prose.find(word)
        while position >= 0:
            positions.append(position)
            position = prose.find(word, position + 1)
        return positions
    index = _anchor(word)
    starts_with = prose.startswith
    positions = found[word] = [
        position - index
        for position in _occurrences(prose, word[index], found)
        if position >= index and starts_with(word, position - index)
    ]
    return positions


def _anchored(pattern: _Pattern, prose: str, found: dict[str, list[int]]) -> Iterator[re.Match[str]]:
    """What ``pattern.regex.finditer(prose)`` yields, matched only where a match can start."""
    candidates = sorted(
        {
            position + offset
            for word, offset in pattern.starts
            for position in _occurrences(prose, word, found)
            if position + offset >= 0
        }
    )
    end = 0
    match_at = pattern.regex.match
    for position in candidates:
        if position >= end:
            match = match_at(prose, position)
            if match is not None:
                end = match.end()  # never empty: every pattern holds a word
                yield match


def _windowed(pattern: _Pattern, prose: str, found: dict[str, list[int]]) -> Iterator[re.Match[str]]:
    """Matches of a figure-first pattern, looked for only just before its keywords."""
    seen: set[int] = set()
    for word in pattern.window:
        for position in _occurrences(prose, word, found):
            for match in pattern.regex.finditer(prose, max(0, position - 40), position + len(word)):
                if match.start() not in seen:
                    seen.add(match.start())
                    yield match


# Statements that some fields are zero ("行政复议和行政诉讼均为0"), by the pattern's field.
_ZEROS = {
    "disputes_zero": ("admin_reviews", "lawsuits"),
    "requests_zero": ("requests_received",),
    "fees_zero": ("fees_yuan",),
}


def _claims_of(field: str, match: re.Match[str], context: Context) -> Iterator[Claim]:
    if field in ("none", "none_colon"):
        yield from _none_claims(match, context)
        return
    if field in _ZEROS:
        for zero in _ZEROS[field]:
            yield Claim(zero, Number(0), match.start(), match.end(), -1)
        return
    if field == "all_upheld":
        if _DISPUTE_WORD.search(
            context.prose, max(context.sentence_start, match.start() - 25), match.start()
        ):
            yield Claim(field, Number(1), match.start(), match.end(), -1)
        return
    if field == "respectively":
        yield from _respective_claims(match, context)
        return
    if field == "trainings" and not _TRAINING_VERB.search(context.clause_before(match.start())):
        return
    figure = _figure(field, match, context)
    if figure is None:
        return
    field, number = figure
    before = context.clause_before(match.start("n"))
    cumulative = "累计" in before
    by_website = field == "proactive_total" and guards.one_website_only(before)  # see websites.py
    yield Claim(field, number, match.start(), match.end(), match.start("n"), cumulative, by_website)


# Channels as a list names them ("政务微博、微信", "网站和公众号"); any other channel (抖音, 客户端) is
# named too, so that a list holding one cannot be matched to the figures.
_LISTED_CHANNEL = re.compile(
    r"门户网站|政府网站|网站|门户网|政务网|信息网|微博|微信公众号|微信公众平台|微信|公众号|公报"
    r"|客户端|APP|抖音|头条|视频号|快手|报刊|报纸|电视|广播|短信|显示屏|公开栏|平台"
)
_LISTED_FIELD = {
    "微博": "weibo_items",
    "微信": "wechat_items",
    "公众号": "wechat_items",
    "公报": "gazette_items",
}
_FIGURE = re.compile(r"\d+")


def _respective_claims(match: re.Match[str], context: Context) -> Iterator[Claim]:
    """ "微博、微信公开信息分别为545条和378条": one figure a channel, in the order the clause names them."""
    named = [
        _LISTED_FIELD.get(name[:2], "website_items" if "网" in name else "")
        for name in _LISTED_CHANNEL.findall(context.clause_before(match.start()))
    ]
    figures = list(_FIGURE.finditer(match.group("nums")))
    if len(named) != len(figures) or "" in named or len(set(named)) != len(named):
        return
    offset = match.start("nums")
    for field, figure in zip(named, figures, strict=True):
        number = Number(int(figure.group()))
        yield Claim(field, number, match.start(), match.end(), offset + figure.start())


def _figure(field: str, match: re.Match[str], context: Context) -> tuple[str, Number] | None:
    """The matched figure, in yuan for fees; "予以公开及部分公开258件" names a combined field."""
    groups = match.groupdict()
    number = parse_number(groups["n"], prefix=groups.get("p") or "", suffix=groups.get("a") or "")
    if number is None:
        return None
    if field == "partially_granted" and _COMBINED.search(
        context.prose, max(0, match.start() - 8), match.start()
    ):
        field = "granted+partial"
    if field == "fees_yuan" and (groups.get("unit") or "万元") == "万元":
        value = round(number.value * 10_000, 2)
        number = Number(int(value) if float(value).is_integer() else value, number.approximate)
    return field, number


def _none_claims(match: re.Match[str], context: Context) -> Iterator[Claim]:
    groups = match.groupdict()
    kind = next(name for name in _NONE_FIELDS if groups.get(name))
    if kind == "requests" and _CARRIED_GAP.match(groups.get("g") or ""):
        if guards.none_carried_over(match, context):
            yield Claim("requests_carried_over", Number(0), match.start(), match.end(), -1)
        return
    if not _NONE_GUARDS[kind](match, context):
        return
    yield Claim(_NONE_FIELDS[kind], Number(0), match.start(), match.end(), -1)
    listed = _THEN_DISPUTES.match(context.prose, match.end()) if kind == "requests" else None
    if listed is not None:
        end = listed.end()
        if listed.group("reviews"):
            yield Claim("admin_reviews", Number(0), match.start(), end, -1)
        if listed.group("both") or listed.group("lawsuits"):
            yield Claim("lawsuits", Number(0), match.start(), end, -1)
    if kind == "reviews" and _AND_LAWSUITS.match(groups.get("t") or ""):
        yield Claim("lawsuits", Number(0), match.start(), match.end(), -1)
    if kind == "lawsuits" and _AND_REVIEWS.match(groups.get("u") or ""):  # 未出现被行政诉讼、行政复议情况
        yield Claim("admin_reviews", Number(0), match.start(), match.end(), -1)
