"""Corpus throughput and memory: eventwire (local and Dask engines) next to bare spaCy.

Generates a corpus of N articles from the example articles (country names, their
adjectives and capitals swapped for other countries' from countries.tsv, years and
numbers changed, paragraphs dropped at random) as one JSONL file, then measures, each in
a fresh process: bare `nlp.pipe` over the texts the pipeline parses (n_process 1 and
2), `ingest` with the local engine (1 and 2 workers) and with the Dask engine (a
LocalCluster of 1 and 2 workers) into a new store. Times include starting worker
processes (and the cluster); model loading in the measuring process is not timed. Peak
RSS is the largest sum over the process and all its children, sampled every 0.1 s. The
CPU seconds of the measuring process itself (for ingest: the reader and writer, which
competes with the workers for the cores) are reported as "main CPU".

    python bench/corpus.py [--articles 2000] [--runs bare:1,local:1,...]
"""

from __future__ import annotations

import argparse
import json
import random
import re
import resource
import subprocess
import sys
import tempfile
import threading
import time
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

import psutil

if TYPE_CHECKING:
    from eventwire.pipeline import Pipeline

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
RUNS = "bare:1,bare:2,local:1,local:2,dask:1,dask:2"


def generate(count: int, out: Path, seed: int = 7) -> None:
    """Write `count` varied articles made from the examples to a JSONL file."""
    from eventwire.knowledge import default_knowledge

    countries = [c for c in default_knowledge().countries if c.adjectives and c.capitals]
    rng = random.Random(seed)
    bases = [p.read_text(encoding="utf-8") for p in sorted(EXAMPLES.glob("*.txt"))]
    with out.open("w", encoding="utf-8") as fh:
        for number in range(count):
            text = bases[number % len(bases)]
            for country in countries:
                if country.name in text:
                    other = rng.choice(countries)
                    for old, new in ((country.name, other.name), (country.adjectives[0], other.adjectives[0])):
                        text = text.replace(old, new)
                    text = text.replace(country.capitals[0], other.capitals[0])
            text = re.sub(r"\b(19|20)\d\d\b", lambda m: str(rng.randint(1995, 2024)), text)
            text = re.sub(r"\b\d{1,3}\b", lambda m: str(rng.randint(2, 400)), text)
            paragraphs = text.split("\n\n")
            kept = [p for i, p in enumerate(paragraphs) if i < 8 or rng.random() > 0.25]
            fh.write(json.dumps({"id": f"g{number}", "text": "\n\n".join(kept)}) + "\n")


def run_one(kind: str, workers: int, corpus: Path) -> dict[str, float]:
    """One measurement in this process: articles, seconds, events, stories, CPU seconds of this process."""
    from eventwire.engine import ingest_paths
    from eventwire.pipeline import Pipeline
    from eventwire.store import Store

    pipeline = Pipeline()
    if kind == "bare":
        return _bare(pipeline, workers, corpus)
    with tempfile.TemporaryDirectory() as folder, Store(Path(folder) / "bench.duckdb") as store:
        start, cpu = time.perf_counter(), _cpu()
        summary = ingest_paths([corpus], store, pipeline, workers=workers, engine=kind)
        seconds, cpu = time.perf_counter() - start, _cpu() - cpu
        stories = store.query("SELECT count(DISTINCT story) AS n FROM stories")[0]["n"]
    return {"articles": summary.stored, "seconds": seconds, "events": summary.events, "stories": stories, "cpu": cpu}


def _bare(pipeline: Pipeline, workers: int, corpus: Path) -> dict[str, float]:
    """Bare `nlp.pipe` over the texts the pipeline parses (title, captions, paragraphs) of the corpus's documents."""
    from eventwire.clean import clean
    from eventwire.ingest import read_inputs
    from eventwire.nlp import document_texts
    from eventwire.records import RawDocument

    raws = [r for r in read_inputs([corpus], 10**7) if isinstance(r, RawDocument)]
    texts = []
    for raw in raws:
        document = clean(raw, pipeline.kb)
        texts += [text for text, _, _ in document_texts(document, pipeline.index.proper_words)]
    start, cpu = time.perf_counter(), _cpu()
    for _ in pipeline.nlp.pipe(texts, batch_size=pipeline.settings.batch_size, n_process=workers):
        pass
    seconds, cpu = time.perf_counter() - start, _cpu() - cpu
    return {"articles": len(raws), "seconds": seconds, "events": 0, "stories": 0, "cpu": cpu}


def _cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def measure(kind: str, workers: int, corpus: Path) -> dict[str, float]:
    """Run one measurement in a child process, sampling the RSS of its whole process tree."""
    command = [sys.executable, __file__, "--one", f"{kind}:{workers}", "--corpus", str(corpus)]
    child = subprocess.Popen(command, stdout=subprocess.PIPE, text=True)
    peak = 0
    done = threading.Event()

    def sample() -> None:
        nonlocal peak
        parent = psutil.Process(child.pid)
        while not done.is_set():
            try:
                processes = [parent, *parent.children(recursive=True)]
                peak = max(peak, sum(p.memory_info().rss for p in processes if p.is_running()))
            except psutil.Error:
                pass
            time.sleep(0.1)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    out, _ = child.communicate()
    done.set()
    sampler.join()
    result: dict[str, float] = json.loads(out.strip().splitlines()[-1])
    return {**result, "peak_mb": peak / 2**20}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=2000, help="articles to generate")
    parser.add_argument("--runs", default=RUNS, help=f"comma-separated kind:workers (default {RUNS})")
    parser.add_argument("--one", help=argparse.SUPPRESS)
    parser.add_argument("--corpus", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        kind, workers = args.one.split(":")
        print(json.dumps(run_one(kind, int(workers), args.corpus)))
        return
    with tempfile.TemporaryDirectory() as folder:
        corpus = Path(folder) / "corpus.jsonl"
        generate(args.articles, corpus)
        results = {}
        for run in args.runs.split(","):
            kind, workers = run.split(":")
            results[run] = measure(kind, int(workers), corpus)
            print(run, json.dumps(results[run]), file=sys.stderr, flush=True)
    print(
        "| date | articles | run | workers | art/s | vs bare spaCy | events | stories | main CPU (s) | peak RSS (MB) |"
    )
    print("|---|---|---|---|---|---|---|---|---|---|")
    for run, r in results.items():
        kind, workers = run.split(":")
        rate = r["articles"] / r["seconds"]
        bare = results.get(f"bare:{workers}")
        ratio = f"{rate / (bare['articles'] / bare['seconds']):.2f}" if bare and kind != "bare" else ""
        row = [
            date.today(),
            r["articles"],
            kind,
            workers,
            f"{rate:.1f}",
            ratio,
            r["events"],
            r["stories"],
            f"{r['cpu']:.1f}",
        ]
        print("| " + " | ".join(map(str, row)) + f" | {r['peak_mb']:.0f} |")


if __name__ == "__main__":
    main()
