import pytest

from tests import factories


@pytest.fixture
def reviewer(agency):
    return factories.staff(agency, "reviewer", username="reviewer")


@pytest.fixture
def leader(agency):
    return factories.staff(agency, "leader", username="leader")
