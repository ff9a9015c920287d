"""Quotes and reported speech, with their speakers.

Direct quotes are found in the body text by their quote marks (straight or curly,
mixed as scraped pages mix them), across sentence breaks and, by the news convention
of a paragraph that opens a quote without closing it, across paragraphs. The speaker
comes from the frame around the quote: `"...," X said.`, `X said: "..."`, `"...," said X`,
`"...," he said.`, `according to X`; a quote with no frame of its own continues the
previous quote's speaker, as does a quote opening the next paragraph. "X was quoted as saying"
and "as X said" (or "as he put it") frame quotes too, and a "he said" right after "X said ..." is X.
A quote that never closes ends with its paragraph. Short quoted phrases inside a sentence (scare
quotes) are partial quotes of the speech verb that governs them ("said Y had stressed "..."": Y),
else of the sentence's subject. A speaker described by office ("the Russian ambassador said") is the person of that
country or body the document named before. Reported speech ("X said tougher sanctions were senseless") is a quote with
`direct=False` and the content clause as text.
"""

from __future__ import annotations

import itertools
from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass

from spacy.tokens import Token

from .actors import Mention, SentenceActors
from .actors.resolver import PERSONAL_PRONOUNS
from .knowledge import Knowledge
from .nlp import ParsedDocument, ParsedSentence
from .records import Actor, Quote

OPENERS = {"“", "«", "„"}
CLOSERS = {"”", "»"}
STRAIGHT = '"'
Frame = tuple[Actor | None, tuple[int, int] | None, str | None]
Body = list[tuple[ParsedSentence, SentenceActors]]
# a participle or conjoined verb without a subject of its own speaks for its head's ("said X, adding that ...")
INHERITING_DEPS = {"advcl", "conj", "xcomp"}


@dataclass(frozen=True)
class QuoteSpan:
    start: int
    end: int
    paragraph: int
    continues: bool
    leads: bool  # the quote opens its paragraph


def find_quote_spans(paragraphs: tuple[str, ...]) -> list[QuoteSpan]:
    """Character spans (in the joined body text) of the text inside quote marks."""
    spans: list[QuoteSpan] = []
    offset = 0
    carried = False
    for number, paragraph in enumerate(paragraphs):
        open_at: int | None = None
        for i, ch in enumerate(paragraph):
            if ch in OPENERS or (ch == STRAIGHT and open_at is None and _opens(paragraph, i)):
                if open_at is None:
                    open_at = i + 1
            elif (ch in CLOSERS or ch == STRAIGHT) and open_at is not None:
                spans.append(QuoteSpan(offset + open_at, offset + i, number, carried and open_at == 1, open_at == 1))
                carried, open_at = False, None
        if open_at is not None:
            spans.append(
                QuoteSpan(offset + open_at, offset + len(paragraph), number, carried and open_at == 1, open_at == 1)
            )
            nxt = paragraphs[number + 1] if number + 1 < len(paragraphs) else ""
            carried = nxt[:1] in OPENERS or nxt[:1] == STRAIGHT
        offset += len(paragraph) + 2
    return spans


def _opens(text: str, i: int) -> bool:
    return i == 0 or text[i - 1].isspace() or text[i - 1] in "([{—–-"


