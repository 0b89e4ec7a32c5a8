"""Figures stated in a report's prose: the official wording and the common phrasings around it.

Each pattern reads one field from one clause: "全年收到政府信息公开申请34件", "依申请公开3件",
"未收到信息公开申请" (0), "行政复议7件，诉讼9件", "政务信息网更新信息678条". Patterns never cross
a sentence; the guards reject a figure about another year, a sub-category (其中…), a cumulative
count since some earlier date, a combined figure ("予以公开及部分公开258件") and a channel count
that is really the year's total. A figure taken by one field is not read again by another.
Every claim keeps its prose offset, so a finding can name its line.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

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


_N = NUMBER
_G = r"[^,;。!?\n:]"  # inside one clause
_NOT = r"(?:未|没有|没|无)(?!法|需|论|关|误|偿|障碍|纸|线|人)"
_WEB = r"(?:网站|门户网|信息网|政务网|政府网)"
_WECHAT = r"微信(?:公众号|公众平台|订阅号|服务号)?"
_ITEMS = r"(?:条|篇|则|件)(?![次])"
_CASES = r"(?:件|个|宗|份|项|起)"
_VERB = r"(?:共|全年|累计|当年|本年|年内|共计|总计)*(?:发布|更新|公开|刊登|推送|编发|上传|发)(?:了)?(?:各类)?"
_REPLY = r"(?:答复|的|了)*(?:政府信息公开申请|申请)?(?:答复)?(?:共|共计)?(?:为)?"


@dataclass(frozen=True)
class _Pattern:
    field: str
    regex: re.Pattern[str]
    needs: tuple[str, ...]  # the sentence must hold one of these
    guard: Callable[[re.Match[str], _Context], bool] | None = None


@dataclass(frozen=True)
class _Context:
    prose: str
    sentence_start: int
    sentence_end: int
    year: int | None

    def clause_before(self, position: int) -> str:
        """The text from the clause's start (after the last comma) to ``position``."""
        return self.prose[max(self.sentence_start, self.prose.rfind(",", 0, position) + 1) : position]

    @property
    def sentence(self) -> str:
        return self.prose[self.sentence_start : self.sentence_end]


_OTHER_YEAR = re.compile(r"(\d{4})年")
_PREVIOUS = re.compile(r"去年|上年(?!度?结转)|上一年(?!度?结转)|同比|同期|前年")


def _this_year(match: re.Match[str], context: _Context) -> bool:
    before = context.clause_before(match.start("n") if match.re.groupindex.get("n") else match.start())
    if _PREVIOUS.search(before):
        return False
    if context.year is None:
        return True
    return all(int(year) == context.year for year in _OTHER_YEAR.findall(before))


_SINCE = re.compile(r"以来|至今|迄今|目前|历年|成立|上线|开通|建站")
_YEAR_WORDS = re.compile(r"全年|本年|当年|年度|今年|年内")


def _not_cumulative(match: re.Match[str], context: _Context) -> bool:
    if "累计" not in context.prose[context.sentence_start : match.end()]:
        return True
    sentence = context.sentence
    if _SINCE.search(sentence):
        return False
    if _YEAR_WORDS.search(sentence):
        return True
    return context.year is not None and re.search(rf"截[止至]{context.year}年(?:底|末|12月)", sentence) is not None


_CHANNEL = re.compile(r"网站|门户|(?<!互联)网(?!络|上)|微博|微信|公众号|公报|客户端|平台|专栏|栏目|媒体|APP|报刊|电视|广播|短信|头条|抖音|视频")
_NOT_TOTAL = re.compile(r"其中|申请|答复|依申请")


def _year_total(match: re.Match[str], context: _Context) -> bool:
    """"全年发布政府信息N条": the year's total unless a channel is the one publishing."""
    clause = context.clause_before(match.start())
    if _CHANNEL.search(clause) and "通过" not in clause:
        return False  # "“上海科技”网站全年发布信息2139条": the website's count, not the year's total
    return _proactive(match, context)


