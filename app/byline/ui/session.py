"""The open library as the window sees it: one Library connection (GUI thread only), the undo
stack, and signals that tell views what changed, so commands never reach into widgets."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from byline.core.errors import LibraryError
from byline.store import Library

T = TypeVar("T")
BUSY_RETRIES = 5


class Session(QObject):
    highlightsChanged = Signal(int)  # document id
    noteChanged = Signal(int, str)  # document id, the note now stored
    documentsChanged = Signal()  # which documents the library lists, or their tags, may differ
    documentChanged = Signal(int)  # document id: its counts in the library list may differ
    quotesChanged = Signal(int)  # document id: corrections changed
    documentTagsChanged = Signal(int, object)  # document id, tuple[str, ...] now stored
    errorOccurred = Signal(str)  # a change could not be saved; the message says why

    def __init__(self, library: Library, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.library = library
        self.undo_stack = QUndoStack(self)

    @property
    def db_path(self) -> Path:
        """Workers open their own connection to this file (sqlite connections stay in the
        thread that made them)."""
        return self.library.path

    def write(self, change: Callable[[], T]) -> T:
        """Run a library write from the GUI thread. A worker's write can make SQLite refuse
        ours at once as "busy" (a deferred transaction cannot wait for the lock), so it is tried
        again a few times before the error is reported."""
        for attempt in range(BUSY_RETRIES):
            try:
                return change()
            except LibraryError as exc:
                if "busy" not in str(exc) or attempt == BUSY_RETRIES - 1:
                    raise
                time.sleep(0.02 * (attempt + 1))
        raise AssertionError("unreachable")
