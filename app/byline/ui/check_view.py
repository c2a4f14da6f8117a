"""The "Check quotes" view: open or paste a draft, check its quotations against the library, and
read each verdict with its source, speaker and word-level difference; a result leads to its
source passage through ``open_source(document_id, start, end)``.

The check runs on a worker with its own connection to the library file: a long draft against a
large library takes seconds. Cancelling drops the running check's answer (the check itself has
no place to stop midway) and the view is free for the next one at once."""

from __future__ import annotations

import html
from pathlib import Path

from PySide6.QtCore import QModelIndex, Qt, QUrl, Signal
from PySide6.QtGui import QBrush, QColor, QTextCursor
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from byline.checking import DraftCheck
from byline.core.check.diff import DiffOp, EditKind
from byline.core.check.verdicts import QuoteCheck, Verdict
from byline.store import Library
from byline.ui.textmap import utf16_length
from byline.ui.theme import make_muted
from byline.ui.workers import CheckTask, start_kept

SOURCE_LINK = "byline-source"
DRAFT_FILTER = "Drafts (*.txt *.md *.markdown *.docx);;All files (*)"

VERDICT_LABELS = {
    Verdict.VERBATIM: "Verbatim",
    Verdict.ALTERED: "Altered",
    Verdict.WRONG_SPEAKER: "Wrong speaker",
    Verdict.NOT_FOUND: "Not found",
}
VERDICT_COLORS = {
    Verdict.VERBATIM: "#2e7d32",
    Verdict.ALTERED: "#e65100",
    Verdict.WRONG_SPEAKER: "#c62828",
    Verdict.NOT_FOUND: "#c62828",
}
DROPPED_COLOR = "#c62828"
ADDED_COLOR = "#2e7d32"
MARK_COLOR = "#1565c0"
COLUMNS = ("Verdict", "Quotation", "Draft says", "Source", "Source speaker")


def verdict_label(check: QuoteCheck) -> str:
    label = VERDICT_LABELS[check.verdict]
    return f"{label} (edited)" if check.verdict is Verdict.VERBATIM and check.edited else label


def diff_html(ops: tuple[DiffOp, ...]) -> str:
    """The difference as rich text: the source's missing words struck through, the draft's
    added words underlined, legitimate editing marks in blue with what they stand for."""
    parts: list[str] = []
    for op in ops:
        draft, source = html.escape(op.draft), html.escape(op.source)
        if op.kind is EditKind.SAME:
            parts.append(draft)
        elif op.kind is EditKind.ADDED:
            parts.append(f'<u style="color:{ADDED_COLOR}">{draft}</u>')
        elif op.kind is EditKind.DROPPED:
            parts.append(f'<s style="color:{DROPPED_COLOR}">{source}</s>')
        elif op.kind is EditKind.CHANGED:
            parts.append(
                f'<s style="color:{DROPPED_COLOR}">{source}</s> '
                f'<u style="color:{ADDED_COLOR}">{draft}</u>'
            )
        elif op.kind is EditKind.ELLIPSIS:
            cut = f" <i>(cuts: {source})</i>" if source else ""
            parts.append(f'<span style="color:{MARK_COLOR}">…{cut}</span>')
        else:
            instead = f" <i>(for: {source})</i>" if source else ""
            parts.append(f'<span style="color:{MARK_COLOR}">[{draft}]{instead}</span>')
    return " ".join(parts)


