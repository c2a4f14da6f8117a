"""The library list read in pages: the ids in the list's order (from an index), then the
summaries of just the rows shown, which must be what ``list_documents`` says of them."""

from __future__ import annotations

import random
from collections.abc import Callable

import pytest

from byline.core.model import ParsedDocument, Quote, QuoteCorrection, QuoteKind
from byline.store import Library
from byline.store.library import _ORDER_BY

MakeDocument = Callable[..., ParsedDocument]
SORTS = list(_ORDER_BY)


@pytest.fixture
def varied_library(library: Library, make_document: MakeDocument) -> Library:
    """Forty documents with dates (some missing, some equal), titles in mixed case, opened or
    not, tagged or not, with highlights, notes, quotes and corrections on some."""
    rng = random.Random(5)
    titles = ["alpha", "Bravo", "charlie", "Delta", "echo"]
    for n in range(40):
        day = rng.choice([None, "2024-01-01", f"2024-02-{1 + n % 9:02d}"])
        parsed = make_document(
            f'"Statement {n}," said Officer {n}. More text for number {n}.',
            title=f"{rng.choice(titles)} {n % 7}",
            published=day,
        )
        doc_id, _ = library.add_document(parsed)
        if n % 3 == 0:
            library.mark_opened(doc_id)
        if n % 4 == 0:
            library.set_document_tags(doc_id, ["war", "Energy"][: 1 + n % 2])
        if n % 5 == 0:
            library.add_highlight(doc_id, 1, 10, note="why" if n % 2 else "")
            library.set_note(doc_id, f"note {n}")
        if n % 6 == 0:
            quote = Quote(0, 15, parsed.text[:15], QuoteKind.DIRECT, speaker=f"Officer {n}")
            library.store_quotes(doc_id, "1", [quote, Quote(20, 25, "x", QuoteKind.SCARE)])
            if n % 12 == 0:
                library.set_quote_correction(QuoteCorrection(doc_id, 0, 15, not_a_quote=True))
    return library


@pytest.mark.parametrize("sort", SORTS)
@pytest.mark.parametrize("tag", [None, "war", "ENERGY", "unused"])
def test_document_ids_come_in_the_order_of_the_list(
    varied_library: Library, sort: str, tag: str | None
) -> None:
    listed = [s.id for s in varied_library.list_documents(sort=sort, tag=tag)]
    assert varied_library.document_ids(sort=sort, tag=tag) == listed


@pytest.mark.parametrize("sort", SORTS)
def test_a_page_of_summaries_is_what_the_list_says_of_those_documents(
    varied_library: Library, sort: str
) -> None:
    listed = varied_library.list_documents(sort=sort)
    ids = varied_library.document_ids(sort=sort)
    for first in range(0, len(ids), 15):
        assert varied_library.document_summaries(ids[first : first + 15]) == listed[first:][:15]


def test_summaries_come_in_the_order_asked_and_leave_out_documents_that_went(
    varied_library: Library,
) -> None:
    ids = varied_library.document_ids()
    gone = ids[3]
    varied_library.delete_document(gone)
    asked = [ids[5], gone, ids[1], ids[2]]
    assert [s.id for s in varied_library.document_summaries(asked)] == [ids[5], ids[1], ids[2]]
    assert varied_library.document_summaries([]) == []


def test_unknown_sort_is_refused_for_ids_too(library: Library) -> None:
    with pytest.raises(ValueError):
        library.document_ids(sort="colour")


@pytest.mark.parametrize("sort", SORTS)
def test_every_list_order_is_read_from_an_index_without_sorting(
    library: Library, sort: str
) -> None:
    plan = library.db.execute(
        f"EXPLAIN QUERY PLAN SELECT d.id FROM documents d ORDER BY {_ORDER_BY[sort]}"
    ).fetchall()
    steps = [str(row[3]) for row in plan]
    assert any("USING COVERING INDEX" in step for step in steps), steps
    assert not any("TEMP B-TREE" in step for step in steps), steps
