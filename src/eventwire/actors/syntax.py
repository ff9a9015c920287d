"""Where actors sit in a parse: the country a sentence names for a person, places beside a
head, of-objects, qualifiers, and how an actor record is built from an entry or a person.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Span, Token

from ..knowledge import Knowledge, Person
from ..records import Actor
from .mentions import Entry

MODIFIER_DEPS = {"amod", "compound", "poss", "nmod", "npadvmod"}
OF_PREPS = {"of", "from", "in", "throughout"}
PLACE_KINDS = {"country", "adjective", "capital", "seat", "city", "region"}
OBJECT_DEPS = {"dobj", "pobj", "dative", "oprd", "attr"}
# "Arnor-led forces": the actor before a hyphenated participle leads the noun
LEADING_WORDS = {"led"}
# "a group based in Arnor", "workers affiliated with the Arnor Union", "militants loyal to X"
AFFILIATION_WORDS = {"base", "based", "affiliate", "affiliated", "loyal", "allied", "headquartered"}
LOCATIVE_PREPS = {"in", "at"}


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


def bare_reference(token: Token) -> bool:
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
