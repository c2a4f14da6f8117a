"""Run the quote extractor over gold documents and write predictions for the scorer.

    python benchmarks/quotes_eval.py GOLD.jsonl [GOLD2.jsonl ...] --out preds.jsonl
    python ../shared/quotes-eval/score.py GOLD.jsonl [GOLD2.jsonl ...] --pred preds.jsonl

Each gold line's ``text`` is given to ``extract_quotes``; each output line is
``{"id", "quotes": [{"start", "end", "text", "speaker", "cue", "kind"}]}``.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from byline.core.quotes import EXTRACTOR_VERSION, extract_quotes


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("gold", nargs="+", type=Path, help="gold JSONL files (id, text, quotes)")
    ap.add_argument("--out", type=Path, required=True, help="where to write predictions (JSONL)")
    args = ap.parse_args()
    n_docs = n_quotes = 0
    with args.out.open("w", encoding="utf-8") as out:
        for path in args.gold:
            for line in path.read_text(encoding="utf-8").splitlines():
                if not line.strip():
                    continue
                doc = json.loads(line)
                quotes = [
                    {"start": q.start, "end": q.end, "text": q.text, "speaker": q.speaker,
                     "cue": q.cue, "kind": str(q.kind)}
                    for q in extract_quotes(doc["text"])
                ]
                line = json.dumps({"id": doc["id"], "quotes": quotes}, ensure_ascii=False)
                out.write(line + "\n")
                n_docs += 1
                n_quotes += len(quotes)
    print(f"extractor {EXTRACTOR_VERSION}: {n_quotes} quotes in {n_docs} documents -> {args.out}")


if __name__ == "__main__":
    main()
