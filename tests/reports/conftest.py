from __future__ import annotations

from datetime import date

import pytest
import time_machine

TODAY = date(2025, 6, 30)


@pytest.fixture(autouse=True)
def _mid_2025():
    """Every report test runs on 30 June 2025 unless it travels elsewhere: the 2024 report is due
    and all the 2024 events are in the past."""
    with time_machine.travel(TODAY, tick=False):
        yield
