import pytest
from django.http import Http404

from gongkai.agencies.access import (
    access_agency_as_staff,
    access_agency_statistics,
    can_see_personal_data,
    staff_agencies,
    supervised_agency_ids,
)
from tests import factories


def test_staff_reach_their_own_agency(clerk, agency):
    assert access_agency_as_staff(clerk, agency.slug) == agency
    assert list(staff_agencies(clerk)) == [agency]
    assert can_see_personal_data(clerk, agency)


def test_other_agency_staff_get_the_same_not_found_as_for_a_missing_agency(other_agency_clerk, agency):
    with pytest.raises(Http404) as forbidden:
        access_agency_as_staff(other_agency_clerk, agency.slug)
    with pytest.raises(Http404) as missing:
        access_agency_as_staff(other_agency_clerk, "no-such-agency")
    assert str(forbidden.value) == str(missing.value)
    assert not can_see_personal_data(other_agency_clerk, agency)


def test_supervisor_sees_statistics_below_but_never_personal_data(supervisor, agency):
    assert agency.pk in supervised_agency_ids(supervisor)
    assert access_agency_statistics(supervisor, agency.slug) == agency
    assert not can_see_personal_data(supervisor, agency)
    with pytest.raises(Http404):
        access_agency_as_staff(supervisor, agency.slug)


def test_supervision_does_not_reach_sideways(supervisor, other_agency):
    with pytest.raises(Http404):
        access_agency_statistics(supervisor, other_agency.slug)


def test_anonymous_visitor_is_staff_nowhere(db, agency):
    from django.contrib.auth.models import AnonymousUser

    with pytest.raises(Http404):
        access_agency_as_staff(AnonymousUser(), agency.slug)
    assert not can_see_personal_data(AnonymousUser(), agency)


def test_role_limited_access(agency):
    reviewer = factories.staff(agency, "reviewer", username="rev")
    with pytest.raises(Http404):
        access_agency_as_staff(reviewer, agency.slug, roles=["office_head"])
    assert access_agency_as_staff(reviewer, agency.slug, roles=["reviewer"]) == agency
