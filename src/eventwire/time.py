"""Dates: the document's date and each event's date.

An event's date comes from the temporal words attached to its verb ("On Sunday",
"Tuesday", "yesterday", "last week", "on March 3", "in 2015"), resolved against the
document date: a weekday is the most recent such day on or before the document date
for past and present tense, the next one after it for future events. An event with no
temporal words gets the document date and says so (`date_source="document"`).
An impossible date ("February 30") is left unresolved rather than guessed.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import replace
from datetime import date, timedelta

from spacy.tokens import Span, Token

from .records import Event

WEEKDAYS = {name.lower(): i for i, name in enumerate(calendar.day_name)}
MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
MONTHS.update({name.lower(): i for i, name in enumerate(calendar.month_abbr) if name})
MONTHS["sept"] = 9
_MONTH_RE = "|".join(sorted(MONTHS, key=len, reverse=True))
EXPLICIT_DATE = re.compile(
    rf"\b(?P<month>{_MONTH_RE})\.?\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?(?:,?\s+(?P<year>\d{{4}}))?\b"
    rf"|\b(?P<day2>\d{{1,2}})\s+(?P<month2>{_MONTH_RE})\.?(?:,?\s+(?P<year2>\d{{4}}))?\b"
    rf"|\b(?P<iso>\d{{4}}-\d{{2}}-\d{{2}})\b",
    re.IGNORECASE,
)
RELATIVE_DAYS = {"yesterday": -1, "today": 0, "tonight": 0, "tomorrow": 1}
PERIOD_DAYS = {"week": 7, "month": 30, "year": 365, "weekend": 7}
TEMPORAL_PREPS = {"on", "in", "at", "during", "since", "by", "before", "after", "until", "from", "through"}


def make_date(year: int, month: int, day: int) -> date | None:
    """A real calendar date, or None for an impossible one such as February 30."""
    try:
        return date(year, month, day)
    except ValueError:
        return None


def explicit_dates(text: str, reference: date | None = None, future: bool = False) -> list[date]:
    """Every explicit calendar date written in `text` ("Sept. 4, 2017", "4 March").

    A date without a year takes the year that puts it nearest before `reference` (after
    it for `future`); without a reference such dates are skipped.
    """
    found = []
    for m in EXPLICIT_DATE.finditer(text):
        if m.group("iso"):
            y, mo, d = (int(x) for x in m.group("iso").split("-"))
            resolved = make_date(y, mo, d)
        else:
            month = MONTHS[(m.group("month") or m.group("month2")).lower()]
            day = int(m.group("day") or m.group("day2"))
            year = m.group("year") or m.group("year2")
            if year:
                resolved = make_date(int(year), month, day)
            elif reference:
                resolved = _nearest_year(month, day, reference, future)
            else:
                resolved = None
        if resolved:
            found.append(resolved)
    return found


def _nearest_year(month: int, day: int, reference: date, future: bool) -> date | None:
    candidate = make_date(reference.year, month, day)
    if candidate is None:
        return None
    if future and candidate < reference:
        return make_date(reference.year + 1, month, day)
    if not future and candidate > reference + timedelta(days=1):
        return make_date(reference.year - 1, month, day)
    return candidate


def resolve_expression(words: str, reference: date, future: bool) -> list[date]:
    """Resolve a temporal expression's words against the document date.

    Returns one date, or several for "Wednesday and Thursday"; empty when the words
    name no resolvable time.
    """
    lowered = words.lower()
    if EXPLICIT_DATE.search(words):
        return explicit_dates(words, reference, future)
    tokens = re.findall(r"[a-z]+|\d{4}", lowered)
    weekdays = [WEEKDAYS[t] for t in tokens if t in WEEKDAYS]
    if weekdays:
        return [_weekday(reference, wd, future or "next" in tokens) for wd in weekdays]
    for token, offset in RELATIVE_DAYS.items():
        if token in tokens:
            return [reference + timedelta(days=offset)]
    for period, days in PERIOD_DAYS.items():
        if period in tokens or period + "s" in tokens:
            if "last" in tokens or "past" in tokens:
                return [reference - timedelta(days=days)]
            if "next" in tokens or "coming" in tokens:
                return [reference + timedelta(days=days)]
            if "earlier" in tokens or "this" in tokens:
                return [reference]
    years = [int(t) for t in tokens if t.isdigit() and 1900 <= int(t) <= 2100]
    if years and not any(t in MONTHS for t in tokens):
        return [date(years[0], 1, 1)]
    months = [MONTHS[t] for t in tokens if t in MONTHS and len(t) > 3]
    if months:
        resolved = _nearest_year(months[0], 1, reference.replace(day=1), future)
        return [resolved] if resolved else []
    return []


def _weekday(reference: date, weekday: int, future: bool) -> date:
    if future:
        return reference + timedelta(days=(weekday - reference.weekday() - 1) % 7 + 1)
    return reference - timedelta(days=(reference.weekday() - weekday) % 7)


def temporal_words(verb: Token) -> str | None:
    """The temporal expression attached to `verb` in the parse, as text."""
    doc = verb.doc
    for child in verb.children:
        if child.dep_ in {"npadvmod", "tmod", "obl:tmod"} and _is_time(child):
            return _subtree_text(child)
        if child.dep_ == "prep" and child.lower_ in TEMPORAL_PREPS:
            objects = [c for c in child.children if c.dep_ == "pobj"]
            if objects and _is_time(objects[0]):
                return _subtree_text(objects[0])
    for ent in doc.ents:
        if ent.label_ == "DATE" and ent.root.head == verb and ent.root.dep_ in {"npadvmod", "advmod", "dobj"}:
            return ent.text
    return None


def _is_time(token: Token) -> bool:
    return token.ent_type_ in {"DATE", "TIME"} or token.lower_ in WEEKDAYS or token.lower_ in RELATIVE_DAYS


def _subtree_text(token: Token) -> str:
    span: Span = token.doc[token.left_edge.i : token.right_edge.i + 1]
    return span.text


def date_event(event: Event, verb: Token | None, reference: date | None) -> Event:
    """Give `event` its date from the words attached to its verb, else the document date."""
    if reference is None:
        return event
    words = temporal_words(verb) if verb is not None else None
    if words:
        dates = resolve_expression(words, reference, future=event.modality == "future")
        if dates:
            return replace(event, date=dates[0], date_end=dates[-1] if len(dates) > 1 else None, date_source="text")
    return replace(event, date=reference, date_source="document")
