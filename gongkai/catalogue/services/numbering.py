"""索引号: numbered from the agency's pattern, one serial counter per series, never reused."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from gongkai.agencies.models import Agency
from gongkai.catalogue.models import CatalogueSettings, Category, IndexSerial, Publication
from gongkai.domain.errors import InvalidInput
from gongkai.domain.publication_rules import DEFAULT_INDEX_PATTERN, IndexPattern, parse_index_pattern

_CHUNK = 500


def _pattern(agency: Agency) -> IndexPattern:
    settings = CatalogueSettings.objects.filter(agency=agency).first()
    return parse_index_pattern(settings.index_pattern if settings else DEFAULT_INDEX_PATTERN)


def _taken(agency: Agency, numbers: list[str]) -> set[str]:
    taken: set[str] = set()
    for start in range(0, len(numbers), _CHUNK):
        chunk = numbers[start : start + _CHUNK]
        taken.update(
            Publication.objects.filter(agency=agency, index_number__in=chunk).values_list(
                "index_number", flat=True
            )
        )
    return taken


def allocate_index_numbers(agency: Agency, wanted: Sequence[tuple[Category, int]]) -> list[str]:
    """One new 索引号 for each (category, year of publication), in order; call inside a transaction.

    The counters are locked (select_for_update) so two publications at once never get the same
    serial; a number an imported entry already holds is skipped."""
    if not agency.code:
        raise InvalidInput(f"机关“{agency.name}”未设置机构代码，无法生成索引号", where="agency.code")
    pattern = _pattern(agency)
    code = agency.code
    by_series: dict[str, list[int]] = defaultdict(list)
    for position, (category, year) in enumerate(wanted):
        by_series[pattern.series(agency_code=code, category_code=category.code, year=year)].append(position)
    counters = {
        c.series: c
        for c in IndexSerial.objects.select_for_update().filter(agency=agency, series__in=list(by_series))
    }
    created = IndexSerial.objects.bulk_create(
        [IndexSerial(agency=agency, series=series) for series in by_series if series not in counters]
    )
    counters.update({c.series: c for c in created})
    numbers = [""] * len(wanted)
    pending = dict(by_series)
    while pending:
        candidates: dict[str, tuple[str, int]] = {}
        for series, positions in pending.items():
            counter = counters[series]
            for position in positions:
                counter.last += 1
                category, year = wanted[position]
                number = pattern.format(
                    agency_code=code, category_code=category.code, year=year, serial=counter.last
                )
                candidates[number] = (series, position)
        taken = _taken(agency, list(candidates))
        pending = defaultdict(list)
        for number, (series, position) in candidates.items():
            if number in taken:
                pending[series].append(position)
            else:
                numbers[position] = number
    IndexSerial.objects.bulk_update(list(counters.values()), ["last"])
    return numbers
