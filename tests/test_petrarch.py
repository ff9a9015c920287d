"""PETRARCH dictionaries: reading each format, importing them as our files, the unit suite's score."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from typer.testing import CliRunner

from conftest import SHARED
from eventwire import Pipeline
from eventwire.cli import app
from eventwire.coding.commas import dropped_clauses
from eventwire.errors import DictionaryError, GoldError
from eventwire.evaluate import read_gold
from eventwire.evaluate_petrarch import coding_options, evaluate_petrarch
from eventwire.knowledge import DataDirs, load_knowledge
from eventwire.petrarch import (
    DatedCode,
    import_to_dir,
    read_actors,
    read_agents,
    read_discards,
    read_verbs,
    regular_forms,
    sequence_text,
)
from eventwire.sequences import parse_sequence
from eventwire.serialize import coded_json
from eventwire.settings import CodingOptions, CommaClauses, Settings

SUITE = SHARED / "eval" / "petrarch-unit"

ACTORS = """<!-- a test actors file,
spanning lines -->
VALMAR_ [VAL]  # the capital
+VALIMAR
NORTH_TIRION [TIR]
TIRION GUARD [TIRMIL]
ELWING
+WHITE_LADY
\t[ELWGOV 19950601 - 19990815]
\t[ELW < 950601]
\t[ELWREB >19990816]
BLACKWOOD [---]
"""
AGENTS = """!PERSON! = MAN, WOMAN
HARBOUR!PERSON! [~HBR]
ROYAL_GUARD {ROYAL_GUARDS} [~MIL]
TRADERS_GUILD {} [BUS~]
# COMMENTED [~XXX]
"""
VERBS = """&COLOURS
+RED
+&DARK
&DARK
+BLACK
+DEEP BLUE

