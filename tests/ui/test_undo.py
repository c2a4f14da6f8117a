"""Undo and redo through the window's QUndoStack: each restores what the library stores."""

from __future__ import annotations

from collections.abc import Callable

from pytestqt.qtbot import QtBot

from byline.core.model import ParsedDocument
from byline.store import Library
from byline.ui.main_window import MainWindow

WindowFactory = Callable[[], MainWindow]
Article = Callable[..., ParsedDocument]


def test_undo_and_redo_of_creating_a_highlight(
    qtbot: QtBot, make_window: WindowFactory, library: Library, article: Article
) -> None:
    doc_id, _ = library.add_document(article())
    window = make_window()
    window.open_document(doc_id)
    start = window.document.text.index("commander")  # type: ignore[union-attr]
    window.reader.select_span(start, start + 9)
    window.highlight_action.trigger()
    (created,) = library.highlights(doc_id)

    window.undo_action.trigger()
    assert library.highlights(doc_id) == []
    assert window.highlights_panel.model.rowCount() == 0

    window.redo_action.trigger()
    (again,) = library.highlights(doc_id)
    assert (again.id, again.start, again.end) == (created.id, created.start, created.end)
    assert window.highlights_panel.model.rowCount() == 1


def test_undo_of_delete_brings_back_the_same_highlight_with_its_note(
    qtbot: QtBot, make_window: WindowFactory, library: Library, article: Article
) -> None:
    doc_id, _ = library.add_document(article())
    text = article().text
    hl = library.add_highlight(doc_id, text.index("shell"), text.index("shell") + 5, note="n1")
    window = make_window()
    window.open_document(doc_id)
    window.highlights_panel.select_highlight(hl.id)
    window.highlights_panel.delete_button.click()
    assert library.highlights(doc_id) == []

    window.undo_action.trigger()
    (back,) = library.highlights(doc_id)
    assert (back.id, back.note, back.start) == (hl.id, "n1", hl.start)

    window.redo_action.trigger()
    assert library.highlights(doc_id) == []


def test_undo_of_colour_note_and_tag_edits(
    qtbot: QtBot, make_window: WindowFactory, library: Library, article: Article
) -> None:
    doc_id, _ = library.add_document(article())
    text = article().text
    hl = library.add_highlight(doc_id, text.index("shell"), text.index("shell") + 5)
    window = make_window()
    window.open_document(doc_id)
    panel = window.highlights_panel
    panel.select_highlight(hl.id)

    panel.color_buttons["orange"].click()
    panel.note_edit.setPlainText("ask about dates")
    panel.note_edit.flush()
    panel.tags_edit.setText("followup")
    panel.tags_edit.editingFinished.emit()
    now = library.get_highlight(hl.id)
    assert (now.color, now.note, now.tags) == ("orange", "ask about dates", ("followup",))

    window.undo_action.trigger()
    assert library.get_highlight(hl.id).tags == ()
    window.undo_action.trigger()
    assert library.get_highlight(hl.id).note == ""
    assert panel.note_edit.toPlainText() == ""
    window.undo_action.trigger()
    assert library.get_highlight(hl.id).color == "yellow"
    window.redo_action.trigger()
    assert library.get_highlight(hl.id).color == "orange"


def test_undo_of_a_document_note_edit_restores_the_editor_too(
    qtbot: QtBot, make_window: WindowFactory, library: Library, article: Article
) -> None:
    doc_id, _ = library.add_document(article())
    window = make_window()
    window.open_document(doc_id)
    editor = window.notes_panel.editor
    editor.setPlainText("first thoughts")
    editor.flush()
    editor.setPlainText("first thoughts, then more")
    editor.flush()
    assert library.get_note(doc_id) == "first thoughts, then more"

    window.undo_action.trigger()
    assert library.get_note(doc_id) == "first thoughts"
    assert editor.toPlainText() == "first thoughts"
    window.redo_action.trigger()
    assert editor.toPlainText() == "first thoughts, then more"
