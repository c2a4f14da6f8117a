"""A writer killed with SIGKILL at random moments never corrupts the library and never loses a
write it had reported as committed."""

from __future__ import annotations

import os
import random
import selectors
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
)

from byline.store import Library

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
