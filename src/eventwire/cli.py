"""The `eventwire` command: thin commands over plain functions."""

from __future__ import annotations

import csv
import json
import re
import sys
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path
from typing import Annotated, Any, TypeVar

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table
from rich.text import Text

from .engine import ENGINES, IngestSummary, code_paths, ingest_paths, watch_feeds
from .errors import EventwireError, InputError
from .pipeline import Pipeline, Result
from .records import CodedDocument
from .serialize import coded_json, event_row, quote_row
from .settings import Settings
from .store import EXPORT_FORMATS, EventFilter, Store, default_export_path, export

T = TypeVar("T")

app = typer.Typer(add_completion=False, no_args_is_help=True, help=__doc__)
out = Console()
err = Console(stderr=True, soft_wrap=True)
DEFAULT_DB = Path("eventwire.duckdb")
DbOption = Annotated[Path, typer.Option("--db", help="DuckDB store file.")]
EVENT_COLUMNS = ("date", "source", "event", "target", "modality", "sentence (source, verb, target)", "rule")
QUOTE_COLUMNS = ("speaker", "kind", "quote")


def _date(value: str | None) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise typer.BadParameter(f"{value!r} is not a date in YYYY-MM-DD form") from None


def _fail(exc: EventwireError) -> None:
    err.print(f"eventwire: {exc}", markup=False, highlight=False, soft_wrap=True)
    raise typer.Exit(2)


def _report_input_error(exc: InputError) -> None:
    err.print(f"eventwire: skipped {exc}", markup=False, highlight=False, soft_wrap=True)


@app.command("code")
def code_command(
    files: Annotated[list[Path], typer.Argument(help="Text or HTML news files, or folders of them.")],
    pub_date: Annotated[str | None, typer.Option("--date", help="Publication date, YYYY-MM-DD.")] = None,
    fmt: Annotated[str, typer.Option("--format", help="table, jsonl or csv.")] = "table",
) -> None:
    """Code news files and print their events and quotes, storing nothing."""
    if fmt not in {"table", "jsonl", "csv"}:
        raise typer.BadParameter("--format must be table, jsonl or csv")
    try:
        pipeline = Pipeline(Settings.from_env())
    except EventwireError as exc:
        _fail(exc)
    failed = 0
    writer = csv.DictWriter(sys.stdout, fieldnames=["type", *event_row_fields()]) if fmt == "csv" else None
    if writer:
        writer.writeheader()
    for result in code_paths(files, pipeline, _date(pub_date)):
        if isinstance(result, InputError):
            _report_input_error(result)
            failed += 1
        elif isinstance(result, CodedDocument):
            _print_coded(result, fmt, writer)
    if failed:
        raise typer.Exit(1)


def event_row_fields() -> list[str]:
    from .records import Actor, Event

    sample = Event(
        doc="",
        sentence=0,
        source=Actor("", None, None),
        target=None,
        cameo="",
        plover=None,
        plover_mode=None,
        quad_class=0,
        goldstein=0.0,
        modality="asserted",
        text="",
        source_span=(0, 0),
        verb_span=(0, 0),
        target_span=None,
        rule="",
    )
    return list(event_row(sample, 0))


def _print_coded(coded: CodedDocument, fmt: str, writer: csv.DictWriter[str] | None) -> None:
    if fmt == "jsonl":
        for obj in coded_json(coded):
            print(json.dumps(obj, ensure_ascii=False))
        return
    if writer is not None:
        for i, e in enumerate(coded.events):
            writer.writerow({"type": "event", **event_row(e, i)})
        return
    d = coded.document
    out.print(f"[bold]{d.title or d.source}[/bold]  ({d.source}; date {d.date or 'unknown'}, {d.date_source})")
    _table("Events", [event_row(e, i) for i, e in enumerate(coded.events)], EVENT_COLUMNS)
    _table("Quotes", [quote_row(q, i) for i, q in enumerate(coded.quotes)], QUOTE_COLUMNS)


