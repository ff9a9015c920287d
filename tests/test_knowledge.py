"""The knowledge files: they load, they are consistent, and every verb pattern's example codes."""

from pathlib import Path

import pytest

from eventwire.errors import DictionaryError
from eventwire.ingest import read_text
from eventwire.knowledge import DATA_DIR, NULL_CODE, default_knowledge, inflections, load_knowledge

KB = default_knowledge()
ALL_PATTERNS = sorted((p for ps in KB.verbs.values() for p in ps), key=lambda p: p.line)
PATTERNS = [p for p in ALL_PATTERNS if p.code != NULL_CODE]
NULL_PATTERNS = [p for p in ALL_PATTERNS if p.code == NULL_CODE]
NOUN_PATTERNS = sorted((p for ps in KB.nouns.values() for p in ps), key=lambda p: p.line)


def test_bundled_files_cover_the_world():
    assert len(KB.countries) >= 249
    assert all(c.adjectives and c.name for c in KB.countries)
    roots = {code[:2] for code in KB.cameo}
    assert roots == {f"{i:02d}" for i in range(1, 21)}
    assert len(KB.cameo) >= 300
    assert {p.code[:2] for p in PATTERNS} == roots


def test_every_code_in_a_pattern_or_intent_has_a_table_entry():
    assert all(p.code in KB.cameo for p in PATTERNS + NOUN_PATTERNS)
    assert all(code in KB.cameo for code in KB.intent.values())


@pytest.mark.parametrize(("file", "patterns"), [("verbs.tsv", PATTERNS), ("nouns.tsv", NOUN_PATTERNS)])
def test_every_pattern_codes_its_own_example(pipeline, file, patterns):
    raws = [read_text(f"{file}:{p.line}", p.example) for p in patterns]
    failures = []
    for pattern, coded in zip(patterns, pipeline.code(raws), strict=True):
        if not any(e.rule.split("+")[0] == pattern.id for e in coded.events):
            failures.append(f"{file}:{pattern.line} {pattern.id}: {pattern.example}")
    assert not failures, "\n".join(failures)


def test_null_patterns_silence_their_verb_in_their_example(pipeline):
    assert NULL_PATTERNS
    raws = [read_text(f"verbs.tsv:{p.line}", p.example) for p in NULL_PATTERNS]
    for pattern, coded in zip(NULL_PATTERNS, pipeline.code(raws), strict=True):
        rules = {p.id for p in KB.verbs[pattern.verb]}
        assert not [e for e in coded.events if e.rule.split("+")[0] in rules], f"verbs.tsv:{pattern.line}"


def test_inflections_reach_mislemmatized_past_tenses():
    assert {"staged", "stages", "staging"} <= inflections("stage")
    assert {"banned", "banning"} <= inflections("ban")
    assert "denied" in inflections("deny")


def _copy_data(tmp_path: Path) -> Path:
    for f in DATA_DIR.glob("*.tsv"):
        (tmp_path / f.name).write_text(f.read_text(encoding="utf-8"), encoding="utf-8")
    return tmp_path


@pytest.mark.parametrize(
    ("file", "line", "message"),
    [
        ("verbs.tsv", "bad-code\t999\tcondemn\tx", "unknown CAMEO code '999'"),
        ("verbs.tsv", "bad-key\t111\tcondemn via=x\tx", "bad constraint 'via=x'"),
        ("verbs.tsv", "say\t010\tsay\tx", "duplicate rule id 'say'"),
        ("cameo.tsv", "999\tNothing\t20\t1\t\t", "goldstein must be in -10..10"),
        ("cameo.tsv", "0999\tNothing\t1\t1\tHUG\t", "unknown PLOVER type 'HUG'"),
        ("igos.tsv", "IGOXXX\tWORLD\tNothing\t", "unknown group 'WORLD'"),
        ("countries.tsv", "XX\tXX\tXX\tNowhere\t\tNowherian\t\t\t\t1\t1", "iso3 must be 3 letters"),
        ("countries.tsv", "XXX\tXX\tXX\tNowhere\t\tNowherian\t\t\t\tnorth\t1", "not a number: 'north'"),
        ("agents.tsv", "gov\tpresident", "sector must be an upper-case code"),
        ("intent.tsv", "04\t999", "unknown CAMEO code '999'"),
        ("modality.tsv", "maybe\tperhaps", "unknown kind 'maybe'"),
        ("offices.tsv", "Foreign Minister", "noun must be one lowercase word"),
        ("regions.tsv", "Nowhere\t\tXx\t1\t1", "needs a name, a 3-letter country code"),
        ("regions.tsv", "Nowhere\t\tXXX\t91\t1", "lat/lon out of range"),
        ("institutions.tsv", "NORXXX\tNOR\tXXX\tStorting Guard\t", "sector 'XXX' is no agents.tsv sector"),
        ("institutions.tsv", "NORLEG\tXXX\tLEG\tStorting\t", "unknown country 'XXX'"),
    ],
)
def test_a_malformed_file_fails_at_load_with_file_line_and_reason(tmp_path, file, line, message):
    data = _copy_data(tmp_path)
    path = data / file
    lines = path.read_text(encoding="utf-8").splitlines() + [line]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(DictionaryError) as info:
        load_knowledge(data)
    assert str(info.value).startswith(f"{path}:{len(lines)}: ")
    assert message in str(info.value)


def test_a_wrong_header_or_field_count_names_the_line(tmp_path):
    data = _copy_data(tmp_path)
    (data / "speech.tsv").write_text("word\nsay\n", encoding="utf-8")
    with pytest.raises(DictionaryError, match=r"speech.tsv:1: header must be 'verb'"):
        load_knowledge(data)
    data = _copy_data(tmp_path)
    header = "root\tcode\trefusal\tthreat\tdemand\tpreparation\n"
    (data / "intent.tsv").write_text(header + "04\t036\t\t\t\t\tx\n", encoding="utf-8")
    with pytest.raises(DictionaryError, match=r"intent.tsv:2: expected 6 TAB-separated fields, found 7"):
        load_knowledge(data)
