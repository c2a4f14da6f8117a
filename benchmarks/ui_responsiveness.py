"""Window responsiveness during an import (issue 5: "the window stays responsive throughout, no
pause over 100 ms"): the longest gap between ticks of the GUI thread's event loop, printed (no
target is asserted).

    python benchmarks/ui_responsiveness.py [--docs 200] [--large-mb 5] [--large-last]
                                           [--runs 1] [--why]

A child process (offscreen platform) opens the window on an empty library in a temporary folder
and imports, through the window's own import path (``MainWindow.import_paths``, as File ›
Import does), a folder of ``--docs`` generated articles and one generated document of
``--large-mb`` MB. The large file sorts first (the import then opens it: the worst case) unless
``--large-last``. A 10 ms QTimer on the GUI thread records when each tick arrives, from the
start of the import until it has finished, the document it opens is shown with its quotes and
the library list is in; the gaps between ticks are what a reader would feel as pauses.

``--why`` also runs a watchdog thread that, once in each pause of the GUI thread over 50 ms,
samples its Python stack, and prints for the longest pauses where it was ("in <module>" alone:
inside Qt, called from the event loop, such as laying out text).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).parent))

from newsgen import articles, as_plain_text

CHILD = r"""
import json, os, sys, threading, time, traceback
from pathlib import Path
from PySide6.QtCore import Qt, QTimer
from byline.ui.app import application, create_window

folder, data_dir, why = Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3] == "why"
app = application()
window = create_window(data_dir)
window.resize(1200, 760)
window.show()
gui_thread = threading.get_ident()
ticks = []  # (monotonic time, phase)
samples = []  # (monotonic time, stack text) taken while the GUI thread was late

def phase():
    if window.importing:
        return "importing"
    if window.quotes_pending:
        return "finding the opened document's quotes"
    if window.opening:
        return "opening the document"
    return "idle"

def tick():
    ticks.append((time.monotonic(), phase()))

def watchdog():
    sampled = None  # one sample per pause: sampling takes the GIL from the GUI thread too
    while not done.is_set():
        time.sleep(0.01)
        last = ticks[-1][0] if ticks else None
        if last is not None and last != sampled and time.monotonic() - last > 0.05:
            sampled = last
            frame = sys._current_frames().get(gui_thread)
            if frame is not None:
                stack = "".join(traceback.format_stack(frame, limit=14))
                samples.append((time.monotonic(), stack))

def settled():
    return (
        not window.importing
        and not window.quotes_pending
        and not window.opening
        and window.document is not None
    )

def finish():
    if not settled():
        QTimer.singleShot(50, finish)
        return
    # A second of quiet after it: what the import left to do on the GUI thread shows too.
    QTimer.singleShot(1000, report)

def report():
    done.set()
    gaps = [
        (
            later[0] - earlier[0],
            earlier[1] if earlier[1] == later[1] else f"{earlier[1]}, then {later[1]}",
            earlier[0],
            later[0],
        )
        for earlier, later in zip(ticks, ticks[1:])
    ]
    worst = sorted(gaps, reverse=True)[:8]
    where = []
    for gap, label, began, ended in worst[:4]:
        stacks = [s for t, s in samples if began < t <= ended]
        where.append(stacks[len(stacks) // 2] if stacks else "")
    print(json.dumps({
        "seconds": ticks[-1][0] - ticks[0][0],
        "ticks": len(ticks),
        "gaps_ms": sorted(round(g[0] * 1000, 1) for g in gaps),
        "worst": [(round(g * 1000, 1), label) for g, label, _, _ in worst],
        "where": where,
        "documents": window.library.document_count(),
        "opened": window.document.title if window.document else None,
    }), flush=True)
    os._exit(0)

done = threading.Event()
if why:
    threading.Thread(target=watchdog, daemon=True).start()
timer = QTimer()
timer.setTimerType(Qt.TimerType.PreciseTimer)
timer.setInterval(10)
timer.timeout.connect(tick)

def begin():
    tick()
    timer.start()
    window.import_paths([folder])
    QTimer.singleShot(200, finish)

QTimer.singleShot(300, begin)  # the window is up and its first listing is in
app.exec()
"""


def write_documents(folder: Path, count: int, large_mb: float, large_first: bool) -> int:
    """``count`` generated articles and one of about ``large_mb`` MB as .txt files; the size
    of the large one in bytes."""
    folder.mkdir(parents=True, exist_ok=True)
    for i, (title, body) in enumerate(articles(count, seed=11)):
        text = as_plain_text(title, body, 1_700_000_000 + i * 3600)
        (folder / f"article-{i:04d}.txt").write_text(text, encoding="utf-8")
    paragraphs: list[str] = []
    size = 0
    for _title, body in articles(100_000, seed=5):
        for paragraph in body.split("\n\n"):
            paragraphs.append(paragraph)
            size += len(paragraph.encode("utf-8")) + 2
        if size >= large_mb * 1_000_000:
            break
    name = "0000-large-report.txt" if large_first else "zzzz-large-report.txt"
    large = folder / name
    large.write_text(
        as_plain_text("A very long report", "\n\n".join(paragraphs), 1_600_000_000),
        encoding="utf-8",
    )
    return large.stat().st_size


def run_once(folder: Path, why: bool) -> dict[str, Any]:
    with tempfile.TemporaryDirectory() as data:
        env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
        out = subprocess.run(
            [sys.executable, "-c", CHILD, str(folder), data, "why" if why else "-"],
            env=env,
            capture_output=True,
            text=True,
            timeout=900,
            check=True,
        ).stdout
    result: dict[str, Any] = json.loads(out.strip().splitlines()[-1])
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--docs", type=int, default=200)
    parser.add_argument("--large-mb", type=float, default=5.0)
    parser.add_argument("--large-last", action="store_true", help="the large file sorts last")
    parser.add_argument("--runs", type=int, default=1)
    parser.add_argument("--why", action="store_true", help="show where the GUI thread was")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "to-import"
        size = write_documents(folder, args.docs, args.large_mb, not args.large_last)
        print(
            f"importing {args.docs} articles and one of {size / 1e6:.1f} MB "
            f"({'last' if args.large_last else 'first, so it is the one opened'})"
        )
        longest: list[float] = []
        for run in range(1, args.runs + 1):
            result = run_once(folder, args.why)
            gaps = [float(g) for g in result["gaps_ms"]]
            longest.append(max(gaps))
            over = sum(1 for g in gaps if g > 100)
            print(
                f"run {run}: {result['documents']} documents in {result['seconds']:.1f} s; "
                f"longest gap between 10 ms ticks {max(gaps):.0f} ms, "
                f"p99 {gaps[int(len(gaps) * 0.99) - 1]:.0f} ms, "
                f"median {statistics.median(gaps):.0f} ms, {over} gaps over 100 ms "
                f"(target: none)"
            )
            worst = ", ".join(f"{g:.0f} ms ({label})" for g, label in result["worst"])
            print(f"  longest gaps: {worst}")
            if args.why:
                for (gap, label), stack in zip(result["worst"], result["where"], strict=False):
                    print(f"\n  -- the GUI thread during the {gap:.0f} ms gap ({label}):")
                    print("    " + (stack.strip().replace("\n", "\n    ") or "(no sample)"))
        if args.runs > 1:
            print(f"longest gap, best of {args.runs}: {min(longest):.0f} ms")


if __name__ == "__main__":
    main()
