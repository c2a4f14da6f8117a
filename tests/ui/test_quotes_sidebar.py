"""The Quotes tab: extraction off the GUI thread, jumping to a quote, speakers, corrections."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from byline.core.model import ParsedDocument, Quote, QuoteKind
from byline.core.quotes import EXTRACTOR_VERSION, extract_quotes
from byline.store import Library
from byline.ui.main_window import MainWindow
from byline.ui.models import QuoteListModel
from byline.workflows import document_quotes

WindowFactory = Callable[[], MainWindow]
Article = Callable[..., ParsedDocument]
WaitQuotes = Callable[[MainWindow], None]


def quote_rows(window: MainWindow) -> list[str]:
    model = window.quotes_panel.model
    return [model.index(r, 0).data() for r in range(model.rowCount())]


def test_clicking_a_quote_scrolls_the_text_to_it_and_flashes_it(
    qtbot: QtBot,
    make_window: WindowFactory,
    library: Library,
    article: Article,
    wait_for_quotes: WaitQuotes,
) -> None:
    doc_id, _ = library.add_document(article(extra_paragraphs=80))
    window = make_window()
    window.open_document(doc_id)
    wait_for_quotes(window)
    panel = window.quotes_panel
    row = next(
        r for r in range(panel.model.rowCount()) if panel.model.item(r).speaker == "Anna Smirnova"
    )
    quote = panel.model.item(row)
    assert not window.reader.span_is_visible(quote.start)

    rect = panel.list.visualRect(panel.model.index(row, 0))
    qtbot.mouseClick(panel.list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())

    reader = window.reader
    assert reader.textCursor().position() == reader.offset_map.to_doc(quote.start)
    assert reader.verticalScrollBar().value() > 0
    assert reader.span_is_visible(quote.start)
    assert reader.is_flashing


def test_quotes_show_speaker_and_cue_and_say_unattributed_and_hide_scare_quotes(
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
    rows = quote_rows(window)
    assert any(r.startswith("Ivan Petrov · told\n“We were dirty") for r in rows)
    assert any(r.startswith("Unattributed\n“Nobody asked us") for r in rows)
    assert not any("No more war" in r for r in rows)
    assert any(q.kind is QuoteKind.SCARE for q in window.quotes)  # kept, just not listed
    window.quotes_panel.scare_check.setChecked(True)
    assert any("No more war" in r for r in quote_rows(window))
    window.quotes_panel.scare_check.setChecked(False)

    window.quotes_panel.select_speaker("Anna Smirnova")
    assert len(quote_rows(window)) == 1 and "never our war" in quote_rows(window)[0]


def test_quotes_are_extracted_off_the_gui_thread_and_cached(
    qtbot: QtBot,
    make_window: WindowFactory,
    library: Library,
    article: Article,
    wait_for_quotes: WaitQuotes,
) -> None:
    doc_id, _ = library.add_document(article())
    window = make_window()
    window.open_document(doc_id)
    # The text is shown before any quote is known.
    assert "Officer quits" in window.reader.toPlainText()
    wait_for_quotes(window)
    assert library.cached_quotes(doc_id, EXTRACTOR_VERSION) is not None
    assert window.quotes_panel.model.rowCount() == 3


def test_speaker_correction_and_not_a_quote_survive_reextraction(
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
    by_speaker = {q.speaker: q for q in window.quotes if q.kind is QuoteKind.DIRECT}
    window.correct_speaker(by_speaker[None], "A soldier's letter")
    window.mark_not_a_quote(by_speaker["Anna Smirnova"])
    rows = quote_rows(window)
    assert any(r.startswith("A soldier's letter") for r in rows)
    assert not any("never our war" in r for r in rows)
    assert window.quotes == document_quotes(library, doc_id)  # as the CLI and exports see them

    # A new extraction (as after an extractor upgrade) keeps the reader's corrections.
    library.store_quotes(
        doc_id, EXTRACTOR_VERSION, extract_quotes(library.get_document(doc_id).text)
    )
    window.open_document(doc_id)
    rows = quote_rows(window)
    assert any(r.startswith("A soldier's letter") for r in rows)
    assert not any("never our war" in r for r in rows)


def test_keep_as_highlight_stores_the_quote_span(
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
    panel = window.quotes_panel
    panel.list.select_row(0)
    quote = panel.current
    assert quote is not None
    panel.keep_button.click()
    (hl,) = library.highlights(doc_id)
    assert (hl.start, hl.end) == (quote.start, quote.end)
    assert window.sidebar.currentIndex() == 1
    panel.keep_button.click()  # keeping it twice does not make a second highlight
    assert len(library.highlights(doc_id)) == 1


def test_moving_the_caret_into_a_quote_selects_it(
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
    target = next(q for q in window.quotes if q.speaker == "Ivan Petrov")
    window.reader.select_span(target.start + 3, target.start + 3)
    assert window.quotes_panel.current == target


def test_the_caret_in_nested_quotes_selects_the_innermost_as_copy_takes_it() -> None:
    outer = Quote(0, 60, "x" * 60, QuoteKind.INDIRECT, speaker="Anna Smirnova")
    inner = Quote(20, 40, "y" * 20, QuoteKind.DIRECT, speaker="Anna Smirnova")
    model = QuoteListModel()
    model.set_items([outer, inner])
    assert model.row_at_offset(25) == 1
    assert model.row_at_offset(5) == 0
    assert model.row_at_offset(70) == -1


def test_a_quote_clicked_inside_a_highlight_keeps_the_quotes_tab(
    qtbot: QtBot,
    make_window: WindowFactory,
    library: Library,
    article: Article,
    wait_for_quotes: WaitQuotes,
) -> None:
    """The caret the click moved is not reported back as the reader's own move, which would
    select the highlight around it and switch the sidebar to it."""
    doc_id, _ = library.add_document(article())
    text = library.get_document(doc_id).text
    start = text.index("“It was never")
    library.add_highlight(doc_id, start - 10, start + 40, "green")
    window = make_window()
    window.open_document(doc_id)
    wait_for_quotes(window)
    window.show_tab(0)
    panel = window.quotes_panel
    row = next(r for r in range(panel.model.rowCount()) if panel.model.item(r).start == start)
    rect = panel.list.visualRect(panel.model.index(row, 0))
    qtbot.mouseClick(panel.list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.reader.caret_offset() == start
    assert window.sidebar.currentIndex() == 0 and panel.current == panel.model.item(row)
