"""Events coded by the real pipeline: roles, compounds, voice, modality."""

from datetime import date

from conftest import triples

D = date(2021, 6, 8)


def test_compound_subjects_give_one_event_each(code):
    coded = code("France and Germany condemned the attack on Ukraine.", D)
    assert {("FRA", "UKR", "11"), ("DEU", "UKR", "11")} <= triples(coded)


def test_passive_voice_swaps_source_and_target(code):
    coded = code("Iran was condemned by Germany on Monday.", D)
    assert ("DEU", "IRN", "11") in triples(coded)


def test_a_by_phrase_hung_on_a_gerunds_object_is_the_passives_agent(code):
    coded = code("An opposition leader has been accused of inciting violence by Kenyan government officials.", D)
    assert [(e.cameo, e.source.code) for e in coded.events] == [("112", "KENGOV")]


def test_prepositional_target(code):
    coded = code("India met with Pakistan in Geneva on Tuesday.", D)
    event = next(e for e in coded.events if e.cameo.startswith("04"))
    assert (event.source.country, event.target.country) == ("IND", "PAK")
    assert event.text[event.target_span[0] : event.target_span[1]] == "Pakistan"
    assert event.text[event.verb_span[0] : event.verb_span[1]] == "met"


def test_target_inside_the_object_phrase(code):
    coded = code("Japan opposes new sanctions against North Korea.", D)
    assert ("JPN", "PRK", "12") in triples(coded)


def test_negated_actions_are_kept_but_not_asserted(code):
    coded = code("Turkey did not condemn the coup in Niger.", D)
    event = next(e for e in coded.events if e.cameo.startswith("11"))
    assert event.modality == "negated" and event.negated
    assert not any(e.cameo.startswith("11") for e in coded.events if e.modality == "asserted")


def test_future_action_is_future_and_an_asserted_intent(code):
    coded = code("Brazil will meet with Argentina on Friday.", date(2021, 6, 8))
    meet = next(e for e in coded.events if e.cameo.startswith("04"))
    intent = next(e for e in coded.events if e.rule.endswith("+intent"))
    assert meet.modality == "future" and meet.date == date(2021, 6, 11)
    assert intent.modality == "asserted" and intent.cameo == "036" and intent.date == date(2021, 6, 8)


def test_a_decision_to_act_is_the_act_not_an_intent(code):
    coded = code("The Kenyan cabinet decided to lift the curfew in Nairobi on Monday.", D)
    assert [(e.rule, e.modality) for e in coded.events] == [("lift-curfew", "asserted")]


def test_preparing_an_act_of_force_is_a_show_of_force_but_being_prepared_to_is_an_intent(code):
    coded = code("The Sudanese army prepared to resume shelling rebel positions near El Fasher.", D)
    assert [(e.cameo, e.modality) for e in coded.events] == [("154", "asserted"), ("194", "future")]
    coded = code("Egypt is preparing to host talks between Israel and Hamas.", D)
    assert "036" in {e.cameo for e in coded.events} and not any(e.cameo.startswith("15") for e in coded.events)


def test_hypothetical_actions(code):
    coded = code("If talks fail, Russia could attack Ukraine.", D)
    attack = [e for e in coded.events if e.cameo.startswith("19")]
    assert attack and all(e.modality == "hypothetical" for e in attack)


def test_every_event_explains_itself(code):
    coded = code("Sweden criticized Hungary on Monday.", D)
    event = next(iter(coded.events))
    assert event.text[event.source_span[0] : event.source_span[1]] == "Sweden"
    assert event.rule and event.sentence == 0 and event.doc == coded.document.id
    assert event.quad_class == 3 and -10 <= event.goldstein <= 0 and event.plover == "ACCUSE"


def test_nominal_events_take_their_source_from_possessor_adjective_or_by(code):
    coded = code("Germany condemned Russia's attack on Ukraine. The Turkish bombing of Syria continued.", D)
    assert {("RUS", "UKR", "19"), ("TUR", "SYR", "19"), ("DEU", "RUS", "11")} <= triples(coded)