class CheckView(QWidget):
    """A window of its own: a draft, the button that checks it, and the results."""

    open_source = Signal(int, int, int)  # document id, start, end of the source passage

    def __init__(self, library: Library, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.library = library
        self.result: DraftCheck | None = None
        self._generation = 0  # answers of checks started before the latest are dropped
        self._running: CheckTask | None = None
        self._tasks: set[CheckTask] = set()
        self.setWindowTitle("Check quotes")
        self.resize(1000, 700)

        self.open_button = QPushButton("Open draft…", self)
        self.open_button.clicked.connect(self.ask_open_draft)
        self.check_button = QPushButton("Check quotes", self)
        self.check_button.setDefault(True)
        self.check_button.clicked.connect(self.check_pasted)
        self.progress = QProgressBar(self)
        self.progress.setRange(0, 0)  # busy: the check cannot tell how far it is
        self.progress.setMaximumWidth(160)
        self.progress.hide()
        self.cancel_button = QPushButton("Cancel", self)
        self.cancel_button.clicked.connect(self.cancel)
        self.cancel_button.hide()
        self.summary = QLabel("", self)
        make_muted(self.summary)
        self.summary.setWordWrap(True)
        bar = QHBoxLayout()
        bar.addWidget(self.open_button)
        bar.addWidget(self.check_button)
        bar.addWidget(self.progress)
        bar.addWidget(self.cancel_button)
        bar.addWidget(self.summary, 1)

        self.draft_edit = QPlainTextEdit(self)
        self.draft_edit.setObjectName("checkDraft")
        self.draft_edit.setPlaceholderText(
            "Paste a draft here, or open a file (plain text, Markdown or Word), then check its "
            "quotations against the library."
        )
        self.results = QTreeWidget(self)
        self.results.setObjectName("checkResults")
        self.results.setRootIsDecorated(False)
        self.results.setUniformRowHeights(True)
        self.results.setHeaderLabels(list(COLUMNS))
        self.results.setColumnWidth(0, 130)
        self.results.setColumnWidth(1, 360)
        self.results.currentItemChanged.connect(lambda *_: self._show_details())
        self.results.itemActivated.connect(lambda *_: self.open_current_source())
        self.details = QTextBrowser(self)
        self.details.setObjectName("checkDetails")
        self.details.setOpenLinks(False)  # links lead into Byline, never out
        self.details.anchorClicked.connect(self._link_clicked)

        self.source_button = QPushButton("Show in source", self)
        self.source_button.setToolTip("Open the source document at this passage")
        self.source_button.setEnabled(False)
        self.source_button.clicked.connect(self.open_current_source)
        detail_pane = QWidget(self)
        detail_layout = QVBoxLayout(detail_pane)
        detail_layout.setContentsMargins(0, 0, 0, 0)
        detail_layout.addWidget(self.details, 1)
        detail_layout.addWidget(self.source_button, 0, Qt.AlignmentFlag.AlignRight)

        lower = QSplitter(Qt.Orientation.Horizontal, self)
        lower.addWidget(self.results)
        lower.addWidget(detail_pane)
        lower.setStretchFactor(0, 3)
        lower.setStretchFactor(1, 2)
        split = QSplitter(Qt.Orientation.Vertical, self)
        split.addWidget(self.draft_edit)
        split.addWidget(lower)
        split.setStretchFactor(0, 1)
        split.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(split, 1)

    # ------------------------------------------------------------------------- checking

    def ask_open_draft(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, "Open a draft", "", DRAFT_FILTER)
        if name:
            self.open_draft(Path(name))

    def open_draft(self, path: Path) -> None:
        """Read a draft file, show its text and check it (on a worker)."""
        self._start(path=path)

    def check_pasted(self) -> None:
        """Check the text in the draft box (on a worker)."""
        self._start(text=self.draft_edit.toPlainText())

    @property
    def checking(self) -> bool:
        return self._running is not None

    def cancel(self) -> None:
        if self._running is None:
            return
        self._generation += 1
        self._set_busy(None)
        self.summary.setText("Check cancelled.")

    def _start(self, *, text: str | None = None, path: Path | None = None) -> None:
        self._generation += 1
        task = CheckTask(self.library.path, self._generation, text=text, path=path)
        task.signals.finished.connect(lambda gen, result: self._finished(gen, result, path))
        task.signals.failed.connect(self._failed)
        self._set_busy(task)
        self.summary.setText(f"Checking {path.name}…" if path is not None else "Checking…")
        start_kept(task, self._tasks)

    def _set_busy(self, task: CheckTask | None) -> None:
        self._running = task
        self.progress.setVisible(task is not None)
        self.cancel_button.setVisible(task is not None)
        self.check_button.setEnabled(task is None)
        self.open_button.setEnabled(task is None)

    def _finished(self, generation: int, result: DraftCheck, path: Path | None) -> None:
        if generation != self._generation:
            return
        self._set_busy(None)
        if path is not None:
            self.setWindowTitle(f"Check quotes: {path.name}")
            self.draft_edit.setPlainText(result.text)
        self.show_result(result)

    def _failed(self, generation: int, message: str) -> None:
        if generation != self._generation:
            return
        self._set_busy(None)
        self._show_error(message)

    def show_result(self, result: DraftCheck) -> None:
        self.result = result
        self.results.clear()
        for check in result.checks:
            self.results.addTopLevelItem(_result_item(check))
        self.summary.setText(_summary(result))
        if result.checks:
            self.select_row(0)
        else:
            self.details.clear()

    def _show_error(self, message: str) -> None:
        self.result = None
        self.results.clear()
        self.details.clear()
        self.source_button.setEnabled(False)
        self.summary.setText(message)

    # -------------------------------------------------------------------------- results

    @property
    def checks(self) -> tuple[QuoteCheck, ...]:
        return self.result.checks if self.result is not None else ()

    @property
    def current(self) -> QuoteCheck | None:
        item = self.results.currentItem()
        if item is None:
            return None
        value = item.data(0, Qt.ItemDataRole.UserRole)
        return value if isinstance(value, QuoteCheck) else None

    def select_row(self, row: int) -> None:
        self.results.setCurrentIndex(self.results.model().index(row, 0, QModelIndex()))

    def open_current_source(self) -> None:
        """Ask for the current result's source passage to be shown in the reading view."""
        check = self.current
        if check is not None and check.source is not None:
            s = check.source
            self.open_source.emit(s.document_id, s.start, s.end)

    def _link_clicked(self, url: QUrl) -> None:
        if url.scheme() == SOURCE_LINK:
            self.open_current_source()

    def _show_details(self) -> None:
        check = self.current
        self.details.setHtml(_details_html(check) if check is not None else "")
        self.source_button.setEnabled(check is not None and check.source is not None)
        if check is not None and self.result is not None:
            self._select_in_draft(self.result.text, check.quote.start, check.quote.end)

    def _select_in_draft(self, text: str, start: int, end: int) -> None:
        """Select the quotation in the draft box, if the box still holds the checked text."""
        if self.draft_edit.toPlainText() != text:
            return
        cursor = self.draft_edit.textCursor()
        cursor.setPosition(utf16_length(text[:start]))
        cursor.setPosition(utf16_length(text[:end]), QTextCursor.MoveMode.KeepAnchor)
        self.draft_edit.setTextCursor(cursor)
        self.draft_edit.ensureCursorVisible()


def _summary(result: DraftCheck) -> str:
    if not result.checks:
        return "No quotations found in the draft."
    counts = ", ".join(
        f"{result.count(v)} {VERDICT_LABELS[v].lower()}" for v in Verdict if result.count(v)
    )
    verdict = "all faithful" if not result.problems else f"{result.problems} to fix"
    return f"{len(result.checks)} quotations: {counts} ({verdict})"


def _result_item(check: QuoteCheck) -> QTreeWidgetItem:
    source = check.source
    item = QTreeWidgetItem(
        [
            verdict_label(check),
            check.quote.text,
            check.quote.speaker or "",
            f"{source.title} (#{source.document_id})" if source else "",
            (source.speaker or "") if source else "",
        ]
    )
    item.setData(0, Qt.ItemDataRole.UserRole, check)
    item.setForeground(0, QBrush(QColor(VERDICT_COLORS[check.verdict])))
    item.setToolTip(1, check.quote.text)
    return item


def _details_html(check: QuoteCheck) -> str:
    e = html.escape
    parts = [f"<p><b>{e(verdict_label(check))}</b></p>", f"<p>{e(check.quote.text)}</p>"]
    said = check.quote.speaker or "nobody the check could name"
    parts.append(f"<p>The draft attributes it to {e(said)}.</p>")
    source = check.source
    if source is None:
        parts.append("<p>No passage of the library is close to these words.</p>")
        return "".join(parts)
    who = source.speaker or "a speaker the source does not name"
    parts.append(
        f"<p>Source: <a href='{SOURCE_LINK}:passage'>{e(source.title)}</a> "
        f"(document #{source.document_id}, characters {source.start}–{source.end}), "
        f"said by {e(who)}.</p>"
    )
    if check.verdict is Verdict.WRONG_SPEAKER:
        parts.append(f"<p>The source gives these words to {e(who)}, not to {e(said)}.</p>")
    if check.words_altered or check.edited:
        parts.append(f"<p>{diff_html(check.diff)}</p>")
        parts.append(
            "<p><small>Struck through: the source's words the draft lacks. Underlined: words "
            "the draft put in. Blue: editing marks (ellipses, [brackets]), which are "
            "legitimate.</small></p>"
        )
    return "".join(parts)
