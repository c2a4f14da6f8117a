"""Library.transaction(): many writes kept together or not at all, nested blocks as savepoints."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from byline.core.errors import NotFound
from byline.core.model import ParsedDocument
from byline.store import Library

MakeDocument = Callable[..., ParsedDocument]


class Stop(Exception):
    """Raised by a test to leave a transaction's block."""


def test_writes_in_a_transaction_are_seen_by_another_connection_only_when_it_ends(
    library: Library, library_path: Path, make_document: MakeDocument
) -> None:
    with Library.open(library_path) as other:
        with library.transaction():
            doc_id, _ = library.add_document(make_document("Kept together.", title="One"))
            library.add_highlight(doc_id, 0, 4, note="n")
            library.set_note(doc_id, "note")
            assert library.document_count() == 1  # this connection sees its own writes
            assert other.document_count() == 0
        assert not library.db.conn.in_transaction
        assert other.get_note(doc_id) == "note"
        assert len(other.highlights(doc_id)) == 1


def test_a_transaction_whose_block_raises_keeps_none_of_its_writes(
    library: Library, make_document: MakeDocument
) -> None:
    kept, _ = library.add_document(make_document("Here before.", title="Before"))
    with pytest.raises(Stop), library.transaction():
        library.add_document(make_document("Never kept.", title="Gone"))
        library.add_highlight(kept, 0, 4, tags=["gone"])
        library.set_note(kept, "never saved")
        raise Stop
    assert [d.title for d in library.list_documents()] == ["Before"]
    assert library.highlights(kept) == [] and library.get_note(kept) == ""
    assert library.all_tags() == []
    assert not library.db.conn.in_transaction


def test_a_failing_write_inside_a_transaction_undoes_the_whole_block(
    library: Library, make_document: MakeDocument
) -> None:
    with pytest.raises(NotFound), library.transaction():
        library.add_document(make_document("Never kept.", title="Gone"))
        library.set_note(999, "no such document")
    assert library.document_count() == 0


def test_a_nested_transaction_that_raises_undoes_only_its_own_writes(
    library: Library, make_document: MakeDocument
) -> None:
    with library.transaction():
        doc_id, _ = library.add_document(make_document("Outer write.", title="Outer"))
        with pytest.raises(Stop), library.transaction():
            library.set_note(doc_id, "inner write")
            raise Stop
        library.add_highlight(doc_id, 0, 5)
    assert library.get_note(doc_id) == ""
    assert len(library.highlights(doc_id)) == 1
    assert not library.db.conn.in_transaction
