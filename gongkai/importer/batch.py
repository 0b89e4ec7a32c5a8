"""Running the report reader over many files: which files, a progress bar, one error per file.

A file that cannot be read gets its own error line and the batch goes on; the caller learns how
many failed (the commands then exit with code 1).
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Protocol

from tqdm import tqdm

from gongkai.domain.errors import DomainError
from gongkai.importer.reading import SUFFIXES

MISSING = "找不到文件或目录"


class Writer(Protocol):
    def write(self, text: str) -> object: ...


def report_paths(arguments: Iterable[str], *, recursive: bool) -> tuple[list[Path], list[str]]:
    """The report files the arguments name (a directory gives the report files in it; with
    ``recursive`` also in its subdirectories), and the arguments that name nothing."""
    found: list[Path] = []
    missing: list[str] = []
    for argument in arguments:
        path = Path(argument)
        if path.is_dir():
            candidates = path.rglob("*") if recursive else path.iterdir()
            found += sorted(p for p in candidates if p.is_file() and p.suffix.lower() in SUFFIXES)
        elif path.is_file():
            found.append(path)
        else:
            missing.append(argument)
    return found, missing


def run_batch(
    paths: list[Path],
    handle: Callable[[Path], None],
    *,
    errors: Writer,
    missing: Iterable[str] = (),
) -> int:
    """Call ``handle`` on each path; a DomainError or OSError is written as one line to ``errors``.

    Returns how many failed (missing paths included). The bar shows on a terminal, for batches.
    """
    failed = 0
    for argument in missing:
        errors.write(f"错误：{argument}：{MISSING}\n")
        failed += 1
    interactive = bool(getattr(sys.stderr, "isatty", lambda: False)())
    with tqdm(
        paths, file=sys.stderr, unit="份", desc="读取", disable=len(paths) < 2 or not interactive
    ) as bar:
        for path in bar:
            try:
                handle(path)
            except (DomainError, OSError) as error:
                failed += 1
                message = getattr(error, "message", None) or getattr(error, "strerror", None) or str(error)
                bar.clear()
                errors.write(f"错误：{path}：{message}\n")
    return failed
