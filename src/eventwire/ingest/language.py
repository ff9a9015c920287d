"""Language identification: the coder reads English, so other languages are skipped with a reason.

Short texts are not judged (identification is unreliable below a few sentences), and a
text is only called foreign when the identifier is confident.
"""

from __future__ import annotations

from functools import cache
from typing import Any

CODED_LANGUAGE = "en"
MIN_CHARS = 200
MIN_CONFIDENCE = 0.9
SAMPLE_CHARS = 1000  # the opening of a long text is enough and keeps this cheap


@cache
def _identifier() -> Any:
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def foreign_language(text: str) -> str | None:
    """The reason to skip `text` when it is confidently not English, else None."""
    if len(text) < MIN_CHARS:
        return None
    language, confidence = _identifier().classify(text[:SAMPLE_CHARS])
    if language == CODED_LANGUAGE or confidence < MIN_CONFIDENCE:
        return None
    return f"written in {language!r} (confidence {confidence:.2f}), not English; eventwire codes English text"
