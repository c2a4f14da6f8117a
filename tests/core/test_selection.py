from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from byline.core.selection import innermost_at, passage_span

TEXT = "He went to his commander and resigned his commission. Tabalov's ex-unit didn't."


def span_of(fragment: str, text: str = TEXT) -> tuple[int, int]:
    start = text.index(fragment)
    return start, start + len(fragment)


def test_a_selection_starting_inside_a_word_takes_the_whole_word() -> None:
    start, end = span_of("r and resigned his")
    assert passage_span(TEXT, start, end) == span_of("commander and resigned his")


def test_a_selection_ending_inside_a_word_takes_the_whole_word() -> None:
    start, end = span_of("resigned his commi")
    assert passage_span(TEXT, start, end) == span_of("resigned his commission")


def test_punctuation_at_an_end_is_kept_as_selected_and_not_widened_past() -> None:
    start, end = span_of("his commission.")
    assert passage_span(TEXT, start, end) == (start, end)
    start, end = span_of("his commission")
    assert passage_span(TEXT, start, end) == (start, end)  # the full stop is not added


def test_apostrophes_and_hyphens_inside_words_are_part_of_them() -> None:
    start, end = span_of("lov's ex-u")
    assert passage_span(TEXT, start, end) == span_of("Tabalov's ex-unit")
    start, end = span_of("didn")
    assert passage_span(TEXT, start, end) == span_of("didn't")


def test_white_space_at_either_end_is_dropped() -> None:
    start, end = span_of(" went to ")
    assert passage_span(TEXT, start, end) == span_of("went to")


@pytest.mark.parametrize("fragment", [" ", "  "])
def test_only_white_space_is_no_passage(fragment: str) -> None:
    text = "a  b"
    start = text.index(fragment)
    assert passage_span(text, start, start + len(fragment)) is None


def test_a_quotation_mark_closing_a_quote_is_not_a_joiner() -> None:
    text = "“I was tired,’ he said. ’Very.”"
    start, end = span_of("tired,’ he", text)
    assert passage_span(text, start, end) == (start, end)


@given(st.text(), st.integers(-5, 60), st.integers(-5, 60))
def test_the_passage_covers_the_selection_s_words_and_stays_in_the_text(
    text: str, a: int, b: int
) -> None:
    start, end = min(a, b), max(a, b)
    span = passage_span(text, start, end)
    if span is None:
        assert not text[max(0, start) : max(0, end)].strip()
        return
    s, e = span
    assert 0 <= s < e <= len(text)
    selected = text[max(0, start) : max(0, end)].strip()
    assert selected in text[s:e]
    assert not text[s].isspace() and not text[e - 1].isspace()


def test_the_passage_pointed_at_is_the_innermost_of_those_that_nest() -> None:
    from byline.core.model import TextAnchor

    outer = TextAnchor(0, 40, "", "", "")
    inner = TextAnchor(10, 20, "", "", "")
    apart = TextAnchor(50, 60, "", "", "")
    passages = [outer, inner, apart]
    assert innermost_at(passages, 15) is inner
    assert innermost_at(passages, 5) is outer
    assert innermost_at(passages, 40) is None  # the end is outside
    assert innermost_at(passages, 55) is apart
