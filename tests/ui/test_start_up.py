"""Starting quickly (issue 5): what the first paint does not need is not loaded before it, the
library list reads only the rows it shows, and work that can wait for the window to be on screen
(the day's backup) waits for it, while the window is complete when it first shows."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from pytestqt.qtbot import QtBot

from byline.core.model import Block, BlockKind, DocumentSummary, ParsedDocument, Quote, QuoteKind
from byline.core.quotes.version import EXTRACTOR_VERSION
from byline.store import Library
from byline.store.backups import backups_dir_for, list_backups
from byline.ui.app import create_window
from byline.ui.main_window import HIGHLIGHTS_TAB, SPEAKERS_TAB, MainWindow
from byline.ui.models import DocumentListModel, ItemRole

WindowFactory = Callable[[], MainWindow]
Article = Callable[..., ParsedDocument]

# Loaded by importing, parsing, exporting or checking, by dialogs and by the single-instance
# socket, never by showing the window; and the third-party modules behind them.
NOT_BEFORE_FIRST_PAINT = (
    "byline.importers",
    "byline.exports",
    "byline.checking",
    "byline.core.quotes.extract",
    "byline.core.export",
    "byline.core.check",
    "byline.ui.backup_dialog",
    "byline.ui.check_view",
    "byline.ui.export_dialog",
    "byline.ui.shortcuts_dialog",
    "byline.ui.single_instance",
    "byline.store.search_query",
    "PySide6.QtNetwork",
    "sqlite_utils",
    "importlib.metadata",
    "importlib.resources",
    "trafilatura",
    "lxml",
    "pypdf",
    "docx",
    "ebooklib",
    "jinja2",
    "rich",
    "markdown_it",
    "nh3",
)

# A fresh interpreter builds and shows the window and prints what was imported by the end of
# its first frame (whose first paint an application event filter sees, as
# benchmarks/ui_bench.py sees it), and whether PySide had made the Qt namespace (qt_values).
FIRST_PAINT_CHILD = r"""
import json, os, sys
from pathlib import Path
from PySide6 import QtCore
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget
from byline.ui.app import application, create_window

app = application()
window = create_window(Path(sys.argv[1]))

def report():
    print(json.dumps({"modules": sorted(sys.modules),
                      "qt_namespace": "Qt" in vars(QtCore),
                      "document": window.document is not None,
                      "quotes": len(window.quotes),
                      "listed": window.library_pane.documents.rowCount()}))
    sys.stdout.flush()
    os._exit(0)

class FirstPaint(QObject):
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint and isinstance(obj, QWidget):
            if obj.window() is window:
                app.removeEventFilter(self)
                QTimer.singleShot(0, report)  # before the window's own after-paint work
        return False

watcher = FirstPaint()
app.installEventFilter(watcher)
window.show()
app.exec()
"""

CLI_CHILD = r"""
import json, sys
from byline import cli
try:
    cli.main(sys.argv[1:])
except SystemExit:
    pass
