"""Quotation-mark pairing on sentences written for these tests."""

from byline.core.quotes.marks import find_quoted_spans


def _quoted(text: str) -> list[str]:
    return [text[s.start : s.end] for s in find_quoted_spans(text)]


def test_curly_double_quotes_pair_with_marks_included() -> None:
    text = "“The bridge is closed,” the engineer said."
    assert _quoted(text) == ["“The bridge is closed,”"]


def test_straight_double_quotes_pair() -> None:
    text = 'He said "we will rebuild" and left. "Not today," she answered.'
    assert _quoted(text) == ['"we will rebuild"', '"Not today,"']


def test_apostrophes_are_never_quotation_marks() -> None:
    text = "Don't go, I'm late, the '90s were Kowalski’s best years and the players’ union agreed."
    assert _quoted(text) == []


def test_single_quotes_inside_double_quotes_stay_inside() -> None:
    text = "“My father told me, ‘Never sell the farm,’ and I never did,” Rivera said."
    assert _quoted(text) == ["“My father told me, ‘Never sell the farm,’ and I never did,”"]


def test_guillemets_both_ways_and_low_high_marks() -> None:
    assert _quoted("Il a dit « nous partons » hier.") == ["« nous partons »"]
    assert _quoted("Er sagte »wir gehen« gestern.") == ["»wir gehen«"]
    assert _quoted("Er sagte „wir gehen“ gestern.") == ["„wir gehen“"]


def test_missing_opening_mark_starts_the_quote_at_the_paragraph() -> None:
    text = "Intro.\n\nWe could not sleep for days.” A farmer"
    spans = find_quoted_spans(text)
    assert [text[s.start : s.end] for s in spans] == ["We could not sleep for days.”"]
    assert not spans[0].opened and spans[0].closed


def test_quote_over_several_paragraphs_gives_one_span_per_paragraph() -> None:
    text = "“The first part goes on.\n\n“The second part ends here,” Okafor said."
    spans = find_quoted_spans(text)
    assert [text[s.start : s.end] for s in spans] == [
        "“The first part goes on.",
        "“The second part ends here,”",
    ]
    assert spans[0].opened and not spans[0].closed


def test_right_single_quote_closes_a_straight_single_quote_in_a_headline() -> None:
    text = "Residents 'deeply worried’ about the dam"
    spans = find_quoted_spans(text)
    assert [text[s.start : s.end] for s in spans] == ["'deeply worried’"]
    assert spans[0].single


def test_lost_opening_mark_takes_in_a_quotation_nested_before_it() -> None:
    text = "We never heard any “heroes” talk. Nobody believed it.” Veteran"
    spans = find_quoted_spans(text)
    assert [text[s.start : s.end] for s in spans] == [
        "We never heard any “heroes” talk. Nobody believed it.”"
    ]


def test_straight_mark_before_a_space_closes_a_quote_opened_in_an_earlier_paragraph() -> None:
    text = '"The first part.\n\nthe second part, with the veterans," said Lee in an email.'
    spans = find_quoted_spans(text)
    assert [text[s.start : s.end] for s in spans] == [
        '"The first part.',
        'the second part, with the veterans,"',
    ]


def test_stray_closing_mark_after_a_full_quotation_keeps_that_quotation() -> None:
    text = "“We will not lose this time,” Ortiz said on radio. Nobody wins, we all lose.”"
    spans = find_quoted_spans(text)
    assert [text[s.start : s.end] for s in spans] == [
        "“We will not lose this time,”",
        "Ortiz said on radio. Nobody wins, we all lose.”",
    ]


def test_straight_mark_between_spaces_opens_when_none_is_open() -> None:
    text = 'Lee cited an idea. This would " provide supply in quiet streets."'
    assert _quoted(text) == ['" provide supply in quiet streets."']
