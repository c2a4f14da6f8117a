"""Two processes using one library at once (two windows, or the window and the command line)
never corrupt it, never lose a write, and never fail a write because the other one is busy."""

from __future__ import annotations

import subprocess
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

WRITES_EACH = 400

pytestmark = pytest.mark.slow


def test_two_processes_writing_at_once_lose_nothing(tmp_path: Path) -> None:
    db = tmp_path / "library.db"
    with Library.open(db) as lib:
        docs = [
            lib.add_document(make_document(*[f"Paragraph {i}."] * 3, title=f"Story {i}"))[0]
            for i in range(2)
        ]
    writers = [
        subprocess.Popen(
            [
                PYTHON,
                str(CHILDREN / "byline_writer.py"),
                "writes",
                str(db),
                str((i + 1) * 1_000_000),
                str(WRITES_EACH),
                str(doc_id),
            ],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env=child_env(),
            text=True,
        )
        for i, doc_id in enumerate(docs)
    ]
    ledgers = []
    for writer, doc_id in zip(writers, docs, strict=True):
        out, err = writer.communicate(timeout=120)
        assert writer.returncode == 0, f"a writer failed: {out[-500:]} {err[-2000:]}"
        ledger = Ledger(doc_id)
        for line in out.splitlines():
            ledger.record(line)
        assert ledger.writes == WRITES_EACH
        ledgers.append(ledger)
    assert integrity_problems(db) == []
    for ledger in ledgers:
        assert ledger.missing_writes(db) == []
