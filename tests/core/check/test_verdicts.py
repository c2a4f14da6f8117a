"""The verdict rules: close enough, faithful, and whether the speaker agrees."""

from __future__ import annotations

from byline.core.check.align import SourceText, align
from byline.core.check.verdicts import Verdict, verdict_for
from byline.core.check.words import quote_words

SOURCE = SourceText.of(
    "“Nobody asked us whether we wanted to go to war, nobody at all,” Ivan Petrov told reporters."
)


def verdict(quotation: str, speaker_agrees: bool | None = True) -> Verdict:
    return verdict_for(align(quote_words(quotation), SOURCE), speaker_agrees)


def test_faithful_quotation_is_verbatim_even_with_editing_marks() -> None:
    assert verdict("“Nobody asked us whether we wanted to go to war”") is Verdict.VERBATIM
    assert verdict("“Nobody asked [the soldiers] whether [they] wanted to go …”") is (
        Verdict.VERBATIM
    )


def test_close_quotation_with_changed_words_is_altered() -> None:
    assert verdict("“Nobody asked us if we wanted to go to war”") is Verdict.ALTERED


def test_words_found_with_another_speaker_are_wrong_speaker_even_if_altered() -> None:
    assert verdict("“Nobody asked us whether we wanted to go to war”", False) is (
        Verdict.WRONG_SPEAKER
    )
    assert verdict("“Nobody asked us if we wanted to go to war”", False) is Verdict.WRONG_SPEAKER


def test_unknown_speaker_is_not_wrong() -> None:
    assert verdict("“Nobody asked us whether we wanted to go to war”", None) is Verdict.VERBATIM


def test_a_few_shared_words_are_not_a_source() -> None:
    assert verdict("“We wanted peace and bread, and nobody asked whether the war was over”") is (
        Verdict.NOT_FOUND
    )
    assert verdict_for(None, None) is Verdict.NOT_FOUND
