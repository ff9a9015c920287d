"""The error responses the API declares, so that its OpenAPI schema describes every answer it gives."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel

Responses = dict[int | str, dict[str, Any]]
DESCRIPTIONS = {
    401: "`store: true` without a bearer token.",
    403: "Wrong bearer token, or writing disabled (no EVENTWIRE_API_TOKEN set).",
    404: "No such record.",
    413: "Request body over EVENTWIRE_API_MAX_BYTES.",
    422: "A malformed request, or a text that cannot be coded.",
    503: "The store is being written by another process (e.g. `eventwire ingest`); try again.",
}


class Problem(BaseModel):
    """What went wrong: a sentence, or FastAPI's list of the malformed fields."""

    detail: str | list[dict[str, Any]]


def problems(*codes: int) -> Responses:
    return {code: {"model": Problem, "description": DESCRIPTIONS[code]} for code in codes}
