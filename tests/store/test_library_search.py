"""Full-text search: in sync with every write, ranked, with snippets, and safe for any query."""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path

import pytest

from byline.core.errors import LibraryError
from byline.core.model import HitKind, ParsedDocument, SearchHit
from byline.store import Library
from byline.store import library as library_module

MakeDocument = Callable[..., ParsedDocument]


def kinds(hits: list[SearchHit]) -> list[tuple[HitKind, int]]:
    return [(h.kind, h.document_id) for h in hits]


def test_new_document_is_found_by_a_word_of_its_text(
    library: Library, make_document: MakeDocument
) -> None:
    doc_id, _ = library.add_document(
        make_document("Intro.", "The harbour was closed by the strike.", title="Ports")
    )
    [hit] = library.search("harbour")
    assert (hit.kind, hit.document_id, hit.title) == (HitKind.DOCUMENT, doc_id, "Ports")
    assert "[harbour]" in hit.snippet
    text = library.get_document(doc_id).text
    assert hit.start == text.index("harbour")


def test_deleted_document_is_no_longer_found(library: Library, make_document: MakeDocument) -> None:
    doc_id, _ = library.add_document(make_document("A unique zebra crossing."))
    library.add_highlight(doc_id, 9, 14, note="zebra note")
    library.set_note(doc_id, "zebra in the note")
    library.delete_document(doc_id)
    assert library.search("zebra") == []


def test_title_match_ranks_before_a_text_match(
    library: Library, make_document: MakeDocument
) -> None:
    library.add_document(
        make_document("Ministers met on Tuesday to talk about budgets.", title="Budget talks")
    )
    titled, _ = library.add_document(
        make_document("A long day of negotiation in the capital.", title="Pension reform")
    )
    library.add_document(make_document("Nobody mentioned the pension once.", title="Weather"))
    hits = library.search("pension")
    assert hits[0].document_id == titled
    assert [h.rank for h in hits] == sorted(h.rank for h in hits)


def test_highlight_and_its_note_are_searchable_and_follow_edits(
    library: Library, make_document: MakeDocument
) -> None:
    doc_id, _ = library.add_document(make_document("The mayor denied everything on Friday."))
    hl = library.add_highlight(doc_id, 4, 9, note="check with spokesperson")
    [hit] = library.search("spokesperson")
    assert (hit.kind, hit.highlight_id, hit.start) == (HitKind.HIGHLIGHT, hl.id, 4)
    library.update_highlight(hl.id, note="ask the press office")
    assert library.search("spokesperson") == []
    assert [h.highlight_id for h in library.search("press office")] == [hl.id]
    library.delete_highlight(hl.id)
    assert library.search("press") == []


def test_document_note_is_searchable_and_follows_edits(
    library: Library, make_document: MakeDocument
) -> None:
    doc_id, _ = library.add_document(make_document("Nothing to see."))
    library.set_note(doc_id, "Follow up with the auditor")
    [hit] = library.search("auditor")
    assert (hit.kind, hit.document_id) == (HitKind.NOTE, doc_id)
    assert "[auditor]" in hit.snippet
    library.set_note(doc_id, "")
    assert library.search("auditor") == []
    library.set_note(doc_id, "auditor again")
    assert kinds(library.search("auditor")) == [(HitKind.NOTE, doc_id)]


def test_hits_of_all_kinds_are_merged(library: Library, make_document: MakeDocument) -> None:
    doc_id, _ = library.add_document(make_document("The refinery fire spread."))
    library.add_highlight(doc_id, 4, 12)
    library.set_note(doc_id, "refinery owner?")
    assert {h.kind for h in library.search("refinery")} == set(HitKind)
    assert len(library.search("refinery", limit=2)) == 2


def test_quoted_phrase_must_match_as_a_phrase(
    library: Library, make_document: MakeDocument
) -> None:
    together, _ = library.add_document(make_document("The central bank raised rates."))
    library.add_document(make_document("The bank in the central square."))
    assert [h.document_id for h in library.search('"central bank"')] == [together]
    assert len(library.search("central bank")) == 2


def test_star_searches_by_prefix(library: Library, make_document: MakeDocument) -> None:
    doc_id, _ = library.add_document(make_document("A journalist asked."))
    assert [h.document_id for h in library.search("journ*")] == [doc_id]
    assert library.search("journ") == []


def test_apostrophe_and_accents_in_queries(library: Library, make_document: MakeDocument) -> None:
    doc_id, _ = library.add_document(
        make_document("Putin's war reached Kramatorsk. Café owners fled.")
    )
    assert [h.document_id for h in library.search("Putin's war")] == [doc_id]
    assert [h.document_id for h in library.search("cafe")] == [doc_id]


def test_all_terms_must_match(library: Library, make_document: MakeDocument) -> None:
    library.add_document(make_document("Only apples here."))
    assert library.search("apples oranges") == []


@pytest.mark.parametrize(
    "query",
    [
        '"',
        '""',
        "AND",
        "OR NOT",
        "*",
        "NEAR(",
        "col:x",
        "title:war",
        "a OR",
        "(",
        ")",
        "^",
        "-",
        "+war",
        "war*)",
        '"unbalanced phrase',
        "NEAR(a b, 3)",
        "{title}: x",
        "   ",
        "",
        "'",
        "\\",
        "%",
        "war AND",
        "\x00",
    ],
)
def test_hostile_query_never_raises(
    library: Library, make_document: MakeDocument, query: str
) -> None:
    library.add_document(make_document("AND the war went on; col x NEAR the title.", title="war"))
    hits = library.search(query)
    assert isinstance(hits, list)


