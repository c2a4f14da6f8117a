"""The backup format reads back exactly what was written, and refuses anything else with a
message a reader understands."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from byline.core.export.backup import (
    FORMAT_NAME,
    FORMAT_VERSION,
    BackupCorrection,
    BackupDocument,
    BackupError,
    BackupHighlight,
    backup_json,
    parse_backup,
)
from byline.core.model import BlockKind, ParsedDocument
from byline.core.text import BlockText, assemble, clean_inline


def make_backup_document(paragraphs: list[str], title: str = "T", note: str = "") -> BackupDocument:
    text, blocks = assemble(
        [
            BlockText(BlockKind.HEADING, "Head", 2),
            *(BlockText(BlockKind.LIST_ITEM, p, 1, True) for p in paragraphs),
        ]
    )
    first = blocks[-1]
    return BackupDocument(
        parsed=ParsedDocument(text, blocks, title, "markdown", "A", None, "http://x", None, "f.md"),
        imported="2026-11-25T04:00:00+00:00",
        content_hash="ab" * 32,
        tags=("war", "Ünï"),
        note=note,
        highlights=(
            BackupHighlight(
                first.start,
                first.end,
                text[first.start : first.end],
                "pre",
                "suf",
                "red",
                "a note",
                ("t",),
                "2026-01-01T00:00:00+00:00",
                "2026-01-02T00:00:00+00:00",
            ),
        ),
        corrections=(
            BackupCorrection(0, 4, "Jane Doe", False),
            BackupCorrection(first.start, first.end, None, True),
        ),
    )


def written(*documents: BackupDocument) -> str:
    return backup_json(documents, exported="2026-11-25T05:00:00+00:00", generator="Byline test")


def test_a_backup_names_its_format_and_version() -> None:
    data = json.loads(written(make_backup_document(["one"])))
    assert data["format"] == FORMAT_NAME == "byline-backup"
    assert data["version"] == FORMAT_VERSION == 1
    assert set(data["documents"][0]) >= {
        "text",
        "blocks",
        "title",
        "note",
        "tags",
        "highlights",
        "quote_corrections",
    }


@settings(max_examples=100, deadline=None)
@given(
    st.lists(st.text(min_size=1).filter(clean_inline), min_size=1, max_size=4),
    st.text(),
    st.text(),
)
def test_what_is_written_reads_back_identically(paras: list[str], title: str, note: str) -> None:
    document = make_backup_document(paras, title, note)
    assert parse_backup(written(document)) == [document]


def test_a_file_that_is_not_json_is_refused() -> None:
    with pytest.raises(BackupError, match="not a Byline backup"):
        parse_backup("hello")


def test_json_of_another_kind_is_refused() -> None:
    with pytest.raises(BackupError, match="not a Byline backup"):
        parse_backup('{"documents": []}')


def test_a_backup_from_a_newer_byline_asks_for_an_update() -> None:
    with pytest.raises(BackupError, match=r"newer Byline .*version 2"):
        parse_backup(json.dumps({"format": FORMAT_NAME, "version": 2, "documents": []}))


@pytest.mark.parametrize(
    ("damage", "message"),
    [
        (lambda d: d.pop("text"), "document 1 has no valid “text”"),
        (lambda d: d.update(tags="war"), "document 1 has no valid “tags”"),
        (lambda d: d["highlights"][0].update(end=10**6), "highlight 1 of document 1 points"),
        (lambda d: d["highlights"][0].update(exact="other"), "does not match"),
        (lambda d: d["blocks"][0].update(kind="table"), "block 1 of document 1 has an unknown"),
        (lambda d: d["blocks"][0].update(start=True), "block 1 of document 1 has no valid"),
        (lambda d: d["quote_corrections"][0].update(not_a_quote="no"), "quote correction 1"),
    ],
)
def test_damage_is_reported_with_its_place(damage: object, message: str) -> None:
    data = json.loads(written(make_backup_document(["one", "two"])))
    damage(data["documents"][0])  # type: ignore[operator]
    with pytest.raises(BackupError, match=message):
        parse_backup(json.dumps(data))
