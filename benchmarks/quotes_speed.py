"""Throughput of the quote extractor on one core, in MB/s of text (target >= 3 MB/s).

    python benchmarks/quotes_speed.py [FILES...] [--runs N]

FILES may be .jsonl gold files (their ``text`` fields are used) or plain text files; without
them, news-like text is generated. The body is processed document by document, as the app does,
repeated up to --min-mb; the best of --runs passes is printed.

The figure moves with the machine's load by a third or more. To judge a change, measure the
code before it in the same session, alternating with the new one, best of 5 each: for instance
copy ``app/byline`` of the older commit to /tmp/base and run this script with
``PYTHONPATH=/tmp/base``. (Extractor 0.22 on news-dev + seed, measured so: 2.6 MB/s before the
speed work of its branch, 3.7 after, the output byte for byte the same.)
"""

from __future__ import annotations

import argparse
import json
import random
import time
from pathlib import Path

from byline.core.quotes import extract_quotes

_PEOPLE = ["Valentina Melnikova", "Hamish Telford", "Doug McCallum", "Alison Levine"]
_SENTENCES = [
    "“We were tired. People died around us,” {name} said.",
    "{surname} told reporters the plan would cost more than expected.",
    "The council met on Tuesday to discuss the budget, which was delayed again.",
    "“I don’t think it’s fair,” she said. “Nobody asked us.”",
    "According to {surname}, the number exceeds 1,000.",
    "Critics called the proposal a “cash grab” and said it would hurt the '90s-era neighbourhood.",
    "{name}, a spokeswoman for the ministry, said in a statement that talks would continue.",
]


def _generated(n_docs: int) -> list[str]:
    rng = random.Random(7)
    docs = []
    for _ in range(n_docs):
        paras = []
        for _ in range(30):
            name = rng.choice(_PEOPLE)
            s = rng.choice(_SENTENCES).format(name=name, surname=name.split()[-1])
            paras.append(s + " " + rng.choice(_SENTENCES[2:3]))
        docs.append("\n\n".join(paras))
    return docs


def _load(paths: list[Path]) -> list[str]:
    docs = []
    for p in paths:
        if p.suffix == ".jsonl":
            docs += [json.loads(line)["text"] for line in p.read_text("utf-8").splitlines() if line]
        else:
            docs.append(p.read_text("utf-8"))
    return docs


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("files", nargs="*", type=Path)
    ap.add_argument("--min-mb", type=float, default=5.0, help="repeat the body up to this size")
    ap.add_argument("--runs", type=int, default=1, help="passes over the body; the best counts")
    args = ap.parse_args()
    docs = _load(args.files) if args.files else _generated(200)
    size = sum(len(d.encode("utf-8")) for d in docs)
    repeat = max(1, round(args.min_mb * 1e6 / max(size, 1)))
    extract_quotes(docs[0])  # load the word lists and compile patterns before timing
    cpu = elapsed = float("inf")
    for _ in range(max(1, args.runs)):
        n_quotes = 0
        started, cpu_started = time.perf_counter(), time.process_time()
        for _ in range(repeat):
            for d in docs:
                n_quotes += len(extract_quotes(d))
        elapsed = min(elapsed, time.perf_counter() - started)
        cpu = min(cpu, time.process_time() - cpu_started)
    mb = size * repeat / 1e6
    # CPU time is what one core spends; wall time also counts waiting for a busy machine
    print(f"{len(docs) * repeat} documents, {mb:.1f} MB, {n_quotes} quotes: "
          f"{mb / cpu:.2f} MB/s of CPU time on one core ({mb / elapsed:.2f} MB/s wall clock)")


if __name__ == "__main__":
    main()