def _proactive(match: re.Match[str], context: _Context) -> bool:
    gap = match.groupdict().get("g") or ""
    clause = context.clause_before(match.start())
    return (
        _this_year(match, context)
        and _not_cumulative(match, context)
        and not _CHANNEL.search(gap)
        and not _NOT_TOTAL.search(gap)
        and not clause.startswith("其中")
        and "依申请" not in clause
    )


_TWO_SITES = re.compile(_WEB)
_MORE_PARTS = re.compile(r"[,、]?(?:其他|另有|另|以及)" + _G + r"{0,10}?\d")


def _channel(match: re.Match[str], context: _Context) -> bool:
    clause = context.clause_before(match.start())
    if match.re.pattern.startswith("(?:网站") and _TWO_SITES.search(clause):
        return False  # two websites named: neither carries the count alone
    if _MORE_PARTS.match(context.prose, match.end()):
        return False  # "网站公开52条，其他信息2167条": the channel's count is split
    return _this_year(match, context) and _not_cumulative(match, context) and not clause.startswith("其中")


_REQUEST_NOISE = re.compile(r"复议|诉讼|举报|投诉|结转|撤回|补正|减免|许可|审批|办理|办结|答复|处理|通过|其中|当面|网上|网络|信函|传真|邮寄")


def _received(match: re.Match[str], context: _Context) -> bool:
    gap = match.groupdict().get("g") or ""
    if _REQUEST_NOISE.search(gap) or _REQUEST_NOISE.search(context.clause_before(match.start())):
        return False
    if "公开" not in gap + match.group(0) and "信息公开" not in context.sentence and "依申请" not in context.sentence:
        return False
    return _this_year(match, context)


_NONE_NOISE = re.compile(
    r"\d|复议|诉讼|举报|投诉|减免|收费|撤回|补正|不予|予以|部分|驳回|拒绝|逾期|超期|延期|答复|办结|涉及|许可|审批|纠错|败诉|以外|需要|应当"
)


def _no_requests(match: re.Match[str], context: _Context) -> bool:
    gap = match.groupdict().get("g") or ""
    named = gap + match.group(0)[match.end("g") - match.start() :]
    return ("公开" in named or "信息" in named) and not _NONE_NOISE.search(gap) and _this_year(match, context)


_DISPUTE_TAIL = re.compile(r"纠错|纠正|败诉|撤销|确认违法|维持|被")
_DISPUTE_GAP = re.compile(r"\d|纠错|纠正|败诉|撤销|维持|以外|应当|需要|申请人")


def _no_disputes(match: re.Match[str], context: _Context) -> bool:
    gap = match.groupdict().get("g") or ""
    tail = match.groupdict().get("t") or ""
    return (
        "公开" in context.sentence
        and not _DISPUTE_GAP.search(gap)
        and not _DISPUTE_TAIL.search(tail)
        and _this_year(match, context)
    )


def _no_fees(match: re.Match[str], context: _Context) -> bool:
    gap = match.groupdict().get("g") or ""
    if "事业性" in gap or "复议" in gap or "诉讼" in gap or re.search(r"\d", gap):
        return False
    sentence = context.sentence
    return ("公开" in sentence or "申请" in sentence or "处理费" in sentence) and "事业性" not in sentence


def _fee(match: re.Match[str], context: _Context) -> bool:
    return "事业性" not in context.clause_before(match.start()) and _this_year(match, context)


def _cases(match: re.Match[str], context: _Context) -> bool:
    gap = match.groupdict().get("g") or ""
    return not re.search(r"纠错|维持|败诉|诉讼|复议", gap) and _this_year(match, context)


def _p(field: str, regex: str, needs: tuple[str, ...], guard: Callable[..., bool] | None = _this_year) -> _Pattern:
    return _Pattern(field, re.compile(regex), needs, guard)


