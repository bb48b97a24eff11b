"""Server-rendered pages (Jinja2, autoescaped): search, story, article, actor, dyad, events,
timeline.  No page needs a script; every number links down to the rows behind it, and every
event to its sentence in its article (``/articles/ID#cSTART``)."""
from __future__ import annotations

import datetime as dt
from pathlib import Path
from urllib.parse import quote, urlencode

from fastapi import FastAPI, HTTPException, Query, Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates
from markupsafe import Markup, escape

from ..errors import EventwireError
from . import data
from .app import reader

HERE = Path(__file__).resolve().parent


def _clean(value) -> str:
    """Text for a page: control and bidi characters made visible (``inert``), then escaped by Jinja."""
    from ..terminal import inert

    return inert(str(value)) if value is not None else ""


def add_pages(app: FastAPI) -> None:
    templates = Jinja2Templates(directory=str(HERE / "templates"))
    env = templates.env
    env.autoescape = True
    env.filters["clean"] = _clean
    env.filters["q"] = lambda v: quote(str(v), safe="")
    env.globals["qs"] = lambda **kw: urlencode({k: v for k, v in kw.items() if v not in (None, "", [])}, doseq=True)

    def page(request: Request, name: str, status: int = 200, **context) -> HTMLResponse:
        return templates.TemplateResponse(request, name, context, status_code=status)

    @app.exception_handler(404)
    async def not_found(request: Request, exc):
        if request.url.path.startswith("/api"):
            from fastapi.responses import JSONResponse

            return JSONResponse({"error": getattr(exc, "detail", "not found")}, status_code=404)
        return page(request, "message.html", status=404, title="Not found",
                    message=getattr(exc, "detail", None) or "Nothing here.")

    @app.get("/docs", response_class=HTMLResponse, include_in_schema=False)
    def docs(request: Request):
        """The API, read off its OpenAPI spec (served as /openapi.json), without scripts."""
        spec = app.openapi()
        ops = [(path, method.upper(), op) for path, item in spec["paths"].items() for method, op in item.items()]
        return page(request, "docs.html", ops=ops)

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def home(request: Request, q: str | None = None, outlet: str | None = None,
             date_from: str | None = Query(None, alias="from"), date_to: str | None = Query(None, alias="to"),
             after: str | None = Query(None, alias="next")):
        with reader(app) as store:
            summary = data.summary(store)
            if not q:
                recent, _ = data.stories(store, limit=1000)
                recent = sorted(recent, key=lambda s: (s.get("date") or "", s["id"]), reverse=True)[:15]
                return page(request, "home.html", summary=summary, stories=recent)
            try:
                rows, token, facets = data.search(store, q, outlet=outlet, date_from=date_from, date_to=date_to,
                                                  after=after, limit=25)
                error = None
            except data.BadRequest as exc:
                rows, token, facets, error = [], None, {}, str(exc)
        return page(request, "search.html", q=q, rows=rows, next=token, facets=facets, error=error,
                    outlet=outlet, date_from=date_from, date_to=date_to)

    @app.get("/stories", response_class=HTMLResponse, include_in_schema=False)
    def stories_page(request: Request, after: str | None = Query(None, alias="next")):
        with reader(app) as store:
            rows, token = data.stories(store, after=after, limit=100)
        return page(request, "stories.html", rows=rows, next=token)

    @app.get("/stories/{story_id}", response_class=HTMLResponse, include_in_schema=False)
    def story_page(request: Request, story_id: str):
        with reader(app) as store:
            try:
                s = data.story_detail(store, story_id)
            except KeyError:
                raise HTTPException(404, "No such story.") from None
            thread = data.stories(store, thread=s["thread"], limit=50)[0] if s.get("thread") else []
        outlets = {m["outlet"] or "(unknown outlet)" for m in s["members"] if m["role"] not in ("reprint",)}
        return page(request, "story.html", s=s, independent=len(outlets), thread=thread)

    @app.get("/articles/{article_id}", response_class=HTMLResponse, include_in_schema=False)
    def article_page(request: Request, article_id: str, raw: bool = False):
        with reader(app) as store:
            try:
                a = data.article_detail(store, article_id)
            except EventwireError:
                raise HTTPException(404, "No such article.") from None
            raw_text = None
            if raw:
                got = store.raw_input(article_id)
                raw_text = got.decode("utf-8", "replace") if got is not None else None
        return page(request, "article.html", a=a, body=highlight(a), raw_text=raw_text)

    @app.get("/actors/{name}", response_class=HTMLResponse, include_in_schema=False)
    def actor_page(request: Request, name: str):
        with reader(app) as store:
            try:
                actor = data.actor_detail(store, name)
            except KeyError:
                raise HTTPException(404, "No such actor.") from None
        return page(request, "actor.html", actor=actor)

    @app.get("/dyad/{a}/{b}", response_class=HTMLResponse, include_in_schema=False)
    def dyad_page(request: Request, a: str, b: str, by: str = "month"):
        if by not in ("day", "week", "month"):
            by = "month"
        with reader(app) as store:
            series = data.dyad(store, a, b, by)
        return page(request, "dyad.html", d=series, chart=Markup(chart(series)), ranges=_ranges(series))

    @app.get("/events", response_class=HTMLResponse, include_in_schema=False)
    def events_page(request: Request, actor: str | None = None, dyad: str | None = None,
                    date_from: str | None = Query(None, alias="from"), date_to: str | None = Query(None, alias="to"),
                    root: str | None = None, plover: str | None = None, quad: int | None = None,
                    after: str | None = Query(None, alias="next")):
        with reader(app) as store:
            try:
                rows, token = data.events(store, actor=actor, dyad=dyad, date_from=date_from, date_to=date_to,
                                          root=root, plover=plover, quad=quad, after=after, limit=100)
                error = None
            except data.BadRequest as exc:
                rows, token, error = [], None, str(exc)
        return page(request, "events.html", rows=rows, next=token, error=error,
                    filters={"actor": actor, "dyad": dyad, "from": date_from, "to": date_to, "root": root,
                             "plover": plover, "quad": quad})

    @app.get("/events/{event_id}", response_class=HTMLResponse, include_in_schema=False)
    def event_page(request: Request, event_id: str):
        with reader(app) as store:
            try:
                e = data.event_detail(store, event_id)
            except KeyError:
                raise HTTPException(404, "No such event.") from None
        return page(request, "event.html", e=e)

    @app.get("/timeline", response_class=HTMLResponse, include_in_schema=False)
    def timeline_page(request: Request, q: str | None = None, actor: list[str] = Query([])):
        with reader(app) as store:
            try:
                rows = data.timeline(store, q, actor, None, None) if (q or actor) else []
                error = None
            except data.BadRequest as exc:
                rows, error = [], str(exc)
        return page(request, "timeline.html", q=q, actors=actor, rows=rows, error=error)


