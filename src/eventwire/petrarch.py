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
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path

from spacy.lang.en.stop_words import STOP_WORDS

from .errors import DictionaryError
from .knowledge import CameoCode, Country, Group, Igo, Knowledge, Person, VerbPattern, default_knowledge, verb_forms
from .nlp import load_model

CODE_BLOCK = re.compile(r"\[([^\]]*)\]")
COMMENT = re.compile(r"<!.*?-->", re.S)
VERB_HEADER = re.compile(r"^---\s+(.+?)(?:\s+---)?\s*$")  # "--- TROUBLED [---] # NOUN ---" loses its end
DATED_CODE = re.compile(r"^([^\s<>]+)\s*(?:([<>])\s*(\d{6}|\d{8})|(\d{6}|\d{8})\s*-\s*(\d{6}|\d{8}))?$")
EARLIEST = date(1, 1, 1)
NULL_CODE = "---"
Lemmatizer = Callable[[str], str]


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
    """A verb of a block: the verb word, words before and after it, and its own code if any."""

    verb: str
    before: tuple[str, ...]
    after: tuple[str, ...]
    code: str | None
    line: int


@dataclass(frozen=True)
class VerbBlock:
    name: str
    code: str | None
    forms: tuple[VerbForm, ...]
    patterns: tuple[tuple[int, str, str], ...]  # (line, pattern text, code)
    line: int


@dataclass
class PetrarchImport:
    """What the import produced, and what it could not express (counted, with reasons)."""

    knowledge: Knowledge
    discards: dict[str, str]
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


def read_discards(path: Path) -> dict[str, str]:
    """Discard phrases (lowercase) -> "story" (a `+` line) or "sentence"."""
    return {
        " ".join(phrase_words(line.strip().lstrip("+"))).lower(): "story"
        if line.strip().startswith("+")
        else "sentence"
        for _, line in dictionary_lines(path)
    }


def read_verbs(path: Path) -> tuple[dict[str, list[str]], list[VerbBlock]]:
    """Synsets (`&NAME` and `+MEMBER` lines) and verb blocks (`--- VERB [CODE] ---`, forms, patterns)."""
    synsets: dict[str, list[str]] = {}
    blocks: list[VerbBlock] = []
    synset: list[str] | None = None
    block: dict | None = None

    def close() -> None:
        if block is not None:
            blocks.append(
                VerbBlock(block["name"], block["code"], tuple(block["forms"]), tuple(block["patterns"]), block["line"])
            )

    for number, line in dictionary_lines(path):
        stripped = line.strip()
        header = VERB_HEADER.match(stripped)
        if header:
            close()
            codes = CODE_BLOCK.findall(header.group(1))
            name = CODE_BLOCK.sub(" ", header.group(1)).strip()
            if not codes or not name:
                raise DictionaryError(str(path), number, f"a verb block needs a verb and a [code]: {stripped!r}")
            block, synset = {"name": name, "code": _code(codes[0]), "forms": [], "patterns": [], "line": number}, None
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
    text = CODE_BLOCK.sub(" ", line).partition("{")[0].strip()
    if not text or len(codes) > 1:
        raise DictionaryError(str(path), number, f"bad verb line: {line!r}")
    words = phrase_words(text)
    marked = [i for i, w in enumerate(words) if w.startswith("+")]
    at = marked[0] if marked else 0
    verb = words[at].lstrip("+")
    return VerbForm(verb, tuple(words[:at]), tuple(words[at + 1 :]), _code(codes[0]) if codes else None, number)


# -- from PETRARCH entries to our knowledge ---------------------------------------------------


