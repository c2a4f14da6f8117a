"""Highlights: anchored on creation, edited, deleted and restored (undo), kept in text order."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from byline.core.anchor import find_anchor
from byline.core.errors import LibraryError, NotFound
from byline.core.model import ParsedDocument, TextAnchor
from byline.store import Library

MakeDocument = Callable[..., ParsedDocument]

TEXT = "The minister said the plan would work. Critics said the plan would fail."


@pytest.fixture
def doc_id(library: Library, make_document: MakeDocument) -> int:
    return library.add_document(make_document(TEXT))[0]


def test_highlight_stores_its_anchor(library: Library, doc_id: int) -> None:
    start = TEXT.index("the plan would fail")
    hl = library.add_highlight(doc_id, start, start + 19, color="green", note="key", tags=["x"])
    assert hl.exact == "the plan would fail"
    assert TEXT.endswith(hl.prefix, 0, start)
    assert hl.suffix == "."
    assert (hl.color, hl.note, hl.tags) == ("green", "key", ("x",))
    assert library.highlights(doc_id) == [hl]


def test_stored_anchor_recovers_the_passage_when_offsets_drift(
    library: Library, doc_id: int
) -> None:
    start = TEXT.index("the plan would fail")
    hl = library.add_highlight(doc_id, start, start + 19)
    drifted_text = "UPDATE: corrected. " + TEXT
    anchor = TextAnchor(hl.start, hl.end, hl.exact, hl.prefix, hl.suffix)
    found = find_anchor(drifted_text, anchor)
    assert found == (start + 19, start + 38)


@pytest.mark.parametrize(("start", "end"), [(-1, 3), (5, 5), (7, 3), (0, len(TEXT) + 1)])
def test_highlight_outside_the_text_is_refused(
    library: Library, doc_id: int, start: int, end: int
) -> None:
    with pytest.raises(ValueError, match="not inside the text"):
        library.add_highlight(doc_id, start, end)
    assert library.highlights(doc_id) == []


def test_highlight_on_missing_document_is_not_found(library: Library) -> None:
    with pytest.raises(NotFound):
        library.add_highlight(99, 0, 1)


def test_highlights_come_in_text_order(library: Library, doc_id: int) -> None:
    library.add_highlight(doc_id, 40, 50)
    library.add_highlight(doc_id, 0, 3)
    library.add_highlight(doc_id, 10, 20)
    assert [h.start for h in library.highlights(doc_id)] == [0, 10, 40]


def test_update_changes_only_what_is_given(library: Library, doc_id: int) -> None:
    hl = library.add_highlight(doc_id, 0, 3, color="yellow", note="first", tags=["a"])
    updated = library.update_highlight(hl.id, note="second")
    assert (updated.color, updated.note, updated.tags) == ("yellow", "second", ("a",))
    assert updated.updated >= hl.updated and updated.created == hl.created
    recoloured = library.update_highlight(hl.id, color="blue", tags=["b", "c"])
    assert (recoloured.color, recoloured.note, recoloured.tags) == ("blue", "second", ("b", "c"))
    assert library.all_tags() == ["b", "c"]


def test_update_of_missing_highlight_is_not_found(library: Library) -> None:
    with pytest.raises(NotFound):
        library.update_highlight(5, note="x")


def test_delete_then_restore_brings_back_the_same_highlight(library: Library, doc_id: int) -> None:
    hl = library.add_highlight(doc_id, 4, 12, note="why", tags=["t"])
    deleted = library.delete_highlight(hl.id)
    assert deleted == hl
    assert library.highlights(doc_id) == []
    assert library.all_tags() == []
    library.restore_highlight(deleted)
    assert library.highlights(doc_id) == [hl]
    assert library.search("why")[0].highlight_id == hl.id


def test_restoring_a_highlight_that_exists_is_refused(library: Library, doc_id: int) -> None:
    hl = library.add_highlight(doc_id, 0, 3)
    with pytest.raises(LibraryError, match="already exists"):
        library.restore_highlight(hl)


def test_highlight_notes_count_in_the_summary(library: Library, doc_id: int) -> None:
    library.add_highlight(doc_id, 0, 3, note="a")
    library.add_highlight(doc_id, 4, 8)
    [summary] = library.list_documents()
    assert (summary.highlight_count, summary.note_count) == (2, 1)
