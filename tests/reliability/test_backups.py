"""Rolling backups of the library and recovery from a damaged library file, on real files."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from reliability_support import MakeDocument, snapshot
from sqlite_utils import Database

from byline.core.errors import LibraryError
from byline.store import Library
from byline.store import migrations as schema
from byline.store.backups import (
    KEEP_BACKUPS,
    Corrupt,
    Healthy,
    back_up_if_due,
    backups_dir_for,
    check_library,
    check_library_in_background,
    list_backups,
    make_backup,
    restore_backup,
    rotate,
    set_aside,
    set_aside_damaged,
)

DAY = timedelta(days=1)


@pytest.fixture
def library_path(tmp_path: Path) -> Path:
    return tmp_path / "data" / "library.db"


def filled_library(path: Path, make_document: MakeDocument, note: str = "first note") -> int:
    with Library.open(path) as lib:
        doc_id, _ = lib.add_document(make_document())
        lib.set_note(doc_id, note)
        lib.add_highlight(doc_id, 0, 10, note="highlight note")
    return doc_id


def note_in(path: Path, doc_id: int) -> str:
    with Library.open(path) as lib:
        return lib.get_note(doc_id)


def damage(path: Path, how: str) -> None:
    data = path.read_bytes()
    if how == "garbage":
        path.write_bytes(b"\x8f\x13 not a database at all " * 2000)
    elif how == "truncated":
        path.write_bytes(data[: len(data) // 3])
    elif how == "schema page":
        path.write_bytes(data[:100] + b"\xff" * 3996 + data[4096:])
    else:
        raise AssertionError(how)


# ------------------------------------------------------------------------------ making


def test_backup_is_a_sound_copy_of_everything(
    library_path: Path, make_document: MakeDocument
) -> None:
    doc_id = filled_library(library_path, make_document)
    backup = make_backup(library_path, backups_dir_for(library_path), "manual")
    assert backup.reason == "manual"
    assert backup.path.parent == library_path.parent / "backups"
    assert check_library(backup.path) == Healthy()
    assert snapshot(backup.path) == snapshot(library_path)
    assert note_in(backup.path, doc_id) == "first note"


def test_backups_are_listed_newest_first_and_other_files_ignored(
    library_path: Path, make_document: MakeDocument
) -> None:
    filled_library(library_path, make_document)
    folder = backups_dir_for(library_path)
    start = datetime(2026, 1, 1, tzinfo=UTC)
    made = [make_backup(library_path, folder, "daily", start + i * DAY) for i in range(3)]
    (folder / "holiday-photo.jpg").write_bytes(b"x")
    assert list_backups(folder) == list(reversed(made))


def test_two_backups_in_the_same_microsecond_both_survive(
    library_path: Path, make_document: MakeDocument
) -> None:
    filled_library(library_path, make_document)
    folder = backups_dir_for(library_path)
    moment = datetime(2026, 1, 1, tzinfo=UTC)
    first = make_backup(library_path, folder, "daily", moment)
    second = make_backup(library_path, folder, "daily", moment)
    assert first.path != second.path
    assert len(list_backups(folder)) == 2


def test_only_the_newest_backups_are_kept(library_path: Path, make_document: MakeDocument) -> None:
    filled_library(library_path, make_document)
    folder = backups_dir_for(library_path)
    start = datetime(2026, 1, 1, tzinfo=UTC)
    made = [make_backup(library_path, folder, "daily", start + i * DAY) for i in range(13)]
    kept = list_backups(folder)
    assert len(kept) == KEEP_BACKUPS
    assert kept == list(reversed(made))[:KEEP_BACKUPS]
    assert not any(b.path.exists() for b in made[: 13 - KEEP_BACKUPS])


def test_half_written_backup_is_never_listed_and_is_cleaned_up_later(
    library_path: Path, make_document: MakeDocument
) -> None:
    filled_library(library_path, make_document)
    folder = backups_dir_for(library_path)
    folder.mkdir()
    partial = folder / ".library-20260101T000000000000Z-daily.db.partial"
    partial.write_bytes(b"SQLite format 3\x00 half of it")
    assert list_backups(folder) == []
    rotate(folder, now=datetime.now(UTC) + timedelta(minutes=5))
    assert partial.exists()  # could be a backup another window is writing right now
    rotate(folder, now=datetime.now(UTC) + timedelta(hours=2))
    assert not partial.exists()


def test_damaged_library_is_not_backed_up_over_good_backups(
    library_path: Path, make_document: MakeDocument
) -> None:
    filled_library(library_path, make_document)
    folder = backups_dir_for(library_path)
    good = make_backup(library_path, folder, "daily")
    damage(library_path, "schema page")
    with pytest.raises(LibraryError, match=r"back up|damaged"):
        make_backup(library_path, folder, "daily")
    assert list_backups(folder) == [good]
    assert [p.name for p in folder.iterdir()] == [good.path.name]


def test_backup_into_an_unwritable_place_is_a_clear_error(
    library_path: Path, make_document: MakeDocument
) -> None:
    filled_library(library_path, make_document)
    blocker = library_path.parent / "not-a-folder"
    blocker.write_text("x")
    with pytest.raises(LibraryError, match="could not write a backup"):
        make_backup(library_path, blocker / "backups", "manual")


# --------------------------------------------------------------------- daily and migration


def test_opening_a_library_makes_one_backup_a_day(
    library_path: Path, make_document: MakeDocument
) -> None:
    doc_id = filled_library(library_path, make_document)  # opened once, empty: no backup
    folder = backups_dir_for(library_path)
    Library.open(library_path).close()
    Library.open(library_path).close()
    daily = list_backups(folder)
    assert [b.reason for b in daily] == ["daily"]
    assert note_in(daily[0].path, doc_id) == "first note"
    later = daily[0].created + DAY + timedelta(seconds=1)
    assert back_up_if_due(library_path, now=later - timedelta(hours=2)) is None
    assert back_up_if_due(library_path, now=later) is not None
    assert len(list_backups(folder)) == 2


def test_open_makes_the_daily_backup_when_the_newest_is_old(
    library_path: Path, make_document: MakeDocument
) -> None:
    filled_library(library_path, make_document)
    folder = backups_dir_for(library_path)
    make_backup(library_path, folder, "daily", datetime.now(UTC) - 2 * DAY)
    Library.open(library_path).close()
    newest = list_backups(folder)[0]
    assert datetime.now(UTC) - newest.created < timedelta(minutes=5)


def test_empty_library_is_not_backed_up(library_path: Path) -> None:
    Library.open(library_path).close()
    Library.open(library_path).close()
    assert list_backups(backups_dir_for(library_path)) == []


def test_library_is_backed_up_before_its_schema_changes(
    library_path: Path, make_document: MakeDocument
) -> None:
    library_path.parent.mkdir(parents=True)
    db = Database(library_path)
    schema.migration_set().apply(db, stop_before="m004_titles_index")
    db.execute(
        """INSERT INTO documents (title, imported, format, content_hash, text, blocks, note)
        VALUES ('Old', '2025-01-01', 'text', 'h', 'Text from before.', '[]', 'old note')"""
    )
    db.conn.commit()
    db.close()
    Library.open(library_path).close()
    before = [b for b in list_backups(backups_dir_for(library_path)) if b.reason == "migration"]
    assert len(before) == 1
    conn = sqlite3.connect(before[0].path)
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    notes = conn.execute("SELECT note FROM documents").fetchall()
    conn.close()
    assert "titles_fts" not in tables  # the schema as it was
    assert notes == [("old note",)]


# ---------------------------------------------------------------------- checking, recovery


def test_sound_and_missing_libraries_are_healthy(
    library_path: Path, make_document: MakeDocument
) -> None:
    assert check_library(library_path) == Healthy()
    filled_library(library_path, make_document)
    assert check_library(library_path) == Healthy()


@pytest.mark.parametrize("how", ["garbage", "truncated", "schema page"])
def test_damaged_library_is_detected(
    library_path: Path, make_document: MakeDocument, how: str
) -> None:
    filled_library(library_path, make_document)
    damage(library_path, how)
    health = check_library(library_path)
    assert isinstance(health, Corrupt)
    assert health.problem and "\n" not in health.problem


@pytest.mark.parametrize("how", [None, "garbage", "truncated", "schema page"])
def test_the_check_made_on_a_thread_gives_the_same_verdict(
    library_path: Path, make_document: MakeDocument, how: str | None
) -> None:
    filled_library(library_path, make_document)
    if how is not None:
        damage(library_path, how)
    assert check_library_in_background(library_path)() == check_library(library_path)


def test_damaged_library_is_set_aside_untouched_with_a_timestamp(
    library_path: Path, make_document: MakeDocument
) -> None:
    filled_library(library_path, make_document)
    make_backup(library_path, backups_dir_for(library_path), "daily")
    damage(library_path, "garbage")
    damaged_bytes = library_path.read_bytes()
    recovery = set_aside_damaged(library_path)
    assert not library_path.exists()
    assert recovery.set_aside.parent == library_path.parent
    assert recovery.set_aside.name.startswith("library-damaged-20")
    assert recovery.set_aside.read_bytes() == damaged_bytes
    assert recovery.newest == list_backups(backups_dir_for(library_path))[0]


def test_setting_aside_never_overwrites_an_earlier_set_aside_file(tmp_path: Path) -> None:
    path = tmp_path / "library.db"
    moment = datetime(2026, 1, 1, tzinfo=UTC)
    moved = []
    for content in (b"first", b"second", b"third"):
        path.write_bytes(content)
        Path(f"{path}-wal").write_bytes(content + b" wal")
        moved.append(set_aside(path, "damaged", now=moment))
    assert len(set(moved)) == 3
    assert [p.read_bytes() for p in moved] == [b"first", b"second", b"third"]
    assert [Path(f"{p}-wal").read_bytes() for p in moved] == [
        b"first wal",
        b"second wal",
        b"third wal",
    ]
    assert not Path(f"{path}-wal").exists()  # never replayed into a new library


def test_restore_puts_the_backup_in_place_and_keeps_the_current_file(
    library_path: Path, make_document: MakeDocument
) -> None:
    doc_id = filled_library(library_path, make_document, note="at backup time")
    backup = make_backup(library_path, backups_dir_for(library_path), "manual")
    with Library.open(library_path) as lib:
        lib.set_note(doc_id, "written after the backup")
    replaced = restore_backup(backup, library_path)
    assert note_in(library_path, doc_id) == "at backup time"
    assert replaced is not None and replaced.name.startswith("library-replaced-")
    assert note_in(replaced, doc_id) == "written after the backup"


def test_unsound_backup_is_refused_and_nothing_changes(
    library_path: Path, make_document: MakeDocument
) -> None:
    doc_id = filled_library(library_path, make_document, note="current")
    backup = make_backup(library_path, backups_dir_for(library_path), "manual")
    damage(backup.path, "truncated")
    before = library_path.read_bytes()
    with pytest.raises(LibraryError, match="cannot be restored"):
        restore_backup(backup, library_path)
    assert library_path.read_bytes() == before
    assert note_in(library_path, doc_id) == "current"
    assert not list(library_path.parent.glob("library-replaced-*"))


@pytest.mark.parametrize("how", ["garbage", "truncated", "schema page"])
def test_start_after_damage_recovers_the_newest_backup(
    library_path: Path, make_document: MakeDocument, how: str
) -> None:
    doc_id = filled_library(library_path, make_document, note="older")
    folder = backups_dir_for(library_path)
    make_backup(library_path, folder, "daily", datetime.now(UTC) - 2 * DAY)
    with Library.open(library_path) as lib:
        lib.set_note(doc_id, "newest backed up")
    make_backup(library_path, folder, "daily")
    damage(library_path, how)

    # What the window does at start.
    assert isinstance(check_library(library_path), Corrupt)
    recovery = set_aside_damaged(library_path)
    assert recovery.newest is not None
    restore_backup(recovery.newest, library_path)

    assert check_library(library_path) == Healthy()
    assert note_in(library_path, doc_id) == "newest backed up"
    assert recovery.set_aside.exists()


def test_a_library_locked_by_another_program_is_never_judged_damaged(
    library_path: Path, make_document: MakeDocument, monkeypatch: pytest.MonkeyPatch
) -> None:
    with Library.open(library_path) as lib:
        lib.add_document(make_document())
    monkeypatch.setattr("byline.store.backups._BUSY_TIMEOUT_S", 0.1)
    holder = sqlite3.connect(library_path)
    try:
        holder.execute("PRAGMA locking_mode = EXCLUSIVE")
        holder.execute("BEGIN EXCLUSIVE")
        holder.execute("CREATE TABLE held_by_another_program (x)")
        assert check_library(library_path) == Healthy()
    finally:
        holder.rollback()
        holder.close()
    assert library_path.exists()
