"""Importing PETRARCH dictionaries (verbs, actors, agents, discards) as eventwire knowledge.

A PETRARCH user keeps their work: `import_petrarch` reads the four dictionary files
and builds a `Knowledge` whose countries, bodies, groups, people, agents and verb
patterns are the imported ones (the rest, such as modality words, stays ours), and
`write_data_dir` writes it as our own TSV files for `EVENTWIRE_DATA_DIR`.

PETRARCH matches word sequences on a constituency parse; we match verb patterns on a
dependency parse (a verb lemma with a particle, a preposition for the target, or the
direct object's lemma). What a PETRARCH entry says beyond that cannot be expressed and
is listed, counted, in `PetrarchImport.dropped` (entry dropped) or `approximated`
(entry kept with some of its words ignored), each with the file, line and reason.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path

from spacy.lang.en.stop_words import STOP_WORDS

from .discards import Discard, parse_discard
from .errors import DictionaryError
from .knowledge import (
    EVENT_CODE,
    CameoCode,
    Country,
    Group,
    Igo,
    Knowledge,
    Person,
    VerbPattern,
    default_knowledge,
    verb_forms,
    written_forms,
)
from .sequences import SequencePattern, parse_sequence

CODE_BLOCK = re.compile(r"\[([^\]]*)\]")
COMMENT = re.compile(r"<!.*?-->", re.S)
VERB_HEADER = re.compile(r"^---\s+(.+?)(?:\s+---)?\s*$")  # "--- TROUBLED [---] # NOUN ---" loses its end
DATED_CODE = re.compile(r"^([^\s<>]+)\s*(?:([<>])\s*(\d{6}|\d{8})|(\d{6}|\d{8})\s*-\s*(\d{6}|\d{8}))?$")
EARLIEST = date(1, 1, 1)
NULL_CODE = "---"


@dataclass(frozen=True)
class Note:
    """A dictionary entry eventwire cannot express in full: where it is and why."""

    file: str
    line: int
    text: str
    reason: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.reason}: {self.text}"


@dataclass(frozen=True)
class DatedCode:
    code: str
    start: date | None = None
    end: date | None = None


@dataclass(frozen=True)
class ActorEntry:
    """One actor of a PETRARCH actors file: its names (first is the main one) and codes."""

    names: tuple[str, ...]
    codes: tuple[DatedCode, ...]
    line: int


@dataclass(frozen=True)
class AgentEntry:
    """One agent: its phrases (substitutions and plurals expanded) and code; `prefix` for [CODE~]."""

    phrases: tuple[str, ...]
    code: str
    prefix: bool
    plurals: bool
    line: int


@dataclass(frozen=True)
class VerbForm:
    """A verb of a block: the verb word, words before and after it, its own code if any, and the
    verb word as it may be written (the `{...}` forms when given, else PETRARCH's regular ones)."""

    verb: str
    before: tuple[str, ...]
    after: tuple[str, ...]
    code: str | None
    line: int
    written: tuple[str, ...] = ()


@dataclass(frozen=True)
class VerbBlock:
    name: str
    code: str | None
    forms: tuple[VerbForm, ...]
    patterns: tuple[tuple[int, str, str], ...]  # (line, pattern text, code)
    line: int
    ignored: tuple[str, ...] = ()  # header codes after the first ("--- DELAY [120] [031:031] ---")


@dataclass
class PetrarchImport:
    """What the import produced, and what it could not express (counted, with reasons)."""

    knowledge: Knowledge
    dropped: list[Note] = field(default_factory=list)
    approximated: list[Note] = field(default_factory=list)


def dictionary_lines(path: Path) -> Iterator[tuple[int, str]]:
    """(line number, content) of a PETRARCH file, without `<!-- -->` blocks and `#` comments."""
    try:
        text = path.read_text(encoding="utf-8", errors="replace")
    except OSError as exc:
        raise DictionaryError(str(path), None, f"cannot read: {exc}") from exc
    # comments may span lines: blank them out keeping the line count
    text = COMMENT.sub(lambda m: "\n" * m.group(0).count("\n"), text)
    for number, line in enumerate(text.splitlines(), start=1):
        content = _without_comment(line).rstrip()
        if content.strip():
            yield number, content


def _without_comment(line: str) -> str:
    """The line up to a `#` outside brackets ("[###]" is a code, "[ZBW]#jw" a comment)."""
    depth = 0
    for i, char in enumerate(line):
        depth += (char == "[") - (char == "]")
        if char == "#" and depth <= 0:
            return line[:i]
    return line


def phrase_words(phrase: str) -> list[str]:
    """The words of a dictionary phrase: `_` and spaces separate words, a trailing `_` is dropped."""
    return [w for w in re.split(r"[\s_]+", phrase.strip()) if w]


def _date(path: Path, number: int, text: str) -> date:
    """PETRARCH dates: YYYYMMDD, or TABARI's YYMMDD (years 19YY)."""
    digits = text if len(text) == 8 else ("19" + text)
    try:
        return date(int(digits[:4]), int(digits[4:6]), int(digits[6:]))
    except ValueError as exc:
        raise DictionaryError(str(path), number, f"not a date: {text!r}") from exc


def parse_code(path: Path, number: int, text: str) -> DatedCode:
    """`CODE`, `CODE <DATE`, `CODE >DATE` or `CODE DATE-DATE` (bounds inclusive, as PETRARCH reads them)."""
    match = DATED_CODE.match(text.strip())
    if not match:
        raise DictionaryError(str(path), number, f"bad actor code [{text}]")
    code, sign, when, first, last = match.groups()
    if sign == "<":
        return DatedCode(code.upper(), None, date.fromordinal(_date(path, number, when).toordinal() - 1))
    if sign == ">":
        return DatedCode(code.upper(), date.fromordinal(_date(path, number, when).toordinal() + 1), None)
    if first:
        return DatedCode(code.upper(), _date(path, number, first), _date(path, number, last))
    return DatedCode(code.upper())


def read_actors(path: Path) -> list[ActorEntry]:
    """Actors: `NAME [CODE]`, `+SYNONYM` lines, and codes on their own (indented) lines."""
    entries: list[ActorEntry] = []
    names: list[str] = []
    codes: list[DatedCode] = []
    start = 0

    def flush() -> None:
        if names:
            if not codes:
                raise DictionaryError(str(path), start, f"actor {names[0]!r} has no code")
            entries.append(ActorEntry(tuple(names), tuple(codes), start))

    for number, line in dictionary_lines(path):
        found = CODE_BLOCK.findall(line)
        text = CODE_BLOCK.sub(" ", line).strip()
        if "[" in text or "]" in text:
            raise DictionaryError(str(path), number, f"unbalanced brackets: {line.strip()!r}")
        if text.startswith("+"):
            if not names:
                raise DictionaryError(str(path), number, f"synonym before any actor: {line.strip()!r}")
            names.append(text[1:].strip())
        elif text:
            flush()
            names, codes, start = [text], [], number
        elif not names:
            raise DictionaryError(str(path), number, f"code before any actor: {line.strip()!r}")
        codes += [parse_code(path, number, c) for c in found]
    flush()
    return entries


def read_agents(path: Path) -> list[AgentEntry]:
    """Agents: `!SET! = A, B` substitution sets, then `PHRASE {PLURALS} [~CODE]` or `[CODE~]`."""
    substitutions: dict[str, list[str]] = {}
    entries = []
    for number, line in dictionary_lines(path):
        if line.startswith("!") and "=" in line:
            name, _, members = line.partition("=")
            substitutions[name.strip()] = [m.strip() for m in members.split(",") if m.strip()]
            continue
        found = CODE_BLOCK.findall(line)
        if len(found) != 1 or "~" not in found[0]:
            raise DictionaryError(str(path), number, f"an agent needs one [~CODE] or [CODE~]: {line.strip()!r}")
        code = found[0].strip()
        body = CODE_BLOCK.sub(" ", line)
        phrase, _, rest = body.partition("{")
        plurals = [p.lstrip("+") for p in rest.partition("}")[0].split()] if rest else []
        if rest and "}" not in rest:
            raise DictionaryError(str(path), number, f"unclosed {{: {line.strip()!r}")
        phrases = [*_substitute(path, number, phrase.strip(), substitutions), *plurals]
        entries.append(
            AgentEntry(
                phrases=tuple(" ".join(phrase_words(p)).lower() for p in phrases),
                code=code.strip("~ ").upper(),
                prefix=code.endswith("~"),
                plurals=not rest,
                line=number,
            )
        )
    return entries


def _substitute(path: Path, number: int, phrase: str, sets: dict[str, list[str]]) -> list[str]:
    marker = re.search(r"![A-Z0-9]+!", phrase)
    if marker is None:
        return [phrase]
    if marker.group(0) not in sets:
        raise DictionaryError(str(path), number, f"unknown substitution set {marker.group(0)}")
    return [
        out
        for member in sets[marker.group(0)]
        for out in _substitute(path, number, phrase.replace(marker.group(0), member, 1), sets)
    ]


def read_discards(path: Path) -> tuple[Discard, ...]:
    """Discard phrases: a `+` line discards the whole story (our document), any other the sentence."""
    return tuple(
        parse_discard(path.name, number, "document" if line.strip().startswith("+") else "sentence", line.strip("+ \t"))
        for number, line in dictionary_lines(path)
    )


def read_verbs(path: Path) -> tuple[dict[str, list[str]], list[VerbBlock]]:
    """Synsets (`&NAME` and `+MEMBER` lines) and verb blocks (`--- VERB [CODE] ---`, forms, patterns)."""
    synsets: dict[str, list[str]] = {}
    blocks: list[VerbBlock] = []
    synset: list[str] | None = None
    block: dict | None = None

    def close() -> None:
        if block is not None:
            forms, patterns = tuple(block["forms"]), tuple(block["patterns"])
            blocks.append(VerbBlock(block["name"], block["code"], forms, patterns, block["line"], block["ignored"]))

    for number, line in dictionary_lines(path):
        stripped = line.strip()
        header = VERB_HEADER.match(stripped)
        if header:
            close()
            codes = CODE_BLOCK.findall(header.group(1))
            name = CODE_BLOCK.sub(" ", header.group(1)).strip()
            if not codes or not name:
                raise DictionaryError(str(path), number, f"a verb block needs a verb and a [code]: {stripped!r}")
            block = {"name": name, "code": _code(codes[0]), "forms": [], "patterns": [], "line": number}
            block["ignored"], synset = tuple(codes[1:]), None
        elif stripped.startswith("&"):
            close()
            block, synset = None, synsets.setdefault(stripped.split()[0].rstrip("_").upper(), [])
        elif stripped.startswith("+") and synset is not None:
            synset.append(stripped[1:].strip())
        elif block is None:
            raise DictionaryError(str(path), number, f"line outside a verb block or synset: {stripped!r}")
        elif stripped.startswith("-"):
            codes = CODE_BLOCK.findall(stripped)
            if len(codes) != 1:
                raise DictionaryError(str(path), number, f"a pattern needs one [code]: {stripped!r}")
            block["patterns"].append((number, CODE_BLOCK.sub(" ", stripped[1:]).strip(), codes[0].strip()))
        else:
            block["forms"].append(_verb_form(path, number, stripped))
    close()
    return synsets, blocks


def _code(text: str) -> str | None:
    text = text.strip()
    return None if text == NULL_CODE else text


def _verb_form(path: Path, number: int, line: str) -> VerbForm:
    codes = CODE_BLOCK.findall(line)
    text, brace, rest = CODE_BLOCK.sub(" ", line).partition("{")
    if not text.strip() or len(codes) > 1 or (brace and "}" not in rest):
        raise DictionaryError(str(path), number, f"bad verb line: {line!r}")
    words = phrase_words(text)
    at = _verb_at(words)
    verb = words[at].lstrip("+")
    irregular = [(w := phrase_words(item))[_verb_at(w)].lstrip("+") for item in rest.partition("}")[0].split()]
    written = [verb, *irregular] if brace else regular_forms(verb)
    code = _code(codes[0]) if codes else None
    return VerbForm(verb, tuple(words[:at]), tuple(words[at + 1 :]), code, number, tuple(w.lower() for w in written))


def _verb_at(words: list[str]) -> int:
    """Where the verb is in a form's words: the one marked `+`, else the first."""
    return next((i for i, w in enumerate(words) if w.startswith("+")), 0)


def regular_forms(verb: str) -> list[str]:
    """The forms PETRARCH writes out for a verb given without `{...}`: itself, +S, +ED (+D after E), +ING
    (the E dropped); nothing else ("departes" is no form of DEPART)."""
    stem = verb[:-1] if verb.upper().endswith("E") else verb
    return [verb, verb + "S", stem + "ED", stem + "ING"]


# -- from PETRARCH entries to our knowledge ---------------------------------------------------


def name_variants(name: str) -> list[str]:
    """How a dictionary name (upper case, `_` between words) is written in news: "ARNOR" -> Arnor, ARNOR."""
    words = phrase_words(name)
    forms = [
        " ".join(w.capitalize() for w in words),
        " ".join(w.title() for w in words),
        " ".join(words),
        " ".join(w.lower() if w.lower() in STOP_WORDS else w.capitalize() for w in words),
        # "THE_AU": a short word stays in capitals as an acronym, after a capitalised article ("The AU")
        " ".join(w.capitalize() if i == 0 or len(w) > 3 else w for i, w in enumerate(words)),
    ]
    return list(dict.fromkeys(f for f in forms if f))


@dataclass
class _Actors:
    countries: dict[str, list[str]] = field(default_factory=dict)
    bodies: dict[str, list[str]] = field(default_factory=dict)
    groups: dict[str, list[str]] = field(default_factory=dict)
    people: list[Person] = field(default_factory=list)


def import_actors(
    path: Path, notes: PetrarchImport
) -> tuple[tuple[Country, ...], tuple[Igo, ...], tuple[Group, ...], tuple[Person, ...]]:
    """Three-letter codes become countries, longer ones groups of the country their first three
    letters name (else bodies); an actor with dated codes becomes a person with an office per code.
    An actor with several codes is entered under each, as PETRARCH codes an event for each."""
    entries = read_actors(path)
    plain_codes = {p for e in entries for c in e.codes for p in c.code.split("/") if len(p) == 3 and p.isalpha()}
    found = _Actors()
    for entry in entries:
        names = [v for n in entry.names for v in name_variants(n)]
        codes = [c for c in entry.codes if c.code != NULL_CODE]
        if len(codes) < len(entry.codes):
            notes.dropped.append(Note(path.name, entry.line, " ".join(entry.names), "null code [---]: no actor"))
        if not codes:
            continue
        if any(c.start or c.end for c in codes):
            found.people += _people(entry, names, codes)
            continue
        # "[FRO/BIL/SAM]" or several code blocks: the name stands for each, and codes one event per code
        for code in dict.fromkeys(part for c in codes for part in c.code.split("/")):
            if not re.fullmatch(r"[A-Z]{3,}", code):
                notes.dropped.append(Note(path.name, entry.line, " ".join(entry.names), f"code {code} is not letters"))
            elif len(code) == 3:
                found.countries.setdefault(code, []).extend(names)
            elif code[:3] in plain_codes and not code.startswith(("IGO", "NGO")):
                found.groups.setdefault(code, []).extend(names)
            else:
                found.bodies.setdefault(code, []).extend(names)
    # a person's office may name a country the dictionary has no name for ("ORC" in ORCHOB)
    for person in found.people:
        if person.country not in found.countries:
            found.countries[person.country] = [person.country]
    countries = tuple(
        Country(code, "", "", names[0], tuple(dict.fromkeys(names[1:])), (), (), (), (), None, None)
        for code, names in found.countries.items()
    )
    igos = tuple(Igo(code, "IGO", names[0], tuple(dict.fromkeys(names[1:]))) for code, names in found.bodies.items())
    groups = tuple(
        Group(code, code[:3], code[3:], names[0], tuple(dict.fromkeys(names[1:])))
        for code, names in found.groups.items()
    )
    return countries, igos, groups, tuple(found.people)


def _people(entry: ActorEntry, names: list[str], codes: list[DatedCode]) -> list[Person]:
    """One Person per code: the undated code holds from the earliest date, as a default, and
    comes last so that a dated code from the earliest date too ("[HOBCIV <20080120]") wins."""
    ordered = sorted(codes, key=lambda c: c.start is None and c.end is None)
    return [
        Person(
            names[0],
            tuple(dict.fromkeys(names[1:])),
            c.code[:3],
            c.code[3:] or None,
            "actor",
            c.start or EARLIEST,
            c.end,
        )
        for c in ordered
    ]


def import_agents(path: Path, notes: PetrarchImport) -> dict[str, str]:
    agents: dict[str, str] = {}
    """Agents as our agents.tsv words; a prefix agent keeps PETRARCH's `CODE~` (its code goes before the actor's)."""
    for entry in read_agents(path):
        if not entry.code.isalpha():
            notes.dropped.append(
                Note(path.name, entry.line, entry.phrases[0], f"agent code {entry.code} is not letters")
            )
            continue
        if not entry.plurals:
            notes.approximated.append(
                Note(path.name, entry.line, entry.phrases[0], "explicit plurals: regular plural added too")
            )
        for phrase in entry.phrases:
            agents.setdefault(phrase, entry.code + "~" if entry.prefix else entry.code)
    return agents


SYNSET_REF = re.compile(r"&[A-Z0-9]+")


def sequence_text(form: VerbForm, text: str, synsets: dict[str, list[str]]) -> str:
    """A PETRARCH pattern as our sequence pattern (data/README.md): the form's own words joined to
    the verb marker, each synset `&NAME` spelled out as `{member|member}`, lower case."""
    chunk = "_".join([*form.before, "*", *form.after])
    spelled = SYNSET_REF.sub(
        lambda m: "{" + "|".join(" ".join(phrase_words(x)) for x in _synset(m.group(0), synsets)) + "}", text
    )
    return spelled.replace("*", chunk, 1).lower()


def _synset(name: str, synsets: dict[str, list[str]]) -> list[str]:
    members = []
    for member in synsets.get(name.rstrip("_").upper(), []):
        members += _synset(member, synsets) if member.startswith("&") else [member]
    return members


@dataclass
class _Verbs:
    """What import_verbs builds: dependency rules (default codes) and sequence rules, by the block's verb."""

    rules: dict[str, dict[str, VerbPattern]] = field(default_factory=dict)
    sequences: dict[str, list[SequencePattern]] = field(default_factory=dict)
    written: dict[str, tuple[str, ...]] = field(default_factory=dict)  # verb -> the forms it is matched by


def import_verbs(path: Path, notes: PetrarchImport) -> _Verbs:
    """Each verb of a block as the dictionary writes it: the block's (or the form's) code as a rule of the
    verb, and each pattern as a sequence pattern; a form of several words is a sequence pattern itself.
    The verb is matched by the forms the dictionary writes (`written`), not by its lemma, as PETRARCH
    does: `--- LEFT [032:033] ---` is a verb of its own, apart from `--- LEAVE [012] ---`."""
    synsets, blocks = read_verbs(path)
    found = _Verbs()
    for block in blocks:
        if block.ignored:
            reason = f"only the first header code is read, as PETRARCH does: [{'] ['.join(block.ignored)}] ignored"
            _note(notes.approximated, path.name, block.line, block.name, reason)
        for form in block.forms:
            verb = form.verb.lower()
            found.written[verb] = tuple(dict.fromkeys([*found.written.get(verb, ()), *form.written]))
            default = form.code or block.code
            if default and not form.before and not form.after:
                codes = _codes(default, form.line, form.verb, notes)
                if codes:
                    rule_id = f"{form.verb}-{form.line}".lower()
                    rule = VerbPattern(rule_id, codes[0], verb, None, None, frozenset(), "", form.line, codes[1])
                    found.rules.setdefault(verb, {}).setdefault(rule.id, rule)
            elif default:
                _add_sequence(found, path, notes, form, verb, (form.line, "*", default), synsets)
            for pattern in block.patterns:
                _add_sequence(found, path, notes, form, verb, pattern, synsets)
    return found


def _add_sequence(
    found: _Verbs,
    path: Path,
    notes: PetrarchImport,
    form: VerbForm,
    verb: str,
    pattern: tuple[int, str, str],
    synsets: dict[str, list[str]],
) -> None:
    line, text, code = pattern
    if text.count("*") != 1:
        return _note(notes.dropped, path.name, line, text, "no single verb marker *")
    codes = (None, None) if _code(code) is None else _codes(code, line, text, notes)
    if not codes:
        return None
    rule_id = f"{form.verb}-{form.line}-{line}".lower()
    rule = VerbPattern(rule_id, codes[0], verb, None, None, frozenset(), "", line, codes[1]) if codes[0] else None
    written = sequence_text(form, text, synsets)
    before, after = parse_sequence(path.name, line, written)
    found.sequences.setdefault(verb, []).append(SequencePattern(rule_id, rule, before, after, written, line))
    return None


def _note(kind: list[Note], file: str, line: int, text: str, reason: str) -> None:
    note = Note(file, line, text, reason)
    if note not in kind:
        kind.append(note)


def _codes(code: str, line: int, text: str, notes: PetrarchImport) -> tuple[str, str | None] | tuple[()]:
    """(code, the reply of a paired code `032:033`, else None); () for a code that is not an event code."""
    first, _, reply = (c.strip().upper() for c in code.partition(":"))
    bad = [c for c in (first, reply) if c and not EVENT_CODE.fullmatch(c)]
    if bad:
        _note(notes.dropped, "verbs", line, text, f"code {code} is not an event code (digits, maybe a letter)")
        return ()
    return first, reply or None


def extend_cameo(base: dict[str, CameoCode], codes: Iterable[str]) -> dict[str, CameoCode]:
    """The CAMEO table plus the dictionary's own codes: Goldstein 0, the quad class of their root (else 1)."""
    extended = dict(base)
    for code in sorted(set(codes) - set(base)):
        root = base.get(code[:2])
        extended[code] = CameoCode(code, f"PETRARCH dictionary code {code}", 0.0, root.quad if root else 1, None, None)
    return extended


def import_petrarch(verbs: Path, actors: Path, agents: Path, discards: Path, base: Knowledge) -> PetrarchImport:
    """Knowledge from four PETRARCH dictionaries: their actors, agents and verbs replace ours, and
    nothing of our own dictionaries stays (no noun patterns); modality words, speech verbs and the
    like are ours, since PETRARCH has no such files."""
    result = PetrarchImport(knowledge=base)
    countries, igos, groups, people = import_actors(actors, result)
    found = import_verbs(verbs, result)
    patterns = {v: tuple(rs.values()) for v, rs in found.rules.items()}
    sequences = {v: tuple(ps) for v, ps in found.sequences.items()}
    codes = [c for ps in patterns.values() for p in ps for c in (p.code, p.reply) if c]
    codes += [c for ss in sequences.values() for s in ss if s.rule for c in (s.rule.code, s.rule.reply) if c]
    result.knowledge = replace(
        base,
        countries=countries,
        igos=igos,
        groups=groups,
        institutions=(),
        people=people,
        agents=import_agents(agents, result),
        cameo=extend_cameo(base.cameo, codes),
        verbs=patterns,
        verb_forms=verb_forms({**sequences, **patterns}),
        sequences=sequences,
        written_forms=written_forms({v: f for v, f in found.written.items() if v in patterns or v in sequences}),
        nouns={},
        discards=read_discards(discards),
    )
    return result


# -- writing our TSV files ---------------------------------------------------------------------

NOTES_FILE = "petrarch-notes.txt"
TABLES = (
    *("countries.tsv", "igos.tsv", "groups.tsv", "institutions.tsv", "people.tsv", "agents.tsv", "cameo.tsv"),
    *("verbs.tsv", "nouns.tsv", "sequences.tsv", "verb_forms.tsv", "discards.tsv"),
)


def _rows(kb: Knowledge, name: str) -> tuple[tuple[str, ...], list[tuple[object, ...]]]:
    join = "|".join
    header: tuple[str, ...]
    if name == "countries.tsv":
        header = ("iso3", "iso2", "fips", "name", "aliases", "adjectives", "capitals", "seats", "cities", "lat", "lon")
        return header, [(c.iso3, c.iso2, c.fips, c.name, join(c.aliases), "", "", "", "", "", "") for c in kb.countries]
    if name == "igos.tsv":
        return ("code", "group", "name", "aliases"), [(i.code, i.group, i.name, join(i.aliases)) for i in kb.igos]
    if name in {"groups.tsv", "institutions.tsv"}:
        header = ("code", "country", "sector", "name", "aliases")
        listed = kb.groups if name == "groups.tsv" else kb.institutions
        return header, [(g.code, g.country, g.sector, g.name, join(g.aliases)) for g in listed]
    if name == "people.tsv":
        header = ("name", "aliases", "country", "sector", "role", "start", "end")
        return header, [
            (
                p.name,
                join(p.aliases),
                p.country,
                p.sector or "",
                p.role,
                p.start.isoformat(),
                p.end.isoformat() if p.end else "",
            )
            for p in kb.people
        ]
    if name == "agents.tsv":
        sectors: dict[str, list[str]] = {}
        for word, sector in kb.agents.items():
            sectors.setdefault(sector, []).append(word)
        return ("sector", "words"), [(s, join(words)) for s, words in sectors.items()]
    if name == "cameo.tsv":
        header = ("code", "name", "goldstein", "quad", "plover", "mode")
        return header, [(c.code, c.name, c.goldstein, c.quad, c.plover or "", c.mode or "") for c in kb.cameo.values()]
    if name == "verb_forms.tsv":
        by_verb: dict[str, list[str]] = {}
        for form, verb in kb.written_forms.items():
            by_verb.setdefault(verb, []).append(form)
        return ("verb", "forms"), [(verb, join(forms)) for verb, forms in by_verb.items()]
    if name == "discards.tsv":
        return ("scope", "phrase"), [(d.scope, d.phrase) for d in kb.discards]
    if name == "sequences.tsv":
        return ("id", "code", "verb", "pattern"), [
            (s.id, rule_code(s.rule), verb, s.text) for verb, ss in kb.sequences.items() for s in ss
        ]
    patterns = kb.verbs if name == "verbs.tsv" else kb.nouns
    return ("id", "code", "pattern", "example"), [
        (p.id, rule_code(p), pattern_text(p), p.example) for ps in patterns.values() for p in ps
    ]


def rule_code(rule: VerbPattern | None) -> str:
    """A rule's code as our files write it: `CODE`, `CODE:REPLY`, or `---` for a rule that codes nothing."""
    if rule is None:
        return NULL_CODE
    return f"{rule.code}:{rule.reply}" if rule.reply else rule.code


def pattern_text(pattern: VerbPattern) -> str:
    """A pattern as verbs.tsv writes it: `verb prt=x prep=y obj=a|b`."""
    parts = [pattern.verb]
    parts += [f"prt={pattern.particle}"] if pattern.particle else []
    parts += [f"prep={pattern.prep}"] if pattern.prep else []
    parts += [f"obj={'|'.join(sorted(pattern.objects))}"] if pattern.objects else []
    return " ".join(parts)


def write_data_dir(imported: PetrarchImport, out: Path, source: str) -> list[Path]:
    """Write the imported knowledge as our files in `out` (for EVENTWIRE_DATA_DIR), and every
    entry that was dropped or approximated, with its reason, in `petrarch-notes.txt`."""
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for name in TABLES:
        header, rows = _rows(imported.knowledge, name)
        lines = [f"# {name}: imported from PETRARCH dictionaries ({source}) by `eventwire import-petrarch`."]
        lines += ["\t".join(header), *("\t".join(str(x) for x in row) for row in rows)]
        written.append(out / name)
        written[-1].write_text("\n".join(lines) + "\n", encoding="utf-8")
    notes = [
        f"# PETRARCH entries eventwire cannot express: {len(imported.dropped)} dropped, "
        f"{len(imported.approximated)} kept with some words ignored",
        *(f"dropped\t{n}" for n in imported.dropped),
        *(f"approximated\t{n}" for n in imported.approximated),
    ]
    written.append(out / NOTES_FILE)
    written[-1].write_text("\n".join(notes) + "\n", encoding="utf-8")
    return written


def import_to_dir(
    verbs: Path, actors: Path, agents: Path, discards: Path, out: Path
) -> tuple[PetrarchImport, list[Path]]:
    """`eventwire import-petrarch`: read the four dictionaries, write our files to `out`."""
    imported = import_petrarch(verbs, actors, agents, discards, default_knowledge())
    return imported, write_data_dir(imported, out, ", ".join(p.name for p in (verbs, actors, agents, discards)))