def _event_cells(row: dict[str, Any]) -> list[Any]:
    """An event as table cells, its sentence with source, verb and target highlighted."""
    sentence = Text(row["text"])
    for prefix, style in (("source", "bold cyan"), ("verb", "bold"), ("target", "bold magenta")):
        if row.get(f"{prefix}_start") is not None:
            sentence.stylize(style, row[f"{prefix}_start"], row[f"{prefix}_end"])
    date = str(row["date"] or "") + (f"..{row['date_end']}" if row.get("date_end") else "")
    event = f"{row['cameo']} {row['plover'] or ''}".strip()
    return [
        date,
        row["source_code"] or row["source_name"],
        event,
        row["target_code"] or "",
        row["modality"],
        sentence,
        row["rule"],
    ]


def _quote_cells(row: dict[str, Any]) -> list[Any]:
    speaker = " ".join(str(x) for x in (row["speaker_name"], row["speaker_code"]) if x)
    kind = "partial" if row["partial"] else "direct" if row["direct"] else "reported"
    return [speaker, kind, row["text"]]


def _table(title: str, rows: list[dict[str, Any]], columns: tuple[str, ...]) -> None:
    wide = Console(width=max(out.width, 140)) if not out.is_terminal else out
    table = Table(title=f"{title} ({len(rows)})", expand=True, show_lines=True)
    for column in columns:
        if column.startswith(("sentence", "quote")):
            table.add_column(column, overflow="fold", ratio=1)
        else:
            table.add_column(column, no_wrap=True)
    cells = _event_cells if columns == EVENT_COLUMNS else _quote_cells
    for row in rows:
        table.add_row(*cells(row))
    wide.print(table)


