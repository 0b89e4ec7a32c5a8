"""Personas and helpers shared by the tests: each test builds only what it needs."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests import factories

CORPUS = Path(
    os.environ.get("GONGKAI_CORPUS", Path(__file__).resolve().parents[1].parent / "shared" / "corpus")
)


@pytest.fixture(autouse=True)
def _fresh_work_calendar():
    """Each test sees its own database's calendar, not one cached from a rolled-back test."""
    from gongkai.workcalendar.queries import forget_calendar

    forget_calendar()
    yield
    forget_calendar()


@pytest.fixture
def corpus() -> Path:
    if not CORPUS.is_dir():
        pytest.skip(f"the labelled corpus is not at {CORPUS} (set GONGKAI_CORPUS)")
    return CORPUS


@pytest.fixture
def agency(db):
    return factories.AgencyFactory(slug="anjian", name="某市应急管理局")


@pytest.fixture
def other_agency(db):
    return factories.AgencyFactory(slug="other", name="另一机关")


@pytest.fixture
def clerk(agency):
    return factories.staff(agency, "clerk", username="clerk")


@pytest.fixture
def office_head(agency):
    return factories.staff(agency, "office_head", username="head")


@pytest.fixture
def other_agency_clerk(other_agency):
    return factories.staff(other_agency, "clerk", username="otherclerk")


@pytest.fixture
def supervisor(agency):
    government = factories.AgencyFactory(slug="city", name="某市人民政府", is_government=True)
    agency.parent = government
    agency.save(update_fields=["parent"])
    return factories.staff(government, "supervisor", username="supervisor")


@pytest.fixture
def clerk_client(client, clerk):
    client.force_login(clerk)
    return client


class CliResult:
    def __init__(self, code: int, out: str, err: str) -> None:
        self.code, self.out, self.err = code, out, err

    def __repr__(self) -> str:
        return f"CliResult(code={self.code}, out={self.out[:300]!r}, err={self.err[:300]!r})"


@pytest.fixture
def gongkai(capsys, monkeypatch):
    """Run `gongkai ARGS...` in this process, against the test database, as a user would type it."""
    from django.db import connections

    from gongkai.cli import main

    monkeypatch.setattr(connections, "close_all", lambda: None)  # keep the test transaction

    def run(*args: str, stdin: str | None = None) -> CliResult:
        if stdin is not None:
            import io

            monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
        capsys.readouterr()
        try:
            main(["gongkai", *args])
            code = 0
        except SystemExit as exit_:
            code = exit_.code if isinstance(exit_.code, int) else (0 if exit_.code is None else 1)
        captured = capsys.readouterr()
        return CliResult(code, captured.out, captured.err)

    return run
