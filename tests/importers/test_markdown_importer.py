"""Markdown: structure becomes blocks, inline markup plain text, front matter metadata."""

from __future__ import annotations

from pathlib import Path

from byline.core.model import BlockKind, ParsedDocument
from byline.importers import parse_file

STRUCTURED = """\
# Council votes on budget

The **mayor** said the [plan](https://example.org/plan) was "fair".
It passed ![chart](https://example.org/chart.png) narrowly.

## Reactions

- First point
- Second *point*
  - Nested detail
1. Step one
2. Step two

> “We will appeal,” said Ana Ruiz.

| Party | Votes |
|-------|-------|
| Green | 12    |

```
raw code
```
"""


def parse(tmp_path: Path, source: str, name: str = "story.md") -> ParsedDocument:
    path = tmp_path / name
    path.write_text(source, encoding="utf-8")
    return parse_file(path)


def blocks_of(doc: ParsedDocument) -> list[tuple[BlockKind, str, int, bool]]:
    return [(b.kind, doc.text[b.start : b.end], b.level, b.ordered) for b in doc.blocks]


def test_structure_becomes_headings_paragraphs_lists_and_quotes(tmp_path: Path) -> None:
    doc = parse(tmp_path, STRUCTURED)
    assert doc.format == "markdown"
    assert blocks_of(doc) == [
        (BlockKind.HEADING, "Council votes on budget", 1, False),
        (
            BlockKind.PARAGRAPH,
            'The mayor said the plan was "fair". It passed narrowly.',
            0,
            False,
        ),
        (BlockKind.HEADING, "Reactions", 2, False),
        (BlockKind.LIST_ITEM, "First point", 1, False),
        (BlockKind.LIST_ITEM, "Second point", 1, False),
        (BlockKind.LIST_ITEM, "Nested detail", 2, False),
        (BlockKind.LIST_ITEM, "Step one", 1, True),
        (BlockKind.LIST_ITEM, "Step two", 1, True),
        (BlockKind.BLOCKQUOTE, "“We will appeal,” said Ana Ruiz.", 0, False),
        (BlockKind.PARAGRAPH, "Party | Votes", 0, False),
        (BlockKind.PARAGRAPH, "Green | 12", 0, False),
        (BlockKind.PARAGRAPH, "raw code", 0, False),
    ]


def test_urls_and_images_are_not_in_the_text(tmp_path: Path) -> None:
    doc = parse(tmp_path, STRUCTURED)
    assert "example.org" not in doc.text
    assert "chart" not in doc.text


def test_first_h1_is_the_title_without_front_matter(tmp_path: Path) -> None:
    assert parse(tmp_path, STRUCTURED).title == "Council votes on budget"


def test_front_matter_gives_metadata_and_is_not_text(tmp_path: Path) -> None:
    source = (
        "---\n"
        'title: "Budget passes"\n'
        "author: Ana Ruiz\n"
        "date: 2024-03-05\n"
        "url: https://news.example/budget\n"
        "outlet: The Daily\n"
        "---\n"
        "# A heading\n\nBody text.\n"
    )
    doc = parse(tmp_path, source)
    assert doc.title == "Budget passes"
    assert doc.author == "Ana Ruiz"
    assert doc.published == "2024-03-05"
    assert doc.url == "https://news.example/budget"
    assert doc.outlet == "The Daily"
    assert doc.text == "A heading\n\nBody text."


def test_without_any_heading_the_short_first_paragraph_is_the_title(tmp_path: Path) -> None:
    assert parse(tmp_path, "Short opener\n\nMore text.").title == "Short opener"


def test_markdown_in_a_txt_file_stays_plain_text(tmp_path: Path) -> None:
    doc = parse(tmp_path, "# Not parsed\n\n*stars* stay", name="notes.txt")
    assert doc.format == "text"
    assert "*stars* stay" in doc.text


def test_raw_html_blocks_keep_their_text_but_not_their_scripts(tmp_path: Path) -> None:
    source = 'Intro.\n\n<div class="box"><p>Boxed text.</p><script>BAD()</script></div>\n'
    doc = parse(tmp_path, source)
    assert doc.text == "Intro.\n\nBoxed text."
