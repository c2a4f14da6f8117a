"""The open library as the window sees it: one Library connection (GUI thread only), the undo
stack, and signals that tell views what changed, so commands never reach into widgets."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from byline.store import Library


class Session(QObject):
    highlightsChanged = Signal(int)  # document id
    noteChanged = Signal(int, str)  # document id, the note now stored
    documentsChanged = Signal()  # titles, counts or tags in the library list may differ
    quotesChanged = Signal(int)  # document id: corrections changed

    def __init__(self, library: Library, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.library = library
        self.undo_stack = QUndoStack(self)

    @property
    def db_path(self) -> Path:
        """Workers open their own connection to this file (sqlite connections stay in the
        thread that made them)."""
        return self.library.path
