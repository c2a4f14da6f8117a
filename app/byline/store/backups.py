"""Rolling backups of the library file, and what to do when the file is damaged.

Backups are whole SQLite copies made with SQLite's online backup API in a ``backups`` folder beside
the library: once a day when the library is opened, and before every schema migration. Only the
newest ``KEEP_BACKUPS`` are kept. A damaged or unreadable library is never overwritten: it is
renamed aside with a timestamp, and the newest backup can be put in its place.

    health = check_library(path)
    if isinstance(health, Corrupt):
        recovery = set_aside_damaged(path)       # the file moves; recovery.newest is the offer
        if recovery.newest and reader_agrees:
            restore_backup(recovery.newest, path)
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import sqlite3
import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from byline.core.errors import LibraryError

BACKUPS_FOLDER = "backups"
KEEP_BACKUPS = 10
DAILY = timedelta(days=1)
# A partial copy older than this was left by a crash, not by a backup still being written.
STALE_PARTIAL = timedelta(hours=1)

REASON_DAILY = "daily"
REASON_MIGRATION = "migration"
REASON_MANUAL = "manual"

_SQLITE_HEADER = b"SQLite format 3\x00"
_STAMP_FORMAT = "%Y%m%dT%H%M%S%fZ"
_BACKUP_NAME = re.compile(r"^(?P<stem>.+)-(?P<stamp>\d{8}T\d{12}Z)-(?P<reason>[a-z]+)\.db$")
_PARTIAL_SUFFIX = ".partial"
_COMPANIONS = ("-wal", "-shm")  # SQLite's files beside the library, named after it
_BUSY_TIMEOUT_S = 5.0


@dataclass(frozen=True)
class Backup:
    """One backup file: when it was made (UTC) and why ("daily", "migration", "manual")."""

    path: Path
    created: datetime
    reason: str


@dataclass(frozen=True)
class Healthy:
    """The library file is sound, or there is none yet (a new one will be made)."""


@dataclass(frozen=True)
class Corrupt:
    """The library file cannot be used; ``problem`` says why, in one line."""

    problem: str


LibraryHealth = Healthy | Corrupt


@dataclass(frozen=True)
class Recovery:
    """What happened to a damaged library: where it was moved, and the backup to offer."""

    set_aside: Path
    newest: Backup | None


def backups_dir_for(db_path: Path) -> Path:
    """The folder a library's backups live in: ``backups`` beside the library file."""
    return Path(db_path).parent / BACKUPS_FOLDER


# ------------------------------------------------------------------------------ making


def make_backup(
    db_path: Path, backups_dir: Path, reason: str, now: datetime | None = None
) -> Backup:
    """Copy the library at ``db_path`` into ``backups_dir`` with SQLite's online backup (safe
    while other windows use it), check the copy, then keep only the newest ``KEEP_BACKUPS``.
    The copy is written under a temporary name and renamed when complete, so a crash never
    leaves half a backup that looks whole. Raises LibraryError when no sound copy could be made
    (the library is damaged, the disk is full, the folder cannot be written)."""
    db_path = Path(db_path)
    if not db_path.is_file():
        raise LibraryError(f"There is no library at {db_path} to back up.")
    created = now or datetime.now(UTC)
    target = _backup_path(backups_dir, db_path, created, reason)
    while target.exists():  # two windows backing up in the same microsecond
        created += timedelta(microseconds=1)
        target = _backup_path(backups_dir, db_path, created, reason)
    partial = target.with_name(f".{target.name}{_PARTIAL_SUFFIX}")
    try:
        backups_dir.mkdir(parents=True, exist_ok=True)
        source = _connect(db_path)
        try:
            copy = sqlite3.connect(partial)
            try:
                source.backup(copy)
                problem = _quick_check(copy)
            finally:
                copy.close()
        finally:
            source.close()
        if problem is not None:
            raise LibraryError(
                f"The library {db_path} is damaged ({problem}); Byline kept the earlier backups."
            )
        _fsync(partial)
        os.replace(partial, target)
        _fsync_folder(backups_dir)
    except sqlite3.Error as exc:
        raise LibraryError(
            f"Byline could not back up the library {db_path}: {_sqlite_reason(exc)}."
        ) from exc
    except OSError as exc:
        raise LibraryError(
            f"Byline could not write a backup in {backups_dir}: {exc.strerror or exc}."
        ) from exc
    finally:
        with contextlib.suppress(OSError):
            partial.unlink(missing_ok=True)
    rotate(backups_dir)
    return Backup(target, created, reason)