def find_quotes(parsed: ParsedDocument, actors: list[SentenceActors], kb: Knowledge) -> list[Quote]:
    """Direct quotes with speakers, then reported speech outside them."""
    body = [(p, a) for p, a in zip(parsed.sentences, actors, strict=True) if p.sentence.kind == "body"]
    if not body:
        return []
    starts = [p.sentence.start for p, _ in body]
    text = parsed.document.text
    spans = find_quote_spans(parsed.document.paragraphs)
    partial = [_is_partial(text, qs, body[_sentence_at(starts, qs.start)][0]) for qs in spans]
    frames: list[Frame] = []
    for qs, is_partial in zip(spans, partial, strict=True):
        first, last = _sentence_at(starts, qs.start), _sentence_at(starts, max(qs.end - 1, qs.start))
        if is_partial:
            frames.append(_governing_speaker(body, first, qs, kb) or _sentence_speaker(body, first, kb))
        else:
            found = (_frame(body, i, spans, kb) for i in dict.fromkeys((last, first)))
            frames.append(next((f for f in found if f[2] is not None), (None, None, None)))
    _share_frames(spans, frames, partial)
    quotes = [
        Quote(
            doc=parsed.document.id,
            sentence=body[_sentence_at(starts, qs.start)][0].sentence.index,
            speaker=speaker,
            text=text[qs.start : qs.end].strip(" ,"),
            verb=verb,
            quote_span=(qs.start, qs.end),
            speaker_span=speaker_span,
            direct=True,
            partial=is_partial,
        )
        for qs, (speaker, speaker_span, verb), is_partial in zip(spans, frames, partial, strict=True)
    ]
    return quotes + _reported(body, quotes, kb)


def _sentence_at(starts: list[int], offset: int) -> int:
    return max(bisect_right(starts, offset) - 1, 0)


def _share_frames(spans: list[QuoteSpan], frames: list[Frame], partial: list[bool]) -> None:
    """A quote without a frame continues its neighbour's speaker.

    Forward: the next quote in the same paragraph, one continuing into the next paragraph,
    or one that opens the next paragraph (a speaker's quotes in a row, attributed once), keeps
    the speaker of the quote before it. Backward: the opening part of
    a quote continued across paragraphs takes the speaker named in a later part.
    """
    whole = [i for i in range(len(spans)) if not partial[i]]
    pairs = list(itertools.pairwise(whole))
    for before, after in pairs:
        paragraphs = spans[after].paragraph - spans[before].paragraph
        linked = spans[after].continues or paragraphs == 0 or (paragraphs == 1 and spans[after].leads)
        if linked and frames[after][2] is None:
            frames[after] = frames[before]
    for before, after in reversed(pairs):
        if spans[after].continues and frames[before][2] is None:
            frames[before] = frames[after]


def _is_partial(text: str, qs: QuoteSpan, parsed: ParsedSentence) -> bool:
    """A quoted phrase inside a sentence ("warned of a “global catastrophe” if ..."), not a quotation.

    A quotation starts its sentence, follows a frame's colon or comma, or ends in punctuation.
    """
    before = text[parsed.sentence.start : max(qs.start - 1, parsed.sentence.start)].rstrip()
    quoted = text[qs.start : qs.end].rstrip()
    return bool(before) and not before.endswith((":", ",")) and not quoted.endswith((".", "!", "?", ","))


def _inside(token: Token, parsed: ParsedSentence, qs: QuoteSpan) -> bool:
    offset = parsed.sentence.start + token.idx - parsed.span.start_char
    return qs.start <= offset < qs.end


def _frame(body: Body, index: int, spans: list[QuoteSpan], kb: Knowledge) -> Frame:
    """The speaker of the speech verb outside every quote of this sentence, if any."""
    parsed, _ = body[index]
    for token in parsed.span:
        if any(_inside(token, parsed, qs) for qs in spans):
            continue
        if _is_speech(token, kb):
            subject = _subject(token)
            if subject is not None and not any(_inside(subject, parsed, qs) for qs in spans):
                return (*_speaker(subject, body, index, kb), token.text)
        if token.lower_ == "according":
            to = next((c for c in token.children if c.lower_ == "to"), None)
            pobj = next((c for c in to.children if c.dep_ == "pobj"), None) if to is not None else None
            if pobj is not None:
                return (*_speaker(pobj, body, index, kb), "according to")
    return None, None, None


def _is_speech(token: Token, kb: Knowledge) -> bool:
    """A speech verb, or a verb with the object of a speech phrase ("as he put it")."""
    if token.pos_ != "VERB":
        return False
    lemma = token.lemma_.lower()
    return lemma in kb.speech_verbs or any(f"{lemma} {c.lower_}" in kb.speech_verbs for c in token.children)


