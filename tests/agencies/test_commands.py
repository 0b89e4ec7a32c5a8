from gongkai.agencies.models import Agency
from gongkai.audit.models import AuditEvent


def test_agency_add_creates_the_agency_under_its_parent_and_audits_it(db, gongkai):
    assert gongkai("agency", "add", "city", "某市人民政府", "--government", "--level", "city").code == 0
    result = gongkai("agency", "add", "city-ep", "某市生态环境局", "--parent", "city")
    assert result.code == 0, result
    assert "已新增机关 city-ep" in result.out
    child = Agency.objects.get(slug="city-ep")
    assert child.parent.slug == "city"
    assert AuditEvent.objects.filter(event="agency.created", subject_id=str(child.pk)).exists()


def test_agency_add_with_unknown_parent_names_it_and_exits_2(db, gongkai):
    result = gongkai("agency", "add", "x", "某局", "--parent", "nowhere")
    assert result.code == 2
    assert "nowhere" in result.err
    assert "Traceback" not in result.err
    assert not Agency.objects.filter(slug="x").exists()


def test_agency_add_rejects_a_bad_slug_with_a_message(db, gongkai):
    result = gongkai("agency", "add", "Bad Slug!", "某局")
    assert result.code == 2
    assert "Bad Slug!" in result.err
    assert "Traceback" not in result.err


def test_duplicate_slug_is_refused(db, gongkai):
    gongkai("agency", "add", "dup", "甲局")
    result = gongkai("agency", "add", "dup", "乙局")
    assert result.code == 2
    assert Agency.objects.get(slug="dup").name == "甲局"


def test_unknown_command_is_a_usage_error(db, gongkai):
    result = gongkai("no_such_command")
    assert result.code == 2
    assert "no_such_command" in result.err
