"""One document's Markdown: front matter, heading, note, quotes by speaker, highlights in text
order with their notes and labels, and locations, all rendering as the text they came from."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from byline.core.export.markdown import DocumentNotes, render_document, render_highlight
from byline.core.export.templates import builtin_template
from byline.core.model import BlockKind, Document, Highlight, Quote, QuoteKind
from byline.core.text import BlockText, assemble
from export_rendering import render, render_html, same_text, split_front_matter

PARAGRAPHS = [
    "# Not a heading, just text",
    "“We were dirty and tired,” the officer said. > not a quote | pipe",
    "--- `ticks` *stars* _under_ [link](x) <b>html</b> &amp; trailing\\",
    "“Nobody listens,” said Anna Petrova. It was “fine”, she added.",
]
TEXT, BLOCKS = assemble(BlockText(BlockKind.PARAGRAPH, p) for p in PARAGRAPHS)


def span(needle: str) -> tuple[int, int]:
    start = TEXT.index(needle)
    return start, start + len(needle)


def make_document(title: str = "Russian officer: “I refused”", **changes: object) -> Document:
    fields: dict[str, object] = dict(
        id=7,
        title=title,
        text=TEXT,
        blocks=BLOCKS,
        format="text",
        author="Jane Reporter",
        outlet="CNN",
        url="https://example.com/story?id=1",
        published="2022-05-11",
        imported="2026-11-25T04:00:00.000000+00:00",
        source_name="story.txt",
        content_hash="0123456789abcdef" * 4,
        tags=("war", "russia"),
    )
    fields.update(changes)
    return Document(**fields)  # type: ignore[arg-type]


def make_highlight(hl_id: int, needle: str, note: str = "", **changes: object) -> Highlight:
    start, end = span(needle)
    fields: dict[str, object] = dict(
        id=hl_id,
        document_id=7,
        start=start,
        end=end,
        exact=TEXT[start:end],
        prefix="",
        suffix="",
        color="yellow",
        note=note,
        created="2026-11-25T04:01:00+00:00",
        updated="2026-11-25T04:01:00+00:00",
        tags=(),
    )
    fields.update(changes)
    return Highlight(**fields)  # type: ignore[arg-type]


def make_quote(needle: str, speaker: str | None, kind: QuoteKind = QuoteKind.DIRECT) -> Quote:
    start, end = span(needle)
    return Quote(start, end, TEXT[start:end], kind, speaker, "said")


OFFICER = make_quote("“We were dirty and tired,”", "Ivan Officer")
PETROVA = make_quote("“Nobody listens,”", "Anna Petrova")
UNKNOWN = make_quote("# Not a heading", None, QuoteKind.INDIRECT)
SCARE = make_quote("“fine”", None, QuoteKind.SCARE)

LATE = make_highlight(1, "“Nobody listens,” said Anna Petrova.", note="Check *her* title.")
EARLY = make_highlight(
    2, PARAGRAPHS[1] + "\n\n" + PARAGRAPHS[2], color="red", tags=("key", "follow-up")
)


def full_notes(**changes: object) -> DocumentNotes:
    fields: dict[str, object] = dict(
        document=make_document(),
        note="## My take\n\nA **strong** source.",
        highlights=(LATE, EARLY),
        quotes=(OFFICER, PETROVA, UNKNOWN, SCARE),
    )
    fields.update(changes)
    return DocumentNotes(**fields)  # type: ignore[arg-type]


def test_front_matter_holds_the_metadata_and_a_stable_id() -> None:
    data, _ = split_front_matter(render_document(full_notes(), builtin_template("full")))
    assert data["title"] == "Russian officer: “I refused”"
    assert data["author"] == "Jane Reporter"
    assert data["outlet"] == "CNN"
    assert data["url"] == "https://example.com/story?id=1"
    assert str(data["published"]) == "2022-05-11"
    assert data["tags"] == ["war", "russia"]
    assert data["id"] == "byline-0123456789ab"


def test_the_heading_is_the_title_as_text() -> None:
    title = "# 1. *Not* <b>bold</b> | `code` ---"
    _, body = split_front_matter(
        render_document(full_notes(document=make_document(title)), builtin_template("full"))
    )
    heading = body.strip().split("\n", 1)[0]
    rendered = render(heading)
    assert rendered.tags == ["h1"]
    assert rendered.text == title


def test_the_note_passes_through_as_markdown() -> None:
    markdown = render_document(full_notes(), builtin_template("full"))
    assert "## My take\n\nA **strong** source." in markdown
    assert "<strong>strong</strong>" in render_html(markdown)


def test_quotes_are_grouped_by_speaker_unattributed_last_scare_quotes_left_out() -> None:
    markdown = render_document(full_notes(), builtin_template("full"))
    quotes = markdown.split("## Quotes", 1)[1].split("## Highlights", 1)[0]
    assert [line for line in quotes.splitlines() if line.startswith("### ")] == [
        "### Ivan Officer",
        "### Anna Petrova",
        "### Unattributed",
    ]
    assert "“fine”" not in quotes
    assert "- “We were dirty and tired,” — ¶ 2" in quotes
    assert "- \\# Not a heading — ¶ 1, reported" in quotes


def test_highlights_are_block_quotes_in_text_order_with_label_and_note() -> None:
    markdown = render_document(full_notes(), builtin_template("full"))
    section = markdown.split("## Highlights", 1)[1]
    assert section.index("We were dirty") < section.index("Nobody listens")
    assert "*¶ 2–3 · red · tags: key, follow-up*" in section
    assert "*¶ 4 · yellow*\n\nCheck *her* title." in section
    html = render_html(section)
    assert html.count("<blockquote>") == 2
    assert "<em>her</em>" in html


def test_a_multi_paragraph_highlight_is_one_block_quote_of_the_same_text() -> None:
    markdown = render_document(full_notes(highlights=(EARLY,)), builtin_template("highlights"))
    quote = markdown.split("## Highlights", 1)[1].strip().split("\n\n*¶", 1)[0]
    rendered = render(quote)
    assert rendered.tags == ["blockquote", "p", "p"]
    assert rendered.text == " ".join(PARAGRAPHS[1:3])


def test_built_in_shapes_show_only_their_part() -> None:
    notes = full_notes()
    quotes_only = render_document(notes, builtin_template("quotes"))
    highlights_only = render_document(notes, builtin_template("highlights"))
    assert "## Quotes" in quotes_only and "## Highlights" not in quotes_only
    assert "## Highlights" in highlights_only and "## Quotes" not in highlights_only
    assert "My take" not in quotes_only and "My take" not in highlights_only


def test_empty_sections_are_left_out() -> None:
    markdown = render_document(
        full_notes(note="", highlights=(), quotes=()), builtin_template("full")
    )
    assert "## " not in markdown
    assert markdown.endswith("<https://example.com/story?id=1>\n")


def test_without_front_matter_the_file_starts_with_the_heading() -> None:
    markdown = render_document(full_notes(), builtin_template("full"), with_front_matter=False)
    assert markdown.startswith("# Russian officer")


def test_a_hostile_note_cannot_swallow_the_sections_after_it() -> None:
    notes = full_notes(note="```\nunclosed code <!-- and comment")
    html = render_html(render_document(notes, builtin_template("full")))
    assert "<h2>Quotes</h2>" in html and "<h2>Highlights</h2>" in html


def test_a_hostile_highlight_note_cannot_swallow_the_next_highlight() -> None:
    first = make_highlight(1, PARAGRAPHS[0], note="<!-- unfinished")
    second = make_highlight(2, "Nobody listens")
    html = render_html(
        render_document(full_notes(highlights=(first, second)), builtin_template("highlights"))
    )
    assert html.count("<blockquote>") == 2


def test_copying_one_highlight_gives_quote_source_and_note() -> None:
    markdown = render_highlight(make_document(), LATE)
    assert markdown == (
        "> “Nobody listens,” said Anna Petrova.\n\n"
        "— Russian officer: “I refused”, ¶ 4\n\n"
        "Check *her* title.\n"
    )


paragraph_text = st.text(
    alphabet=st.sampled_from(list("#>-+=*_`~|[]()<>!&;\\.:1 \"'aé")), min_size=1, max_size=30
)


@settings(max_examples=150, deadline=None)
@given(st.lists(paragraph_text, min_size=1, max_size=4), paragraph_text)
def test_any_document_text_and_title_render_as_themselves(paras: list[str], title: str) -> None:
    text, blocks = assemble(BlockText(BlockKind.PARAGRAPH, p) for p in paras)
    if not text:
        return
    document = make_document(title, text=text, blocks=blocks)
    highlight = Highlight(1, 7, 0, len(text), text, "", "", "yellow", "", "c", "u")
    notes = DocumentNotes(document, highlights=(highlight,))
    _, body = split_front_matter(render_document(notes, builtin_template("highlights")))
    rendered = render(body)
    assert rendered.tags.count("h1") == 1 and rendered.tags.count("blockquote") == 1
    assert rendered.tag_set <= {"h1", "h2", "p", "blockquote", "em", "a"}
    heading, rest = body.lstrip("\n").split("\n", 1)
    assert render(heading).text == same_text(title)
    quoted = render(rest.split("## Highlights", 1)[1].split("\n\n*¶", 1)[0])
    assert quoted.text == same_text(text)


@settings(max_examples=150, deadline=None)
@given(paragraph_text, paragraph_text, paragraph_text, st.lists(paragraph_text, max_size=3))
def test_metadata_lines_and_labels_render_as_their_text(
    author: str, outlet: str, color: str, tags: list[str]
) -> None:
    document = make_document(author=author, outlet=outlet, url="https://x.org/a_b*c")
    highlight = make_highlight(1, "Nobody listens", color=color, tags=tuple(tags))
    markdown = render_document(
        DocumentNotes(document, highlights=(highlight,)), builtin_template("highlights")
    )
    _, body = split_front_matter(markdown)
    blocks = body.strip().split("\n\n")
    byline, label = blocks[1], blocks[-1]
    expected = [same_text(v) for v in (author, outlet) if v.strip()]
    assert render(byline).text == " · ".join([*expected, "2022-05-11", "https://x.org/a_b*c"])
    label_parts = [
        "¶ 4",
        *([color] if color else []),
        *([f"tags: {', '.join(tags)}"] if tags else []),
    ]
    rendered = render(label)
    assert rendered.tags == ["p", "em"]
    assert rendered.text == same_text(" · ".join(label_parts))
