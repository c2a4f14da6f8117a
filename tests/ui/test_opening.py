"""Opening a document from the library or after an import: read and rendered on a worker, shown
when ready; only the document asked for last is shown."""

from __future__ import annotations

from collections.abc import Callable
from contextlib import AbstractContextManager

from PySide6.QtCore import Qt, QThreadPool
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from byline.core.model import ParsedDocument
from byline.store import Library
from byline.ui.main_window import MainWindow

WindowFactory = Callable[[], MainWindow]
Article = Callable[..., ParsedDocument]
WorkersHeld = Callable[[], AbstractContextManager[None]]


def settle(qtbot: QtBot, window: MainWindow) -> None:
    qtbot.waitUntil(lambda: not window.opening)
    QThreadPool.globalInstance().waitForDone(10_000)
    QApplication.processEvents()  # any late answer would arrive here


def test_a_document_chosen_in_the_library_is_read_and_rendered_off_the_gui_thread(
    qtbot: QtBot,
    make_window: WindowFactory,
    library: Library,
    article: Article,
    workers_occupied: WorkersHeld,
) -> None:
    doc_id, _ = library.add_document(article(title="Chosen one"))
    other, _ = library.add_document(article(title="Other", extra_paragraphs=1))
    library.mark_opened(other)
    window = make_window()
    pane = window.library_pane
    qtbot.waitUntil(lambda: pane.documents.rowCount() == 2)
    rows = pane.document_list
    rect = rows.visualRect(pane.documents.index(pane.documents.row_of(doc_id), 0))
    with workers_occupied():
        qtbot.mouseClick(rows.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        # No worker could run: the GUI thread neither read nor rendered it.
        assert window.opening and window.document is None
    qtbot.waitUntil(lambda: window.document is not None)
    assert window.document is not None and window.document.id == doc_id
    assert window.reader.document().firstBlock().text() == "Chosen one"
    assert window.windowTitle() == "Chosen one — Byline"
    assert not window.opening
    assert library.list_documents(sort="opened")[0].id == doc_id  # the worker noted it


def test_only_the_document_asked_for_last_is_shown(
    qtbot: QtBot,
    make_window: WindowFactory,
    library: Library,
    article: Article,
    workers_occupied: WorkersHeld,
) -> None:
    first, _ = library.add_document(article(title="First"))
    second, _ = library.add_document(article(title="Second", extra_paragraphs=1))
    third, _ = library.add_document(article(title="Third", extra_paragraphs=2))
    window = make_window()
    with workers_occupied():
        window.open_document_soon(first)
        window.open_document_soon(second)
    settle(qtbot, window)
    assert window.document is not None and window.document.id == second

    with workers_occupied():
        window.open_document_soon(first)
        window.open_document(third)  # opened at once, after: it wins
    settle(qtbot, window)
    assert window.document is not None and window.document.id == third
    assert window.reader.document().firstBlock().text() == "Third"


def test_a_document_removed_before_it_is_read_leaves_the_window_as_it_was(
    qtbot: QtBot,
    make_window: WindowFactory,
    library: Library,
    article: Article,
    workers_occupied: WorkersHeld,
) -> None:
    keep, _ = library.add_document(article(title="Kept"))
    gone, _ = library.add_document(article(title="Gone", extra_paragraphs=1))
    window = make_window()
    window.open_document(keep)
    with workers_occupied():
        window.open_document_soon(gone)
        library.delete_document(gone)
    settle(qtbot, window)
    assert window.document is not None and window.document.id == keep
    assert "not in the library" in window.statusBar().currentMessage()


def test_a_worker_opening_the_library_leaves_the_days_backup_to_the_window(
    library: Library, article: Article
) -> None:
    from byline.store.backups import backups_dir_for, list_backups
    from byline.ui.workers import QuotesTask

    doc_id, _ = library.add_document(article())  # no backup yet: one is due
    QuotesTask(library.path, doc_id).run()  # as the worker pool runs it, on this thread
    assert list_backups(backups_dir_for(library.path)) == []
