"""Whether a count published through a website is the year's total or the website's own.

The corpus labels read a website's count by what stands beside it:

- alone, it is the year's total: "通过部门网站当年发布政府信息393件" (report-030), "门户网站公开各类政务
  信息121条" when nothing else was counted;
- beside other channels in the same paragraph, counted or only named, it is the website's own: "政务
  信息网更新信息678条……微博信息发布量231条，微信信息发布量16条" (seed-000), "信息公开网站共发布政府
  信息60条……并利用政务微博、微信订阅号等新媒体平台" (report-010);
- beside a total stated elsewhere, it is the website's own too ("上海科技"网站全年发布信息2139条).
"""

from __future__ import annotations

import re
from dataclasses import replace

from gongkai.domain.extraction.phrases import Claim

__all__ = ["settle_websites"]

_OTHER_CHANNEL_FIELDS = ("weibo_items", "wechat_items", "gazette_items")
# Another channel, counted or not: "“云上西山”APP发布信息3446篇", "并利用政务微博、微信订阅号等新媒体
# 平台,及时发布各类信息" (report-010: the website's 60 is its own)
_NOT_A_WEBSITE = re.compile(r"微博|微信|公众号|客户端|APP|App|抖音|头条号|视频号|快手|新媒体|政府公报")


def settle_websites(prose: str, claims: list[Claim], table_total: bool) -> list[Claim]:
    """The claims with each website count given the role its neighbours give it."""
    stated_total = table_total or any(
        claim.field == "proactive_total" and not claim.by_website for claim in claims
    )
    settled = [
        _as_website(prose, claim, claims, stated_total) if claim.by_website else claim for claim in claims
    ]
    totals = [claim for claim in settled if claim.field == "proactive_total"]
    websites = [claim for claim in settled if claim.field == "website_items"]
    if table_total or totals or len({claim.number.value for claim in websites}) != 1:
        return settled
    if any(_beside_other_channels(prose, claim, settled) for claim in websites):
        return settled
    # one website, counted alone, and no total stated: the year's total
    return [replace(claim, field="proactive_total") if claim in websites else claim for claim in settled]


def _as_website(prose: str, claim: Claim, claims: list[Claim], stated_total: bool) -> Claim:
    if stated_total or _beside_other_channels(prose, claim, claims):
        return replace(claim, field="website_items", by_website=False)
    return claim


def _beside_other_channels(prose: str, claim: Claim, claims: list[Claim]) -> bool:
    start = prose.rfind("\n", 0, claim.start) + 1
    end = prose.find("\n", claim.end)
    end = len(prose) if end < 0 else end
    if any(other.field in _OTHER_CHANNEL_FIELDS and start <= other.start < end for other in claims):
        return True
    return _NOT_A_WEBSITE.search(prose, start, end) is not None
