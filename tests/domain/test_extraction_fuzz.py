"""No input makes the reader crash or hang: random bytes and mutated corpus reports.

Each run is bounded (10–20 s in all): hypothesis draws 500 inputs of each kind; every one must
either read (a JSON-able result whose fields are numbers) or fail with ExtractionError, within a
per-input deadline.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gongkai.domain.errors import ExtractionError
from gongkai.domain.extraction import FIELDS, extract_text

ROOT = Path(__file__).resolve().parents[2]
CORPUS = Path(os.environ.get("GONGKAI_CORPUS", ROOT.parent / "shared" / "corpus"))
TEXTS = [
    path.read_text(encoding="utf-8")
    for folder in (CORPUS, ROOT / "tests" / "data" / "reports")
    if folder.is_dir()
    for path in sorted(folder.glob("*.txt"))
]

# Characters the reader reacts to: table furniture, figures, the words its patterns look for.
PIECES = list("|\t \n0123456789,.+-:;。，（）()一二三十百千万余约未无没年件条篇")
PIECES += [
    "收到",
    "申请",
    "政府信息公开",
    "行政复议",
    "诉讼",
    "网站",
    "微博",
    "微信",
    "予以公开",
    "部分公开",
    "不予公开",
    "总计",
    "本年新收",
    "上年结转",
    "结转下年度",
    "第二十条第(一)项",
    "累计",
    "其中",
    "费用",
]

_BOUNDED = settings(
    max_examples=500, deadline=3000, suppress_health_check=[HealthCheck.too_slow], database=None
)


def _reads_or_refuses(text: str) -> None:
    try:
        report = extract_text(text, filename="fuzz.txt")
    except ExtractionError as error:
        message = error.message
        assert message
        return
    data = report.to_json("fuzz.txt")
    json.dumps(data, ensure_ascii=False, allow_nan=False)
    assert set(report.fields) <= set(FIELDS)
    assert all(
        isinstance(value, int | float) and not isinstance(value, bool) for value in report.fields.values()
    )


@_BOUNDED
@given(st.binary(max_size=4000), st.sampled_from(["utf-8", "gb18030", "big5", "utf-16"]))
def test_random_bytes(raw: bytes, encoding: str) -> None:
    _reads_or_refuses(raw.decode(encoding, errors="replace"))


@_BOUNDED
@given(st.lists(st.sampled_from(PIECES), max_size=400).map("".join))
def test_random_text_made_of_what_the_reader_looks_for(text: str) -> None:
    _reads_or_refuses(text)


@st.composite
def _mutated(draw: st.DrawFn) -> str:
    text = draw(st.sampled_from(TEXTS)) if TEXTS else "某局2020年政府信息公开工作年度报告\n"
    for _ in range(draw(st.integers(min_value=1, max_value=8))):
        if not text:
            break
        start = draw(st.integers(min_value=0, max_value=len(text) - 1))
        end = min(len(text), start + draw(st.integers(min_value=0, max_value=400)))
        action = draw(st.sampled_from(["delete", "duplicate", "insert", "swap", "break"]))
        if action == "delete":
            text = text[:start] + text[end:]
        elif action == "duplicate":
            text = text[:end] + text[start:end] + text[end:]
        elif action == "insert":
            text = text[:start] + "".join(draw(st.lists(st.sampled_from(PIECES), max_size=20))) + text[start:]
        elif action == "swap":
            lines = text.split("\n")
            i, j = (draw(st.integers(min_value=0, max_value=len(lines) - 1)) for _ in range(2))
            lines[i], lines[j] = lines[j], lines[i]
            text = "\n".join(lines)
        else:
            text = text[:start] + "\n" + text[start:]
    return text


@_BOUNDED
@given(_mutated())
def test_mutated_reports(text: str) -> None:
    _reads_or_refuses(text)


@settings(max_examples=3, deadline=10_000, database=None)
@given(
    st.sampled_from(
        ["收到政府信息公开申请1件，", "| 1 | 2 |\n", "未收到", "政府信息公开", "网站发布信息1条，"]
    )
)
def test_a_megabyte_of_one_phrase_reads_in_bounded_time(phrase: str) -> None:
    _reads_or_refuses("某局2020年政府信息公开工作年度报告\n" + phrase * (1_000_000 // len(phrase)))
