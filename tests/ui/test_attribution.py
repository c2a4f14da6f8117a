"""The text "Copy with attribution" puts on the clipboard."""

from __future__ import annotations

from byline.core.model import Document, Quote, QuoteKind
from byline.ui.attribution import attributed, attributed_quote, quote_words, readable_date


def make_document(**overrides: object) -> Document:
    values: dict[str, object] = dict(
        id=1,
        title="Officer quits",
        text="",
        blocks=(),
        format="text",
        author=None,
        outlet="CNN",
        url=None,
        published="2022-05-12T08:00:00Z",
        imported="2026-01-01",
        source_name=None,
        content_hash="x",
    )
    values.update(overrides)
    return Document(**values)  # type: ignore[arg-type]


def test_quote_is_wrapped_once_and_followed_by_speaker_outlet_title_date() -> None:
    got = attributed("“We were dirty and tired.”", make_document(), "Ivan Petrov")
    assert got == "“We were dirty and tired.” — Ivan Petrov, CNN, “Officer quits”, 12 May 2022"


def test_missing_parts_are_left_out() -> None:
    doc = make_document(outlet=None, published=None)
    assert attributed("plain passage", doc) == "“plain passage” — “Officer quits”"


def test_unparseable_date_is_kept_as_given() -> None:
    assert readable_date("spring 2021") == "spring 2021"
    assert readable_date(None) is None


def quote(kind: QuoteKind, text: str, speaker: str | None = "Valentina Melnikova") -> Quote:
    return Quote(0, len(text), text, kind, speaker, "said")


def test_reported_speech_is_copied_without_quotation_marks_and_said_to_be_reported() -> None:
    got = attributed_quote(
        quote(QuoteKind.INDIRECT, "all troops have the right to file reports"), make_document()
    )
    assert got == (
        "all troops have the right to file reports (reported, not verbatim)"
        " — Valentina Melnikova, CNN, “Officer quits”, 12 May 2022"
    )
    assert "“all" not in got


def test_a_direct_quotation_is_copied_in_quotation_marks() -> None:
    got = attributed_quote(quote(QuoteKind.DIRECT, "“We were tired,”"), make_document())
    assert got.startswith("“We were tired,” — Valentina Melnikova, CNN")


def test_lists_show_reported_speech_without_quotation_marks() -> None:
    assert quote_words(quote(QuoteKind.INDIRECT, "the plan would cost more")) == (
        "the plan would cost more"
    )
    assert quote_words(quote(QuoteKind.DIRECT, "“It will cost more.”")) == "“It will cost more.”"