# ------------------------------------------------------------------ article text


def highlight(a: dict) -> Markup:
    """The body with quotes, actor mentions, time expressions and event sentences marked at their
    offsets (escaped segment by segment; overlapping marks nest as classes on one segment)."""
    body = a["body"]
    marks: list[tuple[int, int, str, str, str | None]] = []  # start, end, class, title, link
    for q in a["quotes"]:
        who = q["speaker"] or "unknown speaker"
        marks.append((q["start"], q["end"], "quote", f"quote — {who}", None))
    for m in a["mentions"]:
        if m["actor"]:
            code = (m["country"] or "") + (m["sector"] or "")
            marks.append((m["start"], m["end"], "actor", f"{m['actor']} {code}".strip(),
                          f"/actors/{quote(m['actor'], safe='')}"))
    for t in a["times"]:
        marks.append((t["start"], t["end"], "time", f"{t['value'] or 'unresolved'} ({t['basis']})", None))
    for e in a["events"]:
        if e.get("trigger_start") is not None:
            title = f"{e['cameo']} {e['plover']} {e['source'] or '?'} → {e['target'] or '?'}"
            link = f"/events/{quote(e['event_id'], safe='')}" if e.get("event_id") else None
            marks.append((e["trigger_start"], e["trigger_end"], "event", title, link))
    anchors = sorted({e["sentence_start"] for e in a["events"]} | {q["start"] for q in a["quotes"]})
    cuts = sorted({0, len(body), *anchors, *(p for m in marks for p in m[:2] if 0 <= p <= len(body))})
    out = []
    for start, end in zip(cuts, cuts[1:]):
        if start in anchors:
            out.append(Markup('<a id="c%d"></a>') % start)
        text = escape(_clean(body[start:end]))
        active = [m for m in marks if m[0] <= start and end <= m[1]]
        if not active:
            out.append(text)
            continue
        classes = " ".join(sorted({m[2] for m in active}))
        title = " | ".join(dict.fromkeys(m[3] for m in active))
        link = next((m[4] for m in active if m[4]), None)
        inner = Markup('<mark class="%s" title="%s">%s</mark>') % (classes, _clean(title), text)
        out.append(Markup('<a href="%s">%s</a>') % (link, inner) if link else inner)
    return Markup("").join(out)


