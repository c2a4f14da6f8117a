"""Making highlights from the text: H, N, the floating bar, and what the view draws."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from pytestqt.qtbot import QtBot

from byline.core.model import ParsedDocument
from byline.store import Library
from byline.ui.main_window import QUOTES_TAB, MainWindow
from byline.ui.theme import highlight_color

WindowFactory = Callable[[], MainWindow]
Article = Callable[..., ParsedDocument]


def background_at(window, offset: int):  # type: ignore[no-untyped-def]
    """The background the reading view paints at a canonical offset."""
    cursor = QTextCursor(window.reader.document())
    cursor.setPosition(window.reader.offset_map.to_doc(offset) + 1)
    return cursor.charFormat().background()


def test_pressing_h_stores_the_selection_with_canonical_offsets_and_draws_it(
    qtbot: QtBot, make_window: WindowFactory, library: Library, article: Article
) -> None:
    doc_id, _ = library.add_document(article())
    window = make_window()
    window.open_document(doc_id)
    text = window.document.text  # type: ignore[union-attr]
    start = text.index("Russian officer")
    end = start + len("Russian officer")
    window.reader.select_span(start, end)
    window.reader.setFocus()
    qtbot.keyClick(window.reader, Qt.Key.Key_H)

    stored = library.highlights(doc_id)
    assert [(h.start, h.end, h.exact, h.color) for h in stored] == [
        (start, end, "Russian officer", "yellow")
    ]
    assert background_at(window, start).color() == highlight_color("yellow", False)
    assert background_at(window, end + 2).style() == Qt.BrushStyle.NoBrush
    assert window.highlights_panel.current is not None
    assert window.highlights_panel.current.id == stored[0].id


def test_a_selection_cutting_words_highlights_them_whole(
    qtbot: QtBot, make_window: WindowFactory, library: Library, article: Article
) -> None:
    doc_id, _ = library.add_document(article())
    window = make_window()
    window.open_document(doc_id)
    text = window.document.text  # type: ignore[union-attr]
    start = text.index("Russian officer")
    window.reader.select_span(start + 3, start + len("Russian offi"))  # "sian offi"
    window.reader.setFocus()
    qtbot.keyClick(window.reader, Qt.Key.Key_H)
    assert [h.exact for h in library.highlights(doc_id)] == ["Russian officer"]


def test_h_on_a_passage_already_highlighted_makes_no_second_highlight(
    qtbot: QtBot, make_window: WindowFactory, library: Library, article: Article
) -> None:
    doc_id, _ = library.add_document(article())
    window = make_window()
    window.open_document(doc_id)
    text = window.document.text  # type: ignore[union-attr]
    start = text.index("Russian officer")
    for _ in range(2):
        window.reader.select_span(start, start + len("Russian officer"))
        window.reader.setFocus()
        qtbot.keyClick(window.reader, Qt.Key.Key_H)
    assert len(library.highlights(doc_id)) == 1
    assert "already highlighted" in window.statusBar().currentMessage()


def test_pressing_n_highlights_and_puts_the_caret_in_its_note(
    qtbot: QtBot, make_window: WindowFactory, library: Library, article: Article
) -> None:
    doc_id, _ = library.add_document(article())
    window = make_window()
    window.open_document(doc_id)
    start = window.document.text.index("shell boxes")  # type: ignore[union-attr]
    window.reader.select_span(start, start + len("shell boxes"))
    window.reader.setFocus()
    qtbot.keyClick(window.reader, Qt.Key.Key_N)

    assert len(library.highlights(doc_id)) == 1
    editor = window.highlights_panel.editor  # the new highlight's row, opened in place
    assert editor is not None
    qtbot.waitUntil(editor.note_edit.hasFocus)
    qtbot.keyClicks(editor.note_edit, "check the unit")
    window.reader.setFocus()  # leaving the editor saves at once, and closes it
    assert library.highlights(doc_id)[0].note == "check the unit"
    qtbot.waitUntil(lambda: window.highlights_panel.editor is None)


def test_floating_bar_appears_over_a_selection_and_its_colours_highlight(
    qtbot: QtBot, make_window: WindowFactory, library: Library, article: Article
) -> None:
    doc_id, _ = library.add_document(article())
    window = make_window()
    window.open_document(doc_id)
    start = window.document.text.index("commander")  # type: ignore[union-attr]
    window.reader.select_span(start, start + len("commander"))
    bar = window.reader.floating_bar
    assert bar.isVisible()
    qtbot.mouseClick(bar.buttons["green"], Qt.MouseButton.LeftButton)

    assert [(h.exact, h.color) for h in library.highlights(doc_id)] == [("commander", "green")]
    assert background_at(window, start).color() == highlight_color("green", False)
    assert not bar.isVisible()  # the selection is gone


def test_floating_bar_goes_when_the_view_jumps_to_another_passage(
    qtbot: QtBot, make_window: WindowFactory, library: Library, article: Article
) -> None:
    doc_id, _ = library.add_document(article(extra_paragraphs=60))
    window = make_window()
    window.show()
    window.open_document(doc_id)
    reader = window.reader
    start = window.document.text.index("commander")  # type: ignore[union-attr]
    reader.select_span(start, start + len("commander"))
    bar = reader.floating_bar
    assert bar.isVisible()
    last = window.document.text.index("Filler paragraph number 59")  # type: ignore[union-attr]
    reader.reveal(last, last + 6)  # what find, a quote or a search hit does
    assert not bar.isVisible()


def test_delete_after_a_jump_acts_on_the_inner_of_two_nested_highlights(
    qtbot: QtBot, make_window: WindowFactory, library: Library, article: Article
) -> None:
    doc_id, _ = library.add_document(article())
    text = library.get_document(doc_id).text
    start = text.index("He went to his commander")
    library.add_highlight(doc_id, start, start + len("He went to his commander"), "yellow")
    inner = text.index("commander")
    library.add_highlight(doc_id, inner, inner + len("commander"), "green")
    window = make_window()
    window.open_document(doc_id)
    window.show_tab(QUOTES_TAB)
    window.reader.reveal(inner + 2, inner + 3, flash=False)  # as a quote or a hit clicked does
    window.delete_highlight_action.trigger()
    assert [h.exact for h in library.highlights(doc_id)] == ["He went to his commander"]


def test_current_colour_is_used_for_new_highlights(
    qtbot: QtBot, make_window: WindowFactory, library: Library, article: Article
) -> None:
    doc_id, _ = library.add_document(article())
    window = make_window()
    window.open_document(doc_id)
    window.color_actions["pink"].trigger()
    start = window.document.text.index("lawyer")  # type: ignore[union-attr]
    window.reader.select_span(start, start + 6)
    window.highlight_action.trigger()
    assert library.highlights(doc_id)[0].color == "pink"


def test_a_highlight_across_blocks_keeps_the_canonical_span(
    qtbot: QtBot, make_window: WindowFactory, library: Library, article: Article
) -> None:
    doc_id, _ = library.add_document(article())
    window = make_window()
    window.open_document(doc_id)
    text = window.document.text  # type: ignore[union-attr]
    start = text.index("give up.")
    end = text.index("tired.") + len("tired.")
    window.reader.select_span(start, end)
    window.highlight_action.trigger()
    (stored,) = library.highlights(doc_id)
    assert (stored.start, stored.end) == (start, end)
    assert stored.exact == text[start:end]


def test_putting_the_caret_in_a_highlight_selects_it_in_the_sidebar(
    qtbot: QtBot, make_window: WindowFactory, library: Library, article: Article
) -> None:
    doc_id, _ = library.add_document(article())
    text = article().text
    first = library.add_highlight(doc_id, text.index("shell"), text.index("shell") + 5)
    second = library.add_highlight(doc_id, text.index("lawyer"), text.index("lawyer") + 6)
    window = make_window()
    window.open_document(doc_id)
    window.show_tab(0)

    cursor = QTextCursor(window.reader.document())
    cursor.setPosition(window.reader.offset_map.to_doc(second.start + 2))
    window.reader.setTextCursor(cursor)

    assert window.sidebar.currentIndex() == 1
    assert window.highlights_panel.current is not None
    assert window.highlights_panel.current.id == second.id
    assert first.id != second.id


def test_row_editor_changes_colour_tags_and_deletes(
    qtbot: QtBot, make_window: WindowFactory, library: Library, article: Article
) -> None:
    doc_id, _ = library.add_document(article())
    text = article().text
    hl = library.add_highlight(doc_id, text.index("shell"), text.index("shell") + 5)
    window = make_window()
    window.open_document(doc_id)
    window.show_tab(1)
    panel = window.highlights_panel
    assert panel.edit_note(hl.id)
    editor = panel.editor
    assert editor is not None

    qtbot.mouseClick(editor.color_buttons["blue"], Qt.MouseButton.LeftButton)
    assert library.get_highlight(hl.id).color == "blue"
    assert background_at(window, hl.start).color() == highlight_color("blue", False)
    assert panel.editor is editor and editor.color_buttons["blue"].isChecked()

    editor.tags_edit.setText("military, #sources")
    editor.tags_edit.editingFinished.emit()
    assert set(library.get_highlight(hl.id).tags) == {"military", "sources"}

    qtbot.mouseClick(editor.delete_button, Qt.MouseButton.LeftButton)
    assert library.highlights(doc_id) == []
    assert background_at(window, hl.start).style() == Qt.BrushStyle.NoBrush
    assert panel.model.rowCount() == 0
    assert panel.editor is None


def test_delete_key_in_the_highlight_list_deletes_the_selected_highlight(
    qtbot: QtBot, make_window: WindowFactory, library: Library, article: Article
) -> None:
    doc_id, _ = library.add_document(article())
    text = article().text
    hl = library.add_highlight(doc_id, text.index("shell"), text.index("shell") + 5)
    window = make_window()
    window.open_document(doc_id)
    panel = window.highlights_panel
    window.show_tab(1)
    panel.select_highlight(hl.id)
    panel.list.setFocus()
    qtbot.keyClick(panel.list, Qt.Key.Key_Delete)
    assert library.highlights(doc_id) == []


def test_a_hidden_sidebar_stays_hidden_for_h_but_opens_for_a_note(
    qtbot: QtBot, make_window: WindowFactory, library: Library, article: Article
) -> None:
    doc_id, _ = library.add_document(article())
    window = make_window()
    window.open_document(doc_id)
    window.toggle_sidebar_action.trigger()
    assert not window.sidebar.isVisible()
    text = window.document.text  # type: ignore[union-attr]
    window.reader.select_span(text.index("shell"), text.index("shell") + 5)
    window.highlight_action.trigger()
    assert not window.sidebar.isVisible()
    window.reader.select_span(text.index("commander"), text.index("commander") + 9)
    window.note_action.trigger()
    assert window.sidebar.isVisible() and window.sidebar.currentIndex() == 1
    assert len(library.highlights(doc_id)) == 2


def test_a_new_highlight_updates_its_documents_row_without_reloading_the_list(
    qtbot: QtBot, make_window: WindowFactory, library: Library, article: Article
) -> None:
    doc_id, _ = library.add_document(article())
    library.add_document(article(title="Another", extra_paragraphs=1))
    window = make_window()
    window.open_document(doc_id)
    model = window.library_pane.documents
    resets: list[None] = []
    model.modelReset.connect(lambda: resets.append(None))

    def row_text() -> str:
        return str(model.data(model.index(model.row_of(doc_id), 0), Qt.ItemDataRole.DisplayRole))

    text = window.document.text  # type: ignore[union-attr]
    start = text.index("Russian officer")
    window.reader.select_span(start, start + len("Russian officer"))
    window.reader.setFocus()
    qtbot.keyClick(window.reader, Qt.Key.Key_H)
    qtbot.waitUntil(lambda: "1 highlight ·" in row_text())
    qtbot.wait(400)  # past the list's refresh delay: nothing reloads it
    assert resets == []