print(json.dumps(sorted(sys.modules)))
"""


def _run_child(code: str, *args: str) -> str:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    done = subprocess.run(
        [sys.executable, "-c", code, *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    return done.stdout.strip().splitlines()[-1]


def _loaded(modules: list[str], names: tuple[str, ...]) -> list[str]:
    return [m for m in modules if any(m == n or m.startswith(n + ".") for n in names)]


def test_start_up_loads_nothing_the_first_paint_does_not_need(
    qtbot: QtBot, make_window: WindowFactory, library: Library, article: Article, data_dir: Path
) -> None:
    doc_id, _ = library.add_document(article())
    library.add_document(article(title="Another", extra_paragraphs=2))
    text = library.get_document(doc_id).text
    start = text.index("“We were")
    quote = Quote(start, start + 20, text[start : start + 20], QuoteKind.DIRECT)
    library.store_quotes(doc_id, EXTRACTOR_VERSION, [quote])
    window = make_window()
    window.open_document(doc_id)
    window.close()  # saved: the next start reopens this document, with its cached quotes

    shown = json.loads(_run_child(FIRST_PAINT_CHILD, str(data_dir)))
    assert shown["document"] and shown["quotes"] == 1 and shown["listed"] == 2
    assert _loaded(shown["modules"], NOT_BEFORE_FIRST_PAINT) == []


# The tabs behind the current ones, built when first shown or first wanted, and the reading
# view behind the welcome page.
HIDDEN_TABS = ("byline.ui.highlights_panel", "byline.ui.notes_panel", "byline.ui.speakers_view")
READING_VIEW = (
    "byline.ui.reader",
    "byline.ui.find_bar",
    "byline.ui.rendering",
    "byline.ui.opening",
)


def test_a_start_with_no_document_to_reopen_builds_no_hidden_tab_nor_reading_view(
    library: Library, article: Article, data_dir: Path
) -> None:
    library.add_document(article())
    shown = json.loads(_run_child(FIRST_PAINT_CHILD, str(data_dir)))
    assert not shown["document"] and shown["listed"] == 1
    assert _loaded(shown["modules"], (*NOT_BEFORE_FIRST_PAINT, *HIDDEN_TABS, *READING_VIEW)) == []


def test_a_start_with_no_document_to_reopen_leaves_the_qt_namespace_unmade(
    library: Library, article: Article, data_dir: Path
) -> None:
    """PySide makes all 93 enums of the Qt namespace when anything first touches it, 15-25 ms
    (ui/qt_values.py); the first frame does without, on an empty library and a full one."""
    shown = json.loads(_run_child(FIRST_PAINT_CHILD, str(data_dir)))
    assert shown["listed"] == 0 and not shown["qt_namespace"]
    for n in range(3):
        library.add_document(article(title=f"Report {n}", extra_paragraphs=n))
    shown = json.loads(_run_child(FIRST_PAINT_CHILD, str(data_dir)))
    assert shown["listed"] == 3 and not shown["qt_namespace"]


def test_hidden_tabs_are_built_when_shown_or_when_a_document_opens(
    qtbot: QtBot, make_window: WindowFactory, library: Library, article: Article
) -> None:
    doc_id, _ = library.add_document(article())
    library.add_highlight(doc_id, 0, 8, "green", note="look again")
    window = make_window()
    window.show()
    pages = (window._highlights_page, window._notes_page, window._speakers_page)
    assert not any(page.built for page in pages)
    assert window.reader._floating_bar is None

    window.library_side.setCurrentIndex(SPEAKERS_TAB)
    assert window._speakers_page.built
    qtbot.waitUntil(lambda: window.speakers_view.speaker_list.isVisible())
    qtbot.waitUntil(lambda: not window.speakers_view.busy)  # counted when first shown

    window.open_document(doc_id)
    assert window._highlights_page.built and window._notes_page.built
    window.show_tab(HIGHLIGHTS_TAB)
    panel = window.highlights_panel
    qtbot.waitUntil(lambda: panel.isVisible())
    assert [h.note for h in panel.model.items] == ["look again"]


def test_command_line_version_and_list_load_neither_qt_nor_importers(data_dir: Path) -> None:
    for args in (["--version"], ["--data-dir", str(data_dir), "list"]):
        modules = json.loads(_run_child(CLI_CHILD, *args))
        names = ("PySide6", "shiboken6", "byline.ui", "byline.importers", "trafilatura", "pypdf")
        assert _loaded(modules, (*names, "byline.core.quotes.extract")) == [], args


def test_library_list_reads_one_page_of_summaries_for_the_rows_asked(library: Library) -> None:
    for n in range(120):
        text = f"Report number {n} from the front."
        block = Block(BlockKind.PARAGRAPH, 0, len(text))
        library.add_document(ParsedDocument(text, (block,), f"R{n}", "text"))
    asked: list[list[int]] = []

    def read(ids: Sequence[int]) -> list[DocumentSummary]:
        asked.append(list(ids))
        return library.document_summaries(ids)

    model = DocumentListModel(read)
    ids = library.document_ids()
    model.set_ids(ids)
    assert model.rowCount() == 120 and asked == []
    row = 70
    shown = model.index(row, 0).data(ItemRole)
    assert isinstance(shown, DocumentSummary)
    assert shown == library.list_documents()[row]
    assert asked == [ids[50:100]]
    model.index(row + 1, 0).data()
    assert len(asked) == 1  # the same page
    assert model.row_of(ids[119]) == 119 and model.row_of(-1) == -1


def test_window_lists_every_document_when_built_not_later(
    qtbot: QtBot, library: Library, article: Article, data_dir: Path
) -> None:
    for n in range(30):
        library.add_document(article(title=f"Piece {n}", extra_paragraphs=n))
    window = create_window(data_dir)  # not shown, no event processed
    try:
        pane = window.library_pane
        assert pane.documents.rowCount() == 30
        assert pane.count_label.text() == "30 documents"
    finally:
        window.session.library.close()
        window.deleteLater()


def test_restarted_window_shows_the_reopened_document_selected_in_the_list(
    qtbot: QtBot, make_window: WindowFactory, library: Library, article: Article
) -> None:
    for n in range(60):
        library.add_document(article(title=f"Piece {n}", extra_paragraphs=n))
    last = library.list_documents(sort="title")[-1].id  # far below the first screen
    window = make_window()
    window.library_pane.set_sort_key("title")
    window.open_document(last)
    window.close()

    again = make_window()
    pane = again.library_pane
    row = pane.documents.row_of(last)
    assert row > 20
    index = pane.documents.index(row, 0)
    view = pane.document_list
    qtbot.waitUntil(lambda: view.viewport().rect().intersects(view.visualRect(index)))
    assert view.currentIndex().row() == row


def test_window_makes_the_days_backup_once_it_is_on_screen(
    qtbot: QtBot, library: Library, article: Article, data_dir: Path
) -> None:
    library.add_document(article())
    folder = backups_dir_for(library.path)
    window = create_window(data_dir)
    qtbot.addWidget(window)
    try:
        assert list_backups(folder) == []  # not while the window is being built
        window.show()
        qtbot.waitUntil(lambda: len(list_backups(folder)) == 1, timeout=10_000)
    finally:
        window.close()
        window.session.library.close()


def test_a_row_read_again_reads_its_summary_alone(library: Library) -> None:
    """A count changed in one row (a highlight made): that row is read again, not its page."""
    for n in range(60):
        text = f"Dispatch number {n} from the coast."
        block = Block(BlockKind.PARAGRAPH, 0, len(text))
        library.add_document(ParsedDocument(text, (block,), f"D{n}", "text"))
    asked: list[list[int]] = []

    def read(ids: Sequence[int]) -> list[DocumentSummary]:
        asked.append(list(ids))
        return library.document_summaries(ids)

    model = DocumentListModel(read)
    ids = library.document_ids()
    model.set_ids(ids)
    model.index(10, 0).data()
    assert asked == [ids[:50]]
    model.reread(ids[10])
    assert model.index(10, 0).data(ItemRole) == library.list_documents()[10]
    assert asked == [ids[:50], [ids[10]]]
