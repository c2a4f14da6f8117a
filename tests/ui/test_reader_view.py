"""The reading view on its own: structure rendered from blocks, offsets that land on the same
characters Qt shows, highlights drawn and redrawn in place."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, QThread, QThreadPool
from PySide6.QtGui import QTextCursor
from pytestqt.qtbot import QtBot

from byline.core.model import (
    BlockKind,
    Document,
    Highlight,
    ParsedDocument,
    Quote,
    QuoteKind,
)
from byline.core.text import BlockText, assemble
from byline.store import Library
from byline.ui.main_window import MainWindow
from byline.ui.reader import ReaderView
from byline.ui.rendering import RenderedDocument, render_document
from byline.ui.theme import highlight_color

BLOCKS = [
    BlockText(BlockKind.HEADING, "A heading", 2),
    BlockText(BlockKind.PARAGRAPH, "Emoji 😀 before “a quote” and after 🎉."),
    BlockText(BlockKind.LIST_ITEM, "first item", 1),
    BlockText(BlockKind.LIST_ITEM, "second item", 1),
    BlockText(BlockKind.BLOCKQUOTE, "Quoted words."),
    BlockText(BlockKind.PARAGRAPH, "Last paragraph."),
]


def make_document() -> Document:
    text, blocks = assemble(BLOCKS)
    return Document(
        id=1,
        title="Title",
        text=text,
        blocks=blocks,
        format="markdown",
        author="A. Writer",
        outlet="The Paper",
        url=None,
        published="2021-03-04",
        imported="2026-01-01T00:00:00Z",
        source_name="x.md",
        content_hash="h",
    )


def highlight(hl_id: int, start: int, end: int, color: str) -> Highlight:
    return Highlight(hl_id, 1, start, end, "", "", "", color, "", "", "")


def rendered_text(view: ReaderView, start: int, end: int) -> str:
    cursor = QTextCursor(view.document())
    cursor.setPosition(view.offset_map.to_doc(start))
    cursor.setPosition(view.offset_map.to_doc(end), QTextCursor.MoveMode.KeepAnchor)
    return cursor.selectedText()


def test_blocks_render_with_their_structure_and_a_header(qtbot: QtBot) -> None:
    view = ReaderView()
    qtbot.addWidget(view)
    doc = make_document()
    view.show_document(doc, [], [])
    qdoc = view.document()
    assert qdoc.firstBlock().text() == "Title"
    assert qdoc.firstBlock().next().text() == "The Paper · A. Writer · 4 March 2021"
    blocks = {b.kind: b for b in doc.blocks}
    heading = qdoc.findBlock(view.offset_map.to_doc(blocks[BlockKind.HEADING].start))
    assert heading.blockFormat().headingLevel() == 2
    items = [b for b in doc.blocks if b.kind is BlockKind.LIST_ITEM]
    lists = {qdoc.findBlock(view.offset_map.to_doc(b.start)).textList() for b in items}
    assert len(lists) == 1 and None not in lists  # both items in one list
    quote = qdoc.findBlock(view.offset_map.to_doc(blocks[BlockKind.BLOCKQUOTE].start))
    assert quote.blockFormat().leftMargin() > 0


def test_every_canonical_offset_lands_on_its_character(qtbot: QtBot) -> None:
    view = ReaderView()
    qtbot.addWidget(view)
    doc = make_document()
    view.show_document(doc, [], [])
    for block in doc.blocks:
        for offset in range(block.start, block.end):
            assert rendered_text(view, offset, offset + 1) == doc.text[offset]
        assert rendered_text(view, block.start, block.end) == doc.text[block.start : block.end]


def test_highlights_redraw_only_what_changed(qtbot: QtBot) -> None:
    view = ReaderView()
    qtbot.addWidget(view)
    doc = make_document()
    text = doc.text
    a = highlight(1, text.index("first"), text.index("first") + 5, "green")
    b = highlight(2, text.index("Quoted"), text.index("Quoted") + 6, "blue")
    view.show_document(doc, [a, b], [])

    def background(offset: int) -> str:
        cursor = QTextCursor(view.document())
        cursor.setPosition(view.offset_map.to_doc(offset) + 1)
        return cursor.charFormat().background().color().name()

    assert background(a.start) == highlight_color("green", False).name()
    view.set_highlights([b])  # a deleted
    cursor = QTextCursor(view.document())
    cursor.setPosition(view.offset_map.to_doc(a.start) + 1)
    assert cursor.charFormat().background().style() == Qt.BrushStyle.NoBrush
    assert background(b.start) == highlight_color("blue", False).name()


def test_highlights_and_quotes_built_with_the_text_look_as_when_painted_afterwards(
    qtbot: QtBot,
) -> None:
    """The one-pass build draws what painting each mark in turn draws: overlapping highlights
    with the later one on top, marks across blocks, quote underlines but no scare quotes."""
    view = ReaderView()
    qtbot.addWidget(view)
    doc = make_document()
    text = doc.text
    q = text.index("“a quote”")
    highlights = [
        highlight(1, text.index("Emoji"), text.index("and after"), "yellow"),
        highlight(2, text.index("before"), text.index("first") + 3, "green"),  # across blocks
        highlight(3, text.index("second"), text.index("second") + 3, "pink"),
        highlight(4, text.index("second"), text.index("second") + 3, "blue"),  # same span
    ]
    quotes = [
        Quote(q, q + len("“a quote”"), "a quote", QuoteKind.DIRECT),
        Quote(text.index("first"), text.index("Quoted") + 6, "x", QuoteKind.INDIRECT),
        Quote(text.index("Last"), text.index("paragraph"), "Last", QuoteKind.SCARE),
    ]

    def looks() -> list[tuple[str, bool]]:
        seen = []
        for block in doc.blocks:
            for offset in range(block.start, block.end):
                cursor = QTextCursor(view.document())
                cursor.setPosition(view.offset_map.to_doc(offset) + 1)
                fmt = cursor.charFormat()
                brush = fmt.background()
                color = brush.color().name() if brush.style() != Qt.BrushStyle.NoBrush else ""
                seen.append((color, fmt.fontUnderline() or fmt.underlineStyle().value != 0))
        return seen

    view.show_document(doc, highlights, quotes)
    built = looks()
    view.set_highlights([])
    view.set_highlights(highlights)  # painted one after another
    view.set_quotes(quotes)
    assert looks() == built

    def at(offset: int) -> tuple[str, bool]:
        starts = [o for b in doc.blocks for o in range(b.start, b.end)]
        return built[starts.index(offset)]

    assert at(text.index("Emoji")) == (highlight_color("yellow", False).name(), False)
    assert at(q + 1) == (highlight_color("green", False).name(), True)
    assert at(text.index("first")) == (highlight_color("green", False).name(), True)
    assert at(text.index("second")) == (highlight_color("blue", False).name(), True)
    assert at(text.index("Quoted")) == ("", True)
    assert at(text.index("Last")) == ("", False)  # scare quotes are not underlined



def test_a_rendering_built_on_a_worker_thread_shows_as_one_built_by_the_view(
    qtbot: QtBot,
) -> None:
    view = ReaderView()
    qtbot.addWidget(view)
    doc = make_document()
    text = doc.text
    q = text.index("“a quote”")
    highlights = [highlight(1, text.index("before"), text.index("first") + 3, "green")]
    quotes = [Quote(q, q + len("“a quote”"), "a quote", QuoteKind.DIRECT)]

    def looks() -> list[tuple[str, str, bool]]:
        seen = []
        qdoc = view.document()
        for offset in range(len(text)):
            cursor = QTextCursor(qdoc)
            cursor.setPosition(view.offset_map.to_doc(offset))
            cursor.setPosition(view.offset_map.to_doc(offset + 1), QTextCursor.MoveMode.KeepAnchor)
            fmt = cursor.charFormat()
            seen.append((cursor.selectedText(), fmt.background().color().name(), fmt.fontItalic()))
        return seen

    view.show_document(doc, highlights, quotes)
    here = (looks(), view.document().toPlainText())
    gui = QThread.currentThread()
    built: list[RenderedDocument] = []
    look = view.look
    QThreadPool.globalInstance().start(
        lambda: built.append(render_document(doc, highlights, quotes, look, for_thread=gui))
    )
    qtbot.waitUntil(lambda: bool(built))
    assert built[0].text.thread() is gui
    view.clear_document()
    view.show_rendered(built[0])
    assert view.document() is built[0].text
    assert (looks(), view.document().toPlainText()) == here


def test_a_document_opens_at_its_very_top_with_the_page_margin_showing(
    make_window: Callable[[], MainWindow], library: Library, article: Callable[..., ParsedDocument]
) -> None:
    doc_id, _ = library.add_document(article(extra_paragraphs=80))
    window = make_window()
    window.open_document(doc_id)
    assert window.reader.verticalScrollBar().maximum() > 0  # the text is taller than the view
    assert window.reader.verticalScrollBar().value() == 0


def test_going_to_the_start_of_the_document_shows_the_page_margin_again(
    qtbot: QtBot,
    make_window: Callable[[], MainWindow],
    library: Library,
    article: Callable[..., ParsedDocument],
) -> None:
    doc_id, _ = library.add_document(article(extra_paragraphs=80))
    window = make_window()
    window.show()
    window.open_document(doc_id)
    reader = window.reader
    reader.setFocus()
    reader.verticalScrollBar().setValue(reader.verticalScrollBar().maximum())
    qtbot.keyClick(reader, Qt.Key.Key_Home, Qt.KeyboardModifier.ControlModifier)
    assert reader.caret_offset() == 0
    assert reader.verticalScrollBar().value() == 0
