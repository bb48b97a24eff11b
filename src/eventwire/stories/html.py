"""A timeline as one self-contained HTML page: inline CSS, no scripts, no external assets.

Everything shown comes from scraped text and is escaped (``html.escape``);
control characters are dropped; a link's ``href`` is only ever an http(s) URL
(anything else, such as ``javascript:`` or ``data:``, is shown as plain text).
A Content-Security-Policy forbids scripts and remote loads as a second guard.
"""
from __future__ import annotations

import html
import re
from collections.abc import Sequence
from datetime import date
from urllib.parse import urlsplit

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")

CSS = """
:root { --ink:#1d232b; --muted:#5d6875; --line:#d5dbe3; --accent:#b4432d; --paper:#fbfaf7; --card:#fff; }
* { box-sizing: border-box; }
body { margin:0; background:var(--paper); color:var(--ink);
       font: 17px/1.55 Georgia, "Iowan Old Style", "Times New Roman", serif; }
header { max-width: 46rem; margin: 0 auto; padding: 2.5rem 1.25rem 1rem; }
header h1 { font-size: 2rem; line-height:1.2; margin: 0 0 .3rem; }
header p { margin:0; color:var(--muted); font: 14px/1.4 system-ui, -apple-system, "Segoe UI", sans-serif; }
ol.timeline { list-style:none; max-width: 46rem; margin: 0 auto; padding: 1rem 1.25rem 3rem 1.25rem; position:relative; }
ol.timeline::before { content:""; position:absolute; left: calc(1.25rem + 5.9rem); top:1.2rem; bottom:2rem;
       width:2px; background:var(--line); }
li.entry { display:grid; grid-template-columns: 5.2rem 1fr; column-gap: 1.7rem; margin: 0 0 1.6rem; position:relative; }
li.entry::before { content:""; position:absolute; left: calc(5.9rem - 5px); top: .55rem; width:12px; height:12px;
       border-radius:50%; background:var(--card); border:3px solid var(--accent); }
.date { text-align:right; font: 600 13px/1.3 system-ui, -apple-system, "Segoe UI", sans-serif; color:var(--muted);
        padding-top:.45rem; text-transform: uppercase; letter-spacing:.03em; }
.date .year { display:block; font-weight:400; }
.card { background:var(--card); border:1px solid var(--line); border-radius:8px; padding: .9rem 1.1rem 1rem;
        box-shadow: 0 1px 2px rgba(0,0,0,.04); min-width:0; }
.card h2 { font-size: 1.2rem; line-height:1.3; margin: 0 0 .4rem; }
.card p.summary { margin: 0 0 .6rem; }
blockquote { margin: .7rem 0; padding: .2rem 0 .2rem 1rem; border-left: 3px solid var(--accent); font-style: italic; }
blockquote p { margin:0; }
blockquote footer { font: normal 14px/1.4 system-ui, -apple-system, "Segoe UI", sans-serif; color:var(--muted); margin-top:.3rem; }
.actors { margin:.4rem 0 0; font: 13px/1.4 system-ui, -apple-system, "Segoe UI", sans-serif; }
.actors span { display:inline-block; background:#eef1f5; border-radius:3px; padding:0 .4rem; margin: 0 .25rem .25rem 0; }
ul.sources { list-style:none; margin:.5rem 0 0; padding:.5rem 0 0; border-top:1px solid #eef0f3;
        font: 13px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; color:var(--muted); }
ul.sources li { overflow-wrap:anywhere; }
ul.sources a { color:#1f5e99; text-decoration:none; }
ul.sources a:hover { text-decoration:underline; }
.empty { max-width:46rem; margin:0 auto; padding: 1rem 1.25rem; color:var(--muted); }
@media (max-width: 560px) {
  ol.timeline::before, li.entry::before { display:none; }
  li.entry { grid-template-columns: 1fr; }
  .date { text-align:left; padding:0 0 .3rem; }
}
@media print { body { background:#fff; } .card { box-shadow:none; } }
"""

_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def esc(value) -> str:
    """Text made safe for HTML content and quoted attributes."""
    if value is None:
        return ""
    return html.escape(_CONTROL.sub("", str(value)), quote=True)


def safe_url(value) -> str | None:
    """The URL when it is a plain http(s) URL with a host, else None."""
    if not value:
        return None
    text = str(value).strip()
    if _CONTROL.search(text) or any(c in text for c in " \t\r\n<>\"'`\\"):
        return None
    try:
        parts = urlsplit(text)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return None
    return text


def _date(value) -> str:
    text = str(value or "")
    try:
        d = date.fromisoformat(text[:10])
    except ValueError:
        return esc(text) or "undated"
    return f'{d.day} {_MONTHS[d.month - 1]}<span class="year">{d.year}</span>'


def _source(s: dict) -> str:
    label = s.get("outlet") or s.get("title") or s.get("source") or s.get("article_id") or "source"
    title = s.get("title")
    text = esc(label) + (f" — {esc(title)}" if title and title != label else "")
    url = safe_url(s.get("url")) or safe_url(s.get("source"))
    if url:
        return f'<li><a href="{esc(url)}" rel="noopener noreferrer nofollow">{text}</a></li>'
    shown = s.get("url") or s.get("source")
    if shown and not s.get("url") and "/" in str(shown):
        shown = str(shown).rstrip("/").rsplit("/", 1)[-1]  # a local file: its name is enough
    extra = f' <span class="where">({esc(shown)})</span>' if shown and shown != label else ""
    return f"<li>{text}{extra}</li>"


def _entry(e: dict) -> str:
    parts = [f'<li class="entry"><div class="date">{_date(e.get("date"))}</div><article class="card">']
    parts.append(f"<h2>{esc(e.get('headline') or '(untitled)')}</h2>")
    if e.get("summary"):
        parts.append(f'<p class="summary">{esc(e["summary"])}</p>')
    q = e.get("quote")
    if q and q.get("text"):
        speaker = q.get("speaker") or "unknown speaker"
        parts.append(f"<blockquote><p>“{esc(str(q['text']).strip().rstrip(','))}”</p><footer>— {esc(speaker)}</footer></blockquote>")
    actors = [a for a in e.get("actors") or [] if a]
    if actors:
        parts.append('<div class="actors">' + "".join(f"<span>{esc(a)}</span>" for a in actors) + "</div>")
    sources = e.get("sources") or []
    if sources:
        parts.append('<ul class="sources">' + "".join(_source(s) for s in sources) + "</ul>")
    parts.append("</article></li>")
    return "".join(parts)


def render(entries: Sequence[dict], title: str) -> str:
    """The page for timeline entries (as ``timeline.timeline`` returns them)."""
    dates = sorted(str(e.get("date")) for e in entries if e.get("date"))
    span = f"{dates[0]} to {dates[-1]}" if dates else ""
    n_sources = sum(len(e.get("sources") or []) for e in entries)
    sub = f"{len(entries)} {'entry' if len(entries) == 1 else 'entries'} from {n_sources} article{'s' * (n_sources != 1)}"
    body = ('<ol class="timeline">' + "\n".join(_entry(e) for e in entries) + "</ol>") if entries else \
        '<p class="empty">Nothing matched.</p>'
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src 'none'">
<meta name="referrer" content="no-referrer">
<title>{esc(title)}</title>
<style>{CSS}</style>
</head>
<body>
<header><h1>{esc(title)}</h1><p>{esc(sub)}{(' · ' + esc(span)) if span else ''}</p></header>
{body}
</body>
</html>
"""
