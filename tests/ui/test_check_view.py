"""The "Check quotes" view: paste or open a draft, check it on a worker (cancellable), read the
verdicts, go to a source passage."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QThreadPool, QUrl
from pytestqt.qtbot import QtBot

from byline.core.check.verdicts import Verdict
from byline.core.model import ParsedDocument
from byline.store import Library
from byline.ui.check_view import CheckView

Article = Callable[..., ParsedDocument]

DRAFT = "\n\n".join(
    [
        "“We were dirty and tired. People died around us,” said Ivan Petrov.",
        "“It was never their war,” said Anna Smirnova.",
        "“We were dirty and tired,” said Anna Smirnova.",
        "“The war will be over by the spring,” said John Walsh.",
    ]
)


@pytest.fixture
def view(qtbot: QtBot, library: Library, article: Article) -> CheckView:
    library.add_document(article())
    widget = CheckView(library)
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def wait_for_check(qtbot: QtBot, view: CheckView) -> None:
    qtbot.waitUntil(lambda: not view.checking, timeout=30_000)


def paste_and_check(qtbot: QtBot, view: CheckView, text: str) -> None:
    view.draft_edit.setFocus()
    view.draft_edit.setPlainText(text)
    qtbot.mouseClick(view.check_button, Qt.MouseButton.LeftButton)
    wait_for_check(qtbot, view)


def column(view: CheckView, col: int) -> list[str]:
    return [view.results.topLevelItem(r).text(col) for r in range(view.results.topLevelItemCount())]


def test_pasted_draft_lists_each_quotation_with_its_verdict_and_source(
    qtbot: QtBot, view: CheckView
) -> None:
    paste_and_check(qtbot, view, DRAFT)
    assert [c.verdict for c in view.checks] == [
        Verdict.VERBATIM,
        Verdict.ALTERED,
        Verdict.WRONG_SPEAKER,
        Verdict.NOT_FOUND,
    ]
    assert column(view, 0) == ["Verbatim", "Altered", "Wrong speaker", "Not found"]
    assert column(view, 3)[:3] == ["Officer quits (#1)"] * 3
    assert column(view, 4) == ["Ivan Petrov", "Anna Smirnova", "Ivan Petrov", ""]
    assert "4 quotations" in view.summary.text() and "3 to fix" in view.summary.text()


def test_selecting_an_altered_quotation_shows_the_difference_and_marks_it_in_the_draft(
    qtbot: QtBot, view: CheckView
) -> None:
    paste_and_check(qtbot, view, DRAFT)
    view.select_row(1)
    details = view.details.toHtml()
    assert "line-through" in details and "our" in details  # the source's word, struck through
    assert "their" in details
    assert view.draft_edit.textCursor().selectedText() == "“It was never their war,”"


def test_double_clicking_a_result_asks_for_its_source_passage(
    qtbot: QtBot, view: CheckView, library: Library
) -> None:
    paste_and_check(qtbot, view, DRAFT)
    item = view.results.topLevelItem(0)
    center = view.results.visualItemRect(item).center()
    viewport = view.results.viewport()
    with qtbot.waitSignal(view.open_source) as signal:
        qtbot.mouseClick(viewport, Qt.MouseButton.LeftButton, pos=center)
        qtbot.mouseDClick(viewport, Qt.MouseButton.LeftButton, pos=center)
    doc_id, start, end = signal.args
    assert library.get_document(doc_id).text[start:end] == (
        "We were dirty and tired. People died around us"
    )


def test_enter_on_a_result_asks_for_its_source_passage(qtbot: QtBot, view: CheckView) -> None:
    paste_and_check(qtbot, view, DRAFT)
    view.results.setFocus()
    view.select_row(1)
    with qtbot.waitSignal(view.open_source) as signal:
        qtbot.keyClick(view.results, Qt.Key.Key_Return)
    source = view.checks[1].source
    assert source is not None
    assert signal.args == [source.document_id, source.start, source.end]


def test_the_source_link_in_the_details_asks_for_the_passage(qtbot: QtBot, view: CheckView) -> None:
    paste_and_check(qtbot, view, DRAFT)
    view.select_row(2)
    assert "byline-source:" in view.details.toHtml()
    with qtbot.waitSignal(view.open_source) as signal:
        view.details.anchorClicked.emit(QUrl("byline-source:passage"))
    assert signal.args[0] == view.checks[2].source.document_id  # type: ignore[union-attr]


def test_show_in_source_button_asks_for_the_passage(qtbot: QtBot, view: CheckView) -> None:
    paste_and_check(qtbot, view, DRAFT)
    view.select_row(1)
    with qtbot.waitSignal(view.open_source) as signal:
        qtbot.mouseClick(view.source_button, Qt.MouseButton.LeftButton)
    assert signal.args[0] == view.checks[1].source.document_id  # type: ignore[union-attr]


def test_a_result_without_a_source_leads_nowhere(qtbot: QtBot, view: CheckView) -> None:
    paste_and_check(qtbot, view, DRAFT)
    view.select_row(3)
    assert not view.source_button.isEnabled()
    with qtbot.assertNotEmitted(view.open_source):
        view.open_current_source()


def test_opening_a_draft_file_shows_its_text_and_checks_it(
    qtbot: QtBot, view: CheckView, tmp_path: Path
) -> None:
    path = tmp_path / "draft.md"
    path.write_text(DRAFT, encoding="utf-8")
    view.open_draft(path)
    wait_for_check(qtbot, view)
    assert "It was never their war" in view.draft_edit.toPlainText()
    assert len(view.checks) == 4
    assert view.windowTitle() == "Check quotes: draft.md"


def test_an_unreadable_draft_is_explained_in_one_line(
    qtbot: QtBot, view: CheckView, tmp_path: Path
) -> None:
    view.open_draft(tmp_path / "missing.docx")
    wait_for_check(qtbot, view)
    assert view.checks == ()
    assert view.summary.text() and "\n" not in view.summary.text()


def test_a_draft_without_quotations_says_so(qtbot: QtBot, view: CheckView) -> None:
    paste_and_check(qtbot, view, "Nothing quoted here at all.")
    assert view.checks == ()
    assert view.summary.text() == "No quotations found in the draft."


def test_the_check_runs_on_a_worker_while_the_view_shows_it_is_busy(
    qtbot: QtBot, view: CheckView
) -> None:
    view.draft_edit.setPlainText(DRAFT)
    qtbot.mouseClick(view.check_button, Qt.MouseButton.LeftButton)
    # Back in the event loop before any verdict: the GUI thread did not run the check.
    assert view.checking and view.checks == ()
    assert view.progress.isVisible() and view.cancel_button.isVisible()
    assert not view.check_button.isEnabled()
    wait_for_check(qtbot, view)
    assert len(view.checks) == 4
    assert not view.progress.isVisible() and view.check_button.isEnabled()


def test_cancelling_drops_the_running_check_and_frees_the_view(
    qtbot: QtBot, view: CheckView
) -> None:
    view.draft_edit.setPlainText(DRAFT)
    view.check_pasted()
    view.cancel_button.click()
    assert not view.checking and view.check_button.isEnabled()
    assert view.summary.text() == "Check cancelled."
    QThreadPool.globalInstance().waitForDone(30_000)
    qtbot.wait(50)  # the late answer is delivered, and must be ignored
    assert view.checks == () and view.summary.text() == "Check cancelled."

    paste_and_check(qtbot, view, DRAFT)
    assert len(view.checks) == 4
