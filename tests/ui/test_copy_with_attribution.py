"""Copy with attribution puts “text” — Speaker, Outlet, “Title”, date on the clipboard."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from byline.core.model import BlockKind, ParsedDocument, QuoteKind
from byline.core.text import BlockText, assemble
from byline.store import Library
from byline.ui.main_window import MainWindow

WindowFactory = Callable[[], MainWindow]
Article = Callable[..., ParsedDocument]
WaitQuotes = Callable[[MainWindow], None]


def test_copying_a_quote_from_the_sidebar(
    qtbot: QtBot,
    make_window: WindowFactory,
    library: Library,
    article: Article,
    wait_for_quotes: WaitQuotes,
) -> None:
    doc_id, _ = library.add_document(article())
    window = make_window()
    window.open_document(doc_id)
    wait_for_quotes(window)
    window.show_tab(0)
    panel = window.quotes_panel
    row = next(r for r in range(panel.model.rowCount()) if panel.model.item(r).speaker)
    panel.list.select_row(row)
    panel.list.setFocus()
    qtbot.keyClick(
        panel.list,
        Qt.Key.Key_C,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert QApplication.clipboard().text() == (
        "“We were dirty and tired. People died around us,” — Ivan Petrov, CNN, "
        "“Officer quits”, 12 May 2022"
    )


def test_copying_a_highlight_inside_a_quote_names_the_speaker(
    qtbot: QtBot,
    make_window: WindowFactory,
    library: Library,
    article: Article,
    wait_for_quotes: WaitQuotes,
) -> None:
    doc_id, _ = library.add_document(article())
    text = article().text
    start = text.index("never our war")
    hl = library.add_highlight(doc_id, start, start + len("never our war"))
    window = make_window()
    window.open_document(doc_id)
    wait_for_quotes(window)
    window.show_tab(1)
    panel = window.highlights_panel
    assert panel.edit_note(hl.id)
    assert panel.editor is not None
    panel.editor.copy_button.click()  # the row's own Copy
    assert QApplication.clipboard().text() == (
        "“never our war” — Anna Smirnova, CNN, “Officer quits”, 12 May 2022"
    )


def reported_speech_article() -> ParsedDocument:
    text, spans = assemble(
        [
            BlockText(
                BlockKind.PARAGRAPH,
                "Valentina Melnikova said all troops have the right to file reports.",
            )
        ]
    )
    return ParsedDocument(text, spans, "Officer quits", "text", outlet="CNN",
                          published="2022-05-12")


def test_reported_speech_is_listed_and_copied_without_quotation_marks(
    qtbot: QtBot,
    make_window: WindowFactory,
    library: Library,
    wait_for_quotes: WaitQuotes,
) -> None:
    doc_id, _ = library.add_document(reported_speech_article())
    window = make_window()
    window.open_document(doc_id)
    wait_for_quotes(window)
    window.show_tab(0)
    panel = window.quotes_panel
    (row,) = [r for r in range(panel.model.rowCount())
              if panel.model.item(r).kind is QuoteKind.INDIRECT]
    shown = panel.model.data(panel.model.index(row, 0), Qt.ItemDataRole.DisplayRole)
    assert shown == (
        "Valentina Melnikova · said (reported)\nall troops have the right to file reports"
    )
    panel.list.select_row(row)
    window.copy_with_attribution()
    assert QApplication.clipboard().text() == (
        "all troops have the right to file reports (reported, not verbatim) — "
        "Valentina Melnikova, CNN, “Officer quits”, 12 May 2022"
    )


def test_a_highlight_of_reported_speech_is_the_documents_words_not_the_speakers(
    qtbot: QtBot,
    make_window: WindowFactory,
    library: Library,
    wait_for_quotes: WaitQuotes,
) -> None:
    doc_id, _ = library.add_document(reported_speech_article())
    window = make_window()
    window.open_document(doc_id)
    wait_for_quotes(window)
    assert any(q.kind is QuoteKind.INDIRECT for q in window.quotes)
    text = window.document.text  # type: ignore[union-attr]
    start = text.index("all troops")
    window.reader.select_span(start, start + len("all troops have the right"))
    window.copy_with_attribution()
    assert QApplication.clipboard().text() == (
        "“all troops have the right” — CNN, “Officer quits”, 12 May 2022"
    )
