"""Direct, indirect and scare quotes with speakers, on short articles written for these tests."""

from byline.core.model import Quote, QuoteKind
from byline.core.quotes import EXTRACTOR_VERSION, extract_quotes


def _by_text(quotes: list[Quote]) -> dict[str, Quote]:
    return {q.text: q for q in quotes}


def test_speaker_after_quote_with_said() -> None:
    text = "“The water rose in minutes,” Maria Okafor said."
    (q,) = extract_quotes(text)
    assert (q.kind, q.speaker, q.cue) == (QuoteKind.DIRECT, "Maria Okafor", "said")
    assert text[q.start : q.end] == "“The water rose in minutes,”"
    assert text[q.speaker_start or 0 : q.speaker_end or 0] == "Maria Okafor"


def test_inverted_said_name_with_apposition() -> None:
    text = "“We will appeal,” said Dana Whitfield, a spokeswoman for the union."
    (q,) = extract_quotes(text)
    assert q.speaker == "Dana Whitfield"


def test_speaker_before_quote_with_colon() -> None:
    text = "Council member Priya Nair told reporters: “This budget is a mistake.”"
    (q,) = extract_quotes(text)
    assert (q.speaker, q.cue) == ("Priya Nair", "told")


def test_told_outlet_is_not_the_speaker() -> None:
    text = "“I left because I was afraid,” Tomas Lindqvist told the Herald."
    (q,) = extract_quotes(text)
    assert q.speaker == "Tomas Lindqvist"


def test_surname_resolves_to_first_full_mention() -> None:
    text = ("Farmer Grace Mwangi lost her crop.\n\n"
            "“Nothing grew this year,” Mwangi said.")
    assert extract_quotes(text)[0].speaker == "Grace Mwangi"


def test_pronoun_resolves_to_person_just_named() -> None:
    text = ("Coach Samuel Otieno watched the game from the stands.\n\n"
            "“We were not ready,” he said.")
    assert extract_quotes(text)[0].speaker == "Samuel Otieno"


def test_pronoun_skips_organisations_named_in_between() -> None:
    text = ("Economist Lena Fischer studies Deutsche Bank and the Federal Reserve.\n\n"
            "“Rates will fall,” she said.")
    assert extract_quotes(text)[0].speaker == "Lena Fischer"


def test_description_resolves_to_the_person_holding_the_role() -> None:
    text = ("Mayor Ellen Brody opened the meeting.\n\n"
            "“The roads come first,” the mayor said.")
    assert extract_quotes(text)[0].speaker == "Ellen Brody"


def test_split_quote_keeps_speaker_for_second_half() -> None:
    text = "“We were hungry,” Jonas Berg said. “Nobody came for three days.”"
    quotes = extract_quotes(text)
    assert [q.speaker for q in quotes] == ["Jonas Berg", "Jonas Berg"]


def test_quote_alone_in_paragraph_keeps_speaker_of_paragraph_before() -> None:
    text = ("“The factory will close,” union leader Ruth Acheson said.\n\n"
            "“Four hundred families depend on it.”")
    quotes = extract_quotes(text)
    assert [q.speaker for q in quotes] == ["Ruth Acheson", "Ruth Acheson"]


def test_according_to_attributes_the_quote() -> None:
    text = "According to Omar Haddad, “the ceasefire will not hold.”"
    assert extract_quotes(text)[0].speaker == "Omar Haddad"


def test_said_in_a_statement() -> None:
    text = "“We regret the error,” Leila Haddad said in a statement."
    q = extract_quotes(text)[0]
    assert (q.speaker, q.cue) == ("Leila Haddad", "said")


def test_short_quoted_term_without_speech_is_a_scare_quote() -> None:
    text = "The minister called the protesters “radicals” before the vote."
    (q,) = extract_quotes(text)
    assert q.kind is QuoteKind.SCARE


