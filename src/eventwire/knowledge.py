"""Loading the knowledge files under `data/` (their formats: data/README.md).

Each file is read once per process and validated as it loads; a bad line raises a
DictionaryError naming the file and the line, so a user who edits a file finds the
mistake at start-up rather than as silently missing events.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from pathlib import Path

from .discards import Discard, parse_discard
from .errors import DictionaryError
from .sequences import SequencePattern, parse_sequence

DATA_DIR = Path(__file__).parent / "data"
EVENT_CODE = re.compile(r"\d{2,4}[A-Z]?")  # CAMEO's digits; a user's dictionary may add a letter (174K)
PLOVER_TYPES = frozenset(
    ["AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST"]
    + ["ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"]
)


@dataclass(frozen=True)
class Country:
    iso3: str
    iso2: str
    fips: str
    name: str
    aliases: tuple[str, ...]
    adjectives: tuple[str, ...]
    capitals: tuple[str, ...]
    seats: tuple[str, ...]
    cities: tuple[str, ...]
    lat: float | None
    lon: float | None


@dataclass(frozen=True)
class Igo:
    code: str
    group: str
    name: str
    aliases: tuple[str, ...]


@dataclass(frozen=True)
class Group:
    code: str
    country: str
    sector: str
    name: str
    aliases: tuple[str, ...]


@dataclass(frozen=True)
class Person:
    """An office holder: who served which country (or international body) as what, when."""

    name: str
    aliases: tuple[str, ...]
    country: str
    sector: str | None
    role: str
    start: date
    end: date | None

    def serving(self, on: date) -> bool:
        return self.start <= on and (self.end is None or on <= self.end)


@dataclass(frozen=True)
class Region:
    """A region or territory news names as a place ("West Bank", "Jaffna peninsula"), with its country; a
    region of several countries ("Latin America") has none."""

    name: str
    aliases: tuple[str, ...]
    country: str
    lat: float
    lon: float


@dataclass(frozen=True)
class CameoCode:
    code: str
    name: str
    goldstein: float
    quad: int
    plover: str | None
    mode: str | None


NULL_CODE = "---"  # a verb pattern that codes nothing: it stops the verb's more general patterns


@dataclass(frozen=True)
class VerbPattern:
    id: str
    code: str
    verb: str
    particle: str | None
    prep: str | None
    objects: frozenset[str]
    example: str
    line: int
    reply: str | None = None  # a paired code `032:033`: the target's event towards the source
    open_prep: bool = False  # `prep=for?`: no actor there, no object: an event with no target ("called for calm")

    @property
    def specificity(self) -> int:
        return sum(bool(x) for x in (self.particle, self.prep, self.objects))


@dataclass(frozen=True, eq=False)
class Knowledge:
    """All knowledge files, loaded and cross-checked (hashed by identity: loaded once)."""

    countries: tuple[Country, ...]
    igos: tuple[Igo, ...]
    groups: tuple[Group, ...]
    people: tuple[Person, ...]
    agents: dict[str, str]
    cameo: dict[str, CameoCode]
    intent: dict[str, str]
    verbs: dict[str, tuple[VerbPattern, ...]]
    verb_forms: dict[str, str]
    nouns: dict[str, tuple[VerbPattern, ...]]
    speech_verbs: frozenset[str]
    person_offices: frozenset[str]
    chrome_lines: frozenset[str]
    caption_cues: tuple[str, ...]
    modality_words: dict[str, frozenset[str]]
    contexts: dict[str, tuple[str, ...]]
    sequences: dict[str, tuple[SequencePattern, ...]] = field(default_factory=dict)
    regions: tuple[Region, ...] = ()
    discards: tuple[Discard, ...] = ()
    written_forms: dict[str, str] = field(default_factory=dict)  # verb_forms.tsv: a written form -> its verb
    refusal: dict[str, str] = field(default_factory=dict)
    # agent_scopes.tsv: sector -> local, domestic, transnational or unidentified
    agent_scopes: dict[str, str] = field(default_factory=dict)
    home_sectors: frozenset[str] = frozenset()  # agent_scopes.tsv `home`: bare agents of the article's home country
    threat: dict[str, str] = field(default_factory=dict)
    demand: dict[str, str] = field(default_factory=dict)
    preparation: dict[str, str] = field(default_factory=dict)  # intent.tsv: what preparing an act of force is
    institutions: tuple[Group, ...] = ()  # institutions.tsv: named state bodies, state media and parties

    def named_groups(self) -> tuple[Group, ...]:
        """Named groups and named state institutions: both are actors of a country and a sector by name."""
        return (*self.groups, *self.institutions)

    def country(self, iso3: str) -> Country | None:
        return self._by_iso3().get(iso3)

    @cache  # noqa: B019 - Knowledge is loaded once per process and never freed
    def _by_iso3(self) -> dict[str, Country]:
        return {c.iso3: c for c in self.countries}

    @cache  # noqa: B019 - as above
    def iso3_by_iso2(self) -> dict[str, str]:
        return {c.iso2: c.iso3 for c in self.countries}

    @cache  # noqa: B019 - as above
    def iso3_by_name(self) -> dict[str, str]:
        """Country names and aliases, lowercase, to ISO3."""
        return {n.lower(): c.iso3 for c in self.countries for n in (c.name, *c.aliases)}

    @cache  # noqa: B019 - as above
    def igo_groups(self) -> dict[str, str]:
        """International bodies' codes to their family (UNO, EUR, NATO, AFU, IGO)."""
        return {igo.code: igo.group for igo in self.igos}

    @cache  # noqa: B019 - as above
    def context_words(self) -> tuple[dict[str, tuple[str, ...]], tuple[tuple[str, str], ...]]:
        """The contexts' one-word keywords to their contexts, and the keywords of several words with theirs:
        a sentence is then looked up word by word instead of searched once per keyword."""
        single: dict[str, tuple[str, ...]] = {}
        phrases = []
        for name, words in self.contexts.items():
            for word in words:
                if " " in word:
                    phrases.append((word, name))
                else:
                    single[word] = (*single.get(word, ()), name)
        return single, tuple(phrases)

    def event_code(self, code: str) -> CameoCode:
        return self.cameo[code]

    def verb_key(self, lemma: str, form: str) -> str:
        """The verb a word is a form of: where verb_forms.tsv lists forms (an imported PETRARCH
        dictionary), only a listed form is a verb; else its lemma, or the lemma its regular
        inflection comes from ("staged" -> stage) when the tagger's lemma has no pattern."""
        if self.written_forms:
            return self.written_forms.get(form, "")
        return lemma if lemma in self.verbs or lemma in self.sequences else self.verb_forms.get(form, "")

    def patterns_for(self, lemma: str, form: str) -> tuple[VerbPattern, ...]:
        return self.verbs.get(self.verb_key(lemma, form), ())

    def sequences_for(self, lemma: str, form: str) -> tuple[SequencePattern, ...]:
        return self.sequences.get(self.verb_key(lemma, form), ())


