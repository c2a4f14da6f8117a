"""`byline export` and `byline import-backup`, as a script would run them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from byline.cli import main
from byline.store import open_library

ARTICLE = (
    "1700000000 Council votes on flood plan\n\n"
    "The council met on Tuesday.\n\n"
    "“We have waited long enough,” said Maria Okafor, the council's chair.\n"
)


@pytest.fixture
def library_dir(tmp_path: Path) -> Path:
    data = tmp_path / "data"
    source = tmp_path / "flood.txt"
    source.write_text(ARTICLE, encoding="utf-8")
    assert main(["--data-dir", str(data), "import", str(source)]) == 0
    with open_library(data) as lib:
        (doc,) = lib.list_documents()
        start = lib.get_document(doc.id).text.index("council met")
        lib.add_highlight(doc.id, start, start + len("council met"), note="# not a heading")
        lib.set_note(doc.id, "Call the *chair* back.")
        lib.set_document_tags(doc.id, ["floods"])
    return data


def test_markdown_export_of_a_tag_writes_one_file_per_document(
    library_dir: Path, tmp_path: Path
) -> None:
    out = tmp_path / "notes"
    code = main(
        [
            "--data-dir",
            str(library_dir),
            "export",
            "--format",
            "markdown",
            "--tag",
            "floods",
            "--out",
            str(out),
        ]
    )
    assert code == 0
    (written,) = out.glob("*.md")
    text = written.read_text(encoding="utf-8")
    assert text.startswith("---\n") and "Council votes on flood plan" in text
    assert "Call the *chair* back." in text


def test_export_refuses_to_overwrite_without_force(
    library_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "notes.md"
    args = [
        "--data-dir",
        str(library_dir),
        "export",
        "--format",
        "markdown",
        "--all",
        "--out",
        str(out),
    ]
    assert main(args) == 0
    out.write_text("my own edits", encoding="utf-8")
    capsys.readouterr()
    assert main(args) == 1
    assert capsys.readouterr().err.startswith("byline: ")
    assert out.read_text(encoding="utf-8") == "my own edits"
    assert main([*args, "--force"]) == 0
    assert out.read_text(encoding="utf-8") != "my own edits"


def test_json_backup_restores_into_an_empty_library_without_duplicates(
    library_dir: Path, tmp_path: Path
) -> None:
    backup = tmp_path / "backup.json"
    assert (
        main(
            [
                "--data-dir",
                str(library_dir),
                "export",
                "--format",
                "json",
                "--all",
                "--out",
                str(backup),
            ]
        )
        == 0
    )
    fresh = tmp_path / "fresh"
    assert main(["--data-dir", str(fresh), "import-backup", str(backup)]) == 0
    assert main(["--data-dir", str(fresh), "import-backup", str(backup)]) == 0
    with open_library(fresh) as lib:
        (doc,) = lib.list_documents()
        assert doc.tags == ("floods",)
        (highlight,) = lib.highlights(doc.id)
        assert highlight.note == "# not a heading"
        assert lib.get_note(doc.id) == "Call the *chair* back."


def test_json_export_rejects_a_template(library_dir: Path, tmp_path: Path) -> None:
    code = main(
        [
            "--data-dir",
            str(library_dir),
            "export",
            "--format",
            "json",
            "--all",
            "--template",
            "quotes",
            "--out",
            str(tmp_path / "b.json"),
        ]
    )
    assert code == 1


def test_export_needs_a_selection(library_dir: Path, tmp_path: Path) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(
            [
                "--data-dir",
                str(library_dir),
                "export",
                "--format",
                "json",
                "--out",
                str(tmp_path / "b.json"),
            ]
        )
    assert exit_.value.code == 2


def test_backup_file_is_versioned_json(library_dir: Path, tmp_path: Path) -> None:
    backup = tmp_path / "backup.json"
    main(
        [
            "--data-dir",
            str(library_dir),
            "export",
            "--format",
            "json",
            "--doc",
            "1",
            "--out",
            str(backup),
        ]
    )
    content = json.loads(backup.read_text(encoding="utf-8"))
    assert content["format"] == "byline-backup" and content["version"] >= 1
    assert [d["title"] for d in content["documents"]] == ["Council votes on flood plan"]
