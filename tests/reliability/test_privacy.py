"""Byline opens no network connection: importing, extracting, exporting and reading documents
whose sources point at remote images, style sheets, fonts and scripts reach nothing, checked with
every socket refused and under strace. Links in the reading view open in the system browser, and
only after the reader confirms; nothing is ever loaded inside the app."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any, ClassVar

import pytest
from hostile_corpus import ACTIVE_HTML
from reliability_support import CHILDREN, PYTHON, child_env, make_document

from byline.core.model import ParsedDocument
from byline.store import Library

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

SCENARIO = CHILDREN / "privacy_scenario.py"
SCENARIO_TIMEOUT_S = 180
# urllib3 (imported by trafilatura, the web page reader) makes an IPv6 socket at import and
# binds it to ::1 to learn whether the machine has IPv6; it never connects or sends anything.
KNOWN_PROBE = "urllib3/util/connection.py"
INET_CALL = re.compile(r"\b(connect|sendto|sendmsg|sendmmsg)\(\d+, .*sa_family=AF_INET6?\b")
INET_BIND = re.compile(r"\bbind\(\d+, .*sa_family=AF_INET6?\b")
LOOPBACK = re.compile(r'inet_(?:pton\(AF_INET6, "::1"|addr\("127\.0\.0\.1")')


def _scenario_env() -> dict[str, str]:
    env = child_env()
    env["QT_QPA_PLATFORM"] = "offscreen"
    env.pop("DISPLAY", None)
    env.pop("WAYLAND_DISPLAY", None)
    return env


def test_everything_works_with_every_socket_refused(tmp_path: Path) -> None:
    proc = subprocess.run(
        [PYTHON, str(CHILDREN / "no_sockets.py"), str(SCENARIO), str(tmp_path / "work")],
        capture_output=True,
        text=True,
        timeout=SCENARIO_TIMEOUT_S,
        env=_scenario_env(),
    )
    assert proc.returncode == 0, proc.stderr[-3000:]
    assert "scenario done" in proc.stdout
    attempts = [line for line in proc.stdout.splitlines() if line.startswith("socket attempt:")]
    unexpected = [
        a for a in attempts if KNOWN_PROBE not in a or not a.startswith("socket attempt: socket(")
    ]
    print(f"socket creations refused: {len(attempts)}, unexpected: {len(unexpected)}")
    assert unexpected == []


def _strace_usable() -> str | None:
    """Why strace cannot be used here, or None when it can."""
    if shutil.which("strace") is None:
        return "strace is not installed"
    probe = subprocess.run(["strace", "-f", "-o", os.devnull, "true"], capture_output=True)
    if probe.returncode != 0:
        return f"strace cannot trace here: {probe.stderr.decode(errors='replace').strip()}"
    return None


def test_nothing_connects_to_the_network_under_strace(tmp_path: Path) -> None:
    reason = _strace_usable()
    if reason:
        pytest.skip(reason)
    trace = tmp_path / "network.trace"
    proc = subprocess.run(
        ["strace", "-f", "-e", "trace=network", "-o", str(trace),
         PYTHON, str(SCENARIO), str(tmp_path / "work")],
        capture_output=True,
        text=True,
        timeout=SCENARIO_TIMEOUT_S,
        env=_scenario_env(),
    )  # fmt: skip
    assert proc.returncode == 0, proc.stderr[-3000:]
    assert "scenario done" in proc.stdout
    calls = trace.read_text().splitlines()
    reached_out = [c for c in calls if INET_CALL.search(c)]
    bound_outside = [c for c in calls if INET_BIND.search(c) and not LOOPBACK.search(c)]
    print(f"network system calls: {len(calls)}, connections or sends to an address: "
          f"{len(reached_out)}")  # fmt: skip
    assert reached_out == []
    assert bound_outside == []


# ----------------------------------------------------------------------- the reading view


@pytest.fixture
def window_over(qtbot: Any, tmp_path: Path) -> Iterator[Any]:
    from byline.ui.app import create_window

    data = tmp_path / "data"
    with Library.open(data / "library.db") as lib:
        parsed = make_document()
        doc_id, _ = lib.add_document(
            ParsedDocument(
                parsed.text, parsed.blocks, parsed.title, "html", url="https://example.org/story"
            )
        )
    window = create_window(data)
    qtbot.addWidget(window)
    window.resize(1000, 700)
    window.show()
    qtbot.waitExposed(window)
    window.open_document(doc_id)
    yield window
    window.close()
    window.session.library.close()


class _Browser:
    """Stands in for QDesktopServices: records what would have gone to the system browser."""

    opened: ClassVar[list[str]] = []

    @staticmethod
    def openUrl(url: Any) -> bool:
        _Browser.opened.append(url.toString())
        return True


def _click_link(qtbot: Any, window: Any, text: str) -> None:
    from PySide6.QtCore import Qt  # noqa: TID251
    from PySide6.QtGui import QTextCursor  # noqa: TID251

    reader = window.reader
    found = reader.document().find(text)
    assert not found.isNull(), f"{text!r} is not in the reading view"
    cursor = QTextCursor(reader.document())
    cursor.setPosition(found.selectionStart() + 2)
    point = reader.cursorRect(cursor).center()
    qtbot.mouseClick(reader.viewport(), Qt.MouseButton.LeftButton, pos=point)


def test_clicked_link_opens_in_the_browser_only_after_confirming(
    qtbot: Any, window_over: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtWidgets import QMessageBox  # noqa: TID251

    import byline.ui.main_window as main_window

    monkeypatch.setattr(main_window, "QDesktopServices", _Browser)
    monkeypatch.setattr(_Browser, "opened", [])
    window = window_over
    shown = window.reader.current_document

    _click_link(qtbot, window, "original")
    qtbot.waitUntil(lambda: window.link_dialog is not None and window.link_dialog.isVisible())
    assert "https://example.org/story" in window.link_dialog.text()
    window.link_dialog.reject()
    assert _Browser.opened == []  # cancelled: nothing opens

    _click_link(qtbot, window, "original")
    qtbot.waitUntil(lambda: window.link_dialog.isVisible())
    window.link_dialog.button(QMessageBox.StandardButton.Open).click()
    assert _Browser.opened == ["https://example.org/story"]
    # Nothing was loaded in the app itself: the reading view still shows the document.
    assert window.reader.source().isEmpty()
    assert window.reader.current_document == shown


def test_hostile_page_is_read_as_text_with_no_image_or_remote_reference(
    qtbot: Any, tmp_path: Path
) -> None:
    from PySide6.QtGui import QTextCharFormat, QTextFormat  # noqa: TID251

    from byline.importers import parse_file
    from byline.ui.app import create_window

    page = tmp_path / "page.html"
    page.write_text(ACTIVE_HTML)
    data = tmp_path / "data"
    with Library.open(data / "library.db") as lib:
        doc_id, _ = lib.add_document(parse_file(page))
    window = create_window(data)
    qtbot.addWidget(window)
    window.show()
    window.open_document(doc_id)
    qtbot.wait(50)
    document = window.reader.document()
    shown = document.toPlainText()
    images, links = 0, []
    block = document.begin()
    while block.isValid():
        fragments = block.begin()
        while not fragments.atEnd():
            fmt: QTextCharFormat = fragments.fragment().charFormat()
            images += fmt.objectType() == QTextFormat.ObjectTypes.ImageObject
            if fmt.isAnchor():
                links.append(fmt.anchorHref())
            fragments += 1
        block = block.next()
    window.close()
    window.session.library.close()
    assert "We will appeal" in shown
    assert "evil.example" not in shown and "steal()" not in shown
    assert images == 0
    assert all(not href or href.startswith("https://example.org") for href in links), links


def test_html_in_the_reading_view_fetches_no_remote_resource(qtbot: Any) -> None:
    from PySide6.QtCore import QUrl  # noqa: TID251
    from PySide6.QtGui import QTextDocument  # noqa: TID251

    from byline.ui.reader import ReaderView

    view = ReaderView()
    qtbot.addWidget(view)
    view.show()
    view.setHtml(ACTIVE_HTML)
    view.document().adjustSize()
    qtbot.wait(100)
    for url in re.findall(r"https://evil\.example/[\w./]+", ACTIVE_HTML):
        for kind in (
            QTextDocument.ResourceType.ImageResource,
            QTextDocument.ResourceType.StyleSheetResource,
        ):
            loaded = view.document().resource(kind, QUrl(url))
            assert loaded is None or not loaded, f"{url} was loaded"
