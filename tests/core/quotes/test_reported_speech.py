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


def test_a_date_between_the_verb_and_the_report() -> None:
    for text, speaker, clause in [
        ("The tenants' association stated in July it would fight the eviction.",
         "The tenants' association", "it would fight the eviction"),
        ("Mayor Ines Ortiz said on Dec. 4 the mill would reopen in the spring.",
         "Ines Ortiz", "the mill would reopen in the spring"),
        ("The board announced in early March that tuition would rise again.",
         "The board", "tuition would rise again"),
    ]:
        (q,) = _indirect(text)
        assert (q.speaker, q.text) == (speaker, clause)


def test_a_speech_verb_after_a_determiner_is_a_noun() -> None:
    text = ("A lawyer quoted in the filing, which ran to 40 pages, said the contract was void "
            "from the start.")
    (q,) = _indirect(text)
    assert q.speaker == "A lawyer quoted in the filing"
    assert q.text == "the contract was void from the start"


def test_subordinate_clause_put_before_the_speaker() -> None:
    for text, speaker in [
        ("Although no group has claimed responsibility for the blast, the ministry said in a "
         "statement on Friday that the device was homemade.", "the ministry"),
        ("While the cause of the outage is still being investigated, Hydro Quebec said power "
         "would be back by evening.", "Hydro Quebec"),
    ]:
        (q,) = _indirect(text)
        assert q.speaker == speaker
    assert _indirect("Because the river rose all week, the festival was moved to a school.") == []


def test_speaker_inside_a_when_clause() -> None:
    text = ("Nadia Kerr spoke to staff on Monday.\n\n"
            "The mood changed when she said the plant would close by June.")
    (q,) = _indirect(text)
    assert (q.speaker, q.text) == ("Nadia Kerr", "the plant would close by June")


def test_someone_indefinite_after_when_or_if_is_no_source() -> None:
    for text in [
        "A lockout is when an employer tells workers they cannot come to work.",
        "If a doctor says you are fit to travel, the airline will let you board.",
        "A renoviction happens when a landlord tells a tenant they must leave for repairs.",
    ]:
        assert _indirect(text) == [], text


def test_unnamed_source_keeps_the_words_that_say_who_it_is() -> None:
    for text, speaker in [
        ("Sources familiar with the talks said the deal could close by Friday.",
         "Sources familiar with the talks"),
        ("An official briefed on the plan said the vote would be delayed.",
         "An official briefed on the plan"),
        ("The network will be sold, according to people close to the owners.",
         "people close to the owners"),
    ]:
        (q,) = _indirect(text)
        assert q.speaker == speaker, text


def test_tweeted_and_advised_report_a_clause_not_an_object() -> None:
    (q,) = _indirect("The mayor tweeted that the bridge would reopen on Monday.")
    assert (q.speaker, q.cue) == ("The mayor", "tweeted")
    (q,) = _indirect("The coach advises that the team will need a week to recover.")
    assert q.text == "the team will need a week to recover"
    assert _indirect("The mayor tweeted a photo of the flooded bridge.") == []
    assert _indirect("Police advised residents to stay indoors until the morning.") == []


def test_participle_after_a_quote_s_cue_reports_more_of_the_speaker() -> None:
    for text, cue, clause in [
        ("“We ran for the stairs,” Ivo Markovic said, adding that the guards fired back.",
         "adding", "the guards fired back"),
        ("“It is a good day,” said Mayor Lena Brandt, noting that the road had cost less than "
         "planned.", "noting", "the road had cost less than planned"),
    ]:
        (q,) = _indirect(text)
        assert (q.cue, q.text) == (cue, clause)
        assert q.speaker in ("Ivo Markovic", "Lena Brandt")


def test_quoted_words_in_the_report_after_a_quote_are_part_of_it() -> None:
    text = ("“We keep our promises,” Rep. Ana Ruiz said, noting that voters have “more say than "
            "they think” in the capital.")
    quotes = [q for q in extract_quotes(text) if q.kind.value != "scare"]
    assert [q.kind.value for q in quotes] == ["direct", "indirect"]
    assert quotes[1].text == "voters have “more say than they think” in the capital"


def test_but_or_especially_after_a_trailing_cue_carries_on_the_report() -> None:
    for text, clause in [
        ("The fees are a heavy load for many families, she said, especially those who arrived "
         "this year.", "those who arrived this year"),
        ("Most of the staff got out through the kitchen, Tom Reyes said, but two cooks were "
         "trapped upstairs.", "two cooks were trapped upstairs"),
    ]:
        first, second = _indirect(text)
        assert second.text == clause
        assert second.speaker == first.speaker


def test_writer_s_words_after_a_trailing_cue_are_not_the_speaker_s() -> None:
    for text in [
        ("“My studies come later,” Omar Haddad said, speaking through a translator at the "
         "school."),
        ("Some people spread fear about newcomers, he said, though he did not name anyone at "
         "the event."),
        "“It was worth it,” Kim Ode said, ladling soup into a bowl for her guests.",
    ]:
        assert len(_indirect(text)) <= 1, text
        assert not any("name anyone" in q.text or "translator" in q.text or "ladling" in q.text
                       for q in _indirect(text))


