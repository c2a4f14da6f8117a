"""``byline speakers``: everyone quoted across the library, and one speaker's quotes, as scripts
read them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from byline.cli import main
from byline.core.model import QuoteCorrection
from byline.store import open_library

FLOOD = (
    "1700000000 Council votes on flood plan\n\n"
    "“We have waited long enough,” said Maria Okafor, the council's chair. "
    "“The river will not wait for us.”\n\n"
    "“The money is not there,” said Tomás Haddad, the treasurer.\n"
)
BRIDGE = (
    "1700086400 Bridge reopens after repairs\n\n"
    "“It took two winters,” said Maria Okafor, who chairs the council.\n"
)


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    """A library filled from the command line (which caches the documents' quotes)."""
    folder = tmp_path / "data"
    for name, text in (("flood.txt", FLOOD), ("bridge.txt", BRIDGE)):
        (tmp_path / name).write_text(text, encoding="utf-8")
        assert main(["--data-dir", str(folder), "import", str(tmp_path / name)]) == 0
    return folder


def run_json(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, dict[str, object]]:
    code = main(list(argv))
    result = json.loads(capsys.readouterr().out)
    assert isinstance(result, dict)
    return code, result


def test_speakers_json_counts_every_document_even_those_an_older_extractor_read(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with open_library(data_dir) as library:  # as an upgrade of Byline leaves them
        for document in library.list_documents():
            library.store_quotes(document.id, "an older version", [])
    capsys.readouterr()
    code, result = run_json(capsys, "--data-dir", str(data_dir), "speakers", "--json")
    assert code == 0
    assert result["speakers"] == [
        {"speaker": "Maria Okafor", "quotes": 3, "documents": 2},
        {"speaker": "Tomás Haddad", "quotes": 1, "documents": 1},
    ]
    assert result["unattributed"] == {"quotes": 0, "documents": 0}
    assert result["documents_not_read"] == 0


def test_speakers_honours_the_readers_corrections(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    main(["--data-dir", str(data_dir), "speakers"])  # reads the documents' quotes
    with open_library(data_dir) as library:
        [flood] = [d for d in library.list_documents() if d.title.startswith("Council")]
        start = library.get_document(flood.id).text.index("“The money")
        end = start + len("“The money is not there,”")
        library.set_quote_correction(QuoteCorrection(flood.id, start, end, not_a_quote=True))
    capsys.readouterr()
    _, result = run_json(capsys, "--data-dir", str(data_dir), "speakers", "--json")
    assert [s["speaker"] for s in result["speakers"]] == ["Maria Okafor"]


def test_speaker_name_json_lists_their_quotes_with_documents(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    capsys.readouterr()
    code, result = run_json(
        capsys, "--data-dir", str(data_dir), "speakers", "MARIA OKAFOR", "--json"
    )
    assert code == 0
    quotes = result["quotes"]
    assert isinstance(quotes, list)
    assert [(q["title"], q["text"]) for q in quotes] == [
        ("Bridge reopens after repairs", "“It took two winters,”"),
        ("Council votes on flood plan", "“We have waited long enough,”"),
        ("Council votes on flood plan", "“The river will not wait for us.”"),
    ]
    first = quotes[0]
    assert {"document_id", "outlet", "published", "start", "end", "cue", "kind"} <= first.keys()
    with open_library(data_dir) as library:
        text = library.get_document(first["document_id"]).text
    assert text[first["start"] : first["end"]] == first["text"]


def test_speakers_text_output_and_an_unknown_name(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    capsys.readouterr()
    assert main(["--data-dir", str(data_dir), "speakers"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].split() == ["quotes", "docs", "speaker"]
    assert out[1].split() == ["3", "2", "Maria", "Okafor"]
    assert main(["--data-dir", str(data_dir), "speakers", "Nobody Known"]) == 0
    captured = capsys.readouterr()
    assert captured.out == "" and "No quotes by 'Nobody Known'" in captured.err
