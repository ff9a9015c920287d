"""From mentions to coded actors: countries, their agents, international bodies, people.

Names come from the knowledge files: countries by name, alias, adjective and demonym;
capitals and seats of power as their governments ("Beijing", "the Kremlin"); bodies
such as the UN Security Council; agents ("police", "Foreign Ministry") combined with
the country that qualifies them. People are learned from the article itself: the
title before a name ("Russian President Vladimir Putin") or an apposition after it
("Ramesh Thakur, director of ... Australian National University") gives their
country and sector, and a later "Putin", "Geng", "he" or "the spokesman" resolves to
them for the rest of the document.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from datetime import date

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Span, Token
from spacy.util import filter_spans

from .knowledge import Knowledge, Person
from .records import Actor
from .settings import CodingOptions

PERSONAL_PRONOUNS = {"he", "she", "him", "her"}
COLLECTIVE_PRONOUNS = {"it", "they", "them"}
FIRST_PERSON = {"we", "i", "us", "me"}
MODIFIER_DEPS = {"amod", "compound", "poss", "nmod", "npadvmod"}
OF_PREPS = {"of", "from", "in", "throughout"}
PLACE_KINDS = {"country", "adjective", "capital", "seat", "city", "region"}
LOCAL_SCOPES = {"local", "domestic"}  # agent_scopes.tsv: agents that act at home
ETHNIC_MARKERS = {"ethnic"}
OBJECT_DEPS = {"dobj", "pobj", "dative", "oprd", "attr"}
NAMED_PLACES = {"country", "adjective", "capital", "seat"}  # names whose code is a country's
NAMED_KINDS = {"country", "capital", "seat", "igo", "group"}
LISTED_DEPS = {"nmod", "compound", "appos"}
# "a member of", "a group of", "tens of thousands of": the noun stands for the actor of its "of" object
PARTITIVES = {
    "member",
    "members",
    "group",
    "tens",
    "some",
    "many",
    "most",
    "one",
    "part",
    "majority",
    "wing",
    "faction",
}
POSSESSIVE_PRONOUNS = {"their": False, "its": False, "his": True, "her": True}  # True: refers to a person
# "his counterpart" is someone else's: the possessor gives no country ("his Sudanese counterpart" is Sudan's)
COUNTERPARTS = {"counterpart", "counterparts"}
# "Arnor-led forces": the actor before a hyphenated participle leads the noun
LEADING_WORDS = {"led"}
# "a group based in Arnor", "workers affiliated with the Arnor Union", "militants loyal to X"
AFFILIATION_WORDS = {"base", "based", "affiliate", "affiliated", "loyal", "allied", "headquartered"}
LOCATIVE_PREPS = {"in", "at"}
PLACE_PREPS = {"in", "at", "near", "to", "into", "across", "outside", "inside"}  # "met in Muscat": no party
# "the two countries", "both sides", "the two men": the two most recent countries or people of the document
PAIR_WORDS = {"two", "both"}
PAIR_NOUNS = dict.fromkeys(("countries", "nations", "sides", "governments", "states", "neighbours", "neighbors"), False)
# "ECOWAS imposed sanctions ... the bloc said": the international body the document named last
BODY_NOUNS = {"bloc", "alliance", "organisation", "organization", "grouping"}
PAIR_NOUNS |= dict.fromkeys(("men", "women", "officials", "leaders", "ministers", "presidents", "envoys"), True)


@dataclass(frozen=True)
class Entry:
    """What a dictionary phrase means; `others` are the further codes of a name listed under several."""

    kind: str  # country, adjective, capital, seat, city, region, area (no actor), igo, group, agent
    code: str  # ISO3 for places, the IGO code, or the sector for agents (`NGO~`: goes before the actor's code)
    name: str
    others: tuple[Entry, ...] = ()

    def each(self) -> tuple[Entry, ...]:
        """This entry and the others its phrase stands for ("the Shire" [FRO/BIL/SAM]: one actor per code)."""
        return (replace(self, others=()), *self.others)


@dataclass(frozen=True)
class Mention:
    """An actor found at a place in a sentence (token offsets in the sentence's Doc)."""

    actor: Actor
    start: int
    end: int
    char_start: int
    char_end: int
    kind: str


@dataclass(frozen=True)
class SentenceActors:
    """The actors each token of a sentence stands for (heads of noun phrases)."""

    by_token: dict[int, tuple[Mention, ...]]
    first_person: frozenset[int]
    modifiers: dict[int, Mention] = field(default_factory=dict)

    def at(self, token: Token) -> tuple[Mention, ...]:
        return self.by_token.get(token.i, ())

    def modifier(self, token: Token) -> Mention | None:
        """The country an adjective names ("Chinese" in "Chinese survey ship"), not an actor by itself."""
        return self.modifiers.get(token.i)


class ActorIndex:
    """Phrase matchers over every name in the knowledge files, built once per pipeline."""

    MIN_SURNAME = 7  # shorter surnames one letter apart are too often other people's

    def __init__(self, kb: Knowledge, nlp: Language) -> None:
        self.kb = kb
        self.names = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.agents = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.entries: dict[int, Entry] = {}
        self.order: dict[int, int] = {}
        for country in kb.countries:
            self._add(nlp, self.names, Entry("country", country.iso3, country.name), [country.name, *country.aliases])
            self._add(nlp, self.names, Entry("adjective", country.iso3, country.name), country.adjectives)
            self._add(nlp, self.names, Entry("capital", country.iso3, country.name), country.capitals)
            self._add(nlp, self.names, Entry("seat", country.iso3, country.name), country.seats)
            self._add(nlp, self.names, Entry("city", country.iso3, country.name), country.cities)
        for region in kb.regions:  # "the government of X province": the province's country, like a city
            holder = kb.country(region.country)
            if holder is not None:
                self._add(nlp, self.names, Entry("region", holder.iso3, holder.name), [region.name, *region.aliases])
            elif not region.country:  # "Latin America" is no America: the longer name hides the country in it
                self._add(nlp, self.names, Entry("area", "", region.name), [region.name, *region.aliases])
        for igo in kb.igos:
            self._add(nlp, self.names, Entry("igo", igo.code, igo.name), [igo.name, *igo.aliases])
        for group in kb.named_groups():
            self._add(nlp, self.names, Entry("group", group.code, group.name), [group.name, *group.aliases])
        for word, sector in kb.agents.items():
            self._add(nlp, self.agents, Entry("agent", sector, word), [word])
        self.people: dict[str, list[Person]] = {}
        for person in kb.people:
            for alias in {person.name, *person.aliases}:
                self.people.setdefault(alias.lower(), []).append(person)
        for word, sector in list(kb.agents.items()):
            plural = pluralize(word)
            if plural not in kb.agents:
                self._add(nlp, self.agents, Entry("agent", sector, plural), [plural])
        self.proper_words = frozenset(word.lower() for entry_names in self._all_names() for word in entry_names.split())
        self.spellings = Spellings(kb)
        self.places = place_codes(kb)
        self.surnames = NearNames((key for key in self.people if " " not in key), self.MIN_SURNAME)

    def office_holder(self, name: str, on: date | None, respell: bool = False) -> Actor | None:
        """The person of that name (or surname) in people.tsv, coded with their office on the date.

        With a date, the office held that day; when the name held none then but did before, the
        country of the last office with the sector agents.tsv gives the word "former" (CAMEO's
        elites), since news keeps quoting former leaders. With no date (an undated document), the
        most recent office of the one person the name stands for; a name shared by people of
        different countries is left unresolved rather than guessed. With `respell` (a name the tagger
        took for a person), a surname of at least seven letters one letter off a single known
        surname is that surname ("Mitterand").
        """
        words = name.split()
        keys = [name, words[-1]] if words else []
        near = self.surnames.near(words[-1]) if respell and words and len(words[-1]) >= self.MIN_SURNAME else set()
        for key in dict.fromkeys([*keys, *(near if len(near) == 1 else ())]):
            candidates = self.people.get(key.lower(), [])
            if not candidates:
                continue
            if on is None:
                if len({p.name for p in candidates}) > 1 and len({p.country for p in candidates}) > 1:
                    return None
                return person_actor(max(candidates, key=lambda p: p.start))
            serving = [p for p in candidates if p.serving(on)]
            if serving:
                return person_actor(max(serving, key=lambda p: p.start))
            past = [p for p in candidates if p.end is not None and p.end < on and not p.country.startswith("IGO")]
            if past and len({p.country for p in past}) == 1:
                person = max(past, key=lambda p: p.start)
                return person_actor(person, self.kb.agents.get("former"))
            return None
        return None

    def place_code(self, name: str) -> str | None:
        """The country of a dateline's place, however it is cased ("KATHMANDU", "Nepal")."""
        return self.places.get(name.strip().lower())

    def _all_names(self) -> Iterable[str]:
        for c in self.kb.countries:
            yield from (c.name, *c.aliases, *c.adjectives, *c.capitals, *c.seats, *c.cities)
        for igo in self.kb.igos:
            yield from (igo.name, *igo.aliases)
        for group in self.kb.named_groups():
            yield from (group.name, *group.aliases)

    def _add(self, nlp: Language, matcher: PhraseMatcher, entry: Entry, phrases: Iterable[str]) -> None:
        key = f"{entry.kind}:{entry.code}:{entry.name}"
        label = nlp.vocab.strings.add(key)
        self.entries[label] = entry
        self.order.setdefault(label, len(self.order))
        docs = [nlp.make_doc(p) for p in phrases if p]
        if docs:
            matcher.add(key, docs)

    def match(self, span: Span) -> dict[int, tuple[Entry, Span]]:
        """Longest dictionary matches in the span, keyed by the match's last token; a phrase that
        several actor entries list carries them all (`Entry.others`)."""
        found = [Span(span.doc, s, e, label=m) for m, s, e in [*self.names(span), *self.agents(span)]]
        labels: dict[tuple[int, int], list[int]] = {}
        for match in found:
            labels.setdefault((match.start, match.end), []).append(match.label)
        result = {}
        kept = filter_spans(found)
        covered = {i for match in kept for i in range(match.start, match.end)}
        for token in span:
            if token.i in covered or not token.is_title or token.lower_ in self.proper_words:
                continue  # a misspelt name is capitalised (Spellings.entry): others need no lookup
            entry = self.spellings.entry(token)
            if entry is not None:
                result[token.i] = (entry, span.doc[token.i : token.i + 1])
        for match in kept:
            first, *rest = sorted(dict.fromkeys(labels[match.start, match.end]), key=self.order.__getitem__)
            entry = self.entries[first]
            if entry.kind == "area":
                continue
            others = tuple(self.entries[label] for label in rest if self.entries[label].kind == entry.kind)
            start = match.start + 1 if match[0].lower_ == "the" else match.start
            # a name is found at its head: "the Bank of Japan" acts where "Bank" stands, not "Japan"
            name = span.doc[start : match.end]
            key = name.root.i if entry.kind != "agent" and name.root.pos_ in {"NOUN", "PROPN"} else match.end - 1
            result[key] = (replace(entry, others=others), name)
        return result


class NearNames:
    """Known names one letter off a written word: one letter dropped, added or swapped with its neighbour, the
    first and last letters untouched. A changed letter does not count: one-letter changes of names are other
    names ("Roland", "Greene", "Franco")."""

    def __init__(self, names: Iterable[str], min_length: int) -> None:
        self.names = {n.lower() for n in names if n.isalpha() and len(n) >= min_length - 1}
        self.shortened: dict[str, set[str]] = {}
        for name in self.names:
            for cut in inner_deletions(name):
                self.shortened.setdefault(cut, set()).add(name)

    def near(self, word: str) -> set[str]:
        word = word.lower()
        found = set(self.shortened.get(word, set()))
        return found | {v for v in [*inner_deletions(word), *inner_swaps(word)] if v in self.names}


class Spellings:
    """Country names misspelt by one letter in wire copy ("Ethopia", "Quatar", "Isreal"), conservatively.

    A capitalised word of at least six letters that no entry knows and that the tagger does not take for a
    person, nor for part of a longer name ("Paris Saint-Germain"), is a country's name or adjective when it is
    one letter off that name (`NearNames`) and only one country fits. The tagger often takes an unknown
    spelling for an organisation of one word.
    """

    MIN_LENGTH = 6
    ENTITY_TYPES = {"", "GPE", "NORP", "LOC"}

    def __init__(self, kb: Knowledge) -> None:
        self.entries: dict[str, set[Entry]] = {}
        for country in kb.countries:
            for kind, names in (("country", [country.name, *country.aliases]), ("adjective", country.adjectives)):
                for name in names:
                    self.entries.setdefault(name.lower(), set()).add(Entry(kind, country.iso3, country.name))
        self.near = NearNames(self.entries, self.MIN_LENGTH)

    def entry(self, token: Token) -> Entry | None:
        word = token.lower_
        if len(word) < self.MIN_LENGTH or not token.is_alpha or not token.is_title:
            return None
        alone = token.ent_iob_ == "B" and (token.i + 1 == len(token.doc) or token.doc[token.i + 1].ent_iob_ != "I")
        if not (token.ent_type_ in self.ENTITY_TYPES or (token.ent_type_ == "ORG" and alone)) or word in self.entries:
            return None
        found = {e for name in self.near.near(word) for e in self.entries[name]}
        return found.pop() if len({e.code for e in found}) == 1 and len(found) == 1 else None


def place_codes(kb: Knowledge) -> dict[str, str]:
    """Lower-cased country names, capitals and cities -> the country's code; a name two countries share is left out."""
    codes: dict[str, set[str]] = {}
    for c in kb.countries:
        for name in (c.name, *c.aliases, *c.capitals, *c.cities):
            codes.setdefault(name.lower(), set()).add(c.iso3)
    return {name: next(iter(found)) for name, found in codes.items() if len(found) == 1}


def inner_deletions(word: str) -> list[str]:
    """The word with one letter removed, never the first or the last."""
    return [word[:i] + word[i + 1 :] for i in range(1, len(word) - 1)]


def inner_swaps(word: str) -> list[str]:
    """The word with two neighbouring letters swapped, never the first or the last."""
    return [word[:i] + word[i + 1] + word[i] + word[i + 2 :] for i in range(1, len(word) - 2)]


@dataclass
class Title:
    """What a person's title tells: sector and role ("spokesman"), country or international body.

    `qualified` marks a title naming an organisation we do not know ("Houthi spokesman"):
    such a person does not default to the country the article was just talking about.
    """

    sector: str | None = None
    role: str | None = None
    country: str | None = None
    code: str | None = None
    qualified: bool = False
    remembered: str | None = None
    guessed: bool = False

    def read(self, entry: Entry, span: Span, memory: DocumentMemory) -> None:
        if entry.kind == "agent":
            # "Foreign Ministry spokesman": the sector of the body, the role of the last word
            self.sector = self.sector or entry.code
            self.role = span.text.lower()
            self.remembered = self.remembered or memory.body(span.text)
        elif entry.kind in PLACE_KINDS and self.country is None and self.code is None:  # not "UN envoy to X"
            self.country = self.code = entry.code
        elif entry.kind == "igo" and self.code is None:
            self.code = entry.code
        elif entry.kind == "group" and self.code is None:
            self.code, self.country, self.sector = entry.code, entry.code[:3], entry.code[3:]


@dataclass
class DocumentMemory:
    """The people and bodies a document has introduced, for later short references."""

    people: dict[str, Actor] = field(default_factory=dict)
    ambiguous: set[str] = field(default_factory=set)
    roles: dict[str, Actor] = field(default_factory=dict)
    bodies: dict[str, set[str]] = field(default_factory=dict)
    last_person: Actor | None = None
    last_speaker: Actor | None = None  # the person last named as a subject: "he" in subject place is them
    last_country: str | None = None
    last_subject: Actor | None = None
    last_body: Actor | None = None  # the international body last named: "the bloc" refers back to it
    recent_countries: list[str] = field(default_factory=list)  # most recent last, each once
    recent_people: list[Actor] = field(default_factory=list)
    home: str | None = None  # the country the article is about (home.py), for agents named without one

    def note(self, mention: Mention) -> None:
        """Keep the countries and people named, in the order last named, for "the two countries"."""
        code = mention.actor.code or "---"
        if mention.kind in {"igo", "agent"} and mention.actor.country is None and not code.startswith("---"):
            self.last_body = mention.actor  # "the UN", "ECOWAS leaders"
        if mention.kind == "person" and mention.actor.country:
            self.recent_people = [p for p in self.recent_people if p.name != mention.actor.name] + [mention.actor]
        elif mention.kind not in {"pronoun", "pair"} and mention.actor.country:
            country = mention.actor.country
            self.recent_countries = [c for c in self.recent_countries if c != country] + [country]

    def remember(self, actor: Actor, name_tokens: list[str], role: str | None) -> None:
        for alias in {actor.name.lower(), *(t.lower() for t in name_tokens if len(t) > 1)}:
            known = self.people.get(alias)
            if known is not None and known.name != actor.name:
                self.ambiguous.add(alias)
            self.people[alias] = actor
        if role:
            self.roles[role] = actor
        self.last_person = actor

    def body(self, phrase: str) -> str | None:
        """The country of "the Foreign Ministry" when the document named only one such ministry."""
        countries = self.bodies.get(phrase.lower(), set())
        return next(iter(countries)) if len(countries) == 1 else None

    def person(self, name: str) -> Actor | None:
        key = name.lower()
        return None if key in self.ambiguous else self.people.get(key)


def country_actor(kb: Knowledge, entry: Entry, written: str, sector: str | None = None) -> Actor:
    if entry.kind == "igo":
        return Actor(name=entry.name, code=entry.code, country=None, sector=sector)
    if entry.kind == "group":
        return Actor(name=entry.name, code=entry.code, country=entry.code[:3], sector=entry.code[3:])
    if entry.kind in {"capital", "seat"} and sector is None:
        sector = "GOV"
    name = written if entry.kind in {"capital", "seat", "city", "region"} and not sector else entry.name
    actor = Actor(name=name, code=entry.code, country=entry.code)
    return with_sector(actor, sector) if sector else actor


def with_sector(actor: Actor, sector: str) -> Actor:
    """The actor with an agent's sector added, as PETRARCH adds agent codes: after the code, or
    before it for a prefix agent (`NGO~`: "MSF Arnor" is NGOARN), and not again when the code has it."""
    code = actor.code or ""
    bare = sector.removesuffix("~")
    if sector.endswith("~"):
        added = code if code.startswith(bare) else bare + code
    else:
        added = code if bare in code[3:] else code + bare
    if added == code:
        return actor
    return replace(actor, code=added, sector=(actor.sector or "") + bare)


def names_other_country(matches: dict[int, tuple[Entry, Span]], country: str) -> bool:
    """Whether a sentence names a place of a country other than `country`: an unnamed crowd in it may be either's."""
    return any(e.kind in PLACE_KINDS and e.code != country for entry, _ in matches.values() for e in entry.each())


def sentence_country(
    ent: Span, matches: dict[int, tuple[Entry, Span]], persons: dict[int, Span], objects: bool = False
) -> str | None:
    """The one country a sentence names as an actor, for a title with no country ("President X").

    Countries inside an object ("condemned the Norwegian government": likely the target), places
    ("arrived in Vienna": the object of a preposition) and the titles of the sentence's other people
    ("South African leader Y") do not count, unless `objects` says the agent acts on its own country's
    affairs (a domestic agent: "Judge X charged three Bolivian ministers"); two countries are no answer.
    """
    others = {i for p in persons.values() if p != ent for i in range(p.root.left_edge.i, p.end)}
    countries = {
        entry.code
        for head, (entry, span) in matches.items()
        if entry.kind in PLACE_KINDS and head not in others and (objects or not in_object(span.root))
    }
    return next(iter(countries)) if len(countries) == 1 else None


def stray_places(head: Token, matches: dict[int, tuple[Entry, Span]]) -> list[Token]:
    """Places the parser made conjuncts of a noun qualified by a place: in "lawmakers in Fornost and
    Gondor", Gondor hung under "lawmakers" after "in Fornost"; bare names only (no determiner)."""
    places = [
        pobj.i
        for prep in head.children
        if prep.dep_ == "prep" and prep.lower_ in OF_PREPS
        for pobj in prep.children
        if pobj.dep_ == "pobj"
        and matches.get(pobj.i, (None,))[0] is not None
        and matches[pobj.i][0].kind in PLACE_KINDS
    ]
    return [
        c
        for c in head.conjuncts
        if places
        and c.i > min(places)
        and c.i in matches
        and matches[c.i][0].kind in {"country", "capital", "seat"}
        and not any(d.dep_ == "det" for d in c.children)
    ]


def comma_listed(adjective: Token, matches: dict[int, tuple[Entry, Span]]) -> list[Token]:
    """Country adjectives listed with commas before the adjective of an agent, as headlines write "and" ("Thai,
    Cambodian troops"): the parser hangs them elsewhere, but each qualifies the agent as a conjunct would."""
    doc, found = adjective.doc, []
    i = adjective.i
    while _is_adjective(i, matches) and i >= 2 and doc[i - 1].lower_ == "," and _is_adjective(i - 2, matches):
        i -= 2
        found.append(doc[i])
    return found


def _is_adjective(i: int, matches: dict[int, tuple[Entry, Span]]) -> bool:
    return i in matches and matches[i][0].kind == "adjective"


def _bare_reference(token: Token) -> bool:
    """Whether a noun refers back, as "the bloc" or "the regional bloc" do: "the" and plain adjectives only."""
    words = [c for c in token.children if c.i < token.i]
    return any(c.dep_ == "det" and c.lower_ == "the" for c in words) and all(c.dep_ in {"det", "amod"} for c in words)


def of_objects(head: Token, preps: tuple[str, ...] = ("of",)) -> list[Token]:
    """The objects of the noun's "of" (or other `preps`) phrases and their conjuncts ("members of X and Y")."""
    return [
        t
        for prep in head.children
        if prep.dep_ == "prep" and prep.lower_ in preps
        for pobj in prep.children
        if pobj.dep_ == "pobj"
        for t in (pobj, *pobj.conjuncts)
    ]


def qualifier_tokens(head: Token) -> list[Token]:
    """Words that may say whose an agent noun is: its possessor and compounds ("Elessar administration",
    "their forces"), its "of" and "from" objects ("supporters of X", "officials from the two countries"), the
    actor before "-led" ("Arnor-led forces") and the object of an affiliation ("a group based in Bree", "workers
    affiliated with the X Union")."""
    found = [c for c in head.children if c.dep_ in {"poss", "compound", "nmod"}]
    found += of_objects(head, ("of", "from"))
    for child in head.children:
        if child.lower_ in LEADING_WORDS:
            found += [g for g in child.children if g.dep_ in MODIFIER_DEPS]
        if child.dep_ in {"acl", "amod"} and (child.lower_ in AFFILIATION_WORDS or child.lemma_ in AFFILIATION_WORDS):
            found += [o for p in child.children if p.dep_ == "prep" for o in p.children if o.dep_ == "pobj"]
    return found


def action_places(verb: Token) -> list[Token]:
    """The words of the places a clause happens in, in reading order: "in Bree", "at a jail in Bree", and
    "in Bree" after its object ("blocked streets in Bree")."""
    holders = [verb, *(c for c in verb.children if c.dep_ in {"dobj", "attr"})]
    preps = [p for h in holders for p in h.children if p.dep_ == "prep" and p.lower_ in LOCATIVE_PREPS]
    return [t for p in sorted(preps, key=lambda p: p.i) for t in p.subtree]


def in_object(token: Token) -> bool:
    """Whether the token is inside an object, of a verb or of a preposition."""
    while token.head.i != token.i:
        if token.dep_ in OBJECT_DEPS:
            return True
        token = token.head
    return False


def person_actor(person: Person, sector: str | None = None) -> Actor:
    """A people.tsv entry as an actor: COUNTRY+SECTOR, or the international body's code."""
    if person.country.startswith("IGO"):
        return Actor(person.name, person.country, None, person.sector)
    sector = sector or person.sector
    return Actor(person.name, person.country + (sector or ""), person.country, sector)


def pluralize(word: str) -> str:
    """The regular plural of an agent noun's last word ("foreign minister" -> "foreign ministers")."""
    if word.endswith("man"):
        return word[:-3] + "men"
    if word.endswith("y") and word[-2:-1] not in set("aeiou"):
        return word[:-1] + "ies"
    return word + ("es" if word.endswith(("s", "sh", "ch", "x")) else "s")


class ActorResolver:
    """Resolves the actors of one document, sentence by sentence, in reading order.

    `on` is the document date: a name in people.tsv is coded with the office held then.
    """

    def __init__(
        self, index: ActorIndex, on: date | None = None, options: CodingOptions | None = None, home: str | None = None
    ) -> None:
        self.index = index
        self.options = options or CodingOptions()
        self.kb = index.kb
        self.on = on
        self.memory = DocumentMemory(home=home)
        self.pair_before: list[str] = []

    def sentence(self, span: Span) -> SentenceActors:
        matches = self.index.match(span)
        named = {i for entry, m in matches.values() if entry.kind != "agent" for i in range(m.start, m.end)}
        # the dictionary wins over the tagger: "Kyiv" tagged PERSON is still Ukraine's capital
        persons = {
            ent.start: ent
            for ent in span.ents
            if ent.label_ == "PERSON" and not any(i in named for i in range(ent.start, ent.end))
        }
        by_token: dict[int, tuple[Mention, ...]] = {}
        first_person = set()
        # what the article was talking about before this sentence (not the targets this sentence names)
        talked_about = self.memory.last_country or next(reversed(self.memory.recent_countries), None)
        self.pair_before = self.memory.recent_countries[-2:]  # the two countries "both countries" may still mean
        tokens = list(span)  # made once for both passes
        for token in tokens:
            if token.i in persons:
                self._learn_person(persons[token.i], matches, persons)
            mentions = self._resolve(token, matches, persons)
            if token.lower_ in FIRST_PERSON and not mentions:  # "US" written for the country is no "us"
                first_person.add(token.i)
            if mentions:
                by_token[token.i] = mentions
                if token.dep_ != "pobj" or token.head.lower_ not in PLACE_PREPS:
                    for mention in mentions:
                        self.memory.note(mention)
                if token.dep_ in {"nsubj", "nsubjpass"}:
                    self._note_subject(mentions[0])
        for token in reversed(tokens):
            if not any(
                m.actor.country or not (m.actor.code or "").startswith("---") for m in by_token.get(token.i, ())
            ):
                mentions = self._inherited(token, matches, by_token, persons, talked_about)
                if mentions:
                    by_token[token.i] = mentions
                    if token.dep_ in {"nsubj", "nsubjpass"}:
                        self._note_subject(mentions[0])
        for token in tokens:  # "Militants loyal to X said they ...": a subject the second pass resolved
            # the speaker of the pronoun's own sentence wins over the article's last subject ("Police said they ...")
            earlier = by_token.get(token.i, ())
            if (
                all(m.kind == "pronoun" for m in earlier)
                and token.lower_ in COLLECTIVE_PRONOUNS
                and token.dep_ in {"nsubj", "nsubjpass"}
            ):
                by_name = {i: ms for i, ms in by_token.items() if all(m.kind != "pronoun" for m in ms)}
                actor = self._clause_subject(token, token, by_name if earlier else by_token, personal=False)
                if actor is not None and token.pos_ == "PRON":
                    by_token[token.i] = (self._mention(actor, token.doc[token.i : token.i + 1], "pronoun"),)
            elif token.i not in by_token and token.lower_ == "them" and token.dep_ in OBJECT_DEPS:
                by_token[token.i] = self._plural_antecedent(token, by_token)
        self._learn_bodies(matches, by_token)
        modifiers = {
            i: self._mention(country_actor(self.kb, entry, span.text), span, "adjective")
            for i, (entry, span) in matches.items()
            if entry.kind == "adjective" and i not in by_token
        }
        return SentenceActors(by_token, frozenset(first_person), modifiers)

    def _note_subject(self, mention: Mention) -> None:
        """What the article is talking about now: "it" and "they" refer back to it."""
        if mention.kind in {"pronoun", "pair"}:
            return
        if mention.kind == "person":
            self.memory.last_speaker = mention.actor
        if mention.actor.country:
            self.memory.last_country = mention.actor.country
        if mention.kind in {"country", "capital", "seat", "igo", "group", "agent"}:
            self.memory.last_subject = mention.actor

    def _learn_bodies(self, matches: dict[int, tuple[Entry, Span]], by_token: dict[int, tuple[Mention, ...]]) -> None:
        for head_i, (entry, span) in matches.items():
            head = span.doc[head_i]
            if entry.kind == "agent" and any(c.lower_ in LEADING_WORDS for c in head.children):
                # "the Arnor-led coalition": a later "the coalition" or "coalition spokesman" is Arnor's
                led = {m.actor.country for m in by_token.get(head_i, ()) if m.actor.country}
                self.memory.bodies.setdefault(span.text.lower(), set()).update(led)
            elif entry.kind == "agent":
                country = self._country_of(span.doc[head_i], matches)
                if country and country.kind != "igo" and len(span) > 1:
                    self.memory.bodies.setdefault(span.text.lower(), set()).add(country.code)

    def _learn_person(self, ent: Span, matches: dict[int, tuple[Entry, Span]], persons: dict[int, Span]) -> None:
        """Remember a named person with the country and sector their title or apposition gives."""
        name = ent.text.removesuffix("'s").removesuffix("’s").strip()
        title = self._read_title(ent, matches, persons)
        known = self.memory.person(name)
        if known is not None and title.sector is None and title.code is None:
            self.memory.last_person = known
            return
        if known is None and (title.code is None or title.guessed):
            # "President X" with no country in sight: whose president people.tsv says X was then
            holder = self.index.office_holder(name, self.on, respell=True)
            if holder is not None:
                self.memory.remember(holder, [name, *name.split(), *holder.name.split()], None)
                return
        sector, code, country = title.sector, title.code, title.country
        if known is not None:
            sector, country = sector or known.sector, country or known.country
            code = code or (known.code if known.country is None else None)
            name = known.name if len(known.name) > len(name) else name
        if country:
            code = country + (sector or "")
        actor = Actor(name=name, code=code, country=country, sector=sector)
        self.memory.remember(actor, name.split(), title.role)

    def _read_title(self, ent: Span, matches: dict[int, tuple[Entry, Span]], persons: dict[int, Span]) -> Title:
        """What the words around a name say: "Russian President ...", "..., the spokesman of Y"."""
        head = ent.root
        before = [t for t in ent.doc[head.left_edge.i : ent.start] if t.dep_ not in {"det", "punct"}]
        if head.dep_ == "appos" and head.head.i < head.i:
            governor = head.head
            before += [t for t in ent.doc[governor.left_edge.i : governor.i + 1] if t.dep_ not in {"det", "punct"}]
        after = [t for c in head.children if c.dep_ == "appos" for t in c.subtree]
        after += [t for c in head.children if c.dep_ == "prep" and c.lower_ == "of" for t in c.subtree]
        covered = {i for _, span in matches.values() for i in range(span.start, span.end)}
        title = Title()
        for tokens, is_apposition in ((before, False), (after, True)):
            for t in tokens:
                if t.i in matches:
                    title.read(*matches[t.i], self.memory)
                elif (t.pos_ == "PROPN" and t.i not in covered) or (is_apposition and t.dep_ == "prep"):
                    title.qualified = True
        if title.code is None and title.sector:
            # "Foreign Ministry spokeswoman X": the one country the sentence names, else the
            # country the article is talking about right now, else the one whose ministry it named before
            fallback = None if title.qualified else sentence_country(ent, matches, persons) or self.memory.last_country
            if fallback is None and not title.qualified and self.kb.agent_scopes.get(title.sector) == "domestic":
                fallback = sentence_country(ent, matches, persons, objects=True)  # "Judge X charged Bolivian ministers"
            title.country = title.code = fallback or title.remembered
            title.guessed = fallback is not None
        return title

    def _resolve(
        self, token: Token, matches: dict[int, tuple[Entry, Span]], persons: dict[int, Span]
    ) -> tuple[Mention, ...]:
        if token.lower_ in COLLECTIVE_PRONOUNS and token.pos_ == "PRON" and token.dep_ in {"nsubj", "nsubjpass"}:
            subject = self.memory.last_subject
            return (self._mention(subject, token.doc[token.i : token.i + 1], "pronoun"),) if subject else ()
        if token.lower_ in PERSONAL_PRONOUNS and token.pos_ == "PRON":
            # "He said talks with President X went well. He praised ...": a subject "he" continues the subject
            is_subject = token.dep_ in {"nsubj", "nsubjpass"}
            person = (self.memory.last_speaker if is_subject else None) or self.memory.last_person
            return (self._mention(person, token.doc[token.i : token.i + 1], "pronoun"),) if person else ()
        if token.pos_ not in {"PROPN", "NOUN", "X"}:
            return ()
        if token.lower_ in BODY_NOUNS and self.memory.last_body and token.i not in matches and _bare_reference(token):
            return (self._mention(self.memory.last_body, token.doc[token.left_edge.i : token.i + 1], "pronoun"),)
        if token.lower_ in PAIR_NOUNS and any(c.lower_ in PAIR_WORDS for c in token.children) and not of_objects(token):
            return self._pair(token, matches)
        ent = next((e for s, e in persons.items() if s <= token.i < e.end), None) if persons else None
        if ent is not None:
            if token != ent.root:
                return ()
            name = ent.text.removesuffix("'s").removesuffix("’s").strip()
            person = self.memory.person(name) or self.memory.person(ent.root.text)
            if person:
                self.memory.last_person = person
                return (self._mention(person, ent, "person"),)
            return ()
        person = self.memory.person(token.text) if token.is_title else None
        if person is None and token.pos_ == "PROPN" and token.i not in matches:
            person = self.index.office_holder(token.text, self.on)
            if person is not None:
                self.memory.remember(person, person.name.split(), None)
        if person and token.i not in matches:
            self.memory.last_person = person
            return (self._mention(person, token.doc[token.i : token.i + 1], "person"),)
        if token.i not in matches:
            return self._named_body(token, matches)
        entry, span = matches[token.i]
        if entry.kind == "agent":
            return self._agent(token, entry, span, matches)
        if entry.kind == "adjective" and token.dep_ in MODIFIER_DEPS:
            return ()
        if entry.kind == "adjective":
            entry = self._residence(token, entry, matches)
        if self._shares_place_of(token, matches):
            return ()
        return (*self._named(token, entry, span, matches), *self._listed(token, matches))

    def _inherited(
        self,
        token: Token,
        matches: dict[int, tuple[Entry, Span]],
        by_token: dict[int, tuple[Mention, ...]],
        persons: dict[int, Span],
        talked_about: str | None = None,
    ) -> tuple[Mention, ...]:
        """Actors a noun takes once the rest of its sentence is resolved (what it takes from often comes
        after it): "a member of the Arnor parliament" and "a group of Bree diplomats" are the actors of their
        "of" object; an agent noun with no country takes it from a resolved person or actor that qualifies it
        ("the Elessar administration", "supporters of former President X", "their forces", "workers affiliated
        with the Arnor Union", "the main rebel group, the Shire Front"), else, by agent_scopes.tsv, from the
        place a crowd acts in ("Thousands of people marched in Bree") or, for a capitalised name of a body
        no country qualifies, the sector alone as a transnational actor ("the World Water Forum": NGO). A name
        the tagger did not take for a person is the actor its apposition names ("Ogawa, the UN envoy")."""
        if token.pos_ == "PROPN" and token.i not in matches and token.ent_type_ != "PERSON":
            for child in (c for c in token.children if c.dep_ == "appos" and c.i in by_token):
                named = [m for m in by_token[child.i] if m.kind not in {"person", "pronoun", "pair"}]
                if named:
                    name = token.doc[token.left_edge.i if token.left_edge.dep_ == "compound" else token.i : token.i + 1]
                    return (self._mention(replace(named[0].actor, name=name.text), name, "person"),)
        if token.lower_ in PARTITIVES:
            for pobj in of_objects(token):
                if pobj.i in by_token:
                    return tuple(self._mention(m.actor, token.doc[token.i : m.end], m.kind) for m in by_token[pobj.i])
        entry = matches.get(token.i, (None,))[0]
        if entry is None or entry.kind != "agent":
            return ()
        span = matches[token.i][1]
        for child in (c for c in token.children if c.dep_ == "appos"):
            # "the main rebel group, the Shire Front"; "the prime minister, Elessar": the named one is the actor
            named = [m for t in child.subtree for m in by_token.get(t.i, ()) if m.kind in {"group", "igo", "person"}]
            if named:
                return (self._mention(named[0].actor, token.doc[span.start : token.i + 1], named[0].kind),)
        sector = self._agent_sector(token, entry, matches)
        for qualifier in qualifier_tokens(token):
            if token.lower_ in COUNTERPARTS and qualifier.dep_ == "poss":
                continue
            actor = self._antecedent(qualifier, by_token) if qualifier.lower_ in POSSESSIVE_PRONOUNS else None
            found = [actor] if actor else [m.actor for m in by_token.get(qualifier.i, ())]
            countries = list(dict.fromkeys(a.country for a in found if a.country))
            if countries:
                return tuple(
                    self._mention(self._country_agent(country, sector), token.doc[span.start : token.i + 1], "agent")
                    for country in countries
                )
        scope = self.kb.agent_scopes.get(sector.removesuffix("~"))
        home = self._home(token, sector, matches, by_token)
        if scope in LOCAL_SCOPES and token.dep_ in {"nsubj", "nsubjpass"}:
            places = [matches[t.i] for t in action_places(token.head) if t.i in matches]
            place = next((p for p in places if p[0].kind in PLACE_KINDS), None)
            if place is not None:
                actor = country_actor(self.kb, place[0], place[1].text, sector)
                return (self._mention(actor, token.doc[span.start : token.i + 1], "agent"),)
        if home is not None:
            return (self._mention(self._country_agent(home, sector), token.doc[span.start : token.i + 1], "agent"),)
        if scope in LOCAL_SCOPES and token.dep_ in {"nsubj", "nsubjpass"}:
            if talked_about and not names_other_country(matches, talked_about):
                # "the militants attacked a village" in a story about one country: that country's; not where
                # the sentence names another ("villagers on both sides threw stones", "militants joined X's forces")
                actor = self._country_agent(talked_about, sector)
                return (self._mention(actor, token.doc[span.start : token.i + 1], "agent"),)
            domestic = "domestic" in {scope, self.kb.agent_scopes.get(entry.code)}  # "the fundamentalist party"
            home = sentence_country(span, matches, persons, objects=True) if domestic else None
            if home and not talked_about:
                # "the Liberty party will boycott Peru's elections": a party acts on its own country's affairs
                return (self._mention(self._country_agent(home, sector), token.doc[span.start : token.i + 1], "agent"),)
        if scope == "transnational" and token.is_title and span[0].is_title:
            name = token.doc[token.left_edge.i : token.i + 1]
            name = name[1:] if name[0].dep_ == "det" else name
            return (self._mention(Actor(name.text, sector, None, sector), name, "agent"),)
        return ()

    def _home(
        self,
        token: Token,
        sector: str,
        matches: dict[int, tuple[Entry, Span]],
        by_token: dict[int, tuple[Mention, ...]],
    ) -> str | None:
        """The article's home country for a bare agent of a `home` sector (agent_scopes.tsv) that acts as a
        subject or a passive's "by" object ("the government said", "killed by security forces"), unless the
        sentence names a place or a person of another country, which may be the agent's owner (a group such as
        "the Islamic State" is no government's)."""
        home = self.memory.home
        acts = token.dep_ in {"nsubj", "nsubjpass"} or (token.dep_ == "pobj" and token.head.dep_ == "agent")
        if home is None or not acts or sector.removesuffix("~") not in self.kb.home_sectors:
            return None
        others = {m.actor.country for ms in by_token.values() for m in ms if m.kind == "person"} - {home, None}
        return None if others or names_other_country(matches, home) else home

    def _pair(self, token: Token, matches: dict[int, tuple[Entry, Span]]) -> tuple[Mention, ...]:
        """ "The two countries", "both sides" (not "both sides of the border"): the two countries the document
        named last, or, short of two, the next named in the sentence; "the two men", "both ministers": the two
        people it named last, each once."""
        span = token.doc[token.left_edge.i : token.i + 1]
        if PAIR_NOUNS[token.lower_]:
            actors = self.memory.recent_people[-2:]
        else:
            entry = matches.get(token.i, (None,))[0]
            sector = entry.code if entry is not None and entry.kind == "agent" else ""
            newcomer = self._subject_country(token, matches)
            recent = [c for c in self.memory.recent_countries if c != newcomer or c in self.pair_before]
            codes = recent[-2:]
            if len(codes) < 2:  # "The two sides have been exchanging fire since Pakistani jets bombed ...": named after
                later = [e.code for i, (e, _) in sorted(matches.items()) if i > token.i and e.kind in NAMED_PLACES]
                codes = list(dict.fromkeys([*codes, *later]))[:2]
            actors = [self._country_agent(code, sector) for code in codes]
        return tuple(self._mention(actor, span, "pair") for actor in actors) if len(actors) == 2 else ()

    def _plural_antecedent(self, pronoun: Token, by_token: dict[int, tuple[Mention, ...]]) -> tuple[Mention, ...]:
        """Who an object "them" is: the last actors of two or more countries named together before it in the
        sentence ("spoke with officials of both countries, urging them to ...", "met X and Y and urged them")."""
        span = pronoun.doc[pronoun.i : pronoun.i + 1]
        for token in reversed(pronoun.doc[pronoun.sent.start : pronoun.i]):
            group = [m for t in (token, *token.conjuncts) for m in by_token.get(t.i, ()) if m.actor.country]
            if len({m.actor.country for m in group}) > 1 and token.dep_ != "conj":
                return tuple(self._mention(m.actor, span, "pronoun") for m in group)
        return ()

    def _subject_country(self, token: Token, matches: dict[int, tuple[Entry, Span]]) -> str | None:
        """The one country the subject of the clause around a pair names ("Turkey's minister urged both countries"):
        a country named only now is a third party, not one of the pair."""
        for clause in token.ancestors:
            subject = next((c for c in clause.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
            if subject is None:
                continue
            if token in subject.subtree or subject.conjuncts:
                return None
            entry = matches.get(subject.i, (None,))[0]
            entry = entry if entry is not None and entry.kind != "agent" else self._country_of(subject, matches)
            return entry.code if entry is not None and entry.kind in PLACE_KINDS else None
        return None

    def _country_agent(self, code: str, sector: str) -> Actor:
        country = self.kb.country(code)
        return with_sector(Actor(country.name if country else code, code, code), sector)

    def _antecedent(self, pronoun: Token, by_token: dict[int, tuple[Mention, ...]]) -> Actor | None:
        """Who "their", "its", "his" or "her" refers to: the subject of an enclosing clause of the sentence
        ("Bree rebels said their forces withdrew"), else the subject or person the article last named."""
        personal = POSSESSIVE_PRONOUNS[pronoun.lower_]
        actor = self._clause_subject(pronoun, pronoun.head, by_token, personal)
        if actor is not None:
            return actor
        return self.memory.last_person if personal else self.memory.last_subject

    @staticmethod
    def _clause_subject(
        pronoun: Token, owner: Token, by_token: dict[int, tuple[Mention, ...]], personal: bool
    ) -> Actor | None:
        """The resolved subject (a person or not, as the pronoun is) of a clause enclosing the pronoun's owner."""
        for clause in owner.ancestors:
            for subject in (c for c in clause.children if c.dep_ in {"nsubj", "nsubjpass"} and c.i != owner.i):
                for mention in by_token.get(subject.i, ()):
                    if (mention.kind == "person") == personal and subject.i != pronoun.i:
                        return mention.actor
        return None

    def _named(self, token: Token, entry: Entry, span: Span, matches: dict[int, tuple[Entry, Span]]) -> list[Mention]:
        """A named actor with the agents of its own noun phrase ("Prime Minister" before a name the
        actor dictionary lists, a prefix agent before a country), one mention per code of the name."""
        titles = self._agents_on(token, matches)
        widened = token.doc[min([span.start, *(s.start for _, s in titles)]) : span.end]
        mentions = []
        for each in entry.each():
            actor = self._titled(self._branch(country_actor(self.kb, each, span.text), token, matches), span, matches)
            mentions.append(self._mention(actor, widened if titles else span, each.kind))
        return mentions

    def _titled(self, actor: Actor, span: Span, matches: dict[int, tuple[Entry, Span]]) -> Actor:
        """A country qualifying an agent with the agents of its own ("an MSF Arnor diplomat": NGOARNGOV)."""
        if actor.country is None:
            return actor
        for agent, _ in self._agents_on(span.root, matches):
            actor = with_sector(actor, agent.code)
        return actor

    def _branch(self, actor: Actor, head: Token, matches: dict[int, tuple[Entry, Span]]) -> Actor:
        """A group named with a country's possessive is its branch in that country: "Yemen's al-Qaeda" is
        Yemen's rebels wherever groups.tsv bases the group."""
        if actor.country is None or actor.sector is None:
            return actor
        for child in (c for c in head.children if c.dep_ == "poss" and c.i in matches):
            entry = matches[child.i][0]
            if entry.kind in {"country", "capital", "adjective"} and entry.code != actor.country:
                return replace(actor, code=entry.code + actor.sector, country=entry.code)
        return actor

    def _agents_on(self, head: Token, matches: dict[int, tuple[Entry, Span]]) -> list[tuple[Entry, Span]]:
        """Agent nouns that qualify a name as compounds ("Bree Prime Minister X", "MSF Arnor"); adjectives
        ("former Yugoslavia") and possessors do not."""
        found = []
        for token in head.doc[head.left_edge.i : head.i]:
            entry = matches.get(token.i, (None, None))[0]
            if entry is None or entry.kind != "agent" or token.pos_ not in {"NOUN", "PROPN"}:
                continue
            link = token
            while link.dep_ in {"compound", "nmod"} and link.head.i != head.i and link.head.i < head.i:
                link = link.head
            if link.dep_ in {"compound", "nmod"} and link.head.i == head.i:
                found.append(matches[token.i])
        return found

    def _listed(self, head: Token, matches: dict[int, tuple[Entry, Span]]) -> list[Mention]:
        """Actors listed with this one that the parser hung under it: "Fornost and the old Gondor" with
        Fornost as a modifier of Gondor, "Mordor, the Shire, Fornost and Bree" with an apposition; the
        modifier or apposition must have a conjunction of its own to count as a list."""
        mentions = []
        for child in head.children:
            if child.dep_ not in LISTED_DEPS or matches.get(child.i, (None,))[0] is None:
                continue
            listed = [child, *child.conjuncts]
            if not any(c.dep_ == "cc" for t in listed for c in t.children):
                continue
            for t in listed:
                if t.i in matches and matches[t.i][0].kind in NAMED_KINDS:
                    entry, span = matches[t.i]
                    mentions += self._named(t, entry, span, matches)
        return mentions

    @staticmethod
    def _shares_place_of(token: Token, matches: dict[int, tuple[Entry, Span]]) -> bool:
        """Whether a place is the parser's conjunct of an agent qualified by a place ("lawmakers in
        Fornost and Gondor" with Gondor hung under "lawmakers"): the agent stands for it."""
        return token.dep_ == "conj" and token in stray_places(token.head, matches)

    def _residence(self, token: Token, entry: Entry, matches: dict[int, tuple[Entry, Span]]) -> Entry:
        """Where a people named by its demonym lives: "Bosnian Serbs" are Bosnia's, and "ethnic Albanians"
        (a minority) belong to the country the sentence places them in ("in Serbia"), else the first other
        country it names; otherwise the demonym's own country."""
        qualifiers = [
            e for e, _ in self._countries_of(token, matches) if e.kind in PLACE_KINDS and e.code != entry.code
        ]
        if qualifiers:
            return qualifiers[0]
        if not any(c.lower_ in ETHNIC_MARKERS for c in token.children):
            return entry
        others = [e for i, (e, _) in sorted(matches.items()) if e.kind in PLACE_KINDS and e.code != entry.code]
        return others[0] if others else entry

    def _named_body(self, token: Token, matches: dict[int, tuple[Entry, Span]]) -> tuple[Mention, ...]:
        """A noun named by what qualifies it: a body or group ("the APEC forum", "Hamas fighters"), an
        agent ("Israeli army bulldozers": the army), or, for a capitalised people's name we do not know,
        a country adjective ("Iraqi Kurds")."""
        for child in token.children:
            if child.dep_ not in {"compound", "nmod", "amod"} or child.i not in matches:
                continue
            entry, span = matches[child.i]
            widened = token.doc[span.start : token.i + 1]
            if entry.kind in {"igo", "group"} and child.dep_ != "amod":
                actor = self._branch(country_actor(self.kb, entry, span.text), token, matches)
                return (self._mention(actor, widened, entry.kind),)
            if entry.kind == "agent":
                found = self._agent(child, entry, span, matches, qualified=token)
                return tuple(
                    replace(
                        m,
                        end=token.i + 1,
                        char_end=m.char_end
                        + token.idx
                        + len(token)
                        - token.doc[m.end - 1].idx
                        - len(token.doc[m.end - 1]),
                    )
                    for m in found
                )
            if entry.kind == "adjective" and token.is_title and token.i > token.sent.start:
                return (self._mention(country_actor(self.kb, entry, widened.text), widened, "adjective"),)
        return ()

    def _agent(
        self,
        token: Token,
        entry: Entry,
        span: Span,
        matches: dict[int, tuple[Entry, Span]],
        qualified: Token | None = None,
    ) -> tuple[Mention, ...]:
        """An agent noun as actors, one per country qualifying it (or the noun `qualified` it modifies)."""
        countries = self._countries_of(token, matches) or (self._countries_of(qualified, matches) if qualified else [])
        if not countries and token.dep_ == "conj" and matches.get(token.head.i, (None,))[0] is not None:
            # "lawmakers and officials in Gondor": the place qualifies every agent of the list, and so does
            # the country before the first when the next has no words of its own ("Danish media and government")
            bare = all(c.dep_ in {"cc", "punct", "conj"} for c in token.children)
            countries = self._countries_of(token.head, matches, places_only=not bare)
        sector = self._agent_sector(token, entry, matches)
        named = token.pos_ == "PROPN" and any(c.kind == "adjective" for c, _ in countries)
        if named and len(countries) > 1 and self.kb.agent_scopes.get(sector.removesuffix("~")) in LOCAL_SCOPES:
            # "the American University of Beirut": a local body's name with a place is where it is, not whose
            placed = [(c, s) for c, s in countries if c.kind in PLACE_KINDS - {"adjective"} and s.root.dep_ == "pobj"]
            countries = placed or countries
        if countries:
            return tuple(
                self._mention(
                    self._titled(country_actor(self.kb, c, s.text, None if c.kind == "igo" else sector), s, matches),
                    token.doc[min(s.start, span.start) : max(s.end, span.end)],
                    "agent",
                )
                for c, s in countries
            )
        phrase = span.text.lower()
        code = self.memory.body(phrase)
        if code:
            country = self.kb.country(code)
            name = country.name if country else code
            return (self._mention(Actor(name, code + entry.code, code, entry.code), span, "agent"),)
        determiners = [c for c in token.children if c.dep_ == "det"]
        if determiners and determiners[0].lower_ == "the" and phrase in self.memory.roles:
            person = self.memory.roles[phrase]
            return (self._mention(person, token.doc[determiners[0].i : token.i + 1], "role"),)
        if self.options.null_actors:
            return (self._mention(Actor(span.text, "---" + entry.code, None, entry.code), span, "agent"),)
        return ()

    @staticmethod
    def _agent_sector(token: Token, entry: Entry, matches: dict[int, tuple[Entry, Span]]) -> str:
        """ "rebel leaders", "army officers": the qualifying agent says more than the generic head."""
        return next(
            (
                matches[c.i][0].code
                for c in token.children
                if c.dep_ in {"compound", "amod"} and c.i in matches and matches[c.i][0].kind == "agent"
            ),
            entry.code,
        )

    def _country_of(self, head: Token, matches: dict[int, tuple[Entry, Span]]) -> Entry | None:
        found = self._countries_of(head, matches)
        return found[0][0] if found else None

    def _countries_of(
        self, head: Token, matches: dict[int, tuple[Entry, Span]], places_only: bool = False
    ) -> list[tuple[Entry, Span]]:
        """Countries or bodies qualifying an agent noun: "Chinese police", "leaders of Japan and Korea";
        with `places_only`, only those after a preposition ("in Fornost"), which a conjunct shares."""
        found: list[tuple[Entry, Span]] = []
        candidates = [] if places_only else [c for c in head.children if c.dep_ in MODIFIER_DEPS]
        # "Kenya Teachers Association": a country compounded into the name's own compound qualifies it too
        candidates += [
            t
            for t in head.doc[head.left_edge.i : head.i]
            if t.dep_ in MODIFIER_DEPS
            and (t.head.i in matches or (t.head.dep_ == "compound" and t.head.head.i == head.i))
            and not places_only
        ]
        # "Houthi negotiators in Muscat": a place after "in" is only where an agent already qualified is
        named = any(c.i in matches and matches[c.i][0].kind != "agent" for c in candidates)
        candidates += stray_places(head, matches)
        if not places_only:
            candidates += [t for t in qualifier_tokens(head) if t.dep_ != "poss" or t.lower_ not in POSSESSIVE_PRONOUNS]
        preps = OF_PREPS - {"in"} if named else OF_PREPS
        for prep in (c for c in head.children if c.dep_ == "prep" and c.lower_ in preps):
            for pobj in (c for c in prep.children if c.dep_ == "pobj"):
                candidates += [pobj, *(c for c in pobj.conjuncts)]
                # "doctors from two American aid groups", "inhabitants of the Syrian Golan Heights"
                if pobj.i in matches and matches[pobj.i][0].kind == "agent":
                    found += self._countries_of(pobj, matches)
                candidates += [c for c in pobj.children if c.dep_ in {"amod", "compound"}]
        candidates += [t for c in candidates for t in comma_listed(c, matches)]
        # "a spokesman for Iran's foreign ministry": the body an agent works for; not "the envoy for Syria"
        bodies = [] if places_only else [o for o in of_objects(head, ("for",)) if o.i in matches]
        found += [f for o in bodies if matches[o.i][0].kind == "agent" for f in self._countries_of(o, matches)]
        candidates += [c for candidate in candidates for c in candidate.conjuncts]
        seen = {span.root.i for _, span in found}
        for candidate in candidates:
            if candidate.i in matches and candidate.i not in seen:
                entry, span = matches[candidate.i]
                if entry.kind in {"country", "adjective", "capital", "seat", "region", "igo", "group"}:
                    seen.add(candidate.i)
                    found += [(each, span) for each in entry.each()]
        return found

    @staticmethod
    def _mention(actor: Actor, span: Span, kind: str) -> Mention:
        sent_start = span.sent.start_char if span.doc.has_annotation("SENT_START") else 0
        return Mention(actor, span.start, span.end, span.start_char - sent_start, span.end_char - sent_start, kind)
