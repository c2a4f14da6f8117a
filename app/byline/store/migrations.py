"""Every version of the library's schema, as sqlite-utils migrations in the set "byline".

A migration, once released, never changes: a new schema change is one new ``@migration`` function
at the end of this file plus one row in tests/store/test_migrations.py (``SAMPLES``) that fills
the database at the version before it. The schema is written as SQL because sqlite-utils' table API
cannot declare ``ON DELETE CASCADE`` or FTS5 triggers limited to the columns that matter.

sqlite-utils' ``Migrations`` applies them (``migrate``); which ones a library already has is read
with plain SQL from the table it keeps (``applied_names``), so that opening an up-to-date library
does not import sqlite-utils (see ``byline.store.connection``).
"""

from __future__ import annotations

import functools
import sqlite3
import time
from collections.abc import Callable
from typing import TYPE_CHECKING

from byline.store.connection import Connection

if TYPE_CHECKING:
    from sqlite_utils import Database
    from sqlite_utils.migrations import Migrations

MIGRATION_SET = "byline"
MIGRATIONS_TABLE = "_sqlite_migrations"  # where sqlite-utils' Migrations records what it applied

Step = Callable[["Database"], None]
_STEPS: list[Step] = []  # oldest first


def migration(step: Step) -> Step:
    """Register ``step`` as the newest migration, named after the function."""
    _STEPS.append(step)
    return step


def run_sql(db: Database, script: str) -> None:
    """Run each statement of ``script`` through ``db.execute``, inside the caller's transaction.

    (``executescript`` would commit first, breaking the migration's all-or-nothing promise.)"""
    statement = ""
    for line in script.splitlines(keepends=True):
        statement += line
        if sqlite3.complete_statement(statement):
            db.execute(statement)
            statement = ""
    if statement.strip():
        raise ValueError(f"Incomplete SQL statement: {statement!r}")


