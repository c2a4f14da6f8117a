"""The command line is a contract: these tests run it as scripts would."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from byline.assets import sample_document_path
from byline.cli import main

ARTICLE = (
    "1700000000 Council votes on flood plan\n\n"
    "The council met on Tuesday.\n\n"
    "“We have waited long enough,” said Maria Okafor, the council's chair. "
    "“The river will not wait for us.”\n"
)


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return tmp_path / "data"


def run_json(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, object]:
    code = main(list(argv))
    out = capsys.readouterr().out
    return code, json.loads(out)


def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def test_import_reports_imported_duplicate_and_failed(
    tmp_path: Path, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    good = write(tmp_path / "flood.txt", ARTICLE)
    empty = write(tmp_path / "empty.txt", "")
    code, result = run_json(capsys, "--data-dir", str(data_dir), "import", str(good), "--json")
    assert code == 0
    assert isinstance(result, dict) and result["imported"] == 1

    code, result = run_json(
        capsys, "--data-dir", str(data_dir), "import", str(good), str(empty), "--json"
    )
    assert code == 1, "a failed file makes the batch exit 1"
    assert isinstance(result, dict)
    assert (result["imported"], result["duplicate"], result["failed"]) == (0, 1, 1)
    failed = [f for f in result["files"] if f["status"] == "failed"]
    assert "empty" in failed[0]["error"]


def test_list_shows_title_date_and_counts(
    tmp_path: Path, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    main(["--data-dir", str(data_dir), "import", str(write(tmp_path / "a.txt", ARTICLE))])
    capsys.readouterr()
    code, result = run_json(capsys, "--data-dir", str(data_dir), "list", "--json")
    assert code == 0
    assert isinstance(result, dict)
    (doc,) = result["documents"]
    assert doc["title"] == "Council votes on flood plan"
    assert doc["published"].startswith("2023-11-14")
    assert {"id", "outlet", "quotes", "highlights", "notes"} <= doc.keys()
    assert doc["quotes"] == 2  # found at import, not left for the window to find


def test_list_text_counts_the_quotes_found_at_import(
    tmp_path: Path, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    main(["--data-dir", str(data_dir), "import", str(write(tmp_path / "a.txt", ARTICLE))])
    capsys.readouterr()
    assert main(["--data-dir", str(data_dir), "list"]) == 0
    assert "[2 quotes, 0 highlights, 0 notes]" in capsys.readouterr().out


def test_list_text_words_one_of_each_in_the_singular(
    tmp_path: Path, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from byline.store import Library

    main(["--data-dir", str(data_dir), "import", str(write(tmp_path / "a.txt", ARTICLE))])
    with Library.open(data_dir / "library.db") as library:
        (summary,) = library.list_documents()
        library.add_highlight(summary.id, 0, 7, note="Check the vote count.")
    capsys.readouterr()
    assert main(["--data-dir", str(data_dir), "list"]) == 0
    assert "[2 quotes, 1 highlight, 1 note]" in capsys.readouterr().out


def test_search_finds_document_text(
    tmp_path: Path, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    main(["--data-dir", str(data_dir), "import", str(write(tmp_path / "a.txt", ARTICLE))])
    capsys.readouterr()
    code, result = run_json(capsys, "--data-dir", str(data_dir), "search", "river", "--json")
    assert code == 0
    assert isinstance(result, dict)
    assert result["hits"] and result["hits"][0]["title"] == "Council votes on flood plan"


def test_data_dir_comes_from_environment(
    tmp_path: Path,
    data_dir: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setenv("BYLINE_DATA_DIR", str(data_dir))
    main(["import", str(write(tmp_path / "a.txt", ARTICLE))])
    assert (data_dir / "library.db").exists()


def test_quotes_json_matches_the_contract(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write(tmp_path / "a.txt", ARTICLE)
    code, result = run_json(capsys, "quotes", str(path), "--json")
    assert code == 0
    assert isinstance(result, dict)
    quotes = result["quotes"]
    assert quotes, "the article has two direct quotations"
    for q in quotes:
        assert set(q) == {"start", "end", "text", "speaker", "cue", "kind"}
        assert q["kind"] in ("direct", "indirect")
    assert any(q["text"] == "“We have waited long enough,”" for q in quotes)


def test_quotes_of_an_unreadable_file_is_a_one_line_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "broken.pdf"
    path.write_bytes(b"this is not a pdf at all")
    assert main(["quotes", str(path)]) == 1
    err = capsys.readouterr().err
    assert err.startswith("byline: ") and err.count("\n") == 1


def test_console_script_runs_in_a_fresh_process(tmp_path: Path) -> None:
    env = {**os.environ, "BYLINE_DATA_DIR": str(tmp_path / "data")}
    result = subprocess.run(
        [sys.executable, "-m", "byline.cli", "import", str(sample_document_path()), "--json"],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["imported"] == 1


def test_version_is_printed() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "byline.cli", "--version"], capture_output=True, text=True
    )
    assert result.returncode == 0 and result.stdout.startswith("byline ")


def test_a_reader_that_stops_early_ends_the_command_quietly(tmp_path: Path) -> None:
    """``byline quotes FILE | head -1``: once the reader has gone, the rest of the output has
    nowhere to go; the command stops without a traceback, as Unix tools do."""
    paragraphs = [f"“Point {n} stands,” said Maria Okafor." for n in range(4000)]
    path = write(tmp_path / "long.txt", "Many quotes\n\n" + "\n\n".join(paragraphs) + "\n")
    command = subprocess.Popen(
        [sys.executable, "-m", "byline.cli", "quotes", str(path)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert command.stdout is not None and command.stderr is not None
    first = command.stdout.readline()
    # Closed with far more than a pipe's buffer still to come: the next write finds no reader.
    command.stdout.close()
    errors = command.stderr.read().decode()
    code = command.wait(timeout=120)
    assert first.decode().startswith("Maria Okafor [said]: “Point 0 stands,”")
    assert errors == ""
    assert code == 141  # 128 + SIGPIPE, what a shell reports for a tool stopped this way
