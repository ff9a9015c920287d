"""eventwire: news in, explainable political event data out.

>>> import eventwire
>>> result = eventwire.code_text("Russia condemned the missile test on Monday.")
>>> [(e.source.code, e.cameo) for e in result.events]
"""

from .errors import DictionaryError, EventwireError, GoldError, InputError, StoreError
from .pipeline import Pipeline, code_text
from .records import Actor, CodedDocument, Document, Event, Location, Quote, Sentence

__all__ = [
    "Actor",
    "CodedDocument",
    "DictionaryError",
    "Document",
    "Event",
    "EventwireError",
    "GoldError",
    "InputError",
    "Location",
    "Pipeline",
    "Quote",
    "Sentence",
    "StoreError",
    "code_text",
]
__version__ = "0.1.0"
