"""Chinese full-text search: any two characters match, names match, filters, ranking, highlights."""

from datetime import date

import pytest
from django.db import connection

from gongkai.catalogue import search, services
from gongkai.catalogue.search import backends
from gongkai.catalogue.search.documents import SearchDocument
from gongkai.catalogue.search.highlight import highlight, snippet
from gongkai.catalogue.search.tokens import bigram_stream, fold, parse_query, word_stream
from gongkai.domain.publication_rules import DocumentType, Validity
from tests.catalogue import factories

# -- tokens (no database) ---------------------------------------------------------------------------


def test_bigrams_cover_every_two_characters_and_stop_at_punctuation():
    assert bigram_stream("应急管理局，张建国") == "应急 急管 管理 理局 局 张建 建国 国"
    assert bigram_stream("安监发〔2023〕12号") == "安监 监发 发 2023 12号 号"
    assert bigram_stream("ＡＢＣ公司") == "abc公 公司 司"


def test_jieba_words_are_kept_for_terms_made_of_words():
    assert "安全" in word_stream("安全生产培训").split()
    (term,) = parse_query("安全生产培训")
    assert term.words == ("安全", "生产", "培训")
    (fragment,) = parse_query("府信息公开的")  # not made of words: the phrase only
    assert fragment.words == ()


def test_folding_keeps_offsets():
    assert fold("ＡＢＣ１２３公开") == "abc123公开"
    assert len(fold("İ公开")) == len("İ公开")


def test_highlight_escapes_html_and_marks_every_occurrence():
    terms = parse_query("公开")
    assert highlight("<b>公开</b>与公开", terms) == "&lt;b&gt;<mark>公开</mark>&lt;/b&gt;与<mark>公开</mark>"
    long_text = "前文" * 100 + "信息公开" + "后文" * 100
    cut = snippet(long_text, terms, width=40)
    assert cut.startswith("…") and cut.endswith("…") and "<mark>公开</mark>" in cut


def test_the_postgresql_literals_carry_positions_weights_and_phrases():
    document = SearchDocument(title="应急 急管 管", body="管理 理", words="应急", facets="xa1")
    assert backends.tsvector_literal(document) == "'应急':1A,8C '急管':2A '管':3A '管理':5B '理':6B 'xa1':10D"
    query = backends.Query(terms=tuple(parse_query("应急管理 局")), facets=("xa1",))
    assert backends.tsquery_literal(query) == (
        "((('应急':AB <-> '急管':AB <-> '管理':AB) | ('应急':C & '管理':C)) & '局':*AB) & 'xa1':D"
    )
    assert backends.fts5_expression(query, backends.Scope.TITLE) == (
        '(title : "应急 急管 管理" AND title : "局" *) AND facets : "xa1"'
    )


# -- against the database (SQLite FTS5 or PostgreSQL, whichever the suite runs on) -------------------


@pytest.fixture
def catalogue(agency):
    return {
        "title": factories.published(
            agency, title="关于开展安全生产月活动的通知", body="请做好应急管理工作。"
        ),
        "name": factories.published(agency, title="表彰决定", body="授予张建国同志先进个人称号。"),
        "apart": factories.published(agency, title="会议纪要", body="应急，管理，各有分工。"),
        "training": factories.published(agency, title="培训通知", body="开展安全生产教育和培训。"),
    }


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("应急", {"title", "apart"}),
        ("急管", {"title"}),  # across jieba's word boundary, and not across a comma
        ("建国", {"name"}),
        ("张建国", {"name"}),  # a name jieba may or may not cut
        ("张", {"name"}),  # one character: a prefix of the bigrams
        ("安全生产 通知", {"title", "training"}),  # terms apart: all of them
        ("安全生产培训", {"training"}),  # made of words: the words, not adjacent
        ("生产月活动", {"title"}),
        ("不存在", set()),
    ],
)
def test_queries_match_what_the_text_contains(catalogue, query, expected):
    ids = {name for name, p in catalogue.items() if p.pk in search.matching_publication_ids(query)}
    assert ids == expected


