"""File › Export notes as Markdown and Export backup, and Edit › Copy as Markdown: the dialog's
choice, the question before anything is overwritten, and the files written by the worker."""

from __future__ import annotations

import json
from collections.abc import Callable
from contextlib import AbstractContextManager
from pathlib import Path

from PySide6.QtCore import QItemSelectionModel
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from byline.core.model import ParsedDocument
from byline.store import Library
from byline.ui.export_dialog import ExportChoice, ExportScope
from byline.ui.main_window import MainWindow

WindowFactory = Callable[[], MainWindow]
Article = Callable[..., ParsedDocument]
WorkersHeld = Callable[[], AbstractContextManager[None]]


def wait_for_export(qtbot: QtBot, window: MainWindow) -> None:
    qtbot.waitUntil(lambda: not window.exporting, timeout=30_000)


def answer_dialog(window: MainWindow, choice: ExportChoice) -> None:
    """Drive File › Export as the reader would: open the dialog, fill it in, press Export."""
    window.export_markdown_action.trigger()
    dialog = window.export_dialog
    assert dialog is not None and dialog.isVisible()
    dialog.set_choice(choice)
    assert dialog.choice() == choice
    dialog.accept()


def test_exporting_the_open_document_writes_its_highlights_with_the_chosen_template(
    qtbot: QtBot, make_window: WindowFactory, library: Library, article: Article, tmp_path: Path
) -> None:
    doc_id, _ = library.add_document(article())
    text = library.get_document(doc_id).text
    start = text.index("shell boxes")
    library.add_highlight(doc_id, start, start + len("shell boxes"), note="check the date")
    window = make_window()
    window.open_document(doc_id)
    out = tmp_path / "notes.md"

    answer_dialog(window, ExportChoice(ExportScope.CURRENT, "highlights", out, single_file=True))
    assert window.progress.isVisible()
    wait_for_export(qtbot, window)

    written = out.read_text(encoding="utf-8")
    assert "shell boxes" in written and "check the date" in written
    assert window.last_export == [out] and not window.progress.isVisible()


def test_exporting_over_existing_files_asks_first_and_replaces_only_when_told(
    qtbot: QtBot, make_window: WindowFactory, library: Library, article: Article, tmp_path: Path
) -> None:
    doc_id, _ = library.add_document(article(title="Officer quits"))
    window = make_window()
    window.open_document(doc_id)
    out = tmp_path / "notes.md"
    out.write_text("my draft", encoding="utf-8")
    choice = ExportChoice(ExportScope.CURRENT, "full", out, single_file=True)

    answer_dialog(window, choice)
    box = window.overwrite_box
    assert box is not None and box.isVisible() and "notes.md" in box.text()
    box.button(QMessageBox.StandardButton.Cancel).click()
    QApplication.processEvents()
    assert not window.exporting and out.read_text(encoding="utf-8") == "my draft"

    answer_dialog(window, choice)
    box = window.overwrite_box
    assert box is not None and box.isVisible()
    box.button(QMessageBox.StandardButton.Yes).click()
    wait_for_export(qtbot, window)
    assert "Officer quits" in out.read_text(encoding="utf-8")


def test_exporting_selected_documents_into_a_folder_writes_one_file_each(
    qtbot: QtBot, make_window: WindowFactory, library: Library, article: Article, tmp_path: Path
) -> None:
    for extra, title in enumerate(("Alpha", "Bravo", "Charlie")):
        library.add_document(article(title=title, extra_paragraphs=extra))
    window = make_window()
    qtbot.waitUntil(lambda: window.library_pane.documents.rowCount() == 3)
    selection = window.library_pane.document_list.selectionModel()
    model = window.library_pane.documents
    titles = {model.index(r, 0).data().split("\n")[0]: r for r in range(3)}
    selection.clearSelection()
    for title in ("Alpha", "Charlie"):
        selection.select(model.index(titles[title], 0), QItemSelectionModel.SelectionFlag.Select)
    assert len(window.library_pane.selected_ids()) == 2
    folder = tmp_path / "exported"

    answer_dialog(window, ExportChoice(ExportScope.SELECTED, "quotes", folder, single_file=False))
    wait_for_export(qtbot, window)

    assert sorted(p.name for p in folder.iterdir()) == ["Alpha.md", "Charlie.md"]
    assert len(window.last_export) == 2


