"""Quotes and speakers found by the real pipeline."""

from datetime import date

D = date(2022, 3, 1)


def direct(coded):
    return [(q.speaker.name if q.speaker else None, q.text) for q in coded.quotes if q.direct and not q.partial]


def test_common_frames(code):
    text = (
        "Spain's Prime Minister Luis Ortega spoke in Madrid on Monday.\n\n"
        '"We are ready to help," Ortega said.\n\n'
        'Portuguese Foreign Minister Rita Alves said: "The border stays open."\n\n'
        '"Trade will suffer," said Carlos Mendes, the Brazilian trade minister.\n\n'
        '"Nobody wins a trade war," he said.'
    )
    found = direct(code(text, D))
    assert ("Luis Ortega", "We are ready to help") in found
    assert ("Rita Alves", "The border stays open.") in found
    assert ("Carlos Mendes", "Trade will suffer") in found
    assert ("Carlos Mendes", "Nobody wins a trade war") in found


def test_quote_continues_into_the_next_paragraph(code):
    text = (
        "Kenyan Interior Minister Joseph Mwangi visited the camp on Friday.\n\n"
        '"The camps are full. We cannot take more people without help,\n\n'
        '"And the rains are coming," Mwangi said.\n\n'
        "Aid groups did not comment."
    )
    found = direct(code(text, D))
    assert [name for name, _ in found] == ["Joseph Mwangi", "Joseph Mwangi"]
    assert found[0][1].startswith("The camps are full")


def test_a_quote_that_never_closes_ends_with_its_paragraph(code):
    text = 'Chile said on Monday: "We reject the ruling.\n\nPeru welcomed the decision on Tuesday.'
    coded = code(text, D)
    assert [q.text for q in coded.quotes if q.direct] == ["We reject the ruling."]


def test_scare_quotes_are_partial_and_attributed_to_the_sentence_speaker(code):
    coded = code("Polish President Marek Nowak warned of a “dangerous escalation” in the region.", D)
    partial = [q for q in coded.quotes if q.partial]
    assert [(q.text, q.speaker.name) for q in partial] == [("dangerous escalation", "Marek Nowak")]


def test_reported_speech_is_an_indirect_quote(code):
    coded = code("Greek Prime Minister Nikos Pappas said the sanctions were unjustified.", D)
    reported = [q for q in coded.quotes if not q.direct]
    assert [(q.speaker.code, q.text) for q in reported] == [("GRCGOV", "the sanctions were unjustified")]


def test_first_person_subjects_in_a_quote_are_the_speaker(code):
    text = '"We condemn this attack," said Norwegian Foreign Minister Ingrid Dahl.'
    coded = code(text, D)
    assert any(e.source.code == "NORGOV" and e.cameo.startswith("11") for e in coded.events)


def test_the_role_resolves_to_the_person_last_given_it(code):
    text = (
        "Indonesian Foreign Ministry spokesman Budi Santoso spoke on Monday.\n\n"
        '"Jakarta will not be pressured," the spokesman said.'
    )
    found = direct(code(text, D))
    assert found == [("Budi Santoso", "Jakarta will not be pressured")]


def test_according_to_frames_a_quote(code):
    coded = code('The border will reopen "within days," according to Turkish Interior Minister Ali Demir.', D)
    speakers = {q.speaker.name for q in coded.quotes if q.speaker}
    assert "Ali Demir" in speakers


def test_quotes_carry_the_publication_date_and_speaker_code(code):
    coded = code('"We stand with Kyiv," said Lithuanian President Rasa Jonaitis.', date(2022, 3, 1))
    quote = next(q for q in coded.quotes if q.direct)
    assert (quote.date, quote.speaker.code) == (date(2022, 3, 1), "LTUGOV")


def test_a_speech_verb_inside_another_quote_is_not_the_frame(code):
    text = (
        "Chilean President Ana Rojas met her Argentine counterpart in Santiago on Monday.\n\n"
        '"The old treaty should be confirmed by both congresses," said Rojas, '
        'adding that "a closed border helps nobody."'
    )
    found = direct(code(text, D))
    assert ("Ana Rojas", "a closed border helps nobody.") in found


def quoted(coded):
    """(speaker name, first words) of every direct quote, whole or partial."""
    return [(q.speaker.name if q.speaker else None, q.text) for q in coded.quotes if q.direct]


def test_a_speaker_named_by_office_is_the_person_named_before(code):
    text = (
        "Argentina's envoy, Tomas Herrera, asked the council to delay the vote on Monday.\n\n"
        "The Argentine envoy called the draft unbalanced and walked out of the chamber.\n\n"
        '"This text was written in one capital," the Argentine envoy said. "We will not sign it."'
    )
    found = quoted(code(text, D))
    assert ("Tomas Herrera", "This text was written in one capital") in found
    assert ("Tomas Herrera", "We will not sign it.") in found