--- PAINT  [051] ---
PAINT {PAINTS PAINTED}
+PAINT_OVER [052]
- * FENCE  [053]
- * &COLOURS [904]
- * WITH +  [055]
- NEVER * [056]
- * DOWN [057]
- * BIG_FENCE [058]
"""


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_actors_names_synonyms_and_dated_codes(tmp_path: Path) -> None:
    entries = read_actors(write(tmp_path, "actors.txt", ACTORS))
    assert [e.names for e in entries][:2] == [("VALMAR_", "VALIMAR"), ("NORTH_TIRION",)]
    elwing = entries[3]
    assert elwing.names == ("ELWING", "WHITE_LADY") and elwing.line == 7
    assert elwing.codes == (
        DatedCode("ELWGOV", date(1995, 6, 1), date(1999, 8, 15)),
        DatedCode("ELW", None, date(1995, 5, 31)),
        DatedCode("ELWREB", date(1999, 8, 17), None),
    )
    assert entries[-1].codes == (DatedCode("---"),)


@pytest.mark.parametrize(
    ("text", "line", "reason"),
    [
        ("+SYNONYM\n", 1, "synonym before any actor"),
        ("A [AAA]\nB [BBB 1999]\n", 2, "bad actor code"),
        ("A\n", 1, "no code"),
    ],
)
def test_actor_errors_name_file_and_line(tmp_path: Path, text: str, line: int, reason: str) -> None:
    path = write(tmp_path, "bad-actors.txt", text)
    with pytest.raises(DictionaryError, match=reason) as caught:
        read_actors(path)
    assert str(caught.value).startswith(f"{path}:{line}:")


def test_agents_substitutions_plurals_and_prefix_codes(tmp_path: Path) -> None:
    entries = read_agents(write(tmp_path, "agents.txt", AGENTS))
    assert [(e.phrases, e.code, e.prefix, e.plurals) for e in entries] == [
        (("harbourman", "harbourwoman"), "HBR", False, True),
        (("royal guard", "royal guards"), "MIL", False, False),
        (("traders guild",), "BUS", True, False),
    ]
    path = write(tmp_path, "bad-agents.txt", "GUARD\n")
    with pytest.raises(DictionaryError, match=rf"{path}:1: an agent needs one"):
        read_agents(path)


def test_discards_story_and_sentence_level(tmp_path: Path) -> None:
    path = write(tmp_path, "discards.txt", "+World_Chess Finals  # story\nFOOTBALL\nTIDE_\n")
    assert [(d.scope, d.phrase, d.line) for d in read_discards(path)] == [
        ("document", "world chess finals", 1),
        ("sentence", "football", 2),
        ("sentence", "tide_", 3),
    ]


DISCARDED = (
    "Valimar condemned North Tirion on Monday.\n\n"
    "Valimar condemned North Tirion again after the footballers' riot.\n\n"
    "Valimar condemned North Tirion over the tides."
)


def test_discarded_sentences_are_not_coded_and_say_why(imported_dir: Path) -> None:
    """A sentence discard is a stem ("football" discards "footballers'"), "tide_" a whole word."""
    coded = Pipeline(Settings(data_dir=imported_dir)).code_text(DISCARDED, date(2000, 1, 5))
    assert [e.sentence for e in coded.events] == [0, 2]
    (note,) = [n for n in coded.notes if "discarded" in n]
    assert note.startswith("sentence 1 discarded: 'football' (") and note.endswith("/discards.tsv:3)")


def test_a_document_discard_stops_the_whole_document(imported_dir: Path) -> None:
    coded = Pipeline(Settings(data_dir=imported_dir)).code_text(DISCARDED + " The tide turned.", date(2000, 1, 5))
    assert not coded.events and any(n.startswith("document discarded: 'tide_' (") for n in coded.notes)
    assert coded_json(coded)[0]["notes"] == list(coded.notes)  # what `code` prints


def test_a_bad_discard_line_names_file_and_line(tmp_path: Path) -> None:
    (tmp_path / "discards.tsv").write_text("scope\tphrase\nstory\tgolf\n", encoding="utf-8")
    with pytest.raises(DictionaryError, match=r"discards.tsv:2: scope must be document or sentence"):
        load_knowledge(DataDirs(tmp_path))


def test_verb_forms_are_the_written_ones_or_petrarchs_regular_ones(tmp_path: Path) -> None:
    assert regular_forms("DEPART") == ["DEPART", "DEPARTS", "DEPARTED", "DEPARTING"]
    assert regular_forms("SEIZE") == ["SEIZE", "SEIZES", "SEIZED", "SEIZING"]
    text = "--- SPLIT [100] ---\nSPLIT {SPLITS SPLITTING}\n+SPLIT_UP {+SPLITS_UP}\nWIRE_+TAP {WIRE_+TAPPED}\nPART\n"
    (block,) = read_verbs(write(tmp_path, "verbs.txt", text))[1]
    assert [(f.verb, f.written) for f in block.forms] == [
        ("SPLIT", ("split", "splits", "splitting")),
        ("SPLIT", ("split", "splits")),
        ("TAP", ("tap", "tapped")),
        ("PART", ("part", "parts", "parted", "parting")),
    ]


def test_verbs_synsets_blocks_and_patterns(tmp_path: Path) -> None:
    synsets, blocks = read_verbs(write(tmp_path, "verbs.txt", VERBS))
    assert synsets == {"&COLOURS": ["RED", "&DARK"], "&DARK": ["BLACK", "DEEP BLUE"]}
    (paint,) = blocks
    assert (paint.name, paint.code, [f.verb for f in paint.forms]) == ("PAINT", "051", ["PAINT", "PAINT"])
    assert paint.forms[1].after == ("OVER",) and paint.forms[1].code == "052"
    assert [(text, code) for _, text, code in paint.patterns][:3] == [
        ("* FENCE", "053"),
        ("* &COLOURS", "904"),
        ("* WITH +", "055"),
    ]
    path = write(tmp_path, "bad-verbs.txt", "--- PAINT [051] ---\nPAINT\n- * FENCE\n")
    with pytest.raises(DictionaryError, match=rf"{path}:3: a pattern needs one \[code\]"):
        read_verbs(path)


def test_patterns_as_word_sequences(tmp_path: Path) -> None:
    synsets, blocks = read_verbs(write(tmp_path, "verbs.txt", VERBS))
    plain, over = blocks[0].forms
    assert sequence_text(plain, "* &COLOURS", synsets) == "* {red|black|deep blue}"
    assert sequence_text(over, "NEVER * BIG_FENCE", synsets) == "never *_over big_fence"
    before, after = parse_sequence("verbs", 1, "most_{did n't|will not} * over $ +")
    assert [(e.kind, e.options, e.joined) for e in before] == [
        ("words", (("did", "n't"), ("will", "not")), False),
        ("words", (("most",),), True),
    ]
    assert [e.kind for e in after] == ["words", "source", "target"]
    for bad, reason in [("* {red|blue", "unbalanced braces"), ("NEVER", "a pattern needs one verb marker")]:
        with pytest.raises(DictionaryError, match=rf"^verbs:7: {reason}"):
            parse_sequence("verbs", 7, bad)


# our own small dictionary: words before the verb, a synset, a paired code and a compound actor
SEQUENCE_VERBS = """&RIGHTS
+FISHING_RIGHTS
+GRAZING LAND

