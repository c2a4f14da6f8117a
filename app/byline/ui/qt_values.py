"""What the window sets up before its first paint from the ``Qt`` namespace, without touching
the namespace.

PySide6 makes a class's Python enums the first time the class is touched, and the ``Qt``
namespace has 93 of them with 1,200 members, made by Python's enum module: 15-25 ms, a tenth of
the time to the first paint (issue 5). So the modules of the start path use these instead of
``Qt`` (elsewhere ``QtCore.Qt`` inside the handlers that need it), and the namespace is made
after the first frame instead (when the window asks the system for its colour scheme, or at
the first keystroke). Calls whose overloads take a Qt enum make it too, even given something
else: ``QPainter.setPen``, ``QAction.setShortcut``, ``QSplitter(widget)``. Drawing (the colour
swatches) waits. tests/ui/test_start_up.py checks that the first frame leaves it unmade;
tests/ui/test_qt_values.py that these are Qt's own values."""

from __future__ import annotations

from PySide6.QtCore import QObject

# Item data roles, which Qt passes to models and delegates as plain ints anyway.
DISPLAY_ROLE = 0  # Qt.ItemDataRole.DisplayRole
DECORATION_ROLE = 1  # Qt.ItemDataRole.DecorationRole
TOOL_TIP_ROLE = 3  # Qt.ItemDataRole.ToolTipRole
USER_ROLE = 256  # Qt.ItemDataRole.UserRole

# Qt.TextFlag.TextWordWrap | Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop, as the
# int that QPainter.drawText and QFontMetrics.boundingRect take.
WRAPPED_TOP_LEFT = 0x1000 | 0x0001 | 0x0020


def set_by_name(target: QObject, prop: str, value: str) -> None:
    """Set an enum (or flags: ``"A|B"``) property by the names of its values, as a .ui file
    does: Qt's property system reads the names, so no Python enum is made."""
    if not target.setProperty(prop, value):
        raise ValueError(f"{type(target).__name__} has no property {prop} that takes {value!r}")
