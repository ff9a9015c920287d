// The eventwire dashboard: events table, the article behind an event, dyad chart, actor network, coding box.
// Every string from the store or the user reaches the page as a text node (textContent or
// createTextNode), never as markup; charts are SVG elements built one by one.
"use strict";

const API = "/api/v1";
const PAGE_SIZE = 50;
const ROLES = ["verb", "source", "target"]; // the verb wins where spans overlap
const SVG_NS = "http://www.w3.org/2000/svg";

// Build an element; string children become text nodes, attributes never carry event handlers.
function el(tag, attrs = {}, ...children) {
  return build(document.createElement(tag), attrs, children);
}

function svg(tag, attrs = {}, ...children) {
  return build(document.createElementNS(SVG_NS, tag), attrs, children);
}

function build(node, attrs, children) {
  for (const [name, value] of Object.entries(attrs)) {
    if (name.toLowerCase().startsWith("on")) throw new Error("no inline handlers");
    if (value !== null && value !== undefined && value !== false) node.setAttribute(name, String(value));
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

async function api(path, options = {}) {
  const response = await fetch(API + path, options);
  const body = await response.json().catch(() => null);
  if (!response.ok) {
    const detail = body && body.detail;
    throw new Error(typeof detail === "string" ? detail : `HTTP ${response.status}`);
  }
  return body;
}

function query(form, extra = {}) {
  const params = new URLSearchParams();
  for (const [name, value] of new FormData(form)) if (String(value).trim()) params.set(name, String(value).trim());
  for (const [name, value] of Object.entries(extra)) params.set(name, value);
  return params.toString();
}

function setStatus(id, message, isError = false) {
  const node = document.getElementById(id);
  node.textContent = message;
  node.classList.toggle("error", isError);
}

function actorLabel(actor) {
  if (!actor) return "";
  return actor.code && actor.code !== actor.name ? `${actor.name} (${actor.code})` : actor.name || actor.code || "";
}

// The sentence with source, verb and target marked; offsets count Unicode code points, as Python does.
function highlighted(text, spanSets) {
  const chars = Array.from(text);
  const marks = [];
  for (const spans of spanSets) {
    for (const role of ROLES) {
      const span = spans && spans[role];
      if (span) marks.push({ start: span[0], end: span[1], role });
    }
  }
  const cuts = new Set([0, chars.length]);
  for (const mark of marks) {
    cuts.add(Math.max(0, Math.min(chars.length, mark.start)));
    cuts.add(Math.max(0, Math.min(chars.length, mark.end)));
  }
  const points = [...cuts].sort((a, b) => a - b);
  const fragment = document.createDocumentFragment();
  for (let i = 0; i + 1 < points.length; i++) {
    const [start, end] = [points[i], points[i + 1]];
    const piece = chars.slice(start, end).join("");
    const mark = marks.find((m) => m.start <= start && end <= m.end);
    fragment.append(mark ? el("mark", { class: mark.role, title: mark.role }, piece) : document.createTextNode(piece));
  }
  return fragment;
}

function eventRow(event, onOpen) {
  const date = event.date ? event.date + (event.date_end ? `..${event.date_end}` : "") : "";
  const row = el(
    "tr",
    { class: onOpen ? "event-row" : null, "data-event": event.id },
    el("td", { class: "nowrap" }, date),
    el("td", {}, actorLabel(event.source)),
    el("td", { class: "nowrap" }, `${event.cameo} ${event.plover || ""}`),
    el("td", {}, actorLabel(event.target)),
    el("td", {}, event.modality),
    el("td", { class: "sentence-cell" }, highlighted(event.text, [event.spans])),
    el("td", { class: "rule" }, event.rule),
  );
  if (onOpen) row.addEventListener("click", () => onOpen(event));
  return row;
}

// ---- events table -------------------------------------------------------------------------------------------

const eventsState = { offset: 0, total: 0 };

async function loadEvents() {
  const form = document.getElementById("event-filters");
  const body = document.querySelector("#events-table tbody");
  try {
    const page = await api(`/events?${query(form, { limit: PAGE_SIZE, offset: eventsState.offset })}`);
    eventsState.total = page.total;
    body.replaceChildren(...page.items.map((event) => eventRow(event, openEvent)));
    const last = Math.min(page.offset + page.items.length, page.total);
    document.getElementById("page-info").textContent = page.total
      ? `${page.offset + 1}-${last} of ${page.total}`
      : "no events";
    document.getElementById("prev-page").disabled = page.offset === 0;
    document.getElementById("next-page").disabled = last >= page.total;
    setStatus("events-status", `${page.total} events`);
  } catch (error) {
    body.replaceChildren();
    setStatus("events-status", error.message, true);
  }
}

async function openEvent(event) {
  try {
    const [detail, doc] = await Promise.all([
      api(`/events/${encodeURIComponent(event.id)}`),
      api(`/documents/${encodeURIComponent(event.doc)}`),
    ]);
    showArticle(detail.event, doc);
  } catch (error) {
    setStatus("events-status", error.message, true);
  }
}

function showArticle(event, doc) {
  const article = document.getElementById("article");
  const d = doc.document;
  document.getElementById("article-title").textContent = d.title || d.source;
  const meta = document.getElementById("article-meta");
  meta.replaceChildren(`${d.source} · published ${d.date || "unknown"} (${d.date_source})`);
  if (d.url && /^https?:\/\//i.test(d.url)) {
    meta.append(" · ", el("a", { href: d.url, rel: "noopener noreferrer", target: "_blank" }, d.url));
  }
  document.getElementById("why").replaceChildren(whyBox(event));
  document.getElementById("article-text").replaceChildren(...articleParagraphs(doc, event));
  article.hidden = false;
  article.scrollIntoView({ block: "start" });
}

function whyBox(event) {
  const location = event.location ? `${event.location.name} (${event.location.country || "?"})` : "";
  const fields = [
    ["event", `${event.cameo} · ${event.plover || "-"} ${event.plover_mode || ""}`],
    ["source", actorLabel(event.source)],
    ["target", actorLabel(event.target)],
    ["modality", event.modality],
    ["date", `${event.date || "unknown"} (from the ${event.date_source})`],
    ["place", location],
    ["quad class · Goldstein", `${event.quad_class} · ${event.goldstein}`],
    ["rule", event.rule],
    ["contexts", event.contexts.join(", ")],
  ];
  return el(
    "div",
    {},
    el("h3", {}, "Why this event"),
    el("p", { class: "why-sentence" }, highlighted(event.text, [event.spans])),
    el("p", { class: "legend" }, el("mark", { class: "source" }, "source"), el("mark", { class: "verb" }, "verb"),
      el("mark", { class: "target" }, "target")),
    el("dl", {}, fields.flatMap(([name, value]) => [el("dt", {}, name), el("dd", { "data-field": name }, value)])),
  );
}

// The document's sentences by paragraph; coded sentences carry their events' spans, the chosen one stands out.
function articleParagraphs(doc, selected) {
  const byParagraph = new Map();
  for (const sentence of doc.sentences) {
    const key = `${sentence.kind}-${sentence.paragraph}`;
    if (!byParagraph.has(key)) byParagraph.set(key, el("p", { class: sentence.kind === "title" ? "title-sentence" : "" }));
    const events = doc.events.filter((e) => e.sentence === sentence.idx && e.text === sentence.text);
    const isSelected = selected.sentence === sentence.idx;
    const spans = isSelected && selected.text === sentence.text ? [selected.spans] : events.map((e) => e.spans);
    const node = el(
      "span",
      { class: `sentence${events.length ? " coded" : ""}${isSelected ? " selected" : ""}`, "data-idx": sentence.idx },
      spans.length ? highlighted(sentence.text, spans) : sentence.text,
    );
    if (events.length) node.title = events.map((e) => `${e.cameo} ${e.plover || ""} (rule ${e.rule})`).join("\n");
    byParagraph.get(key).append(node, " ");
  }
  return [...byParagraph.values()];
}

// ---- dyad chart ---------------------------------------------------------------------------------------------

function periods(series, interval) {
  if (!series.length) return [];
  const byPeriod = new Map(series.map((row) => [row.period, row]));
  const step = interval === "day" ? 1 : 7;
  const result = [];
  const last = new Date(`${series[series.length - 1].period}T00:00:00Z`);
  for (let day = new Date(`${series[0].period}T00:00:00Z`); day <= last && result.length < 1000; ) {
    const key = day.toISOString().slice(0, 10);
    result.push(byPeriod.get(key) || { period: key, events: 0, quad_classes: [0, 0, 0, 0], goldstein: null });
    day.setUTCDate(day.getUTCDate() + step);
  }
  return result;
}

function drawDyad(data) {
  const rows = periods(data.series, data.interval);
  const [width, height, left, right, top, bottom] = [900, 360, 50, 50, 20, 40];
  const chart = svg("svg", { viewBox: `0 0 ${width} ${height}`, width, height, role: "img", class: "dyad" });
  chart.append(svg("title", {}, `${data.a} and ${data.b}: cooperation and conflict per ${data.interval}`));
  const middle = top + (height - top - bottom) / 2;
  const half = (height - top - bottom) / 2;
  const cooperation = (r) => r.quad_classes[0] + r.quad_classes[1];
  const conflict = (r) => r.quad_classes[2] + r.quad_classes[3];
  const most = Math.max(1, ...rows.map((r) => Math.max(cooperation(r), conflict(r))));
  const band = Math.min(60, (width - left - right) / Math.max(rows.length, 1));
  const x = (i) => left + i * band;
  chart.append(
    svg("line", { class: "axis", x1: left, x2: width - right, y1: middle, y2: middle }),
    svg("line", { class: "axis", x1: left, x2: left, y1: top, y2: height - bottom }),
    svg("text", { class: "label", x: 4, y: top + 10 }, `${most} coop.`),
    svg("text", { class: "label", x: 4, y: height - bottom }, `${most} confl.`),
    svg("text", { class: "label", x: width - right + 4, y: top + 10 }, "+10"),
    svg("text", { class: "label", x: width - right + 4, y: middle + 4 }, "0 G"),
    svg("text", { class: "label", x: width - right + 4, y: height - bottom }, "-10"),
  );
  const labelEvery = Math.max(1, Math.ceil(rows.length / 8));
  const points = [];
  rows.forEach((r, i) => {
    const tip = `${r.period}: ${cooperation(r)} cooperation, ${conflict(r)} conflict` +
      (r.goldstein === null ? "" : `, mean Goldstein ${r.goldstein.toFixed(1)}`);
    const up = (cooperation(r) / most) * half;
    const down = (conflict(r) / most) * half;
    const barWidth = Math.max(1, band * 0.8);
    if (up) chart.append(svg("rect", { class: "coop", x: x(i), y: middle - up, width: barWidth, height: up }, svg("title", {}, tip)));
    if (down) chart.append(svg("rect", { class: "conflict", x: x(i), y: middle, width: barWidth, height: down }, svg("title", {}, tip)));
    if (r.goldstein !== null) {
      const [cx, cy] = [x(i) + band * 0.4, middle - (r.goldstein / 10) * half];
      points.push(`${cx},${cy}`);
      chart.append(svg("circle", { class: "goldstein-point", cx, cy, r: 3 }, svg("title", {}, tip)));
    }
    if (i % labelEvery === 0) chart.append(svg("text", { class: "label", x: x(i), y: height - bottom + 16 }, r.period));
  });
  if (points.length) chart.append(svg("polyline", { class: "goldstein", points: points.join(" ") }));
  const legend = el("p", { class: "legend" }, "bars: events of quad classes 1-2 (cooperation, up) and 3-4 (conflict, down); ",
    "line: mean Goldstein score (-10 to +10)");
  document.getElementById("dyad-chart").replaceChildren(chart, legend);
}

async function loadDyad() {
  const form = document.getElementById("dyad-form");
  try {
    const data = await api(`/dyad?${query(form)}`);
    drawDyad(data);
    const total = data.series.reduce((n, r) => n + r.events, 0);
    setStatus("dyad-status", `${total} events between ${data.a} and ${data.b}`);
  } catch (error) {
    setStatus("dyad-status", error.message, true);
  }
}

// ---- actor network ------------------------------------------------------------------------------------------

function edgeColor(goldstein) {
  return goldstein > 0 ? "coop" : goldstein < 0 ? "conflict" : "neutral";
}

function drawNetwork(data) {
  const size = 640;
  const center = size / 2;
  const radius = size / 2 - 70;
  const chart = svg("svg", { viewBox: `0 0 ${size} ${size}`, width: size, height: size, role: "img", class: "network" });
  chart.append(svg("title", {}, "Who acts on whom: arrows from source to target"));
  const colors = { coop: "#2e8b57", conflict: "#c0392b", neutral: "#888" };
  chart.append(svg("defs", {}, Object.entries(colors).map(([name, color]) =>
    svg("marker", { id: `arrow-${name}`, viewBox: "0 0 10 10", refX: 10, refY: 5, markerWidth: 10, markerHeight: 10,
      markerUnits: "userSpaceOnUse", orient: "auto-start-reverse" },
      svg("path", { d: "M 0 0 L 10 5 L 0 10 z", fill: color })))));
  const place = new Map();
  const most = Math.max(1, ...data.nodes.map((n) => n.events));
  data.nodes.forEach((node, i) => {
    const angle = (2 * Math.PI * i) / data.nodes.length - Math.PI / 2;
    place.set(node.id, { x: center + radius * Math.cos(angle), y: center + radius * Math.sin(angle), r: 4 + 12 * Math.sqrt(node.events / most), angle });
  });
  const mostEdge = Math.max(1, ...data.edges.map((e) => e.events));
  for (const edge of data.edges) {
    const a = place.get(edge.source);
    const b = place.get(edge.target);
    const [dx, dy] = [b.x - a.x, b.y - a.y];
    const length = Math.hypot(dx, dy) || 1;
    const [ux, uy] = [dx / length, dy / length];
    // curve to the right of the direction of travel, so A->B and B->A do not overlap
    const control = { x: (a.x + b.x) / 2 - uy * length * 0.15, y: (a.y + b.y) / 2 + ux * length * 0.15 };
    const end = { x: b.x - ux * b.r, y: b.y - uy * b.r };
    const tone = edgeColor(edge.goldstein);
    chart.append(svg("path", {
      class: `edge ${tone}`, d: `M ${a.x} ${a.y} Q ${control.x} ${control.y} ${end.x} ${end.y}`,
      fill: "none", stroke: colors[tone], "stroke-width": 1 + 5 * (edge.events / mostEdge), "stroke-opacity": 0.75,
      "marker-end": `url(#arrow-${tone})`,
    }, svg("title", {}, `${edge.source} → ${edge.target}: ${edge.events} events, mean Goldstein ${edge.goldstein.toFixed(1)}`)));
  }
  for (const node of data.nodes) {
    const p = place.get(node.id);
    const outside = { x: center + (radius + p.r + 8) * Math.cos(p.angle), y: center + (radius + p.r + 8) * Math.sin(p.angle) };
    chart.append(
      svg("circle", { class: "node", cx: p.x, cy: p.y, r: p.r }, svg("title", {}, `${node.id}: ${node.events} events`)),
      svg("text", { class: "node-label", x: outside.x, y: outside.y + 4, "text-anchor": Math.cos(p.angle) < -0.1 ? "end" : Math.cos(p.angle) > 0.1 ? "start" : "middle" }, node.id),
    );
  }
  document.getElementById("network-chart").replaceChildren(chart,
    el("p", { class: "legend" }, "arrow: source → target; width: events; green: mean Goldstein above 0, red: below"));
}

async function loadNetwork() {
  const form = document.getElementById("network-form");
  try {
    const data = await api(`/network?${query(form)}`);
    drawNetwork(data);
    setStatus("network-status", `${data.nodes.length} actors, ${data.edges.length} directed links`);
  } catch (error) {
    setStatus("network-status", error.message, true);
  }
}

// ---- coding box ---------------------------------------------------------------------------------------------

async function codeArticle(form) {
  const data = new FormData(form);
  const payload = { text: String(data.get("text")) };
  if (data.get("date")) payload.date = String(data.get("date"));
  setStatus("code-status", "coding...");
  try {
    const records = await api("/code", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(payload),
    });
    showCoded(records);
  } catch (error) {
    document.getElementById("code-result").replaceChildren();
    setStatus("code-status", error.message, true);
  }
}

function showCoded(records) {
  const doc = records.find((r) => r.type === "document");
  const events = records.filter((r) => r.type === "event");
  const quotes = records.filter((r) => r.type === "quote");
  setStatus("code-status", `${events.length} events, ${quotes.length} quotes; date ${doc.date || "unknown"} (${doc.date_source})`);
  const head = el("tr", {}, ["date", "source", "event", "target", "modality", "sentence", "rule"].map((h) => el("th", {}, h)));
  document.getElementById("code-result").replaceChildren(
    el("h3", {}, "Events"),
    el("table", { id: "coded-events" }, el("thead", {}, head), el("tbody", {}, events.map((e) => eventRow(e, null)))),
    el("h3", {}, "Quotes"),
    el("ul", { id: "coded-quotes" }, quotes.map((q) =>
      el("li", {}, el("strong", {}, q.speaker ? actorLabel(q.speaker) : "unknown speaker"), `: “${q.text}”`))),
  );
}

// ---- wiring -------------------------------------------------------------------------------------------------

function showView(name) {
  for (const button of document.querySelectorAll("#tabs button")) button.classList.toggle("active", button.dataset.view === name);
  for (const view of document.querySelectorAll(".view")) view.hidden = view.id !== `view-${name}`;
  if (name === "dyad") loadDyad();
  if (name === "network") loadNetwork();
}

function onSubmit(id, handler) {
  document.getElementById(id).addEventListener("submit", (event) => {
    event.preventDefault();
    handler(event.target);
  });
}

async function loadCounts() {
  try {
    const counts = await api("/counts");
    document.getElementById("counts").textContent =
      `${counts.documents} documents · ${counts.events} events · ${counts.quotes} quotes`;
  } catch (error) {
    document.getElementById("counts").textContent = error.message;
  }
}

function start() {
  for (const button of document.querySelectorAll("#tabs button")) button.addEventListener("click", () => showView(button.dataset.view));
  onSubmit("event-filters", () => {
    eventsState.offset = 0;
    loadEvents();
  });
  onSubmit("dyad-form", loadDyad);
  onSubmit("network-form", loadNetwork);
  onSubmit("code-form", codeArticle);
  document.getElementById("prev-page").addEventListener("click", () => {
    eventsState.offset = Math.max(0, eventsState.offset - PAGE_SIZE);
    loadEvents();
  });
  document.getElementById("next-page").addEventListener("click", () => {
    eventsState.offset += PAGE_SIZE;
    loadEvents();
  });
  document.getElementById("close-article").addEventListener("click", () => {
    document.getElementById("article").hidden = true;
  });
  loadCounts();
  loadEvents();
}

start();
