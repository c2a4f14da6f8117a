"""A writer killed with SIGKILL at random moments never corrupts the library and never loses a
write it had reported as committed."""

from __future__ import annotations

import contextlib
import os
import random
import selectors
import shutil
import signal
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from reliability_support import (
    CHILDREN,
    PYTHON,
    Ledger,
    child_env,
    integrity_problems,
    make_document,
    snapshot,
)
from sqlite_utils import Database

from byline.store import Library
from byline.store import migrations as schema
from byline.store.backups import Healthy, check_library, list_backups

KILLS = 200
MAX_DELAY_S = 0.08  # kills land anywhere from opening the library to deep in the write loop
LINE_TIMEOUT_S = 20

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not hasattr(os, "fork"), reason="the writer is forked (POSIX only)"),
]


class Zygote:
    """The child that forks writers; reads its report lines without ever blocking forever."""

    def __init__(self, db: Path) -> None:
        self.proc = subprocess.Popen(
            [PYTHON, str(CHILDREN / "byline_writer.py"), "zygote", str(db)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            env=child_env(),
        )
        assert self.proc.stdin is not None and self.proc.stdout is not None
        self.stdin = self.proc.stdin
        self.fd = self.proc.stdout.fileno()
        self.selector = selectors.DefaultSelector()
        self.selector.register(self.fd, selectors.EVENT_READ)
        self.buffer = b""

    def lines(self) -> Iterator[str]:
        deadline = time.monotonic() + LINE_TIMEOUT_S
        while True:
            while b"\n" in self.buffer:
                line, self.buffer = self.buffer.split(b"\n", 1)
                yield line.decode()
                deadline = time.monotonic() + LINE_TIMEOUT_S
            if not self.selector.select(timeout=max(0.0, deadline - time.monotonic())):
                raise AssertionError("the writer child stopped answering")
            chunk = os.read(self.fd, 65536)
            if not chunk:
                raise AssertionError("the writer child exited")
            self.buffer += chunk

    def next_line(self) -> str:
        return next(self.lines())

    def close(self) -> None:
        self.stdin.close()
        self.proc.wait(timeout=10)
        self.selector.close()


@pytest.fixture
def zygote(tmp_path: Path) -> Iterator[Zygote]:
    db = tmp_path / "library.db"
    with Library.open(db) as lib:
        lib.add_document(make_document())
    child = Zygote(db)
    assert child.next_line() == "ready"
    yield child
    child.close()


def test_killed_writers_never_corrupt_or_lose_a_committed_write(
    zygote: Zygote, tmp_path: Path
) -> None:
    db = tmp_path / "library.db"
    rng = random.Random(8)
    ledger = Ledger()
    for cycle in range(1, KILLS + 1):
        zygote.stdin.write(f"write {cycle * 1_000_000}\n".encode())
        zygote.stdin.flush()
        started = zygote.next_line().split()
        assert started[0] == "started", started
        pid = int(started[1])
        time.sleep(rng.uniform(0, MAX_DELAY_S))
        os.kill(pid, signal.SIGKILL)
        for line in zygote.lines():
            if line.startswith("ended"):
                status = int(line.split()[2])
                assert os.WIFSIGNALED(status), f"the writer ended on its own: {line}"
                break
            ledger.record(line)
        assert integrity_problems(db) == [], f"after kill {cycle}"
        assert ledger.missing_writes(db) == [], f"after kill {cycle}"
    print(f"{KILLS} kills, {ledger.writes} reported writes, none lost")
    assert ledger.writes > KILLS  # the kills landed while writes were going on
    with Library.open(db) as lib:
        assert lib.integrity_ok()


UPGRADE_KILLS = 25


def test_killed_schema_update_leaves_the_old_library_or_the_new_one(
    zygote: Zygote, tmp_path: Path
) -> None:
    template = tmp_path / "old" / "library.db"
    template.parent.mkdir()
    db = Database(template)
    names = schema.migration_names()
    schema.migration_set().apply(db, stop_before=names[-1])
    paragraphs = [f"Paragraph {i}: “We stay,” said a tenant of the block." for i in range(60)]
    for n in range(300):
        text = "\n\n".join(f"Story {n}. {p}" for p in paragraphs)
        db.execute(
            """INSERT INTO documents (title, imported, format, content_hash, text, blocks, note)
            VALUES (?, '2025-01-01', 'text', ?, ?, '[]', ?)""",
            [f"Story {n}", f"h{n}", text, f"note {n}"],
        )
    db.conn.commit()
    db.close()
    expected = [r for t, r in snapshot(template) if t == "documents"]
    rng = random.Random(4)
    finished = 0
    update_s = 0.0
    for cycle in range(-1, UPGRADE_KILLS):  # cycle -1 times an update that is not killed
        copy = tmp_path / f"upgrade-{cycle}" / "library.db"
        copy.parent.mkdir()
        shutil.copyfile(template, copy)
        zygote.stdin.write(f"open {copy}\n".encode())
        zygote.stdin.flush()
        pid = int(zygote.next_line().split()[1])
        if cycle < 0:
            started = time.monotonic()
            assert zygote.next_line() == "opened"
            update_s = time.monotonic() - started
        time.sleep(rng.uniform(0, update_s))
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, signal.SIGKILL)
        for line in zygote.lines():
            if line.startswith("ended"):
                break
            finished += line == "opened" and cycle >= 0
        assert integrity_problems(copy) == [], f"after kill {cycle}"
        backups = list_backups(copy.parent / "backups")
        assert all(check_library(b.path) == Healthy() for b in backups)
        with Library.open(copy) as lib:  # finishes the update if the kill interrupted it
            assert lib.integrity_ok()
        assert [r for t, r in snapshot(copy) if t == "documents"] == expected
    print(f"{UPGRADE_KILLS} schema updates killed, {finished} finished first, nothing lost")
    assert finished < UPGRADE_KILLS  # most kills landed inside the update
