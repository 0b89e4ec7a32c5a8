"""Production settings: secrets only from the environment, and `check --deploy` clean."""

import os
import secrets
import subprocess
import sys
from pathlib import Path

SCRIPT = Path(sys.executable).with_name("gongkai")


def run(env_extra, *args):
    env = {k: v for k, v in os.environ.items() if not k.startswith(("GONGKAI_", "DJANGO_"))}
    env.update({"DJANGO_SETTINGS_MODULE": "gongkai.settings", **env_extra})
    return subprocess.run([SCRIPT, *args], capture_output=True, text=True, env=env, timeout=120, check=False)


def test_production_refuses_to_start_without_a_secret_key(tmp_path):
    result = run({"GONGKAI_ENV": "production", "GONGKAI_DATA_DIR": str(tmp_path)}, "check")
    assert result.returncode == 1
    assert "GONGKAI_SECRET_KEY" in result.stderr
    assert "Traceback" not in result.stderr


def test_check_deploy_is_clean_under_production_settings(tmp_path):
    env = {
        "GONGKAI_ENV": "production",
        "GONGKAI_SECRET_KEY": secrets.token_urlsafe(50),
        "GONGKAI_DATA_DIR": str(tmp_path),
        "GONGKAI_ALLOWED_HOSTS": "gongkai.example.gov.cn",
    }
    result = run(env, "check", "--deploy", "--fail-level", "WARNING")
    assert result.returncode == 0, result.stderr
    assert "no issues" in result.stdout
