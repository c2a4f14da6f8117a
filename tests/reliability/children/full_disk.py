"""Byline's writes on a full disk: the process may not grow any file beyond a limit (as when the
disk fills up), and every kind of write is tried. Prints one JSON object: each write's error
message (or "ok"), then whether a small write works again once the limit is lifted.

    python full_disk.py LIBRARY SOURCE_FILE EXPORT_FOLDER
"""

from __future__ import annotations

import json
import resource
import signal
import sys
from collections.abc import Callable
from pathlib import Path

from byline.core.errors import BylineError
from byline.core.model import BlockKind, ParsedDocument
from byline.core.text import BlockText, assemble
from byline.exports import export_markdown
from byline.store import Library
from byline.store.backups import backups_dir_for, make_backup
from byline.workflows import document_quotes, import_one

HEADROOM = 16 * 1024
TIGHT_LIMIT = 4096


def big_document() -> ParsedDocument:
    paragraph = "The council met again on Tuesday to discuss the tenants' appeal. " * 100
    text, blocks = assemble(BlockText(BlockKind.PARAGRAPH, f"{i} {paragraph}") for i in range(40))
    return ParsedDocument(text=text, blocks=blocks, title="Too big", format="text")


def attempt(write: Callable[[], object]) -> str:
    try:
        write()
    except BylineError as exc:
        return str(exc)
    return "ok"


def main(db: Path, source: Path, export_folder: Path) -> None:
    results: dict[str, str] = {}
    lib = Library.open(db)
    document_quotes(lib, 1)  # cached now, so the export below only writes its file
    lib.set_note(1, "A long note. " * 2000)  # an export bigger than the space left
    files = [p for p in db.parent.rglob("*") if p.is_file()]
    limit = max(p.stat().st_size for p in files) + HEADROOM
    _, hard = resource.getrlimit(resource.RLIMIT_FSIZE)
    # Past the limit write() fails with EFBIG, as it fails with ENOSPC on a full disk; the
    # signal the kernel also sends would otherwise kill the process.
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (limit, hard))
    results["add document"] = attempt(lambda: lib.add_document(big_document()))
    outcome = import_one(lib, source)
    results["import file"] = outcome.error or outcome.status
    results["document note"] = attempt(lambda: lib.set_note(1, "n" * 400_000))
    results["highlight note"] = attempt(lambda: lib.add_highlight(1, 0, 5, note="h" * 400_000))
    # Nearly no space left at all: an export and a backup do not fit either.
    resource.setrlimit(resource.RLIMIT_FSIZE, (TIGHT_LIMIT, hard))
    results["export"] = attempt(lambda: export_markdown(lib, [1], export_folder))
    results["backup"] = attempt(lambda: make_backup(db, backups_dir_for(db), "manual"))
    resource.setrlimit(resource.RLIMIT_FSIZE, (hard, hard))
    results["after space returns"] = attempt(lambda: lib.set_note(1, "written later"))
    lib.close()
    print(json.dumps(results), flush=True)


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]), Path(sys.argv[3]))
