from byline.core.quotes.attribution import cues_in, has_cue


def test_cue_words_are_found_in_any_case_between_any_marks() -> None:
    text = "“Non,” Renée SAID—then told him: ‘Writes?’ (according to Lee)"
    assert cues_in(text) == {"said", "told", "writes", "according"}
    assert has_cue(text)


def test_a_cue_word_inside_a_longer_word_is_no_cue() -> None:
    assert not has_cue("The saidai sayings of Tellurian toldo")
    assert cues_in("unsaid, retold") == frozenset()
