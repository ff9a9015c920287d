"""End-to-end throughput next to bare spaCy, on the project's own example articles.

Codes N copies of examples/*.txt with the full pipeline (clean, parse, actors, quotes,
coding, time, geo; no store), and runs bare `nlp.pipe` of the same spaCy pipeline over
the same texts the pipeline parses (titles, captions and paragraphs), in the same process, and
prints both rates, their ratio and the peak RSS as a README table row.

    python bench/throughput.py [--copies 50]
"""

from __future__ import annotations

import argparse
import resource
import time
from datetime import date
from pathlib import Path

from eventwire.clean import clean
from eventwire.ingest import read_file
from eventwire.nlp import document_texts
from eventwire.pipeline import Pipeline

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--copies", type=int, default=50, help="copies of each example article")
    args = parser.parse_args()
    pipeline = Pipeline()
    raws = [read_file(p, 10**7) for p in sorted(EXAMPLES.glob("*.txt"))] * args.copies
    texts = []
    for raw in raws:
        document = clean(raw, pipeline.kb)
        texts += [text for text, _, _ in document_texts(document, pipeline.index.proper_words)]
    pipeline.code_text(raws[0].text)  # warm-up: matchers, gazetteer, lazy imports

    start = time.perf_counter()
    for _ in pipeline.nlp.pipe(texts, batch_size=pipeline.settings.batch_size):
        pass
    bare = len(raws) / (time.perf_counter() - start)

    start = time.perf_counter()
    events = sum(len(r.events) for r in pipeline.code(raws) if hasattr(r, "events"))
    full = len(raws) / (time.perf_counter() - start)

    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print("| date | articles | bare nlp.pipe (art/s) | eventwire (art/s) | ratio | events | peak RSS (MB) |")
    print("|---|---|---|---|---|---|---|")
    print(f"| {date.today()} | {len(raws)} | {bare:.1f} | {full:.1f} | {full / bare:.2f} | {events} | {peak_mb:.0f} |")


if __name__ == "__main__":
    main()
