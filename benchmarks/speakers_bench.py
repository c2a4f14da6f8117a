"""The speakers view's figures: its store queries on a large library, and how fast documents whose
quotes are not cached yet are read when the view opens.

    python benchmarks/speakers_bench.py [--docs 10000] [--quotes 25] [--extract 200]

Queries: a library of ``--docs`` documents, each with ``--quotes`` cached quotes by three of 320
speakers (some unattributed, some scare quotes), 1 in 50 quotes corrected and a third of the
documents read only by an older extractor version; best of 5 for the whole index, for the most
quoted speaker's quotes and for the unattributed quotes.
Catching up: ``--extract`` generated articles imported and read by an older extractor version
(as an upgrade leaves them), then ``cache_missing_quotes`` as the view runs it, in documents per
second.
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from byline.core.model import BlockKind, ParsedDocument, Quote, QuoteCorrection, QuoteKind
from byline.core.quotes import EXTRACTOR_VERSION
from byline.core.text import BlockText, assemble
from byline.store import Library
from byline.workflows import cache_missing_quotes, import_paths
from newsgen import FIRST, LAST, articles, as_plain_text

BATCH = 500


def best_ms(run: Callable[[], object], repeat: int = 5) -> float:
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        run()
        times.append((time.perf_counter() - started) * 1000)
    return min(times)


def fill(library: Library, docs: int, per_doc: int, rng: random.Random) -> None:
    names = [f"{f} {last}" for f in FIRST for last in LAST]
    for first in range(0, docs, BATCH):
        with library.transaction():
            for i in range(first, min(docs, first + BATCH)):
                people = rng.sample(names, 3)
                paragraphs = [
                    f"“Words number {n} of story {i},” someone said." for n in range(per_doc)
                ]
                text, blocks = assemble(BlockText(BlockKind.PARAGRAPH, p) for p in paragraphs)
                parsed = ParsedDocument(
                    text, blocks, f"Story {i}", "text", published=f"2023-{i % 12 + 1:02}-01"
                )
                doc_id, _ = library.add_document(parsed)
                quotes = []
                for n, paragraph in enumerate(paragraphs):
                    start = text.index(paragraph)
                    end = start + paragraph.index("”") + 1
                    roll = rng.random()
                    kind = QuoteKind.SCARE if roll < 0.05 else QuoteKind.DIRECT
                    speaker = None if roll < 0.15 else people[n % 3]
                    quotes.append(Quote(start, end, text[start:end], kind, speaker, "said"))
                # A third read only by an older extractor: not counted, and not yet re-read.
                version = "older" if rng.random() < 1 / 3 else EXTRACTOR_VERSION
                library.store_quotes(doc_id, version, quotes)
                for q in quotes:
                    if rng.random() < 0.02:
                        fix = (
                            QuoteCorrection(doc_id, q.start, q.end, not_a_quote=True)
                            if rng.random() < 0.5
                            else QuoteCorrection(doc_id, q.start, q.end, speaker=rng.choice(names))
                        )
                        library.set_quote_correction(fix)


def bench_queries(root: Path, docs: int, per_doc: int) -> None:
    library = Library.open(root / "queries.db")
    started = time.perf_counter()
    fill(library, docs, per_doc, random.Random(3))
    print(
        f"built:              {docs:,} documents, {docs * per_doc:,} quotes "
        f"in {time.perf_counter() - started:.0f} s"
    )
    index = library.speakers(EXTRACTOR_VERSION)
    top = index.speakers[0]
    print(
        f"speakers:           {len(index.speakers)} named, top {top.name} "
        f"({top.quotes} quotes, {top.documents} documents), "
        f"{index.unattributed.quotes:,} unattributed"
    )
    print(f"speaker index:      {best_ms(lambda: library.speakers(EXTRACTOR_VERSION)):.0f} ms")
    print(
        f"one speaker:        "
        f"{best_ms(lambda: library.speaker_quotes(top.name, EXTRACTOR_VERSION)):.0f} ms "
        f"for {top.quotes} quotes"
    )
    print(
        f"unattributed:       "
        f"{best_ms(lambda: library.speaker_quotes(None, EXTRACTOR_VERSION)):.0f} ms "
        f"for {index.unattributed.quotes:,} quotes"
    )
    print(
        f"not yet read:       "
        f"{best_ms(lambda: library.documents_without_quotes(EXTRACTOR_VERSION)):.1f} ms "
        f"to find the documents without quotes"
    )
    library.close()


def bench_catching_up(root: Path, count: int) -> None:
    src = root / "articles"
    src.mkdir()
    for i, (title, body) in enumerate(articles(count)):
        text = as_plain_text(title, body, 1_600_000_000 + i * 3600)
        (src / f"{i:05}.txt").write_text(text, encoding="utf-8")
    library = Library.open(root / "extract.db")
    import_paths(library, [src])
    for doc_id in library.document_ids():  # as an upgrade of the extractor leaves them
        library.store_quotes(doc_id, "older", [])
    started = time.perf_counter()
    _, left = cache_missing_quotes(library)
    elapsed = time.perf_counter() - started
    print(
        f"catching up:        {count / elapsed:,.0f} documents/s "
        f"({count} articles in {elapsed:.1f} s, {left} left)"
    )
    library.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--docs", type=int, default=10_000)
    parser.add_argument("--quotes", type=int, default=25)
    parser.add_argument("--extract", type=int, default=200)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        bench_queries(Path(tmp), args.docs, args.quotes)
        if args.extract:
            bench_catching_up(Path(tmp), args.extract)


if __name__ == "__main__":
    main()
