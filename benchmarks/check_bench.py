"""Quotation check figures (issue 9): how long checking a 3,000-word draft takes against a library.

    python benchmarks/check_bench.py [--docs 10000] [--vocabulary 20000] [--keep DIR]

Builds a library of generated news-like articles (newsgen) in a temporary folder, or reuses the
one in DIR, then writes a story of about 3,000 words quoting a dozen of them: quotations copied
word for word, altered (a word dropped or changed), attributed to someone else, and invented.
Prints the time of a first check (the sources' quotes not yet extracted: the extractor runs on
each source found) and of a second one (extraction cached), target < 1 s, and the verdicts
next to what the draft was written to get.

newsgen's own prose draws on 27 words, so every word of every quotation is in every document:
the worst case for the full-text index (``--vocabulary 0`` measures it). By default its sentences
draw on a vocabulary of 20,000 made-up words with English-like (Zipf) frequencies instead.
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

import newsgen
from byline.checking import check_text
from byline.core.model import BlockKind, ParsedDocument, QuoteKind
from byline.core.quotes import EXTRACTOR_VERSION, extract_quotes
from byline.core.text import BlockText, assemble
from byline.store import Library
from newsgen import FIRST, LAST, articles, sentence

DRAFT_WORDS = 3000
SOURCES = 12  # documents a story quotes
BATCH = 500


def build_library(library: Library, count: int) -> float:
    started = time.perf_counter()
    batch: list[ParsedDocument] = []
    for title, body in articles(count):
        text, blocks = assemble(BlockText(BlockKind.PARAGRAPH, p) for p in body.split("\n\n"))
        batch.append(ParsedDocument(text=text, blocks=blocks, title=title, format="text"))
        if len(batch) == BATCH:
            library.add_documents(batch)
            batch = []
    if batch:
        library.add_documents(batch)
    return time.perf_counter() - started


def use_vocabulary(size: int) -> None:
    """Make newsgen's sentences draw on ``size`` made-up words, the k-th most common about 1/k
    as frequent as the first (newsgen's own words lead the list)."""
    if size <= 0:
        return
    rng = random.Random(3)
    syllables = ["ka", "lo", "mi", "ner", "tas", "vo", "ri", "sen", "du", "pa", "gor", "el", "fi"]
    words = list(newsgen.WORDS)
    seen = set(words)
    while len(words) < size:
        word = "".join(rng.choices(syllables, k=rng.randint(2, 4)))
        if word not in seen:
            seen.add(word)
            words.append(word)
    newsgen.WORDS[:] = [w for rank, w in enumerate(words, 1) for _ in range(max(1, 2000 // rank))]


def write_draft(library: Library, rng: random.Random) -> tuple[str, Counter[str], list[int]]:
    """A story quoting a dozen documents of the library, how many quotations of each verdict
    it should get, and the documents it quotes. The quotations and their speakers are what the
    extractor finds in the sources (run here without caching)."""
    expected: Counter[str] = Counter()
    paragraphs: list[str] = []
    words = 0
    count = library.document_count()
    quotes = []
    sources = [rng.randint(1, count) for _ in range(SOURCES)]
    for doc_id in sources:
        text = library.get_document(doc_id).text
        quotes += [
            (q.text.strip("“”,. "), q.speaker)
            for q in extract_quotes(text)
            if q.kind is QuoteKind.DIRECT and q.speaker and " " in q.speaker
        ]
    while words < DRAFT_WORDS:
        kind = rng.random()
        if kind < 0.3:
            paragraphs.append(" ".join(sentence(rng) for _ in range(rng.randint(2, 4))))
        elif kind < 0.4:
            invented = f"{sentence(rng)} {sentence(rng)}"
            paragraphs.append(f"“{invented}” said {rng.choice(FIRST)} {rng.choice(LAST)}.")
            expected["not_found"] += 1
        else:
            quoted, speaker = rng.choice(quotes)
            if kind < 0.75:
                expected["verbatim"] += 1
            elif kind < 0.9:
                quoted = _alter(quoted, rng)
                expected["altered"] += 1
            else:
                first, last = speaker.split()
                speaker = f"{first} {rng.choice([n for n in LAST if n != last])}"
                expected["wrong_speaker"] += 1
            paragraphs.append(f"“{quoted},” said {speaker}.")
        words += len(paragraphs[-1].split())
    return "\n\n".join(paragraphs), expected, sources


def _alter(quoted: str, rng: random.Random) -> str:
    words = quoted.split()
    i = rng.randrange(1, len(words) - 1)
    if rng.random() < 0.5:
        del words[i]
    else:
        words[i] = "entirely" if words[i] != "entirely" else "wholly"
    return " ".join(words)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--docs", type=int, default=10_000)
    parser.add_argument(
        "--vocabulary", type=int, default=20_000, help="made-up words (0: newsgen's own 27)"
    )
    parser.add_argument("--seed", type=int, default=9, help="which documents the draft quotes")
    parser.add_argument("--keep", type=Path, help="build the library here and keep it (reused)")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        root = args.keep or Path(tmp)
        root.mkdir(parents=True, exist_ok=True)
        use_vocabulary(args.vocabulary)
        library = Library.open(root / f"library-vocabulary-{args.vocabulary}.db")
        if library.document_count() < args.docs:
            elapsed = build_library(library, args.docs - library.document_count())
            print(f"library:        {library.document_count()} documents built in {elapsed:.0f} s")
        else:
            print(f"library:        {library.document_count()} documents (reused)")
        draft, expected, sources = write_draft(library, random.Random(args.seed))
        cached = sum(1 for d in sources if library.cached_quotes(d, EXTRACTOR_VERSION) is not None)
        print(
            f"draft:          {len(draft.split())} words, {sum(expected.values())} quotations "
            f"written as {dict(sorted(expected.items()))}"
        )
        print(
            f"sources:        {len(sources)} documents, {cached} with quotes cached before the "
            "first check (another --seed quotes other documents)"
        )
        for run in ("first check", "second check"):
            started, cpu = time.perf_counter(), time.process_time()
            result = check_text(library, draft)
            elapsed, cpu = time.perf_counter() - started, time.process_time() - cpu
            print(
                f"{run + ':':<15} {elapsed * 1000:,.0f} ms, {cpu * 1000:,.0f} ms of CPU "
                "(target < 1,000 ms)"
            )
        verdicts = Counter(c.verdict.value for c in result.checks)
        print(f"verdicts:       {dict(sorted(verdicts.items()))}")
        library.close()


if __name__ == "__main__":
    main()
