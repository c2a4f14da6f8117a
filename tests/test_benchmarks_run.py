"""Every benchmark still runs to its end on a tiny input: they are run by hand, rarely, and one
that broke with a change (an attribute renamed in the window) would only show when someone
needs its figures. Nothing here is timed; the figures they print are not read."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
BENCHMARKS = ROOT / "benchmarks"

GOLD = {
    "id": "tiny",
    "text": "“We were tired,” Valentina Melnikova said. She said the troops were cold.",
    "quotes": [{"start": 0, "end": 16, "text": "“We were tired,”", "kind": "direct",
                "speaker": "Valentina Melnikova", "cue": "said"}],
}

# script -> arguments that make it quick ({tmp} is a temporary folder)
RUNS = {
    "check_bench.py": ["--docs", "30"],
    "export_bench.py": ["--documents", "20", "--highlights", "2", "--workdir", "{tmp}"],
    "library_bench.py": ["--docs", "30"],
    "quotes_eval.py": ["{tmp}/gold.jsonl", "--out", "{tmp}/preds.jsonl"],
    "quotes_speed.py": ["--min-mb", "0.05"],
    "quotes_vs_textacy.py": ["--generate", "3", "--min-mb", "0.05", "--runs", "1", "--no-textacy"],
    "speakers_bench.py": ["--docs", "30", "--quotes", "3", "--extract", "5"],
    "ui_bench.py": ["--docs", "30", "--runs", "1"],
    "ui_responsiveness.py": ["--docs", "5", "--large-mb", "0.2"],
}


def test_every_benchmark_has_a_quick_run_here() -> None:
    scripts = {p.name for p in BENCHMARKS.glob("*.py") if p.name != "newsgen.py"}
    assert scripts == set(RUNS), "give each benchmark quick arguments in RUNS"


@pytest.mark.slow
@pytest.mark.parametrize("script", sorted(RUNS))
def test_benchmark_runs_to_its_end_on_a_tiny_input(script: str, tmp_path: Path) -> None:
    (tmp_path / "gold.jsonl").write_text(json.dumps(GOLD) + "\n", encoding="utf-8")
    args = [a.replace("{tmp}", str(tmp_path)) for a in RUNS[script]]
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", TMPDIR=str(tmp_path))
    done = subprocess.run(
        [sys.executable, str(BENCHMARKS / script), *args],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=300, check=False,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.strip(), "a benchmark prints its figures"
