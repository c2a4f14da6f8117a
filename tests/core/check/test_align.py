"""Placing a quotation in a source and the word-level difference."""

from __future__ import annotations

from byline.core.check.align import SourceText, align
from byline.core.check.diff import DiffOp, EditKind, render_diff
from byline.core.check.words import quote_words

SOURCE = SourceText.of(
    "The council met on Monday. “We cannot keep paying for the flood defences out of the "
    "rainy-day fund. It is not sustainable, and the council knows it,” said Anna Melnikova. "
    "She left before the vote."
)


def ops(quotation: str) -> list[tuple[EditKind, str, str]]:
    alignment = align(quote_words(quotation), SOURCE)
    assert alignment is not None
    return [(op.kind, op.draft, op.source) for op in alignment.ops if op.kind is not EditKind.SAME]


def test_word_for_word_quotation_is_placed_on_its_passage() -> None:
    alignment = align(quote_words("“It is not sustainable, and the council knows it.”"), SOURCE)
    assert alignment is not None and alignment.faithful
    assert SOURCE.text[alignment.start : alignment.end] == (
        "It is not sustainable, and the council knows it"
    )
    assert alignment.matched == alignment.spoken == 9


def test_first_letter_case_is_forgiven_but_not_inside() -> None:
    assert ops("“the council knows it”") == []
    assert ops("“the Council knows it”") == [(EditKind.CHANGED, "Council", "council")]


def test_dropped_word_is_reported_with_the_source_word() -> None:
    assert ops("“We cannot keep paying for flood defences”") == [(EditKind.DROPPED, "", "the")]


def test_changed_word_is_reported_with_both_sides() -> None:
    assert ops("“We cannot keep paying for the sea defences”") == [
        (EditKind.CHANGED, "sea", "flood")
    ]


def test_added_word_is_reported() -> None:
    assert ops("“We simply cannot keep paying for the flood defences”") == [
        (EditKind.ADDED, "simply", "")
    ]


def test_ellipsis_stands_for_the_words_it_cut() -> None:
    assert ops("“We cannot keep paying for the flood defences … the council knows it”") == [
        (EditKind.ELLIPSIS, "…", "out of the rainy-day fund. It is not sustainable, and")
    ]


def test_bracketed_words_may_replace_or_add_to_the_source() -> None:
    assert ops("“It is not sustainable, and [Melnikova's] council knows it”") == [
        (EditKind.BRACKETED, "Melnikova's", "the")
    ]
    assert ops("“It is not sustainable, and the council [of Springfield] knows it”") == [
        (EditKind.BRACKETED, "of Springfield", "")
    ]


def test_marks_are_legitimate_and_word_changes_are_not() -> None:
    alignment = align(quote_words("“[T]he flood defences … the council knows it”"), SOURCE)
    assert alignment is not None and alignment.faithful
    changed = align(quote_words("“The flood defences … the mayor knows it”"), SOURCE)
    assert changed is not None and not changed.faithful


def test_quotation_of_words_not_in_the_source_is_not_placed() -> None:
    assert align(quote_words("“Nobody will lose their home this year”"), SOURCE) is None


def test_diff_renders_on_one_line() -> None:
    line = render_diff(
        (
            DiffOp(EditKind.SAME, "We cannot", "We cannot"),
            DiffOp(EditKind.DROPPED, "", "keep"),
            DiffOp(EditKind.CHANGED, "pay", "paying"),
            DiffOp(EditKind.ELLIPSIS, "…", "for the"),
            DiffOp(EditKind.BRACKETED, "sea walls", "flood defences"),
        )
    )
    assert (
        line
        == "We cannot [-keep-] [-paying-]{+pay+} …(cut: for the) [sea walls](for: flood defences)"
    )


def test_a_short_first_segment_is_placed_next_to_the_rest() -> None:
    source = SourceText.of(
        "I came in May. I said nothing. I waited. I listened. Then I never wanted this war."
    )
    alignment = align(quote_words("“I … never wanted this war”"), source)
    assert alignment is not None and alignment.faithful
    assert source.text[alignment.start : alignment.end] == "I never wanted this war"