def test_talks_between_two_actors_go_both_ways(code):
    coded = code("Talks between Serbia and Kosovo resumed in Brussels on Thursday.", D)
    assert {("SRB", "XKX", "04"), ("XKX", "SRB", "04")} <= triples(coded)


def test_a_denied_nominal_event_is_negated(code):
    coded = code("Iran denied Israel's accusations against Tehran.", D)
    accusations = [e for e in coded.events if e.rule == "accusation-against"]
    assert accusations and all(e.modality == "negated" for e in accusations)


def test_plover_contexts_come_from_the_sentence(code):
    coded = code("Japan condemned the missile launch and the nuclear test by North Korea.", D)
    event = next(e for e in coded.events if e.cameo.startswith("11"))
    assert {"military", "nuclear"} <= set(event.contexts)
    assert "election" not in event.contexts


def test_agents_with_countries(code):
    coded = code("Syrian rebels attacked Turkish troops. Chinese police detained Uighur activists.", D)
    codes = {(e.source.code, e.target.code if e.target else None) for e in coded.events}
    assert ("SYRREB", "TURMIL") in codes
    assert any(source == "CHNCOP" for source, _ in codes)


def test_would_in_reported_speech_is_the_future_and_an_intent(code):
    coded = code("Brazil said on Monday it would meet with Argentina in Buenos Aires.", D)
    meet = next(e for e in coded.events if e.cameo.startswith("04"))
    intent = next(e for e in coded.events if e.rule.endswith("+intent"))
    assert meet.modality == "future" and intent.modality == "asserted" and intent.cameo == "036"


def test_what_a_planned_action_is_for_is_not_done(code):
    coded = code("Canada is ready to send aid to Haiti to help the Haitian police.", D)
    assert not any(e.cameo.startswith("07") and e.modality == "asserted" for e in coded.events)
    main = next(e for e in coded.events if e.modality == "asserted" and e.plover)
    assert main.plover == "AGREE" and main.rule.endswith("+intent")


def test_the_main_verb_leads_the_events(code):
    coded = code("To help Lithuania, Poland sent troops to its border on Monday.", D)
    assert any(e.cameo.startswith("07") for e in coded.events)
    first = next(e for e in coded.events if e.plover)
    assert first.cameo.startswith("15")


def test_what_a_report_to_someone_tells_is_asserted(code):
    coded = code("Egyptian officials told reporters that Israel eased the blockade of Gaza on Friday.", D)
    assert any(e.cameo == "0872" and e.modality == "asserted" for e in coded.events)


def test_a_light_verb_subject_does_the_noun_event_but_a_critic_does_not(code):
    assert ("TCD", "NGA", "19") in triples(code("Chad launched an offensive against Nigeria on Monday.", D))
    condemned = triples(code("France condemned the attack on Ukraine.", D))
    assert ("FRA", "UKR", "11") in condemned and ("FRA", "UKR", "19") not in condemned


def test_a_hunger_strike_is_a_protest_not_an_air_strike(code):
    coded = code("Kenyan activists began a hunger strike on Monday.", D)
    assert {e.cameo for e in coded.events} == {"142"}


def test_an_attempt_is_an_act(code):
    coded = code("Russia tried to hack into Germany's parliament computers.", D)
    assert ("RUS", "DEU", "17") in triples(coded)


def test_a_conjunct_after_a_passive_takes_its_subject_not_its_agent(code):
    coded = code("Serbia's president was condemned by Germany and will resign.", D)
    resign = next(e for e in coded.events if e.cameo.startswith("08"))
    assert resign.source.country == "SRB" and resign.modality == "future"


def asserted(coded):
    return {
        (e.source.country, e.target.country if e.target else None, e.cameo)
        for e in coded.events
        if e.modality == "asserted"
    }


def test_a_refused_action_is_a_rejection(code):
    assert ("USA", "IRN", "125") in asserted(code("Washington said it would not meet Iran's negotiators in Oman.", D))
    assert ("TUR", "GRC", "125") in asserted(code("Turkey refused to meet Greece in Athens on Monday.", D))
    assert ("POL", None, "122") in asserted(code("Poland will not accept any more refugees this year.", D))
    undone = asserted(code("Japan did not meet China in Beijing on Monday.", D))
    assert not any(c.startswith("12") for _, _, c in undone)


