"""Two connections writing to one library at once, as the window and its worker threads do:
each write waits for the other's lock instead of failing as busy, and none is lost."""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path

from byline.core.model import ParsedDocument, Quote, QuoteKind
from byline.store import Library

MakeDocument = Callable[..., ParsedDocument]
ROUNDS = 120


def _run_together(*jobs: Callable[[], None]) -> list[BaseException]:
    """Run the jobs in threads started at the same moment; the errors they raised."""
    barrier = threading.Barrier(len(jobs))
    errors: list[BaseException] = []

    def run(job: Callable[[], None]) -> None:
        try:
            barrier.wait()
            job()
        except BaseException as exc:  # reported in the test's thread
            errors.append(exc)

    threads = [threading.Thread(target=run, args=(job,)) for job in jobs]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return errors


def test_two_connections_writing_at_once_both_wait_their_turn_and_lose_nothing(
    library_path: Path, make_document: MakeDocument
) -> None:
    with Library.open(library_path) as lib:
        doc_id, _ = lib.add_document(make_document("A shared text to highlight.", title="Shared"))

    def window() -> None:  # the window: highlights and notes on the open document
        with Library.open(library_path) as lib:
            for i in range(ROUNDS):
                lib.add_highlight(doc_id, 0, 8, note=f"window {i}", tags=[f"w{i % 7}"])
                lib.set_note(doc_id, f"note {i}")

    def worker() -> None:  # a worker: imports, and quotes cached as they are extracted
        with Library.open(library_path) as lib:
            for i in range(ROUNDS):
                new_id, _ = lib.add_document(make_document(f"Imported text {i}.", title=f"D{i}"))
                quote = Quote(0, 8, "Imported", QuoteKind.DIRECT)
                lib.store_quotes(new_id, "v1", [quote])
                lib.add_highlight(new_id, 0, 8, note=f"worker {i}", tags=[f"k{i % 5}"])

    assert _run_together(window, worker) == []

    with Library.open(library_path) as lib:
        shared = lib.highlights(doc_id)
        assert sorted(h.note for h in shared) == sorted(f"window {i}" for i in range(ROUNDS))
        assert lib.get_note(doc_id) == f"note {ROUNDS - 1}"
        assert lib.document_count() == ROUNDS + 1
        listed = lib.list_documents(extractor_version="v1")
        imported = [d for d in listed if d.id != doc_id]
        assert all(d.quote_count == 1 and d.highlight_count == 1 for d in imported)
        assert lib.integrity_ok()


def test_a_write_while_iterating_documents_waits_for_the_other_connection(
    library_path: Path, make_document: MakeDocument
) -> None:
    """A worker caching quotes document by document while reading them one at a time keeps a
    read open on its connection; its writes must still wait for the window's, not fail."""
    with Library.open(library_path) as lib:
        ids = [
            lib.add_document(make_document(f"Text number {i}.", title=f"T{i}"))[0]
            for i in range(ROUNDS)
        ]

    def window() -> None:
        with Library.open(library_path) as lib:
            for i in range(ROUNDS):
                lib.set_note(ids[i], f"note {i}")

    def worker() -> None:
        with Library.open(library_path) as lib:
            for document in lib.iter_documents():
                lib.store_quotes(document.id, "v1", [Quote(0, 4, "Text", QuoteKind.DIRECT)])

    assert _run_together(window, worker) == []

    with Library.open(library_path) as lib:
        assert all(lib.get_note(doc_id) == f"note {i}" for i, doc_id in enumerate(ids))
        assert all(lib.cached_quotes(doc_id, "v1") for doc_id in ids)


def test_a_worker_opening_its_own_connection_per_task_waits_for_the_window(
    library_path: Path, make_document: MakeDocument
) -> None:
    """Workers open the library for each task (opening checks the schema and the daily backup)
    while the window keeps writing."""
    with Library.open(library_path) as lib:
        doc_id, _ = lib.add_document(make_document("A text the worker extracts.", title="W"))

    def window() -> None:
        with Library.open(library_path) as lib:
            for i in range(ROUNDS):
                lib.add_highlight(doc_id, 0, 6, note=f"window {i}")

    def worker() -> None:
        for i in range(ROUNDS // 4):
            with Library.open(library_path) as lib:
                lib.store_quotes(doc_id, f"v{i}", [Quote(0, 6, "A text", QuoteKind.DIRECT)])
                assert lib.integrity_ok()

    assert _run_together(window, worker) == []

    with Library.open(library_path) as lib:
        assert len(lib.highlights(doc_id)) == ROUNDS
        assert lib.cached_quotes(doc_id, f"v{ROUNDS // 4 - 1}")  # the last one stored
