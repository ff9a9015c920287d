"""The dashboard in a real headless Chromium against a real service on 127.0.0.1 (screenshots in out/screenshots/)."""

from __future__ import annotations

import socket
import threading
import time
from dataclasses import replace
from pathlib import Path

import httpx
import pytest
import uvicorn

from conftest import ROOT, example_path
from eventwire.api import create_app
from eventwire.settings import Settings
from test_service import build_store

CHROMIUM = Path("/usr/bin/chromium")
pytestmark = pytest.mark.skipif(
    not CHROMIUM.exists(), reason="Debian's chromium is not installed at /usr/bin/chromium (`make browser` installs it)"
)
SHOTS = ROOT / "out" / "screenshots"
TOKEN = "browser-test-token"
HOSTILE = (
    "Norway Rebukes Hungary\n\n"
    "Norway criticized Hungary on Monday over a report titled <script>window.__pwned = 1</script> by its ministry.\n\n"
    'The Norwegian minister called the decision "onerror=window.__pwned=2 <img src=x onerror=alert(3)>" a mistake.\n'
)
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="module")
def service(tmp_path_factory, pipeline):
    """The service on a free port of 127.0.0.1, over the examples plus a hostile article stored through the API."""
    db = build_store(tmp_path_factory.mktemp("browser") / "events.duckdb", pipeline)
    app = create_app(db, replace(Settings(), api_token=TOKEN), pipeline)
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    server = uvicorn.Server(uvicorn.Config(app, log_level="warning"))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    while not server.started:
        time.sleep(0.05)
    url = f"http://127.0.0.1:{sock.getsockname()[1]}"
    stored = httpx.post(
        f"{url}/api/v1/code",
        json={"text": HOSTILE, "date": "2024-01-08", "store": True},
        headers={"Authorization": f"Bearer {TOKEN}"},
        timeout=60,
    )
    assert stored.status_code == 201, stored.text
    yield url
    server.should_exit = True
    thread.join(timeout=10)
    sock.close()


@pytest.fixture(scope="module")
def browser():
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser, service):
    """A fresh page on the dashboard that records dialogs, script errors and console errors (CSP violations)."""
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    page = context.new_page()
    page.dialogs = []
    page.errors = []
    page.on("dialog", lambda dialog: (page.dialogs.append(dialog.message), dialog.dismiss()))
    page.on("pageerror", lambda error: page.errors.append(str(error)))
    page.on("console", lambda message: message.type == "error" and page.errors.append(message.text))
    page.goto(service)
    page.wait_for_selector("#events-table tbody tr")
    yield page
    assert page.errors == []
    context.close()


def shot(page, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)


def filter_events(page, **fields: str) -> None:
    """Fill the filter form and submit it; returns once the table shows the new answer."""
    for name, value in fields.items():
        page.fill(f"#event-filters [name={name}]", value)
    # the answer to this filter, not the page's first unfiltered load still in flight on a busy machine
    with page.expect_response(
        lambda response: "/api/v1/events?" in response.url and all(f"{name}=" in response.url for name in fields)
    ):
        page.click("#event-filters button[type=submit]")
    page.wait_for_function("document.querySelector('#events-status').textContent.endsWith(' events')")


def test_the_table_filters_events(page, service):
    total = httpx.get(f"{service}/api/v1/events", params={"actor": "PHL"}).json()["total"]
    filter_events(page, actor="PHL")
    assert page.inner_text("#events-status") == f"{total} events"
    sources = page.locator("#events-table tbody tr td:nth-child(2)").all_inner_texts()
    assert len(sources) == total and all("PHL" in s for s in sources)
    shot(page, "events")


