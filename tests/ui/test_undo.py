"""Undo and redo through the window's QUndoStack: each restores what the library stores."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
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
    window.highlights_panel.row_menu(hl).actions()[-1].trigger()  # Delete highlight
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
    window.show_tab(1)
    panel = window.highlights_panel
    panel.edit_note(hl.id)
    editor = panel.editor
    assert editor is not None

    editor.color_buttons["orange"].click()
    editor.note_edit.setPlainText("ask about dates")
    editor.note_edit.flush()
    editor.tags_edit.setText("followup")
    editor.tags_edit.editingFinished.emit()
    now = library.get_highlight(hl.id)
    assert (now.color, now.note, now.tags) == ("orange", "ask about dates", ("followup",))

    window.undo_action.trigger()
    assert library.get_highlight(hl.id).tags == ()
    assert editor.tags_edit.text() == ""
    window.undo_action.trigger()
    assert library.get_highlight(hl.id).note == ""
    assert panel.editor is editor and editor.note_edit.toPlainText() == ""
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


def test_undo_of_a_speaker_correction_brings_back_the_extracted_speaker(
    qtbot: QtBot,
    make_window: WindowFactory,
    library: Library,
    article: Article,
    wait_for_quotes: Callable[[MainWindow], None],
) -> None:
    doc_id, _ = library.add_document(article())
    window = make_window()
    window.open_document(doc_id)
    wait_for_quotes(window)
    ivan = next(q for q in window.quotes if q.speaker == "Ivan Petrov")
    window.correct_speaker(ivan, "Pyotr Ivanov")
    window.correct_speaker(ivan, "Pavel Ivanov")
    assert [c.speaker for c in library.quote_corrections(doc_id)] == ["Pavel Ivanov"]

    window.reader.setFocus()
    qtbot.keyClick(window.reader, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert [c.speaker for c in library.quote_corrections(doc_id)] == ["Pyotr Ivanov"]
    window.undo_action.trigger()
    assert library.quote_corrections(doc_id) == []
    assert any(q.speaker == "Ivan Petrov" for q in window.quotes)
    assert any(q.speaker == "Ivan Petrov" for q in window.quotes_panel.model.items)

    shift_ctrl = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    qtbot.keyClick(window.reader, Qt.Key.Key_Z, shift_ctrl)
    assert [c.speaker for c in library.quote_corrections(doc_id)] == ["Pyotr Ivanov"]
    assert not any(q.speaker == "Ivan Petrov" for q in window.quotes)


def test_undo_of_not_a_quote_lists_the_quote_again_with_its_earlier_correction(
    qtbot: QtBot,
    make_window: WindowFactory,
    library: Library,
    article: Article,
    wait_for_quotes: Callable[[MainWindow], None],
) -> None:
    doc_id, _ = library.add_document(article())
    window = make_window()
    window.open_document(doc_id)
    wait_for_quotes(window)
    anna = next(q for q in window.quotes if q.speaker == "Anna Smirnova")
    window.correct_speaker(anna, "Anna S. Smirnova")
    renamed = next(q for q in window.quotes if q.speaker == "Anna S. Smirnova")
    window.mark_not_a_quote(renamed)
    assert not any("never our war" in q.text for q in window.quotes_panel.model.items)

    window.undo_action.trigger()
    (correction,) = library.quote_corrections(doc_id)
    assert (correction.speaker, correction.not_a_quote) == ("Anna S. Smirnova", False)
    assert any(q.speaker == "Anna S. Smirnova" for q in window.quotes_panel.model.items)


def test_undo_of_document_tags_restores_the_library_and_the_tags_field(
    qtbot: QtBot, make_window: WindowFactory, library: Library, article: Article
) -> None:
    doc_id, _ = library.add_document(article())
    window = make_window()
    window.open_document(doc_id)
    field = window.notes_panel.tags_edit
    field.setText("ukraine")
    field.editingFinished.emit()
    field.setText("ukraine, army, Army")
    field.editingFinished.emit()
    assert library.get_document(doc_id).tags == ("army", "ukraine")

    window.undo_action.trigger()
    assert library.get_document(doc_id).tags == ("ukraine",)
    assert field.text() == "ukraine"
    window.undo_action.trigger()
    assert library.get_document(doc_id).tags == ()
    assert field.text() == ""
    window.redo_action.trigger()
    window.redo_action.trigger()
    assert field.text() == "ukraine, army"  # as stored: the repeat is dropped
    pane = window.library_pane
    qtbot.waitUntil(lambda: pane.tag_combo.findData("army") >= 0)
