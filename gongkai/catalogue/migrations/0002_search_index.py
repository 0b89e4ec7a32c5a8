"""The search index: an FTS5 table on SQLite, a tsvector column with a GIN index on PostgreSQL.

The tokens are made in Python (gongkai/catalogue/search/tokens.py) and written by the backend
(search/backends.py), so neither database's own text parser is involved.
"""

from django.db import migrations

SQLITE_FORWARD = [
    # Contentless: the tokens are not stored twice; rows are removed with FTS5's 'delete' command.
    # The 'ascii' tokenizer splits on ASCII punctuation and spaces only, so every precomputed token
    # (Chinese bigrams, jieba words, facets) stays whole.
    "CREATE VIRTUAL TABLE catalogue_search USING fts5("
    "title, body, words, facets, content='', tokenize='ascii')",
]
SQLITE_BACKWARD = ["DROP TABLE IF EXISTS catalogue_search"]

POSTGRES_FORWARD = [
    "ALTER TABLE catalogue_searchentry ADD COLUMN document tsvector",
    "CREATE INDEX catalogue_searchentry_document ON catalogue_searchentry USING GIN (document)",
]
POSTGRES_BACKWARD = [
    "DROP INDEX IF EXISTS catalogue_searchentry_document",
    "ALTER TABLE catalogue_searchentry DROP COLUMN IF EXISTS document",
]


def _run(statements_by_vendor):
    def run(apps, schema_editor):
        for statement in statements_by_vendor.get(schema_editor.connection.vendor, []):
            schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    dependencies = [("catalogue", "0001_initial")]

    operations = [
        migrations.RunPython(
            _run({"sqlite": SQLITE_FORWARD, "postgresql": POSTGRES_FORWARD}),
            _run({"sqlite": SQLITE_BACKWARD, "postgresql": POSTGRES_BACKWARD}),
        ),
    ]
