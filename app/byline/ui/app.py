"""Starting the window: ``run(paths, data_dir)`` is what ``byline`` (no sub-command, or file paths)
calls. It hands the paths to an already running Byline for the same library when there is one.

Start-up time is measured by benchmarks/ui_bench.py; what the first paint does not need is
imported where it is used (tests/ui/test_start_up.py keeps it so)."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings, QThreadPool
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

from byline import APP_ID
from byline.assets import resource_path
from byline.core.errors import BylineError
from byline.store import LIBRARY_FILE, Library, library_folder
from byline.ui.main_window import MainWindow
from byline.ui.session import Session

if TYPE_CHECKING:
    from byline.store.backups import LibraryHealth

SETTINGS_FILE = "settings.ini"


def window_settings(data_dir: Path) -> QSettings:
    """Window state lives beside the library, so each library (and each test) has its own."""
    return QSettings(str(data_dir / SETTINGS_FILE), QSettings.Format.IniFormat)


def create_window(data_dir: Path) -> MainWindow:
    """Open the library in ``data_dir`` and build the window over it (not shown). The day's
    backup is made by the window on a worker once it is on screen."""
    library = Library.open(data_dir / LIBRARY_FILE, daily_backup=False)
    session = Session(library)
    window = MainWindow(session, window_settings(data_dir))
    session.setParent(window)
    return window


def application() -> QApplication:
    app = QApplication.instance()
    if isinstance(app, QApplication):
        return app
    app = QApplication(sys.argv[:1])
    app.setApplicationName("Byline")
    app.setOrganizationName("Byline")
    app.setDesktopFileName(APP_ID)  # matches the installed .desktop file
    icon = resource_path("byline.svg")
    if icon.exists():
        app.setWindowIcon(QIcon(str(icon)))
    return app


def run(
    paths: list[Path],
    data_dir: Path | None,
    health: Callable[[], LibraryHealth] | None = None,
) -> int:
    """Show the window (importing and opening ``paths``) and run until it closes. ``health``
    gives the verdict of a check of the library already started (see cli._start_window)."""
    from byline.ui.backup_dialog import offer_recovery
    from byline.ui.single_instance import InstanceServer, hand_over, server_name

    folder = library_folder(data_dir)
    app = application()
    name = server_name(folder)
    if hand_over(name, paths):
        return 0
    try:
        # A damaged library: set aside, and a backup offered.
        offer_recovery(folder / LIBRARY_FILE, health=health() if health is not None else None)
        window = create_window(folder)
    except BylineError as exc:
        QMessageBox.critical(None, "Byline", str(exc))
        return 1
    server = InstanceServer(name, window)
    server.pathsReceived.connect(window.receive_paths)
    window.show()
    if paths:
        window.import_paths(paths)
    code = app.exec()
    window.cancel_all_tasks()
    QThreadPool.globalInstance().waitForDone(10_000)
    window.session.library.close()
    server.close()
    window.deleteLater()
    return code
