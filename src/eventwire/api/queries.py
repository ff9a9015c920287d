"""The read endpoints: documents, events, quotes, actors, dyad series and the actor network.

Each request opens the store read-only (see `access.py`) and answers with the records of
`serialize`, the same objects `eventwire events --format jsonl` prints.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from pydantic import BaseModel

from ..records import Modality
from ..store import EventFilter, Store
from ..store import analytics as an
from .responses import problems

router = APIRouter()
BUSY = problems(413, 422, 503)
NOT_FOUND = problems(404, 413, 422, 503)


def read_store(request: Request) -> Iterator[Store]:
    with request.app.state.access.reader() as store:
        yield store


ReadStore = Annotated[Store, Depends(read_store)]
Text = Annotated[str | None, Query(max_length=200)]
Actor = Annotated[str | None, Query(max_length=200, description="A country (RUS) or an actor code prefix (RUSGOV).")]
Since = Annotated[date | None, Query(description="First date, YYYY-MM-DD.")]
Until = Annotated[date | None, Query(description="Last date, YYYY-MM-DD.")]
Search = Annotated[str | None, Query(max_length=200, description="Words the text contains (case ignored).")]
Limit = Annotated[int, Query(ge=1, le=an.MAX_LIMIT)]
Offset = Annotated[int, Query(ge=0, le=1_000_000_000)]


class Page(BaseModel):
    """One page of records: `total` matched, `items` from `offset` on."""

    total: int
    limit: int
    offset: int
    items: list[dict[str, Any]]


def sort_query(sorts: dict[str, str]) -> Any:
    """A `sort` parameter whose allowed values are the keys of an analytics sort table."""
    return Query(next(iter(sorts)), json_schema_extra={"enum": list(sorts)}, description="Sort key; - for descending.")


def page_request(limit: int, offset: int, sort: str, sorts: dict[str, str]) -> an.PageRequest:
    if sort not in sorts:
        raise HTTPException(422, f"sort must be one of {', '.join(sorts)}")
    return an.PageRequest(limit, offset, sort)


def found(record: dict[str, Any] | None, what: str) -> dict[str, Any]:
    if record is None:
        raise HTTPException(404, f"no such {what}")
    return record


@router.get("/events", response_model=Page, responses=BUSY)
def list_events(
    store: ReadStore,
    actor: Actor = None,
    target: Actor = None,
    country: Annotated[str | None, Query(max_length=200, description="Either actor's or the place's country.")] = None,
    cameo: Annotated[str | None, Query(max_length=200, description="CAMEO code prefix, e.g. 11 or 036.")] = None,
    plover: Annotated[str | None, Query(max_length=200, description="PLOVER event type, e.g. ACCUSE.")] = None,
    modality: Modality | None = None,
    since: Since = None,
    until: Until = None,
    q: Search = None,
    doc: Text = None,
    limit: Limit = 50,
    offset: Offset = 0,
    sort: str = sort_query(an.EVENT_SORTS),
) -> Page:
    """Stored events: `actor` is the source, `target` the target."""
    flt = EventFilter(
        actor=actor, target=target, since=since, until=until, plover=plover, cameo=cameo, modality=modality, doc=doc
    )
    total, items = an.find_events(store, flt, page_request(limit, offset, sort, an.EVENT_SORTS), country, q)
    return Page(total=total, limit=limit, offset=offset, items=items)


@router.get("/events/{event_id}", responses=NOT_FOUND)
def get_event(store: ReadStore, event_id: str) -> dict[str, Any]:
    """One event with its document and sentence: the spans of source, verb and target and the rule that fired."""
    return found(an.event_detail(store, event_id), "event")


@router.get("/documents", response_model=Page, responses=BUSY)
def list_documents(
    store: ReadStore,
    actor: Actor = None,
    since: Since = None,
    until: Until = None,
    q: Search = None,
    limit: Limit = 50,
    offset: Offset = 0,
    sort: str = sort_query(an.DOCUMENT_SORTS),
) -> Page:
    """Stored documents by publication date, words in title or text, or an actor of their events."""
    request = page_request(limit, offset, sort, an.DOCUMENT_SORTS)
    total, items = an.find_documents(store, request, since, until, q, actor)
    return Page(total=total, limit=limit, offset=offset, items=items)


@router.get("/documents/{doc_id}", responses=NOT_FOUND)
def get_document(store: ReadStore, doc_id: str) -> dict[str, Any]:
    """One document with its text, sentences, events and quotes."""
    return found(an.document_detail(store, doc_id), "document")


@router.get("/quotes", response_model=Page, responses=BUSY)
def list_quotes(
    store: ReadStore,
    speaker: Annotated[str | None, Query(max_length=200, description="Speaker's name, country or code.")] = None,
    actor: Actor = None,
    since: Since = None,
    until: Until = None,
    q: Search = None,
    doc: Text = None,
    limit: Limit = 50,
    offset: Offset = 0,
    sort: str = sort_query(an.QUOTE_SORTS),
) -> Page:
    """Stored quotes: who said what, when."""
    request = page_request(limit, offset, sort, an.QUOTE_SORTS)
    total, items = an.find_quotes(store, request, speaker, actor, since, until, q, doc)
    return Page(total=total, limit=limit, offset=offset, items=items)


@router.get("/actors", response_model=Page, responses=BUSY)
def list_actors(
    store: ReadStore,
    q: Annotated[str | None, Query(max_length=200, description="Words in the actor's name or code.")] = None,
    country: Text = None,
    role: Annotated[str | None, Query(max_length=200, description="source, target or speaker.")] = None,
    limit: Limit = 50,
    offset: Offset = 0,
    sort: str = sort_query(an.ACTOR_SORTS),
) -> Page:
    """Coded actors with the number of their mentions and documents."""
    request = page_request(limit, offset, sort, an.ACTOR_SORTS)
    total, items = an.find_actors(store, request, q, country, role)
    return Page(total=total, limit=limit, offset=offset, items=items)


@router.get("/dyad", responses=BUSY)
def dyad(
    store: ReadStore,
    a: Annotated[str, Query(min_length=1, max_length=200, description="One actor: country or code prefix.")],
    b: Annotated[str, Query(min_length=1, max_length=200, description="The other actor.")],
    interval: Annotated[str, Query(json_schema_extra={"enum": list(an.INTERVALS)})] = "week",
    since: Since = None,
    until: Until = None,
    directed: Annotated[bool, Query(description="Only events from a to b.")] = False,
) -> dict[str, Any]:
    """Events between two actors per day or week: counts by quad class (1-4) and mean Goldstein."""
    if interval not in an.INTERVALS:
        raise HTTPException(422, f"interval must be one of {', '.join(an.INTERVALS)}")
    series = an.dyad_series(store, a, b, interval, since, until, directed)
    return {"a": a, "b": b, "interval": interval, "directed": directed, "series": series}


@router.get("/network", responses=BUSY)
def network(
    store: ReadStore,
    level: Annotated[str, Query(json_schema_extra={"enum": list(an.NETWORK_LEVELS)})] = "country",
    since: Since = None,
    until: Until = None,
    min_events: Annotated[int, Query(ge=1, le=1_000_000)] = 1,
    limit: Limit = 100,
) -> dict[str, Any]:
    """Weighted edges source -> target (event count, mean Goldstein) over a period, the busiest first."""
    if level not in an.NETWORK_LEVELS:
        raise HTTPException(422, f"level must be one of {', '.join(an.NETWORK_LEVELS)}")
    return {"level": level, **an.actor_network(store, level, since, until, min_events, limit)}


@router.get("/counts", responses=BUSY)
def counts(store: ReadStore) -> dict[str, int]:
    """How many documents, events, quotes and actor rows the store holds."""
    return store.counts()