def test_a_failed_joint_act_is_each_partys_rejection_but_another_failure_only_undone(code):
    failed = asserted(
        code("Ethiopia and Egypt failed to reach a deal on the dam after three days of talks in Cairo.", D)
    )
    assert {("ETH", "EGY", "120"), ("EGY", "ETH", "120")} <= failed
    assert not any(c.startswith("05") for _, _, c in failed)
    undelivered = asserted(code("Brazil failed to deliver the promised vaccines to Paraguay.", D))
    assert not any(c.startswith(("07", "12")) for _, _, c in undelivered)
    # a compromise is an accord (019), not a signed agreement, and failing to reach one is still a rejection
    assert ("SDN", "ETH", "120") in asserted(code("Ethiopia and Sudan failed to reach a compromise on the dam.", D))
    assert ("GRC", "MKD", "019") in asserted(code("Greece and North Macedonia reached a compromise on the name.", D))


def test_a_plan_under_an_ultimatum_or_a_conditional_sanction_is_a_threat(code):
    ultimatum = asserted(code("Kenya will withdraw its troops from Somalia unless the fighting stops.", D))
    assert {(s, c) for s, _, c in ultimatum} == {("KEN", "130")}
    assert ("USA", "SRB", "131") in asserted(
        code("The United States may halt aid to Serbia if the fighting resumes.", D)
    )
    promise = asserted(code("Japan will send aid to Haiti if the storm hits.", D))
    assert not any(c.startswith("13") for _, _, c in promise)


def test_what_a_speaker_says_another_must_do_is_a_demand(code):
    assert ("RUS", "SDN", "100") in asserted(code("Russia said on Tuesday that Sudan must return the helicopter.", D))
    assert ("EGY", "ISR", "106") in asserted(code("Egypt said that Israel should meet Hamas in Cairo.", D))
    assert not any(c.startswith("10") for _, _, c in asserted(code("France said the talks must resume soon.", D)))


def test_a_speakers_next_verb_hung_in_what_he_said_is_still_his(code):
    # the parser makes "accused" a conjunct of "fired"; shells accuse nobody, the spokesman does
    text = (
        "A Turkish foreign ministry spokesman said the shells had been fired from northern Syria"
        " and accused Damascus of shielding the gunmen."
    )
    assert ("TUR", "SYR", "11") in triples(code(text, D))


def test_a_verb_hung_in_a_noun_clause_keeps_the_main_subject(code):
    # the parser hangs ", and called on" under "patrol" (a clause of "reefs"): the navies call on Beijing
    text = (
        "The Indian and Japanese navies condemned China's deployment of survey ships to reefs that both navies"
        " patrol in the region, and called on Beijing to recall the vessels."
    )
    assert {("IND", "CHN", "02"), ("JPN", "CHN", "02")} <= triples(code(text, D))


def test_a_demand_noun_a_reminder_and_a_push_for_are_demands_whose_content_is_not_done(code):
    reiterated = code("Egypt reiterated its demand on Friday that Ethiopia release the detained fishermen.", D)
    assert ("EGY", "ETH", "105") in asserted(reiterated)
    assert not any(e.plover == "CONCEDE" and e.modality == "asserted" for e in reiterated.events)
    reminder = code("Turkey issued a stern reminder to Greece that it must respect the treaty.", D)
    assert ("TUR", "GRC", "100") in asserted(reminder)
    pushed = code("France is pushing hard for Germany to support its plan for a European army.", D)
    assert ("FRA", "DEU", "102") in asserted(pushed)
    assert not any(e.plover == "SUPPORT" and e.modality == "asserted" for e in pushed.events)
    rejected = asserted(code("Russia rejected the claim that Ukraine must cede land.", D))
    assert not any(c.startswith("10") for _, _, c in rejected)
    conceded = asserted(code("The Angolan president conceded to demands from UNITA to overhaul the judiciary.", D))
    assert not any(c.startswith("10") for _, _, c in conceded)
    answered = code("Ethiopia responded to a demand from Egypt to halt the filling of the dam.", D)
    assert not any(e.cameo.startswith("10") and e.source.country == "ETH" for e in answered.events)