def test_a_user_template_file_is_used_and_a_broken_one_is_reported(
    qtbot: QtBot, make_window: WindowFactory, library: Library, article: Article, tmp_path: Path
) -> None:
    library.add_document(article(title="Officer quits"))
    template = tmp_path / "mine.md"
    template.write_text("TITLE: {{ doc.title }}\n", encoding="utf-8")
    window = make_window()
    out = tmp_path / "out.md"
    answer_dialog(window, ExportChoice(ExportScope.ALL, str(template), out, single_file=True))
    wait_for_export(qtbot, window)
    assert out.read_text(encoding="utf-8").startswith("TITLE: Officer quits")

    missing = tmp_path / "nowhere.md"
    window.export_markdown(ExportChoice(ExportScope.ALL, str(missing), tmp_path / "b.md", True))
    wait_for_export(qtbot, window)
    box = window.error_box
    assert box is not None and "nowhere.md" in box.text()
    assert not (tmp_path / "b.md").exists()
    box.close()
    window.error_box = None


def test_backup_holds_every_document_and_asks_before_replacing(
    qtbot: QtBot, make_window: WindowFactory, library: Library, article: Article, tmp_path: Path
) -> None:
    library.add_document(article(title="Alpha"))
    library.add_document(article(title="Bravo", extra_paragraphs=1))
    window = make_window()
    out = tmp_path / "backup.json"
    window.export_backup(out)
    wait_for_export(qtbot, window)
    data = json.loads(out.read_text(encoding="utf-8"))
    assert "Alpha" in json.dumps(data) and "Bravo" in json.dumps(data)

    out.write_text("{}", encoding="utf-8")
    window.export_backup(out)
    box = window.overwrite_box
    assert box is not None and box.isVisible()
    box.button(QMessageBox.StandardButton.Yes).click()
    wait_for_export(qtbot, window)
    assert "Bravo" in out.read_text(encoding="utf-8")


def test_copy_as_markdown_copies_the_document_and_the_selected_highlight(
    qtbot: QtBot,
    make_window: WindowFactory,
    library: Library,
    article: Article,
    wait_for_quotes: Callable[[MainWindow], None],
) -> None:
    doc_id, _ = library.add_document(article(title="Officer quits"))
    text = library.get_document(doc_id).text
    start = text.index("shell boxes")
    highlight = library.add_highlight(doc_id, start, start + 11, note="ask the unit")
    window = make_window()
    window.open_document(doc_id)
    wait_for_quotes(window)

    window.copy_markdown_action.trigger()
    qtbot.waitUntil(lambda: "shell boxes" in QApplication.clipboard().text())
    copied = QApplication.clipboard().text()
    assert "Officer quits" in copied

    window.highlights_panel.select_highlight(highlight.id)
    window.copy_highlight_markdown_action.trigger()
    copied = QApplication.clipboard().text()
    assert "shell boxes" in copied and "ask the unit" in copied and "Ivan" not in copied


def test_copy_as_markdown_before_the_quotes_are_found_waits_for_them_off_the_gui_thread(
    qtbot: QtBot,
    make_window: WindowFactory,
    library: Library,
    article: Article,
    workers_occupied: WorkersHeld,
) -> None:
    doc_id, _ = library.add_document(article(title="Officer quits"))
    window = make_window()
    QApplication.clipboard().setText("before")
    with workers_occupied():
        window.open_document(doc_id)
        assert window.quotes_pending
        window.copy_markdown_action.trigger()
        # No worker could run: had the GUI thread extracted the quotes, it would have copied.
        assert QApplication.clipboard().text() == "before"
        assert window.copying_markdown
    qtbot.waitUntil(lambda: not window.copying_markdown, timeout=20_000)
    copied = QApplication.clipboard().text()
    assert "Officer quits" in copied and "Ivan Petrov" in copied and "dirty and tired" in copied
    assert window.statusBar().currentMessage() == "Copied the document's notes as Markdown."
