"""GDELT's events beside ours, article by article, joined by the article's URL.

An event is compared by its dyad and type: (source country, target country, CAMEO
root); an actor without a country (an international body) counts by the first three
letters of its code (IGO, NGO). For every stored document whose URL a GDELT event
cites, each dyad-and-type is reported as found by both, by GDELT only or by eventwire
only, with GDELT's event ids and our events and their sentences.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal
from urllib.parse import urlsplit, urlunsplit

from .errors import InputError
from .store import Store, read_gdelt

Key = tuple[str | None, str | None, str]
Status = Literal["both", "gdelt", "eventwire"]


@dataclass(frozen=True)
class Compared:
    """One (source, target, CAMEO root) of one document and who found it."""

    doc: str
    url: str
    status: Status
    source: str | None
    target: str | None
    root: str
    gdelt_ids: tuple[str, ...]
    events: tuple[tuple[str, str], ...]  # (our event id, its sentence)

    def to_json(self) -> dict[str, Any]:
        return {
            "doc": self.doc,
            "url": self.url,
            "status": self.status,
            "source": self.source,
            "target": self.target,
            "cameo_root": self.root,
            "gdelt_ids": list(self.gdelt_ids),
            "events": [{"id": i, "sentence": s} for i, s in self.events],
        }


@dataclass
class Comparison:
    rows: list[Compared] = field(default_factory=list)
    failures: list[InputError] = field(default_factory=list)
    gdelt_events: int = 0
    unmatched: int = 0  # GDELT events whose URL is no stored document's


def normal_url(url: str) -> str:
    """A URL as compared: any scheme, lower-case host without www., no fragment, no trailing slash."""
    parts = urlsplit(url.strip())
    host = (parts.hostname or "").removeprefix("www.")
    if parts.port:
        host = f"{host}:{parts.port}"
    return urlunsplit(("", host, parts.path.rstrip("/"), parts.query, ""))


def _party(country: str | None, code: str | None) -> str | None:
    return country or (code[:3] if code else None)


def compare_gdelt(store: Store, path: Path) -> Comparison:
    """Compare the events of a GDELT event file with the stored events of the same articles."""
    result = Comparison()
    gdelt: dict[str, dict[Key, list[str]]] = {}
    for item in read_gdelt(path):
        if isinstance(item, InputError):
            result.failures.append(item)
            continue
        r = item.record
        result.gdelt_events += 1
        if not r.get("SOURCEURL"):
            result.unmatched += 1
            continue
        key = (
            _party(r["Actor1CountryCode"], r["Actor1Code"]),
            _party(r["Actor2CountryCode"], r["Actor2Code"]),
            r["EventRootCode"] or "",
        )
        gdelt.setdefault(normal_url(r["SOURCEURL"]), {}).setdefault(key, []).append(str(r["GLOBALEVENTID"]))
    documents = store.query("SELECT id, url FROM documents WHERE url IS NOT NULL ORDER BY date, id")
    stored = {normal_url(d["url"]): d for d in documents}
    result.unmatched += sum(sum(map(len, keys.values())) for url, keys in gdelt.items() if url not in stored)
    for url, theirs in gdelt.items():
        if url in stored:
            doc = stored[url]
            result.rows += _compare_document(doc["id"], doc["url"], theirs, _our_events(store, doc["id"]))
    return result


def _our_events(store: Store, doc: str) -> dict[Key, list[tuple[str, str]]]:
    ours: dict[Key, list[tuple[str, str]]] = {}
    for e in store.query("SELECT * FROM events WHERE doc = ? ORDER BY sentence, id", [doc]):
        key = (
            _party(e["source_country"], e["source_code"]),
            _party(e["target_country"], e["target_code"]),
            e["cameo_root"],
        )
        ours.setdefault(key, []).append((e["id"], e["text"]))
    return ours


def _compare_document(
    doc: str, url: str, theirs: dict[Key, list[str]], ours: dict[Key, list[tuple[str, str]]]
) -> list[Compared]:
    keys: Iterable[Key] = sorted(theirs.keys() | ours.keys(), key=lambda k: (k[2], k[0] or "", k[1] or ""))
    rows = []
    for key in keys:
        status: Status = "both" if key in theirs and key in ours else "gdelt" if key in theirs else "eventwire"
        rows.append(Compared(doc, url, status, *key, tuple(theirs.get(key, ())), tuple(ours.get(key, ()))))
    return rows
