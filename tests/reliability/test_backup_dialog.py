"""The window's side of backups, with real widgets and real files: a damaged library found at
start is set aside and the newest backup offered; a backup chosen in the window replaces the
library without losing the one it replaces."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from reliability_support import make_document

from byline.store import Library
from byline.store.backups import backups_dir_for, list_backups, make_backup

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@pytest.fixture
def library_path(tmp_path: Path) -> Path:
    path = tmp_path / "data" / "library.db"
    with Library.open(path) as lib:
        doc_id, _ = lib.add_document(make_document())
        lib.set_note(doc_id, "in the backup")
    make_backup(path, backups_dir_for(path), "daily", datetime.now(UTC) - timedelta(hours=3))
    with Library.open(path) as lib:
        lib.set_note(doc_id, "written after the backup")
    return path


def _answer_modal(qtbot: Any, choose: Callable[[Any], None]) -> None:
    """Answer the next modal box from inside its own event loop."""
    from PySide6.QtCore import QTimer  # noqa: TID251
    from PySide6.QtWidgets import QApplication  # noqa: TID251

    def answer() -> None:
        box = QApplication.activeModalWidget()
        if box is None:
            QTimer.singleShot(20, answer)
            return
        choose(box)

    QTimer.singleShot(0, answer)


def _click(label: str) -> Callable[[Any], None]:
    def click(box: Any) -> None:
        [button] = [b for b in box.buttons() if b.text() == label]
        button.click()

    return click


def test_damaged_library_at_start_is_set_aside_and_the_newest_backup_restored(
    qtbot: Any, library_path: Path
) -> None:
    from byline.ui.backup_dialog import offer_recovery

    library_path.write_bytes(b"garbage " * 5000)
    seen: list[str] = []

    def restore(box: Any) -> None:
        seen.append(box.text())
        _click("Restore backup")(box)

    _answer_modal(qtbot, restore)
    restored = offer_recovery(library_path)
    assert restored is not None and restored.reason == "daily"
    assert "could not read your library" in seen[0] and "library-damaged-" in seen[0]
    with Library.open(library_path) as lib:
        assert lib.get_note(1) == "in the backup"
    [aside] = library_path.parent.glob("library-damaged-*.db")
    assert aside.read_bytes() == b"garbage " * 5000


def test_reader_may_start_empty_and_keep_the_damaged_file(qtbot: Any, library_path: Path) -> None:
    from byline.ui.backup_dialog import offer_recovery

    library_path.write_bytes(library_path.read_bytes()[:5000])
    _answer_modal(qtbot, _click("Start empty"))
    assert offer_recovery(library_path) is None
    assert not library_path.exists()  # a new, empty library is made when it opens
    assert len(list(library_path.parent.glob("library-damaged-*.db"))) == 1
    assert len(list_backups(backups_dir_for(library_path))) == 1


def test_sound_library_starts_without_a_question(qtbot: Any, library_path: Path) -> None:
    from byline.ui.backup_dialog import offer_recovery

    assert offer_recovery(library_path) is None
    assert list(library_path.parent.glob("library-damaged-*")) == []


@pytest.fixture
def window(qtbot: Any, library_path: Path) -> Iterator[Any]:
    from byline.ui.app import create_window

    made = create_window(library_path.parent)
    qtbot.addWidget(made)
    made.show()
    yield made
    made.close()
    made.session.library.close()


def test_backup_chosen_in_the_window_replaces_the_library(qtbot: Any, window: Any) -> None:
    from byline.ui.backup_dialog import RestoreBackupDialog

    window.open_document(1)
    window.restore_backup_action.trigger()  # File > Restore a backup…
    dialog = window.findChild(RestoreBackupDialog)
    assert dialog is not None
    listed = [dialog.list.item(i).text() for i in range(dialog.list.count())]
    assert len(listed) == len(list_backups(backups_dir_for(window.session.library.path)))
    dialog.list.setCurrentRow(len(listed) - 1)  # the oldest: the one made three hours ago
    dialog.accept()
    assert window.session.library.get_note(1) == "in the backup"
    assert window.document is None  # the document shown came from the library replaced
    [kept] = window.session.library.path.parent.glob("library-replaced-*.db")
    with Library.open(kept) as old:
        assert old.get_note(1) == "written after the backup"
    assert "Restored the backup" in window.statusBar().currentMessage()


@pytest.mark.parametrize("through", ["run", "byline"])
def test_starting_the_app_on_a_damaged_library_offers_the_backup(
    qtbot: Any, library_path: Path, through: str
) -> None:
    """Through ``byline.ui.app.run``, and through ``byline`` itself, which checks the file
    while the window's modules load (cli._start_window)."""
    from PySide6.QtCore import QThreadPool, QTimer  # noqa: TID251
    from PySide6.QtWidgets import QApplication  # noqa: TID251

    from byline.cli import main
    from byline.ui.app import run
    from byline.ui.main_window import MainWindow

    library_path.write_bytes(b"garbage " * 5000)
    notes: list[str] = []

    def close_when_shown() -> None:
        windows = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow)]
        if not windows or not windows[-1].isVisible():
            QTimer.singleShot(50, close_when_shown)
            return
        notes.append(windows[-1].session.library.get_note(1))
        windows[-1].close()

    _answer_modal(qtbot, _click("Restore backup"))
    QTimer.singleShot(50, close_when_shown)
    if through == "run":
        assert run([], library_path.parent) == 0
    else:
        assert main(["--data-dir", str(library_path.parent)]) == 0
    QThreadPool.globalInstance().waitForDone(10_000)
    assert notes == ["in the backup"]
    assert len(list(library_path.parent.glob("library-damaged-*.db"))) == 1
