"""Shared pieces for the reliability suites: documents to store, a way to snapshot a library's
contents, and the environment child processes run Byline in."""

from __future__ import annotations

import os
import sqlite3
import sys
from collections.abc import Callable
from pathlib import Path

from byline.core.model import BlockKind, ParsedDocument
from byline.core.text import BlockText, assemble

HERE = Path(__file__).parent
CHILDREN = HERE / "children"
PYTHON = sys.executable

MakeDocument = Callable[..., ParsedDocument]

ARTICLE = (
    "“We will not leave,” said Maria Okafor, who has led the tenants' group since 2019.",
    "The council has promised a hearing. “Nobody has asked us,” another tenant said.",
)


def make_document(*paragraphs: str, title: str = "Tenants stay") -> ParsedDocument:
    text, blocks = assemble(BlockText(BlockKind.PARAGRAPH, p) for p in paragraphs or ARTICLE)
    return ParsedDocument(text=text, blocks=blocks, title=title, format="text")


def child_env() -> dict[str, str]:
    """The environment a child Python needs to import Byline the way the tests do."""
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join([str(CHILDREN), str(HERE), env.get("PYTHONPATH", "")])
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    env.pop("PYTHONSTARTUP", None)
    return env


def snapshot(db_path: Path) -> list[tuple[str, list[tuple[object, ...]]]]:
    """Every row of every user table, read with plain sqlite3: what "unchanged" means."""
    conn = sqlite3.connect(db_path)
    try:
        tables = [
            r[0]
            for r in conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
                " AND sql NOT LIKE 'CREATE VIRTUAL%' AND name NOT LIKE '%_fts_%' ORDER BY name"
            )
        ]
        return [(t, conn.execute(f'SELECT * FROM "{t}" ORDER BY 1').fetchall()) for t in tables]
    finally:
        conn.close()


class Ledger:
    """What a writer child reported as committed, and the check that all of it is in the file.

    A write committed but not yet reported when the child died may be there too; that is why
    notes are compared as "at least this new" (sequence numbers only grow)."""

    def __init__(self, doc_id: int = 1) -> None:
        self.doc_id = doc_id
        self.note_seq = -1
        self.highlights: dict[int, int] = {}  # id -> the newest note seq reported for it
        # id -> the newest seq reported when it was deleted: SQLite may give the id to a later
        # highlight (rowids are reused), whose note then holds a newer seq.
        self.deleted: dict[int, int] = {}
        self.last_seq = -1
        self.deleting: set[int] = set()  # announced, not confirmed: either state is right
        self.documents: dict[int, str] = {}  # id -> title of documents reported imported
        self.writes = 0

    def record(self, line: str) -> None:
        kind, *rest = line.split()
        if kind == "E":
            raise AssertionError(f"a write failed in the child: {line}")
        if kind in ("H", "U"):
            hl_id, seq = int(rest[0]), int(rest[1])
            self.highlights[hl_id] = seq
            self.deleted.pop(hl_id, None)
            self.last_seq = max(self.last_seq, seq)
        elif kind == "A":
            self.documents[int(rest[0])] = f"Story {rest[1]}"
            self.last_seq = max(self.last_seq, int(rest[1]))
        elif kind == "d":
            self.deleting.add(int(rest[0]))
            return
        elif kind == "D":
            self.highlights.pop(int(rest[0]), None)
            self.deleting.discard(int(rest[0]))
            self.deleted[int(rest[0])] = self.last_seq
        elif kind == "N":
            self.note_seq = max(self.note_seq, int(rest[0]))
            self.last_seq = max(self.last_seq, int(rest[0]))
        else:
            raise AssertionError(f"unexpected report {line!r}")
        self.writes += 1

    def missing_writes(self, db_path: Path) -> list[str]:
        """Reported writes the file does not hold (empty when nothing was lost)."""
        conn = sqlite3.connect(db_path)
        try:
            note = conn.execute(
                "SELECT note FROM documents WHERE id = ?", [self.doc_id]
            ).fetchone()[0]
            titles = dict(conn.execute("SELECT id, title FROM documents").fetchall())
            stored = dict(
                conn.execute(
                    "SELECT id, note FROM highlights WHERE document_id = ?", [self.doc_id]
                ).fetchall()
            )
        finally:
            conn.close()
        for hl_id in self.deleting:  # the writer died deleting it: whichever way it went
            if hl_id not in stored:
                self.highlights.pop(hl_id, None)
                self.deleted[hl_id] = self.last_seq
        self.deleting.clear()
        lost = []
        if self.note_seq >= 0 and int(note or -1) < self.note_seq:
            lost.append(f"document note {note!r} older than reported {self.note_seq}")
        for hl_id, seq in self.highlights.items():
            if hl_id not in stored:
                lost.append(f"highlight {hl_id} missing")
            elif int(stored[hl_id]) < seq:
                lost.append(f"highlight {hl_id} note {stored[hl_id]} older than {seq}")
        lost += [
            f"deleted highlight {i} is back"
            for i, seq in self.deleted.items()
            if i in stored and int(stored[i]) <= seq
        ]
        lost += [
            f"document {doc_id} ({title}) missing"
            for doc_id, title in self.documents.items()
            if titles.get(doc_id) != title
        ]
        return lost


def integrity_problems(db_path: Path) -> list[str]:
    """SQLite's integrity check plus each full-text index's own check, on a fresh connection."""
    conn = sqlite3.connect(db_path)
    try:
        rows = [r[0] for r in conn.execute("PRAGMA integrity_check")]
        problems = [] if rows == ["ok"] else rows
        for table in ("documents_fts", "notes_fts", "highlights_fts", "titles_fts"):
            try:
                conn.execute(f"INSERT INTO {table}({table}, rank) VALUES ('integrity-check', 1)")
            except sqlite3.DatabaseError as exc:
                problems.append(f"{table}: {exc}")
        conn.rollback()
        return problems
    finally:
        conn.close()