_PATTERNS: tuple[_Pattern, ...] = (
    # 主动公开: the year's own total
    _p(
        "proactive_total",
        rf"主动公开(?:了)?(?:各类|各种)?(?:的)?(?:政府)?信息(?:数|总数|数量|总量|量)?(?:共|共计|合计|总计|累计)?"
        rf"(?:为|达|达到|计)?{_N}(?:条|件|篇)(?![次])",
        ("主动公开",),
        _proactive,
    ),
    _p(
        "proactive_total",
        rf"(?:全年|当年|本年度?|年内|\d{{4}}年度?)(?P<g>{_G}{{0,16}}?)(?:公开|发布|制发|新增|编发)(?:了)?(?:的)?"
        rf"(?:各类|各种)?(?:主动公开|公开)?(?:的)?(?:政府)?信息(?:数|总数|数量)?(?:共|共计|合计|总计)?(?:为|达|计)?"
        rf"{_N}(?:条|件|篇)(?![次])",
        ("信息",),
        _year_total,
    ),
    # channels
    _p("gazette_items", rf"政府公报公开政府信息数(?:为)?{_N}", ("公报",)),
    _p("gazette_items", rf"政府公报(?:共|全年)*(?:公开|刊登|发布)(?:了)?(?:政府)?信息{_N}(?:条|件)(?![次])", ("公报",)),
    _p("website_items", rf"政府网站公开政府信息数(?:为)?{_N}", ("网站",)),
    _p(
        "website_items",
        rf"{_WEB}(?:上)?{_VERB}(?:政府|政务)?(?:信息|文章|稿件)?(?:公开)?(?:数|量|数量|总数)?(?:共|共计|累计)?"
        rf"(?:为|达|达到)?{_N}{_ITEMS}",
        ("网",),
        _channel,
    ),
    _p(
        "website_items",
        rf"{_WEB}(?:信息)?(?:发布量|更新量|发布数量?|更新数量?|发稿量|信息量)(?:共)?(?:为|达)?{_N}",
        ("网",),
        _channel,
    ),
    _p("website_items", rf"{_WEB}{_N}(?:条|篇)(?![次])", ("网",), _channel),
    _p("weibo_items", rf"政务微博公开政府信息数(?:为)?{_N}", ("微博",)),
    _p(
        "weibo_items",
        rf"微博(?:账号|号)?{_VERB}(?:政务)?(?:信息|博文|文章|微博)?(?:数|量|数量)?(?:共|共计)?(?:为|达)?{_N}"
        rf"(?:条|篇|则)(?![次])",
        ("微博",),
        _channel,
    ),
    _p(
        "weibo_items",
        rf"微博(?:信息)?(?:发布量|更新量|发布数量?|发博量|发文量)(?:为|达)?{_N}",
        ("微博",),
        _channel,
    ),
    _p("weibo_items", rf"(?<!条)微博{_N}(?:条|篇)(?![次])", ("微博",), _channel),
    _p("weibo_items", rf"(?:发布|推送)(?:政务)?微博(?:信息)?{_N}(?:条|篇|则)(?![次])", ("微博",), _channel),
    _p("wechat_items", rf"政务微信公开政府信息数(?:为)?{_N}", ("微信",)),
    _p(
        "wechat_items",
        rf"{_WECHAT}{_VERB}(?:政府|政务)?(?:信息|文章|图文|消息|推文)?(?:数|量|数量)?(?:共|共计)?(?:为|达)?{_N}"
        rf"(?:条|篇|则|期)(?![次])",
        ("微信",),
        _channel,
    ),
    _p(
        "wechat_items",
        rf"微信(?:公众号)?(?:信息)?(?:发布量|更新量|推送量|发布数量?|发文量)(?:为|达)?{_N}",
        ("微信",),
        _channel,
    ),
    _p("wechat_items", rf"(?<!条){_WECHAT}{_N}(?:条|篇)(?![次])", ("微信",), _channel),
    _p("wechat_items", rf"(?:发布|推送)(?:政务)?微信(?:信息)?{_N}(?:条|篇|则)(?![次])", ("微信",), _channel),
    # 依申请公开: requests received and carried
    _p(
        "requests_received",
        rf"(?:收到|受理|接到|接收|新收)(?P<g>{_G}{{0,16}}?)(?:公开)?申请(?:数|数量|总数)?(?:共|共计|合计|总计)?"
        rf"(?:为|达|是)?{_N}{_CASES}",
        ("申请",),
        _received,
    ),
    _p(
        "requests_received",
        rf"(?:收到|受理|接到|接收)(?P<g>{_G}{{0,8}}?)依申请(?:信息)?公开(?:的)?(?:申请|事项)?(?:共|共计)?(?:为)?{_N}{_CASES}",
        ("申请",),
        _received,
    ),
    _p("requests_received", rf"(?<![办答处结复理])依申请公开(?:政府信息)?(?:申请)?(?:共|共计)?{_N}件", ("申请",), _received),
    _p("requests_received", rf"收到申请数(?:为)?{_N}", ("申请",)),
    _p(
        "requests_received",
        rf"{_NOT}(?:收到|接到|受理|接收|发生|出现)?(?P<g>{_G}{{0,25}}?)申请(?=$|[,;。!?\n:]|的情况|情况|事项)",
        ("申请",),
        _no_requests,
    ),
    _p(
        "requests_received",
        rf"{_NOT}(?:收到|接到|受理)(?P<g>{_G}{{0,10}}?)依申请公开(?:的)?(?:事项|申请)",
        ("申请",),
        _no_requests,
    ),
    _p(
        "requests_carried_over",
        rf"上一?年度?结转(?:过来)?(?:的)?(?:政府信息公开|信息公开)?(?:申请)?(?:数|数量)?(?:共|共计)?(?:为|有)?{_N}件",
        ("结转",),
    ),
    _p(
        "carried_forward",
        rf"(?:结转|转入|顺延|转)(?:至|到)?下一?年度?(?:继续)?(?:办理|答复|处理)?(?:答复)?(?:的)?(?:申请)?(?:有|共|为|共计)?{_N}件",
        ("下",),
    ),
    _p("carried_forward", rf"{_N}件(?:申请)?{_G}{{0,12}}?(?:结转|顺延|转入|转)(?:到|至)?下一?年度?", ("下",)),
    # replies
    _p(
        "granted+partial",
        rf"(?:予以公开|同意公开|全部公开)(?:及|和|与|、|或)(?:同意)?部分公开(?:的)?(?:申请)?(?:共)?{_N}件",
        ("公开",),
    ),
    _p("granted", rf"(?<![不及和与、或])(?:同意公开|予以公开|全部公开){_REPLY}{_N}件", ("公开",)),
    _p("partially_granted", rf"(?<![及和与、或])(?:同意)?部分公开{_REPLY}{_N}件", ("部分公开",)),
    _p("refused", rf"(?:不予公开|不同意公开){_REPLY}{_N}件", ("公开",)),
    _p("unable_to_provide", rf"无法提供{_REPLY}{_N}件", ("无法提供",)),
    _p("not_processed", rf"不予处理{_REPLY}{_N}件", ("不予处理",)),
    _p("other_handled", rf"其他处理{_REPLY}{_N}件", ("其他处理",)),
    # reviews and lawsuits
    _p(
        "admin_reviews",
        rf"行政复议(?:案件|申请)?(?:数|数量|案件数)?(?:共|共计|为|有|数为)*{_N}(?:件|起|宗|个|次)",
        ("复议",),
    ),
    _p("admin_reviews", rf"{_N}(?:件|起|宗)(?P<g>{_G}{{0,16}}?)行政复议", ("复议",), _cases),
    _p(
        "lawsuits",
        rf"(?<!复议后)(?:行政)?诉讼(?:案件)?(?:数|数量|案件数)?(?:共|共计|为|有|数为)*{_N}(?:件|起|宗|个|次)",
        ("诉讼",),
    ),
    _p("lawsuits", rf"{_N}(?:件|起|宗)(?P<g>{_G}{{0,16}}?)行政诉讼", ("诉讼",), _cases),
    _p(
        "admin_reviews+lawsuits?",
        rf"{_NOT}(?:发生|收到|接到|出现|产生|涉及|被)?(?P<g>{_G}{{0,30}}?)行政复议(?P<t>[^,;。!?\n]{{0,20}})",
        ("复议",),
        _no_disputes,
    ),
    _p(
        "lawsuits",
        rf"{_NOT}(?:发生|收到|接到|出现|产生|涉及|被)?(?P<g>{_G}{{0,30}}?)(?:行政)?诉讼(?P<t>[^,;。!?\n]{{0,20}})",
        ("诉讼",),
        _no_disputes,
    ),
    _p("all_upheld", r"(?:复议|诉讼)[^。\n]{0,20}?均(?:获|被|予以|得到)?维持", ("维持",), None),
    # fees (信息处理费, not 行政事业性收费)
    _p(
        "fees_yuan",
        rf"{_NOT}(?:发生|涉及|收取|产生)?(?P<g>{_G}{{0,20}}?)(?:收费|收取(?:任何)?(?:费用|信息处理费)|费用|信息处理费|处理费)",
        ("费",),
        _no_fees,
    ),
    _p(
        "fees_yuan",
        rf"(?:收取|收缴|收)(?:了)?(?P<g>{_G}{{0,10}}?)(?:信息处理费|费用|处理费)(?:共|共计|合计)?(?:为)?{_N}(?P<u>万元|元)",
        ("费",),
        _fee,
    ),
    _p("fees_yuan", rf"(?:信息处理费|处理费)(?:收入|收取|共|共计|合计|金额|为)*{_N}(?P<u>万元|元)", ("费",), _fee),
    _p("fees_yuan", rf"依申请公开信息收取的费用(?:为)?{_N}(?P<u>万元|元)?", ("费",), _fee),
    # trainings, compared with the statistics table
    _p(
        "trainings",
        rf"(?:举办|开展|组织)(?:了)?(?P<g>{_G}{{0,12}}?)培训(?:班|会|活动)?(?:共|共计)?{_N}(?:次|期|场)",
        ("培训",),
    ),
)

