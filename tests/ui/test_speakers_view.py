"""View › Speakers: everyone quoted across the library, their quotes, and the way into the
document at a quote; documents not read yet are read when the view opens."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from PySide6.QtCore import QRunnable, Qt, QThreadPool
from pytestqt.qtbot import QtBot

from byline.core.model import ParsedDocument
from byline.core.quotes import EXTRACTOR_VERSION
from byline.store import Library
from byline.ui.main_window import HIGHLIGHTS_TAB, QUOTES_TAB, SPEAKERS_TAB, MainWindow
from byline.ui.shortcuts_dialog import shortcut_rows
from byline.ui.speakers_view import SpeakersView
from byline.workflows import document_quotes

WindowFactory = Callable[[], MainWindow]
Article = Callable[..., ParsedDocument]


def rows(view: SpeakersView) -> list[str]:
    return [view.speakers.index(r, 0).data() for r in range(view.speakers.rowCount())]


def quote_rows(view: SpeakersView) -> list[str]:
    return [view.quotes.index(r, 0).data() for r in range(view.quotes.rowCount())]


def open_speakers(qtbot: QtBot, window: MainWindow) -> SpeakersView:
    view = window.show_speakers()
    qtbot.waitUntil(lambda: view.index is not None and not view.busy, timeout=20_000)
    return view


def add_read(library: Library, parsed: ParsedDocument) -> int:
    """Store a document with its quotes cached, as the window's import leaves it."""
    doc_id, _ = library.add_document(parsed)
    document_quotes(library, doc_id)
    return doc_id


@contextmanager
def workers_held() -> Iterator[None]:
    """Queue the workers started inside the block behind one that waits for the block's end,
    so the test can act before they run."""
    pool = QThreadPool.globalInstance()
    pool.waitForDone(20_000)
    old = pool.maxThreadCount()
    gate = threading.Event()
    pool.setMaxThreadCount(1)
    pool.start(QRunnable.create(gate.wait))
    try:
        yield
    finally:
        gate.set()
        pool.setMaxThreadCount(old)


def test_speakers_are_listed_with_their_quote_and_document_counts(
    qtbot: QtBot, make_window: WindowFactory, library: Library, article: Article
) -> None:
    add_read(library, article(title="First"))
    add_read(library, article(title="Second", extra_paragraphs=1))
    window = make_window()
    view = open_speakers(qtbot, window)
    assert window.library_side.currentIndex() == SPEAKERS_TAB
    assert rows(view) == [
        "Anna Smirnova\n2 quotes · 2 documents",
        "Ivan Petrov\n2 quotes · 2 documents",
        "Unattributed\n2 quotes · 2 documents",
    ]
    assert view.status.text() == "2 speakers · 4 quotes, 2 unattributed"


def test_choosing_a_speaker_lists_their_quotes_with_the_document_title(
    qtbot: QtBot, make_window: WindowFactory, library: Library, article: Article
) -> None:
    add_read(library, article(title="Officers who left"))
    add_read(library, article(title="Lawyers who help", extra_paragraphs=1))
    window = make_window()
    view = open_speakers(qtbot, window)
    assert view.select_speaker("Ivan Petrov")
    qtbot.waitUntil(lambda: view.quotes.rowCount() == 2 and not view.busy)
    assert {r.split("\n")[1].split(" · ")[0] for r in quote_rows(view)} == {
        "Officers who left",
        "Lawyers who help",
    }
    assert all(
        "CNN · 12 May 2022" in r and "We were dirty and tired" in r for r in quote_rows(view)
    )
    assert view.quotes_title.text() == "Quotes by Ivan Petrov"