@app.command("ingest")
def ingest_command(
    paths: Annotated[
        list[str], typer.Argument(help="Pages, folders, RSS/Atom feeds (file or URL), feed lists, WARC or JSONL files.")
    ],
    db: DbOption = DEFAULT_DB,
    pub_date: Annotated[str | None, typer.Option("--date", help="Publication date, YYYY-MM-DD.")] = None,
    workers: Annotated[int | None, typer.Option("--workers", help="Coding processes (default: all cores).")] = None,
    engine: Annotated[str, typer.Option("--engine", help="local or dask.")] = "local",
    scheduler: Annotated[
        str | None, typer.Option("--scheduler", help="Dask scheduler address (default: a local cluster).")
    ] = None,
) -> None:
    """Code news inputs and store documents, events, quotes and actors in DuckDB."""
    if engine not in ENGINES:
        raise typer.BadParameter(f"--engine must be one of {', '.join(ENGINES)}")
    try:
        settings = Settings.from_env()
        pipeline = Pipeline(settings)
        store = Store(db)
    except EventwireError as exc:
        _fail(exc)
    with (
        store,
        Progress(
            TextColumn("{task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeElapsedColumn(),
            console=err,
            transient=True,
            disable=not err.is_terminal,
        ) as progress,
    ):
        task = progress.add_task("coding", total=None)

        def on_result(result: Result) -> None:
            progress.advance(task)
            if isinstance(result, InputError):
                _report_input_error(result)

        try:
            summary = ingest_paths(
                paths, store, pipeline, _date(pub_date), on_result, workers or settings.workers, engine, scheduler
            )
        except EventwireError as exc:
            _fail(exc)
    err.print(
        f"stored {summary.stored} documents ({summary.events} events, {summary.quotes} quotes), "
        f"{summary.skipped} already stored, {len(summary.failures)} failed -> {db}",
        highlight=False,
    )
    if summary.failures:
        raise typer.Exit(1)


@app.command("events")
def events_command(
    db: DbOption = DEFAULT_DB,
    actor: Annotated[str | None, typer.Option(help="Source country or code prefix, e.g. RUS or RUSGOV.")] = None,
    target: Annotated[str | None, typer.Option(help="Target country or code prefix.")] = None,
    since: Annotated[str | None, typer.Option(help="First event date, YYYY-MM-DD.")] = None,
    until: Annotated[str | None, typer.Option(help="Last event date, YYYY-MM-DD.")] = None,
    plover: Annotated[str | None, typer.Option(help="PLOVER event type, e.g. ACCUSE.")] = None,
    cameo: Annotated[str | None, typer.Option(help="CAMEO code prefix, e.g. 11 or 036.")] = None,
    modality: Annotated[str | None, typer.Option(help="asserted, negated, future or hypothetical.")] = None,
    limit: Annotated[int | None, typer.Option(help="At most this many events.")] = None,
    fmt: Annotated[str, typer.Option("--format", help="table, jsonl or csv.")] = "table",
) -> None:
    """Query stored events."""
    flt = EventFilter(
        actor=actor,
        target=target,
        since=_date(since),
        until=_date(until),
        plover=plover,
        cameo=cameo,
        modality=modality,
        limit=limit,
    )
    rows = _with_store(db, lambda s: s.events(flt))
    _print_rows("Events", rows, EVENT_COLUMNS, fmt, "event")


@app.command("quotes")
def quotes_command(
    db: DbOption = DEFAULT_DB,
    speaker: Annotated[str | None, typer.Option(help="Speaker's name, country or code prefix.")] = None,
    actor: Annotated[str | None, typer.Option(help="Speaker's country or code prefix, e.g. CHNGOV.")] = None,
    since: Annotated[str | None, typer.Option(help="First date, YYYY-MM-DD.")] = None,
    until: Annotated[str | None, typer.Option(help="Last date, YYYY-MM-DD.")] = None,
    fmt: Annotated[str, typer.Option("--format", help="table, jsonl or csv.")] = "table",
) -> None:
    """Query stored quotes: who said what, when."""
    rows = _with_store(db, lambda s: s.quotes(speaker=speaker, actor=actor, since=_date(since), until=_date(until)))
    _print_rows("Quotes", rows, QUOTE_COLUMNS, fmt, "quote")


def _with_store(db: Path, query: Callable[[Store], T]) -> T:
    """Run `query` on the store opened read-only, failing with one line when there is none."""
    if not db.exists():
        _fail(EventwireError(f"{db}: no such store; create it with `eventwire ingest PATH --db {db}`"))
    try:
        with Store(db, read_only=True) as store:
            return query(store)
    except EventwireError as exc:
        _fail(exc)
        raise


def _print_rows(title: str, rows: list[dict[str, Any]], columns: tuple[str, ...], fmt: str, kind: str) -> None:
    from .serialize import event_json, quote_json

    if fmt == "jsonl":
        to_json = event_json if kind == "event" else quote_json
        for row in rows:
            print(json.dumps(to_json(row), ensure_ascii=False, default=str))
    elif fmt == "csv":
        writer = csv.DictWriter(sys.stdout, fieldnames=list(rows[0]) if rows else ["id"])
        writer.writeheader()
        writer.writerows(rows)
    else:
        _table(title, rows, columns)


@app.command("export")
def export_command(
    fmt: Annotated[str, typer.Option("--format", help="parquet, csv, jsonl, gdelt, plover or icews.")],
    output: Annotated[Path | None, typer.Option("--out", help="Output file (default events.FORMAT).")] = None,
    db: DbOption = DEFAULT_DB,
    what: Annotated[str, typer.Option(help="events or quotes.")] = "events",
) -> None:
    """Write stored events (or quotes) to a file."""
    if fmt not in EXPORT_FORMATS:
        raise typer.BadParameter(f"--format must be one of {', '.join(EXPORT_FORMATS)}")
    if what not in {"events", "quotes"}:
        raise typer.BadParameter("--what must be events or quotes")
    if what == "quotes" and fmt in {"gdelt", "plover", "icews"}:
        raise typer.BadParameter(f"--format {fmt} writes events only")
    target = output or default_export_path(fmt, what)
    count = _with_store(db, lambda s: export(s, fmt, target, what=what))
    err.print(f"wrote {count} {what} to {target}", highlight=False)


@app.command("eval")
def eval_command(
    gold: Annotated[Path, typer.Argument(help="Gold JSONL file.")],
    articles: Annotated[Path | None, typer.Option(help="Folder of the gold articles.")] = None,
    dictionaries: Annotated[
        Path | None, typer.Option(help="Folder of PETRARCH's four dictionaries (PETRARCH unit records).")
    ] = None,
) -> None:
    """Score the coder against a gold file: precision, recall, F1, misses and spurious events."""
    from .evaluate import evaluate_file, evaluate_sentences, gold_kind, read_gold
    from .evaluate_petrarch import evaluate_petrarch

    try:
        records = read_gold(gold)
        kind = gold_kind(records)
        if kind == "petrarch":
            report = evaluate_petrarch(records, dictionaries or gold.parent, Settings.from_env())
            return _print_petrarch_report(gold, report)
        pipeline = Pipeline(Settings.from_env())
        if kind == "articles":
            _print_article_report(gold, evaluate_file(gold, articles or _default_articles(gold), pipeline))
        else:
            _print_sentence_report(gold, evaluate_sentences(records, pipeline))
    except EventwireError as exc:
        _fail(exc)


def _score_row(table: Table, *cells: str, score: Any) -> None:
    table.add_row(
        *cells,
        f"{score.precision:.2f}",
        f"{score.recall:.2f}",
        f"{score.f1:.2f}",
        str(score.tp),
        str(score.fp),
        str(score.fn),
    )


def _print_article_report(gold: Path, report: Any) -> None:
    table = Table(title=f"eventwire eval {gold} ({datetime.now():%Y-%m-%d})")
    for column in ("document", "level", "P", "R", "F1", "tp", "fp", "fn"):
        table.add_column(column)
    for d in report.documents:
        _score_row(table, d.file, "source,root", score=d.root)
        _score_row(table, d.file, "source,target,root", score=d.dyad)
    _score_row(table, "TOTAL", "source,root", score=report.total("root"))
    _score_row(table, "TOTAL", "source,target,root", score=report.total("dyad"))
    out.print(table)
    found, total = report.quotes
    out.print(f"quotes with the right speaker: {found}/{total}")
    for d in report.documents:
        lines = [
            *(f"missed   {m}" for m in d.missed),
            *(f"spurious {s}" for s in d.spurious),
            *(f"quote missed {q}" for q in d.quotes_missed),
            *(f"non-event coded {v}" for v in d.non_event_violations),
        ]
        for line in lines:
            out.print(f"  {d.file}: {line}", markup=False, highlight=False, soft_wrap=True)


def _print_sentence_report(gold: Path, report: Any) -> None:
    out.print(f"eventwire eval {gold} ({datetime.now():%Y-%m-%d}): {report.total} sentences")
    out.print(
        f"event type accuracy {report.type_accuracy:.3f}, macro-F1 {report.macro_f1:.3f}; "
        f"first actor's country {report.actor_accuracy:.3f} ({report.actor_correct}/{report.actor_total})"
    )
    table = Table(title="per PLOVER type")
    for column in ("type", "P", "R", "F1", "tp", "fp", "fn"):
        table.add_column(column)
    for name, score in sorted(report.per_type.items()):
        _score_row(table, name, score=score)
    out.print(table)
    _print_places(report.places, report.geo_places)
    top = sorted(report.confusion.items(), key=lambda kv: -kv[1])[:15]
    out.print(
        "most frequent confusions (gold -> coded): " + ", ".join(f"{g}->{p} {n}" for (g, p), n in top), soft_wrap=True
    )


def _print_places(coded: Any, geo: Any) -> None:
    """Event places three ways: end to end, over the events we placed, and the geo stage on the gold verbs."""
    out.print(
        f"event places, end to end: right place {coded.right_place}/{coded.gold}, "
        f"right country {coded.right_country}/{coded.gold_countries} (gold places whose country is known)"
    )
    out.print(
        f"event places, of the sentences we placed: right place {coded.right_place}/{coded.located}, "
        f"right country {coded.right_country}/{coded.located_countries}"
    )
    out.print(
        f"event places, geo stage alone on the gold verbs: placed {geo.located}/{geo.gold}; "
        f"right place {geo.right_place}/{geo.located}, right country {geo.right_country}/{geo.located_countries}"
    )
    for line in geo.wrong:
        out.print(f"  geo miss {line}", markup=False, highlight=False, soft_wrap=True)


def _print_petrarch_report(gold: Path, report: Any) -> None:
    table = Table(title=f"eventwire eval {gold} ({datetime.now():%Y-%m-%d}), PETRARCH dictionaries imported")
    for column in ("category", "expected", "found", "recall", "coded", "right", "precision"):
        table.add_column(column)
    for name, score in [*sorted(report.categories.items()), ("TOTAL", report.total)]:
        cells = (score.expected, score.found, f"{score.recall:.2f}", score.produced, score.right)
        table.add_row(name, *(str(c) for c in cells), f"{score.precision:.2f}")
    out.print(table)
    imported = report.imported
    out.print(
        f"dictionary entries not expressible: {len(imported.dropped)}, approximated: {len(imported.approximated)}"
    )
    for r in report.records:
        lines = [*(f"missed   {t}" for t in r.expected if t not in r.produced)]
        lines += [f"spurious {t}" for t in r.produced if t not in r.expected]
        for line in lines:
            out.print(f"  {r.id}: {line}", markup=False, highlight=False, soft_wrap=True)


def _default_articles(gold: Path) -> Path:
    samples = gold.parent.parent.parent / "samples"
    return samples if samples.is_dir() else gold.parent


@app.command("import-gdelt")
def import_gdelt_command(
    files: Annotated[list[Path], typer.Argument(help="GDELT 1.0 or 2.0 event files (.CSV or .zip).")],
    db: DbOption = DEFAULT_DB,
) -> None:
    """Load GDELT event files into the store's external_events table (not into our events)."""
    from .store import import_gdelt

    try:
        with Store(db) as store:
            summary = import_gdelt(files, store, _report_input_error)
    except EventwireError as exc:
        _fail(exc)
    err.print(
        f"loaded {summary.loaded} GDELT events, {summary.already} already stored, "
        f"{len(summary.failures)} lines or files failed -> {db}",
        highlight=False,
    )
    if summary.failures:
        raise typer.Exit(1)


@app.command("compare")
def compare_command(
    gdelt: Annotated[Path, typer.Option("--gdelt", help="A GDELT event file (.CSV or .zip).")],
    db: DbOption = DEFAULT_DB,
    fmt: Annotated[str, typer.Option("--format", help="table or jsonl.")] = "table",
) -> None:
    """Compare GDELT's events with ours, article by article (joined by URL)."""
    from .compare import compare_gdelt

    if fmt not in {"table", "jsonl"}:
        raise typer.BadParameter("--format must be table or jsonl")
    result = _with_store(db, lambda s: compare_gdelt(s, gdelt))
    for failure in result.failures:
        _report_input_error(failure)
    if fmt == "jsonl":
        for row in result.rows:
            print(json.dumps(row.to_json(), ensure_ascii=False))
    else:
        for url in dict.fromkeys(r.url for r in result.rows):
            table = Table(title=url, expand=True)
            for column in ("found by", "source", "target", "root", "GDELT ids", "our sentences"):
                wide = column == "our sentences"
                table.add_column(column, overflow="fold", no_wrap=not wide, ratio=1 if wide else None)
            for r in (r for r in result.rows if r.url == url):
                sentences = "\n".join(s for _, s in r.events)
                table.add_row(r.status, r.source or "", r.target or "", r.root, " ".join(r.gdelt_ids), sentences)
            out.print(table)
    counts = {s: sum(r.status == s for r in result.rows) for s in ("both", "gdelt", "eventwire")}
    err.print(
        f"{len({r.doc for r in result.rows})} documents in both; {counts['both']} found by both, "
        f"{counts['gdelt']} only by GDELT, {counts['eventwire']} only by eventwire; "
        f"{result.unmatched} of {result.gdelt_events} GDELT events cite no stored document",
        highlight=False,
    )
    if result.failures:
        raise typer.Exit(1)


@app.command("watch")
def watch_command(
    feeds: Annotated[Path, typer.Argument(help="Text file listing RSS/Atom feeds, one URL or path per line.")],
    every: Annotated[str, typer.Option("--every", help="Time between polls: 90s, 15m, 2h.")] = "15m",
    db: DbOption = DEFAULT_DB,
    once: Annotated[bool, typer.Option("--once", help="Poll once and exit.")] = False,
) -> None:
    """Poll RSS/Atom feeds and code and store only the new articles."""
    interval = _duration(every)
    try:
        pipeline = Pipeline(Settings.from_env())
        store = Store(db)
    except EventwireError as exc:
        _fail(exc)
    failed = 0

    def on_result(result: Result) -> None:
        if isinstance(result, InputError):
            _report_input_error(result)

    def on_poll(summary: IngestSummary) -> None:
        nonlocal failed
        failed += len(summary.failures)
        err.print(
            f"{datetime.now():%Y-%m-%d %H:%M:%S} stored {summary.stored} new documents ({summary.events} events), "
            f"{summary.skipped} already stored, {len(summary.failures)} failed -> {db}",
            highlight=False,
        )

    with store:
        try:
            watch_feeds(feeds, store, pipeline, interval, once, on_result, on_poll)
        except EventwireError as exc:
            _fail(exc)
    if failed:
        raise typer.Exit(1)


def _duration(value: str) -> float:
    match = re.fullmatch(r"(\d+(?:\.\d+)?)([smh]?)", value.strip())
    if match is None:
        raise typer.BadParameter(f"{value!r} is not a duration such as 90s, 15m or 2h")
    return float(match.group(1)) * {"": 1, "s": 1, "m": 60, "h": 3600}[match.group(2)]


@app.command("import-petrarch")
def import_petrarch_command(
    verbs: Annotated[Path, typer.Option("--verbs", help="PETRARCH verbs dictionary.")],
    actors: Annotated[Path, typer.Option("--actors", help="PETRARCH actors dictionary.")],
    agents: Annotated[Path, typer.Option("--agents", help="PETRARCH agents dictionary.")],
    discards: Annotated[Path, typer.Option("--discards", help="PETRARCH discards dictionary.")],
    out_dir: Annotated[Path, typer.Option("--out", help="Folder for the knowledge files (EVENTWIRE_DATA_DIR).")],
) -> None:
    """Write PETRARCH dictionaries as eventwire knowledge files; code with them via EVENTWIRE_DATA_DIR."""
    from .petrarch import NOTES_FILE, import_to_dir

    try:
        imported, written = import_to_dir(verbs, actors, agents, discards, out_dir)
    except EventwireError as exc:
        _fail(exc)
    err.print(
        f"wrote {len(written)} files to {out_dir}; {len(imported.dropped)} entries not expressible and "
        f"{len(imported.approximated)} approximated, listed in {out_dir / NOTES_FILE}",
        highlight=False,
    )


@app.command("serve")
def serve_command(
    db: DbOption = DEFAULT_DB,
    host: Annotated[
        str, typer.Option("--host", help="Address to listen on; 0.0.0.0 opens it to the network.")
    ] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", help="TCP port.")] = 8000,
) -> None:
    """Serve the JSON API (/api/v1, schema at /openapi.json) and the dashboard (/) over the store."""
    from .api import serve

    try:
        serve(db, host, port)
    except EventwireError as exc:
        _fail(exc)


def main() -> None:
    app()
