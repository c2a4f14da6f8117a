"""How long exporting a whole library to a folder of Markdown files takes.

Builds a library of generated documents (default 10,000, with 20 highlights each, some with
notes and tags), then times `byline.exports.export_markdown` of all of them: into a new folder
(on a freshly built library this includes extracting and caching every document's quotes, as a
first export does), over the same folder with force, and into one file (no file creation cost);
and the JSON backup. Target: 10,000 documents to a folder in under 15 s, quotes cached.

    .venv/bin/python benchmarks/export_bench.py                 # full size
    .venv/bin/python benchmarks/export_bench.py --documents 500 # a quick check
    .venv/bin/python benchmarks/export_bench.py --library /tmp/bench.db  # reuse a built library
"""

from __future__ import annotations

import argparse
import random
import shutil
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from byline.core.model import BlockKind, ParsedDocument
from byline.core.quotes import EXTRACTOR_VERSION
from byline.core.text import BlockText, assemble
from byline.exports import export_json, export_markdown, select_documents
from byline.store import Library

WORDS = [
    "the",
    "officer",
    "said",
    "ministry",
    "troops",
    "morale",
    "war",
    "front",
    "village",
    "report",
    "commander",
    "order",
    "refused",
    "soldiers",
    "conscripts",
    "casualties",
    "Ukraine",
    "Russia",
    "Kyiv",
    "Moscow",
    "Pentagon",
    "officials",
    "weeks",
    "months",
    "guilt",
    "shell",
    "boxes",
    "beds",
    "faces",
    "mission",
    "contract",
    "army",
    "unit",
    "battalion",
]
SPEAKERS = ["Anna Petrova", "Ivan Sokolov", "John Kirby", "Maria Zakharova", "a spokesman"]
TARGET_SECONDS = 15.0


def sentence(rng: random.Random) -> str:
    words = rng.choices(WORDS, k=rng.randint(8, 18))
    return " ".join(words).capitalize() + "."


def paragraph(rng: random.Random, number: int) -> str:
    body = " ".join(sentence(rng) for _ in range(rng.randint(2, 4)))
    if number % 3 == 0:
        quote = sentence(rng).rstrip(".")
        body += f" “{quote},” {rng.choice(SPEAKERS)} said."
    return body


def make_document(rng: random.Random, index: int) -> ParsedDocument:
    blocks = [BlockText(BlockKind.HEADING, f"Part {index}", 2)]
    blocks += [BlockText(BlockKind.PARAGRAPH, paragraph(rng, n)) for n in range(12)]
    text, parsed_blocks = assemble(blocks)
    # Hostile and repeated titles on purpose: file names must stay unique and safe.
    title = rng.choice(
        [f"Report {index}: the front", f"War diary #{index % 50}", "CON", "Untitled: *draft*"]
    )
    return ParsedDocument(
        text=text,
        blocks=parsed_blocks,
        title=title,
        format="text",
        author=rng.choice(SPEAKERS),
        outlet="Bench News",
        url=f"https://example.com/{index}",
        published=f"2022-{index % 12 + 1:02d}-{index % 28 + 1:02d}",
    )


def build_library(path: Path, documents: int, highlights: int, seed: int) -> None:
    rng = random.Random(seed)
    with Library.open(path) as library:
        batch = 500
        for first in range(0, documents, batch):
            parsed = [make_document(rng, i) for i in range(first, min(first + batch, documents))]
            added = library.add_documents(parsed)
            # One transaction per batch: the Library has no bulk highlight call, and a
            # transaction per highlight (synchronous=FULL) would time the disk, not Byline.
            with library.transaction():
                for (doc_id, _), doc in zip(added, parsed, strict=True):
                    library.set_document_tags(doc_id, rng.sample(["war", "russia", "draft"], 2))
                    if doc_id % 4 == 0:
                        library.set_note(doc_id, f"Follow up on **{doc.author}**.\n\n- call")
                    for n in range(highlights):
                        block = doc.blocks[1 + n % (len(doc.blocks) - 1)]
                        start = block.start + rng.randint(0, 20)
                        end = min(block.end, start + rng.randint(20, 200))
                        library.add_highlight(
                            doc_id,
                            start,
                            end,
                            color=rng.choice(["yellow", "blue", "red"]),
                            note="Check this with *the desk*." if n % 5 == 0 else "",
                            tags=["key"] if n % 7 == 0 else (),
                        )
            print(f"  built {min(first + batch, documents)} / {documents} documents", flush=True)


def timed(label: str, action: Callable[[], object]) -> float:
    start = time.perf_counter()
    result = action()
    seconds = time.perf_counter() - start
    count = len(result) if isinstance(result, list) else 1
    print(f"{label}: {seconds:.2f} s ({count} files)")
    return seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--documents", type=int, default=10_000)
    parser.add_argument("--highlights", type=int, default=20, help="per document")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--library", type=Path, help="library file to reuse (built if absent)")
    parser.add_argument("--workdir", type=Path, help="where to export (default: system temp)")
    args = parser.parse_args()

    work = Path(tempfile.mkdtemp(prefix="byline-export-bench-", dir=args.workdir))
    library_path = args.library or work / "library.db"
    try:
        if not library_path.exists():
            print(f"Building {args.documents} documents × {args.highlights} highlights ...")
            start = time.perf_counter()
            build_library(library_path, args.documents, args.highlights, args.seed)
            print(f"built in {time.perf_counter() - start:.1f} s (not part of the figures)")
        with Library.open(library_path) as library:
            ids = select_documents(library, all_=True)
            print(f"Library: {len(ids)} documents")
            out = work / "export"
            cached = library.cached_quotes(ids[0], EXTRACTOR_VERSION) is not None
            fresh = timed(
                "markdown to a new folder"
                + ("" if cached else " (quotes extracted and cached on the way)"),
                lambda: export_markdown(library, ids, out),
            )
            warm = timed(
                "markdown over the same folder (--force)",
                lambda: export_markdown(library, ids, out, force=True),
            )
            timed("markdown one file", lambda: export_markdown(library, ids, work / "all.md"))
            timed("json backup", lambda: export_json(library, ids, work / "backup.json"))
            size = sum(p.stat().st_size for p in out.iterdir()) / 1e6
            print(f"folder: {len(list(out.iterdir()))} files, {size:.1f} MB")
            # The target is for quotes already cached: a fresh library's first export also
            # pays for quote extraction, which is the extractor's figure, not the export's.
            measured = fresh if cached else warm
            per_doc = measured / len(ids) * 1000
            print(f"{per_doc:.2f} ms per document")
            verdict = "meets" if measured < TARGET_SECONDS * len(ids) / 10_000 else "MISSES"
            print(f"{verdict} the target of {TARGET_SECONDS:.0f} s per 10,000 documents")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
