"""Fixtures for the store tests: a real library file in a temporary folder, and documents."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from byline.core.model import BlockKind, ParsedDocument
from byline.core.text import BlockText, assemble
from byline.store import Library

MakeDocument = Callable[..., ParsedDocument]


def _make_document(
    *paragraphs: str,
    title: str = "Untitled",
    published: str | None = None,
    author: str | None = None,
    outlet: str | None = None,
) -> ParsedDocument:
    text, blocks = assemble(BlockText(BlockKind.PARAGRAPH, p) for p in paragraphs)
    return ParsedDocument(
        text=text,
        blocks=blocks,
        title=title,
        format="text",
        author=author,
        outlet=outlet,
        published=published,
        source_name=f"{title}.txt",
    )


@pytest.fixture
def make_document() -> MakeDocument:
    """Build a ParsedDocument from paragraphs, as an importer would."""
    return _make_document


@pytest.fixture
def library_path(tmp_path: Path) -> Path:
    return tmp_path / "library.db"


@pytest.fixture
def library(library_path: Path) -> Iterator[Library]:
    lib = Library.open(library_path)
    yield lib
    lib.close()
