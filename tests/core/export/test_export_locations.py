"""Paragraph numbers count the document's blocks from 1, as the reader shows them."""

from __future__ import annotations

from byline.core.export.locations import ParagraphIndex
from byline.core.model import BlockKind
from byline.core.text import BlockText, assemble

TEXT, BLOCKS = assemble(
    [
        BlockText(BlockKind.HEADING, "Heading", 1),
        BlockText(BlockKind.PARAGRAPH, "First paragraph."),
        BlockText(BlockKind.PARAGRAPH, "Second paragraph."),
    ]
)
INDEX = ParagraphIndex(BLOCKS)


def test_an_offset_is_in_the_block_that_holds_it() -> None:
    assert INDEX.paragraph_at(0) == 1
    assert INDEX.paragraph_at(TEXT.index("First")) == 2
    assert INDEX.paragraph_at(TEXT.index("paragraph.", TEXT.index("Second"))) == 3


def test_an_offset_between_blocks_belongs_to_the_next_one() -> None:
    assert INDEX.paragraph_at(BLOCKS[0].end) == 2


def test_a_passage_over_two_paragraphs_names_both() -> None:
    start, end = TEXT.index("First"), TEXT.index("Second") + 6
    assert INDEX.label(start, end) == "¶ 2–3"


def test_a_passage_ending_with_the_separator_stays_in_its_paragraph() -> None:
    start = TEXT.index("First")
    assert INDEX.label(start, BLOCKS[1].end + 1) == "¶ 2"


def test_a_document_without_blocks_is_one_paragraph() -> None:
    assert ParagraphIndex(()).label(0, 5) == "¶ 1"
