"""Getting documents in: File > Import's worker, drops, the summary of failures, the sample."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent
from pytestqt.qtbot import QtBot

import byline.core.quotes.extract
import byline.importers
from byline.core.model import Quote
from byline.core.quotes import extract_quotes
from byline.store import Library
from byline.ui.main_window import MainWindow

WindowFactory = Callable[[], MainWindow]

ARTICLE = """Officer quits

“We were dirty and tired,” Ivan Petrov told reporters.

He went to his commander and resigned.
"""


def wait_for_import(qtbot: QtBot, window: MainWindow) -> None:
    """Until the import is done and the document it opens is shown (read on a worker too)."""
    qtbot.waitUntil(lambda: not window.importing and not window.opening, timeout=30_000)


def test_import_runs_on_a_worker_and_summarises_what_failed_and_why(
    qtbot: QtBot, make_window: WindowFactory, library: Library, tmp_path: Path
) -> None:
    folder = tmp_path / "inbox"
    folder.mkdir()
    (folder / "good.txt").write_text(ARTICLE, encoding="utf-8")
    (folder / "broken.pdf").write_bytes(b"this is not a PDF")
    window = make_window()
    window.import_paths([folder])
    assert window.importing and window.progress.isVisible() and window.cancel_button.isVisible()
    wait_for_import(qtbot, window)

    assert [d.title for d in library.list_documents()] == ["Officer quits"]
    summary = window.import_summary
    assert summary is not None and summary.isVisible()
    assert "Imported 1 document" in summary.text() and "1 failed" in summary.text()
    assert "broken.pdf" in summary.informativeText() and "not a PDF" in summary.informativeText()
    assert not window.progress.isVisible()
    # The imported document is opened, with quotes already extracted by the worker.
    assert window.document is not None and window.document.title == "Officer quits"
    assert not window.quotes_pending
    summary.close()


def test_the_windows_import_reads_each_documents_quotes_once(
    qtbot: QtBot,
    make_window: WindowFactory,
    library: Library,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    texts: list[str] = []

    def counting_extract(text: str) -> list[Quote]:
        texts.append(text)
        return extract_quotes(text)

    # workflows imports the extractor where it runs, so the module's own name is the one to patch
    monkeypatch.setattr(byline.core.quotes.extract, "extract_quotes", counting_extract)
    (tmp_path / "good.txt").write_text(ARTICLE, encoding="utf-8")
    window = make_window()
    window.import_paths([tmp_path / "good.txt"])
    wait_for_import(qtbot, window)
    assert window.document is not None and not window.quotes_pending
    [doc] = library.list_documents()
    assert texts == [library.get_document(doc.id).text]  # by the import, not again on opening


def test_cancelling_keeps_what_was_imported_and_stops(
    qtbot: QtBot, make_window: WindowFactory, library: Library, tmp_path: Path
) -> None:
    folder = tmp_path / "many"
    folder.mkdir()
    for i in range(30):
        (folder / f"doc{i:02}.txt").write_text(f"Title {i}\n\nBody number {i}.\n", encoding="utf-8")
    window = make_window()
    window.import_paths([folder])
    window.cancel_import()
    wait_for_import(qtbot, window)
    assert window.last_report is not None
    assert len(library.list_documents()) == window.last_report.count("imported") < 30


def test_dropping_files_on_the_window_imports_them(
    qtbot: QtBot, make_window: WindowFactory, library: Library, tmp_path: Path
) -> None:
    path = tmp_path / "dropped.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    window = make_window()
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    drop = QDropEvent(
        QPointF(100, 100),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    # Qt delivers drops only inside a real drag; the handler is what a drop reaches.
    window.dropEvent(drop)
    wait_for_import(qtbot, window)
    assert [d.title for d in library.list_documents()] == ["Officer quits"]


def test_empty_library_offers_the_sample_and_opens_it(
    qtbot: QtBot, make_window: WindowFactory, library: Library
) -> None:
    window = make_window()
    assert window.centre.currentWidget() is window.welcome
    assert window.sample_button.isVisible()
    assert "press <b>H</b>" in window.welcome_text.text()
    qtbot.mouseClick(window.sample_button, Qt.MouseButton.LeftButton)
    wait_for_import(qtbot, window)
    assert window.document is not None
    assert "Russian" in window.document.title
    assert window.quotes_panel.model.rowCount() > 0


def test_parsing_and_quote_extraction_never_run_on_the_gui_thread(
    qtbot: QtBot,
    make_window: WindowFactory,
    library: Library,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import threading

    threads: list[str] = []
    real_parse = byline.importers.parse_file
    real_extract = byline.core.quotes.extract.extract_quotes

    def parse_file(path: Path):  # type: ignore[no-untyped-def]
        threads.append(threading.current_thread().name)
        return real_parse(path)

    def extract_quotes(text: str):  # type: ignore[no-untyped-def]
        threads.append(threading.current_thread().name)
        return real_extract(text)

    # workflows imports these where they run: the modules' own names are the ones to patch
    monkeypatch.setattr(byline.importers, "parse_file", parse_file)
    monkeypatch.setattr(byline.core.quotes.extract, "extract_quotes", extract_quotes)
    path = tmp_path / "article.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    window = make_window()
    window.import_paths([path])
    wait_for_import(qtbot, window)
    assert window.document is not None and window.quotes
    assert len(threads) == 2
    assert threading.main_thread().name not in threads
