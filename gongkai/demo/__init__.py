"""Demo data built through the real services (as Zulip's populate_db): deterministic, fixed seed."""

from __future__ import annotations


def build_demo() -> list[str]:
    from gongkai.demo.agencies import build_agencies

    agencies = build_agencies()
    lines = [f"机关 {len(agencies)} 个，演示账号 clerk/office/reviewer/leader/supervisor/admin"]
    for step in _steps():
        lines.append(step(agencies))
    return lines


def _steps() -> list:
    """Each area adds its builder here: a function (agencies) -> one summary line."""
    from gongkai.demo.applications import build_applications
    from gongkai.demo.catalogue import build_catalogue
    from gongkai.demo.reports import build_reports  # last: reports are computed from everything above

    return [build_applications, build_catalogue, build_reports]
