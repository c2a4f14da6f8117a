"""A tab page whose content is built the first time it is wanted: when its tab is first shown,
or when code first asks for it. The tabs behind the current one are a good part of the
window's start-up otherwise (their modules, widgets and Qt's first polish of each)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Generic, TypeVar

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QVBoxLayout, QWidget

W = TypeVar("W", bound=QWidget)


class LazyPage(QWidget, Generic[W]):
    def __init__(self, build: Callable[[QWidget], W], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._build = build
        self._content: W | None = None
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)

    @property
    def built(self) -> bool:
        return self._content is not None

    def content(self) -> W:
        if self._content is None:
            self._content = self._build(self)
            self._layout.addWidget(self._content)
            if self.isVisible():  # else it would show a turn of the event loop later
                self._content.show()
        return self._content

    def showEvent(self, event: QShowEvent) -> None:
        self.content()
        super().showEvent(event)