def test_a_weapon_or_attack_stands_for_whoever_its_modifiers_name(code):
    assert ("ISR", "LBN", "190") in asserted(code("Israeli drone strikes killed three Lebanese soldiers on Monday.", D))
    assert ("TUR", "IRQ", "190") in asserted(
        code("Two Iraqi soldiers were killed in a Turkish airstrike near Duhok.", D)
    )


def test_an_attack_of_no_named_user_is_an_unaligned_armed_force_of_the_country_it_happens_in(code):
    bombed = code("Two Iraqi soldiers were killed in a bombing near Mosul.", D)
    assert {(e.source.code, e.cameo) for e in bombed.events if e.modality == "asserted"} == {("IRQUAF", "190")}
    mined = code("A landmine blast on a road outside Kandahar wounded four Afghan police officers.", D)
    assert any(e.source.code == "AFGUAF" and e.plover == "ASSAULT" for e in mined.events)
    assert not asserted(code("A roadside bomb wounded three Pakistani soldiers on Friday.", D))


def test_a_light_verb_with_in_or_for_gives_the_noun_event_its_subject(code):
    assert ("MMR", None, "203") in asserted(code("Myanmar's army was engaged in ethnic cleansing in Rakhine.", D))
    rally = code("Thousands of Kenyans were converging on Thursday for a rally in Nairobi.", D)
    assert any(e.cameo == "141" and e.source.country == "KEN" for e in rally.events)
    announced = code("Norway announced a suspension of its military cooperation with Belarus on Tuesday.", D)
    assert ("NOR", "BLR", "160") in asserted(announced)
    returned = code("Kenyan and Ugandan negotiators returned to Arusha on Monday for talks on the disputed island.", D)
    assert {("KEN", "UGA", "043"), ("UGA", "KEN", "043")} <= asserted(returned)


def test_a_statement_condemning_is_its_issuers_but_a_witnessed_attack_is_not_the_witnesses(code):
    issued = asserted(code("The Kenyan rebels issued a statement condemning the Ugandan government.", D))
    assert ("KEN", "UGA", "111") in issued
    seen = asserted(code("Kenyan witnesses saw Ugandan soldiers attacking the village on Monday.", D))
    assert not any(s == "KEN" and c.startswith("19") for s, _, c in seen)
    accused = asserted(code("Kenya accused Somali militants of attacking a border post, wounding four soldiers.", D))
    assert ("KEN", "SOM", "112") in {(s, t, c[:3]) for s, t, c in accused}
    assert not any(s == "KEN" and c.startswith("19") for s, _, c in accused)


def test_conjoined_subjects_of_a_joint_act_act_on_each_other(code):
    coded = code("Chile and Peru agreed on Monday to reopen their shared border crossings.", D)
    assert {("CHL", "PER", "01"), ("PER", "CHL", "01")} <= triples(coded)
    signed = code("Malaysia and Indonesia signed a fisheries agreement in Jakarta on Monday.", D)
    assert {("MYS", "IDN", "05"), ("IDN", "MYS", "05")} <= triples(signed)
    talks = code("Serbia and Kosovo held talks in Brussels on Thursday.", D)
    assert {("SRB", "XKX", "04"), ("XKX", "SRB", "04")} <= triples(talks)
    discussed = code("Bolivia and Chile discussed water rights on Monday.", D)
    assert {("BOL", "CHL", "04"), ("CHL", "BOL", "04")} <= triples(discussed)


def test_a_joint_act_with_a_target_is_the_targets_act_too(code):
    met = code("Bolivian President Luis Arce met Chile's president in La Paz on Monday.", D)
    assert {("BOL", "CHL", "04"), ("CHL", "BOL", "04")} <= triples(met)
    condemned = code("Norway condemned Myanmar's junta on Monday.", D)
    assert ("MMR", "NOR", "11") not in triples(condemned)


