"""documents_with_phrase: which documents hold a run of words, for the quotation check."""

from __future__ import annotations

from collections.abc import Callable

from byline.core.model import ParsedDocument
from byline.store import Library
from byline.store.passages import documents_with_phrase

MakeDocument = Callable[..., ParsedDocument]


def test_documents_holding_the_words_in_a_row_are_found(
    library: Library, make_document: MakeDocument
) -> None:
    near, _ = library.add_document(make_document("The flood defences will hold, she said."))
    apart, _ = library.add_document(make_document("Defences built after the flood will hold."))
    assert documents_with_phrase(library, ["flood", "defences", "will"]) == [near]
    assert documents_with_phrase(library, ["FLOOD", "defence"]) == [near]  # case, endings aside
    assert set(documents_with_phrase(library, ["will", "hold"])) == {near, apart}


def test_titles_do_not_count_and_operators_are_words(
    library: Library, make_document: MakeDocument
) -> None:
    library.add_document(make_document("Nothing here.", title="Rainy day fund"))
    assert documents_with_phrase(library, ["rainy", "day", "fund"]) == []
    assert documents_with_phrase(library, ["NEAR(", "AND", '"']) == []
    assert documents_with_phrase(library, []) == []


def test_limit_caps_the_number_of_documents(library: Library, make_document: MakeDocument) -> None:
    for i in range(5):
        library.add_document(make_document(f"Same words here, copy {i}."))
    assert len(documents_with_phrase(library, ["same", "words"], limit=3)) == 3
