"""Benchmark: Gongkai's catalogue search against Whoosh + jieba's ChineseAnalyzer.

Items are made from the sentences of the reports in ../shared/corpus (converted to simplified
characters, recombined with a fixed seed): a title (a clause), a text of 3–10 sentences, a 文号 on
40% of them, two or three 主题词. 200 queries of 2–6 Chinese characters come from the same corpus:
dictionary words, phrases of two or three words, arbitrary substrings, and names (people, places,
bodies) that jieba tags.

Each engine answers every query twice, after one warm-up pass:
- page: what a reader waits for, the first 20 results ranked plus the number of results
  (Gongkai: ``gongkai.catalogue.search.search`` — relevance among the newest 5,000 matches, count
  exact up to 10,000, 20 highlighted snippets fetched from the database; Whoosh: ``searcher.search``
  with limit=20 and ``estimated_length()``, no highlighting);
- all: every matching item (Gongkai: ``matching_publication_ids``; Whoosh: ``docs_for_query``),
  from which recall is measured against a brute-force substring oracle over title, text, 文号 and
  主题词.

Phases run as separate processes (each its own throwaway database) and write JSON; ``all`` runs
them in order and prints the table for bench/README.md:

    .venv/bin/python bench/search.py all --items 1000000 --whoosh-minutes 30
    .venv/bin/python bench/search.py gongkai --items 20000          # one phase
    .venv/bin/python bench/search.py whoosh --items 20000 --whoosh-minutes 5
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import platform
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import warnings
from collections import Counter
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = Path(os.environ.get("GONGKAI_CORPUS", ROOT.parent / "shared" / "corpus"))
SEED = 20240301
HAN = re.compile(r"^[\u4e00-\u9fff]+$")
AGENCIES = 10
ABBREVIATIONS = ["安监发", "应急办", "质监函", "环保字", "政办发", "财预", "人社发", "卫健函"]


# -- items and queries (deterministic) -------------------------------------------------------------


def sentences() -> list[str]:
    import opencc

    convert = opencc.OpenCC("t2s").convert
    found: list[str] = []
    for path in sorted(CORPUS.glob("*.txt")):
        text = convert(path.read_text(encoding="utf-8"))
        for part in re.split(r"(?<=[。！？；])|\n", text):
            part = part.strip()
            if len(part) >= 8 and re.search(r"[\u4e00-\u9fff]{4}", part):
                found.append(part)
    return found


def items(count: int, pool: list[str]) -> Iterator[tuple[str, str, str, str, int, date]]:
    """(title, text, 文号, 主题词, agency number, 发布日期) for item 0..count-1; the first n are the
    same whatever count is."""
    import jieba

    rng = random.Random(SEED)
    clauses = [c for s in pool for c in re.split(r"[，、：；。]", s) if 6 <= len(c) <= 36]
    keyword_cache: dict[str, list[str]] = {}
    first_day = date(2015, 1, 1)
    for _ in range(count):
        title = rng.choice(clauses)
        if rng.random() < 0.3:
            title = f"关于{title}的通知"
        text = "".join(rng.choice(pool) for _ in range(rng.randint(3, 10)))
        published = first_day + timedelta(days=rng.randrange(3650))
        number = ""
        if rng.random() < 0.4:
            number = f"{rng.choice(ABBREVIATIONS)}〔{published.year}〕{rng.randint(1, 200)}号"
        words = keyword_cache.get(title)
        if words is None:
            words = keyword_cache[title] = [w for w in jieba.cut(title) if len(w) >= 2 and HAN.match(w)][:3]
        yield title, text, number, " ".join(words), rng.randrange(AGENCIES), published


def queries(pool: list[str], count: int = 200) -> list[tuple[str, str]]:
    """(kind, query): words, phrases, substrings, names; 2–6 Chinese characters, no duplicates."""
    import jieba
    import jieba.posseg

    rng = random.Random(SEED + 1)
    cut = [list(jieba.cut(s)) for s in pool]
    words = Counter(w for ws in cut for w in ws if 2 <= len(w) <= 4 and HAN.match(w))
    chosen: dict[str, str] = {}

    def take(kind: str, candidate: str) -> None:
        if 2 <= len(candidate) <= 6 and HAN.match(candidate) and candidate not in chosen:
            chosen[candidate] = kind

    vocabulary = sorted(words)
    weights = [words[w] for w in vocabulary]
    while len(chosen) < 80:
        take("word", rng.choices(vocabulary, weights)[0])
    while len(chosen) < 140:
        ws = rng.choice(cut)
        start = rng.randrange(len(ws))
        take("phrase", "".join(ws[start : start + rng.choice((2, 3))]))
    names = sorted(
        {
            p.word
            for s in pool
            for p in jieba.posseg.cut(s)
            if p.flag in ("nr", "ns", "nt") and HAN.match(p.word)
        }
    )
    rng.shuffle(names)
    for name in names:
        if len(chosen) >= 160:
            break
        take("name", name)
    runs = [r for s in pool for r in re.findall(r"[\u4e00-\u9fff]{6,}", s)]
    while len(chosen) < count:
        run = rng.choice(runs)
        length = rng.randint(2, 6)
        start = rng.randrange(len(run) - length + 1)
        take("substring", run[start : start + length])
    return [(kind, query) for query, kind in chosen.items()]


def oracle(docs: list[str], query_list: list[tuple[str, str]]) -> list[set[int]]:
    """For each query, the item numbers whose title, text, 文号 or 主题词 contain it."""
    answers = []
    for _, query in query_list:
        answers.append({i for i, doc in enumerate(docs) if query in doc})
    return answers


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def recall(found: list[set[int]], truth: list[set[int]]) -> dict[str, float]:
    pairs = [(f, t) for f, t in zip(found, truth, strict=True) if t]
    hit = sum(len(f & t) for f, t in pairs)
    total = sum(len(t) for _, t in pairs)
    per_query = [len(f & t) / len(t) for f, t in pairs]
    return {
        "micro": hit / total if total else 1.0,
        "macro": statistics.fmean(per_query) if per_query else 1.0,
        "queries_below_1": sum(1 for r in per_query if r < 1.0),
        "queries_with_matches": len(pairs),
    }


def timed(run, query_list):  # type: ignore[no-untyped-def]
    for _, query in query_list:  # warm-up pass
        run(query)
    latencies, answers = [], []
    for _, query in query_list:
        started = time.perf_counter()
        answer = run(query)
        latencies.append((time.perf_counter() - started) * 1000)
        answers.append(answer)
    return latencies, answers


def summary(latencies: list[float]) -> dict[str, float]:
    return {
        "p50_ms": percentile(latencies, 0.5),
        "p95_ms": percentile(latencies, 0.95),
        "max_ms": max(latencies),
    }


# -- Gongkai ------------------------------------------------------------------------------------------


def _setup_django(data_dir: Path) -> None:
    os.environ["GONGKAI_DATA_DIR"] = str(data_dir)
    os.environ["DATABASE_URL"] = f"sqlite:///{data_dir / 'bench.sqlite3'}"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "gongkai.settings")
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()


def build_gongkai(count: int, batch: int, pool: list[str]) -> tuple[float, list[str], dict[int, int]]:
    """Publish the items through the catalogue's bulk service; (seconds, texts, item of publication id)."""
    from django.core.management import call_command

    from gongkai.agencies.models import Agency
    from gongkai.catalogue.models import Category, Publication
    from gongkai.catalogue.services import PublishedItem, publish_in_bulk, set_up_catalogue

    call_command("migrate", verbosity=0)
    if not Agency.objects.exists():
        for n in range(AGENCIES):
            agency = Agency.objects.create(slug=f"bench-{n}", name=f"基准测试局{n}", code=f"BENCH{n:02d}")
            set_up_catalogue(agency, actor=None)
    agencies = [
        (agency, list(Category.objects.filter(agency=agency, parent=None)))
        for agency in Agency.objects.filter(slug__startswith="bench-").order_by("code")
    ]
    build = not Publication.objects.exists()
    rng = random.Random(SEED + 2)
    docs: list[str] = []
    order: list[int] = []  # the agency of each item
    pending: dict[int, list] = {n: [] for n in range(AGENCIES)}  # type: ignore[type-arg]
    started = time.perf_counter()
    for number, (title, text, doc_number, keywords, agency_n, published) in enumerate(items(count, pool)):
        docs.append("\n".join((title, text, doc_number, keywords)))
        order.append(agency_n)
        category = rng.choice(agencies[agency_n][1])
        if not build:
            continue
        pending[agency_n].append(
            PublishedItem(
                category=category,
                title=title,
                body=text,
                doc_number=doc_number,
                keywords=keywords,
                published_on=published,
                written_on=published - timedelta(days=rng.randint(0, 30)),
                channels=(),
            )
        )
        if len(pending[agency_n]) >= batch:
            publish_in_bulk(agencies[agency_n][0], items=pending[agency_n], source="benchmark", actor=None,
                            full_clean=False)  # fmt: skip
            pending[agency_n] = []
        if (number + 1) % 100000 == 0:
            print(f"  gongkai: {number + 1:,} items, {time.perf_counter() - started:.0f} s", flush=True)
    for n, waiting in pending.items():
        if waiting:
            publish_in_bulk(agencies[n][0], items=waiting, source="benchmark", actor=None, full_clean=False)
    seconds = time.perf_counter() - started
    item_of: dict[int, int] = {}
    for agency_n, (agency, _) in enumerate(agencies):
        numbers = [i for i, a in enumerate(order) if a == agency_n]
        ids = list(Publication.objects.filter(agency=agency).order_by("id").values_list("id", flat=True))
        item_of.update(zip(ids, numbers, strict=True))
    return seconds, docs, item_of


