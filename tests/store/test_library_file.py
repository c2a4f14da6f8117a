"""The library file: settings, reopening, refusing files that are not libraries, backups."""

from __future__ import annotations

import os
import sqlite3
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlite_utils import Database

from byline.core.errors import LibraryError
from byline.core.model import ParsedDocument
from byline.store import Library, default_data_dir, open_library
from byline.store import library as library_module
from byline.store import migrations as migrations_module

MakeDocument = Callable[..., ParsedDocument]


def test_library_uses_wal_foreign_keys_and_full_sync(library: Library) -> None:
    assert library.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert library.db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert library.db.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
    assert library.db.execute("PRAGMA busy_timeout").fetchone()[0] >= 1000


def test_everything_persists_after_reopening(
    library_path: Path, make_document: MakeDocument
) -> None:
    with Library.open(library_path) as lib:
        doc_id, _ = lib.add_document(make_document("Kept across sessions.", title="Kept"))
        hl = lib.add_highlight(doc_id, 0, 4, note="n", tags=["t"])
        lib.set_note(doc_id, "note")
        lib.set_document_tags(doc_id, ["d"])
    with Library.open(library_path) as lib:
        assert lib.get_document(doc_id).title == "Kept"
        assert lib.highlights(doc_id) == [hl]
        assert lib.get_note(doc_id) == "note"
        assert lib.all_tags() == ["d", "t"]


def test_committed_write_is_visible_to_another_connection(
    library: Library, library_path: Path, make_document: MakeDocument
) -> None:
    library.add_document(make_document("Shared with the CLI."))
    with Library.open(library_path) as other:
        assert other.document_count() == 1


def test_reads_go_on_while_another_process_is_writing(
    library: Library, library_path: Path, make_document: MakeDocument
) -> None:
    library.add_document(make_document("Already here."))
    writer = sqlite3.connect(library_path)
    try:
        writer.execute("BEGIN IMMEDIATE")
        writer.execute("UPDATE documents SET title = 'changing'")
        assert [s.title for s in library.list_documents()] == ["Untitled"]
    finally:
        writer.rollback()
        writer.close()


def test_text_file_is_refused_and_left_untouched(tmp_path: Path) -> None:
    path = tmp_path / "notes.db"
    path.write_text("my precious notes, not a database\n" * 20)
    with pytest.raises(LibraryError, match="not a Byline library"):
        Library.open(path)
    assert path.read_text().startswith("my precious notes")


def test_damaged_library_is_refused(library_path: Path, make_document: MakeDocument) -> None:
    with Library.open(library_path) as lib:
        lib.add_document(make_document("Some text."))
    data = bytearray(library_path.read_bytes())
    data[100:4096] = b"\xff" * (4096 - 100)  # the schema page, just past the file header
    library_path.write_bytes(bytes(data))
    with pytest.raises(LibraryError, match="damaged"):
        Library.open(library_path)


def test_integrity_check_notices_a_damaged_page(
    library_path: Path, make_document: MakeDocument
) -> None:
    with Library.open(library_path) as lib:
        lib.add_documents(make_document(f"Paragraph {i} " * 400) for i in range(30))
        assert lib.integrity_ok()
        page_size = lib.db.execute("PRAGMA page_size").fetchone()[0]
    data = bytearray(library_path.read_bytes())
    last_page = len(data) // page_size - 1
    data[last_page * page_size : (last_page + 1) * page_size] = b"\x07" * page_size
    library_path.write_bytes(bytes(data))
    try:
        lib = Library.open(library_path)
    except LibraryError:
        return  # refusing to open is as good as reporting the damage
    with lib:
        assert not lib.integrity_ok()


def test_other_programs_database_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "other.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE accounts (id INTEGER PRIMARY KEY)")
    conn.commit()
    conn.close()
    with pytest.raises(LibraryError, match="not a Byline library"):
        Library.open(path)
    conn = sqlite3.connect(path)
    tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
    conn.close()
    assert tables == ["accounts"]


def test_library_from_a_newer_byline_is_refused(library_path: Path) -> None:
    Library.open(library_path).close()
    conn = sqlite3.connect(library_path)
    conn.execute(
        "INSERT INTO _sqlite_migrations (migration_set, name, applied_at)"
        " VALUES ('byline', 'm999_from_the_future', '2030-01-01')"
    )
    conn.commit()
    conn.close()
    with pytest.raises(LibraryError, match="newer version of Byline"):
        Library.open(library_path)


