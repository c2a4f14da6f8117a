"""The library pane: every document with its counts, sorted and filtered by tag, and a search box
over the whole library whose hits open the document at the match. The list reads its ids from an
index and each row's summary when it is shown (two short queries); a document whose counts
change is read again alone. Searching runs on a worker; only the newest answer is shown."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QModelIndex, QPoint, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QProgressBar,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from byline.core.errors import BylineError
from byline.core.model import DocumentSummary, SearchHit
from byline.core.wording import counted
from byline.ui.list_view import EntryList
from byline.ui.models import DocumentListModel, ItemRole, SearchHitModel
from byline.ui.session import Session
from byline.ui.theme import make_muted
from byline.ui.workers import SearchTask, start_kept
from byline.workflows import document_summaries

SORTS = (
    ("Newest first", "published"),
    ("Title", "title"),
    ("Recently opened", "opened"),
    ("Recently imported", "imported"),
)
SEARCH_DELAY_MS = 250
BUSY_AFTER_MS = 150  # a search quicker than this shows no busy bar (it would only flicker)


ROWS_PER_BATCH = 20  # a tall window's screenful of rows, within one page of DocumentListModel


class LibraryPane(QWidget):
    documentActivated = Signal(int)
    removeRequested = Signal(object)  # DocumentSummary the reader wants out of the library
    listingChanged = Signal()  # the document list was reloaded
    hitActivated = Signal(object)  # SearchHit

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.documents = DocumentListModel(self._read_summaries)
        self.hits = SearchHitModel()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        self.search_edit = QLineEdit(self)
        self.search_edit.setObjectName("librarySearch")
        self.search_edit.setPlaceholderText("Search documents, highlights, notes")
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.textChanged.connect(self._search_later)
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.run_search)
        filters = QHBoxLayout()
        self.sort_combo = QComboBox(self)
        for label, key in SORTS:
            self.sort_combo.addItem(label, key)
        self.sort_combo.currentIndexChanged.connect(self.refresh)
        self.tag_combo = QComboBox(self)
        self.tag_combo.currentIndexChanged.connect(self.refresh)
        filters.addWidget(self.sort_combo, 1)
        filters.addWidget(self.tag_combo, 1)
        self.count_label = QLabel(self)
        make_muted(self.count_label)
        self.search_busy = QProgressBar(self)
        self.search_busy.setObjectName("searchBusy")
        self.search_busy.setRange(0, 0)  # a search cannot tell how far it is
        self.search_busy.setTextVisible(False)
        self.search_busy.setFixedSize(56, 6)
        self.search_busy.setToolTip("Searching…")
        self.search_busy.hide()
        self._busy_timer = QTimer(self)
        self._busy_timer.setSingleShot(True)
        self._busy_timer.setInterval(BUSY_AFTER_MS)
        self._busy_timer.timeout.connect(self.search_busy.show)
        status = QHBoxLayout()
        status.addWidget(self.count_label, 1)
        status.addWidget(self.search_busy)
        self.stack = QStackedWidget(self)
        self.document_list = EntryList(self)
        self.document_list.setObjectName("documentList")
        self.document_list.setModel(self.documents)
        # Laid out a screenful at a time between events: the first paint waits for one batch,
        # and the first screen needs one read of a page.
        self.document_list.setBatchSize(ROWS_PER_BATCH)
        # Several documents can be selected for File › Export (Ctrl/Shift+click).
        self.document_list.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.document_list.activated.connect(self._document_clicked)
        self.document_list.clicked.connect(self._document_clicked)
        self.document_list.customContextMenuRequested.connect(self._document_menu)
        self.hit_list = EntryList(self)
        self.hit_list.setObjectName("searchResults")
        self.hit_list.setModel(self.hits)
        self.hit_list.activated.connect(self._hit_clicked)
        self.hit_list.clicked.connect(self._hit_clicked)
        self.stack.addWidget(self.document_list)
        self.stack.addWidget(self.hit_list)
        layout.addWidget(self.search_edit)
        layout.addLayout(filters)
        layout.addLayout(status)
        layout.addWidget(self.stack, 1)
        self._current_doc: int | None = None
        self._stopped = False
        self._tasks: set[SearchTask] = set()
        self._search_generation = 0
        self._search: SearchTask | None = None  # the one search whose answer is awaited
        self.refresh()

    @property
    def sort_key(self) -> str:
        return str(self.sort_combo.currentData())

    def set_sort_key(self, key: str) -> None:
        index = self.sort_combo.findData(key)
        if index >= 0:
            self.sort_combo.setCurrentIndex(index)

    def refresh(self) -> None:
        """Reload the list: the tags and the documents' ids in order, two short queries (on
        indexes); the model reads the summaries of the rows shown."""
        if self._stopped:
            return
        library = self.session.library
        tag = self.tag_combo.currentData() or None
        try:
            tags = library.all_tags()
            ids = library.document_ids(sort=self.sort_key, tag=tag if tag in tags else None)
        except BylineError as exc:
            self.count_label.setText(str(exc))
            return
        self.tag_combo.blockSignals(True)
        self.tag_combo.clear()
        self.tag_combo.addItem("All tags", "")
        for name in tags:
            self.tag_combo.addItem(f"#{name}", name)
        self.tag_combo.setCurrentIndex(max(0, self.tag_combo.findData(tag) if tag else 0))
        self.tag_combo.blockSignals(False)
        tag = self.tag_combo.currentData() or None
        self.documents.set_ids(ids)
        if self.stack.currentWidget() is self.document_list:
            self.count_label.setText(
                counted(len(ids), "document") + (f" tagged #{tag}" if tag else "")
            )
        if self._current_doc is not None:
            self.mark_current(self._current_doc)
        self.listingChanged.emit()

    def refresh_document(self, doc_id: int) -> None:
        """One document's counts changed (a highlight, a note, its quotes): its row alone is
        read again, not the whole list."""
        if not self._stopped:
            self.documents.reread(doc_id)

    def _start(self, task: SearchTask) -> None:
        start_kept(task, self._tasks)

    def _read_summaries(self, doc_ids: Sequence[int]) -> list[DocumentSummary]:
        try:
            return document_summaries(self.session.library, doc_ids)
        except BylineError as exc:
            self.count_label.setText(str(exc))
            return []

    def stop_timers(self) -> None:
        self._stopped = True
        self._search_timer.stop()
        self._drop_search()

    def mark_current(self, doc_id: int) -> None:
        self._current_doc = doc_id
        row = self.documents.row_of(doc_id)
        self.document_list.blockSignals(True)
        self.document_list.select_row(row)
        self.document_list.blockSignals(False)

    def _search_later(self, text: str) -> None:
        if text.strip():
            self._search_timer.start()
        else:
            self._search_timer.stop()
            self._drop_search()  # its answer would cover the document list again
            self.stack.setCurrentWidget(self.document_list)
            self.count_label.setText(counted(self.documents.rowCount(), "document"))

    @property
    def searching(self) -> bool:
        return self._search is not None

    def run_search(self) -> None:
        """Search for what the box holds, on a worker; the hits replace the list when they
        arrive, unless newer typing started another search meanwhile."""
        query = self.search_edit.text().strip()
        if not query:
            return
        self._drop_search()
        task = SearchTask(self.session.db_path, self._search_generation, query)
        task.signals.finished.connect(self._search_ready)
        task.signals.failed.connect(self._search_failed)
        self._search = task
        if not self.search_busy.isVisible():
            self._busy_timer.start()
        self._start(task)

    def _drop_search(self) -> None:
        """Forget the running search (its answer will be dropped) and stop it."""
        self._search_generation += 1
        if self._search is not None:
            self._search.cancel()
            self._search = None
        self._busy_timer.stop()
        self.search_busy.hide()

    def _search_ended(self, generation: int) -> bool:
        """Whether this answer is the awaited one (and so the search is over)."""
        if generation != self._search_generation or self._stopped:
            return False
        self._search = None
        self._busy_timer.stop()
        self.search_busy.hide()
        return True

    def _search_ready(self, generation: int, hits: list[SearchHit]) -> None:
        if not self._search_ended(generation):
            return
        self.hits.set_items(hits)
        self.stack.setCurrentWidget(self.hit_list)
        self.count_label.setText(counted(len(hits), "result"))

    def _search_failed(self, generation: int, message: str) -> None:
        if self._search_ended(generation):
            self.count_label.setText(message)

    def selected_ids(self) -> list[int]:
        """The documents selected in the list, top to bottom."""
        rows = sorted(i.row() for i in self.document_list.selectionModel().selectedRows())
        values = [self.documents.index(r, 0).data(ItemRole) for r in rows]
        return [v.id for v in values if isinstance(v, DocumentSummary)]

    def _document_clicked(self, index: QModelIndex) -> None:
        value = index.data(ItemRole)
        if isinstance(value, DocumentSummary):
            self.documentActivated.emit(value.id)

    def _hit_clicked(self, index: QModelIndex) -> None:
        value = index.data(ItemRole)
        if isinstance(value, SearchHit):
            self.hitActivated.emit(value)

    def _document_menu(self, pos: QPoint) -> None:
        index = self.document_list.indexAt(pos)
        value = index.data(ItemRole) if index.isValid() else None
        if not isinstance(value, DocumentSummary):
            return
        menu = QMenu(self)
        menu.addAction("Open", lambda: self.documentActivated.emit(value.id))
        menu.addSeparator()
        menu.addAction("Remove from library…", lambda: self.removeRequested.emit(value))
        menu.exec(self.document_list.viewport().mapToGlobal(pos))