def _subject(verb: Token) -> Token | None:
    """The verb's subject, or for a participle or conjoined verb without one, its head's.

    "Saying" after "as" speaks for its governor's object, else its subject: "X quoted Y as saying"
    is Y, "Y was quoted as saying" is Y.
    """
    if verb.dep_ == "pcomp" and verb.head.lower_ == "as" and verb.head.head.i != verb.head.i:
        governor = verb.head.head
        return next((c for c in governor.children if c.dep_ == "dobj"), None) or _subject(governor)
    subject = next((c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    if subject is None and verb.dep_ in INHERITING_DEPS and verb.head.i != verb.i:
        return _subject(verb.head)
    return subject


def _governing_speaker(body: Body, index: int, qs: QuoteSpan, kb: Knowledge) -> Frame | None:
    """The speaker of the nearest speech verb above a partial quote ("said Y had stressed "...""): Y)."""
    parsed, _ = body[index]
    quoted = [t for t in parsed.span if _inside(t, parsed, qs)]
    if not quoted:
        return None
    verb: Token = quoted[0]
    while _inside(verb.head, parsed, qs) and verb.head.i != verb.i:  # up to the phrase's own head
        verb = verb.head
    while verb.head.i != verb.i:
        verb = verb.head
        for speech in (verb, *_as_clauses(verb)):
            if _is_speech(speech, kb):
                subject = _subject(speech)
                actor, span = _speaker(subject, body, index, kb) if subject is not None else (None, None)
                if actor is not None:
                    return actor, span, speech.text
    return None


def _as_clauses(verb: Token) -> list[Token]:
    """The verb's "as" clauses, which attribute what it says: "As X has said, China is engaged in "..."."""
    return [
        c for c in verb.children if c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ == "as" for m in c.children)
    ]


def _speaker(token: Token, body: Body, index: int, kb: Knowledge) -> tuple[Actor | None, tuple[int, int] | None]:
    parsed, actors = body[index]
    if token.lower_ in PERSONAL_PRONOUNS and token.pos_ == "PRON" and index > 0:
        previous = _previous_speaker(body, index - 1, kb)
        if previous is not None:
            start = parsed.sentence.start + token.idx - parsed.span.start_char
            return previous, (start, start + len(token))
    if _named(token) != token:
        return _speaker(_named(token), body, index, kb)
    mentions = actors.at(token)
    if mentions:
        m = mentions[0]
        actor = _office_holder(token, m, body, index, kb) or m.actor
        return actor, (parsed.sentence.start + m.char_start, parsed.sentence.start + m.char_end)
    if token.ent_type_ == "PERSON" or token.pos_ == "PROPN" or token.is_title:
        first = token  # the name's own words, not an office or owner before them ("Otieno's spokesman Kiprop")
        while first.i > parsed.span.start and first.nbor(-1).head == token and first.nbor(-1).pos_ == "PROPN":
            first = first.nbor(-1)
        start = parsed.sentence.start + first.idx - parsed.span.start_char
        name = parsed.span.doc[first.i : token.i + 1].text
        return Actor(name=name, code=None, country=None), (start, start + len(name))
    return None, None


def _named(token: Token) -> Token:
    """The name an office noun stands beside: "the president's spokesman X said" is X, not the office."""
    name = next((c for c in token.children if c.dep_ == "appos" and c.pos_ == "PROPN"), None)
    return name if token.pos_ == "NOUN" and name is not None else token


def _previous_speaker(body: Body, index: int, kb: Knowledge) -> Actor | None:
    """The person who speaks in this sentence ("X said ..."), whom a "he said" right after continues.

    The speaker, not the person last named: "Y said China preferred Z. "...," he told the BBC" is Y.
    """
    parsed, actors = body[index]
    for verb in parsed.span:
        said_by = _subject(verb) if _is_speech(verb, kb) else None
        subject = _named(said_by) if said_by is not None else None
        if subject is not None and subject.pos_ == "PROPN":
            mentions = actors.at(subject)
            if not mentions or mentions[0].kind == "person":
                return _speaker(subject, body, index, kb)[0]
    return None


def _office_holder(token: Token, mention: Mention, body: Body, index: int, kb: Knowledge) -> Actor | None:
    """The person a definite description of an office stands for: "the Russian ambassador said".

    News names a speaker once and then calls them by office; the description is the latest
    person named before it with the same country, or within the same international body, and
    first one named with that office word in their sentence ("Ambassador X" after "President Y").
    """
    described, office = mention.actor, token.lemma_.lower()
    if mention.kind != "agent" or token.tag_ != "NN" or office not in kb.person_offices:
        return None
    if not any(c.dep_ == "det" and c.lower_ == "the" for c in token.children):
        return None
    latest: Actor | None = None
    for j in range(index, -1, -1):
        parsed, actors = body[j]
        titled = any(t.lemma_.lower() == office for t in parsed.span)
        for earlier in reversed(parsed.span if j < index else parsed.span.doc[parsed.span.start : token.i]):
            for m in actors.at(earlier):
                if m.kind == "person" and _same_side(m.actor, described):
                    if titled:
                        return m.actor
                    latest = latest or m.actor
    return latest


def _same_side(person: Actor, described: Actor) -> bool:
    if described.country:
        return person.country == described.country
    return bool(described.code) and (person.code or "").startswith(described.code or "")


def _sentence_speaker(body: Body, index: int, kb: Knowledge) -> Frame:
    root = body[index][0].span.root
    subject = next((c for c in root.children if c.dep_ == "nsubj"), None)
    if subject is None:
        return None, None, None
    actor, span = _speaker(subject, body, index, kb)
    return actor, span, root.text


def _reported(body: Body, direct: list[Quote], kb: Knowledge) -> list[Quote]:
    """Reported speech: a speech verb with a content clause, in a sentence with no direct quote."""
    quoted = [q.quote_span for q in direct if not q.partial]
    found = []
    for index, (parsed, _) in enumerate(body):
        start, end = parsed.sentence.start, parsed.sentence.end
        if any(s < end and start < e for s, e in quoted):
            continue
        for verb in parsed.span:
            if verb.lemma_.lower() not in kb.speech_verbs or verb.pos_ != "VERB":
                continue
            clause = next((c for c in verb.children if c.dep_ == "ccomp"), None)
            subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
            if clause is None or subject is None:
                continue
            tokens = [t for t in clause.subtree if not (t.dep_ == "mark" and t.lower_ == "that")]
            start_char, end_char = tokens[0].idx, tokens[-1].idx + len(tokens[-1])
            base = parsed.sentence.start - parsed.span.start_char
            # the clause's text from the sentence's, not the paragraph's (Doc.text joins every token each time)
            clause_chars = slice(start_char - parsed.span.start_char, end_char - parsed.span.start_char)
            for head in (subject, *subject.conjuncts):
                actor, span = _speaker(head, body, index, kb)
                found.append(
                    Quote(
                        doc=parsed.sentence.doc,
                        sentence=parsed.sentence.index,
                        speaker=actor,
                        text=parsed.sentence.text[clause_chars],
                        verb=verb.text,
                        quote_span=(base + start_char, base + end_char),
                        speaker_span=span,
                        direct=False,
                    )
                )
    return found


def speaker_lookup(quotes: list[Quote]) -> Callable[[int], Actor | None]:
    """Who is speaking at a character offset of the body: the speaker of the direct quote there."""
    spans = sorted((q.quote_span, q.speaker) for q in quotes if q.direct and not q.partial)

    def speaker_at(offset: int) -> Actor | None:
        for (start, end), speaker in spans:
            if start <= offset < end:
                return speaker
        return None

    return speaker_at