def name_variants(name: str) -> list[str]:
    """How a dictionary name (upper case, `_` between words) is written in news: "ARNOR" -> Arnor, ARNOR."""
    words = phrase_words(name)
    forms = [
        " ".join(w.capitalize() for w in words),
        " ".join(w.title() for w in words),
        " ".join(words),
        " ".join(w.lower() if w.lower() in STOP_WORDS else w.capitalize() for w in words),
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
    letters name (else bodies); an actor with dated codes becomes a person with an office per code."""
    entries = read_actors(path)
    plain_codes = {c.code for e in entries for c in e.codes if len(c.code) == 3 and c.code.isalpha()}
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
        codes_of = codes[0].code.split("/")
        if len(codes) > 1 or len(codes_of) > 1:
            notes.approximated.append(
                Note(path.name, entry.line, " ".join(entry.names), f"several codes: only {codes_of[0]} is kept")
            )
        code = codes_of[0]
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
    for entry in read_agents(path):
        if entry.prefix:
            notes.dropped.append(Note(path.name, entry.line, entry.phrases[0], f"prefix agent [{entry.code}~]"))
            continue
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
            agents.setdefault(phrase, entry.code)
    return agents


@dataclass(frozen=True)
class _Pattern:
    """A pattern in our terms: particle, preposition of the target, direct object lemmas."""

    particle: str | None = None
    prep: str | None = None
    objects: frozenset[str] = frozenset()


def translate_pattern(text: str, synsets: dict[str, list[str]]) -> tuple[list[_Pattern], str | None, str | None]:
    """(our patterns, reason it cannot be expressed, what was ignored) for a pattern like `* DIPLOMATIC TIES`."""
    tokens = phrase_words(text.replace("*", " * "))
    if tokens.count("*") != 1:
        return [], "no single verb marker *", None
    at = tokens.index("*")
    before, after = [t for t in tokens[:at] if t != "$"], [t for t in tokens[at + 1 :] if t != "^"]
    if before:
        return [], f"words before the verb ({' '.join(tokens[:at])})", None
    if any(t in {"$", "%"} for t in after):
        return [], "source or compound actor after the verb", None
    ignored = [t for t in tokens[at + 1 :] if t == "^"]
    target_prep = None
    if "+" in after:
        i = after.index("+")
        target_prep = after[i - 1].lower() if i > 0 and after[i - 1].lower() in STOP_WORDS else None
        ignored += after[i + 1 :]
        after = after[: i - 1] if target_prep else after[:i]
        if not target_prep and i > 0:
            return [], "target marker + after a content word", None
    words = [w.lower() for w in after]
    if any(w.startswith("&") for w in words[:-1]) or (words and words[-1].startswith("&") and len(words) > 1):
        return [], "synset inside a phrase", None
    if words and words[-1].startswith("&"):
        members = _synset(words[-1].upper(), synsets)
        heads = {phrase_words(m)[-1].lower() for m in members}
        if any(len(phrase_words(m)) > 1 for m in members):
            ignored.append("modifiers of multiword synset members")
        return [_Pattern(prep=target_prep, objects=frozenset(heads))], None, " ".join(ignored) or None
    stops = [w in STOP_WORDS for w in words]
    if not words:
        return [_Pattern(prep=target_prep)], None, " ".join(ignored) or None
    if stops == [True]:
        if target_prep:
            return [_Pattern(particle=words[0], prep=target_prep)], None, " ".join(ignored) or None
        return [_Pattern(particle=words[0]), _Pattern(prep=words[0])], None, " ".join(ignored) or None
    if stops[0] and not any(stops[1:]):
        ignored += words[1:]
        return (
            [_Pattern(prep=words[0]), _Pattern(particle=words[0], objects=frozenset([words[-1]]))],
            None,
            " ".join(ignored),
        )
    if not any(stops):
        ignored += words[:-1]
        return [_Pattern(prep=target_prep, objects=frozenset([words[-1]]))], None, " ".join(ignored) or None
    return [], "a phrase our patterns cannot express", None


def _synset(name: str, synsets: dict[str, list[str]]) -> list[str]:
    members = []
    for member in synsets.get(name.rstrip("_"), []):
        members += _synset(member.upper(), synsets) if member.startswith("&") else [member]
    return members


def import_verbs(path: Path, lemma: Lemmatizer, notes: PetrarchImport) -> dict[str, tuple[VerbPattern, ...]]:
    """Each verb of a block, by its lemma, with the block's default code and its patterns."""
    synsets, blocks = read_verbs(path)
    by_verb: dict[str, dict[tuple[str | None, str | None, frozenset[str]], VerbPattern]] = {}
    noted: set[int] = set()

    def note(kind: list[Note], line: int, text: str, reason: str) -> None:
        if line not in noted:
            noted.add(line)
            kind.append(Note(path.name, line, text, reason))

    def add(form: VerbForm, line: int, text: str, code: str, pattern: _Pattern, verb: str) -> None:
        if not code.isdigit() or len(code) not in (2, 3, 4):
            return note(notes.dropped, line, text, f"code {code} is not a 2-4 digit code")
        key = (pattern.particle, pattern.prep, pattern.objects)
        patterns = by_verb.setdefault(verb, {})
        if key in patterns:
            if patterns[key].code != code:
                note(notes.dropped, line, text, f"same constraints as rule {patterns[key].id} of {verb!r}")
            return
        rule = f"{form.verb}-{line}".lower() + (
            f"-{len(patterns)}" if any(p.line == line for p in patterns.values()) else ""
        )
        patterns[key] = VerbPattern(rule, code, verb, pattern.particle, pattern.prep, pattern.objects, "", line)

    for block in blocks:
        for form in block.forms:
            if form.before or len(form.after) > 1:
                note(
                    notes.dropped,
                    form.line,
                    " ".join([*form.before, form.verb, *form.after]),
                    "words before the verb or more than one after it",
                )
                continue
            particle = form.after[0].lower() if form.after else None
            verb = lemma(form.verb)
            default = form.code or block.code
            if default:
                add(
                    form,
                    form.line,
                    form.verb,
                    _first_code(default, form.line, form.verb, notes),
                    _Pattern(particle),
                    verb,
                )
            for line, text, code in block.patterns:
                translated, reason, ignored = translate_pattern(text, synsets)
                if reason:
                    note(notes.dropped, line, text, reason)
                    continue
                if _code(code) is None:
                    note(notes.dropped, line, text, "a [---] pattern (codes nothing) cannot be expressed")
                    continue
                if ignored:
                    note(notes.approximated, line, text, f"ignored: {ignored}")
                for pattern in translated:
                    if pattern.particle and particle:
                        continue
                    add(
                        form,
                        line,
                        text,
                        _first_code(code, line, text, notes),
                        replace(pattern, particle=pattern.particle or particle),
                        verb,
                    )
    return {v: tuple(sorted(ps.values(), key=lambda p: -p.specificity)) for v, ps in by_verb.items()}


def _first_code(code: str, line: int, text: str, notes: PetrarchImport) -> str:
    """A paired code `032:033` (the target's reply) keeps its first code; the reply is not coded."""
    first, _, reply = code.partition(":")
    if reply:
        key = Note("verbs", line, text, f"paired code {code}: the reverse event {reply} is not coded")
        if key not in notes.approximated:
            notes.approximated.append(key)
    return first.strip()


def extend_cameo(base: dict[str, CameoCode], codes: Iterable[str]) -> dict[str, CameoCode]:
    """The CAMEO table plus the dictionary's own codes: Goldstein 0, the quad class of their root (else 1)."""
    extended = dict(base)
    for code in sorted(set(codes) - set(base)):
        root = base.get(code[:2])
        extended[code] = CameoCode(code, f"PETRARCH dictionary code {code}", 0.0, root.quad if root else 1, None, None)
    return extended


def import_petrarch(
    verbs: Path, actors: Path, agents: Path, discards: Path, base: Knowledge, lemma: Lemmatizer
) -> PetrarchImport:
    """Knowledge from four PETRARCH dictionaries: their actors, agents and verbs replace ours, and
    nothing of our own dictionaries stays (no noun patterns); modality words, speech verbs and the
    like are ours, since PETRARCH has no such files."""
    result = PetrarchImport(knowledge=base, discards=read_discards(discards))
    countries, igos, groups, people = import_actors(actors, result)
    patterns = import_verbs(verbs, lemma, result)
    result.knowledge = replace(
        base,
        countries=countries,
        igos=igos,
        groups=groups,
        people=people,
        agents=import_agents(agents, result),
        cameo=extend_cameo(base.cameo, (p.code for ps in patterns.values() for p in ps)),
        verbs=patterns,
        verb_forms=verb_forms(patterns),
        nouns={},
    )
    return result


def spacy_lemmatizer(nlp) -> Lemmatizer:  # type: ignore[no-untyped-def]
    """Our patterns are keyed by lemma, PETRARCH's by written form ("SAID"): the model lemmatizes it."""

    def lemma(word: str) -> str:
        doc = nlp(f"They {word.lower()} it.")
        return doc[1].lemma_.lower() if doc[1].pos_ in {"VERB", "AUX"} else word.lower()

    return lemma


# -- writing our TSV files ---------------------------------------------------------------------

NOTES_FILE = "petrarch-notes.txt"
TABLES = ("countries.tsv", "igos.tsv", "groups.tsv", "people.tsv", "agents.tsv", "cameo.tsv", "verbs.tsv", "nouns.tsv")


def _rows(kb: Knowledge, name: str) -> tuple[tuple[str, ...], list[tuple[object, ...]]]:
    join = "|".join
    header: tuple[str, ...]
    if name == "countries.tsv":
        header = ("iso3", "iso2", "fips", "name", "aliases", "adjectives", "capitals", "seats", "cities", "lat", "lon")
        return header, [(c.iso3, c.iso2, c.fips, c.name, join(c.aliases), "", "", "", "", "", "") for c in kb.countries]
    if name == "igos.tsv":
        return ("code", "group", "name", "aliases"), [(i.code, i.group, i.name, join(i.aliases)) for i in kb.igos]
    if name == "groups.tsv":
        header = ("code", "country", "sector", "name", "aliases")
        return header, [(g.code, g.country, g.sector, g.name, join(g.aliases)) for g in kb.groups]
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
    patterns = kb.verbs if name == "verbs.tsv" else kb.nouns
    return ("id", "code", "pattern", "example"), [
        (p.id, p.code, pattern_text(p), p.example) for ps in patterns.values() for p in ps
    ]


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
        f"# {len(imported.discards)} discard phrases read; not applied when coding (eventwire has no discard list)",
    ]
    written.append(out / NOTES_FILE)
    written[-1].write_text("\n".join(notes) + "\n", encoding="utf-8")
    return written


def import_to_dir(
    verbs: Path, actors: Path, agents: Path, discards: Path, out: Path, model: str | None = None
) -> tuple[PetrarchImport, list[Path]]:
    """`eventwire import-petrarch`: read the four dictionaries, write our files to `out`."""
    imported = import_petrarch(
        verbs, actors, agents, discards, default_knowledge(), spacy_lemmatizer(load_model(model))
    )
    return imported, write_data_dir(imported, out, ", ".join(p.name for p in (verbs, actors, agents, discards)))