def test_operator_words_are_searched_literally(
    library: Library, make_document: MakeDocument
) -> None:
    doc_id, _ = library.add_document(make_document("Rock and roll, near the end, or not."))
    library.add_document(make_document("Something else entirely."))
    assert [h.document_id for h in library.search("AND")] == [doc_id]
    assert [h.document_id for h in library.search("NEAR(")] == [doc_id]


def test_title_only_match_has_no_position_in_text(
    library: Library, make_document: MakeDocument
) -> None:
    library.add_document(make_document("Body text without the word.", title="Elections"))
    [hit] = library.search("elections")
    assert hit.start is None


def test_search_survives_reopening(library_path: Path, make_document: MakeDocument) -> None:
    with Library.open(library_path) as lib:
        lib.add_document(make_document("The glacier retreated."))
    with Library.open(library_path) as lib:
        assert len(lib.search("glacier")) == 1


def test_search_indexes_stay_sound_through_every_kind_of_edit(
    library: Library, make_document: MakeDocument
) -> None:
    doc_id, _ = library.add_document(make_document("Harbour strike enters third week."))
    other_id, _ = library.add_document(make_document("Ferry timetable changes."))
    library.set_note(doc_id, "first draft of the note")
    library.set_note(doc_id, "second draft of the note")
    library.set_note(other_id, "ferry note")
    library.set_note(other_id, "")
    hl = library.add_highlight(doc_id, 0, 7, note="old comment")
    library.update_highlight(hl.id, note="new comment", color="red")
    library.mark_opened(doc_id)
    library.restore_highlight(library.delete_highlight(hl.id))
    library.add_highlight(other_id, 0, 5, note="will go with its document")
    library.delete_document(other_id)
    assert library.integrity_ok()
    assert library.search("first") == []
    assert [h.kind for h in library.search("second draft")] == [HitKind.NOTE]
    assert library.search("old comment") == []
    assert library.search("ferry") == []


def test_integrity_check_notices_a_search_index_out_of_step(
    library: Library, make_document: MakeDocument
) -> None:
    doc_id, _ = library.add_document(make_document("Words in the index."))
    library.db.execute(
        "INSERT INTO documents_fts(documents_fts, rowid, title, text)"
        " VALUES ('delete', ?, 'Untitled', 'Words in the index.')",
        [doc_id],
    )
    assert not library.integrity_ok()


def test_snippet_is_a_short_window_around_the_first_match(
    library: Library, make_document: MakeDocument
) -> None:
    filler = " ".join(f"word{i}" for i in range(200))
    library.add_document(make_document(filler, f"Then the tribunal ruled. {filler}"))
    [hit] = library.search("tribunal")
    assert hit.snippet.startswith("…") and hit.snippet.endswith("…")
    assert "[tribunal]" in hit.snippet
    assert "\n" not in hit.snippet
    assert len(hit.snippet.split()) <= 14


def test_match_found_only_through_stemming_still_gets_a_marked_snippet(
    library: Library, make_document: MakeDocument
) -> None:
    library.add_document(make_document("The harbour closed."))
    [hit] = library.search("harbours")
    assert "[harbour]" in hit.snippet
    assert hit.start is None  # no literal "harbours" in the text to scroll to


def test_very_common_query_ranks_recent_documents_and_older_title_matches(
    library: Library, make_document: MakeDocument, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(library_module, "MAX_RANKED", 3)
    old_titled, _ = library.add_document(make_document("the strike went on", title="Strike"))
    old_plain, _ = library.add_document(make_document("a strike, they said"))
    newer = [library.add_document(make_document(f"strike day {i}"))[0] for i in range(4)]
    hits = library.search("strike")
    ids = [h.document_id for h in hits]
    assert ids[0] == old_titled
    assert old_plain not in ids  # older than the newest three and no title match
    assert set(newer[-3:]) <= set(ids)


def test_very_common_query_ignores_titles_when_they_all_match(
    library: Library, make_document: MakeDocument, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(library_module, "MAX_RANKED", 2)
    ids = [
        library.add_document(make_document(f"vote number {i}", title=f"Vote {i}"))[0]
        for i in range(6)
    ]
    assert {h.document_id for h in library.search("vote")} == set(ids[-2:])


def test_a_search_interrupted_from_another_thread_stops_and_the_next_one_runs(
    library: Library, make_document: MakeDocument
) -> None:
    # Enough matches that the paused statement still has rows to step through afterwards
    # (SQLite looks at the interruption between rows).
    library.add_documents(
        make_document(f"The war in the east, part {n}.", title=f"East {n}") for n in range(60)
    )
    running, interrupted = threading.Event(), threading.Event()
    opened: list[Library] = []
    outcome: list[object] = []
    steps = [0]

    def pause_once() -> int:
        # SQLite calls this at every step of the search's statements: hold one step, well
        # inside the ranking query (the first steps are FTS5's own set-up queries), until the
        # other thread has interrupted it.
        steps[0] += 1
        if steps[0] == 300:
            running.set()
            interrupted.wait(10)
        return 0

    def search() -> None:  # as a worker does: its own connection, in its own thread
        with Library.open(library.path) as own:
            opened.append(own)
            own.db.conn.set_progress_handler(pause_once, 1)
            try:
                outcome.append(own.search("war"))
            except LibraryError as exc:
                outcome.append(exc)
            own.db.conn.set_progress_handler(None, 1)
            outcome.append(len(own.search("war", limit=100)))

    worker = threading.Thread(target=search)
    worker.start()
    assert running.wait(10)
    opened[0].interrupt()
    interrupted.set()
    worker.join(10)
    error, after = outcome
    assert isinstance(error, LibraryError) and "stopped" in str(error)
    assert after == 60
