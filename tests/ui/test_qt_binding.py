"""The Qt binding itself must be sound: PySide6 6.12.0 on Python 3.11 drops a reference to None
on every call of a Qt method that returns nothing, and the app crashes ("deallocating None")
after a few thousand calls. Byline needs a PySide6 without that fault."""

from __future__ import annotations

import sys

import pytest
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot


@pytest.mark.skipif(sys.version_info >= (3, 12), reason="None is immortal from Python 3.12")
def test_calling_qt_methods_does_not_drain_references_to_none(qtbot: QtBot) -> None:
    label = QLabel("x")
    qtbot.addWidget(label)
    label.setText("warm up")
    before = sys.getrefcount(None)
    for i in range(500):
        label.setText(str(i % 2))
    assert sys.getrefcount(None) > before - 100
