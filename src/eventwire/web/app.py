"""The HTTP API (``/api/...``) and the reading-room pages, as one ASGI application.

``create_app(db, token=None)``: every request opens the store read-only (SQLite ``mode=ro``),
so the site serves while an ingest writes; ``POST /api/ingest`` is the one writer, and exists
only when a token is configured (``EVENTWIRE_TOKEN`` or ``eventwire serve --token``): it is
refused (403) otherwise and without the right ``Authorization: Bearer`` header (401).

Lists take filters, ``limit`` (at most ``data.MAX_ROWS``) and the ``next`` token of the page
before; they answer ``{"rows": [...], "next": token-or-null}``, and the same list as CSV or
JSON Lines with ``format=csv|jsonl`` or a suffix (``/api/events.csv``).  Every response carries
a strict Content-Security-Policy: no script runs on any page.
"""
from __future__ import annotations

import csv
import hmac
import io
import json
import os
import tempfile
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Iterator, Literal, Optional

from fastapi import FastAPI, File, Header, HTTPException, Query, Request, UploadFile
from fastapi.responses import JSONResponse, PlainTextResponse, Response
from fastapi.staticfiles import StaticFiles

from ..errors import EventwireError
from ..store import Store
from . import data

CSP = ("default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; "
       "frame-ancestors 'none'; base-uri 'none'")
HERE = Path(__file__).resolve().parent
Format = Optional[Literal["json", "csv", "jsonl"]]


def create_app(db: str | os.PathLike, *, token: str | None = None) -> FastAPI:
    app = FastAPI(title="eventwire", version=_version(), docs_url=None, redoc_url=None,  # no CDN scripts
                  description="Articles, quotes, actors, stories, events and relations from a store "
                              "made by `eventwire ingest`. JSON keys are the command line's keys.")
    app.state.db = str(db)
    app.state.token = token if token is not None else os.environ.get("EVENTWIRE_TOKEN") or None

    @app.middleware("http")
    async def security_headers(request: Request, call_next):
        response = await call_next(request)
        response.headers["Content-Security-Policy"] = CSP
        response.headers["X-Content-Type-Options"] = "nosniff"
        response.headers["Referrer-Policy"] = "no-referrer"
        response.headers["X-Frame-Options"] = "DENY"
        return response

    @app.exception_handler(data.BadRequest)
    async def bad_request(request: Request, exc: data.BadRequest):
        return JSONResponse({"error": str(exc)}, status_code=400)

    @app.exception_handler(EventwireError)
    async def store_error(request: Request, exc: EventwireError):
        status = 404 if exc.code in ("E302", "E304") else 400 if exc.code == "E303" else 503
        return JSONResponse({"error": str(exc), "code": exc.code}, status_code=status)

    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    _api(app)
    from .pages import add_pages

    add_pages(app)
    return app


def _version() -> str:
    from .. import __version__

    return __version__


@contextmanager
def reader(app: FastAPI) -> Iterator[Store]:
    store = Store(app.state.db, readonly=True)
    try:
        yield store
    finally:
        store.close()


# ------------------------------------------------------------------ exports


def _flat(value: Any) -> Any:
    if isinstance(value, (list, dict)):
        return json.dumps(value, ensure_ascii=False)
    return value


def listing(rows: list[dict], token: str | None, fmt: str | None, name: str, extra: dict | None = None) -> Response:
    """One page of a list as JSON ``{"rows", "next"}``, CSV or JSON Lines (the next token in the
    ``Link``-like ``X-Next`` header for the last two)."""
    headers = {"X-Next": token} if token else {}
    if fmt == "csv":
        buf = io.StringIO()
        keys = list(dict.fromkeys(k for r in rows for k in r))
        writer = csv.DictWriter(buf, fieldnames=keys, extrasaction="ignore")
        writer.writeheader()
        for r in rows:
            writer.writerow({k: _flat(v) for k, v in r.items()})
        safe_name = "".join(c if c.isascii() and (c.isalnum() or c in "-_") else "_" for c in name)[:80]
        headers["Content-Disposition"] = f'attachment; filename="{safe_name}.csv"'
        return Response(buf.getvalue(), media_type="text/csv; charset=utf-8", headers=headers)
    if fmt == "jsonl":
        body = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows)
        return Response(body, media_type="application/x-ndjson; charset=utf-8", headers=headers)
    return JSONResponse({"rows": rows, "next": token, **(extra or {})}, headers=headers)


def _fmt(fmt: str | None, suffix: str | None) -> str | None:
    if suffix is not None:
        if suffix not in ("json", "csv", "jsonl"):
            raise HTTPException(404, "unknown format: use .json, .csv or .jsonl")
        return suffix
    return fmt


# ---------------------------------------------------------------------- API