def run_gongkai(count: int, out: Path, batch: int, data_dir: Path | None) -> None:
    keep = data_dir is not None
    data_dir = data_dir or Path(tempfile.mkdtemp(prefix="gongkai-bench-search-"))
    data_dir.mkdir(parents=True, exist_ok=True)
    _setup_django(data_dir)
    from gongkai.catalogue import search

    pool = sentences()
    stamp = data_dir / "build.json"
    built = json.loads(stamp.read_text()) if stamp.exists() else None
    if built and built["items"] != count:
        sys.exit(f"{data_dir} holds {built['items']:,} items, not {count:,}")
    build_seconds, docs, item_of = build_gongkai(count, batch, pool)
    if built:
        build_seconds = built["build_seconds"]
    else:
        stamp.write_text(json.dumps({"items": count, "build_seconds": build_seconds}))
    query_list = queries(pool)
    truth = oracle(docs, query_list)
    page_ms, pages = timed(lambda q: search.search(q), query_list)
    all_ms, found = timed(lambda q: search.matching_publication_ids(q), query_list)
    found_items = [{item_of[pk] for pk in ids} for ids in found]
    size = sum(f.stat().st_size for f in data_dir.glob("bench.sqlite3*"))
    result = {
        "engine": "gongkai",
        "items": count,
        "build_seconds": build_seconds,
        "database_bytes": size,
        "page": summary(page_ms),
        "all": summary(all_ms),
        "recall": recall(found_items, truth),
        "zero_result_pages": sum(1 for p in pages if not p.hits),
        "queries": [
            {"kind": kind, "query": q, "oracle": len(t), "found": len(f), "count": p.total, "page_ms": ms}
            for (kind, q), t, f, p, ms in zip(query_list, truth, found_items, pages, page_ms, strict=True)
        ],
    }
    out.write_text(json.dumps(result, ensure_ascii=False, indent=1), encoding="utf-8")
    if not keep:
        shutil.rmtree(data_dir, ignore_errors=True)
    print(f"  gongkai: {count:,} items built in {build_seconds:.0f} s; results in {out}")


