"""The eventwire service: the JSON API under /api/v1 (schema at /openapi.json) and the dashboard at /."""

from __future__ import annotations

import logging
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.responses import FileResponse, JSONResponse
from fastapi.staticfiles import StaticFiles

from .. import __version__
from ..errors import StoreError
from ..pipeline import Pipeline
from ..settings import Settings
from ..store import Store
from . import coding, queries
from .access import StoreAccess
from .middleware import BodyLimit, SecurityHeaders

STATIC = Path(__file__).resolve().parent.parent / "web" / "static"
log = logging.getLogger(__name__)
DEFAULT_HOST = "127.0.0.1"  # only this machine, unless the operator says otherwise


def create_app(db: Path, settings: Settings | None = None, pipeline: Pipeline | None = None) -> FastAPI:
    """The service over the store `db`; `pipeline` (loaded at the first `POST /code` when None) codes texts."""
    settings = settings or Settings.from_env()
    app = FastAPI(
        title="eventwire",
        version=__version__,
        description="Political events coded from news: who did what to whom, when, where, and who said so.",
        docs_url=None,  # FastAPI's /docs and /redoc pages load scripts from a CDN: nothing here does
        redoc_url=None,
    )
    app.state.settings = settings
    app.state.access = StoreAccess(db)
    app.state.coder = coding.Coder(settings, pipeline)
    app.add_middleware(BodyLimit, max_bytes=settings.api_max_bytes)
    app.add_middleware(SecurityHeaders)
    app.include_router(queries.router, prefix="/api/v1")
    app.include_router(coding.router, prefix="/api/v1")
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    app.add_api_route("/", lambda: FileResponse(STATIC / "index.html"), include_in_schema=False)
    app.add_exception_handler(StoreError, store_busy)
    return app


async def store_busy(request: Request, exc: Exception) -> JSONResponse:
    """A store that cannot be opened (another process writes it) is a temporary condition: 503.

    The full reason, which names the file and the process holding it, goes to the log, not to the client.
    """
    log.warning("%s %s: %s", request.method, request.url.path, exc)
    detail = "the store cannot be opened now (another process may be writing it); try again"
    return JSONResponse({"detail": detail}, status_code=503, headers={"Retry-After": "5"})


def serve(db: Path, host: str = DEFAULT_HOST, port: int = 8000) -> None:
    """Run the service with uvicorn until interrupted; an absent store is created empty."""
    import uvicorn

    if not db.exists():
        Store(db).close()
    uvicorn.run(create_app(db), host=host, port=port)
