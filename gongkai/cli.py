"""The `gongkai` console script: Django's management commands and ours, without tracebacks.

`gongkai import applications FILE` and `gongkai import reports PATH...` are spelled with a space on
the command line; they run the commands `import_applications` and `import_reports`.
Exit codes: 0 success, 1 the command failed, 2 bad usage or bad input (as click does).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

GROUPED = {"import": "import_"}


def _translate(argv: list[str]) -> list[str]:
    if len(argv) >= 3 and argv[1] in GROUPED and not argv[2].startswith("-"):
        return [argv[0], GROUPED[argv[1]] + argv[2], *argv[3:]]
    return argv


def main(argv: list[str] | None = None) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "gongkai.settings")
    args = _translate(list(sys.argv if argv is None else argv))
    args[0] = "gongkai"
    try:
        import django
        from django.conf import settings
        from django.core.management import ManagementUtility, get_commands

        django.setup()
        Path(settings.DATA_DIR).mkdir(parents=True, exist_ok=True)
        if len(args) > 1 and not args[1].startswith("-") and args[1] not in get_commands():
            if args[1] != "help":
                sys.stderr.write(f"错误：没有名为“{args[1]}”的命令。运行 gongkai help 查看全部命令。\n")
                sys.exit(2)
        ManagementUtility(args).execute()
    except KeyboardInterrupt:
        sys.stderr.write("已中断。\n")
        sys.exit(130)
    except Exception as error:  # noqa: BLE001 - the last line of defence: one line, never a traceback
        if os.environ.get("GONGKAI_TRACEBACK") == "1":
            raise
        sys.stderr.write(
            f"错误：{type(error).__name__}: {error}\n（设置 GONGKAI_TRACEBACK=1 可查看详细信息）\n"
        )
        sys.exit(1)
