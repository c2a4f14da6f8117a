"""Any sequence of edits leaves the search indexes exactly in step with what is stored."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from byline.core.model import BlockKind, HitKind, ParsedDocument
from byline.core.text import BlockText, assemble
from byline.store import Library

WORDS = ["alder", "birch", "cedar", "larch", "maple"]  # none is a stem of another

Operation = tuple[str, int, str]
operations = st.lists(
    st.tuples(
        st.sampled_from(
            ["add", "note", "highlight", "edit_highlight", "delete_highlight", "delete"]
        ),
        st.integers(0, 5),
        st.sampled_from([*WORDS, ""]),
    ),
    max_size=25,
)


def _document(n: int, word: str) -> ParsedDocument:
    text, blocks = assemble([BlockText(BlockKind.PARAGRAPH, f"Article {n} mentions {word}.")])
    return ParsedDocument(text=text, blocks=blocks, title=f"Doc {n}", format="text")


def _apply(lib: Library, ops: list[Operation]) -> None:
    for n, (op, pick, word) in enumerate(ops):
        docs = [s.id for s in lib.list_documents(sort="imported")]
        highlights = [h for d in docs for h in lib.highlights(d)]
        if op == "add":
            lib.add_document(_document(n, word or "nothing"))
        elif op == "note" and docs:
            lib.set_note(docs[pick % len(docs)], word)
        elif op == "highlight" and docs:
            lib.add_highlight(docs[pick % len(docs)], 0, 7, note=word)
        elif op == "edit_highlight" and highlights:
            lib.update_highlight(highlights[pick % len(highlights)].id, note=word)
        elif op == "delete_highlight" and highlights:
            lib.delete_highlight(highlights[pick % len(highlights)].id)
        elif op == "delete" and docs:
            lib.delete_document(docs[pick % len(docs)])


@settings(max_examples=30, deadline=None)
@given(operations)
def test_indexes_match_the_stored_notes_and_texts(ops: list[Operation]) -> None:
    with tempfile.TemporaryDirectory() as folder, Library.open(Path(folder) / "l.db") as lib:
        _apply(lib, ops)
        assert lib.integrity_ok()
        for word in WORDS:
            hits = lib.search(word, limit=1000)
            found_notes = {h.document_id for h in hits if h.kind is HitKind.NOTE}
            found_docs = {h.document_id for h in hits if h.kind is HitKind.DOCUMENT}
            found_highlights = {h.highlight_id for h in hits if h.kind is HitKind.HIGHLIGHT}
            docs = [lib.get_document(s.id) for s in lib.list_documents()]
            assert found_notes == {d.id for d in docs if word in lib.get_note(d.id)}
            assert found_docs == {d.id for d in docs if word in d.text}
            assert found_highlights == {
                h.id for d in docs for h in lib.highlights(d.id) if word in h.note
            }
