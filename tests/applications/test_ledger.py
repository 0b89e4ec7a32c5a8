"""`gongkai import applications FILE --agency SLUG [--dry-run]`, end to end, as a user runs it."""

import csv
from datetime import date, datetime
from decimal import Decimal

import pytest
from openpyxl import Workbook

from gongkai.applications.models import Application, ReceiptBasis, Source
from gongkai.audit.models import AuditEvent
from gongkai.domain.cases import EventKind, Stage

pytestmark = pytest.mark.django_db

CHINESE = [
    "申请编号",
    "收到日期",
    "申请方式",
    "申请人类型",
    "申请人",
    "申请内容",
    "办理结果",
    "答复日期",
    "是否延期",
    "收费金额",
]
ENGLISH = [
    "ref",
    "received",
    "channel",
    "applicant_type",
    "applicant",
    "content",
    "outcome",
    "replied",
    "extended",
    "fee_yuan",
]
LEDGER = [
    [
        "2025-001",
        "2025-03-03",
        "网络",
        "自然人",
        "张三",
        "2024年执法检查计划",
        "予以公开",
        "2025-03-20",
        "否",
        "",
    ],
    [
        "2025-002",
        "2025-03-05",
        "信函",
        "商业企业",
        "某化工有限公司",
        "安全评价报告",
        "部分公开",
        "2025-05-06",
        "是",
        "100",
    ],
    [
        "2025-003",
        "2025-04-01",
        "当面",
        "自然人",
        "李四",
        "某事故调查报告",
        "逾期不补正",
        "2025-05-20",
        "",
        "",
    ],
    [
        "2025-004",
        "2025-04-02",
        "传真",
        "法律服务机构",
        "某律师事务所",
        "行政处罚决定书",
        "撤回",
        "2025-04-10",
        "0",
        "",
    ],
    ["2025-005", "2025-11-03", "电子邮件", "社会公益组织", "某环保协会", "排污许可名单", "", "", "否", ""],
]


def write_csv(path, header, rows, *, encoding="utf-8-sig"):
    with path.open("w", newline="", encoding=encoding) as out:
        writer = csv.writer(out)
        writer.writerow(header)
        writer.writerows(rows)
    return str(path)


def test_a_chinese_csv_in_gb18030_creates_each_case_through_its_events(gongkai, agency, tmp_path):
    result = gongkai(
        "import",
        "applications",
        write_csv(tmp_path / "台账.csv", CHINESE, LEDGER, encoding="gb18030"),
        "--agency",
        agency.slug,
    )
    assert result.code == 0, result
    assert "已导入 5 件" in result.out
    cases = {a.ref: a for a in Application.objects.filter(agency=agency)}
    assert set(cases) == {"2025-001", "2025-002", "2025-003", "2025-004", "2025-005"}
    granted = cases["2025-001"]
    assert (granted.source, granted.receipt_basis, granted.channel) == (
        Source.LEDGER,
        ReceiptBasis.LEDGER,
        "online",
    )
    assert (granted.stage, granted.reply_type, granted.concluded_on) == (
        Stage.CONCLUDED,
        "granted",
        date(2025, 3, 20),
    )
    partial = cases["2025-002"]
    assert partial.channel == "post_signed" and partial.fee_yuan == Decimal("100.00")
    assert partial.events.filter(kind=EventKind.EXTENSION_APPROVED, extension_days=0).exists()
    assert partial.events.get(kind=EventKind.EXTENSION_REQUESTED).extension_days == 20
    assert cases["2025-003"].reply_type == "other.no_correction"
    assert cases["2025-004"].reply_type == "other.other"
    assert cases["2025-004"].events.filter(kind=EventKind.WITHDRAWN).exists()
    still_open = cases["2025-005"]
    assert (
        still_open.stage == Stage.OPEN and still_open.due_on is not None and still_open.concluded_on is None
    )
    assert AuditEvent.objects.filter(event="application.received", agency=agency).count() == 5
    assert AuditEvent.objects.get(event="application.ledger_imported").after["created"] == 5


def test_an_xlsx_with_english_headers_and_excel_dates(gongkai, agency, tmp_path):
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(ENGLISH)
    sheet.append(
        [
            "A-1",
            datetime(2025, 6, 2),
            "online",
            "research",
            "某大学",
            "监测数据",
            "unable.not_held",
            datetime(2025, 6, 20),
            0,
            None,
        ]
    )
    sheet.append(
        [
            "A-2",
            datetime(2025, 6, 3),
            "in_person",
            "natural_person",
            "王五",
            "会议纪要",
            "refused.process_info",
            datetime(2025, 6, 30),
            1,
            25.5,
        ]
    )
    workbook.save(tmp_path / "ledger.xlsx")
    result = gongkai("import", "applications", str(tmp_path / "ledger.xlsx"), "--agency", agency.slug)
    assert result.code == 0, result
    second = Application.objects.get(agency=agency, ref="A-2")
    assert (second.reply_type, second.fee_yuan, second.applicant_type) == (
        "refused.process_info",
        Decimal("25.50"),
        "natural_person",
    )
    assert Application.objects.get(agency=agency, ref="A-1").concluded_on == date(2025, 6, 20)


