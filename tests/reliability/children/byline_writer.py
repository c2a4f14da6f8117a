"""A child process that writes highlights and notes through the Library the app uses, reporting
each write on stdout only after the Library call (and so its commit) has returned.

    python byline_writer.py zygote DB        forks a fresh writer for every "write SEQ" line on
                                             stdin (or one that opens a library for "open PATH"),
                                             reporting "started PID" and "ended PID STATUS"
    python byline_writer.py writes DB SEQ N DOC   makes N writes to document DOC, then exits 0

Report lines: "A id seq" (document "Story seq" imported), "H id seq" (highlight added with
note seq), "U id seq" (its note set to seq), "d id" (about to delete), "D id" (deleted),
"N seq" (the document's note set to seq), "E message" (a write failed).
Each line goes out in one write() of a few bytes, so a kill never leaves half a line.
"""

from __future__ import annotations

import os
import random
import sys
from pathlib import Path

from byline.core.errors import BylineError
from byline.core.model import BlockKind, ParsedDocument
from byline.core.text import BlockText, assemble
from byline.store import Library


def _story(seq: int) -> ParsedDocument:
    """A document of a few hundred paragraphs, so imports are large transactions to kill."""
    paragraphs = [f"Story {seq}, paragraph {i}: “We stay,” said a tenant." for i in range(300)]
    text, blocks = assemble(BlockText(BlockKind.PARAGRAPH, p) for p in paragraphs)
    return ParsedDocument(text=text, blocks=blocks, title=f"Story {seq}", format="text")


def report(line: str) -> None:
    os.write(1, f"{line}\n".encode())


def write_loop(db: Path, seq: int, count: int | None, doc_id: int = 1) -> None:
    """Writes to document ``doc_id`` until ``count`` are done (forever when None); seq numbers
    start at ``seq``. Without a count the writer adopts the highlights already there (an earlier
    writer's); with one it touches only its own, so two can run side by side."""
    rng = random.Random(seq)
    with Library.open(db) as lib:
        doc = lib.get_document(doc_id)
        mine = [h.id for h in lib.highlights(doc.id)] if count is None else []
        done = 0
        while count is None or done < count:
            seq += 1
            roll = rng.random()
            try:
                if roll < 0.05:
                    added, _ = lib.add_document(_story(seq))
                    report(f"A {added} {seq}")
                elif roll < 0.45 or not mine:
                    start = rng.randrange(len(doc.text) - 1)
                    end = rng.randrange(start + 1, min(len(doc.text), start + 40) + 1)
                    hl = lib.add_highlight(doc.id, start, end, note=str(seq), tags=[f"t{seq % 7}"])
                    mine.append(hl.id)
                    report(f"H {hl.id} {seq}")
                elif roll < 0.70:
                    lib.set_note(doc.id, str(seq))
                    report(f"N {seq}")
                elif roll < 0.90:
                    hl_id = rng.choice(mine)
                    lib.update_highlight(hl_id, note=str(seq))
                    report(f"U {hl_id} {seq}")
                else:
                    hl_id = mine.pop(rng.randrange(len(mine)))
                    report(f"d {hl_id}")  # a kill from here on may or may not find it deleted
                    lib.delete_highlight(hl_id)
                    report(f"D {hl_id}")
            except BylineError as exc:
                report(f"E {' '.join(str(exc).split())}")
                raise SystemExit(1) from exc
            done += 1


def zygote(db: Path) -> None:
    """Byline is imported once here; each writer is a fork, so a kill cycle costs milliseconds."""
    report("ready")
    for line in sys.stdin:
        command, argument = line.split()
        pid = os.fork()
        if pid == 0:
            try:
                if command == "open":  # open (and so migrate) another library, then stop
                    Library.open(Path(argument)).close()
                    report("opened")
                    os._exit(0)
                write_loop(db, int(argument), None)
            finally:
                os._exit(1)
        report(f"started {pid}")
        _, status = os.waitpid(pid, 0)
        report(f"ended {pid} {status}")


def main(argv: list[str]) -> None:
    mode, db = argv[0], Path(argv[1])
    if mode == "zygote":
        zygote(db)
    elif mode == "writes":
        write_loop(db, int(argv[2]), int(argv[3]), int(argv[4]))
    else:
        raise SystemExit(f"unknown mode {mode}")


if __name__ == "__main__":
    main(sys.argv[1:])
