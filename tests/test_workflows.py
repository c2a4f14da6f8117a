"""Importing with quotes, and reading the quotes of documents not read yet, as the Speakers view
and ``byline speakers`` do before counting."""

from __future__ import annotations

from pathlib import Path

import pytest

from byline.core.model import BlockKind, ParsedDocument, Quote, QuoteCorrection, QuoteKind
from byline.core.quotes import EXTRACTOR_VERSION, extract_quotes
from byline.core.text import BlockText, assemble
from byline.store import Library, content_hash
from byline.workflows import (
    cache_missing_quotes,
    cached_document_quotes,
    document_quotes,
    import_paths,
    library_documents,
    library_speakers,
    quotes_if_new,
)


def story(n: int) -> ParsedDocument:
    text, blocks = assemble(
        [BlockText(BlockKind.PARAGRAPH, f"“Story {n} is true,” said Maria Okafor on Monday.")]
    )
    return ParsedDocument(text=text, blocks=blocks, title=f"Story {n}", format="text")


def test_documents_not_read_are_read_with_progress_and_then_counted(tmp_path: Path) -> None:
    with Library.open(tmp_path / "library.db") as library:
        ids = [library.add_document(story(n))[0] for n in range(3)]
        document_quotes(library, ids[0])
        library.store_quotes(ids[1], "an older version", [])
        progress: list[tuple[int, int]] = []
        assert cache_missing_quotes(library, on_progress=lambda d, t: progress.append((d, t))) == (
            2,
            0,
        )
        assert progress == [(0, 2), (1, 2), (2, 2)]
        assert library.documents_without_quotes(EXTRACTOR_VERSION) == []
        [okafor] = library_speakers(library).speakers
        assert (okafor.name, okafor.quotes, okafor.documents) == ("Maria Okafor", 3, 3)


def test_a_cancelled_read_keeps_what_it_read_and_says_how_many_are_left(tmp_path: Path) -> None:
    with Library.open(tmp_path / "library.db") as library:
        for n in range(4):
            library.add_document(story(n))
        asked: list[bool] = []

        def cancel_after_one() -> bool:
            asked.append(True)
            return len(asked) > 1

        assert cache_missing_quotes(library, should_cancel=cancel_after_one) == (1, 3)
        assert len(library.documents_without_quotes(EXTRACTOR_VERSION)) == 3
        assert cache_missing_quotes(library) == (3, 0)


def test_library_list_counts_quotes_as_the_speakers_view_does_after_an_extractor_upgrade(
    tmp_path: Path,
) -> None:
    with Library.open(tmp_path / "library.db") as library:
        doc_id, _ = library.add_document(story(1))
        older_reading = [
            Quote(0, 5, "“Stor", QuoteKind.DIRECT),
            Quote(6, 9, "y 1", QuoteKind.DIRECT),
        ]
        library.store_quotes(doc_id, "an older version", older_reading)
        [listed] = library_documents(library)
        assert listed.quote_count is None  # not the older version's 2: not read yet
        cache_missing_quotes(library)
        [listed] = library_documents(library)
        [okafor] = library_speakers(library).speakers
        assert listed.quote_count == okafor.quotes == 1
        assert library.cached_quotes(doc_id, "an older version") is None


def test_imported_files_come_with_the_current_extractors_quotes(tmp_path: Path) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    for n in range(2):
        (inbox / f"story{n}.txt").write_text(
            f"Story {n}\n\n“The bridge will open,” said Maria Okafor on Monday.\n",
            encoding="utf-8",
        )
    with Library.open(tmp_path / "library.db") as library:
        report = import_paths(library, [inbox])
        assert report.count("imported") == 2
        assert library.documents_without_quotes(EXTRACTOR_VERSION) == []
        for outcome in report.outcomes:
            assert outcome.document_id is not None
            text = library.get_document(outcome.document_id).text
            assert library.cached_quotes(outcome.document_id, EXTRACTOR_VERSION) == (
                extract_quotes(text)
            )
        assert [d.quote_count for d in library_documents(library)] == [1, 1]


def test_a_duplicate_is_not_read_again(tmp_path: Path) -> None:
    with Library.open(tmp_path / "library.db") as library:
        library.add_document(story(1))
        assert quotes_if_new(library, story(1), content_hash(story(1).text)) is None
        found = quotes_if_new(library, story(2), content_hash(story(2).text))
        assert found == extract_quotes(story(2).text)


def test_cached_quotes_come_corrected_and_are_never_extracted_there(tmp_path: Path) -> None:
    with Library.open(tmp_path / "library.db") as library:
        doc_id, _ = library.add_document(story(1))
        assert cached_document_quotes(library, doc_id) is None
        assert library.documents_without_quotes(EXTRACTOR_VERSION) == [doc_id]  # not read
        [quote] = document_quotes(library, doc_id)
        library.set_quote_correction(
            QuoteCorrection(doc_id, quote.start, quote.end, speaker="Dr Maria Okafor")
        )
        [corrected] = cached_document_quotes(library, doc_id) or []
        assert corrected.speaker == "Dr Maria Okafor"
        assert cached_document_quotes(library, doc_id) == document_quotes(library, doc_id)


def test_a_fault_in_the_extractor_keeps_the_document_and_the_rest_of_the_batch(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import byline.core.quotes.extract

    real = byline.core.quotes.extract.extract_quotes

    def failing_on_story_1(text: str) -> list[Quote]:
        if "Story 1" in text:
            raise IndexError("a bug in a rule")
        return real(text)

    monkeypatch.setattr(byline.core.quotes.extract, "extract_quotes", failing_on_story_1)
    for n in range(3):
        (tmp_path / f"story{n}.txt").write_text(story(n).text, encoding="utf-8")
    with Library.open(tmp_path / "library.db") as library:
        report = import_paths(library, [tmp_path / f"story{n}.txt" for n in range(3)])
        assert [o.status for o in report.outcomes] == ["imported"] * 3
        counts = [s.quote_count for s in library_documents(library, sort="title")]
        assert counts == [1, None, 1]  # Story 1 is stored unread, to be read when opened

        # A library-wide count reads the others and goes past it, each time.
        assert cache_missing_quotes(library) == (1, 0)
        assert cache_missing_quotes(library) == (1, 0)


def test_an_import_hashes_each_text_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import byline.store.library
    import byline.workflows

    hashed: list[str] = []

    def counting(text: str) -> str:
        hashed.append(text)
        return content_hash(text)

    monkeypatch.setattr(byline.workflows, "content_hash", counting)
    monkeypatch.setattr(byline.store.library, "content_hash", counting)
    source = tmp_path / "story.txt"
    source.write_text("“We will stay,” said Maria Okafor.\n", encoding="utf-8")
    with Library.open(tmp_path / "library.db") as library:
        report = import_paths(library, [source])
    assert [o.status for o in report.outcomes] == ["imported"]
    assert len(hashed) == 1  # for the duplicate check, and reused to store it
