"""Storing documents: duplicates, listing, sorting, tags, notes and deletion."""

from __future__ import annotations

import hashlib
import random
import re
import unicodedata
from collections.abc import Callable, Iterator

import pytest

from byline.core.errors import ImportFailure, NotFound
from byline.core.model import BlockKind, ParsedDocument, Quote, QuoteCorrection, QuoteKind
from byline.store import Library, content_hash

MakeDocument = Callable[..., ParsedDocument]


def test_added_document_comes_back_whole(library: Library, make_document: MakeDocument) -> None:
    parsed = make_document(
        "First paragraph.", "Second one.", title="Report", author="A. Writer", outlet="Daily"
    )
    doc_id, duplicate = library.add_document(parsed)
    doc = library.get_document(doc_id)
    assert not duplicate
    assert doc.text == parsed.text
    assert doc.blocks == parsed.blocks
    assert doc.blocks[1].kind is BlockKind.PARAGRAPH
    assert (doc.title, doc.author, doc.outlet, doc.format) == (
        "Report",
        "A. Writer",
        "Daily",
        "text",
    )
    assert doc.source_name == "Report.txt"
    assert doc.content_hash == content_hash(parsed.text)
    assert doc.imported.endswith("+00:00")


def test_same_text_is_a_duplicate_and_stores_nothing(
    library: Library, make_document: MakeDocument
) -> None:
    first_id, _ = library.add_document(make_document("Same words here.", title="First"))
    again = library.add_document(make_document("Same   words here.", title="Other title"))
    assert again == (first_id, True)
    assert library.document_count() == 1
    assert library.get_document(first_id).title == "First"


def test_add_documents_imports_a_batch_and_spots_duplicates_inside_it(
    library: Library, make_document: MakeDocument
) -> None:
    results = library.add_documents(
        [make_document("One."), make_document("Two."), make_document("One.")]
    )
    assert [dup for _, dup in results] == [False, False, True]
    assert results[2][0] == results[0][0]
    assert library.document_count() == 2


def test_batch_with_a_bad_document_stores_none_of_it(
    library: Library, make_document: MakeDocument
) -> None:
    with pytest.raises(ImportFailure):
        library.add_documents([make_document("Fine."), make_document(title="Empty")])
    assert library.document_count() == 0


def test_unknown_document_is_not_found(library: Library) -> None:
    with pytest.raises(NotFound):
        library.get_document(42)
    with pytest.raises(NotFound):
        library.set_note(42, "x")
    with pytest.raises(NotFound):
        library.mark_opened(42)
    with pytest.raises(NotFound):
        library.delete_document(42)


def test_iter_documents_yields_every_document_in_import_order(
    library: Library, make_document: MakeDocument
) -> None:
    for word in ("alpha", "beta", "gamma"):
        library.add_document(make_document(word, title=word))
    assert [d.title for d in library.iter_documents()] == ["alpha", "beta", "gamma"]


def test_list_sorts_by_published_newest_first_with_undated_last(
    library: Library, make_document: MakeDocument
) -> None:
    library.add_document(make_document("a", title="Old", published="2020-01-01"))
    library.add_document(make_document("b", title="Undated"))
    library.add_document(make_document("c", title="New", published="2024-05-01T10:00:00Z"))
    assert [s.title for s in library.list_documents()] == ["New", "Old", "Undated"]


def test_list_sorts_by_title_ignoring_case(library: Library, make_document: MakeDocument) -> None:
    for title in ("banana", "Apple", "cherry"):
        library.add_document(make_document(title, title=title))
    assert [s.title for s in library.list_documents(sort="title")] == ["Apple", "banana", "cherry"]


def test_list_sorts_by_opened_most_recent_first(
    library: Library, make_document: MakeDocument
) -> None:
    ids = [library.add_document(make_document(t, title=t))[0] for t in ("one", "two", "three")]
    library.mark_opened(ids[0])
    library.mark_opened(ids[2])
    summaries = library.list_documents(sort="opened")
    assert [s.title for s in summaries] == ["three", "one", "two"]
    assert summaries[0].last_opened is not None and summaries[2].last_opened is None


def test_list_sorts_by_imported_newest_first(library: Library, make_document: MakeDocument) -> None:
    for t in ("one", "two", "three"):
        library.add_document(make_document(t, title=t))
    assert [s.title for s in library.list_documents(sort="imported")] == ["three", "two", "one"]


def test_unknown_sort_is_refused(library: Library) -> None:
    with pytest.raises(ValueError, match="sort must be one of"):
        library.list_documents(sort="colour")


