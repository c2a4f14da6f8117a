"""Words a quotation check compares: typography is not a difference, editing marks are recorded."""

from __future__ import annotations

from byline.core.check.words import quote_words, word_keys


def keys(quotation: str) -> list[list[str]]:
    return [[w.key for w in segment] for segment in quote_words(quotation).segments]


def test_quote_marks_dashes_apostrophes_and_case_are_not_words() -> None:
    curly = keys("“It’s not — and never was — ‘our’ war,” ")
    straight = keys("\"It's not -- and never was - 'our' WAR\"")
    assert curly == straight == [["it's", "not", "and", "never", "was", "our", "war"]]


def test_numbers_keep_their_separators() -> None:
    assert keys("“1,000 people, 3.5 percent”") == [["1,000", "people", "3.5", "percent"]]


def test_every_way_of_writing_an_ellipsis_splits_the_quotation() -> None:
    for mark in ("...", "…", ". . .", "[...]", "[…]"):
        words = quote_words(f"“We will {mark} win”")
        assert [[w.key for w in s] for s in words.segments] == [["we", "will"], ["win"]], mark


def test_leading_and_trailing_ellipses_are_noted_not_segments() -> None:
    words = quote_words("“... the war is over ...”")
    assert words.leading_ellipsis and words.trailing_ellipsis
    assert len(words.segments) == 1


def test_bracketed_words_are_the_writers_not_the_speakers() -> None:
    words = quote_words("“[The minister] knows it”")
    assert [(w.key, w.bracketed) for w in words.words] == [
        ("the", True),
        ("minister", True),
        ("knows", False),
        ("it", False),
    ]
    assert [w.key for w in words.spoken] == ["knows", "it"]


def test_a_bracketed_capital_recases_the_word_it_starts() -> None:
    [word] = quote_words("“[T]he”").words
    assert (word.key, word.text, word.recased, word.bracketed) == ("the", "The", True, False)


def test_source_keys_carry_offsets_into_the_text() -> None:
    text = "Café owners’ “rights”, she said."
    found, spans = word_keys(text)
    assert found == ["café", "owners", "rights", "she", "said"]
    assert [text[a:b] for a, b in spans] == ["Café", "owners", "rights", "she", "said"]
