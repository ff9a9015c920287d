"""Whether an event is asserted, negated, planned, hypothetical or reported, from the words
around its verb (modality.tsv).
"""

from __future__ import annotations

from spacy.tokens import Token

from ..knowledge import Knowledge
from ..records import Modality
from .tree import direct_object, governing_verb


def voices(verb: Token, kb: Knowledge) -> bool:
    """Whether the verb's subject voices the demand or reminder it governs ("reiterated", "insisted on",
    "issued", "renewed": speech and light verbs), rather than meeting or refusing someone else's ("conceded to
    demands from UNITA that ...", "rejected the demand that ...")."""
    lemma = verb.lemma_.lower()
    return lemma in kb.speech_verbs or lemma in kb.modality_words["light"]


def addressees(verb: Token) -> list[Token]:
    """Whom a speaker addresses: the indirect or direct object of a speech verb ("told Iraq", "reminded Iraq"),
    or "to" ("issued a reminder to Iraq")."""
    found = []
    for child in verb.children:
        if child.dep_ in {"dative", "dobj"} and child.pos_ in {"PROPN", "NOUN", "PRON"}:
            found.append(child)
        elif child.dep_ in {"dative", "prep"} and child.lower_ == "to":
            found.extend(o for o in child.children if o.dep_ == "pobj")
    return found


def directive_object(verb: Token, kb: Knowledge) -> bool:
    """Whether the verb's object is a demand noun, whose content a clause on the verb may carry ("reiterated
    its demand today that ...")."""
    obj = direct_object(verb)
    return obj is not None and obj.pos_ == "NOUN" and obj.lemma_.lower() in kb.modality_words["directive"]


def announcer(verb: Token) -> Token | None:
    """The verb that announces a planned action ("said he will meet"), whose time is the intent's."""
    while verb.dep_ == "conj" and verb.head is not verb:
        verb = verb.head
    return governing_verb(verb) if verb.dep_ != "conj" else None


def modality_of(verb: Token, kb: Knowledge) -> Modality:
    """Negated, future, hypothetical or asserted, from the verb and the verbs governing it."""
    words = kb.modality_words
    children = list(verb.children)
    if any(c.dep_ == "neg" or (c.dep_ == "advmod" and c.lower_ in words["negation"]) for c in children):
        return "negated"
    if _unexpected(verb, kb):
        return "hypothetical"
    auxiliaries = [c.lower_ for c in children if c.dep_ in {"aux", "auxpass"}]
    if any(a in words["future"] for a in auxiliaries):
        return "future"
    conditional = any(c.dep_ == "mark" and c.lower_ in words["condition"] for c in children)
    if not conditional and any(a in words["reported"] for a in auxiliaries) and reported(verb, kb):
        return "future"  # "said it would withdraw": the future as reported speech shifts it
    if conditional or any(a in words["hypothetical"] for a in auxiliaries):
        return "hypothetical"
    if verb.dep_ in {"acl", "ccomp"} and verb.head.pos_ == "NOUN" and verb.head.lemma_.lower() in words["directive"]:
        return "hypothetical"  # "its demand that Israel ease restrictions"
    if verb.dep_ == "ccomp" and directive_object(verb.head, kb):
        return "hypothetical"  # "reiterated its demand today that Israel ease restrictions"
    governor = governing_verb(verb)
    if governor is None:
        return "asserted"
    if verb.dep_ == "conj":
        return modality_of(governor, kb)
    lemma = governor.lemma_.lower()
    if verb.dep_ in {"xcomp", "acomp"} or verb.dep_ == "advcl" and verb.tag_ == "VB":
        pending = lemma in {"be", "have"} and any(c.lower_ in words["pending"] for c in governor.children)
        if lemma in words["denial"] or pending:
            return "negated"
        if lemma in words["intention"] or governor.lower_ in words["intention"]:
            return "future"
    if verb.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ == "for" for c in children):
        return "hypothetical"  # "pushing for the US to support", "waited for Iran to reply": wanted, not done
    infinitive = verb.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in children)
    if lemma in words["directive"] and (
        verb.dep_ == "xcomp" or verb.dep_ == "ccomp" and verb.tag_ == "VB" or infinitive
    ):
        return "hypothetical"  # "urged Iran to withdraw", "demanded that Iran withdraw"; not "told AFP it withdrew"
    if lemma in kb.speech_verbs:
        return "asserted"
    if not (infinitive or verb.dep_ in {"xcomp", "ccomp", "pcomp"}):
        return "asserted"
    governed = modality_of(governor, kb)
    if governed in {"negated", "hypothetical"}:
        return "hypothetical"
    # "will send troops to help": what a planned action is for is planned too, not done
    return "future" if governed == "future" and verb.dep_ != "ccomp" else "asserted"


def _unexpected(verb: Token, kb: Knowledge) -> bool:
    """Whether the clause is what a negated prospect noun says will not come ("there is no prospect that they will
    meet", "no chance of Serbia recognising Kosovo"): its "will" is no plan."""
    head = verb.head
    if verb.dep_ == "pcomp" and head.lower_ == "of":
        head = head.head
    elif verb.dep_ not in {"acl", "ccomp"}:
        return False
    words = kb.modality_words
    negated = any(c.dep_ in {"det", "neg"} and c.lower_ in words["negation"] for c in head.children)
    return head.pos_ == "NOUN" and head.lemma_.lower() in words["prospect"] and negated


def reported(verb: Token, kb: Knowledge) -> bool:
    """Whether a clause is what a speech verb reports ("said it would ..."), through conjoined clauses."""
    return reporting_verb(verb, kb) is not None


def reporting_verb(verb: Token, kb: Knowledge) -> Token | None:
    """The speech verb whose reported clause this is, through conjoined clauses, if any."""
    while verb.dep_ == "conj" and verb.head is not verb:
        verb = verb.head
    return verb.head if verb.dep_ == "ccomp" and verb.head.lemma_.lower() in kb.speech_verbs else None