def test_activating_a_quote_opens_its_document_scrolled_to_the_quote_and_flashing_it(
    qtbot: QtBot, make_window: WindowFactory, library: Library, article: Article
) -> None:
    first = add_read(library, article(title="Short one"))
    long_id = add_read(library, article(title="Long one", extra_paragraphs=80))
    window = make_window()
    window.open_document(first)
    window.show_tab(HIGHLIGHTS_TAB)  # where the reader was
    view = open_speakers(qtbot, window)
    view.select_speaker("Anna Smirnova")
    qtbot.waitUntil(lambda: view.quotes.rowCount() == 2 and not view.busy)
    row = next(r for r in range(view.quotes.rowCount()) if view.quotes.item(r).title == "Long one")
    target = view.quotes.item(row)

    rect = view.quote_list.visualRect(view.quotes.index(row, 0))
    qtbot.mouseClick(view.quote_list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.waitUntil(lambda: not window.opening)  # read and rendered on a worker

    assert window.document is not None and window.document.id == long_id
    reader = window.reader
    qtbot.waitUntil(lambda: reader.verticalScrollBar().value() > 0)
    assert reader.textCursor().position() == reader.offset_map.to_doc(target.quote.start)
    assert reader.span_is_visible(target.quote.start)
    assert reader.is_flashing
    assert window.quotes_panel.current == target.quote  # the Quotes tab points at it too
    assert window.sidebar.currentIndex() == QUOTES_TAB  # and is the tab shown
    assert window.library_side.currentIndex() == SPEAKERS_TAB  # the view stays for the next


def test_documents_not_read_yet_are_read_when_the_view_opens(
    qtbot: QtBot, make_window: WindowFactory, library: Library, article: Article
) -> None:
    # As a command-line import or a restored backup leaves them: no quotes cached.
    library.add_document(article(title="First"))
    library.add_document(article(title="Second", extra_paragraphs=1))
    window = make_window()
    assert [d.quote_count for d in window.library_pane.documents.items] == [None, None]
    assert "quotes not read yet ·" in window.library_pane.documents.display(
        window.library_pane.documents.items[0]
    )
    view = open_speakers(qtbot, window)
    assert library.documents_without_quotes(EXTRACTOR_VERSION) == []
    assert rows(view)[0] == "Anna Smirnova\n2 quotes · 2 documents"
    assert view.unread == 0 and not view.read_button.isVisible()
    # The library list's counts follow.
    qtbot.waitUntil(lambda: all(d.quote_count for d in window.library_pane.documents.items))


def test_a_cancelled_read_says_what_is_not_counted_and_can_be_resumed(
    qtbot: QtBot, make_window: WindowFactory, library: Library, article: Article
) -> None:
    add_read(library, article(title="Read"))
    for n in range(3):
        library.add_document(article(title=f"Unread {n}", extra_paragraphs=n + 1))
    window = make_window()
    with workers_held():
        view = window.show_speakers()
        assert view.busy
        view.cancel()
    qtbot.waitUntil(lambda: not view.busy, timeout=20_000)
    assert view.unread == 3
    assert "3 documents not read yet" in view.status.text()
    assert view.read_button.isVisible()
    assert rows(view)[0] == "Anna Smirnova\n1 quote · 1 document"

    view.read_button.click()
    qtbot.waitUntil(lambda: not view.busy and view.unread == 0, timeout=20_000)
    assert rows(view)[0] == "Anna Smirnova\n4 quotes · 4 documents"
    assert not view.read_button.isVisible()


def test_a_corrected_speaker_is_counted_for_the_new_speaker_while_the_view_is_open(
    qtbot: QtBot, make_window: WindowFactory, library: Library, article: Article
) -> None:
    doc_id = add_read(library, article())
    window = make_window()
    window.open_document(doc_id)
    qtbot.waitUntil(lambda: not window.quotes_pending)
    view = open_speakers(qtbot, window)
    view.select_speaker("Ivan Petrov")
    qtbot.waitUntil(lambda: view.quotes.rowCount() == 1 and not view.busy)

    petrov = next(q for q in window.quotes if q.speaker == "Ivan Petrov")
    window.correct_speaker(petrov, "Pavel Tabalov")
    qtbot.waitUntil(lambda: any(r.startswith("Pavel Tabalov\n") for r in rows(view)))
    assert not any(r.startswith("Ivan Petrov") for r in rows(view))
    qtbot.waitUntil(lambda: not view.busy)
    assert view.selected is None and view.quotes.rowCount() == 0  # Petrov has no quote left

    smirnova = next(q for q in window.quotes if q.speaker == "Anna Smirnova")
    window.mark_not_a_quote(smirnova)
    qtbot.waitUntil(lambda: not any(r.startswith("Anna Smirnova") for r in rows(view)))


def test_the_filter_box_narrows_the_speakers_by_name(
    qtbot: QtBot, make_window: WindowFactory, library: Library, article: Article
) -> None:
    add_read(library, article())
    window = make_window()
    view = open_speakers(qtbot, window)
    qtbot.keyClicks(view.filter_edit, "petr")
    assert rows(view) == ["Ivan Petrov\n1 quote · 1 document"]
    assert view.status.text() == "1 speaker of 2"
    qtbot.keyClick(view.filter_edit, Qt.Key.Key_Return)  # Enter takes the first match
    assert view.selected is not None and view.selected.name == "Ivan Petrov"
    view.filter_edit.clear()
    assert len(rows(view)) == 3


def test_importing_while_the_view_is_open_adds_the_new_speakers(
    qtbot: QtBot, make_window: WindowFactory, tmp_path: Path
) -> None:
    window = make_window()
    view = open_speakers(qtbot, window)
    assert view.status.text() == "Nobody is quoted in the library yet."
    source = tmp_path / "story.txt"
    source.write_text("“We will stay,” said Maria Okafor, the council's chair.\n", encoding="utf-8")
    window.import_paths([source])
    qtbot.waitUntil(lambda: "Maria Okafor\n1 quote · 1 document" in rows(view), timeout=20_000)


def test_showing_the_view_again_counts_again_only_after_the_library_changed(
    qtbot: QtBot, make_window: WindowFactory, tmp_path: Path
) -> None:
    window = make_window()
    view = open_speakers(qtbot, window)
    counted = view._generation
    window.library_side.setCurrentIndex(0)  # the documents
    window.library_side.setCurrentIndex(SPEAKERS_TAB)
    assert view._generation == counted and not view.busy  # nothing changed: no count

    window.library_side.setCurrentIndex(0)
    source = tmp_path / "story.txt"
    source.write_text("“We will stay,” said Maria Okafor, the council's chair.\n", encoding="utf-8")
    window.import_paths([source])
    qtbot.waitUntil(lambda: window.library_pane.documents.rowCount() == 1, timeout=20_000)
    window.library_side.setCurrentIndex(SPEAKERS_TAB)
    qtbot.waitUntil(lambda: "Maria Okafor\n1 quote · 1 document" in rows(view), timeout=20_000)


def test_view_speakers_has_a_shortcut_shown_in_the_menu_and_the_overview(
    qtbot: QtBot, make_window: WindowFactory
) -> None:
    window = make_window()
    window.toggle_library()  # hidden: the shortcut shows it again
    assert ("View", "Speakers", "Ctrl+Shift+S") in shortcut_rows(window.menus)
    qtbot.keyClick(
        window,
        Qt.Key.Key_S,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert window.library_side.isVisible()
    assert window.library_side.currentIndex() == SPEAKERS_TAB
    assert window.speakers_view.filter_edit.hasFocus()
    qtbot.waitUntil(lambda: not window.speakers_view.busy, timeout=20_000)
