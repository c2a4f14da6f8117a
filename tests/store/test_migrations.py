"""Upgrading old libraries: a database built at every earlier schema version, filled with data
the way that version stored it, must open in the current Byline with nothing lost.

Adding a migration? Add a ``VersionSample`` to SAMPLES for the version your migration starts from
(the newest one before yours), and SAMPLES for your own version, so the next migration is covered.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from sqlite_utils import Database

from byline.core.model import HitKind, QuoteKind
from byline.store import Library
from byline.store import migrations as schema
from byline.store.connection import Connection


@dataclass(frozen=True)
class VersionSample:
    """Data written with one version's schema, and what must still be true after upgrading."""

    fill: Callable[[Database], None]
    check: Callable[[Library], None]


TEXT = '"We will rebuild the bridge," said Mayor Olena Kovalenko on Monday.'
BLOCKS = json.dumps([["paragraph", 0, len(TEXT), 0, 0]])


def _fill_v1(db: Database) -> None:
    db.execute(
        """INSERT INTO documents (id, title, author, outlet, url, published, imported,
            source_name, format, content_hash, text, blocks, note)
        VALUES (1, 'Bridge rebuilt', 'R. Porter', 'Gazette', NULL, '2023-04-01',
            '2023-04-02T08:00:00+00:00', 'bridge.txt', 'text', 'hash-1', ?, ?,
            'Ask about the funding')""",
        [TEXT, BLOCKS],
    )
    db.execute(
        """INSERT INTO highlights (id, document_id, start, "end", exact, prefix, suffix, color,
            note, created, updated)
        VALUES (7, 1, 1, 26, 'We will rebuild the bridge', '"', ',"', 'yellow',
            'lead quote for the piece', '2023-04-02T09:00:00+00:00', '2023-04-02T09:00:00+00:00')"""
    )
    db.execute("INSERT INTO tags (id, name) VALUES (1, 'infrastructure'), (2, 'lede')")
    db.execute("INSERT INTO document_tags (document_id, tag_id) VALUES (1, 1)")
    db.execute("INSERT INTO highlight_tags (highlight_id, tag_id) VALUES (7, 2)")
    db.execute(
        """INSERT INTO quote_sets (id, document_id, extractor_version, created)
        VALUES (1, 1, 'x1', '2023-04-02T08:00:01+00:00')"""
    )
    db.execute(
        """INSERT INTO quotes (set_id, start, "end", text, kind, speaker, cue)
        VALUES (1, 0, 30, ?, 'direct', 'Olena Kovalenko', 'said')""",
        [TEXT[:30]],
    )


def _check_v1(lib: Library) -> None:
    doc = lib.get_document(1)
    assert (doc.title, doc.text, doc.tags) == ("Bridge rebuilt", TEXT, ("infrastructure",))
    assert doc.blocks[0].end == len(TEXT)
    assert lib.get_note(1) == "Ask about the funding"
    [hl] = lib.highlights(1)
    assert (hl.id, hl.exact, hl.note, hl.tags) == (
        7,
        "We will rebuild the bridge",
        "lead quote for the piece",
        ("lede",),
    )
    quotes = lib.cached_quotes(1, "x1")
    assert quotes is not None and quotes[0].speaker == "Olena Kovalenko"
    assert quotes[0].kind is QuoteKind.DIRECT
    [summary] = lib.list_documents(extractor_version="x1")
    assert (summary.quote_count, summary.highlight_count, summary.note_count) == (1, 1, 2)
    # The search indexes were filled by the old version's triggers and still answer.
    assert {h.kind for h in lib.search("bridge")} == {HitKind.DOCUMENT, HitKind.HIGHLIGHT}
    assert [h.kind for h in lib.search("funding")] == [HitKind.NOTE]
    assert [h.highlight_id for h in lib.search("piece")] == [7]
    # And they keep working for changes made after the upgrade.
    lib.set_note(1, "Funding confirmed by the council")
    assert [h.kind for h in lib.search("council")] == [HitKind.NOTE]


def _fill_v2(db: Database) -> None:
    _fill_v1(db)
    db.execute(
        """UPDATE documents SET last_opened = '2023-05-01T10:00:00+00:00',
            note_updated = '2023-04-03T10:00:00+00:00' WHERE id = 1"""
    )