def test_indirect_speech_spans_the_reported_clause() -> None:
    text = "Anna Kowalski said the shelter would reopen next month."
    (q,) = extract_quotes(text)
    assert q.kind is QuoteKind.INDIRECT
    assert q.text == "the shelter would reopen next month"
    assert (q.speaker, q.cue) == ("Anna Kowalski", "said")


def test_indirect_speech_with_speaker_at_the_end() -> None:
    text = "The shelter will reopen next month, Anna Kowalski said."
    (q,) = extract_quotes(text)
    assert (q.kind, q.text, q.speaker) == (
        QuoteKind.INDIRECT, "The shelter will reopen next month", "Anna Kowalski")


def test_indirect_speech_told_outlet_and_surname() -> None:
    text = ("Aid worker Bea Lindgren arrived in March.\n\n"
            "Lindgren told the Tribune that most families had left the valley.")
    (q,) = extract_quotes(text)
    assert q.text == "most families had left the valley"
    assert q.speaker == "Bea Lindgren"


def test_pull_quote_is_merged_with_body_quote() -> None:
    text = ("“We walked for two days without water,” Samira Aziz said.\n\n"
            "We walked for two days without water.”. Refugee\n\n"
            "The camp is full.")
    quotes = [q for q in extract_quotes(text) if q.kind is QuoteKind.DIRECT]
    assert [q.text for q in quotes] == ["“We walked for two days without water,”"]


def test_quotes_are_sorted_by_start_and_version_is_set() -> None:
    text = "“One,” Ana Lopes said. Ana Lopes said the second point was minor. “Three,” she added."
    quotes = extract_quotes(text)
    assert [q.start for q in quotes] == sorted(q.start for q in quotes)
    assert EXTRACTOR_VERSION


def test_pronoun_follows_gender_the_article_showed() -> None:
    text = ("Nurse Helen Park met the inspectors. Dr. Tom Reyes arrived later; he checked the "
            "charts.\n\n"
            "“We turn people away every night,” she said.")
    direct = [q for q in extract_quotes(text) if q.kind is QuoteKind.DIRECT]
    assert direct[0].speaker == "Helen Park"


def test_place_named_after_a_person_is_never_he() -> None:
    text = ("Farmer Joel Baptiste drove to Winston Churchill Square on Monday.\n\n"
            "“We are not going home,” he said.")
    direct = [q for q in extract_quotes(text) if q.kind is QuoteKind.DIRECT]
    assert direct[0].speaker == "Joel Baptiste"


def test_few_quoted_words_inside_reported_speech_are_not_a_direct_quote() -> None:
    text = "Selma Koch said the council had made “a terrible mistake” on the rezoning."
    quotes = extract_quotes(text)
    assert [q.kind for q in quotes] == [QuoteKind.INDIRECT]
    assert "“a terrible mistake”" in quotes[0].text


def test_quoted_words_right_after_the_cue_are_direct() -> None:
    text = "Selma Koch said “nobody read the report before the vote,” and left."
    (q,) = [q for q in extract_quotes(text) if q.kind is QuoteKind.DIRECT]
    assert q.speaker == "Selma Koch"


def test_headline_reports_speech_without_joining_the_thread_of_speakers() -> None:
    text = ("Coach Ines Duarte arrived on Monday.\n\n"
            "Witness says bridge will reopen\n\n"
            "“We waited all night,” she said.")
    quotes = extract_quotes(text)
    assert [(q.kind, q.speaker) for q in quotes] == [
        (QuoteKind.INDIRECT, "Witness"),
        (QuoteKind.DIRECT, "Ines Duarte"),
    ]


def test_a_pronoun_speaking_in_a_headline_is_left_unnamed_not_given_as_he() -> None:
    text = ("Minister keeps voters guessing\n\n"
            "He has not decided on the tax, he says\n\n"
            "The budget is due in March.")
    (q,) = extract_quotes(text)  # found, and said by no one named
    assert (q.text, q.speaker) == ("He has not decided on the tax", None)


def test_clause_joined_by_but_is_not_an_apposition() -> None:
    text = "The plan is bold, but it may be one of many, say critics of the council."
    (q,) = extract_quotes(text)
    assert q.speaker == "critics"


