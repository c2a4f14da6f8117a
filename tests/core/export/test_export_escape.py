"""Text from a document renders as the same text, never as structure; the reader's own Markdown
passes through but cannot swallow what follows it."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from byline.core.export.escape import (
    block_quote,
    escape_inline,
    escape_paragraphs,
    list_item,
    user_markdown,
)
from export_rendering import render, same_text

HOSTILE = [
    "# Not a heading",
    "## Neither #",
    "> not a quote",
    "---",
    "***",
    "___",
    "- not a bullet",
    "+ not a bullet",
    "* not a bullet",
    "1. not a list",
    "2) nor this",
    "123456789. long",
    "Title\n===",
    "Title\n---",
    "| a | b |\n|---|---|\n| c | d |",
    "a | b",
    "`code` and ``more``",
    "```python\nprint()\n```",
    "~~~\nfence\n~~~",
    "~~struck~~",
    "*stars* **bold** ***both***",
    "_under_ __score__",
    "snake_case_name and 2*3*4",
    "[a link](http://example.com) and ![an image](x.png)",
    "[ref]: http://example.com",
    "[ref]",
    "<b>bold</b> <script>alert(1)</script>",
    "<!-- a comment",
    "<div>\nblock\n</div>",
    "<http://example.com> and <me@example.com>",
    "&amp; &lt; &#35; &#x23; &copy; AT&T",
    "trailing backslash\\",
    "a \\* b \\\\ c",
    "line one  \nline two",
    "    indented like code",
    "\tindented with a tab",
    "=====",
    "- - -",
    "#hashtag in the middle",
    "Price: $5 and $6",
    "[[wiki link]] and [^1]",
    "50%% hidden in Obsidian %%",
    "a\x00b\x07c",
    "\\",
    "\\\n",
    "1.",
    "-",
    ">",
    "#",
]

SPECIALS = [*"#>-+=*_`~|[]()<>!&;\\.:1234567890 \t\n\"'", "\n\n", "&amp;", "    "]
hostile_text = st.lists(
    st.one_of(st.sampled_from(SPECIALS), st.text(min_size=1, max_size=3)), max_size=40
).map("".join)


def test_hostile_cases_render_as_paragraphs_with_the_same_text() -> None:
    for text in HOSTILE:
        rendered = render(escape_paragraphs(text))
        assert rendered.tag_set <= {"p"}, (text, rendered.tags)
        assert rendered.text == same_text(text), text


@settings(max_examples=400, deadline=None)
@given(hostile_text)
def test_any_text_renders_as_plain_paragraphs_with_the_same_text(text: str) -> None:
    rendered = render(escape_paragraphs(text))
    assert rendered.tag_set <= {"p"}
    assert rendered.text == same_text(text)


@settings(max_examples=300, deadline=None)
@given(hostile_text)
def test_any_text_in_a_block_quote_stays_one_quote_with_the_same_text(text: str) -> None:
    rendered = render(block_quote(text))
    assert rendered.tags.count("blockquote") == 1
    assert rendered.tag_set <= {"blockquote", "p"}
    assert rendered.text == same_text(text)


@settings(max_examples=300, deadline=None)
@given(hostile_text)
def test_any_text_inline_stays_one_line_of_the_same_text(text: str) -> None:
    markdown = escape_inline(text)
    assert "\n" not in markdown
    heading = render("# " + markdown)
    assert heading.tags[:1] == ["h1"] and heading.tag_set <= {"h1"}
    assert heading.text == same_text(text)


@settings(max_examples=300, deadline=None)
@given(hostile_text, hostile_text)
def test_any_text_as_a_list_item_stays_one_item_with_its_suffix(text: str, suffix: str) -> None:
    rendered = render(list_item(text, suffix=suffix))
    assert rendered.tags.count("li") == 1
    assert rendered.tag_set <= {"ul", "li", "p"}
    # The suffix joins the end of the text itself, as " — ¶ 4" does.
    assert rendered.text == same_text(same_text(text) + suffix)


def test_multi_paragraph_text_keeps_its_paragraphs_inside_one_block_quote() -> None:
    quote = block_quote("First paragraph.\n\n# Second, not a heading.\n\n> Third.")
    rendered = render(quote)
    assert rendered.tags == ["blockquote", "p", "p", "p"]
    assert rendered.text == "First paragraph. # Second, not a heading. > Third."


def test_obsidian_comment_marks_are_escaped() -> None:
    assert escape_inline("up 50%% %%") == "up 50\\%\\% \\%\\%"


def test_escaping_leaves_ordinary_prose_readable() -> None:
    prose = "Russian troops, he said, are struggling. U.S. officials agree (mostly)."
    assert escape_paragraphs(prose) == prose


def test_users_markdown_passes_through_as_markdown() -> None:
    note = "## My take\n\n- **first** point\n- second"
    assert user_markdown(note) == note
    assert {"h2", "ul", "strong"} <= render(user_markdown(note)).tag_set


@pytest.mark.parametrize(
    "note",
    [
        "```\nunclosed fence",
        "````\nlong unclosed fence\n```",
        "~~~\nunclosed tilde fence",
        "<!-- unclosed comment",
        "<script>\nunclosed script",
        "<?php unclosed",
        "<![CDATA[ unclosed",
        "<!DOCTYPE unclosed",
        "> quote\n```\nfence inside",
        "<div><!-- a comment opened inside raw HTML",
        "Inline <script> left open",
        "Inline <textarea> left open",
        "<style>\nleft open",
        "text\n<!----><!--",  # a comment closed, then one opened on the line that closes it
    ],
)
def test_an_unfinished_note_cannot_swallow_what_follows(note: str) -> None:
    contained = user_markdown(note)
    rendered = render(contained + "\n\n## After the note\n")
    assert "h2" in rendered.tags, contained
    assert rendered.text.endswith("After the note")


def test_an_empty_note_stays_empty() -> None:
    assert user_markdown("  \n\n ") == ""


note_text = st.lists(
    st.sampled_from(
        [
            *["```", "~~~", "<!--", "-->", "<script>", "<pre>", "<?", "<![CDATA[", "<div>"],
            *["<textarea>", "<style>", "\n", "\n\n", "> ", "- ", "    ", "text", "*", "`"],
            *["<", ">", "]]>", "?>", "|", "---"],
        ]
    ),
    max_size=25,
).map("".join)


@settings(max_examples=300, deadline=None)
@given(note_text)
def test_no_note_can_swallow_the_heading_after_it(note: str) -> None:
    rendered = render(user_markdown(note) + "\n\n## After the note\n")
    assert rendered.tags[-1:] == ["h2"]
    assert rendered.text.endswith("After the note")
