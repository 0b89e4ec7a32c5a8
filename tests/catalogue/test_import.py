"""`gongkai import catalogue FILE --agency SLUG`: every bad row reported, all or nothing, idempotent."""

import csv
import io

import pytest

from gongkai.audit.models import AuditEvent
from gongkai.catalogue import search
from gongkai.catalogue.models import Publication
from tests.catalogue import factories, files

pytestmark = pytest.mark.django_db

HEADER = [
    "索引号",
    "标题",
    "信息分类",
    "文号",
    "成文日期",
    "发布日期",
    "主题词",
    "正文",
    "文件类型",
    "有效性",
    "发布渠道",
]
GOOD = [
    [
        "OLD-2023-001",
        "关于印发安全生产检查办法的通知",
        "政策文件/行政规范性文件",
        "安监发〔2023〕1号",
        "2023-02-01",
        "2023-02-10",
        "安全 检查",
        "第一条 为了加强安全生产检查……",
        "行政规范性文件",
        "有效",
        "政府网站；政务微信:2023-02-11",
    ],
    [
        "",
        "2023年第一季度工作动态",
        "工作动态",
        "",
        "2023/3/28",
        "2023年4月1日",
        "",
        "<p>本季度开展应急演练三次。</p>",
        "",
        "",
        "网站",
    ],
    [
        "OLD-2023-003",
        "2023年部门预算公开",
        "0501",
        "",
        "",
        "20230320",
        "",
        "部门预算表见附件。",
        "其他",
        "",
        "",
    ],
]


def write_csv(tmp_path, rows, *, header=HEADER, name="catalogue.csv", encoding="utf-8-sig"):
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(header)
    writer.writerows(rows)
    path = tmp_path / name
    path.write_bytes(buffer.getvalue().encode(encoding))
    return path


def test_a_good_file_is_imported_and_the_same_file_again_changes_nothing(gongkai, agency, tmp_path):
    path = write_csv(tmp_path, GOOD)
    result = gongkai("import", "catalogue", str(path), "--agency", agency.slug)
    assert result.code == 0, result
    assert "已导入 3 条" in result.out
    imported = Publication.objects.get(index_number="OLD-2023-001")
    assert (imported.doc_type, imported.validity, imported.category.code) == ("normative", "valid", "0202")
    assert sorted(imported.releases.values_list("channel", "released_on__day")) == [
        ("website", 10),
        ("wechat", 11),
    ]
    generated = Publication.objects.get(current__title="2023年第一季度工作动态")
    assert generated.index_number and generated.current.body_text == "本季度开展应急演练三次。"
    assert search.matching_publication_ids("演练") == [generated.pk]
    again = gongkai("import", "catalogue", str(path), "--agency", agency.slug)
    assert again.code == 0 and "已导入 0 条；已存在且内容相同 3 条" in again.out
    assert Publication.objects.count() == 3
    assert AuditEvent.objects.filter(event="catalogue.imported").count() == 2


def test_every_bad_row_is_reported_and_nothing_is_imported(gongkai, agency, tmp_path):
    rows = [
        GOOD[0],
        ["", "", "工作动态", "", "", "2023-01-01", "", "", "", "", ""],
        ["", "未知分类的信息", "不存在的分类", "", "", "2023-13-01", "", "", "", "", ""],
        ["", "规范性文件缺有效性", "0202", "", "", "2023-01-05", "", "", "规范性文件", "", ""],
        ["", "表彰名单", "工作动态", "", "", "2023-01-06", "", f"张三 {factories.ID_NUMBER}", "", "", ""],
        GOOD[0],
    ]
    result = gongkai("import", "catalogue", str(write_csv(tmp_path, rows)), "--agency", agency.slug)
    assert result.code == 2
    lines = result.err.strip().splitlines()
    assert "第3行 列“标题” 值“”：必填" in lines
    assert any(
        line.startswith("第4行 列“信息分类” 值“不存在的分类”：本机关没有这个信息分类") for line in lines
    )
    assert any(line.startswith("第4行 列“发布日期” 值“2023-13-01”") for line in lines)
    assert any(line.startswith("第5行 列“有效性”") and "须注明有效性" in line for line in lines)
    assert "第6行 列“正文” 值“1101**********002X”：疑似居民身份证号码（第1行第4列），请遮盖后再导入" in lines
    assert "第7行 列“索引号” 值“OLD-2023-001”：与第2行重复" in lines
    assert "共 6 处错误，未导入任何记录" in result.err
    assert Publication.objects.count() == 0


def test_a_row_that_changed_since_the_first_import_is_refused(gongkai, agency, tmp_path):
    assert gongkai("import", "catalogue", str(write_csv(tmp_path, GOOD)), "--agency", agency.slug).code == 0
    changed = [list(row) for row in GOOD]
    changed[0][1] = "关于印发安全生产检查办法（修订）的通知"
    result = gongkai(
        "import", "catalogue", str(write_csv(tmp_path, changed, name="b.csv")), "--agency", agency.slug
    )
    assert result.code == 2
    assert "第2行 列“索引号” 值“OLD-2023-001”：已存在且内容不同（标题）" in result.err
    assert Publication.objects.get(index_number="OLD-2023-001").current.title == GOOD[0][1]


def test_xlsx_with_english_headers_under_a_title_row(gongkai, agency, tmp_path):
    english = [
        "index_number",
        "title",
        "category",
        "doc_number",
        "written_on",
        "published_on",
        "keywords",
        "text",
        "doc_type",
        "validity",
        "channels",
        "publisher",
    ]
    rows = [["某市应急管理局主动公开目录"], english, *[[*row, "某市应急管理局"] for row in GOOD]]
    path = tmp_path / "catalogue.xlsx"
    path.write_bytes(files.xlsx(rows))
    result = gongkai("import", "catalogue", str(path), "--agency", agency.slug)
    assert result.code == 0, result
    assert "已导入 3 条" in result.out and "已忽略：publisher" in result.err


def test_a_gb18030_csv_and_a_dry_run(gongkai, agency, tmp_path):
    path = write_csv(tmp_path, GOOD, encoding="gb18030")
    result = gongkai("import", "catalogue", str(path), "--agency", agency.slug, "--dry-run")
    assert result.code == 0 and "试运行：可新增 3 条" in result.out
    assert Publication.objects.count() == 0


def test_usage_errors_say_what_is_wrong(gongkai, agency, tmp_path):
    missing = gongkai("import", "catalogue", str(tmp_path / "nope.csv"), "--agency", agency.slug)
    assert missing.code == 2 and "找不到文件" in missing.err
    nobody = gongkai("import", "catalogue", str(write_csv(tmp_path, GOOD)), "--agency", "no-such")
    assert nobody.code == 2 and "机关“no-such”不存在" in nobody.err
    no_title = write_csv(
        tmp_path, [["工作动态", "2023-01-01"]], header=["信息分类", "发布日期"], name="c.csv"
    )
    result = gongkai("import", "catalogue", str(no_title), "--agency", agency.slug)
    assert result.code == 2 and "缺少必需的列" in result.err and "Traceback" not in result.err


def test_search_rebuild_makes_the_index_again(gongkai, agency):
    made = factories.imported(agency, count=3)
    result = gongkai("search", "rebuild")
    assert result.code == 0 and "已重建全文检索索引：3 条" in result.out
    assert sorted(search.matching_publication_ids("演练")) == sorted(p.pk for p in made)
