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
    env["PYTHONPATH"] = os.pathsep.join([str(CHILDREN), env.get("PYTHONPATH", "")])
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
