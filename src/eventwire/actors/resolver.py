"""From the mentions of one sentence to coded actors, with what the document taught so far."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from spacy.tokens import Span, Token

from ..records import Actor
from ..settings import CodingOptions
from .index import ActorIndex
from .memory import DocumentMemory, Title
from .mentions import Entry, Mention, SentenceActors
from .syntax import (
    LEADING_WORDS,
    MODIFIER_DEPS,
    OBJECT_DEPS,
    OF_PREPS,
    PLACE_KINDS,
    action_places,
    bare_reference,
    comma_listed,
    country_actor,
    names_other_country,
    of_objects,
    qualifier_tokens,
    sentence_country,
    stray_places,
    with_sector,
)

PERSONAL_PRONOUNS = {"he", "she", "him", "her"}
COLLECTIVE_PRONOUNS = {"it", "they", "them"}
FIRST_PERSON = {"we", "i", "us", "me"}
LOCAL_SCOPES = {"local", "domestic"}  # agent_scopes.tsv: agents that act at home
ETHNIC_MARKERS = {"ethnic"}
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
PLACE_PREPS = {"in", "at", "near", "to", "into", "across", "outside", "inside"}  # "met in Muscat": no party
# "the two countries", "both sides", "the two men": the two most recent countries or people of the document
PAIR_WORDS = {"two", "both"}
PAIR_NOUNS = dict.fromkeys(("countries", "nations", "sides", "governments", "states", "neighbours", "neighbors"), False)
# "ECOWAS imposed sanctions ... the bloc said": the international body the document named last
BODY_NOUNS = {"bloc", "alliance", "organisation", "organization", "grouping"}
PAIR_NOUNS |= dict.fromkeys(("men", "women", "officials", "leaders", "ministers", "presidents", "envoys"), True)


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

    def sentence(self, span: Span, matches: dict[int, tuple[Entry, Span]] | None = None) -> SentenceActors:
        """The actors of one sentence; `matches`: its dictionary matches, when the caller already has them."""
        matches = self.index.match(span) if matches is None else matches
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
        if token.lower_ in BODY_NOUNS and self.memory.last_body and token.i not in matches and bare_reference(token):
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