# -- Whoosh -------------------------------------------------------------------------------------------


def run_whoosh(count: int, out: Path, minutes: float, data_dir: Path | None) -> None:
    warnings.simplefilter("ignore")  # Whoosh and jieba.analyse warn about old APIs and unclosed files
    import jieba

    jieba.setLogLevel(logging.WARNING)
    from jieba.analyse import ChineseAnalyzer
    from whoosh import index
    from whoosh.fields import TEXT, Schema
    from whoosh.qparser import MultifieldParser

    keep = data_dir is not None
    directory = data_dir or Path(tempfile.mkdtemp(prefix="gongkai-bench-whoosh-"))
    directory.mkdir(parents=True, exist_ok=True)
    stamp = directory / "build.json"
    pool = sentences()
    docs: list[str] = []
    if stamp.exists():  # reuse the index built before: the first n items again
        built = json.loads(stamp.read_text())
        build_seconds, indexed = built["build_seconds"], built["items"]
        for title, text, doc_number, keywords, _, _ in items(indexed, pool):
            docs.append("\n".join((title, text, doc_number, keywords)))
    else:
        analyzer = ChineseAnalyzer()
        ix = index.create_in(
            str(directory), Schema(title=TEXT(analyzer=analyzer), body=TEXT(analyzer=analyzer))
        )
        started = time.perf_counter()
        deadline = started + minutes * 60 * 0.85  # leave time for the final commit
        writer = ix.writer(limitmb=1024)
        for number, (title, text, doc_number, keywords, _, _) in enumerate(items(count, pool)):
            if time.perf_counter() > deadline:
                break
            writer.add_document(title=title, body="\n".join((text, doc_number, keywords)))
            docs.append("\n".join((title, text, doc_number, keywords)))
            if (number + 1) % 20000 == 0:
                print(f"  whoosh: {number + 1:,} items, {time.perf_counter() - started:.0f} s", flush=True)
        writer.commit()
        build_seconds = time.perf_counter() - started
        indexed = len(docs)
        stamp.write_text(json.dumps({"items": indexed, "build_seconds": build_seconds}))
    ix = index.open_dir(str(directory))
    parser = MultifieldParser(["title", "body"], ix.schema)
    query_list = queries(pool)
    truth = oracle(docs, query_list)
    with ix.searcher() as searcher:

        def page(query: str) -> tuple[int, list[int]]:
            results = searcher.search(parser.parse(query), limit=20)
            return results.estimated_length(), [hit.docnum for hit in results]

        page_ms, pages = timed(page, query_list)
        all_ms, found = timed(lambda q: set(searcher.docs_for_query(parser.parse(q))), query_list)
    size = sum(f.stat().st_size for f in directory.iterdir())
    result = {
        "engine": "whoosh",
        "items": indexed,
        "items_asked": count,
        "build_seconds": build_seconds,
        "index_bytes": size,
        "page": summary(page_ms),
        "all": summary(all_ms),
        "recall": recall(found, truth),
        "queries": [
            {"kind": kind, "query": q, "oracle": len(t), "found": len(f), "count": p[0], "page_ms": ms}
            for (kind, q), t, f, p, ms in zip(query_list, truth, found, pages, page_ms, strict=True)
        ],
    }
    out.write_text(json.dumps(result, ensure_ascii=False, indent=1), encoding="utf-8")
    if not keep:
        shutil.rmtree(directory, ignore_errors=True)
    print(f"  whoosh: {indexed:,} items indexed in {build_seconds:.0f} s; results in {out}")