_SENTENCE = re.compile(r"[^。!?;\n]+")
_HAS_FIGURE = re.compile(r"[\d零〇一二两三四五六七八九十百千]|未|没|无|维持")


def find_claims(prose: str, *, year: int | None) -> list[Claim]:
    """Every figure the prose states, in pattern order (totals before channels before the rest)."""
    claims: list[Claim] = []
    taken: set[int] = set()
    for sentence in _SENTENCE.finditer(prose):
        text = sentence.group(0)
        if len(text) < 4 or _HAS_FIGURE.search(text) is None:
            continue
        context = _Context(prose, sentence.start(), sentence.end(), year)
        for pattern in _PATTERNS:
            if not any(word in text for word in pattern.needs):
                continue
            for match in pattern.regex.finditer(prose, sentence.start(), sentence.end()):
                if pattern.guard is not None and not pattern.guard(match, context):
                    continue
                for claim in _claims_of(pattern.field, match):
                    if claim.figure >= 0 and claim.figure in taken:
                        continue
                    if claim.figure >= 0:
                        taken.add(claim.figure)
                    claims.append(claim)
    return claims


def _claims_of(field: str, match: re.Match[str]) -> Iterator[Claim]:
    groups = match.groupdict()
    if field == "all_upheld":
        yield Claim(field, Number(1), match.start(), match.end(), -1)
        return
    if groups.get("n") is None:  # a "none" statement
        if field == "admin_reviews+lawsuits?":
            yield Claim("admin_reviews", Number(0), match.start(), match.end(), -1)
            if re.match(r"[^,;。]{0,12}?诉讼", groups.get("t") or ""):
                yield Claim("lawsuits", Number(0), match.start(), match.end(), -1)
            return
        yield Claim(field, Number(0), match.start(), match.end(), -1)
        return
    number = parse_number(groups["n"], prefix=groups.get("p") or "", suffix=groups.get("a") or "")
    if number is None:
        return
    if field == "fees_yuan":
        unit = groups.get("u") or "万元"
        if unit == "万元":
            value = number.value * 10_000
            number = Number(int(value) if float(value).is_integer() else round(value, 2), number.approximate)
    yield Claim(field, number, match.start(), match.end(), match.start("n"))
