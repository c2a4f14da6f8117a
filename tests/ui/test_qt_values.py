"""The Qt values the start path spells out (ui/qt_values.py) are Qt's own, and a property set
by name is set, or refused loudly."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QListView, QTextBrowser
from pytestqt.qtbot import QtBot

from byline.ui import qt_values


def test_roles_and_text_flags_are_qts_own() -> None:
    assert Qt.ItemDataRole.DisplayRole.value == qt_values.DISPLAY_ROLE
    assert Qt.ItemDataRole.DecorationRole.value == qt_values.DECORATION_ROLE
    assert Qt.ItemDataRole.ToolTipRole.value == qt_values.TOOL_TIP_ROLE
    assert Qt.ItemDataRole.UserRole.value == qt_values.USER_ROLE
    wrapped = Qt.TextFlag.TextWordWrap.value | Qt.AlignmentFlag.AlignLeft.value
    assert wrapped | Qt.AlignmentFlag.AlignTop.value == qt_values.WRAPPED_TOP_LEFT


def test_an_enum_or_flags_property_is_set_by_name(qtbot: QtBot) -> None:
    view = QTextBrowser()
    qtbot.addWidget(view)
    qt_values.set_by_name(view, "contextMenuPolicy", "CustomContextMenu")
    flags = "TextSelectableByMouse|LinksAccessibleByMouse"
    qt_values.set_by_name(view, "textInteractionFlags", flags)
    assert view.contextMenuPolicy() is Qt.ContextMenuPolicy.CustomContextMenu
    assert view.textInteractionFlags() == (
        Qt.TextInteractionFlag.TextSelectableByMouse | Qt.TextInteractionFlag.LinksAccessibleByMouse
    )


def test_a_misspelt_name_is_an_error_not_a_silent_default(qtbot: QtBot) -> None:
    view = QListView()
    qtbot.addWidget(view)
    with pytest.raises(ValueError, match="horizontalScrollBarPolicy"):
        qt_values.set_by_name(view, "horizontalScrollBarPolicy", "ScrollBarAlwaysOf")
    with pytest.raises(ValueError, match="noSuchProperty"):
        qt_values.set_by_name(view, "noSuchProperty", "ScrollBarAlwaysOff")
    assert view.horizontalScrollBarPolicy() is Qt.ScrollBarPolicy.ScrollBarAsNeeded