def test_summary_counts_highlights_notes_and_quotes(
    library: Library, make_document: MakeDocument
) -> None:
    parsed = make_document('"We will win," said the mayor. A "so-called" plan. "No," she said.')
    doc_id, _ = library.add_document(parsed)
    library.add_highlight(doc_id, 0, 5, note="check this")
    library.add_highlight(doc_id, 6, 10)
    library.set_note(doc_id, "Call the mayor back.")
    quotes = [
        Quote(0, 14, '"We will win,"', QuoteKind.DIRECT, speaker="the mayor"),
        Quote(33, 44, '"so-called"', QuoteKind.SCARE),
        Quote(51, 56, '"No,"', QuoteKind.DIRECT),
    ]
    library.store_quotes(doc_id, "1", quotes)
    library.set_quote_correction(QuoteCorrection(doc_id, 51, 56, not_a_quote=True))
    [summary] = library.list_documents(extractor_version="1")
    assert summary.highlight_count == 2
    assert summary.note_count == 2  # one highlight note plus the document note
    assert summary.quote_count == 1  # scare quote and the span marked not a quote don't count


def test_quote_count_is_the_given_versions_and_none_where_it_has_not_read(
    library: Library, make_document: MakeDocument
) -> None:
    doc_id, _ = library.add_document(make_document('"A," he said. "B," he said.'))
    quiet, _ = library.add_document(make_document("Nothing quoted here."))
    assert library.list_documents(extractor_version="2")[0].quote_count is None
    library.store_quotes(
        doc_id,
        "2",
        [Quote(0, 4, '"A,"', QuoteKind.DIRECT), Quote(14, 18, '"B,"', QuoteKind.DIRECT)],
    )
    library.store_quotes(quiet, "2", [])
    counts = {s.id: s.quote_count for s in library.list_documents(extractor_version="2")}
    assert counts == {doc_id: 2, quiet: 0}  # read and found none is 0, not "not read"
    # Another version's set is not this version's count, whichever was stored last.
    library.store_quotes(doc_id, "1", [Quote(0, 4, '"A,"', QuoteKind.DIRECT)])
    assert library.list_documents(extractor_version="2")[0].quote_count is None
    assert library.list_documents(extractor_version="1")[0].quote_count == 1
    assert library.list_documents()[0].quote_count is None  # no version asked, no count


def test_document_tags_are_normalised_listed_and_filterable(
    library: Library, make_document: MakeDocument
) -> None:
    a, _ = library.add_document(make_document("a", title="A"))
    b, _ = library.add_document(make_document("b", title="B"))
    library.set_document_tags(a, ["Ukraine", " ukraine ", "energy  policy", ""])
    library.set_document_tags(b, ["energy policy"])
    assert library.get_document(a).tags == ("energy policy", "Ukraine")
    assert library.all_tags() == ["energy policy", "Ukraine"]
    assert [s.title for s in library.list_documents(tag="UKRAINE")] == ["A"]
    assert {s.title for s in library.list_documents(tag="energy policy")} == {"A", "B"}
    assert library.list_documents(tag="nothing") == []


def test_retagging_drops_tags_nobody_uses(library: Library, make_document: MakeDocument) -> None:
    doc_id, _ = library.add_document(make_document("a"))
    library.set_document_tags(doc_id, ["old"])
    library.set_document_tags(doc_id, ["new"])
    assert library.all_tags() == ["new"]
    assert library.list_documents()[0].tags == ("new",)


def test_note_is_saved_and_read_back(library: Library, make_document: MakeDocument) -> None:
    doc_id, _ = library.add_document(make_document("a"))
    assert library.get_note(doc_id) == ""
    library.set_note(doc_id, "# Follow up\n\n- call *her*")
    assert library.get_note(doc_id) == "# Follow up\n\n- call *her*"


def test_deleting_a_document_removes_everything_that_hangs_off_it(
    library: Library, make_document: MakeDocument
) -> None:
    doc_id, _ = library.add_document(make_document('"Yes," he said.'))
    keep_id, _ = library.add_document(make_document("Another document."))
    hl = library.add_highlight(doc_id, 0, 6, note="n", tags=["only-here"])
    library.set_document_tags(doc_id, ["doc-tag"])
    library.store_quotes(doc_id, "1", [Quote(0, 6, '"Yes,"', QuoteKind.DIRECT)])
    library.set_quote_correction(QuoteCorrection(doc_id, 0, 6, speaker="Him"))
    library.delete_document(doc_id)
    with pytest.raises(NotFound):
        library.get_highlight(hl.id)
    assert library.highlights(doc_id) == []
    assert library.cached_quotes(doc_id, "1") is None
    assert library.quote_corrections(doc_id) == []
    assert library.all_tags() == []
    assert [s.id for s in library.list_documents()] == [keep_id]
    assert library.integrity_ok()