def test_a_reciprocal_object_makes_the_subjects_act_on_each_other(code):
    coded = code("Armenia and Azerbaijan blamed each other on Sunday for the shelling of border villages.", D)
    assert {("ARM", "AZE", "11"), ("AZE", "ARM", "11")} <= triples(coded)
    assert ("ARM", None, "11") not in triples(coded)


def test_a_hoped_or_agreed_action_is_an_intent(code):
    hoped = code("Vietnam is hoping to hold maritime talks with Indonesia next month.", D)
    assert ("VNM", "IDN", "03") in triples(hoped)
    assert ("VNM", "IDN", "04") not in triples(hoped)
    agreed = code("Ghana and Togo agreed to hold border talks in Lome next week.", D)
    assert {("GHA", "TGO", "03"), ("TGO", "GHA", "03")} <= triples(agreed)
    promised = code("Colombia promised on Monday to close the illegal crossings.", D)
    assert not [e for e in promised.events if e.rule.endswith("+intent")]


def test_verbs_joined_by_and_share_the_second_ones_object(code):
    coded = code("Sudanese troops shelled and bombed several Chadian border towns on Saturday.", D)
    assert {("SDN", "TCD", "19")} == {t for t in triples(coded) if t[2] == "19"}


def test_the_target_is_the_first_other_actor_of_an_object_the_source_owns(code):
    coded = code("Peru recalled its ambassador to Honduras on Friday.", D)
    assert ("PER", "HND", "16") in triples(coded)


def test_a_second_gerund_of_an_accusation_is_not_the_accusers_act(code):
    # the parser hangs "violating" on "accused"
    accusation = "Peru accused its neighbour of opening fire on its patrols and violating an agreement"
    coded = code(accusation + " designed to ease tension.", D)
    assert [e.cameo for e in coded.events] == ["112"]
    reported = code("Peru's army said rebels burned a bridge, and a" + accusation[6:] + " designed to ease tension.", D)
    assert not [e for e in reported.events if e.cameo.startswith("12")]


def test_a_forecast_of_anothers_act_is_no_intent_of_theirs(code):
    foretold = code("Turkish officials said on Monday that Greece would send more warships to the Aegean.", D)
    assert not [e for e in foretold.events if e.rule.endswith("+intent")]
    planned = code("Greek officials said on Monday that Greece would send more warships to the Aegean.", D)
    assert [e for e in planned.events if e.rule.endswith("+intent") and e.source.country == "GRC"]


def test_a_gerund_after_a_time_word_is_done_by_the_main_clauses_subject(code):
    coded = code("After meeting the Kenyan president in Nairobi, the Somali foreign minister praised the talks.", D)
    assert ("SOM", "KEN", "04") in triples(coded)


def test_a_quantity_object_is_its_of_object_for_a_pattern(code):
    coded = code("Kenya withdrew hundreds of soldiers from Somalia on Monday.", D)
    assert ("KEN", "SOM", "08") in triples(coded)
    coded = code("Uganda hosts hundreds of thousands of South Sudanese refugees, the UN agency said.", D)
    assert not [e for e in coded.events if e.rule.startswith("host")]  # hosting refugees is a state (null pattern)


def test_conjoined_subjects_of_an_exercise_hold_it_with_each_other(code):
    drills = asserted(
        code("Italian and Greek warships on Monday launched five days of war games in the Ionian Sea.", D)
    )
    assert drills == {("ITA", "GRC", "062"), ("GRC", "ITA", "062")}
    assert asserted(code("The Chinese army launched large-scale drills around Taiwan on Monday.", D)) == {
        ("CHN", "TWN", "150")
    }


def test_conjoined_subjects_of_other_acts_have_no_mutual_target(code):
    coded = code("Norway and Denmark condemned the coup in Myanmar.", D)
    assert ("NOR", "DNK", "11") not in triples(coded)
    assert {("NOR", "MMR", "11"), ("DNK", "MMR", "11")} <= triples(coded)


