"""A full disk and a read-only data folder give a clear one-line message, and no write is half
done: the library stays sound and holds exactly what it held before.

A full disk is simulated in a child process with a file-size limit (RLIMIT_FSIZE: writes past it
fail as they do on a full disk). Read-only is chmod for a normal user; root ignores chmod, so as
root the files are made immutable with ``chattr +i`` (skipped where the file system refuses)."""

from __future__ import annotations

import json
import os
import stat
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from reliability_support import (
    CHILDREN,
    PYTHON,
    child_env,
    integrity_problems,
    make_document,
    snapshot,
)

from byline.core.errors import LibraryError
from byline.store import Library
from byline.store.backups import list_backups


def _one_clear_line(message: str) -> bool:
    return bool(message) and "\n" not in message and len(message) < 300


@pytest.fixture
def library_path(tmp_path: Path) -> Path:
    path = tmp_path / "data" / "library.db"
    with Library.open(path) as lib:
        doc_id, _ = lib.add_document(make_document())
        lib.set_note(doc_id, "The note before the disk filled up.")
        lib.add_highlight(doc_id, 0, 10, note="kept")
    return path


# --------------------------------------------------------------------------------- full disk


@pytest.mark.skipif(os.name != "posix", reason="file-size limits are POSIX")
def test_full_disk_refuses_each_write_clearly_and_keeps_the_library_whole(
    library_path: Path, tmp_path: Path
) -> None:
    source = tmp_path / "long-article.txt"
    source.write_text(("A paragraph about the council and its tenants. " * 50 + "\n\n") * 300)
    Library.open(library_path).close()  # today's backup exists before the disk fills
    backups_before = list_backups(library_path.parent / "backups")
    before = snapshot(library_path)
    export_folder = tmp_path / "export"
    proc = subprocess.run(
        [
            PYTHON,
            str(CHILDREN / "full_disk.py"),
            str(library_path),
            str(source),
            str(export_folder),
        ],
        capture_output=True,
        text=True,
        timeout=120,
        env=child_env(),
    )
    assert proc.returncode == 0, proc.stderr[-3000:]
    results = json.loads(proc.stdout.strip().splitlines()[-1])
    print(json.dumps(results, indent=1))
    later = results.pop("after space returns")
    refused = {write: message for write, message in results.items() if message != "ok"}
    assert refused.keys() == results.keys(), f"a write did not fail on a full disk: {results}"
    unclear = {w: m for w, m in refused.items() if not _one_clear_line(m) or "disk" not in m}
    assert unclear == {}
    assert later == "ok"  # once there is space again, Byline just works

    assert integrity_problems(library_path) == []
    after = dict(snapshot(library_path))
    expected = dict(before)
    assert after["highlights"] == expected["highlights"]
    assert after["document_tags"] == expected["document_tags"]
    assert [row[:12] for row in after["documents"]] == [row[:12] for row in expected["documents"]]
    with Library.open(library_path) as lib:
        assert lib.document_count() == 1
        assert lib.get_note(1) == "written later"
    assert not export_folder.exists() or list(export_folder.iterdir()) == []
    backups_dir = library_path.parent / "backups"
    assert list_backups(backups_dir) == backups_before
    assert [p.name for p in backups_dir.iterdir() if p.name.startswith(".")] == []


# --------------------------------------------------------------------------------- read-only


def _immutable(paths: list[Path], on: bool) -> bool:
    flag = "+i" if on else "-i"
    result = subprocess.run(["chattr", flag, *map(str, paths)], capture_output=True)
    return result.returncode == 0


@contextmanager
def read_only(paths: list[Path]) -> Iterator[None]:
    """Make files and folders read-only for this process, whoever it runs as."""
    if os.geteuid() == 0:
        if not _immutable(paths, True):
            _immutable(paths, False)
            pytest.skip("running as root and chattr +i is not possible on this file system")
        try:
            yield
        finally:
            _immutable(paths, False)
        return
    modes = {p: p.stat().st_mode for p in paths}
    for p in paths:
        p.chmod(modes[p] & ~(stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH))
    try:
        yield
    finally:
        for p, mode in modes.items():
            p.chmod(mode)


def _library_files(library_path: Path) -> list[Path]:
    return [p for p in library_path.parent.iterdir() if p.name.startswith(library_path.name)]


def test_read_only_data_folder_is_refused_clearly_and_untouched(library_path: Path) -> None:
    folder = library_path.parent
    before = library_path.read_bytes()
    with read_only([folder, *_library_files(library_path)]), pytest.raises(LibraryError) as caught:
        Library.open(library_path)
    assert _one_clear_line(str(caught.value))
    assert "write" in str(caught.value) or "read-only" in str(caught.value)
    assert library_path.read_bytes() == before


def test_read_only_library_file_is_refused_clearly(library_path: Path) -> None:
    before = library_path.read_bytes()
    with read_only([library_path]), pytest.raises(LibraryError, match="read-only") as caught:
        Library.open(library_path)
    assert _one_clear_line(str(caught.value))
    assert library_path.read_bytes() == before


@pytest.mark.skipif(os.geteuid() != 0, reason="needs chattr on files already open (root)")
def test_library_turning_read_only_while_open_refuses_writes_and_loses_nothing(
    library_path: Path,
) -> None:
    lib = Library.open(library_path)
    before = snapshot(library_path)
    # The -shm file stays writable: it is memory-mapped, and a mapping that suddenly cannot be
    # written is a different failure (a removed drive) than a read-only one.
    files = [p for p in _library_files(library_path) if not p.name.endswith("-shm")]
    try:
        with read_only(files):
            for write in (
                lambda: lib.set_note(1, "not saved"),
                lambda: lib.add_document(make_document("Another story entirely.")),
                lambda: lib.add_highlight(1, 2, 8),
            ):
                with pytest.raises(LibraryError) as caught:
                    write()
                assert _one_clear_line(str(caught.value))
    finally:
        lib.close()
    assert integrity_problems(library_path) == []
    assert snapshot(library_path) == before
