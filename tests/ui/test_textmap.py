"""The canonical-offset <-> rendered-position map (pure, no Qt)."""

from __future__ import annotations

from byline.core.model import BlockKind
from byline.core.text import BlockText, assemble
from byline.ui.textmap import OffsetMap, utf16_length


def rendered(text: str, blocks: tuple, header: str) -> str:
    """What the reading view's QTextDocument holds, as Qt counts it (UTF-16 units)."""
    body = "\u2029".join(text[b.start : b.end] for b in blocks)
    return header + body


def as_units(s: str) -> list[str]:
    units: list[str] = []
    for ch in s:
        units.extend([ch, ""] if ord(ch) > 0xFFFF else [ch])
    return units


def test_block_offsets_map_past_header_and_single_separators() -> None:
    text, blocks = assemble(
        [BlockText(BlockKind.HEADING, "Title", 1), BlockText(BlockKind.PARAGRAPH, "One two.")]
    )
    omap = OffsetMap(text, blocks, body_start=10)
    assert omap.to_doc(0) == 10
    assert omap.to_doc(blocks[1].start) == 10 + len("Title") + 1
    assert omap.to_doc(blocks[1].start + 4) == 10 + 6 + 4
    assert omap.to_text(10 + 6 + 4) == blocks[1].start + 4
    assert omap.block_doc_starts == (10, 16)


def test_every_character_round_trips_including_emoji() -> None:
    text, blocks = assemble(
        [
            BlockText(BlockKind.PARAGRAPH, "Plain 😀 text 🎉🎉 end"),
            BlockText(BlockKind.LIST_ITEM, "Ünïcode ✓ 𝒜bc", 1),
            BlockText(BlockKind.PARAGRAPH, "last"),
        ]
    )
    header = "Header\u2029"
    omap = OffsetMap(text, blocks, body_start=len(header))
    units = as_units(rendered(text, blocks, header))
    for b in blocks:
        for offset in range(b.start, b.end):
            pos = omap.to_doc(offset)
            assert units[pos] == text[offset]
            assert omap.to_text(pos) == offset
    assert omap.body_end == len(units)
    first = text[blocks[0].start : blocks[0].end]
    assert utf16_length(first) == len(first) + 3  # three emoji, two units each


def test_offsets_in_the_blank_line_land_at_block_edges() -> None:
    text, blocks = assemble(
        [BlockText(BlockKind.PARAGRAPH, "ab"), BlockText(BlockKind.PARAGRAPH, "cd")]
    )
    omap = OffsetMap(text, blocks, body_start=0)
    assert omap.to_doc(2) == 2  # end of "ab"
    assert omap.to_doc(4) == 3  # start of "cd"
    assert omap.to_text(2) == 2  # the paragraph separator belongs to the first block
    assert omap.to_text(0) == 0 and omap.to_text(999) == len(text)


def test_header_positions_map_to_start_of_text() -> None:
    text, blocks = assemble([BlockText(BlockKind.PARAGRAPH, "body")])
    omap = OffsetMap(text, blocks, body_start=20)
    assert omap.to_text(3) == 0
    assert omap.doc_span(1, 3) == (21, 23)