def _api(app: FastAPI) -> None:
    Limit = Query(None, ge=1, description=f"rows per page (at most {data.MAX_ROWS})")
    Next = Query(None, alias="next", description="the `next` token of the page before")
    From = Query(None, alias="from", description="first day (ISO date)")
    To = Query(None, alias="to", description="last day (ISO date)")

    def both(path: str, **kw):
        """Register a list at ``path`` and ``path.{suffix}``."""
        def wrap(fn):
            app.get(path, **kw)(fn)
            app.get(path + ".{suffix}", include_in_schema=False)(fn)
            return fn
        return wrap

    @app.get("/api", tags=["meta"])
    def api_root() -> dict:
        """What the store holds (`eventwire summary --json`)."""
        with reader(app) as store:
            return data.summary(store)

    @both("/api/articles", tags=["articles"])
    def api_articles(outlet: Optional[str] = None, language: Optional[str] = None, date_from: Optional[str] = From,
                     date_to: Optional[str] = To, limit: Optional[int] = Limit, after: Optional[str] = Next,
                     format: Format = None, suffix: Optional[str] = None):
        """Articles, newest stored first (`eventwire articles --json` keys)."""
        with reader(app) as store:
            rows, token = data.articles(store, outlet=outlet, language=language, date_from=date_from,
                                        date_to=date_to, after=after, limit=limit)
        return listing(rows, token, _fmt(format, suffix), "articles")

    @app.get("/api/articles/{article_id}", tags=["articles"])
    def api_article(article_id: str) -> dict:
        """One article with its quotes, time expressions, actor mentions and events at their offsets."""
        with reader(app) as store:
            return data.article_detail(store, article_id)

    @app.get("/api/articles/{article_id}/raw", tags=["articles"])
    def api_raw(article_id: str) -> Response:
        """The input as it was read, as plain text (never rendered as HTML)."""
        with reader(app) as store:
            raw = store.raw_input(article_id)
        if raw is None:
            raise HTTPException(404, "no raw input kept for this article")
        return PlainTextResponse(raw.decode("utf-8", "replace"),
                                 headers={"Content-Disposition": "inline", "X-Content-Type-Options": "nosniff"})

    @both("/api/search", tags=["articles"])
    def api_search(q: str = Query(..., min_length=1, description="FTS5 query"), outlet: Optional[str] = None,
                   date_from: Optional[str] = From, date_to: Optional[str] = To, limit: Optional[int] = Limit,
                   after: Optional[str] = Next, format: Format = None, suffix: Optional[str] = None):
        """Full-text search, best first, with facet counts (outlet, month, country, actor, event type)."""
        with reader(app) as store:
            rows, token, facets = data.search(store, q, outlet=outlet, date_from=date_from, date_to=date_to,
                                              after=after, limit=limit)
        return listing(rows, token, _fmt(format, suffix), "search",
                       {"facets": {k: [list(x) for x in v] for k, v in facets.items()}})

    @both("/api/quotes", tags=["quotes"])
    def api_quotes(speaker: Optional[str] = None, article_id: Optional[str] = None, country: Optional[str] = None,
                   outlet: Optional[str] = None, date_from: Optional[str] = From, date_to: Optional[str] = To,
                   limit: Optional[int] = Limit, after: Optional[str] = Next, format: Format = None,
                   suffix: Optional[str] = None):
        """Direct quotes with their speakers (`eventwire quotes --json` keys)."""
        with reader(app) as store:
            rows, token = data.quotes(store, speaker=speaker, article_id=article_id, country=country,
                                      outlet=outlet, date_from=date_from, date_to=date_to, after=after, limit=limit)
        return listing(rows, token, _fmt(format, suffix), "quotes")

    @both("/api/actors", tags=["actors"])
    def api_actors(name: Optional[str] = None, country: Optional[str] = None, sector: Optional[str] = None,
                   limit: Optional[int] = Limit, after: Optional[str] = Next, format: Format = None,
                   suffix: Optional[str] = None):
        """Resolved actors, most mentioned first (`eventwire actors --json` keys)."""
        with reader(app) as store:
            rows, token = data.actors(store, name=name, country=country, sector=sector, after=after, limit=limit)
        return listing(rows, token, _fmt(format, suffix), "actors")

    @app.get("/api/actors/{name}", tags=["actors"])
    def api_actor(name: str) -> dict:
        """An actor: names and roles seen, quotes, events, top counterparts."""
        with reader(app) as store:
            try:
                return data.actor_detail(store, name)
            except KeyError:
                raise HTTPException(404, "no such actor") from None

    @both("/api/stories", tags=["stories"])
    def api_stories(date_from: Optional[str] = From, date_to: Optional[str] = To,
                    min_size: Optional[int] = Query(None, ge=1), thread: Optional[str] = None,
                    limit: Optional[int] = Limit, after: Optional[str] = Next, format: Format = None,
                    suffix: Optional[str] = None):
        """Stories by date (`eventwire stories --json` keys)."""
        with reader(app) as store:
            rows, token = data.stories(store, date_from=date_from, date_to=date_to, min_size=min_size,
                                       thread=thread, after=after, limit=limit)
        return listing(rows, token, _fmt(format, suffix), "stories")

    @app.get("/api/stories/{story_id}", tags=["stories"])
    def api_story(story_id: str) -> dict:
        """One story with its members and roles, key quotes, main actors (`eventwire story ID --json`)."""
        with reader(app) as store:
            try:
                return data.story_detail(store, story_id)
            except KeyError:
                raise HTTPException(404, "no such story") from None

    @both("/api/timeline", tags=["stories"])
    def api_timeline(q: Optional[str] = None, actor: list[str] = Query([]), date_from: Optional[str] = From,
                     date_to: Optional[str] = To, limit: Optional[int] = Limit, after: Optional[str] = Next,
                     format: Format = None, suffix: Optional[str] = None):
        """Dated stories of a query or an actor pair (`eventwire timeline --json` keys)."""
        with reader(app) as store:
            rows = data.timeline(store, q, actor, date_from, date_to)
        size = data.cap(limit)
        start = int(data.decode(after, 1)[0]) if after else 0
        token = data.encode([start + size]) if start + size < len(rows) else None
        return listing(rows[start:start + size], token, _fmt(format, suffix), "timeline")

    @both("/api/events", tags=["events"])
    def api_events(actor: Optional[str] = None, dyad: Optional[str] = Query(None, description="e.g. USA-RUS"),
                   date_from: Optional[str] = From, date_to: Optional[str] = To,
                   root: Optional[str] = Query(None, description="CAMEO root, 01-20"),
                   plover: Optional[str] = None, quad: Optional[int] = Query(None, ge=1, le=4),
                   min_mentions: Optional[int] = Query(None, ge=1), outlet: Optional[str] = None,
                   limit: Optional[int] = Limit, after: Optional[str] = Next, format: Format = None,
                   suffix: Optional[str] = None):
        """Events, one per happening, oldest first (`eventwire events --json` keys)."""
        with reader(app) as store:
            rows, token = data.events(store, actor=actor, dyad=dyad, date_from=date_from, date_to=date_to,
                                      root=root, plover=plover, quad=quad, min_mentions=min_mentions,
                                      outlet=outlet, after=after, limit=limit)
        return listing(rows, token, _fmt(format, suffix), "events")

    @app.get("/api/events/{event_id}", tags=["events"])
    def api_event(event_id: str) -> dict:
        """One event with every report of it (sentence, article, offsets)."""
        with reader(app) as store:
            try:
                return data.event_detail(store, event_id)
            except KeyError:
                raise HTTPException(404, "no such event") from None

    @app.get("/api/dyad/{a}/{b}", tags=["events"])
    def api_dyad(a: str, b: str, by: Literal["day", "week", "month"] = "month",
                 format: Format = None):
        """Cooperation and conflict between two actors over time (`eventwire dyad A B --json`)."""
        with reader(app) as store:
            series = data.dyad(store, a, b, by)
        if format in ("csv", "jsonl"):
            return listing(series["buckets"], None, format, f"dyad-{a}-{b}")
        return series

    @app.post("/api/ingest", tags=["ingest"], status_code=200)
    async def api_ingest(files: list[UploadFile] = File(..., description="news files (any format ingest reads)"),
                         authorization: Optional[str] = Header(None)) -> dict:
        """Ingest uploaded files (then the language pass, stories and events). Only when the server
        has a token (`--token` or EVENTWIRE_TOKEN), with `Authorization: Bearer TOKEN`."""
        expected = app.state.token
        if not expected:
            raise HTTPException(403, "ingest over HTTP is off: start the server with --token to allow it")
        given = (authorization or "").removeprefix("Bearer ").strip()
        if not hmac.compare_digest(given.encode(), expected.encode()):
            raise HTTPException(401, "a valid Authorization: Bearer token is needed")
        import eventwire

        with tempfile.TemporaryDirectory() as tmp:
            for k, upload in enumerate(files):
                name = Path(upload.filename or f"upload-{k}").name or f"upload-{k}"
                (Path(tmp) / f"{k:04d}-{name}").write_bytes(await upload.read())
            try:
                with eventwire.open(app.state.db) as ew:
                    report = ew.ingest(tmp)
            except EventwireError as exc:
                raise HTTPException(409 if exc.code == "E306" else 400, str(exc)) from None
        out = report.as_dict()
        out.pop("added_ids", None)
        return out
