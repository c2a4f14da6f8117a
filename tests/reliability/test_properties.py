"""Property-based tests on any text: the importers' text cleaning, importing arbitrary bytes, the
quote extractor and the Markdown export never raise and keep every offset inside the text.

(tests/core/export checks that the Markdown renders as its text for a Markdown-hostile alphabet;
here the point is that no input at all, control characters and astral planes included, breaks
anything.)
"""

from __future__ import annotations

import itertools
import re
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from byline.core.errors import ImportFailure
from byline.core.export import DocumentNotes, builtin_template, render_document
from byline.core.export.templates import BUILTIN_TEMPLATES
from byline.core.model import BlockKind, Document, Highlight
from byline.core.quotes import extract_quotes
from byline.core.text import BLOCK_SEPARATOR, BlockText, assemble, clean_inline
from byline.importers import parse_file

SETTINGS = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# Text shaped like news copy: names, speech verbs, every kind of quotation mark, line breaks.
NEWS_WORDS = [
    "said", "told", "says", "according", "to", "Ana", "Ruiz", "Mr.", "Dr.", "She", "he",
    "the", "minister", "“", "”", "‘", "’", '"', "'", "«", "»", "„", "‹", "›", "—", ",", ".",
    ":", "?", "!", "\n", "\n\n", " ", "(", ")", "we", "will", "appeal", "U.S.", "3.5",
]  # fmt: skip
news_text = st.lists(st.sampled_from(NEWS_WORDS), max_size=120).map(" ".join)
any_text = st.text(max_size=400)
texts = st.one_of(news_text, any_text, st.builds(lambda a, b: a + b, news_text, any_text))
block_kinds = st.sampled_from(list(BlockKind))

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


# ----------------------------------------------------------------------- text cleaning


@SETTINGS
@given(any_text)
def test_cleaned_block_text_is_one_tidy_line(raw: str) -> None:
    cleaned = clean_inline(raw)
    assert "\n" not in cleaned and "\r" not in cleaned
    assert not _CONTROL.search(cleaned)
    assert cleaned == cleaned.strip()
    assert "  " not in cleaned
    assert clean_inline(cleaned) == cleaned


@SETTINGS
@given(st.lists(st.tuples(block_kinds, any_text), max_size=12))
def test_assembled_blocks_point_at_their_own_text(raw: list[tuple[BlockKind, str]]) -> None:
    text, blocks = assemble(BlockText(kind, body) for kind, body in raw)
    expected = [clean_inline(body) for _, body in raw if clean_inline(body)]
    assert [text[b.start : b.end] for b in blocks] == expected
    assert text == BLOCK_SEPARATOR.join(expected)
    for before, after in itertools.pairwise(blocks):
        assert before.end + len(BLOCK_SEPARATOR) == after.start
    assert all(0 <= b.start < b.end <= len(text) for b in blocks)


@settings(max_examples=150, deadline=None)
@given(st.binary(max_size=3000), st.sampled_from([".txt", ".md", ".html", ".htm", ".pdf"]))
def test_any_bytes_import_or_fail_with_a_one_line_message(data: bytes, suffix: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"random{suffix}"
        path.write_bytes(data)
        try:
            parsed = parse_file(path)
        except ImportFailure as exc:
            assert str(exc) and "\n" not in str(exc)
            return
    assert parsed.text
    assert all(0 <= b.start < b.end <= len(parsed.text) for b in parsed.blocks)
    assert "\n" not in parsed.title


# ------------------------------------------------------------------------ quote extractor


@SETTINGS
@given(texts)
def test_quotes_are_always_spans_of_the_text(text: str) -> None:
    for quote in extract_quotes(text):
        assert 0 <= quote.start < quote.end <= len(text)
        assert text[quote.start : quote.end] == quote.text
        if quote.speaker_start is not None or quote.speaker_end is not None:
            assert quote.speaker_start is not None and quote.speaker_end is not None
            assert 0 <= quote.speaker_start < quote.speaker_end <= len(text)


@SETTINGS
@given(st.lists(st.tuples(block_kinds, news_text), min_size=1, max_size=6))
def test_quotes_of_assembled_documents_are_spans_of_the_text(
    raw: list[tuple[BlockKind, str]],
) -> None:
    text, _ = assemble(BlockText(kind, body) for kind, body in raw)
    assert all(text[q.start : q.end] == q.text for q in extract_quotes(text))


# ------------------------------------------------------------------------ markdown export


def _document(title: str, text: str, author: str, url: str) -> Document:
    text = text if text.strip() else "Some text."
    assembled, blocks = assemble([BlockText(BlockKind.PARAGRAPH, text)])
    assembled = assembled or "x"
    return Document(
        id=1,
        title=title,
        text=assembled,
        blocks=blocks,
        format="text",
        author=author or None,
        outlet=author[::-1] or None,
        url=url or None,
        published="2024-02-29",
        imported="2024-03-01T10:00:00+00:00",
        source_name=f"{title}.txt",
        content_hash="0" * 64,
    )


@SETTINGS
@given(
    title=any_text,
    text=texts,
    author=any_text,
    url=any_text,
    note=any_text,
    highlight_note=any_text,
    tags=st.lists(any_text, max_size=3),
    template=st.sampled_from(sorted(BUILTIN_TEMPLATES)),
)
def test_markdown_export_of_anything_renders(
    title: str,
    text: str,
    author: str,
    url: str,
    note: str,
    highlight_note: str,
    tags: list[str],
    template: str,
) -> None:
    document = _document(title, text, author, url)
    end = min(len(document.text), 25)
    highlight = Highlight(
        1, 1, 0, end, document.text[:end], "", "", "yellow", highlight_note, "c", "u", tuple(tags)
    )
    notes = DocumentNotes(
        document, note=note, highlights=(highlight,), quotes=tuple(extract_quotes(document.text))
    )
    markdown = render_document(notes, builtin_template(template))
    assert isinstance(markdown, str) and markdown.endswith("\n")