def test_description_resolves_to_unnamed_person_introduced_earlier() -> None:
    text = ("A young Ukrainian nurse fled the city in March.\n\n"
            "“We had no water for a week,” the nurse told the Courier.\n\n"
            "“I will go back,” she said.")
    speakers = {q.speaker for q in extract_quotes(text) if q.kind is QuoteKind.DIRECT}
    assert speakers == {"young Ukrainian nurse"}


def test_noun_senses_of_speech_verbs_are_not_cues() -> None:
    text = ("Karen Olsen, another state senator, called it “a disgrace to the chamber.”\n\n"
            "“We will fight this,” she said.")
    direct = [q for q in extract_quotes(text) if q.kind is QuoteKind.DIRECT]
    assert direct[-1].speaker == "Karen Olsen"


def test_long_title_with_of_before_the_name_keeps_the_name() -> None:
    text = "“Voters forgive,” University of Leeds political scientist Omar Said Khan said."
    assert extract_quotes(text)[0].speaker == "Omar Said Khan"


def test_the_company_is_the_organisation_just_named() -> None:
    text = ("Northwind Energy cut 300 jobs on Monday.\n\n"
            "“We regret this decision,” the company said in a statement.")
    direct = [q for q in extract_quotes(text) if q.kind is QuoteKind.DIRECT]
    assert direct[0].speaker == "Northwind Energy"


def test_surname_prefers_the_person_over_a_business_named_after_them() -> None:
    text = ("Studio Okonkwo designed the house. Architect Ada Okonkwo led the work.\n\n"
            "“Light was everything,” Okonkwo said.")
    direct = [q for q in extract_quotes(text) if q.kind is QuoteKind.DIRECT]
    assert direct[0].speaker == "Ada Okonkwo"


def test_reported_speech_with_speaker_inside_the_sentence() -> None:
    text = "The team has nine rookies this year, and Coach Ilse Brandt says it's a young group."
    (q,) = extract_quotes(text)
    assert q.text == "it's a young group"
    assert q.speaker == "Ilse Brandt"


def test_sentence_with_speech_verb_but_no_speaker_phrase_is_read_another_way() -> None:
    text = ("Police spokesman Arjun Mehta arrived at noon.\n\n"
            "At least 12 people were reported injured in the blast, he said.")
    (q,) = extract_quotes(text)
    assert q.text == "At least 12 people were reported injured in the blast"
    assert q.speaker == "Arjun Mehta"


def test_verb_with_a_plain_object_is_not_reported_speech() -> None:
    text = "Harbour Mining reported a profit of $3 billion for the year."
    assert extract_quotes(text) == []


def test_verb_with_that_clause_is_reported_speech() -> None:
    text = "Harbour Mining reported on Monday that its profit had doubled."
    (q,) = extract_quotes(text)
    assert q.kind is QuoteKind.INDIRECT
    assert q.text.endswith("its profit had doubled")


def test_said_followed_by_role_and_name() -> None:
    text = "“They are robbing us,” said oil and gas worker Tomas Reid."
    assert extract_quotes(text)[0].speaker == "Tomas Reid"


def test_capitalised_group_opening_a_sentence_is_not_a_person() -> None:
    text = ("Protesters said the bill would kill jobs.\n\n"
            "Cole Whitaker, a rancher, drove 300 kilometres to the rally.\n\n"
            "“We have nothing left,” he said.")
    direct = [q for q in extract_quotes(text) if q.kind is QuoteKind.DIRECT]
    assert direct[0].speaker == "Cole Whitaker"


def test_honorific_name_stops_at_the_first_lower_case_word() -> None:
    text = ("Prime Minister Theresa Okafor spoke first.\n\n"
            "Ms. Okafor and the unions have insisted the deal would hold, Ms. Okafor said.")
    (q,) = extract_quotes(text)
    assert q.speaker == "Theresa Okafor"


