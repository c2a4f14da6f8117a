"""A reader's corrections applied to extracted quotes."""

from byline.core.model import Quote, QuoteCorrection, QuoteKind
from byline.core.quotes import apply_corrections


def _q(start: int, end: int, speaker: str | None = "Ana Lopes") -> Quote:
    return Quote(start, end, "x" * (end - start), QuoteKind.DIRECT, speaker, "said", 40, 49)


def test_corrected_speaker_replaces_extracted_one() -> None:
    out = apply_corrections([_q(0, 10)], [QuoteCorrection(1, 0, 10, speaker="Rui Costa")])
    assert out[0].speaker == "Rui Costa"
    assert out[0].speaker_start is None


def test_not_a_quote_is_removed_and_others_kept_in_order() -> None:
    quotes = [_q(20, 30), _q(0, 10)]
    out = apply_corrections(quotes, [QuoteCorrection(1, 20, 30, not_a_quote=True)])
    assert [(q.start, q.end) for q in out] == [(0, 10)]


def test_correction_for_a_span_that_no_longer_exists_is_ignored() -> None:
    out = apply_corrections([_q(0, 10)], [QuoteCorrection(1, 5, 15, speaker="Rui Costa")])
    assert out[0].speaker == "Ana Lopes"