def back_up_if_due(db_path: Path, now: datetime | None = None) -> Backup | None:
    """The daily backup: made when the newest backup is a day old or there is none, and the
    library holds at least one document (an empty library has nothing to lose)."""
    now = now or datetime.now(UTC)
    backups_dir = backups_dir_for(db_path)
    newest = list_backups(backups_dir)
    if newest and now - newest[0].created < DAILY:
        return None
    try:
        if not _has_documents(db_path):
            return None
    except sqlite3.Error as exc:
        raise LibraryError(f"Byline could not back up the library {db_path}: {exc}.") from exc
    return make_backup(db_path, backups_dir, REASON_DAILY, now)


def back_up_before_migration(db_path: Path) -> Backup | None:
    """A backup of the library as it is before its schema changes, when it holds documents
    (a library another Byline is creating this very moment holds none yet)."""
    try:
        if not _has_documents(db_path):
            return None
    except sqlite3.Error as exc:
        raise LibraryError(f"Byline could not back up the library {db_path}: {exc}.") from exc
    return make_backup(db_path, backups_dir_for(db_path), REASON_MIGRATION)


def list_backups(backups_dir: Path) -> list[Backup]:
    """The backups in ``backups_dir``, newest first (other files there are ignored)."""
    found = []
    try:
        names = os.listdir(backups_dir)
    except FileNotFoundError:
        return []
    except OSError as exc:
        raise LibraryError(f"Byline cannot read its backups in {backups_dir}: {exc}.") from exc
    for name in names:
        match = _BACKUP_NAME.match(name)
        if match is None:
            continue
        created = datetime.strptime(match["stamp"], _STAMP_FORMAT).replace(tzinfo=UTC)
        found.append(Backup(Path(backups_dir) / name, created, match["reason"]))
    return sorted(found, key=lambda b: (b.created, b.path.name), reverse=True)


def rotate(backups_dir: Path, keep: int = KEEP_BACKUPS, now: datetime | None = None) -> list[Path]:
    """Delete all but the newest ``keep`` backups, and partial copies a crash left behind;
    returns what was deleted."""
    deleted = [b.path for b in list_backups(backups_dir)[keep:]]
    now = now or datetime.now(UTC)
    for name in os.listdir(backups_dir):
        path = Path(backups_dir) / name
        if name.endswith(_PARTIAL_SUFFIX) and _age(path, now) > STALE_PARTIAL:
            deleted.append(path)
    for path in deleted:
        # Another Byline window may be rotating the same folder at the same moment.
        with contextlib.suppress(FileNotFoundError):
            path.unlink()
    return deleted


# ---------------------------------------------------------------------- checking, restoring


def check_library(db_path: Path) -> LibraryHealth:
    """Whether the library file can be used: it is read and checked by SQLite (``quick_check``).
    A missing or empty file is healthy (a new library will be made); another program's SQLite
    database is healthy here and refused, untouched, when opened."""
    db_path = Path(db_path)
    try:
        if not db_path.exists() or db_path.stat().st_size == 0:
            return Healthy()
        with db_path.open("rb") as handle:
            header = handle.read(len(_SQLITE_HEADER))
    except OSError as exc:
        return Corrupt(f"the file cannot be read ({exc.strerror or exc})")
    if header != _SQLITE_HEADER:
        return Corrupt("the file is not a SQLite database any more")
    try:
        connection = _connect(db_path)
        try:
            problem = _quick_check(connection)
        finally:
            connection.close()
    except sqlite3.OperationalError as exc:
        if _is_busy(exc):
            # Another Byline (the window, the command line) is writing: that says nothing of
            # damage, and setting a healthy library aside would be far worse than opening it.
            return Healthy()
        return Corrupt(f"SQLite cannot read it: {exc}")
    except sqlite3.Error as exc:
        return Corrupt(f"SQLite cannot read it: {exc}")
    if problem is not None:
        return Corrupt(f"SQLite found damage: {problem}")
    return Healthy()


def check_library_in_background(db_path: Path) -> Callable[[], LibraryHealth]:
    """Start ``check_library`` on a thread; the function returned waits for its verdict.
    SQLite reads the whole file without holding Python's lock (~50 ms for 10,000 documents),
    so the window's start goes on meanwhile, loading its modules."""
    verdict: list[LibraryHealth | BaseException] = []

    def check() -> None:
        try:
            verdict.append(check_library(db_path))
        except BaseException as exc:  # raised again in the thread that asks
            verdict.append(exc)

    thread = threading.Thread(target=check, name="library check", daemon=True)
    thread.start()

    def wait() -> LibraryHealth:
        thread.join()
        if isinstance(verdict[0], BaseException):
            raise verdict[0]
        return verdict[0]

    return wait


