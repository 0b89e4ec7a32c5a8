"""`gongkai deadline`: the command-line contract scripts depend on."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.django_db


def test_single_case_prints_the_due_date_and_the_working_in_chinese(gongkai):
    result = gongkai("deadline", "--received", "2024-09-20")
    assert result.code == 0, result
    assert "答复期限：2024-10-23（星期三）" in result.out
    assert "国庆节" in result.out and "调休上班" in result.out and "第三十三条" in result.out


def test_json_has_the_contract_keys(gongkai):
    result = gongkai(
        "deadline", "--received", "2024-09-20", "--stop", "2024-10-08:2024-10-10", "--extended", "--json"
    )
    data = json.loads(result.out)
    assert data["due"] == "2024-11-22"
    assert data["working_days"] == 40
    assert data["provisional"] is False
    assert [step["kind"] for step in data["steps"]][:2] == ["received", "rules"]
    assert any(step["kind"] == "pause" for step in data["steps"])


def test_rules_follow_the_receipt_date_unless_given(gongkai):
    before = json.loads(gongkai("deadline", "--received", "2019-05-14", "--json").out)
    after = json.loads(gongkai("deadline", "--received", "2019-05-15", "--json").out)
    forced = json.loads(gongkai("deadline", "--received", "2019-05-15", "--rules", "2008", "--json").out)
    assert (before["rules"], before["working_days"]) == ("2008", 15)
    assert (after["rules"], after["working_days"]) == ("2019", 20)
    assert forced["working_days"] == 15


def test_an_open_pause_has_no_due_date(gongkai):
    data = json.loads(gongkai("deadline", "--received", "2024-09-20", "--stop", "2024-09-25:", "--json").out)
    assert data["due"] is None and data["paused"] is True


def test_a_year_not_yet_announced_is_provisional(gongkai):
    data = json.loads(gongkai("deadline", "--received", "2026-12-20", "--json").out)
    assert data["provisional"] is True
    assert any(step["kind"] == "provisional" for step in data["steps"])


@pytest.mark.parametrize(
    ("args", "named"),
    [
        (["--received", "2024-02-30"], "2024-02-30"),
        (["--received", "2024-09-20", "--stop", "2024-09-10:2024-09-12"], "2024年9月10日"),
        (["--received", "2024-09-20", "--stop", "2024-09-25:2024-09-22"], "2024年9月22日"),
        (
            [
                "--received",
                "2024-09-20",
                "--stop",
                "2024-09-25:2024-09-28",
                "--stop",
                "2024-09-27:2024-10-09",
            ],
            "重叠",
        ),
        (["--received", "2024-09-20", "--extension-days", "30"], "30"),
        (["--received", "2024-09-20", "--rules", "2030"], "2030"),
        ([], "--received"),
    ],
)
def test_bad_input_names_the_bad_value_and_exits_2(gongkai, args, named):
    result = gongkai("deadline", *args)
    assert result.code == 2, result
    assert named in result.err
    assert "Traceback" not in result.err


def test_batch_answers_every_line_in_order_and_reports_bad_lines_in_place(gongkai, tmp_path):
    cases = tmp_path / "cases.jsonl"
    cases.write_text(
        "\n".join(
            [
                json.dumps({"received": "2024-09-20"}),
                json.dumps({"received": "2024-13-01"}),
                "not json",
                json.dumps({"received": "2019-05-14", "extended": True}),
                json.dumps(
                    {"received": "2024-09-20", "stops": [["2024-10-08", "2024-10-10"]], "extension_days": 5}
                ),
                json.dumps({"received": "2024-09-20", "stops": [["2024-09-25", "2024-09-22"]]}),
            ]
        ),
        encoding="utf-8",
    )
    result = gongkai("deadline", "--cases", str(cases), "--json")
    assert result.code == 0
    lines = [json.loads(line) for line in result.out.splitlines()]
    assert len(lines) == 6
    assert lines[0]["due"] == "2024-10-23"
    assert "error" in lines[1] and "2024-13-01" in lines[1]["error"]
    assert "error" in lines[2] and lines[2]["line"] == 3
    assert lines[3]["rules"] == "2008" and lines[3]["extension_days"] == 15
    assert lines[4]["extension_days"] == 5 and lines[4]["due"] > lines[0]["due"]
    assert lines[5]["error"] and lines[5]["where"].startswith("stops[0]")


def test_missing_cases_file_is_a_usage_error(gongkai, tmp_path):
    result = gongkai("deadline", "--cases", str(tmp_path / "nope.jsonl"), "--json")
    assert result.code == 2 and "nope.jsonl" in result.err


def test_the_installed_console_script_runs_without_a_database_and_never_shows_a_traceback(tmp_path):
    script = Path(sys.executable).with_name("gongkai")
    env = {
        **os.environ,
        "GONGKAI_DATA_DIR": str(tmp_path),
        "DATABASE_URL": f"sqlite:///{tmp_path}/none.sqlite3",
        "DJANGO_SETTINGS_MODULE": "gongkai.settings",
    }
    ok = subprocess.run(
        [script, "deadline", "--received", "2024-02-04", "--json"],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
        check=False,
    )
    assert ok.returncode == 0, ok.stderr
    assert json.loads(ok.stdout)["due"] == "2024-03-07"  # Spring Festival 2024 skipped, Sunday 2-18 counted
    bad = subprocess.run(
        [script, "deadline", "--received", "yesterday"],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
        check=False,
    )
    assert bad.returncode == 2
    assert "yesterday" in bad.stderr and "Traceback" not in bad.stderr