@pytest.mark.django_db
def test_every_substring_of_the_texts_is_found(agency):
    texts = ["各级行政机关应当依法主动公开政府信息", "本机关未收到行政复议申请", "张店区应急管理局年度报告"]
    made = {factories.published(agency, title=f"第{i}号", body=text).pk: text for i, text in enumerate(texts)}
    for text in texts:
        for size in (2, 3, 5):
            for start in range(len(text) - size + 1):
                query = text[start : start + size]
                oracle = {pk for pk, body in made.items() if query in body}
                assert oracle <= set(search.matching_publication_ids(query)), query


@pytest.mark.django_db
def test_a_search_page_ranks_title_matches_first_and_highlights(catalogue):
    page = search.search("安全生产")
    assert [hit.publication for hit in page.hits] == [catalogue["title"], catalogue["training"]]
    assert page.hits[0].title_html == "关于开展<mark>安全生产</mark>月活动的通知"
    assert "<mark>安全生产</mark>教育" in page.hits[1].snippet_html
    assert page.total == 2 and page.total_is_exact


@pytest.mark.django_db
def test_a_large_result_lists_title_matches_first_then_newest(agency, monkeypatch):
    monkeypatch.setattr(search, "RELEVANCE_WINDOW", 2)
    body = factories.published(agency, title="其他", body="演练", published_on=date(2024, 6, 20))
    old_title = factories.published(agency, title="演练通知", published_on=date(2024, 6, 5))
    new_title = factories.published(agency, title="演练方案", published_on=date(2024, 6, 6))
    older_body = factories.published(agency, title="其他二", body="演练", published_on=date(2024, 6, 4))
    first = search.search("演练", per_page=3)
    assert [h.publication for h in first.hits] == [new_title, old_title, body]
    second = search.search("演练", per_page=3, page=2)
    assert [h.publication for h in second.hits] == [older_body]
    by_date = search.search("演练", order="date")
    assert [h.publication for h in by_date.hits] == [body, new_title, old_title, older_body]


@pytest.mark.django_db
def test_counts_stop_at_the_cap(agency, monkeypatch):
    monkeypatch.setattr(search, "COUNT_CAP", 2)
    factories.imported(agency, count=4)
    page = search.search("演练")
    assert (page.total, page.total_is_exact) == (2, False)


@pytest.mark.django_db
def test_filters_by_agency_category_year_and_validity(agency, other_agency):
    normative = factories.category(agency, "0202")
    valid = factories.published(
        agency, title="安全办法", category=normative, doc_type=DocumentType.NORMATIVE, validity=Validity.VALID
    )
    news = factories.published(agency, title="安全动态", published_on=date(2024, 6, 5))
    elsewhere = factories.published(other_agency, title="安全通报")
    old = factories.imported(agency, count=1, title="安全旧闻{n}", published_on=date(2023, 1, 5))[0]

    def found(**filters):
        return set(search.matching_publication_ids("安全", filters=search.Filters(**filters)))

    assert found() == {valid.pk, news.pk, elsewhere.pk, old.pk}
    assert found(agency_id=agency.pk) == {valid.pk, news.pk, old.pk}
    assert found(category_id=factories.category(agency, "02").pk) == {valid.pk}  # the subtree
    assert found(category_code="0202") == {valid.pk}
    assert found(year=2023) == {old.pk}
    assert found(validity="valid") == {valid.pk}


@pytest.mark.django_db
def test_only_what_the_public_may_see_is_indexed(agency, leader):
    factories.draft(agency, title="草稿应急")
    shown = factories.published(agency, title="已发布应急")
    assert search.matching_publication_ids("应急") == [shown.pk]
    services.withdraw_publication(shown, reason="撤回", actor=leader)
    assert search.search("应急").hits == []


@pytest.mark.django_db
def test_rebuild_gives_the_same_answers(catalogue):
    before = {q: sorted(search.matching_publication_ids(q)) for q in ("应急", "建国", "安全生产培训")}
    assert search.rebuild() == 4
    assert {q: sorted(search.matching_publication_ids(q)) for q in before} == before


@pytest.mark.django_db
def test_the_backend_follows_the_database(agency):
    expected = backends.PostgresBackend if connection.vendor == "postgresql" else backends.SqliteBackend
    assert isinstance(backends.backend(), expected)