--- CRITICIZE  [121] ---
CRITICIZE
- SHARPLY_*  [122]
- * OVER &RIGHTS  [123]

--- PROTEST  [140] ---
PROTEST
- $ * OVER +  [141]

--- MEET  [031:031] ---
MEET {MEETS MET MEETING}
- % * [030:030]
- REFUSED TO * [---]

--- LEAVE  [012] ---
LEAVE

--- LEFT  [032:033] ---
LEFT
"""


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Valmar sharply criticized North Tirion on Monday.", [("VAL", "TIR", "122")]),
        ("Valmar criticized North Tirion over fishing rights in the bay.", [("VAL", "TIR", "123")]),
        ("Valmar criticized North Tirion over the new port.", [("VAL", "TIR", "121")]),
        ("Valmar met North Tirion in the capital on Tuesday.", [("VAL", "TIR", "031"), ("TIR", "VAL", "031")]),
        ("Valmar and North Tirion met in the capital.", [("VAL", "TIR", "030"), ("TIR", "VAL", "030")]),
        ("Valmar refused to meet North Tirion this week.", []),
        # only the forms the dictionary writes are verbs, as in PETRARCH: "criticising" is not one of CRITICIZE's
        ("Valmar has been criticizing North Tirion.", [("VAL", "TIR", "121")]),
        ("Valmar has been criticising North Tirion.", []),
        # a block is a verb of its own: LEFT is not a form of LEAVE, though both have the lemma "leave"
        ("Valmar left North Tirion on Monday.", [("VAL", "TIR", "032"), ("TIR", "VAL", "033")]),
        ("Valmar leaves North Tirion today.", [("VAL", "TIR", "012")]),
        # a dictionary form the tagger calls a noun is tried where a verb belongs (a verbless sentence's root) ...
        ("Valmar protest over North Tirion border.", [("VAL", "TIR", "141")]),
        # ... but not as a subject or object
        ("The protest over North Tirion ended after Valmar spoke.", []),
    ],
)
def test_sequence_patterns_code_real_sentences(tmp_path: Path, text: str, expected: list[tuple[str, ...]]) -> None:
    out = tmp_path / "data"
    files = [write(tmp_path, n, t) for n, t in [("v.txt", SEQUENCE_VERBS), ("a.txt", ACTORS), ("g.txt", AGENTS)]]
    import_to_dir(files[0], files[1], files[2], write(tmp_path, "d.txt", "FOOTBALL\n"), out)
    coded = Pipeline(Settings(data_dir=out)).code_text(text, date(2000, 1, 5))
    assert [(e.source.code, e.target and e.target.code, e.cameo) for e in coded.events] == expected


@pytest.fixture(scope="module")
def sequence_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("sequences")
    files = [write(folder, n, t) for n, t in [("v.txt", SEQUENCE_VERBS), ("a.txt", ACTORS), ("g.txt", AGENTS)]]
    import_to_dir(files[0], files[1], files[2], write(folder, "d.txt", "FOOTBALL\n"), folder / "data")
    return folder / "data"


@pytest.mark.parametrize(
    ("text", "ours", "petrarchs"),
    [
        # the first actor inside the subject phrase is the source
        ("Valmar's fishing fleet criticized North Tirion.", [], [("VAL", "TIR", "121")]),
        # a passive without "by" is an active verb to PETRARCH; with "by" it is a passive
        ("Valmar was criticized over its quarrel with North Tirion.", [], [("VAL", "TIR", "121")]),
        ("Valmar was criticized by North Tirion over the port.", [("TIR", "VAL", "121")], [("TIR", "VAL", "121")]),
        # the target is the first actor in the verb's phrase, also where the parse hangs it elsewhere
        (
            "Valmar left for North Tirion on Monday.",
            [("VAL", None, "032")],
            [("VAL", "TIR", "032"), ("TIR", "VAL", "033")],
        ),
        # a word cut after its hyphen does not end the sentence
        ("Valmar criticized an anti- North Tirion rally on Monday.", [("VAL", "TIR", "121")], [("VAL", "TIR", "121")]),
        # a coded verb takes its phrase: the clause inside it is not coded again
        (
            "Valmar met Tirion Guard on Monday, a week after North Tirion criticized Elwing.",
            [("VAL", "TIRMIL", "031"), ("TIRMIL", "VAL", "031"), ("TIR", None, "121")],
            [("VAL", "TIRMIL", "031"), ("TIRMIL", "VAL", "031")],
        ),
    ],
)
def test_petrarch_options_code_as_petrarch_does(
    sequence_dir: Path, text: str, ours: list[tuple[str, ...]], petrarchs: list[tuple[str, ...]]
) -> None:
    pipeline = Pipeline(Settings(data_dir=sequence_dir))
    for options, expected in [(CodingOptions(), ours), (coding_options({"require_dyad": "false"}), petrarchs)]:
        pipeline.options = options
        coded = pipeline.code_text(text, date(2000, 1, 5))
        assert [(e.source.code, e.target and e.target.code, e.cameo) for e in coded.events] == expected, options


def test_comma_clauses_within_bounds_are_dropped(pipeline: Pipeline) -> None:
    def dropped(text: str, bounds: CommaClauses) -> str:
        span = pipeline.nlp(text)[:]
        return " ".join(span.doc[i].text for i in sorted(dropped_clauses(span, bounds)))

    text = (
        "Valmar, as the paper reported last week, met North Tirion, Elwing and Tirion Guard on Monday, officials said."
    )
    assert dropped(text, CommaClauses()) == "as the paper reported last week officials said"  # PETRARCH's defaults
    assert dropped(text, CommaClauses(terminal_max=0)) == "as the paper reported last week"
    assert dropped(text, CommaClauses(internal_min=7, terminal_min=3)) == ""
    assert dropped(text, CommaClauses(initial_min=1, initial_max=1, internal_max=0, terminal_max=0)) == "Valmar"
    assert coding_options({"comma_max": "0", "comma_emin": "3"}).comma_clauses == CommaClauses(
        internal_max=0, terminal_min=3
    )
    with pytest.raises(GoldError, match="comma_"):
        coding_options({"comma_min": "two"})


TWO_CODES = "\n--- STALL [120]  [031:031]  ---\nSTALL\n\n--- NOTE [---] ---\nNOTE\n"  # NOTE: forms, no pattern


@pytest.fixture(scope="module")
def imported_dir(tmp_path_factory: pytest.TempPathFactory, pipeline: Pipeline) -> Path:
    folder = tmp_path_factory.mktemp("petrarch")
    files = {
        "verbs": write(folder, "verbs.txt", VERBS + "\n--- CONDEMN [122] ---\nCONDEMN\n" + TWO_CODES),
        "actors": write(folder, "actors.txt", ACTORS),
        "agents": write(folder, "agents.txt", AGENTS),
        "discards": write(folder, "discards.txt", "FOOTBALL\n+TIDE_\n"),
    }
    runner = CliRunner()
    out = folder / "data"
    args = [f"--{kind}={path}" for kind, path in files.items()]
    result = runner.invoke(app, ["import-petrarch", *args, f"--out={out}"])
    assert result.exit_code == 0, result.output
    return out


def test_imported_files_load_as_our_knowledge(imported_dir: Path) -> None:
    kb = load_knowledge(DataDirs(imported_dir))
    assert {c.iso3 for c in kb.countries} >= {"VAL", "TIR", "ELW"}
    assert [g.code for g in kb.groups] == ["TIRMIL"]
    assert {(p.sector, p.start, p.end) for p in kb.people if p.name == "Elwing"} == {
        ("GOV", date(1995, 6, 1), date(1999, 8, 15)),
        (None, date(1, 1, 1), date(1995, 5, 31)),
        ("REB", date(1999, 8, 17), None),
    }
    assert kb.agents["harbourman"] == "HBR" and kb.agents["traders guild"] == "BUS~"
    assert {p.code for p in kb.verbs["paint"]} == {"051"}
    assert kb.patterns_for("paint", "painted") and not kb.patterns_for("paint", "paintes")  # verb_forms.tsv
    assert {s.rule.code for s in kb.sequences["paint"] if s.rule} == {"052", "053", "904", "055", "056", "057", "058"}
    assert (kb.cameo["904"].goldstein, kb.cameo["904"].quad) == (0, 1)  # not CAMEO, nor is its root
    assert kb.cameo["053"].name == load_knowledge().cameo["053"].name
    assert not kb.nouns
    notes = (imported_dir / "petrarch-notes.txt").read_text(encoding="utf-8")
    assert "prefix agent" not in notes and "explicit plurals" in notes
    # PETRARCH reads a header's first code only; the second is reported, not silently lost
    assert [p.code for p in kb.verbs["stall"]] == ["120"]
    assert "only the first header code is read, as PETRARCH does: [031:031] ignored: STALL" in notes


def test_coding_with_the_imported_files_as_data_dir(imported_dir: Path) -> None:
    pipeline = Pipeline(Settings(data_dir=imported_dir))
    coded = pipeline.code_text("Valimar condemned North Tirion on Monday.", date(2000, 1, 5))
    assert [(e.source.code, e.target and e.target.code, e.cameo) for e in coded.events] == [("VAL", "TIR", "122")]


def test_a_broken_dictionary_stops_the_import_with_file_and_line(tmp_path: Path) -> None:
    bad = write(tmp_path, "actors.txt", "+ORPHAN\n")
    good = write(tmp_path, "verbs.txt", VERBS)
    with pytest.raises(DictionaryError, match=rf"{bad}:1:"):
        import_to_dir(good, bad, write(tmp_path, "agents.txt", AGENTS), good, tmp_path / "out")


@pytest.mark.skipif(not SUITE.is_dir(), reason="../shared/eval/petrarch-unit is not beside the project")
def test_petrarch_unit_suite_score(pipeline: Pipeline) -> None:
    """Measured: recall 341/386 (0.88), precision 317/345 (0.92); per category in README."""
    report = evaluate_petrarch(read_gold(SUITE / "petr_unit.jsonl"), SUITE, pipeline.settings)
    total = report.total
    assert total.recall >= 0.86 and total.precision >= 0.90, (total.recall, total.precision)
    recall = {name: score.recall for name, score in report.categories.items()}
    assert recall["PATTERN"] >= 0.85 and recall["DEMO"] >= 0.85 and recall["SYNSET"] >= 0.95, recall
    assert recall["COMPOUND"] >= 0.85 and recall["AGENT"] >= 0.7 and recall["ACTOR"] >= 0.7, recall
    assert recall["VERB"] >= 0.95 and recall["DATE"] >= 0.9, recall
    assert recall["ERROR"] >= 5 / 7  # discards applied by the pipeline


# our own small dictionaries: a person listed with a country's code, a name with two codes, an acronym,
# agents (one a prefix agent) to put around them
TITLED_ACTORS = """VALMAR [VAL]
NORTH_TIRION [TIR]
ALQUALONDE [ALQ]
FINWE [VAL]
THE_ISLES [ALQ/AVA]
THE_VL [IGOVAL]
"""
TITLED_AGENTS = """PRIME_MINISTER [~GOV]
LAWMAKER [~LEG]
OFFICIAL [~GOV]
MEDIA {} [~MED]
GOVERNMENT [~GOV]
TRADERS_GUILD {} [BUS~]
DIPLOMAT [~GOV]
"""


@pytest.fixture(scope="module")
def titled(tmp_path_factory: pytest.TempPathFactory) -> Pipeline:
    folder = tmp_path_factory.mktemp("titled")
    verbs = write(folder, "verbs.txt", "--- CRITICIZE  [121] ---\nCRITICIZE\n")
    actors, agents = write(folder, "actors.txt", TITLED_ACTORS), write(folder, "agents.txt", TITLED_AGENTS)
    import_to_dir(verbs, actors, agents, write(folder, "discards.txt", "FOOTBALL\n"), folder / "data")
    return Pipeline(Settings(data_dir=folder / "data"))


@pytest.mark.parametrize(
    ("text", "sources"),
    [
        # an agent before a name in the actor dictionary adds its code, as in PETRARCH
        ("Valmar Prime Minister Finwe criticized North Tirion on Monday.", {"VALGOV"}),
        # a prefix agent goes before the country, then the agent it qualifies after
        ("Traders Guild Valmar criticized North Tirion on Monday.", {"BUSVAL"}),
        ("A Traders Guild Valmar diplomat criticized North Tirion on Monday.", {"BUSVALGOV"}),
        # a name with two codes: one event for each
        ("The Isles criticized North Tirion on Monday.", {"ALQ", "AVA"}),
        ("The VL criticized North Tirion on Monday.", {"IGOVAL"}),
        ("Lawmakers in Valmar and Alqualonde criticized North Tirion on Monday.", {"VALLEG", "ALQLEG"}),
        ("Lawmakers and officials in Valmar criticized North Tirion on Monday.", {"VALLEG", "VALGOV"}),
        ("Valmar media and government criticized North Tirion on Monday.", {"VALMED", "VALGOV"}),
        ("Valmar, the Isles, Alqualonde and North Tirion criticized the plan.", {"VAL", "ALQ", "AVA", "TIR"}),
    ],
)
def test_imported_actors_and_agents_code_as_petrarch_combines_them(titled: Pipeline, text: str, sources: set) -> None:
    coded = titled.code_text(text, date(2000, 1, 5))
    assert {e.source.code for e in coded.events} == sources


def test_a_name_with_several_codes_is_imported_under_each(titled: Pipeline) -> None:
    names = {c.iso3: {c.name, *c.aliases} for c in titled.kb.countries}
    assert "The Isles" in names["ALQ"] and "The Isles" in names["AVA"]
    assert titled.kb.agents["traders guild"] == "BUS~"
    coded = titled.code_text("North Tirion criticized the Isles on Monday.", date(2000, 1, 5))
    assert {(e.source.code, e.target and e.target.code) for e in coded.events} == {("TIR", "ALQ"), ("TIR", "AVA")}
    # inside an object phrase, the two mentions of one name are both targets, not each other's container
    coded = titled.code_text("North Tirion criticized ties with the Isles on Monday.", date(2000, 1, 5))
    assert {(e.source.code, e.target and e.target.code) for e in coded.events} == {("TIR", "ALQ"), ("TIR", "AVA")}
