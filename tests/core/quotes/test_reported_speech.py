"""Reported speech (indirect quotes) in sentences written for these tests."""

from byline.core.model import Quote
from byline.core.quotes import extract_quotes


def _indirect(text: str) -> list[Quote]:
    return [q for q in extract_quotes(text) if q.kind.value == "indirect"]


def test_participle_after_a_report_starts_a_second_report() -> None:
    text = ("Ms. Okafor argued that the fee hurt small farms in the north, noting that "
            "most of them already run at a loss.")
    first, second = _indirect(text)
    assert first.text == "the fee hurt small farms in the north"
    assert second.text == "most of them already run at a loss"
    assert (first.speaker, second.speaker, second.cue) == ("Okafor", "Okafor", "noting")


def test_he_believed_after_a_report_is_a_second_report() -> None:
    text = ("Though Judge Amos Reid said he was loath to fine a charity, he believed the "
            "board had acted improperly.")
    quotes = _indirect(text)
    assert [q.text for q in quotes][-1] == "the board had acted improperly"
    assert {q.speaker for q in quotes} == {"Amos Reid"}


def test_clause_ending_in_a_quoted_word_then_speaker() -> None:
    text = ("Fans objected in 1994 to the list's inclusion of \"three-peat,\" Lena Hart said.")
    (q,) = _indirect(text)
    assert q.speaker == "Lena Hart"
    assert q.text.startswith("Fans objected in 1994")


def test_speaker_with_a_long_apposition_and_relative_clause() -> None:
    text = ("Ruth Ames, a 1989 graduate and a county commissioner in Kenton County, where the "
            "school is, said the photo badly misrepresents the culture at the school.")
    (q,) = _indirect(text)
    assert (q.speaker, q.text) == ("Ruth Ames",
                                   "the photo badly misrepresents the culture at the school")


def test_sentence_with_a_quoted_title_can_report_speech() -> None:
    text = ("Omar Bell was interviewed on Monday.\n\n"
            "He told NBC’s “Today” show that he was not disrespectful to anyone.")
    (q,) = _indirect(text)
    assert (q.speaker, q.text) == ("Omar Bell", "he was not disrespectful to anyone")


def test_second_speaker_set_against_the_first_in_one_sentence() -> None:
    text = ("Union president Terry Walsh spoke on Monday.\n\n"
            "According to the ministry, the target is met in 90 per cent of cases but Walsh "
            "says that is not what the union is seeing.")
    first, second = _indirect(text)
    assert first.speaker == "the ministry"
    assert (second.speaker, second.cue) == ("Terry Walsh", "says")
    assert second.text == "that is not what the union is seeing"


def test_speaker_set_inside_the_reported_words() -> None:
    text = "Police, Judge Ada Sinclair says, have no policies to deal with the situation."
    (q,) = _indirect(text)
    assert q.speaker == "Ada Sinclair"
    assert q.text.endswith("have no policies to deal with the situation")


def test_according_to_set_inside_the_reported_words() -> None:
    text = "Shelter residents, according to the survey, are fearful about losing their beds."
    (q,) = _indirect(text)
    assert q.speaker == "the survey"


def test_words_between_the_verb_and_that() -> None:
    text = "Dolores Lane acknowledged before the judge that the number seemed a bit excessive."
    (q,) = _indirect(text)
    assert (q.speaker, q.text) == ("Dolores Lane", "the number seemed a bit excessive")


def test_quoted_words_in_a_reported_sentence_with_a_quoted_title() -> None:
    text = ("Results for the first 500 people are “very exciting,” says senior manager "
            "Erin Kwan, who leads the “Activate” project.")
    quotes = extract_quotes(text)
    (q,) = [q for q in quotes if q.kind.value != "scare"]
    assert (q.kind.value, q.speaker) == ("indirect", "Erin Kwan")
    assert q.text.startswith("Results for the first 500 people")


def test_organisation_name_with_and_after_the_cue() -> None:
    text = "Funding rose by a third this year, says Heart and Stroke manager Erin Kwan."
    (q,) = _indirect(text)
    assert q.speaker == "Erin Kwan"
