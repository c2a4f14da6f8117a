"""Qt runs headless in these tests (set before anything imports Qt); windows are built over a real
library in tmp_path, with their settings file beside it."""

from __future__ import annotations

import os
import threading

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from pathlib import Path

import pytest
from PySide6.QtCore import QThreadPool
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from byline.core.model import BlockKind, ParsedDocument
from byline.core.text import BlockText, assemble
from byline.store import Library
from byline.ui.app import LIBRARY_FILE, create_window
from byline.ui.main_window import MainWindow

WindowFactory = Callable[[], MainWindow]

ARTICLE_BLOCKS = [
    BlockText(BlockKind.HEADING, "Officers who would not fight", 2),
    BlockText(
        BlockKind.PARAGRAPH,
        "There was only silence. “Nobody asked us whether we wanted to go to war, nobody at all.”",
    ),
    BlockText(
        BlockKind.PARAGRAPH,
        "After weeks of sleeping on shell boxes, a Russian officer decided to give up.",
    ),
    BlockText(
        BlockKind.PARAGRAPH,
        "“We were dirty and tired. People died around us,” Ivan Petrov told reporters. "
        "He went to his commander and resigned.",
    ),
    BlockText(BlockKind.LIST_ITEM, "The first officer refused.", 1),
    BlockText(BlockKind.LIST_ITEM, "The second officer left.", 1),
    BlockText(BlockKind.BLOCKQUOTE, "A quoted passage from a letter."),
    BlockText(BlockKind.PARAGRAPH, "The banner read “No more war” in red letters."),
    BlockText(
        BlockKind.PARAGRAPH,
        "“It was never our war,” said Anna Smirnova, a lawyer who helps soldiers leave.",
    ),
]


def parsed_article(extra_paragraphs: int = 0, title: str = "Officer quits") -> ParsedDocument:
    """A small article with two attributed quotes; ``extra_paragraphs`` of filler push the last
    paragraph far below the first screen."""
    blocks = list(ARTICLE_BLOCKS)
    filler = [
        BlockText(BlockKind.PARAGRAPH, f"Filler paragraph number {i} about the war and its cost.")
        for i in range(extra_paragraphs)
    ]
    blocks = blocks[:-1] + filler + blocks[-1:]
    text, spans = assemble(blocks)
    return ParsedDocument(
        text=text,
        blocks=spans,
        title=title,
        format="text",
        author="Jane Reporter",
        outlet="CNN",
        published="2022-05-12",
    )


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return tmp_path / "data"


@pytest.fixture
def library(data_dir: Path) -> Iterator[Library]:
    """A second connection to the window's library file, for arranging and checking."""
    lib = Library.open(data_dir / LIBRARY_FILE)
    yield lib
    lib.close()


@pytest.fixture
def make_window(qtbot: QtBot, data_dir: Path) -> Iterator[WindowFactory]:
    windows: list[MainWindow] = []

    def make() -> MainWindow:
        window = create_window(data_dir)
        qtbot.addWidget(window)
        window.resize(1200, 800)
        window.show()
        qtbot.waitExposed(window)
        window.activateWindow()
        qtbot.waitUntil(window.isActiveWindow)
        windows.append(window)
        return window

    yield make
    for window in windows:
        window.close()
    QThreadPool.globalInstance().waitForDone(20_000)
    QApplication.processEvents()
    errors = [w.error_box.text() for w in windows if w.error_box is not None]
    for window in windows:
        window.session.library.close()
    assert not errors, f"the window showed an error: {errors}"


@pytest.fixture
def article() -> Callable[..., ParsedDocument]:
    """``article(extra_paragraphs=0, title=...)`` builds a test article."""
    return parsed_article


@pytest.fixture
def wait_for_quotes(qtbot: QtBot) -> Callable[[MainWindow], None]:
    def wait(window: MainWindow) -> None:
        qtbot.waitUntil(lambda: not window.quotes_pending, timeout=20_000)

    return wait


@contextmanager
def _workers_occupied() -> Iterator[None]:
    pool = QThreadPool.globalInstance()
    release = threading.Event()
    started = threading.Semaphore(0)
    count = pool.maxThreadCount()

    def hold() -> None:
        started.release()
        release.wait(30)

    for _ in range(count):
        pool.start(hold)
    for _ in range(count):
        assert started.acquire(timeout=10)
    try:
        yield
    finally:
        release.set()


@pytest.fixture
def workers_occupied() -> Callable[[], AbstractContextManager[None]]:
    """``with workers_occupied(): ...`` keeps every worker of the pool busy, so tasks started
    inside wait in its queue: what the GUI thread does meanwhile is all it did itself."""
    return _workers_occupied
