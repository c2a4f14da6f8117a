"""The document note is saved as you type, on leaving the editor, on switching documents, and
survives a restart."""

from __future__ import annotations

from collections.abc import Callable

from pytestqt.qtbot import QtBot

from byline.core.model import ParsedDocument
from byline.store import Library
from byline.ui.main_window import MainWindow
from byline.ui.notes_panel import parse_tags

WindowFactory = Callable[[], MainWindow]
Article = Callable[..., ParsedDocument]


def test_note_is_saved_while_typing_and_shown_after_restart(
    qtbot: QtBot, make_window: WindowFactory, library: Library, article: Article
) -> None:
    doc_id, _ = library.add_document(article())
    window = make_window()
    window.open_document(doc_id)
    window.show_tab(2)
    editor = window.notes_panel.editor
    editor.setFocus()
    qtbot.keyClicks(editor, "Call the lawyer")
    # No focus change, no close: the half-second timer alone saves it.
    qtbot.waitUntil(lambda: library.get_note(doc_id) == "Call the lawyer", timeout=5000)
    assert editor.hasFocus()
    window.close()

    reopened = make_window()
    assert reopened.document is not None and reopened.document.id == doc_id
    assert reopened.notes_panel.editor.toPlainText() == "Call the lawyer"


def test_switching_documents_saves_the_note_at_once(
    qtbot: QtBot, make_window: WindowFactory, library: Library, article: Article
) -> None:
    first, _ = library.add_document(article())
    second, _ = library.add_document(article(title="Second", extra_paragraphs=1))
    window = make_window()
    window.open_document(first)
    qtbot.keyClicks(window.notes_panel.editor, "typed just now")
    window.open_document(second)  # before the timer fires
    assert library.get_note(first) == "typed just now"
    assert window.notes_panel.editor.toPlainText() == ""


def test_closing_the_window_saves_a_note_typed_a_moment_ago(
    qtbot: QtBot, make_window: WindowFactory, library: Library, article: Article
) -> None:
    doc_id, _ = library.add_document(article())
    window = make_window()
    window.open_document(doc_id)
    qtbot.keyClicks(window.notes_panel.editor, "last words")
    window.close()
    assert library.get_note(doc_id) == "last words"


def test_document_tags_filter_the_library(
    qtbot: QtBot, make_window: WindowFactory, library: Library, article: Article
) -> None:
    first, _ = library.add_document(article())
    library.add_document(article(title="Second", extra_paragraphs=1))
    window = make_window()
    window.open_document(first)
    window.notes_panel.tags_edit.setText("ukraine, army")
    window.notes_panel.tags_edit.editingFinished.emit()
    assert set(library.get_document(first).tags) == {"ukraine", "army"}

    pane = window.library_pane
    qtbot.waitUntil(lambda: pane.tag_combo.findData("army") >= 0)  # listed off the GUI thread
    pane.tag_combo.setCurrentIndex(pane.tag_combo.findData("army"))
    qtbot.waitUntil(lambda: [d.id for d in pane.documents.items] == [first])
    assert pane.count_label.text() == "1 document tagged #army"


def test_tags_are_read_from_the_field_as_the_library_stores_them() -> None:
    assert parse_tags("#War,  peace   talks, war, , #") == ("War", "peace talks")
