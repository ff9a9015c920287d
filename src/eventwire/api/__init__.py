"""The HTTP service: a JSON API over the store and the dashboard page, in one FastAPI app."""

from .app import DEFAULT_HOST, create_app, serve

__all__ = ["DEFAULT_HOST", "create_app", "serve"]
