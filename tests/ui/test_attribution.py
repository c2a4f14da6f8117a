"""The text "Copy with attribution" puts on the clipboard."""

from __future__ import annotations

from byline.core.model import Document
from byline.ui.attribution import attributed, readable_date


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
