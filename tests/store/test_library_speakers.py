"""Speakers across the library: counts per speaker, one speaker's quotes with their documents,
the reader's corrections honoured, and only the current extractor version's caches counted."""

from __future__ import annotations

from collections.abc import Callable

from byline.core.model import ParsedDocument, Quote, QuoteCorrection, QuoteKind, SpeakerCount
from byline.core.quotes import apply_corrections
from byline.core.speaker_names import speaker_key
from byline.store import Library

MakeDocument = Callable[..., ParsedDocument]
VERSION = "v-now"
OLD_VERSION = "v-old"


def add_quoted(
    library: Library,
    make_document: MakeDocument,
    quotes: list[tuple[str, str | None] | tuple[str, str | None, QuoteKind]],
    *,
    title: str = "Story",
    published: str | None = None,
    outlet: str | None = None,
    version: str = VERSION,
) -> tuple[int, list[Quote]]:
    """A document of one paragraph per quote, its quotes cached as ``version`` found them:
    (words, speaker) or (words, speaker, kind)."""
    paragraphs = [f"“{q[0]},” someone said." for q in quotes]
    parsed = make_document(*paragraphs, title=title, published=published, outlet=outlet)
    doc_id, _ = library.add_document(parsed)
    found: list[Quote] = []
    for q in quotes:
        words, speaker = q[0], q[1]
        kind = q[2] if len(q) == 3 else QuoteKind.DIRECT
        start = parsed.text.index(f"“{words},”")
        end = start + len(words) + 3
        found.append(Quote(start, end, parsed.text[start:end], kind, speaker, "said"))
    library.store_quotes(doc_id, version, found)
    return doc_id, found


def test_each_speaker_counts_quotes_and_documents_most_quoted_first_then_by_name(
    library: Library, make_document: MakeDocument
) -> None:
    add_quoted(
        library,
        make_document,
        [("One", "Maria Okafor"), ("Two", "Maria Okafor"), ("Three", "Ivan Petrov")],
    )
    add_quoted(
        library,
        make_document,
        [("Four", "Maria Okafor"), ("Five", "Anna Smirnova"), ("Six", "Ivan Petrov")],
        title="Another story",
    )
    index = library.speakers(VERSION)
    assert index.speakers == (
        SpeakerCount("Maria Okafor", 3, 2),
        SpeakerCount("Ivan Petrov", 2, 2),
        SpeakerCount("Anna Smirnova", 1, 1),
    )


def test_unattributed_quotes_are_counted_apart_from_the_speakers(
    library: Library, make_document: MakeDocument
) -> None:
    add_quoted(library, make_document, [("One", None), ("Two", None), ("Three", "Ivan Petrov")])
    add_quoted(library, make_document, [("Four", None)], title="Second")
    index = library.speakers(VERSION)
    assert index.speakers == (SpeakerCount("Ivan Petrov", 1, 1),)
    assert index.unattributed == SpeakerCount(None, 3, 2)
    # Both undated: by title, "Second" before "Story".
    assert [sq.quote.text for sq in library.speaker_quotes(None, VERSION)] == [
        "“Four,”",
        "“One,”",
        "“Two,”",
    ]


def test_spellings_differing_only_in_case_or_spacing_are_one_speaker(
    library: Library, make_document: MakeDocument
) -> None:
    add_quoted(library, make_document, [("One", "Maria Okafor"), ("Two", "Maria Okafor")])
    add_quoted(library, make_document, [("Three", "maria  okafor")], title="Second")
    add_quoted(library, make_document, [("Four", "Maria\nOkafor")], title="Third")
    add_quoted(library, make_document, [("Five", "Mario Okafor")], title="Fourth")
    index = library.speakers(VERSION)
    assert index.speakers == (
        SpeakerCount("Maria Okafor", 4, 3),  # the spelling most of the quotes use
        SpeakerCount("Mario Okafor", 1, 1),  # a different person, not merged
    )
    assert len(library.speaker_quotes("MARIA OKAFOR", VERSION)) == 4


def test_speaker_key_folds_case_and_spacing_only() -> None:
    assert speaker_key(" Olena\u00a0 KOVALENKO ") == "olena kovalenko"
    assert speaker_key("Stéphane Durand") != speaker_key("Stephane Durand")
    assert speaker_key("   ") is None and speaker_key(None) is None


def test_a_corrected_speaker_moves_the_quote_to_that_speaker(
    library: Library, make_document: MakeDocument
) -> None:
    doc_id, quotes = add_quoted(
        library, make_document, [("One", "Ivan Petrov"), ("Two", "Ivan Petrov"), ("Three", None)]
    )
    library.set_quote_correction(
        QuoteCorrection(doc_id, quotes[1].start, quotes[1].end, speaker="Anna Smirnova")
    )
    library.set_quote_correction(
        QuoteCorrection(doc_id, quotes[2].start, quotes[2].end, speaker="Anna Smirnova")
    )
    index = library.speakers(VERSION)
    assert index.speakers == (
        SpeakerCount("Anna Smirnova", 2, 1),
        SpeakerCount("Ivan Petrov", 1, 1),
    )
    assert index.unattributed.quotes == 0
    [moved, _] = library.speaker_quotes("Anna Smirnova", VERSION)
    assert moved.quote.speaker == "Anna Smirnova" and moved.quote.speaker_start is None