def test_an_event_opens_its_article_with_source_verb_and_target_marked(page, service):
    event = httpx.get(f"{service}/api/v1/events", params={"actor": "PHL", "target": "CHN"}).json()["items"][0]
    filter_events(page, actor="PHL", target="CHN")
    page.click(f"#events-table tr[data-event='{event['id']}']")
    page.wait_for_selector("#article:not([hidden]) .why-sentence mark")
    for role in ("source", "verb", "target"):
        start, end = event["spans"][role]
        assert page.inner_text(f".why-sentence mark.{role}") == event["text"][start:end]
        assert page.inner_text(f"#article-text .sentence.selected mark.{role}") == event["text"][start:end]
    assert page.inner_text(".why dd[data-field=rule]") == event["rule"]
    assert (
        page.inner_text("#article-title")
        == httpx.get(f"{service}/api/v1/documents/{event['doc']}").json()["document"]["title"]
    )
    assert page.locator("#article-text .sentence").count() > 10
    shot(page, "article")


def test_article_text_is_shown_as_text_and_never_runs(page):
    filter_events(page, actor="NOR", q="script")
    assert page.inner_text("#events-status") == "1 events"
    page.click("#events-table tbody tr")
    page.wait_for_selector("#article:not([hidden]) .why-sentence mark")
    assert "<script>window.__pwned = 1</script>" in page.inner_text(".why-sentence")
    assert '"onerror=window.__pwned=2 <img src=x onerror=alert(3)>"' in page.inner_text("#article-text")
    page.wait_for_timeout(300)  # give an injected handler the time it would need to fire
    assert page.evaluate("window.__pwned") is None
    assert page.dialogs == []
    assert page.locator("script").count() == 1 and page.locator("img, [onerror]").count() == 0
    shot(page, "hostile-article")


def test_the_dyad_chart_draws_cooperation_and_conflict(page, service):
    series = httpx.get(f"{service}/api/v1/dyad", params={"a": "PHL", "b": "CHN", "interval": "day"}).json()["series"]
    page.click("#tabs button[data-view=dyad]")
    page.select_option("#dyad-form [name=interval]", "day")
    page.click("#dyad-form button[type=submit]")
    page.wait_for_selector("#dyad-chart svg rect")
    conflict = sum(r["quad_classes"][2] + r["quad_classes"][3] > 0 for r in series)
    cooperation = sum(r["quad_classes"][0] + r["quad_classes"][1] > 0 for r in series)
    assert page.locator("#dyad-chart svg rect.conflict").count() == conflict > 0
    assert page.locator("#dyad-chart svg rect.coop").count() == cooperation
    assert page.locator("#dyad-chart svg polyline.goldstein").count() == 1
    shot(page, "dyad")


def test_the_network_draws_every_actor_and_link(page, service):
    data = httpx.get(f"{service}/api/v1/network").json()
    page.click("#tabs button[data-view=network]")
    page.wait_for_selector("#network-chart svg circle")
    assert page.locator("#network-chart svg circle.node").count() == len(data["nodes"]) > 2
    assert page.locator("#network-chart svg path.edge").count() == len(data["edges"])
    assert set(page.locator("#network-chart svg text.node-label").all_text_contents()) == {
        n["id"] for n in data["nodes"]
    }
    shot(page, "network")


def test_a_pasted_article_is_coded_on_the_page(page, service):
    path = example_path("2019-03-12")
    text = path.read_text(encoding="utf-8")
    records = httpx.post(f"{service}/api/v1/code", json={"text": text, "date": "2019-03-12"}, timeout=60).json()
    events = [r for r in records if r["type"] == "event"]
    page.click("#tabs button[data-view=code]")
    page.fill("#code-form textarea", text)
    page.fill("#code-form [name=date]", "2019-03-12")
    page.click("#code-form button[type=submit]")
    page.wait_for_selector("#coded-events tbody tr")
    assert page.locator("#coded-events tbody tr").count() == len(events) > 0
    assert page.locator("#coded-events mark.verb").count() == len(events)
    assert page.locator("#coded-quotes li").count() == len(records) - 1 - len(events)
    shot(page, "code")