@migration
def m001_initial_schema(db: Database) -> None:
    run_sql(
        db,
        """
        CREATE TABLE documents (
            id INTEGER PRIMARY KEY,
            title TEXT NOT NULL,
            author TEXT,
            outlet TEXT,
            url TEXT,
            published TEXT,
            imported TEXT NOT NULL,
            source_name TEXT,
            format TEXT NOT NULL,
            content_hash TEXT NOT NULL UNIQUE,
            text TEXT NOT NULL,
            blocks TEXT NOT NULL,
            note TEXT NOT NULL DEFAULT ''
        );
        CREATE INDEX documents_published ON documents(published);
        CREATE INDEX documents_imported ON documents(imported);

        CREATE TABLE highlights (
            id INTEGER PRIMARY KEY,
            document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            start INTEGER NOT NULL,
            "end" INTEGER NOT NULL,
            exact TEXT NOT NULL,
            prefix TEXT NOT NULL,
            suffix TEXT NOT NULL,
            color TEXT NOT NULL,
            note TEXT NOT NULL DEFAULT '',
            created TEXT NOT NULL,
            updated TEXT NOT NULL
        );
        CREATE INDEX highlights_document ON highlights(document_id, start);

        CREATE TABLE tags (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL UNIQUE COLLATE NOCASE
        );
        CREATE TABLE document_tags (
            document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            tag_id INTEGER NOT NULL REFERENCES tags(id) ON DELETE CASCADE,
            PRIMARY KEY (document_id, tag_id)
        ) WITHOUT ROWID;
        CREATE INDEX document_tags_tag ON document_tags(tag_id);
        CREATE TABLE highlight_tags (
            highlight_id INTEGER NOT NULL REFERENCES highlights(id) ON DELETE CASCADE,
            tag_id INTEGER NOT NULL REFERENCES tags(id) ON DELETE CASCADE,
            PRIMARY KEY (highlight_id, tag_id)
        ) WITHOUT ROWID;
        CREATE INDEX highlight_tags_tag ON highlight_tags(tag_id);

        -- Quotes are derived data: one set per document and extractor version.
        CREATE TABLE quote_sets (
            id INTEGER PRIMARY KEY,
            document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            extractor_version TEXT NOT NULL,
            created TEXT NOT NULL,
            UNIQUE (document_id, extractor_version)
        );
        CREATE TABLE quotes (
            set_id INTEGER NOT NULL REFERENCES quote_sets(id) ON DELETE CASCADE,
            start INTEGER NOT NULL,
            "end" INTEGER NOT NULL,
            text TEXT NOT NULL,
            kind TEXT NOT NULL,
            speaker TEXT,
            cue TEXT,
            speaker_start INTEGER,
            speaker_end INTEGER
        );
        CREATE INDEX quotes_set ON quotes(set_id, start);

        -- Full-text search. External content: the text is stored once, in documents and
        -- highlights; the indexes read it from there. Triggers fire only on the indexed columns.
        CREATE VIRTUAL TABLE documents_fts USING fts5(
            title, text,
            content='documents', content_rowid='id',
            tokenize='porter unicode61 remove_diacritics 2'
        );
        INSERT INTO documents_fts(documents_fts, rank) VALUES ('rank', 'bm25(10.0, 1.0)');
        -- Only non-empty notes are indexed, so the index's content is this view, not the table.
        CREATE VIEW document_notes AS SELECT id, note FROM documents WHERE note != '';
        CREATE VIRTUAL TABLE notes_fts USING fts5(
            note,
            content='document_notes', content_rowid='id',
            tokenize='porter unicode61 remove_diacritics 2'
        );
        CREATE VIRTUAL TABLE highlights_fts USING fts5(
            exact, note,
            content='highlights', content_rowid='id',
            tokenize='porter unicode61 remove_diacritics 2'
        );

        CREATE TRIGGER documents_fts_insert AFTER INSERT ON documents BEGIN
            INSERT INTO documents_fts(rowid, title, text) VALUES (new.id, new.title, new.text);
        END;
        CREATE TRIGGER documents_fts_delete AFTER DELETE ON documents BEGIN
            INSERT INTO documents_fts(documents_fts, rowid, title, text)
                VALUES ('delete', old.id, old.title, old.text);
        END;
        CREATE TRIGGER documents_fts_update AFTER UPDATE OF title, text ON documents BEGIN
            INSERT INTO documents_fts(documents_fts, rowid, title, text)
                VALUES ('delete', old.id, old.title, old.text);
            INSERT INTO documents_fts(rowid, title, text) VALUES (new.id, new.title, new.text);
        END;

        CREATE TRIGGER notes_fts_insert AFTER INSERT ON documents WHEN new.note != '' BEGIN
            INSERT INTO notes_fts(rowid, note) VALUES (new.id, new.note);
        END;
        CREATE TRIGGER notes_fts_delete AFTER DELETE ON documents WHEN old.note != '' BEGIN
            INSERT INTO notes_fts(notes_fts, rowid, note) VALUES ('delete', old.id, old.note);
        END;
        -- One trigger, not two: SQLite fires triggers newest first, and the old note must
        -- leave the index before the new one enters it.
        CREATE TRIGGER notes_fts_update AFTER UPDATE OF note ON documents BEGIN
            INSERT INTO notes_fts(notes_fts, rowid, note)
                SELECT 'delete', old.id, old.note WHERE old.note != '';
            INSERT INTO notes_fts(rowid, note) SELECT new.id, new.note WHERE new.note != '';
        END;

        CREATE TRIGGER highlights_fts_insert AFTER INSERT ON highlights BEGIN
            INSERT INTO highlights_fts(rowid, exact, note) VALUES (new.id, new.exact, new.note);
        END;
        CREATE TRIGGER highlights_fts_delete AFTER DELETE ON highlights BEGIN
            INSERT INTO highlights_fts(highlights_fts, rowid, exact, note)
                VALUES ('delete', old.id, old.exact, old.note);
        END;
        CREATE TRIGGER highlights_fts_update AFTER UPDATE OF exact, note ON highlights BEGIN
            INSERT INTO highlights_fts(highlights_fts, rowid, exact, note)
                VALUES ('delete', old.id, old.exact, old.note);
            INSERT INTO highlights_fts(rowid, exact, note) VALUES (new.id, new.exact, new.note);
        END;
        """,
    )


@migration
def m002_reading_state(db: Database) -> None:
    """When a document was last opened (the "opened" sort) and when its note last changed."""
    documents = db.table("documents")
    documents.add_column("last_opened", str)
    documents.add_column("note_updated", str)
    documents.create_index(["last_opened"], index_name="documents_last_opened")