def test_not_a_quote_and_scare_quotes_are_left_out(
    library: Library, make_document: MakeDocument
) -> None:
    doc_id, quotes = add_quoted(
        library,
        make_document,
        [("One", "Ivan Petrov"), ("Two", "Ivan Petrov"), ("Nuance", None, QuoteKind.SCARE)],
    )
    library.set_quote_correction(
        QuoteCorrection(doc_id, quotes[0].start, quotes[0].end, not_a_quote=True)
    )
    index = library.speakers(VERSION)
    assert index.speakers == (SpeakerCount("Ivan Petrov", 1, 1),)
    assert index.unattributed == SpeakerCount(None, 0, 0)
    assert [sq.quote.text for sq in library.speaker_quotes("Ivan Petrov", VERSION)] == ["“Two,”"]
    assert library.speaker_quotes(None, VERSION) == []


def test_quotes_cached_by_another_extractor_version_do_not_count(
    library: Library, make_document: MakeDocument
) -> None:
    current, _ = add_quoted(library, make_document, [("One", "Ivan Petrov")])
    stale, _ = add_quoted(
        library, make_document, [("Two", "Ivan Petrov")], title="Old", version=OLD_VERSION
    )
    assert library.speakers(VERSION).speakers == (SpeakerCount("Ivan Petrov", 1, 1),)
    assert [sq.document_id for sq in library.speaker_quotes("Ivan Petrov", VERSION)] == [current]
    assert library.documents_without_quotes(VERSION) == [stale]


def test_documents_without_quotes_are_those_never_read_or_read_by_an_older_version(
    library: Library, make_document: MakeDocument
) -> None:
    never, _ = library.add_document(make_document("Not opened yet.", title="Never"))
    stale, _ = add_quoted(
        library, make_document, [("Two", "Ivan Petrov")], title="Old", version=OLD_VERSION
    )
    read, _ = add_quoted(library, make_document, [("Three", "Ivan Petrov")], title="Read")
    quiet, _ = library.add_document(make_document("Nobody is quoted here.", title="Quiet"))
    library.store_quotes(quiet, VERSION, [])  # read: it just has no quotes
    assert library.documents_without_quotes(VERSION) == [never, stale]
    assert library.documents_without_quotes(OLD_VERSION) == [never, read, quiet]


def test_speaker_quotes_come_with_their_document_newest_document_first_in_text_order(
    library: Library, make_document: MakeDocument
) -> None:
    older, _ = add_quoted(
        library,
        make_document,
        [("First", "Ivan Petrov"), ("Second", "Ivan Petrov")],
        title="Older",
        published="2022-03-01",
        outlet="Gazette",
    )
    undated, _ = add_quoted(library, make_document, [("Undated", "Ivan Petrov")], title="Notes")
    newer, _ = add_quoted(
        library,
        make_document,
        [("Other", "Anna Smirnova"), ("Third", "Ivan Petrov")],
        title="Newer",
        published="2023-01-15",
    )
    found = library.speaker_quotes("Ivan Petrov", VERSION)
    assert [(sq.document_id, sq.quote.text) for sq in found] == [
        (newer, "“Third,”"),
        (older, "“First,”"),
        (older, "“Second,”"),
        (undated, "“Undated,”"),
    ]
    first_older = found[1]
    assert (first_older.title, first_older.outlet, first_older.published) == (
        "Older",
        "Gazette",
        "2022-03-01",
    )
    text = library.get_document(older).text
    assert text[first_older.quote.start : first_older.quote.end] == "“First,”"
    assert first_older.quote.kind is QuoteKind.DIRECT and first_older.quote.cue == "said"


def test_speaker_quotes_agree_with_the_corrections_the_quotes_tab_applies(
    library: Library, make_document: MakeDocument
) -> None:
    """The store applies corrections in SQL; the Quotes tab through apply_corrections. A
    reader must see the same speakers in both."""
    doc_id, quotes = add_quoted(
        library,
        make_document,
        [
            ("One", "Ivan Petrov"),
            ("Two", "Ivan Petrov"),
            ("Three", None),
            ("Four", "Anna Smirnova"),
            ("Five", "Anna Smirnova", QuoteKind.INDIRECT),
            ("Term", None, QuoteKind.SCARE),
        ],
    )
    corrections = [
        QuoteCorrection(doc_id, quotes[0].start, quotes[0].end, not_a_quote=True),
        QuoteCorrection(doc_id, quotes[2].start, quotes[2].end, speaker="Ivan Petrov"),
        QuoteCorrection(doc_id, quotes[3].start, quotes[3].end, speaker="Ivan Petrov"),
        QuoteCorrection(doc_id, quotes[5].start, quotes[5].end, speaker="Ivan Petrov"),
        QuoteCorrection(doc_id, 0, 1, speaker="Nobody"),  # matches no quote: ignored
    ]
    for c in corrections:
        library.set_quote_correction(c)
    cached = library.cached_quotes(doc_id, VERSION)
    assert cached is not None
    expected = [
        q
        for q in apply_corrections(cached, library.quote_corrections(doc_id))
        if q.kind is not QuoteKind.SCARE
    ]
    names = [s.name for s in library.speakers(VERSION).speakers]
    assert names == ["Ivan Petrov", "Anna Smirnova"]
    shown = [sq.quote for name in [*names, None] for sq in library.speaker_quotes(name, VERSION)]
    assert sorted(shown, key=lambda q: q.start) == expected


def test_removing_a_document_removes_its_speakers(
    library: Library, make_document: MakeDocument
) -> None:
    doc_id, _ = add_quoted(library, make_document, [("One", "Ivan Petrov")])
    add_quoted(library, make_document, [("Two", "Anna Smirnova")], title="Kept")
    library.delete_document(doc_id)
    assert library.speakers(VERSION).speakers == (SpeakerCount("Anna Smirnova", 1, 1),)