def test_folder_that_cannot_be_created_is_a_clear_error(tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    with pytest.raises(LibraryError, match="cannot create the folder"):
        Library.open(blocker / "sub" / "library.db")


def test_read_only_folder_is_a_clear_error(tmp_path: Path) -> None:
    folder = tmp_path / "locked"
    folder.mkdir()
    folder.chmod(0o555)
    try:
        if os.access(folder, os.W_OK):
            pytest.skip("this user can write to read-only folders (root)")
        with pytest.raises(LibraryError, match="cannot write to the folder"):
            Library.open(folder / "library.db")
    finally:
        folder.chmod(0o755)


def test_read_only_folder_check_uses_os_access(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Tests often run as root, who may write anywhere; this proves the refusal path itself.
    real_access = os.access
    monkeypatch.setattr(
        os, "access", lambda p, mode: False if Path(p) == tmp_path else real_access(p, mode)
    )
    with pytest.raises(LibraryError, match="cannot write to the folder"):
        Library.open(tmp_path / "library.db")
    assert not (tmp_path / "library.db").exists()


def test_folder_as_library_path_is_refused(tmp_path: Path) -> None:
    with pytest.raises(LibraryError, match="is a folder"):
        Library.open(tmp_path)


def test_backup_is_a_complete_library(
    library: Library, tmp_path: Path, make_document: MakeDocument
) -> None:
    doc_id, _ = library.add_document(make_document("Backed up words."))
    library.add_highlight(doc_id, 0, 6, note="hl note")
    target = tmp_path / "backup" / "copy.db"
    target.parent.mkdir()
    library.backup_to(target)
    with Library.open(target) as copy:
        assert copy.integrity_ok()
        assert copy.get_document(doc_id).text == "Backed up words."
        assert len(copy.search("hl note")) == 1


def test_open_library_prefers_argument_then_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("BYLINE_DATA_DIR", str(tmp_path / "from-env"))
    with open_library() as lib:
        assert lib.path == tmp_path / "from-env" / "library.db"
    with open_library(tmp_path / "given" / "deeper") as lib:
        assert lib.path == tmp_path / "given" / "deeper" / "library.db"
    assert lib.path.exists()


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="XDG folders are Linux's")
def test_default_data_dir_is_the_platform_user_data_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    monkeypatch.delenv("BYLINE_DATA_DIR", raising=False)
    assert default_data_dir() == tmp_path / "Byline"
    with open_library() as lib:
        assert lib.path == tmp_path / "Byline" / "library.db"


def test_write_while_another_process_holds_the_lock_is_a_clear_busy_error(
    library_path: Path, make_document: MakeDocument, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(library_module, "BUSY_TIMEOUT_MS", 50)
    with Library.open(library_path) as lib:
        doc_id, _ = lib.add_document(make_document("Contended."))
        writer = sqlite3.connect(library_path)
        try:
            writer.execute("BEGIN IMMEDIATE")
            with pytest.raises(LibraryError, match="busy"):
                lib.set_note(doc_id, "lost?")
        finally:
            writer.rollback()
            writer.close()
        lib.set_note(doc_id, "saved once the lock is gone")
        assert lib.get_note(doc_id) == "saved once the lock is gone"


def test_read_error_while_iterating_documents_is_a_library_error(
    library: Library, make_document: MakeDocument
) -> None:
    library.add_document(make_document("One."))
    documents = library.iter_documents()
    library.close()
    with pytest.raises(LibraryError):
        next(documents)


def test_no_method_leaves_a_transaction_open(
    library: Library, library_path: Path, make_document: MakeDocument
) -> None:
    # An open transaction would keep the CLI or another window from writing.
    doc_id, _ = library.add_document(make_document("Open and shut."))
    hl = library.add_highlight(doc_id, 0, 4, note="n", tags=["t"])
    calls = [
        lambda: library.get_document(doc_id),
        lambda: library.list_documents(sort="opened", tag="t"),
        lambda: library.search("shut"),
        lambda: library.highlights(doc_id),
        lambda: library.update_highlight(hl.id, note="m"),
        lambda: library.set_note(doc_id, "note"),
        lambda: library.mark_opened(doc_id),
        lambda: library.all_tags(),
        lambda: list(library.iter_documents()),
        library.integrity_ok,
    ]
    for call in calls:
        call()
        assert not library.db.conn.in_transaction
    with Library.open(library_path) as other:
        other.set_note(doc_id, "written by the other process")


def test_two_openers_of_a_new_library_apply_each_migration_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The second opener waits for the first's migrations instead of running them too (and
    failing on the tables the first made). Each migration is slowed, as on a loaded machine,
    so the second opener arrives while the first is migrating."""
    runs: list[str] = []
    for migration in migrations_module.migration_set()._migrations:

        def slow(
            db: Database, fn: Callable[[Database], None] = migration.fn, name: str = migration.name
        ) -> None:
            runs.append(name)
            fn(db)
            time.sleep(0.05)

        monkeypatch.setattr(migration, "fn", slow)
    path = tmp_path / "new.db"
    barrier = threading.Barrier(2)
    errors: list[BaseException] = []

    def open_it() -> None:
        barrier.wait()
        try:
            Library.open(path).close()
        except BaseException as exc:  # reported below, in the test's thread
            errors.append(exc)

    threads = [threading.Thread(target=open_it) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert runs == migrations_module.migration_names()


def test_two_processes_creating_the_same_library_at_once_both_succeed(tmp_path: Path) -> None:
    for round_ in range(5):
        path = tmp_path / f"race{round_}.db"
        barrier = threading.Barrier(2)
        errors: list[BaseException] = []

        def open_it(
            path: Path = path,
            barrier: threading.Barrier = barrier,
            errors: list[BaseException] = errors,
        ) -> None:
            barrier.wait()
            try:
                Library.open(path).close()
            except BaseException as exc:  # reported below, in the test's thread
                errors.append(exc)

        threads = [threading.Thread(target=open_it) for _ in range(2)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        assert errors == []
        with Library.open(path) as lib:
            assert lib.integrity_ok()
