"""Anchors: the stored offsets are trusted when they still hold, else the passage is re-found."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from byline.core.anchor import find_anchor, make_anchor
from byline.core.model import TextAnchor


def test_anchor_keeps_exact_text_and_context() -> None:
    text = "abcdefghijklmnopqrstuvwxyz"
    anchor = make_anchor(text, 10, 13, context=4)
    assert anchor == TextAnchor(10, 13, "klm", "ghij", "nopq")


def test_context_is_clipped_at_the_edges_of_the_text() -> None:
    anchor = make_anchor("hello world", 0, 11)
    assert (anchor.prefix, anchor.suffix) == ("", "")


@pytest.mark.parametrize(("start", "end"), [(-1, 2), (3, 3), (4, 2), (0, 12)])
def test_span_outside_the_text_is_refused(start: int, end: int) -> None:
    with pytest.raises(ValueError, match="not inside the text"):
        make_anchor("hello world", start, end)


def test_offsets_win_when_they_still_hold() -> None:
    text = "the cat and the cat"
    anchor = make_anchor(text, 16, 19)
    assert find_anchor(text, anchor) == (16, 19)


def test_moved_passage_is_found_by_its_context() -> None:
    old = "He said no. She said no. They said yes."
    anchor = make_anchor(old, old.index("She said no") + 9, old.index("She said no") + 11)
    new = "Update. " + old
    found = find_anchor(new, anchor)
    assert found is not None
    assert new[found[0] - 9 : found[1]] == "She said no"


def test_context_beats_distance_when_the_text_repeats() -> None:
    old = "alpha said no. beta said no."
    start = old.index("no", old.index("beta"))
    anchor = make_anchor(old, start, start + 2, context=8)
    # The first "no" is now nearer the old offset, but only the second has beta's context.
    new = "x" * 2 + "gamma said no. " + old
    found = find_anchor(new, anchor)
    assert found == (new.index("beta said no") + 10, new.index("beta said no") + 12)


def test_nearest_occurrence_wins_among_equal_contexts() -> None:
    anchor = TextAnchor(20, 22, "ab", "", "")
    assert find_anchor("ab" + " " * 30 + "ab", anchor) == (32, 34)


def test_vanished_passage_is_none() -> None:
    anchor = make_anchor("the quick brown fox", 4, 9)
    assert find_anchor("the slow brown fox", anchor) is None


def test_empty_exact_is_never_found() -> None:
    assert find_anchor("anything", TextAnchor(0, 0, "", "", "")) is None


@st.composite
def text_and_span(draw: st.DrawFn) -> tuple[str, int, int]:
    text = draw(st.text(min_size=1, max_size=200))
    start = draw(st.integers(0, len(text) - 1))
    end = draw(st.integers(start + 1, len(text)))
    return text, start, end


@given(text_and_span())
def test_round_trip_finds_the_same_span(case: tuple[str, int, int]) -> None:
    text, start, end = case
    assert find_anchor(text, make_anchor(text, start, end)) == (start, end)


@given(text_and_span(), st.text(max_size=50))
def test_after_text_is_inserted_before_it_the_passage_is_found_shifted(
    case: tuple[str, int, int], inserted: str
) -> None:
    text, start, end = case
    anchor = make_anchor(text, start, end)
    new = inserted + text
    found = find_anchor(new, anchor)
    assert found is not None
    assert new[found[0] : found[1]] == text[start:end]
    if new.count(text[start:end]) == 1:
        assert found == (start + len(inserted), end + len(inserted))