def _check_v2(lib: Library) -> None:
    _check_v1(lib)
    assert lib.list_documents()[0].last_opened == "2023-05-01T10:00:00+00:00"


def _fill_v3(db: Database) -> None:
    _fill_v2(db)
    db.execute(
        """INSERT INTO quote_corrections (document_id, start, "end", speaker, not_a_quote,
            updated) VALUES (1, 0, 30, 'Olena Kovalenko (mayor)', 0, '2023-05-01T10:00:00+00:00')"""
    )


def _check_v3(lib: Library) -> None:
    _check_v2(lib)
    [correction] = lib.quote_corrections(1)
    assert correction.speaker == "Olena Kovalenko (mayor)" and not correction.not_a_quote


# One row per schema version: the version's last migration -> data written at that version.
SAMPLES: dict[str, VersionSample] = {
    "m001_initial_schema": VersionSample(_fill_v1, _check_v1),
    "m002_reading_state": VersionSample(_fill_v2, _check_v2),
    "m003_quote_corrections": VersionSample(_fill_v3, _check_v3),
    # m004 to m006 add indexes only; integrity_ok() proves the upgrade filled them.
    "m004_titles_index": VersionSample(_fill_v3, _check_v3),
    "m005_quote_kind_index": VersionSample(_fill_v3, _check_v3),
    "m006_list_order_indexes": VersionSample(_fill_v3, _check_v3),
}

NAMES = schema.migration_names()


def test_every_migration_has_a_sample_row() -> None:
    assert list(SAMPLES) == NAMES


def _build_at_version(path: Path, last_applied: str) -> None:
    """A library file whose schema stops at ``last_applied``, holding that version's sample."""
    db = Database(path)
    later = NAMES[NAMES.index(last_applied) + 1 :]
    migrations = schema.migration_set()
    migrations.apply(db, stop_before=later[0] if later else None)
    assert [m.name for m in migrations.applied(db)] == NAMES[: NAMES.index(last_applied) + 1]
    with db.atomic():
        SAMPLES[last_applied].fill(db)
    db.close()


@pytest.mark.parametrize("version", NAMES)
def test_library_at_every_version_upgrades_without_losing_anything(
    tmp_path: Path, version: str
) -> None:
    path = tmp_path / "library.db"
    _build_at_version(path, version)
    with Library.open(path) as lib:
        assert [m.name for m in schema.migration_set().applied(lib.db.utils)] == NAMES
        assert lib.integrity_ok()
        SAMPLES[version].check(lib)
        assert lib.db.execute("PRAGMA foreign_key_check").fetchall() == []


def test_reopening_applies_nothing_twice(tmp_path: Path) -> None:
    path = tmp_path / "library.db"
    Library.open(path).close()
    with Library.open(path) as lib:
        assert schema.migration_set().pending(lib.db.utils) == []
        assert len(schema.migration_set().applied(lib.db.utils)) == len(NAMES)


def test_migration_that_fails_leaves_the_library_at_its_old_version(tmp_path: Path) -> None:
    path = tmp_path / "library.db"
    _build_at_version(path, NAMES[0])
    broken = type(schema.migration_set())(schema.MIGRATION_SET)
    for migration in schema.migration_set()._migrations:
        broken(name=migration.name)(migration.fn)

    @broken(name="m999_broken")
    def m999_broken(db: Database) -> None:
        db.execute("CREATE TABLE half_done (x)")
        raise RuntimeError("disk pulled out")

    db = Database(path)
    with pytest.raises(RuntimeError):
        broken.apply(db)
    assert "half_done" not in db.table_names()
    assert [m.name for m in broken.applied(db)] == NAMES
    db.close()


@pytest.mark.parametrize("version", NAMES)
def test_applied_migrations_read_without_sqlite_utils_agree_with_it(
    tmp_path: Path, version: str
) -> None:
    path = tmp_path / "library.db"
    _build_at_version(path, version)
    db = Connection(sqlite3.connect(path))
    try:
        assert schema.migration_set().migrations_table == schema.MIGRATIONS_TABLE
        assert schema.applied_names(db) == [
            m.name for m in schema.migration_set().applied(db.utils)
        ]
        assert schema.pending_names(db) == [
            m.name for m in schema.migration_set().pending(db.utils)
        ]
    finally:
        db.close()
