"""Finding the documents that contain a run of words, for checking quotations against sources.

Unlike ``Library.search`` this does no ranking and cuts no snippets: it asks the full-text index
which documents hold the words as a phrase in their text, and stops at ``limit``.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence

from byline.core.errors import LibraryError
from byline.store.library import Library, _explain
from byline.store.search_query import Term, fts_expression


def documents_with_phrase(library: Library, words: Sequence[str], limit: int = 20) -> list[int]:
    """Ids of documents whose text holds ``words`` one after another, as the full-text index
    sees words (case, accents and word endings aside), lowest id first, at most ``limit``."""
    cleaned = tuple(w for w in words if w.strip())
    if not cleaned or limit <= 0:
        return []
    expression = "text : " + fts_expression([Term(cleaned)])
    try:
        rows = library.db.execute(
            "SELECT rowid FROM documents_fts WHERE documents_fts MATCH ? LIMIT ?",
            [expression, limit],
        ).fetchall()
    except sqlite3.Error as exc:
        raise LibraryError(_explain(exc, library.path)) from exc
    return [int(r[0]) for r in rows]