def test_quote_count_ignores_corrections_that_match_no_counted_quote(
    library: Library, make_document: MakeDocument
) -> None:
    doc_id, _ = library.add_document(make_document('"A," he said. A "so-called" fix.'))
    library.store_quotes(
        doc_id, "1", [Quote(0, 4, '"A,"', QuoteKind.DIRECT), Quote(16, 27, "x", QuoteKind.SCARE)]
    )
    library.set_quote_correction(QuoteCorrection(doc_id, 16, 27, not_a_quote=True))
    library.set_quote_correction(QuoteCorrection(doc_id, 5, 9, not_a_quote=True))
    library.set_quote_correction(QuoteCorrection(doc_id, 0, 4, speaker="Him"))
    assert library.list_documents(extractor_version="1")[0].quote_count == 1


def test_correction_that_changes_nothing_removes_the_earlier_one(
    library: Library, make_document: MakeDocument
) -> None:
    doc_id, _ = library.add_document(make_document('"A," he said.'))
    library.set_quote_correction(QuoteCorrection(doc_id, 0, 4, speaker="Him"))
    library.set_quote_correction(QuoteCorrection(doc_id, 0, 4, not_a_quote=True))
    assert library.quote_corrections(doc_id) == [QuoteCorrection(doc_id, 0, 4, None, True)]
    library.set_quote_correction(QuoteCorrection(doc_id, 0, 4))
    assert library.quote_corrections(doc_id) == []


def test_cached_quotes_come_back_for_the_version_that_stored_them(
    library: Library, make_document: MakeDocument
) -> None:
    doc_id, _ = library.add_document(make_document('"A," he said.'))
    quote = Quote(0, 4, '"A,"', QuoteKind.DIRECT, "Him", "said", 5, 7)
    assert library.cached_quotes(doc_id, "1") is None
    library.store_quotes(doc_id, "1", [quote])
    assert library.cached_quotes(doc_id, "1") == [quote]
    assert library.cached_quotes(doc_id, "2") is None
    library.store_quotes(doc_id, "1", [])
    assert library.cached_quotes(doc_id, "1") == []


def test_content_hash_folds_white_space_as_before_on_texts_longer_than_one_piece() -> None:
    """The hash is computed a piece at a time; it must equal the hash of the whole text with
    every run of white space folded, or stored libraries would stop finding duplicates."""
    rng = random.Random(7)
    spaces = [chr(c) for c in range(0x110000) if chr(c).isspace()]
    words = ["war", "naïve", "cafe\u0301", "Ωmega", "😀", "end."]
    long_word = "x" * 70_000  # longer than a piece: the cut moves past it

    def reference(text: str) -> str:
        canonical = re.sub(r"\s+", " ", unicodedata.normalize("NFC", text)).strip()
        return hashlib.sha256(canonical.encode("utf-8")).hexdigest()

    for _ in range(12):
        parts = []
        for _ in range(rng.randrange(1, 40_000)):
            parts.append(rng.choice(words) if rng.random() < 0.6 else rng.choice(spaces))
        parts.insert(rng.randrange(len(parts) + 1), long_word)
        text = "".join(parts)
        assert content_hash(text) == reference(text)
    assert content_hash("  a \n b  ") == reference("  a \n b  ") == content_hash("a b")
    assert content_hash("") == reference("") and content_hash(" \t ") == reference("")


def test_storing_a_versions_quotes_drops_the_documents_sets_of_other_versions(
    library: Library, make_document: MakeDocument
) -> None:
    doc_id, _ = library.add_document(make_document('"A," he said.'))
    other_id, _ = library.add_document(make_document('"B," she said.'))
    quote = Quote(0, 4, '"A,"', QuoteKind.DIRECT, "Him", "said", 5, 7)
    library.store_quotes(doc_id, "1", [quote])
    library.store_quotes(other_id, "1", [Quote(0, 4, '"B,"', QuoteKind.DIRECT)])
    library.set_quote_correction(QuoteCorrection(doc_id, 0, 4, speaker="The mayor"))
    library.store_quotes(doc_id, "2", [quote])
    assert library.cached_quotes(doc_id, "1") is None
    assert library.cached_quotes(doc_id, "2") == [quote]
    assert library.cached_quotes(other_id, "1") is not None  # other documents keep theirs
    assert library.quote_corrections(doc_id) == [QuoteCorrection(doc_id, 0, 4, speaker="The mayor")]


def test_storing_quotes_that_fail_midway_keeps_the_earlier_set(
    library: Library, make_document: MakeDocument
) -> None:
    doc_id, _ = library.add_document(make_document('"A," he said.'))
    quote = Quote(0, 4, '"A,"', QuoteKind.DIRECT)
    library.store_quotes(doc_id, "1", [quote])

    def quotes_then_a_failure() -> Iterator[Quote]:
        yield quote
        raise RuntimeError("the extractor broke")

    with pytest.raises(RuntimeError):
        library.store_quotes(doc_id, "2", quotes_then_a_failure())
    assert library.cached_quotes(doc_id, "1") == [quote]  # one transaction: nothing dropped
    assert library.cached_quotes(doc_id, "2") is None
