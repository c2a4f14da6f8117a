"""Searching the library (opens the document at the hit) and finding in the document."""

from __future__ import annotations

from collections.abc import Callable
from contextlib import AbstractContextManager

import pytest
from PySide6.QtCore import Qt, QThreadPool
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from byline.core.model import ParsedDocument
from byline.store import Library
from byline.ui.main_window import MainWindow

WindowFactory = Callable[[], MainWindow]
Article = Callable[..., ParsedDocument]
WorkersHeld = Callable[[], AbstractContextManager[None]]


def test_search_results_show_snippets_and_open_the_document_at_the_hit(
    qtbot: QtBot, make_window: WindowFactory, library: Library, article: Article
) -> None:
    library.add_document(article(title="Unrelated", extra_paragraphs=2))
    target = article(title="Target piece", extra_paragraphs=80)
    doc_id, _ = library.add_document(
        ParsedDocument(
            text=target.text.replace("Anna Smirnova", "Anna Zabolotnaya"),
            blocks=target.blocks,
            title=target.title,
            format="text",
        )
    )
    window = make_window()
    pane = window.library_pane
    qtbot.keyClicks(pane.search_edit, "Zabolotnaya")
    qtbot.waitUntil(lambda: pane.hits.rowCount() > 0, timeout=5000)
    assert pane.stack.currentWidget() is pane.hit_list
    row_text = pane.hits.index(0, 0).data()
    assert "Target piece" in row_text and "«Zabolotnaya»" in row_text

    rect = pane.hit_list.visualRect(pane.hits.index(0, 0))
    qtbot.mouseClick(pane.hit_list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.waitUntil(lambda: not window.opening)  # read and rendered on a worker
    assert window.document is not None and window.document.id == doc_id
    hit_offset = window.document.text.index("Zabolotnaya")
    reader = window.reader
    assert reader.textCursor().position() == reader.offset_map.to_doc(hit_offset)
    assert reader.verticalScrollBar().value() > 0
    assert reader.span_is_visible(hit_offset)


def test_search_finds_highlight_notes_and_selects_the_highlight(
    qtbot: QtBot, make_window: WindowFactory, library: Library, article: Article
) -> None:
    doc_id, _ = library.add_document(article())
    text = article().text
    hl = library.add_highlight(doc_id, text.index("shell"), text.index("shell") + 5, note="verify")
    window = make_window()
    pane = window.library_pane
    pane.search_edit.setText("verify")
    pane.run_search()
    qtbot.waitUntil(lambda: pane.hits.rowCount() > 0)
    hit = pane.hits.item(0)
    pane.hitActivated.emit(hit)
    qtbot.waitUntil(lambda: not window.opening)
    assert window.highlights_panel.current is not None
    assert window.highlights_panel.current.id == hl.id


def test_search_runs_on_a_worker_with_a_busy_bar_until_its_hits_arrive(
    qtbot: QtBot,
    make_window: WindowFactory,
    library: Library,
    article: Article,
    workers_occupied: WorkersHeld,
) -> None:
    library.add_document(article(title="Alpha dispatch"))
    window = make_window()
    pane = window.library_pane
    with workers_occupied():
        pane.search_edit.setText("dispatch")
        pane.run_search()
        assert pane.searching and pane.hits.rowCount() == 0  # the GUI thread did not search
        qtbot.waitUntil(pane.search_busy.isVisible)
        assert pane.stack.currentWidget() is pane.document_list
    qtbot.waitUntil(lambda: pane.hits.rowCount() == 1)
    assert not pane.searching and not pane.search_busy.isVisible()
    assert pane.count_label.text() == "1 result"
    assert pane.stack.currentWidget() is pane.hit_list


def test_only_the_newest_search_answer_is_shown(
    qtbot: QtBot,
    make_window: WindowFactory,
    library: Library,
    article: Article,
    workers_occupied: WorkersHeld,
) -> None:
    library.add_document(article(title="Alpha dispatch"))
    library.add_document(article(title="Bravo dispatch", extra_paragraphs=1))
    window = make_window()
    pane = window.library_pane
    with workers_occupied():
        pane.search_edit.setText("alpha")
        pane.run_search()
        pane.search_edit.setText("bravo")
        pane.run_search()
    qtbot.waitUntil(lambda: not pane.searching)
    QThreadPool.globalInstance().waitForDone(10_000)
    QApplication.processEvents()  # a late answer to "alpha" would arrive here
    assert [h.title for h in pane.hits.items] == ["Bravo dispatch"]


def test_clearing_the_search_box_during_a_search_keeps_the_document_list(
    qtbot: QtBot,
    make_window: WindowFactory,
    library: Library,
    article: Article,
    workers_occupied: WorkersHeld,
) -> None:
    library.add_document(article(title="Alpha dispatch"))
    window = make_window()
    pane = window.library_pane
    qtbot.waitUntil(lambda: pane.documents.rowCount() == 1)
    with workers_occupied():
        pane.search_edit.setText("alpha")
        pane.run_search()
        pane.search_edit.clear()
        assert not pane.searching and not pane.search_busy.isVisible()
    QThreadPool.globalInstance().waitForDone(10_000)
    QApplication.processEvents()
    assert pane.stack.currentWidget() is pane.document_list
    assert pane.count_label.text() == "1 document"


def test_find_bar_counts_matches_and_steps_through_them(
    qtbot: QtBot, make_window: WindowFactory, library: Library, article: Article
) -> None:
    doc_id, _ = library.add_document(article())
    window = make_window()
    window.open_document(doc_id)
    window.reader.setFocus()
    qtbot.keyClick(window.reader, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    bar = window.find_bar
    assert bar.isVisible() and bar.field.hasFocus()
    qtbot.keyClicks(bar.field, "OFFICER")
    text = window.document.text.lower()  # type: ignore[union-attr]
    assert text.count("officer") == 4
    assert bar.count_label.text() == "1 of 4"
    qtbot.keyClick(bar.field, Qt.Key.Key_Return)
    assert bar.count_label.text() == "2 of 4"
    bar.find_previous()
    bar.find_previous()
    assert bar.count_label.text() == "4 of 4"  # wraps around
    index, _ = window.reader.find_position
    second = [i for i in range(len(text)) if text.startswith("officer", i)][index]
    assert window.reader.textCursor().position() == window.reader.offset_map.to_doc(second)

    bar.field.setText("no such words")
    assert bar.count_label.text() == "No matches"
    qtbot.keyClick(bar.field, Qt.Key.Key_Escape)
    assert not bar.isVisible()


def test_library_lists_counts_and_sorts_by_title_or_date(
    qtbot: QtBot, make_window: WindowFactory, library: Library, article: Article
) -> None:
    older = article(title="Zebra report")
    newer = article(title="Alpha report", extra_paragraphs=1)
    old_id, _ = library.add_document(
        ParsedDocument(older.text, older.blocks, older.title, "text", published="2020-01-01")
    )
    new_id, _ = library.add_document(
        ParsedDocument(newer.text, newer.blocks, newer.title, "text", published="2024-06-01")
    )
    text = older.text
    library.add_highlight(old_id, text.index("shell"), text.index("shell") + 5, note="n")
    window = make_window()
    pane = window.library_pane
    qtbot.waitUntil(lambda: pane.documents.rowCount() == 2)
    assert [d.id for d in pane.documents.items] == [new_id, old_id]  # newest first
    row = pane.documents.index(1, 0).data()
    assert row.splitlines()[0] == "Zebra report"
    assert "1 highlight · 1 note" in row

    pane.set_sort_key("title")
    qtbot.waitUntil(lambda: pane.documents.items[0].title == "Alpha report")
    pane.set_sort_key("opened")
    window.open_document(old_id)
    qtbot.waitUntil(lambda: pane.documents.items[0].id == old_id)


def test_removing_the_open_document_closes_it_and_lists_the_rest(
    qtbot: QtBot, make_window: WindowFactory, library: Library, article: Article
) -> None:
    keep, _ = library.add_document(article(title="Keep"))
    gone, _ = library.add_document(article(title="Gone", extra_paragraphs=1))
    window = make_window()
    window.open_document(gone)
    window.remove_document(gone)
    assert window.document is None
    assert window.centre.currentWidget() is window.welcome
    assert [d.id for d in library.list_documents()] == [keep]
    qtbot.waitUntil(lambda: [d.id for d in window.library_pane.documents.items] == [keep])


@pytest.mark.qt_no_exception_capture  # the worker re-raises the fault after reporting it
def test_a_fault_in_a_search_ends_it_with_a_message_instead_of_a_busy_bar(
    qtbot: QtBot,
    make_window: WindowFactory,
    library: Library,
    article: Article,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    library.add_document(article(title="Alpha dispatch"))
    window = make_window()
    pane = window.library_pane

    def broken(self: Library, query: str, limit: int = 50) -> list[object]:
        raise RuntimeError("search broke")

    monkeypatch.setattr(Library, "search", broken)
    pane.search_edit.setText("dispatch")
    pane.run_search()
    qtbot.waitUntil(lambda: not pane.searching)
    assert not pane.search_busy.isVisible()
    assert "search broke" in pane.count_label.text()