def test_every_bad_row_is_reported_and_nothing_is_imported(gongkai, agency, tmp_path):
    rows = [
        LEDGER[0],
        ["2025-002", "2025-03-05", "微信", "自然人", "张三", "x", "予以公开", "2025-03-01", "否", ""],
        ["2025-003", "2025-13-01", "网络", "自然人", "张三", "x", "", "", "否", ""],
        ["2025-001", "2025-03-05", "网络", "自然人", "张三", "x", "", "", "也许", ""],
    ]
    result = gongkai(
        "import", "applications", write_csv(tmp_path / "bad.csv", CHINESE, rows), "--agency", agency.slug
    )
    assert result.code == 2
    lines = result.err.splitlines()
    assert "第3行 列“申请方式” 值“微信”：不是可识别的申请方式（当面、信函、网络、传真、电子邮件）" in lines
    assert "第3行 列“答复日期” 值“2025-03-01”：早于收到日期 2025-03-05" in lines
    assert "第4行 列“收到日期” 值“2025-13-01”：没有这一天" in lines
    assert "第5行 列“是否延期” 值“也许”：应填 0/1 或 是/否" in lines
    assert "第5行 列“申请编号” 值“2025-001”：与第2行的申请编号重复" in lines
    assert "共 5 处错误，未导入任何记录" in result.err and "Traceback" not in result.err
    assert not Application.objects.exists()


def test_importing_the_same_file_again_changes_nothing(gongkai, agency, tmp_path):
    path = write_csv(tmp_path / "台账.csv", CHINESE, LEDGER)
    assert gongkai("import", "applications", path, "--agency", agency.slug).code == 0
    events_before = AuditEvent.objects.exclude(event="application.ledger_imported").count()
    again = gongkai("import", "applications", path, "--agency", agency.slug)
    assert again.code == 0, again
    assert "已导入 0 件；已存在且内容相同 5 件，未改动" in again.out
    assert Application.objects.filter(agency=agency).count() == 5
    assert AuditEvent.objects.exclude(event="application.ledger_imported").count() == events_before


def test_a_known_ref_with_different_content_is_an_error_not_an_edit(gongkai, agency, tmp_path):
    assert (
        gongkai(
            "import", "applications", write_csv(tmp_path / "a.csv", CHINESE, LEDGER), "--agency", agency.slug
        ).code
        == 0
    )
    changed = [LEDGER[0][:6] + ["重复申请", "2025-03-21", "否", ""], LEDGER[4]]
    result = gongkai(
        "import", "applications", write_csv(tmp_path / "b.csv", CHINESE, changed), "--agency", agency.slug
    )
    assert result.code == 2
    assert (
        "第2行 列“申请编号” 值“2025-001”：已存在且内容不同（办理结果、答复日期）；台账导入不修改已有案件"
        in result.err
    )
    assert Application.objects.get(agency=agency, ref="2025-001").reply_type == "granted"


def test_dry_run_checks_everything_and_imports_nothing(gongkai, agency, tmp_path):
    result = gongkai(
        "import",
        "applications",
        write_csv(tmp_path / "a.csv", ENGLISH, LEDGER),
        "--agency",
        agency.slug,
        "--dry-run",
    )
    assert result.code == 0, result
    assert "试运行：可新建 5 件" in result.out
    assert not Application.objects.exists()
    assert not AuditEvent.objects.filter(event__startswith="application.").exists()


def test_usage_errors_exit_2_with_a_message(gongkai, agency, tmp_path):
    path = write_csv(tmp_path / "a.csv", CHINESE, LEDGER)
    assert "机关“nowhere”不存在" in gongkai("import", "applications", path, "--agency", "nowhere").err
    missing = gongkai("import", "applications", str(tmp_path / "none.csv"), "--agency", agency.slug)
    assert missing.code == 2 and "找不到文件" in missing.err
    (tmp_path / "old.xls").write_bytes(b"\xd0\xcf\x11\xe0")
    old = gongkai("import", "applications", str(tmp_path / "old.xls"), "--agency", agency.slug)
    assert old.code == 2 and "另存为 .xlsx" in old.err and "Traceback" not in old.err


@pytest.mark.slow
def test_a_large_file_shows_a_progress_bar_on_stderr(gongkai, agency, tmp_path):
    rows = [
        [f"L-{n:03d}", "2025-06-02", "网络", "自然人", f"申请人{n}", "某文件", "", "", "否", ""]
        for n in range(201)
    ]
    result = gongkai(
        "import", "applications", write_csv(tmp_path / "big.csv", CHINESE, rows), "--agency", agency.slug
    )
    assert result.code == 0, result
    assert "201/201" in result.err and "已导入 201 件" in result.out
