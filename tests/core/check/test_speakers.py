"""Comparing the draft's speaker with the source's."""

from __future__ import annotations

import pytest

from byline.core.check.speakers import same_speaker


@pytest.mark.parametrize(
    ("draft", "source"),
    [
        ("Anna Melnikova", "Anna Melnikova"),
        ("Melnikova", "Anna Melnikova"),
        ("Ms. Melnikova", "Anna Melnikova"),
        ("Mayor Anna Melnikova", "ANNA MELNIKOVA"),
        ("Chloe Moreau", "Chloé Moreau"),
        ("Ludwig van Beethoven", "Beethoven"),
    ],
)
def test_same_person_named_differently(draft: str, source: str) -> None:
    assert same_speaker(draft, source) is True


def test_different_surnames_are_different_people() -> None:
    assert same_speaker("Anna Okafor", "Anna Melnikova") is False
    assert same_speaker("Okafor", "Anna Melnikova") is False


@pytest.mark.parametrize("unjudgeable", [None, "", "he", "she", "a spokeswoman", "the mayor"])
def test_speakers_that_are_not_names_cannot_be_wrong(unjudgeable: str | None) -> None:
    assert same_speaker(unjudgeable, "Anna Melnikova") is None
    assert same_speaker("Anna Melnikova", unjudgeable) is None