def set_aside(db_path: Path, label: str = "damaged", now: datetime | None = None) -> Path:
    """Rename the library file (and SQLite's -wal and -shm files beside it) to a timestamped
    name in the same folder, never replacing anything; returns the new path of the library."""
    db_path = Path(db_path)
    stamp = (now or datetime.now(UTC)).strftime("%Y%m%dT%H%M%SZ")
    target = db_path.with_name(f"{db_path.stem}-{label}-{stamp}{db_path.suffix}")
    counter = 1
    while any(_exists(Path(f"{target}{c}")) for c in ("", *_COMPANIONS)):
        counter += 1
        target = db_path.with_name(f"{db_path.stem}-{label}-{stamp}-{counter}{db_path.suffix}")
    try:
        # The companions first: a -wal left beside a new library would be replayed into it.
        for companion in _COMPANIONS:
            source = Path(f"{db_path}{companion}")
            if _exists(source):
                os.rename(source, f"{target}{companion}")
        if _exists(db_path):
            os.rename(db_path, target)
        _fsync_folder(db_path.parent)
    except OSError as exc:
        raise LibraryError(
            f"Byline could not move the library {db_path} aside: {exc.strerror or exc}."
        ) from exc
    return target


def set_aside_damaged(db_path: Path) -> Recovery:
    """Move a damaged library aside (see ``set_aside``) and find the newest backup to offer."""
    moved = set_aside(db_path, "damaged")
    backups = list_backups(backups_dir_for(db_path))
    return Recovery(moved, backups[0] if backups else None)


def restore_backup(backup: Backup, db_path: Path) -> Path | None:
    """Put ``backup`` in place of the library at ``db_path``; no Library may have it open.
    The current file is first set aside (renamed, never deleted); returns where it went, or None
    when there was none. Raises LibraryError, changing nothing, when the backup is not sound."""
    db_path = Path(db_path)
    health = check_library(backup.path)
    if isinstance(health, Corrupt) or not backup.path.is_file():
        problem = health.problem if isinstance(health, Corrupt) else "it is missing"
        raise LibraryError(f"The backup {backup.path.name} cannot be restored: {problem}.")
    incoming = db_path.with_name(f".{db_path.name}.restoring")
    try:
        db_path.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(backup.path, incoming)
        _fsync(incoming)
        replaced = None
        if any(_exists(Path(f"{db_path}{c}")) for c in ("", *_COMPANIONS)):
            replaced = set_aside(db_path, "replaced")
        os.replace(incoming, db_path)
        _fsync_folder(db_path.parent)
    except OSError as exc:
        raise LibraryError(
            f"Byline could not restore the backup {backup.path.name}: {exc.strerror or exc}."
        ) from exc
    finally:
        with contextlib.suppress(OSError):
            incoming.unlink(missing_ok=True)
    return replaced


# ------------------------------------------------------------------------------ internals


def _connect(db_path: Path) -> sqlite3.Connection:
    connection = sqlite3.connect(db_path, timeout=_BUSY_TIMEOUT_S)
    connection.execute(f"PRAGMA busy_timeout = {int(_BUSY_TIMEOUT_S * 1000)}")
    return connection


def _is_busy(exc: sqlite3.OperationalError) -> bool:
    message = str(exc).lower()
    return "locked" in message or "busy" in message


def _sqlite_reason(exc: sqlite3.Error) -> str:
    message = str(exc).lower()
    if "full" in message or "disk i/o" in message:
        return "the disk is full or refused the write"
    return str(exc)


def _quick_check(connection: sqlite3.Connection) -> str | None:
    """None when SQLite's quick check passes, else its first complaint."""
    rows = connection.execute("PRAGMA quick_check").fetchall()
    if [tuple(r) for r in rows] == [("ok",)]:
        return None
    return str(rows[0][0]) if rows else "the check returned nothing"


def _has_documents(db_path: Path) -> bool:
    connection = _connect(db_path)
    try:
        row = connection.execute(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'documents'"
        ).fetchone()
        return (
            row is not None
            and connection.execute("SELECT 1 FROM documents LIMIT 1").fetchone() is not None
        )
    finally:
        connection.close()


def _backup_path(folder: Path, db_path: Path, created: datetime, reason: str) -> Path:
    return Path(folder) / f"{db_path.stem}-{created.strftime(_STAMP_FORMAT)}-{reason}.db"


def _exists(path: Path) -> bool:
    return os.path.lexists(path)


def _age(path: Path, now: datetime) -> timedelta:
    try:
        modified = datetime.fromtimestamp(path.stat().st_mtime, UTC)
    except FileNotFoundError:
        return timedelta(0)
    return now - modified


def _fsync(path: Path) -> None:
    with path.open("rb+") as handle:
        os.fsync(handle.fileno())


def _fsync_folder(folder: Path) -> None:
    """Make a rename durable (POSIX needs the folder synced; Windows cannot open folders)."""
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