@migration
def m003_quote_corrections(db: Database) -> None:
    """A reader's fixes to extracted quotes, keyed by span so they outlive re-extraction."""
    run_sql(
        db,
        """
        CREATE TABLE quote_corrections (
            document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            start INTEGER NOT NULL,
            "end" INTEGER NOT NULL,
            speaker TEXT,
            not_a_quote INTEGER NOT NULL DEFAULT 0,
            updated TEXT NOT NULL,
            PRIMARY KEY (document_id, start, "end")
        ) WITHOUT ROWID;
        """,
    )


@migration
def m004_titles_index(db: Database) -> None:
    """A small index of titles alone, so a search matching most of a large library can still
    find every document whose title matches without ranking all of them."""
    run_sql(
        db,
        """
        CREATE VIRTUAL TABLE titles_fts USING fts5(
            title,
            content='documents', content_rowid='id',
            tokenize='porter unicode61 remove_diacritics 2'
        );
        CREATE TRIGGER titles_fts_insert AFTER INSERT ON documents BEGIN
            INSERT INTO titles_fts(rowid, title) VALUES (new.id, new.title);
        END;
        CREATE TRIGGER titles_fts_delete AFTER DELETE ON documents BEGIN
            INSERT INTO titles_fts(titles_fts, rowid, title) VALUES ('delete', old.id, old.title);
        END;
        CREATE TRIGGER titles_fts_update AFTER UPDATE OF title ON documents BEGIN
            INSERT INTO titles_fts(titles_fts, rowid, title) VALUES ('delete', old.id, old.title);
            INSERT INTO titles_fts(rowid, title) VALUES (new.id, new.title);
        END;
        INSERT INTO titles_fts(titles_fts) VALUES ('rebuild');
        """,
    )


@migration
def m005_quote_kind_index(db: Database) -> None:
    """Lets the library list count each document's quotes by kind from the index alone."""
    db.table("quotes").create_index(["set_id", "kind"], index_name="quotes_set_kind")


@migration
def m006_list_order_indexes(db: Database) -> None:
    """The library list's orders as indexes (``Library._ORDER_BY``, expression for expression),
    so its ids come in order without reading every document's row: 2 ms for 10,000 documents,
    16 without. "imported" already has one (documents_imported, read backwards)."""
    run_sql(
        db,
        """
        CREATE INDEX documents_by_published
            ON documents(published IS NULL, published DESC, title COLLATE NOCASE);
        CREATE INDEX documents_by_title ON documents(title COLLATE NOCASE, id);
        CREATE INDEX documents_by_opened
            ON documents(last_opened IS NULL, last_opened DESC, imported DESC, id DESC);
        """,
    )


FTS_TABLES = ("documents_fts", "notes_fts", "highlights_fts", "titles_fts")


def migration_names() -> list[str]:
    """The names of every migration, oldest first."""
    return [step.__name__ for step in _STEPS]


@functools.cache
def migration_set() -> Migrations:
    """sqlite-utils' Migrations holding every step, made the first time a library migrates."""
    from sqlite_utils.migrations import Migrations

    migrations = Migrations(MIGRATION_SET)
    for step in _STEPS:
        migrations(name=step.__name__)(step)
    return migrations


def applied_names(db: Connection) -> list[str]:
    """The migrations of the set already applied to ``db``, in the order they were (as
    ``Migrations.applied`` lists them)."""
    if MIGRATIONS_TABLE not in db.table_names():
        return []
    rows = db.execute(
        f"SELECT name FROM {MIGRATIONS_TABLE} WHERE migration_set = ? ORDER BY rowid",
        [MIGRATION_SET],
    )
    return [str(r[0]) for r in rows]


def pending_names(db: Connection) -> list[str]:
    """The migrations ``db`` still needs, oldest first."""
    applied = set(applied_names(db))
    return [name for name in migration_names() if name not in applied]


def migrate(db: Connection, attempts: int = 5) -> None:
    """Bring ``db`` up to the current schema.

    The window and the command line may create the same new library at the same moment; the one
    that loses the race sees "locked" or "already exists", waits, and finds nothing left to do."""
    for attempt in range(1, attempts + 1):
        try:
            migration_set().apply(db.utils)
            return
        except sqlite3.OperationalError:
            if attempt == attempts:
                raise
            time.sleep(0.05 * attempt)
            if not pending_names(db):
                return