def test_clashes_between_two_actors_are_fighting_both_ways(code):
    coded = code("Clashes between Tajik border guards and Kyrgyz troops killed three people on Friday.", D)
    assert {("TJK", "KGZ", "19"), ("KGZ", "TJK", "19")} <= triples(coded)


def test_a_null_pattern_stops_the_verbs_general_pattern(code):
    assert not [e for e in code("Argentina is fighting runaway inflation and poverty.", D).events if e.cameo == "190"]
    assert ("ARM", "AZE", "19") in triples(code("Armenian troops fought Azerbaijani forces near the border.", D))


def test_a_denial_is_coded_and_the_denied_action_is_not_asserted(code):
    coded = code("Rwanda denied sending troops into eastern Congo.", D)
    assert ("RWA", None, "01") in triples(coded)
    assert not any(e.cameo.startswith("0") and e.cameo != "016" for e in coded.events if e.modality == "asserted")


def test_us_written_for_the_country_is_no_first_person_pronoun(code):
    assert ("USA", "POL", "12") in triples(
        code("The US on Monday rejected calls by the Polish president for talks.", D)
    )
    demand = code("The Kenyan president said on Monday that the US must be ready to negotiate with Somalia.", D)
    assert ("KEN", "USA", "10") in triples(demand)


def test_a_participle_the_parser_made_the_subject_stands_for_its_noun(code):
    coded = code("The Red Crescent operating in Gaza said Israeli forces must ensure security for the convoys.", D)
    assert any(e.cameo == "100" and e.target and e.target.country == "ISR" for e in coded.events)


def test_an_object_constraint_reads_compounds_and_of_objects(code):
    assert ("TUR", "LBY", "16") in triples(code("Turkish officers on Friday ended mediation efforts in Libya.", D))
    handed = code("Kenyan doctors handed over 500 kg of medicine to the Red Cross in Somalia.", D)
    assert any(e.cameo == "073" for e in handed.events)
    observers = code("The Egyptian minister received a mission of observers from the African Union.", D)
    assert any(e.cameo == "0862" for e in observers.events)


def test_telling_reporters_is_a_statement(code):
    coded = code("The Kenyan interior minister told reporters in Nairobi that the curfew would be lifted.", D)
    assert ("KEN", None, "01") in triples(coded)


def test_an_agentless_passive_clause_is_not_its_governors_act(code):
    coded = code("The Bolivian opposition alleged fraud after the president was declared the winner.", D)
    assert ("BOL", None, "11") in triples(coded)
    assert not [e for e in coded.events if e.rule == "declare"]


def test_a_stative_passive_is_its_subjects_own_stance(code):
    assert ("KEN", "TZA", "120") in asserted(code("Kenya is opposed to the Tanzanian plan for the lake.", D))
    assert ("DEU", None, "120") in asserted(code("The plan was opposed by Germany at the summit.", D))
    assert not asserted(code("The Chinese proposal was opposed at the summit.", D))


def test_a_gerund_its_subject_resorted_to_or_is_guilty_of_is_its_act(code):
    coded = code("Kenyan students resorted to throwing stones at police in Nairobi on Friday.", D)
    assert ("throw-stones-at", "KENEDU", "KENCOP") in {(e.rule, e.source.code, e.target.code) for e in coded.events}
    coded = code(
        "Kenyan students resorted to throwing stones during protests against the fee increase, police said.", D
    )
    assert ("throw-stones", "KENEDU", "asserted") in {(e.rule, e.source.code, e.modality) for e in coded.events}
    coded = code("Both the Sudanese army and the rebel militia are guilty of violating the truce, monitors said.", D)
    assert ("violate-ceasefire", "SDNMIL", "asserted") in {(e.rule, e.source.code, e.modality) for e in coded.events}
    # what the subject is able to do, or is accused of, is not its act
    assert not code("The Ethiopian army is capable of launching attacks deep inside Eritrea.", D).events
    coded = code("Kenya accused Somali militants of shelling the border town.", D)
    assert not [e for e in coded.events if e.rule == "shell" and e.source.country == "KEN"]