# -- report -------------------------------------------------------------------------------------------


def row(label: str, result: dict) -> str:  # type: ignore[type-arg]
    r = result["recall"]
    return (
        f"| {label} | {result['items']:,} | {result['build_seconds'] / 60:.1f} min | "
        f"{result['page']['p50_ms']:.1f} | {result['page']['p95_ms']:.1f} | "
        f"{result['all']['p50_ms']:.1f} | {result['all']['p95_ms']:.1f} | "
        f"{r['micro']:.4f} | {r['macro']:.4f} | {r['queries_below_1']} |"
    )


def report(paths: list[Path]) -> None:
    results = [json.loads(p.read_text(encoding="utf-8")) for p in paths]
    print(f"Python {platform.python_version()}, {platform.machine()}, {os.cpu_count()} cores")
    print("| engine | items | build | page p50 ms | page p95 ms | all p50 ms | all p95 ms "
          "| recall (micro) | recall (macro) | queries < 1 |")  # fmt: skip
    print("|---|---|---|---|---|---|---|---|---|---|")
    for path, result in zip(paths, results, strict=True):
        print(row(f"{result['engine']} ({path.stem})", result))
    whoosh = next((r for r in results if r["engine"] == "whoosh"), None)
    if whoosh:
        for result in results:
            if result["engine"] == "gongkai":
                ratio = whoosh["page"]["p95_ms"] / result["page"]["p95_ms"]
                ratio_all = whoosh["all"]["p95_ms"] / result["all"]["p95_ms"]
                items_ = f"{result['items']:,}"
                print(f"p95 Whoosh/Gongkai at {items_} items: page {ratio:.1f}×, all {ratio_all:.1f}×")
    kinds = Counter(q["kind"] for q in results[0]["queries"])
    print("queries:", dict(kinds))


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("phase", choices=["gongkai", "whoosh", "all", "report"])
    parser.add_argument("--items", type=int, default=1_000_000)
    parser.add_argument("--whoosh-minutes", type=float, default=30)
    parser.add_argument("--batch", type=int, default=10_000)
    parser.add_argument("--out", type=Path, default=Path(tempfile.gettempdir()) / "gongkai-bench-search")
    parser.add_argument("--data-dir", type=Path, help="keep (or reuse) the database or index here")
    parser.add_argument("files", nargs="*", type=Path)
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    if not CORPUS.is_dir():
        sys.exit(f"the corpus is not at {CORPUS} (set GONGKAI_CORPUS)")
    if args.phase == "gongkai":
        run_gongkai(args.items, args.out / f"gongkai-{args.items}.json", args.batch, args.data_dir)
    elif args.phase == "whoosh":
        run_whoosh(args.items, args.out / f"whoosh-{args.items}.json", args.whoosh_minutes, args.data_dir)
    elif args.phase == "report":
        report(args.files)
    else:
        me = [sys.executable, __file__]
        common = ["--out", str(args.out)]
        subprocess.run([*me, "gongkai", "--items", str(args.items), *common], check=True)
        subprocess.run(
            [
                *me,
                "whoosh",
                "--items",
                str(args.items),
                "--whoosh-minutes",
                str(args.whoosh_minutes),
                *common,
            ],
            check=True,
        )
        whoosh = json.loads((args.out / f"whoosh-{args.items}.json").read_text(encoding="utf-8"))
        files = [args.out / f"gongkai-{args.items}.json"]
        if whoosh["items"] < args.items:  # also Gongkai on exactly the items Whoosh managed
            subprocess.run([*me, "gongkai", "--items", str(whoosh["items"]), *common], check=True)
            files.append(args.out / f"gongkai-{whoosh['items']}.json")
        report([*files, args.out / f"whoosh-{args.items}.json"])


if __name__ == "__main__":
    main()
