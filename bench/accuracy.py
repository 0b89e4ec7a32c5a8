"""Report reader accuracy against hand labels: fields right, missing, wrong and invented.

Each folder holds NAME.txt (or .html/.docx…) beside NAME.json in the corpus format
(``{"agency", "year", "template", "fields": {only what the text states}}``, see
../shared/corpus/README.md). Files are read the way ``gongkai extract`` reads them.

    .venv/bin/python bench/accuracy.py                       # ../shared/corpus
    .venv/bin/python bench/accuracy.py DIR [DIR ...] [--list]
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from dataclasses import dataclass, field
from pathlib import Path

import django

ROOT = Path(__file__).resolve().parents[1]
CORPUS = Path(os.environ.get("GONGKAI_CORPUS", ROOT.parent / "shared" / "corpus"))


@dataclass
class Tally:
    stated: int = 0
    right: int = 0
    missing: int = 0
    wrong: int = 0
    output: int = 0
    invented: int = 0
    meta_wrong: int = 0
    problems: list[str] = field(default_factory=list)

    def line(self, name: str) -> str:
        right = self.right / max(1, self.stated)
        invented = self.invented / max(1, self.output)
        return (
            f"{name}: {self.stated} stated, {self.right} right ({right:.1%}), {self.missing} missing, "
            f"{self.wrong} wrong; {self.output} output, {self.invented} invented ({invented:.1%}); "
            f"year/template wrong in {self.meta_wrong}"
        )


def _source(label: Path) -> Path | None:
    return next((path for path in label.parent.glob(label.stem + ".*") if path.suffix != ".json"), None)


def measure(folder: Path, tally: Tally) -> None:
    from gongkai.domain.errors import ExtractionError
    from gongkai.domain.extraction import extract_text
    from gongkai.importer.reading import read_report

    for label_path in sorted(folder.glob("*.json")):
        source = _source(label_path)
        if source is None:
            continue
        label = json.loads(label_path.read_text(encoding="utf-8"))
        try:
            report = extract_text(read_report(source), filename=source.name)
        except ExtractionError as error:
            tally.problems.append(f"{source.name}: {error}")
            continue
        expected: dict[str, int | float] = label.get("fields", {})
        for name, value in expected.items():
            tally.stated += 1
            if name not in report.fields:
                tally.missing += 1
                tally.problems.append(f"{source.name}: missing {name}={value}")
            elif report.fields[name] != value:
                tally.wrong += 1
                tally.problems.append(f"{source.name}: {name} {report.fields[name]} (label {value})")
            else:
                tally.right += 1
        for name, value in report.fields.items():
            tally.output += 1
            if name not in expected:
                tally.invented += 1
                tally.problems.append(f"{source.name}: invented {name}={value}")
        if report.year != label.get("year") or report.template != label.get("template"):
            tally.meta_wrong += 1
            tally.problems.append(f"{source.name}: year/template {report.year}/{report.template}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folders", nargs="*", type=Path, default=[CORPUS])
    parser.add_argument("--list", action="store_true", help="list every field that is not right")
    args = parser.parse_args()
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "gongkai.settings")
    django.setup()
    total = Tally()
    for folder in args.folders:
        if not folder.is_dir():
            sys.exit(f"no such folder: {folder}")
        tally = Tally()
        measure(folder, tally)
        print(tally.line(str(folder)))
        if args.list:
            print("\n".join(f"  {problem}" for problem in tally.problems))
        for name in ("stated", "right", "missing", "wrong", "output", "invented", "meta_wrong"):
            setattr(total, name, getattr(total, name) + getattr(tally, name))
    if len(args.folders) > 1:
        print(total.line("all"))


if __name__ == "__main__":
    main()