def read_table(path: Path, columns: tuple[str, ...]) -> Iterator[tuple[int, dict[str, str]]]:
    """Yield (line number, row) for each record of a TAB-separated knowledge file."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise DictionaryError(str(path), None, f"cannot read: {exc}") from exc
    header_seen = False
    for number, line in enumerate(lines, start=1):
        if not line.strip() or line.startswith("#"):
            continue
        fields = line.split("\t")
        if not header_seen:
            if tuple(f.strip() for f in fields) != columns:
                raise DictionaryError(str(path), number, f"header must be {' '.join(columns)!r}, found {line!r}")
            header_seen = True
            continue
        if len(fields) < len(columns):
            fields += [""] * (len(columns) - len(fields))
        if len(fields) != len(columns):
            raise DictionaryError(
                str(path), number, f"expected {len(columns)} TAB-separated fields, found {len(fields)}"
            )
        yield number, {c: f.strip() for c, f in zip(columns, fields, strict=True)}
    if not header_seen:
        raise DictionaryError(str(path), None, "no header line")


def split_list(field: str) -> tuple[str, ...]:
    return tuple(x.strip() for x in field.split("|") if x.strip())


def _float_or_none(path: Path, number: int, value: str) -> float | None:
    if not value:
        return None
    try:
        return float(value)
    except ValueError as exc:
        raise DictionaryError(str(path), number, f"not a number: {value!r}") from exc


def load_countries(path: Path) -> tuple[Country, ...]:
    cols = ("iso3", "iso2", "fips", "name", "aliases", "adjectives", "capitals", "seats", "cities", "lat", "lon")
    countries = []
    for number, row in read_table(path, cols):
        if len(row["iso3"]) != 3 or not row["name"]:
            raise DictionaryError(str(path), number, "iso3 must be 3 letters and name non-empty")
        countries.append(
            Country(
                iso3=row["iso3"],
                iso2=row["iso2"],
                fips=row["fips"],
                name=row["name"],
                aliases=split_list(row["aliases"]),
                adjectives=split_list(row["adjectives"]),
                capitals=split_list(row["capitals"]),
                seats=split_list(row["seats"]),
                cities=split_list(row["cities"]),
                lat=_float_or_none(path, number, row["lat"]),
                lon=_float_or_none(path, number, row["lon"]),
            )
        )
    return tuple(countries)


def load_igos(path: Path) -> tuple[Igo, ...]:
    igos = []
    for number, row in read_table(path, ("code", "group", "name", "aliases")):
        if row["group"] not in {"UNO", "EUR", "NATO", "AFU", "IGO"}:
            raise DictionaryError(str(path), number, f"unknown group {row['group']!r}")
        igos.append(Igo(row["code"], row["group"], row["name"], split_list(row["aliases"])))
    return tuple(igos)


def load_groups(path: Path, countries: tuple[Country, ...], sectors: Iterable[str] | None = None) -> tuple[Group, ...]:
    """groups.tsv or institutions.tsv; with `sectors`, each row's sector must be one of them (agents.tsv's)."""
    known = {c.iso3 for c in countries}
    allowed = None if sectors is None else set(sectors)
    groups = []
    for number, row in read_table(path, ("code", "country", "sector", "name", "aliases")):
        if row["country"] not in known:
            raise DictionaryError(str(path), number, f"unknown country {row['country']!r}")
        if row["code"] != row["country"] + row["sector"]:
            raise DictionaryError(str(path), number, "code must be country followed by sector")
        if allowed is not None and row["sector"] not in allowed:
            raise DictionaryError(str(path), number, f"sector {row['sector']!r} is no agents.tsv sector")
        groups.append(Group(row["code"], row["country"], row["sector"], row["name"], split_list(row["aliases"])))
    return tuple(groups)


def _date(path: Path, number: int, value: str) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError as exc:
        raise DictionaryError(str(path), number, f"not a YYYY-MM-DD date: {value!r}") from exc


def load_regions(path: Path) -> tuple[Region, ...]:
    """Regions as places; their country is not checked against countries.tsv, which a PETRARCH
    import may replace with other codes."""
    regions = []
    for number, row in read_table(path, ("name", "aliases", "country", "lat", "lon")):
        lat, lon = _float_or_none(path, number, row["lat"]), _float_or_none(path, number, row["lon"])
        country = "" if row["country"] == "-" else row["country"]
        if (
            not row["name"]
            or not (len(country) == 3 and country.isupper() or row["country"] == "-")
            or lat is None
            or lon is None
        ):
            raise DictionaryError(str(path), number, "needs a name, a 3-letter country code or -, lat and lon")
        if not (-90 <= lat <= 90 and -180 <= lon <= 180):
            raise DictionaryError(str(path), number, f"lat/lon out of range: {lat}, {lon}")
        regions.append(Region(row["name"], split_list(row["aliases"]), country, lat, lon))
    return tuple(regions)


def load_people(path: Path, countries: tuple[Country, ...], igos: tuple[Igo, ...]) -> tuple[Person, ...]:
    known = {c.iso3 for c in countries} | {i.code for i in igos}
    people = []
    for number, row in read_table(path, ("name", "aliases", "country", "sector", "role", "start", "end")):
        if row["country"] not in known:
            raise DictionaryError(str(path), number, f"unknown country or body {row['country']!r}")
        start, end = _date(path, number, row["start"]), _date(path, number, row["end"])
        if start is None or (end is not None and end < start):
            raise DictionaryError(str(path), number, "start must be a date, and end empty or not before it")
        people.append(
            Person(
                row["name"],
                split_list(row["aliases"]),
                row["country"],
                row["sector"] or None,
                row["role"].lower(),
                start,
                end,
            )
        )
    return tuple(people)


def load_agents(path: Path) -> dict[str, str]:
    """Agent words -> sector; a sector written `NGO~` (PETRARCH's prefix agent) goes before the actor's code."""
    agents: dict[str, str] = {}
    for number, row in read_table(path, ("sector", "words")):
        sector = row["sector"].removesuffix("~")
        if not sector.isalpha() or not sector.isupper():
            raise DictionaryError(str(path), number, f"sector must be an upper-case code: {row['sector']!r}")
        for word in split_list(row["words"]):
            agents.setdefault(word.lower(), row["sector"])
    return agents


AGENT_SCOPES = ("local", "domestic", "transnational", "unidentified")


def load_agent_scopes(path: Path) -> tuple[dict[str, str], frozenset[str]]:
    """Sector -> where an agent of that sector named without a country belongs, and the sectors whose bare
    agents take the article's home country (agent_scopes.tsv)."""
    scopes: dict[str, str] = {}
    home: set[str] = set()
    for number, row in read_table(path, ("sector", "scope", "home")):
        if not row["sector"].isalpha() or not row["sector"].isupper() or row["scope"] not in (*AGENT_SCOPES, "-"):
            raise DictionaryError(str(path), number, f"need an upper-case sector and a scope in {AGENT_SCOPES} or -")
        if row["home"] not in {"home", ""}:
            raise DictionaryError(str(path), number, f"home must be 'home' or empty, found {row['home']!r}")
        if row["scope"] != "-":
            scopes[row["sector"]] = row["scope"]
        if row["home"]:
            home.add(row["sector"])
    return scopes, frozenset(home)


def load_cameo(path: Path) -> dict[str, CameoCode]:
    codes: dict[str, CameoCode] = {}
    for number, row in read_table(path, ("code", "name", "goldstein", "quad", "plover", "mode")):
        code = row["code"]
        if not EVENT_CODE.fullmatch(code):
            raise DictionaryError(str(path), number, f"bad CAMEO code {code!r}")
        if row["plover"] and row["plover"] not in PLOVER_TYPES:
            raise DictionaryError(str(path), number, f"unknown PLOVER type {row['plover']!r}")
        goldstein = _float_or_none(path, number, row["goldstein"])
        if goldstein is None or not -10 <= goldstein <= 10 or row["quad"] not in "1234":
            raise DictionaryError(str(path), number, "goldstein must be in -10..10 and quad 1..4")
        codes[code] = CameoCode(
            code, row["name"], goldstein, int(row["quad"]), row["plover"] or None, row["mode"] or None
        )
    return codes


INTENT_COLUMNS = ("root", "code", "refusal", "threat", "demand", "preparation")


def load_intent(path: Path, cameo: dict[str, CameoCode]) -> dict[str, dict[str, str]]:
    """Per column of intent.tsv (code, refusal, threat, demand, preparation): the code it gives each root with one."""
    tables: dict[str, dict[str, str]] = {column: {} for column in INTENT_COLUMNS[1:]}
    for number, row in read_table(path, INTENT_COLUMNS):
        for column, table in tables.items():
            if row[column] and row[column] not in cameo:
                raise DictionaryError(str(path), number, f"unknown CAMEO code {row[column]!r}")
            if row[column]:
                table[row["root"]] = row[column]
    return tables


def parse_pattern(path: Path, number: int, text: str) -> tuple[str, dict[str, str]]:
    verb, *constraints = text.split()
    found = {}
    for constraint in constraints:
        key, _, value = constraint.partition("=")
        if key not in {"prt", "prep", "obj"} or not value:
            raise DictionaryError(str(path), number, f"bad constraint {constraint!r} (use prt=, prep=, obj=)")
        found[key] = value.lower()
    return verb.lower(), found


def load_verbs(path: Path, cameo: dict[str, CameoCode]) -> dict[str, tuple[VerbPattern, ...]]:
    """Verb patterns (verbs.tsv), or noun patterns (nouns.tsv: the same format, a noun lemma first)."""
    by_verb: dict[str, list[VerbPattern]] = {}
    seen: set[str] = set()
    for number, row in read_table(path, ("id", "code", "pattern", "example")):
        code, reply = paired_code(path, number, row["code"], cameo)
        if code is None and not any(c.startswith(("obj=", "prt=")) for c in row["pattern"].split()):
            # PETRARCH's null code: "fight obj=crisis" stops the verb's general pattern, so it must be narrower
            raise DictionaryError(str(path), number, "a `---` pattern needs obj= or prt=")
        if row["id"] in seen:
            raise DictionaryError(str(path), number, f"duplicate rule id {row['id']!r}")
        seen.add(row["id"])
        if not row["pattern"]:
            raise DictionaryError(str(path), number, "empty pattern")
        verb, c = parse_pattern(path, number, row["pattern"])
        pattern = VerbPattern(
            id=row["id"],
            code=code or NULL_CODE,
            verb=verb,
            particle=c.get("prt"),
            prep=c.get("prep", "").removesuffix("?") or None,
            objects=frozenset(split_list(c.get("obj", ""))),
            example=row["example"],
            line=number,
            reply=reply,
            open_prep=c.get("prep", "").endswith("?"),
        )
        by_verb.setdefault(verb, []).append(pattern)
    return {v: tuple(sorted(ps, key=lambda p: -p.specificity)) for v, ps in by_verb.items()}


def paired_code(path: Path, number: int, text: str, cameo: dict[str, CameoCode]) -> tuple[str | None, str | None]:
    """`CODE`, or `CODE:REPLY` (the target's event towards the source), each in cameo.tsv; `---` codes nothing."""
    codes = [c.strip() for c in text.split(":")]
    if text.strip() == "---":
        return None, None
    if len(codes) > 2 or any(c not in cameo for c in codes):
        raise DictionaryError(str(path), number, f"unknown CAMEO code {text!r}")
    return codes[0], codes[1] if len(codes) == 2 else None


def load_sequences(path: Path, cameo: dict[str, CameoCode]) -> dict[str, tuple[SequencePattern, ...]]:
    """Sequence patterns (sequences.tsv), by verb lemma, in file order; no file means none."""
    if not path.is_file():
        return {}
    by_verb: dict[str, list[SequencePattern]] = {}
    seen: set[str] = set()
    for number, row in read_table(path, ("id", "code", "verb", "pattern")):
        if row["id"] in seen or not row["verb"]:
            raise DictionaryError(str(path), number, f"duplicate rule id {row['id']!r} or no verb")
        seen.add(row["id"])
        code, reply = paired_code(path, number, row["code"], cameo)
        before, after = parse_sequence(str(path), number, row["pattern"])
        verb = row["verb"].lower()
        rule = VerbPattern(row["id"], code, verb, None, None, frozenset(), "", number, reply) if code else None
        by_verb.setdefault(verb, []).append(SequencePattern(row["id"], rule, before, after, row["pattern"], number))
    return {v: tuple(ps) for v, ps in by_verb.items()}


def load_discards(path: Path) -> tuple[Discard, ...]:
    """Discard phrases (discards.tsv: `scope`, `phrase`); no file means none."""
    if not path.is_file():
        return ()
    return tuple(parse_discard(str(path), n, r["scope"], r["phrase"]) for n, r in read_table(path, ("scope", "phrase")))


def written_forms(by_verb: dict[str, tuple[str, ...]]) -> dict[str, str]:
    """Written form -> verb, from each verb's forms; a form two verbs share belongs to the first."""
    forms: dict[str, str] = {}
    for verb, written in by_verb.items():
        for form in written:
            forms.setdefault(form.lower(), verb)
    return forms


def load_written_forms(path: Path, verbs: Iterable[str]) -> dict[str, str]:
    """verb_forms.tsv (`verb`, `forms`): the only forms of each verb; no file means verbs are matched by lemma."""
    if not path.is_file():
        return {}
    known = set(verbs)
    by_verb: dict[str, tuple[str, ...]] = {}
    for number, row in read_table(path, ("verb", "forms")):
        verb, forms = row["verb"].lower(), split_list(row["forms"])
        if verb not in known or not forms:
            raise DictionaryError(str(path), number, f"verb {verb!r} needs forms and a pattern in verbs or sequences")
        by_verb[verb] = by_verb.get(verb, ()) + forms
    return written_forms(by_verb)


def inflections(lemma: str) -> set[str]:
    """Regular English inflections of a verb lemma (past, third person, participle)."""
    if lemma.endswith("e"):
        return {lemma + "d", lemma + "s", lemma[:-1] + "ing"}
    if len(lemma) > 2 and lemma.endswith("y") and lemma[-2] not in "aeiou":
        return {lemma[:-1] + "ied", lemma[:-1] + "ies", lemma + "ing"}
    forms = {lemma + "ed", lemma + "ing", lemma + ("es" if lemma.endswith(("s", "sh", "ch", "x", "z")) else "s")}
    if len(lemma) > 2 and lemma[-1] not in "aeiouwxy" and lemma[-2] in "aeiou" and lemma[-3] not in "aeiou":
        forms |= {lemma + lemma[-1] + "ed", lemma + lemma[-1] + "ing"}
    return forms


def verb_forms(lemmas: Iterable[str]) -> dict[str, str]:
    known = dict.fromkeys(lemmas)
    return {form: lemma for lemma in known for form in inflections(lemma) if form not in known}


def load_modality(path: Path) -> dict[str, frozenset[str]]:
    kinds = {"future", "reported", "light", "hypothetical", "negation", "intention", "denial", "condition", "directive"}
    kinds |= {"refusal", "failure", "ultimatum", "obligation", "instrument", "joint", "stative", "performed"}
    kinds |= {"preparation", "reciprocal", "pending", "prospect"}
    words: dict[str, set[str]] = {k: set() for k in kinds}
    for number, row in read_table(path, ("kind", "words")):
        if row["kind"] not in kinds:
            raise DictionaryError(str(path), number, f"unknown kind {row['kind']!r}")
        words[row["kind"]].update(w.lower() for w in split_list(row["words"]))
    # the tagger mislemmatizes some of these verbs ("hopes", "hoping": "hop"); their written forms still count
    words["intention"] |= {form for verb in list(words["intention"]) for form in inflections(verb)}
    return {k: frozenset(v) for k, v in words.items()}


def load_contexts(path: Path) -> dict[str, tuple[str, ...]]:
    contexts: dict[str, tuple[str, ...]] = {}
    for number, row in read_table(path, ("context", "words")):
        if not row["context"].replace("_", "").isalpha() or not row["words"]:
            raise DictionaryError(str(path), number, "context must be a lowercase name and words non-empty")
        contexts[row["context"]] = tuple(w.lower() for w in split_list(row["words"]))
    return contexts


def load_offices(path: Path) -> frozenset[str]:
    """offices.tsv: one person's offices, by the lowercase head noun a description of them ends in."""
    nouns = set()
    for number, row in read_table(path, ("noun",)):
        if not row["noun"].isalpha() or not row["noun"].islower():
            raise DictionaryError(str(path), number, f"noun must be one lowercase word, found {row['noun']!r}")
        nouns.add(row["noun"])
    return frozenset(nouns)


@dataclass(frozen=True)
class DataDirs:
    """Knowledge files from `user` where it has one of that name (EVENTWIRE_DATA_DIR), else the bundled ones."""

    user: Path
    bundled: Path = DATA_DIR

    def __truediv__(self, name: str) -> Path:
        return self.user / name if (self.user / name).is_file() else self.bundled / name


def load_knowledge(data_dir: Path | DataDirs = DATA_DIR) -> Knowledge:
    """Load and cross-check every knowledge file in `data_dir`."""
    cameo = load_cameo(data_dir / "cameo.tsv")
    verbs = load_verbs(data_dir / "verbs.tsv", cameo)
    sequences = load_sequences(data_dir / "sequences.tsv", cameo)
    nouns = load_verbs(data_dir / "nouns.tsv", cameo)
    boiler = list(read_table(data_dir / "boilerplate.tsv", ("kind", "text")))
    countries = load_countries(data_dir / "countries.tsv")
    igos = load_igos(data_dir / "igos.tsv")
    stances = load_intent(data_dir / "intent.tsv", cameo)
    scopes, home_sectors = load_agent_scopes(data_dir / "agent_scopes.tsv")
    agents = load_agents(data_dir / "agents.tsv")
    return Knowledge(
        countries=countries,
        igos=igos,
        groups=load_groups(data_dir / "groups.tsv", countries),
        institutions=load_groups(data_dir / "institutions.tsv", countries, agents.values()),
        people=load_people(data_dir / "people.tsv", countries, igos),
        agents=agents,
        agent_scopes=scopes,
        home_sectors=home_sectors,
        cameo=cameo,
        intent=stances["code"],
        verbs=verbs,
        verb_forms=verb_forms({**sequences, **verbs}),
        nouns=nouns,
        speech_verbs=frozenset(r["verb"].lower() for _, r in read_table(data_dir / "speech.tsv", ("verb",))),
        person_offices=load_offices(data_dir / "offices.tsv"),
        chrome_lines=frozenset(r["text"].lower() for _, r in boiler if r["kind"] == "chrome"),
        caption_cues=tuple(r["text"].lower() for _, r in boiler if r["kind"] == "caption"),
        modality_words=load_modality(data_dir / "modality.tsv"),
        contexts=load_contexts(data_dir / "contexts.tsv"),
        sequences=sequences,
        regions=load_regions(data_dir / "regions.tsv"),
        discards=load_discards(data_dir / "discards.tsv"),
        written_forms=load_written_forms(data_dir / "verb_forms.tsv", {*verbs, *sequences}),
        refusal=stances["refusal"],
        threat=stances["threat"],
        demand=stances["demand"],
        preparation=stances["preparation"],
    )


@cache
def default_knowledge() -> Knowledge:
    """The bundled knowledge, loaded once per process."""
    return load_knowledge()
