"""Library figures (issue 3): import throughput from plain text, search latency, database size.

    python benchmarks/library_bench.py [--docs 10000] [--keep DIR]

Builds a library of generated news-like articles in a temporary folder and prints:
import throughput (target >= 200 articles/s), search latency median and p95 over 100 varied
queries (target p95 < 20 ms) and the database size as a multiple of the raw text (<= 2.5x).
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from byline.store import Library
from byline.workflows import import_paths
from newsgen import FIRST, LAST, TOPICS, WORDS, articles, as_plain_text


def queries(rng: random.Random, n: int) -> list[str]:
    shapes = [
        lambda: rng.choice(WORDS),
        lambda: rng.choice(LAST),
        lambda: f"{rng.choice(FIRST)} {rng.choice(LAST)}",
        lambda: f'"{rng.choice(TOPICS)}"',
        lambda: f"{rng.choice(WORDS)} {rng.choice(WORDS)}",
        lambda: rng.choice(WORDS)[:4] + "*",
        lambda: f"{rng.choice(LAST)}'s {rng.choice(WORDS)}",
    ]
    return [rng.choice(shapes)() for _ in range(n)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--docs", type=int, default=10_000)
    parser.add_argument("--keep", type=Path, help="build the library here and keep it")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        root = args.keep or Path(tmp)
        src = root / "articles"
        src.mkdir(parents=True, exist_ok=True)
        raw = 0
        for i, (title, body) in enumerate(articles(args.docs)):
            text = as_plain_text(title, body, 1_600_000_000 + i * 3600)
            raw += len(text.encode("utf-8"))
            (src / f"{i:05}.txt").write_text(text, encoding="utf-8")
        db_path = root / "library.db"
        library = Library.open(db_path)

        started = time.perf_counter()
        report = import_paths(library, [src])
        elapsed = time.perf_counter() - started
        imported = report.count("imported")
        print(f"documents:          {imported} imported, {report.count('failed')} failed")
        print(
            f"import throughput:  {imported / elapsed:,.0f} articles/s "
            f"({elapsed:.1f} s; target >= 200/s)"
        )

        rng = random.Random(7)
        latencies = []
        for q in queries(rng, 100):
            t = time.perf_counter()
            library.search(q, limit=50)
            latencies.append((time.perf_counter() - t) * 1000)
        latencies.sort()
        p95 = latencies[int(len(latencies) * 0.95) - 1]
        print(
            f"search latency:     median {statistics.median(latencies):.1f} ms, "
            f"p95 {p95:.1f} ms (target p95 < 20 ms)"
        )
        library.close()

        size = sum(p.stat().st_size for p in root.glob("library.db*"))
        print(
            f"database size:      {size / 1e6:,.1f} MB for {raw / 1e6:,.1f} MB of text = "
            f"{size / raw:.2f}x (target <= 2.5x)"
        )


if __name__ == "__main__":
    main()