def test_organisation_followed_by_says_is_not_he() -> None:
    text = ("Nurse Tim Guest works in Halifax. The Nova Scotia Health Authority says "
            "waits grew.\n\n"
            "“The emergency department cares for the sickest,” he said.")
    direct = [q for q in extract_quotes(text) if q.kind is QuoteKind.DIRECT]
    assert direct[0].speaker == "Tim Guest"


def test_short_quote_after_a_distant_verb_is_not_a_direct_quote() -> None:
    text = "Mayor Lina Ortiz said the plan was “Bold” in every way."
    assert all(q.kind is not QuoteKind.DIRECT for q in extract_quotes(text))


def test_short_quote_right_after_the_verb_is_direct() -> None:
    text = "Asked about the plan, Mayor Lina Ortiz said: “Never again.”"
    (q,) = [q for q in extract_quotes(text) if q.kind is QuoteKind.DIRECT]
    assert q.speaker == "Lina Ortiz"


def test_speaker_phrase_before_the_verb_is_the_shortest_that_names_someone() -> None:
    text = "I was at a barbecue last summer when a neighbour wondered aloud, “Why the beard?”"
    (q,) = [q for q in extract_quotes(text) if q.kind is QuoteKind.DIRECT]
    assert q.speaker == "a neighbour"


def test_second_verb_of_the_subject_reports_speech() -> None:
    text = "Minister Ana Reyes praised the volunteers and said the shelter would stay open."
    (q,) = extract_quotes(text)
    assert (q.text, q.speaker) == ("the shelter would stay open", "Ana Reyes")


def test_noun_use_of_a_verb_earlier_in_the_sentence_does_not_hide_the_speaker() -> None:
    text = ("In the report released this week — the second such review — "
            "Sen. Omar Bakr said the board had failed its community.")
    (q,) = extract_quotes(text)
    assert (q.text, q.speaker) == ("the board had failed its community", "Omar Bakr")


def test_participle_after_the_subjects_act_reports_speech() -> None:
    text = "Farmer Roy Dunn protested the two bills, saying they would ruin small farms."
    (q,) = extract_quotes(text)
    assert (q.text, q.speaker, q.cue) == ("they would ruin small farms", "Roy Dunn", "saying")


def test_according_to_a_long_source() -> None:
    text = "According to the latest figures from Statistics Canada, youth unemployment rose."
    (q,) = extract_quotes(text)
    assert q.text == "youth unemployment rose"


def test_name_in_apposition_after_a_description_is_the_speaker() -> None:
    text = "But the director of operations for EHS, Jeff Marsh, says the system works."
    (q,) = extract_quotes(text)
    assert q.speaker == "Jeff Marsh"


def test_organisations_person_named_after_a_possessive() -> None:
    text = "“Roads sound like a good thing,” said the IFSD’s Azra Ali Khan."
    assert extract_quotes(text)[0].speaker == "Azra Ali Khan"


def test_acronym_plural_is_a_group_not_she() -> None:
    text = ("Prime Minister Teresa Maye spoke first.\n\n"
            "“We will deliver,” she told MPs. “I will not resign,” she said.")
    speakers = {q.speaker for q in extract_quotes(text) if q.kind is QuoteKind.DIRECT}
    assert speakers == {"Teresa Maye"}


def test_verb_ending_in_s_is_not_a_description_of_a_speaker() -> None:
    text = "Vera Stone announced she would retire, saying the party needs to move on."
    for q in extract_quotes(text):
        assert q.speaker != "the party needs"


def test_definite_description_means_the_person_the_passage_is_about() -> None:
    text = ("Miguel Soto, a father of three, came to Canada in 2016.\n\n"
            "The 32-year-old labourer says each day he learns new English words.")
    (q,) = extract_quotes(text)
    assert q.speaker == "Miguel Soto"