def test_apposition_after_a_trailing_speaker_may_hold_stops_of_words() -> None:
    for text, speaker in [
        ("Outages like this one cost small shops a day of sales, said Mira Patel, founder of "
         "the web host Harbour.io.", "Mira Patel"),
        ("The checks were never done, said Owen Burke, a former U.S. inspector.", "Owen Burke"),
        ("Prices will keep rising through the spring, said Ana Lisboa, an analyst at Ferro "
         "Inc. in Lisbon.", "Ana Lisboa"),
    ]:
        (q,) = _indirect(text)
        assert q.speaker == speaker, text


def test_a_part_of_a_body_speaks_for_it() -> None:
    (q,) = _indirect("Norvex’s threat research unit said the emails came from one group.")
    assert q.speaker == "Norvex’s threat research unit"
    (q,) = _indirect("The agency’s fraud division said in a statement that no money was lost.")
    assert q.text == "no money was lost"


def test_second_report_after_a_colon_or_semicolon() -> None:
    text = ("Ada Moss says she never learned to cook at home: she notes that her father used "
            "the oven to store pans.")
    first, second = _indirect(text)
    assert first.text == "she never learned to cook at home"
    assert (second.text, second.speaker, second.cue) == (
        "her father used the oven to store pans", "Ada Moss", "notes")


def test_speaker_behind_two_appositions_and_a_province() -> None:
    for text in [
        ("Rami Aziz, the co-founder with his sister of Cedar Sweets, a bakery based in Truro, "
         "N.S., says the fees are a worry for many families."),
        ("Rami Aziz, a baker in Truro, N.S., says the fees are a worry for many families."),
    ]:
        (q,) = _indirect(text)
        assert (q.speaker, q.text) == ("Rami Aziz", "the fees are a worry for many families")


def test_a_name_before_those_who_say_it_is_what_they_speak_of() -> None:
    """Only "a", "an" or "the" opens who the name is ("Rami Aziz, a baker, says"); after
    "three officials", "analysts" or "they", the name is what they speak of."""
    for text, speaker in [
        ("Sarah Lee, three officials said, will resign next week.", "three officials"),
        ("Sarah Lee, analysts said, will resign next week.", "analysts"),
        ("Sarah Lee, they said, will resign next week.", None),  # not her
    ]:
        quotes = _indirect(text)
        assert [q.speaker for q in quotes] == [speaker], text


def test_a_place_or_time_opening_the_sentence_is_not_the_speaker() -> None:
    for text, speaker in [
        ("In Ottawa, a spokesman said the talks would resume next week.", "a spokesman"),
        ("On Monday, the mayor said the road would stay closed.", "the mayor"),
    ]:
        (q,) = _indirect(text)
        assert q.speaker == speaker, text


def test_a_line_linking_to_another_story_reports_nothing_here() -> None:
    text = ("The bridge was shut on Monday.\n\n"
            "READ MORE: Mayor says the bridge will stay closed for a year\n\n"
            "WATCH: “We lost everything,” says a farmer near the river\n\n"
            "Related: Ottawa says repairs will cost more than planned")
    assert [q for q in extract_quotes(text) if q.kind.value != "scare"] == []


def test_a_sentence_opening_with_more_still_reports_speech() -> None:
    (q,) = _indirect("More than 300 residents said they had not been warned about the flood.")
    assert (q.speaker, q.text) == ("More than 300 residents",
                                   "they had not been warned about the flood")


def test_a_speaker_after_than_makes_a_comparison() -> None:
    assert _indirect("A claim the costs are lower than the agency says they are could help "
                     "the mayor.") == []
    (q,) = _indirect("The costs are rising, and the agency says they are higher than planned.")
    assert q.speaker == "the agency"


def test_that_before_a_plural_verb_is_a_relative_pronoun() -> None:
    assert _indirect("The games draw athletes from 50 member states that have French as a "
                     "common language.") == []
    (q,) = _indirect("The report states that ferries are too often late in winter.")
    assert q.text == "ferries are too often late in winter"


def test_what_someone_will_argue_is_a_prediction_not_speech() -> None:
    assert _indirect("The Greens will argue that the plan undermines other efforts.") == []
    (q,) = _indirect("The Greens argued that the plan undermines other efforts.")
    assert q.speaker == "The Greens"
    # Quoted words given out before they are spoken are the speaker's.
    (q,) = extract_quotes("“We are ready,” Anna Smirnova will tell the conference on Monday.")
    assert (q.kind.value, q.speaker) == ("direct", "Anna Smirnova")


def test_contended_takes_a_clause_not_a_contest() -> None:
    assert _indirect("Woods has won four times and has contended several other years at the "
                     "tournament.") == []
    (q,) = _indirect("Lawyers for the city contended the bylaw was never properly passed.")
    assert q.text == "the bylaw was never properly passed"