def test_an_office_with_no_person_named_before_stays_the_country(code):
    text = '"Our troops will stay," the Argentine defence minister said.'
    assert [(q.speaker.code, q.text) for q in code(text, D).quotes] == [("ARGGOV", "Our troops will stay")]


def test_a_quote_after_adding_that_is_the_frame_speaker(code):
    text = (
        '"Every harvest must reach the market, and the roads must be maintained," said Moreno, '
        'adding that "closing the border hurts both peoples."'
    )
    found = quoted(code("Bolivian President Luis Moreno visited the border on Monday.\n\n" + text, D))
    assert ("Luis Moreno", "closing the border hurts both peoples.") in found


def test_partial_quotes_in_reported_speech_are_the_reporting_clause_subject(code):
    text = (
        "Indian Foreign Minister Ravi Menon met his Nepali counterpart in Delhi on Friday.\n\n"
        "A statement issued by Nepal's Foreign Ministry said Menon had stressed that both sides "
        '"share a long and open border", while seeking "lasting calm along the river".'
    )
    partial = [(q.speaker and q.speaker.name, q.text) for q in code(text, D).quotes if q.partial]
    assert partial == [
        ("Ravi Menon", "share a long and open border"),
        ("Ravi Menon", "lasting calm along the river"),
    ]


def test_a_partial_quote_with_no_speech_verb_above_is_the_sentence_subject(code):
    coded = code('Chilean President Ana Vidal called the new tariffs "a step backwards" on Tuesday.', D)
    assert [(q.speaker.name, q.text) for q in coded.quotes if q.partial] == [("Ana Vidal", "a step backwards")]


def test_an_office_description_prefers_the_person_named_with_that_office(code):
    text = (
        "Argentine Ambassador Luis Pardo met the council's president on Monday.\n\n"
        "Argentine President Marta Vidal later spoke to reporters in Buenos Aires.\n\n"
        '"We asked for more time," the Argentine ambassador said.'
    )
    assert ("Luis Pardo", "We asked for more time") in quoted(code(text, D))


def test_quoted_as_saying_is_the_person_quoted(code):
    text = (
        "Peruvian Interior Minister Jorge Salas toured the flooded towns on Sunday.\n\n"
        '"The army will stay until the water goes down," Salas was quoted as saying by the daily La Republica.\n\n'
        '"We have lost roads, not hope," his deputy Elena Ruiz quoted Salas as saying.'
    )
    found = quoted(code(text, D))
    assert ("Jorge Salas", "The army will stay until the water goes down") in found
    assert ("Jorge Salas", "We have lost roads, not hope") in found


def test_a_spokesman_named_after_his_office_is_the_speaker(code):
    text = (
        "Kenyan President Samuel Otieno flew to Addis Ababa on Monday.\n\n"
        '"The talks were frank," Otieno\'s spokesman Kiprop said on Tuesday.\n\n'
        '"Our aim is to build roads with all nations," Otieno\'s spokesman Mwaura said on Friday.'
    )
    found = quoted(code(text, D))
    assert ("Kiprop", "The talks were frank") in found
    assert ("Mwaura", "Our aim is to build roads with all nations") in found


def test_an_as_clause_names_the_speaker(code):
    text = (
        "Canadian Trade Minister Paul Girard spoke in Ottawa on Friday.\n\n"
        'As Girard has said, the two economies are bound in "a marriage nobody can leave" for decades. '
        'He said the tariffs were, as he put it, "a tax on our own families," and the talks will resume.'
    )
    found = [(q.speaker and q.speaker.name, q.text) for q in code(text, D).quotes if q.direct]
    assert ("Paul Girard", "a marriage nobody can leave") in found
    assert ("Paul Girard", "a tax on our own families") in found


def test_he_said_after_reported_speech_is_its_speaker(code):
    text = (
        "Professor Marta Kowalski, at Warsaw University, said Hungary would rather keep Viktor Orban in office.\n\n"
        '"Not because he is easy, but because he is predictable," she told the radio on Monday.'
    )
    assert ("Marta Kowalski", "Not because he is easy, but because he is predictable") in quoted(code(text, D))


def test_a_quote_opening_the_next_paragraph_keeps_the_speaker(code):
    text = (
        '"We extend our hand to every soldier and every police officer," said Ramirez, the rebel commander, '
        "in Havana on Saturday.\n\n"
        '"The hatred must stay in the past. We want to build a new country together."\n\n'
        "The government did not reply."
    )
    found = quoted(code(text, D))
    assert ("Ramirez", "The hatred must stay in the past. We want to build a new country together.") in found
