"""Imports one file into a library the way the window and the command line do, then (when it was
imported) extracts its quotes and exports it as Markdown. Prints one JSON line with the outcome;
any exception other than Byline's own clear errors escapes and fails the process.

    python import_file.py LIBRARY FILE EXPORT_FOLDER
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from byline.exports import export_markdown
from byline.store import Library
from byline.workflows import document_quotes, import_one


def main(db: Path, path: Path, export_folder: Path) -> None:
    result: dict[str, object] = {}
    with Library.open(db) as lib:
        outcome = import_one(lib, path)
        result.update(status=outcome.status, error=outcome.error)
        if outcome.status == "imported" and outcome.document_id is not None:
            document = lib.get_document(outcome.document_id)
            quotes = document_quotes(lib, document.id)
            bad = [q for q in quotes if not (0 <= q.start < q.end <= len(document.text))]
            bad += [q for q in quotes if document.text[q.start : q.end] != q.text]
            written = export_markdown(lib, [document.id], export_folder / "export.md", force=True)
            result.update(
                title=document.title,
                text_chars=len(document.text),
                quotes=len(quotes),
                quotes_outside_text=len(bad),
                exported_chars=len(written[0].read_text()),
            )
            result["text_has_passwd"] = "root:x:0:0" in document.text
    print(json.dumps(result), flush=True)


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]), Path(sys.argv[3]))
