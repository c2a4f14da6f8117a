"""Editing a highlight in its row of the Highlights tab: opening the row (double-click, Enter,
F2, N in the text), the note saved as it is typed, Escape, Ctrl+Enter and leaving the row."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from byline.core.model import Highlight, ParsedDocument
from byline.store import Library
from byline.ui.highlight_editor import HighlightRowEditor
from byline.ui.main_window import MainWindow

WindowFactory = Callable[[], MainWindow]
Article = Callable[..., ParsedDocument]
CTRL = Qt.KeyboardModifier.ControlModifier


def open_with_highlight(
    make_window: WindowFactory, library: Library, article: Article, note: str = ""
) -> tuple[MainWindow, Highlight]:
    doc_id, _ = library.add_document(article())
    text = article().text
    start = text.index("shell boxes")
    highlight = library.add_highlight(doc_id, start, start + len("shell boxes"), note=note)
    window = make_window()
    window.open_document(doc_id)
    window.show_tab(1)
    return window, highlight


def open_editor(window: MainWindow) -> HighlightRowEditor:
    editor = window.highlights_panel.editor
    assert editor is not None, "the row did not open into its editor"
    return editor


def test_double_click_opens_the_note_in_its_row_and_typing_is_saved_with_the_row_still_open(
    qtbot: QtBot, make_window: WindowFactory, library: Library, article: Article
) -> None:
    window, highlight = open_with_highlight(make_window, library, article)
    panel = window.highlights_panel
    rect = panel.list.visualRect(panel.model.index(0, 0))
    # A real double-click: the first click's press and release, then the double-click.
    qtbot.mouseClick(panel.list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(panel.list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())

    editor = open_editor(window)
    qtbot.waitUntil(editor.note_edit.hasFocus)
    row = panel.list.visualRect(panel.model.index(0, 0))
    assert row.contains(editor.geometry())  # in the row, which grew to hold it
    assert row.height() > rect.height()
    qtbot.keyClicks(editor.note_edit, "Ask which brigade")
    # Half a second after the last key, without leaving the editor (the laptop may die).
    qtbot.waitUntil(lambda: library.get_highlight(highlight.id).note == "Ask which brigade")
    assert panel.editor is editor and editor.note_edit.hasFocus()
    qtbot.keyClicks(editor.note_edit, " and when")
    qtbot.waitUntil(lambda: library.get_highlight(highlight.id).note.endswith("and when"))
    assert editor.note_edit.toPlainText() == "Ask which brigade and when"


def test_enter_and_f2_on_a_row_open_its_editor_and_ctrl_enter_saves_and_closes_it(
    qtbot: QtBot, make_window: WindowFactory, library: Library, article: Article
) -> None:
    window, highlight = open_with_highlight(make_window, library, article)
    panel = window.highlights_panel
    panel.select_highlight(highlight.id)
    panel.list.setFocus()
    qtbot.keyClick(panel.list, Qt.Key.Key_Return)
    editor = open_editor(window)
    reader = window.reader
    assert reader.textCursor().position() == reader.offset_map.to_doc(highlight.start)
    qtbot.waitUntil(editor.note_edit.hasFocus)
    qtbot.keyClicks(editor.note_edit, "Check the date")
    qtbot.keyClick(editor.note_edit, Qt.Key.Key_Return, CTRL)

    assert library.get_highlight(highlight.id).note == "Check the date"
    assert panel.editor is None
    assert panel.list.hasFocus()  # back where it was opened: the next row is one key away
    assert "Check the date" in panel.model.index(0, 0).data()

    qtbot.keyClick(panel.list, Qt.Key.Key_F2)
    editor = open_editor(window)
    assert editor.note_edit.toPlainText() == "Check the date"


def test_escape_puts_the_note_back_and_leaves_no_undo_step(
    qtbot: QtBot, make_window: WindowFactory, library: Library, article: Article
) -> None:
    window, highlight = open_with_highlight(make_window, library, article, note="First thought")
    steps = window.session.undo_stack.count()
    panel = window.highlights_panel
    assert panel.edit_note(highlight.id)
    editor = open_editor(window)
    qtbot.keyClicks(editor.note_edit, ", then a second")
    qtbot.waitUntil(lambda: library.get_highlight(highlight.id).note.endswith("second"))

    qtbot.keyClick(editor.note_edit, Qt.Key.Key_Escape)
    assert library.get_highlight(highlight.id).note == "First thought"
    assert panel.editor is None
    assert window.session.undo_stack.count() == steps
    assert "First thought" in panel.model.index(0, 0).data()


def test_n_on_an_existing_highlight_opens_its_row_and_ctrl_enter_returns_to_the_text(
    qtbot: QtBot, make_window: WindowFactory, library: Library, article: Article
) -> None:
    window, highlight = open_with_highlight(make_window, library, article)
    window.show_tab(0)
    window.reader.select_span(highlight.start, highlight.end)
    window.reader.setFocus()
    qtbot.keyClick(window.reader, Qt.Key.Key_N)

    assert [h.id for h in library.highlights(highlight.document_id)] == [highlight.id]
    assert window.sidebar.currentIndex() == 1
    editor = open_editor(window)
    qtbot.waitUntil(editor.note_edit.hasFocus)
    qtbot.keyClicks(editor.note_edit, "Two weeks or three?")
    qtbot.keyClick(editor.note_edit, Qt.Key.Key_Enter, CTRL)
    assert library.get_highlight(highlight.id).note == "Two weeks or three?"
    assert window.reader.hasFocus()


def test_n_with_the_caret_in_a_highlight_opens_its_note(
    qtbot: QtBot, make_window: WindowFactory, library: Library, article: Article
) -> None:
    window, highlight = open_with_highlight(make_window, library, article, note="old")
    cursor = window.reader.textCursor()
    cursor.setPosition(window.reader.offset_map.to_doc(highlight.start + 3))
    window.reader.setTextCursor(cursor)
    window.reader.setFocus()
    qtbot.keyClick(window.reader, Qt.Key.Key_N)
    editor = open_editor(window)
    assert editor.highlight_id == highlight.id
    assert editor.note_edit.toPlainText() == "old"
    assert len(library.highlights(highlight.document_id)) == 1


def test_choosing_another_row_saves_the_open_one_and_closes_it(
    qtbot: QtBot, make_window: WindowFactory, library: Library, article: Article
) -> None:
    window, first = open_with_highlight(make_window, library, article)
    text = article().text
    lawyer = text.index("lawyer")
    second = library.add_highlight(first.document_id, lawyer, lawyer + 6)
    window.open_document(first.document_id)
    window.show_tab(1)
    panel = window.highlights_panel
    assert panel.edit_note(first.id)
    qtbot.keyClicks(open_editor(window).note_edit, "typed a moment ago")

    rect = panel.list.visualRect(panel.model.index(panel.model.row_of(second.id), 0))
    qtbot.mouseClick(panel.list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert library.get_highlight(first.id).note == "typed a moment ago"
    assert panel.editor is None
    assert panel.current is not None and panel.current.id == second.id


def test_a_row_shows_its_whole_note_wrapped_and_its_tags(
    qtbot: QtBot, make_window: WindowFactory, library: Library, article: Article
) -> None:
    long_note = "Called the ministry twice. " * 12 + "\nSecond line: no answer yet."
    doc_id, _ = library.add_document(article())
    text = article().text
    plain = library.add_highlight(doc_id, text.index("shell"), text.index("shell") + 5)
    noted = library.add_highlight(
        doc_id, text.index("lawyer"), text.index("lawyer") + 6, note=long_note, tags=("army",)
    )
    window = make_window()
    window.open_document(doc_id)
    window.show_tab(1)
    panel = window.highlights_panel
    shown = panel.model.index(panel.model.row_of(noted.id), 0).data()
    assert "twice.\nSecond line: no answer yet." in shown and "#army" in shown
    assert shown.count("Called the ministry twice.") == 12
    heights = {
        h.id: panel.list.visualRect(panel.model.index(panel.model.row_of(h.id), 0)).height()
        for h in (plain, noted)
    }
    line = panel.list.fontMetrics().lineSpacing()
    assert heights[noted.id] > heights[plain.id] + 4 * line  # wrapped over several lines


def test_the_row_menu_edits_tags_and_colour(
    qtbot: QtBot, make_window: WindowFactory, library: Library, article: Article
) -> None:
    window, highlight = open_with_highlight(make_window, library, article)
    panel = window.highlights_panel
    menu = panel.row_menu(highlight)
    actions = {a.text(): a for a in menu.actions()}
    actions["Edit tags"].trigger()
    editor = open_editor(window)
    qtbot.waitUntil(editor.tags_edit.hasFocus)
    qtbot.keyClicks(editor.tags_edit, "ministry, follow-up")
    qtbot.keyClick(editor.tags_edit, Qt.Key.Key_Return)
    assert set(library.get_highlight(highlight.id).tags) == {"ministry", "follow-up"}
    assert panel.editor is None

    colours = actions["Colour"].menu()
    next(a for a in colours.actions() if a.text() == "Green").trigger()
    assert library.get_highlight(highlight.id).color == "green"


def test_a_row_far_down_a_long_list_opens_in_view_and_saves(
    qtbot: QtBot, make_window: WindowFactory, library: Library, article: Article
) -> None:
    doc_id, _ = library.add_document(article(extra_paragraphs=400))
    text = library.get_document(doc_id).text
    starts = [i for i in range(len(text)) if text.startswith("Filler paragraph", i)]
    with library.transaction():
        made = [
            library.add_highlight(doc_id, s, s + 16, note=f"n{i}") for i, s in enumerate(starts)
        ]
    window = make_window()
    window.open_document(doc_id)
    window.show_tab(1)
    panel = window.highlights_panel
    target = made[-5]
    assert panel.edit_note(target.id)
    editor = open_editor(window)
    qtbot.waitUntil(editor.note_edit.hasFocus)
    assert panel.list.viewport().rect().contains(editor.geometry())
    qtbot.keyClicks(editor.note_edit, " checked")
    qtbot.keyClick(editor.note_edit, Qt.Key.Key_Return, CTRL)
    assert library.get_highlight(target.id).note == f"n{len(made) - 5} checked"
