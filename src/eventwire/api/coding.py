"""`POST /api/v1/code`: code a posted article and answer with the records `eventwire code --format jsonl` prints.

Nothing is stored unless the request asks for it (`store: true`) and carries the bearer
token the operator set in EVENTWIRE_API_TOKEN; with no token set, writing is disabled.
A stored article goes through the same intake as `eventwire ingest` (duplicates skipped,
near-duplicate story assigned) and is written in one transaction.
"""

from __future__ import annotations

import datetime
import hmac
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Request, Response
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from pydantic import BaseModel, Field

from ..engine.local import Intake, signed
from ..errors import InputError
from ..ingest import read_text
from ..pipeline import Pipeline
from ..records import CodedDocument
from ..serialize import coded_json
from ..settings import Settings
from .access import StoreAccess
from .responses import problems

router = APIRouter()
SOURCE = "<api>"  # the `source` of documents posted to the service
bearer = HTTPBearer(auto_error=False, description="EVENTWIRE_API_TOKEN; needed only to store (`store: true`).")


class CodeRequest(BaseModel):
    text: str = Field(description="The article: plain text or an HTML page.")
    date: datetime.date | None = Field(None, description="Publication date, YYYY-MM-DD.")
    store: bool = Field(False, description="Also store it (needs the bearer token).")


class Coder:
    """The pipeline behind `POST /code`: loaded at the first request, used by one request at a time."""

    def __init__(self, settings: Settings, pipeline: Pipeline | None = None) -> None:
        self.settings = settings
        self._pipeline = pipeline
        self._lock = threading.Lock()

    @contextmanager
    def pipeline(self) -> Iterator[Pipeline]:
        with self._lock:
            if self._pipeline is None:
                self._pipeline = Pipeline(self.settings)
            yield self._pipeline


def check_token(settings: Settings, credentials: HTTPAuthorizationCredentials | None) -> None:
    """401 without a bearer token, 403 with a wrong one or when the operator set none."""
    if settings.api_token is None:
        raise HTTPException(403, "writing is disabled: the operator has set no EVENTWIRE_API_TOKEN")
    if credentials is None:
        raise HTTPException(401, "storing needs a bearer token", headers={"WWW-Authenticate": "Bearer"})
    if not hmac.compare_digest(credentials.credentials.encode(), settings.api_token.encode()):
        raise HTTPException(403, "wrong bearer token")


def store_coded(access: StoreAccess, pipeline: Pipeline, body: CodeRequest, coded: CodedDocument) -> bool:
    """Store a coded article through the ingest intake; False when it was already stored."""
    with access.writer() as store:
        intake = Intake(store, pipeline, None)
        if list(intake.documents([read_text(SOURCE, body.text, body.date)])):
            intake.write([signed(coded)])
    return intake.summary.stored == 1


@router.post(
    "/code",
    responses={201: {"description": "Coded and stored."}, **problems(401, 403, 413, 422, 503)},
    openapi_extra={"security": [{}]},  # added to the bearer scheme: the token is needed only to store
)
def code(
    body: CodeRequest,
    request: Request,
    response: Response,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)],
) -> list[dict[str, Any]]:
    """Code an article: its document, events and quotes as JSON objects; 201 when it was also stored."""
    state = request.app.state
    if body.store:
        check_token(state.settings, credentials)
    try:
        with state.coder.pipeline() as pipeline:
            coded = pipeline.code_text(body.text, body.date, SOURCE)
            if body.store and store_coded(state.access, pipeline, body, coded):
                response.status_code = 201
    except InputError as exc:
        raise HTTPException(422, exc.reason) from exc
    return coded_json(coded)
