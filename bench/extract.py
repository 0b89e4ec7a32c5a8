"""Report reader throughput, as a ratio to OpenCC's traditional-to-simplified conversion (the floor).

The labelled corpus (../shared/corpus or $GONGKAI_CORPUS) is repeated to about 10 MB of UTF-8
text. Both sides handle the same texts one file at a time: the floor converts
each with ``opencc.OpenCC("t2s")`` (which the reader must do anyway), the reader runs
``extract_text`` on each. Rounds alternate and the best round of each side counts, so that other
load on a shared machine weighs on both alike. Target: at most 5× the floor.

    .venv/bin/python bench/extract.py               # ~10 MB, 5 rounds
    .venv/bin/python bench/extract.py --mb 2 --rounds 3
"""

from __future__ import annotations

import argparse
import os
import platform
import time
from collections.abc import Callable
from pathlib import Path

import opencc

from gongkai.domain.errors import ExtractionError
from gongkai.domain.extraction import extract_text

ROOT = Path(__file__).resolve().parents[1]
CORPUS = Path(os.environ.get("GONGKAI_CORPUS", ROOT.parent / "shared" / "corpus"))


def corpus(megabytes: float) -> list[str]:
    texts = [path.read_text(encoding="utf-8") for path in sorted(CORPUS.glob("*.txt"))]
    if not texts:
        raise SystemExit("no corpus found: set GONGKAI_CORPUS")
    size = sum(len(text.encode("utf-8")) for text in texts)
    return texts * max(1, round(megabytes * 1_000_000 / size))


def timed(work: Callable[[str], object], texts: list[str]) -> float:
    start = time.process_time()
    for text in texts:
        work(text)
    return time.process_time() - start


def read(text: str) -> object:
    try:
        return extract_text(text)
    except ExtractionError:
        return None


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=10.0, help="corpus size to run over, in MB (default 10)")
    parser.add_argument("--rounds", type=int, default=5, help="alternating rounds; the best of each counts")
    args = parser.parse_args()
    texts = corpus(args.mb)
    megabytes = sum(len(text.encode("utf-8")) for text in texts) / 1_000_000
    converter = opencc.OpenCC("t2s")
    timed(converter.convert, texts[:30])  # warm up both: OpenCC's dictionaries, regex compilation
    timed(read, texts[:30])
    floors, ours = [], []
    for _ in range(args.rounds):
        floors.append(timed(converter.convert, texts))
        ours.append(timed(read, texts))
    floor, reader = min(floors), min(ours)
    python = f"{platform.python_implementation()} {platform.python_version()}"
    print(f"{len(texts)} texts, {megabytes:.1f} MB; {python}")
    print(f"floor  (OpenCC t2s)     {floor:7.3f} s  {megabytes / floor:7.1f} MB/s")
    print(f"reader (extract_text)   {reader:7.3f} s  {megabytes / reader:7.1f} MB/s")
    print(f"ratio to the floor      {reader / floor:7.1f}×   (target ≤ 5×)")


if __name__ == "__main__":
    main()