# ------------------------------------------------------------------ dyad chart


def _ranges(series: dict) -> dict[str, tuple[str, str]]:
    """Bucket label -> (first day, last day), to link a point to its events."""
    out = {}
    for b in series["buckets"]:
        label = b["bucket"]
        if label == "undated":
            continue
        if "-W" in label:
            year, week = label.split("-W")
            monday = dt.date.fromisocalendar(int(year), int(week), 1)
            out[label] = (monday.isoformat(), (monday + dt.timedelta(days=6)).isoformat())
        else:
            out[label] = (label, label)
    return out


def chart(series: dict, width: int = 960, height: int = 320) -> str:
    """An SVG of the Goldstein mean per bucket (a line, -10 to +10) over bars of cooperative (up)
    and conflictual (down) event counts; each point and bar links to the events behind it."""
    buckets = [b for b in series["buckets"] if b["bucket"] != "undated"]
    ranges = _ranges(series)
    pad, top, bottom = 44, 16, 40
    plot_w, plot_h = width - 2 * pad, height - top - bottom
    mid = top + plot_h / 2
    n = max(len(buckets), 1)
    step = plot_w / n
    most = max([max(b["quad"]["verbal_cooperation"] + b["quad"]["material_cooperation"],
                    b["quad"]["verbal_conflict"] + b["quad"]["material_conflict"]) for b in buckets] or [1]) or 1
    dyad = f"{series['a']}-{series['b']}"
    parts = [f'<svg class="chart" viewBox="0 0 {width} {height}" role="img" '
             f'aria-label="Goldstein mean and event counts, {escape(dyad)}" xmlns="http://www.w3.org/2000/svg">',
             f'<line class="zero" x1="{pad}" y1="{mid}" x2="{width - pad}" y2="{mid}"/>',
             f'<text x="4" y="{top + 10}">+10</text><text x="4" y="{mid + 4}">0</text>'
             f'<text x="4" y="{top + plot_h}">-10</text>']
    points = []
    for i, b in enumerate(buckets):
        x = pad + step * (i + 0.5)
        lo, hi = ranges[b["bucket"]]
        href = escape("/events?" + urlencode({"dyad": dyad, "from": lo, "to": hi}))
        coop = b["quad"]["verbal_cooperation"] + b["quad"]["material_cooperation"]
        conf = b["quad"]["verbal_conflict"] + b["quad"]["material_conflict"]
        bar_w = max(step * 0.5, 2)
        hc, hf = (plot_h / 2) * coop / most * 0.9, (plot_h / 2) * conf / most * 0.9
        label = escape(b["bucket"])
        parts.append(f'<a href="{href}"><title>{label}: {coop} cooperative, {conf} conflictual events</title>'
                     f'<rect class="coop" x="{x - bar_w / 2:.1f}" y="{mid - hc:.1f}" width="{bar_w:.1f}" height="{hc:.1f}" opacity="0.35"/>'
                     f'<rect class="conf" x="{x - bar_w / 2:.1f}" y="{mid:.1f}" width="{bar_w:.1f}" height="{hf:.1f}" opacity="0.35"/></a>')
        if b["goldstein_mean"] is not None:
            y = mid - (plot_h / 2) * b["goldstein_mean"] / 10
            points.append((x, y, href, label, b))
        if len(buckets) <= 24 or i % max(1, len(buckets) // 12) == 0:
            parts.append(f'<text x="{x:.1f}" y="{height - 18}" text-anchor="middle">{label}</text>')
    if len(points) > 1:
        parts.append('<polyline class="line" points="' + " ".join(f"{x:.1f},{y:.1f}" for x, y, *_ in points) + '"/>')
    for x, y, href, label, b in points:
        parts.append(f'<a class="point" href="{href}"><title>{label}: Goldstein mean {b["goldstein_mean"]:+.2f} over '
                     f'{b["events"]} events</title><circle cx="{x:.1f}" cy="{y:.1f}" r="6" fill="#0b5cab"/></a>')
    parts.append("</svg>")
    return "".join(parts)


__all__ = ["add_pages", "highlight", "chart"]
