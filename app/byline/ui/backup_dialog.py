"""The library's backups in the window: at start, a damaged library is set aside and the newest
backup offered in its place; from the window, any backup can be chosen and restored.

Nothing here deletes or overwrites a library file: the damaged or replaced file is renamed beside
the library (see ``byline.store.backups``).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QThreadPool
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from byline.core.errors import LibraryError
from byline.store import Library
from byline.store.backups import (
    Backup,
    Corrupt,
    LibraryHealth,
    Recovery,
    backups_dir_for,
    check_library,
    list_backups,
    restore_backup,
    set_aside_damaged,
)

if TYPE_CHECKING:
    from byline.ui.main_window import MainWindow

_REASONS = {"daily": "daily backup", "migration": "before an update", "manual": "made by hand"}


def describe(backup: Backup) -> str:
    """A backup as a reader names it: its local date and time, and why it was made."""
    when = backup.created.astimezone().strftime("%A %d %B %Y, %H:%M")
    return f"{when} ({_REASONS.get(backup.reason, backup.reason)})"


def recovery_question(problem: str, recovery: Recovery) -> str:
    """What the reader is told when the library could not be read at start."""
    kept = f"The damaged file was kept, untouched, as {recovery.set_aside.name}."
    opening = f"Byline could not read your library: {problem}. {kept}"
    if recovery.newest is None:
        return f"{opening}\n\nThere is no backup to restore, so Byline starts an empty library."
    return f"{opening}\n\nRestore the newest backup, from {describe(recovery.newest)}?"


def offer_recovery(
    db_path: Path, parent: QWidget | None = None, health: LibraryHealth | None = None
) -> Backup | None:
    """At start, before the library is opened: when it is damaged or unreadable (``health``, or
    checked now), set it aside and ask whether to restore the newest backup (an older one is
    tried when the newest is damaged too). Returns the backup restored, or None (the library was
    sound, or starts empty)."""
    if health is None:
        health = check_library(db_path)
    if not isinstance(health, Corrupt):
        return None
    recovery = set_aside_damaged(db_path)
    box = QMessageBox(
        QMessageBox.Icon.Warning,
        "Byline",
        recovery_question(health.problem, recovery),
        parent=parent,
    )
    box.setObjectName("recoveryBox")
    if recovery.newest is None:
        box.exec()
        return None
    restore = box.addButton("Restore backup", QMessageBox.ButtonRole.AcceptRole)
    box.addButton("Start empty", QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(restore)
    box.exec()
    if box.clickedButton() is not restore:
        return None
    for backup in list_backups(backups_dir_for(db_path)):
        try:
            restore_backup(backup, db_path)
        except LibraryError:
            continue  # that backup is damaged too: the next older one
        return backup
    QMessageBox.warning(parent, "Byline", "No backup could be restored; Byline starts empty.")
    return None


class RestoreBackupDialog(QDialog):
    """Lists the library's backups, newest first; accepting it means "restore the selected"."""

    def __init__(self, backups: list[Backup], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Restore a backup")
        self.setObjectName("restoreBackupDialog")
        self.backups = backups
        layout = QVBoxLayout(self)
        label = QLabel(
            "Byline will put the chosen backup in place of your library. The library as it is "
            "now is kept beside it, renamed, so nothing is lost."
        )
        label.setWordWrap(True)
        layout.addWidget(label)
        self.list = QListWidget()
        for backup in backups:
            item = QListWidgetItem(describe(backup))
            item.setData(Qt.ItemDataRole.UserRole, str(backup.path))
            self.list.addItem(item)
        self.list.setCurrentRow(0)
        self.list.itemDoubleClicked.connect(lambda _: self.accept())
        layout.addWidget(self.list)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText("Restore")
        ok.setEnabled(bool(backups))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def chosen(self) -> Backup | None:
        row = self.list.currentRow()
        return self.backups[row] if 0 <= row < len(self.backups) else None


def ask_restore_backup(window: MainWindow) -> RestoreBackupDialog:
    """Open the list of backups over the window (without a nested event loop); restoring
    happens when the reader accepts."""
    backups = list_backups(backups_dir_for(window.session.library.path))
    dialog = RestoreBackupDialog(backups, window)

    def restore_chosen() -> None:
        backup = dialog.chosen()
        if backup is not None:
            restore_into_window(window, backup)

    dialog.accepted.connect(restore_chosen)
    dialog.open()
    return dialog


def restore_into_window(window: MainWindow, backup: Backup) -> Path | None:
    """Put ``backup`` in place of the window's library and show it. Returns where the library
    as it was went (renamed beside it). On failure the window keeps the library it had and says
    why."""
    session = window.session
    window.cancel_all_tasks()
    QThreadPool.globalInstance().waitForDone(10_000)  # workers hold their own connections
    window.close_document()
    session.undo_stack.clear()  # its commands name rows of the library being replaced
    path = session.library.path
    session.library.close()
    replaced: Path | None = None
    try:
        replaced = restore_backup(backup, path)
    except LibraryError as exc:
        window.show_error(str(exc))
    finally:
        session.library = Library.open(path)
    session.documentsChanged.emit()
    if replaced is not None:
        window.statusBar().showMessage(
            f"Restored the backup from {describe(backup)}; the library as it was is kept as "
            f"{replaced.name}.",
            10_000,
        )
    return replaced