def test_lower_case_fragment_after_a_comma_belongs_to_reported_speech() -> None:
    text = ("Analyst Tim Bale said the leader will try once more, “hoping that panic brings "
            "more members into her camp.”")
    quotes = extract_quotes(text)
    assert [q.kind for q in quotes] == [QuoteKind.INDIRECT]
    assert quotes[0].speaker == "Tim Bale"


def test_surname_prefers_the_namesake_who_has_spoken() -> None:
    text = ("Actor Charles Durning was her father.\n\n"
            "“I dance every day,” choreographer Jeanine Durning said.\n\n"
            "Durning says the work is never finished.")
    indirect = [q for q in extract_quotes(text) if q.kind is QuoteKind.INDIRECT]
    assert indirect[0].speaker == "Jeanine Durning"


def test_sentence_about_the_officer_refreshes_who_he_is() -> None:
    text = ("A young army officer refused to fight.\n\n"
            "“We were tired,” the officer told the Courier.\n\n"
            "Human rights lawyer Pavel Orlov, 45, said many soldiers had refused.\n\n"
            "The officer who spoke to the Courier is now home. “I am glad,” he says.")
    direct = [q for q in extract_quotes(text) if q.kind is QuoteKind.DIRECT]
    assert direct[-1].speaker == direct[0].speaker == "young army officer"


def test_a_place_named_with_an_article_is_not_a_person() -> None:
    text = ("Lieutenant Ivan Petrov drove north.\n\n"
            "As they approached a village, the convoy stopped.\n\n"
            "“It was quiet,” he says.")
    direct = [q for q in extract_quotes(text) if q.kind is QuoteKind.DIRECT]
    assert direct[0].speaker == "Ivan Petrov"


def test_name_used_as_a_modifier_is_not_a_mention_of_the_person() -> None:
    text = ("Premier Dana Ford spoke on Monday. Mayor Tim Rudd answered her.\n\n"
            "Rudd urged voters to send a message to the Ford government.\n\n"
            "“We need schools,” he said.")
    direct = [q for q in extract_quotes(text) if q.kind is QuoteKind.DIRECT]
    assert direct[0].speaker == "Tim Rudd"


def test_quote_after_a_sentence_about_a_named_person_is_theirs() -> None:
    text = ("“It deserved to be longer,” says director Chris Hall. "
            "Choreographer Jeanine Dunn’s New Shape opens Friday. "
            "Dunn did not need much coaxing. “I’m thankful for the invitation.”")
    direct = [q for q in extract_quotes(text) if q.kind is QuoteKind.DIRECT]
    assert direct[-1].speaker == "Jeanine Dunn"


def test_compound_surname_resolves_to_the_full_name() -> None:
    text = ("Mohammad Al Mnajer, 32, installs swimming pools.\n\n"
            "Al Mnajer said each day he learns new words at work.")
    (q,) = extract_quotes(text)
    assert q.speaker == "Mohammad Al Mnajer"


def test_was_quoted_as_saying() -> None:
    text = "Mayor Ana Diaz spoke.\n\n“The debt is too high,” she was quoted as saying."
    (q,) = extract_quotes(text)
    assert (q.speaker, q.cue) == ("Ana Diaz", "saying")


def test_quoted_title_inside_a_sentence_is_not_speech() -> None:
    text = "Senator Ruth Kline appeared on “Face the Nation This Week” with a warning."
    (q,) = extract_quotes(text)
    assert q.kind is QuoteKind.SCARE


def test_quote_after_a_verb_of_speech_without_a_clear_subject_stays_direct() -> None:
    text = ("Councillor Joe Nile said “nobody knows the story,” and added: "
            "“I promise you, those people got talked to.”")
    direct = [q for q in extract_quotes(text) if q.kind is QuoteKind.DIRECT]
    assert [q.speaker for q in direct] == ["Joe Nile", "Joe Nile"]


def test_surname_that_is_also_a_month_is_a_name() -> None:
    text = ("Prime Minister Theresa Mayfield met Prime Minister Theresa May.\n\n"
            "Ms. May said the vote would go ahead.")
    (q,) = extract_quotes(text)
    assert q.speaker == "Theresa May"
