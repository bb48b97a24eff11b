"""The pages: each renders, links down to the rows behind its numbers, and hostile input renders
inert under a strict Content-Security-Policy (no script on any page)."""
from __future__ import annotations

import re

PAGES = ["/", "/?q=fishing", "/?q=sanctions", "/stories", "/events", "/events?dyad=USA-RUS", "/timeline?q=Crimea",
         "/dyad/USA/RUS", "/dyad/USA/RUS?by=week", "/docs"]


def _all_pages(client):
    urls = list(PAGES)
    for path, key in (("/api/stories", "id"), ("/api/events", "id"), ("/api/actors", "name")):
        for row in client.get(path, params={"limit": 1000}).json()["rows"]:
            prefix = {"/api/stories": "/stories/", "/api/events": "/events/", "/api/actors": "/actors/"}[path]
            from urllib.parse import quote
            urls.append(prefix + quote(row[key], safe=""))
    for row in client.get("/api/articles", params={"limit": 1000}).json()["rows"]:
        urls += [f"/articles/{row['id']}", f"/articles/{row['id']}?raw=1"]
    return urls


def test_every_page_renders_inert(client):
    urls = _all_pages(client)
    assert len(urls) > 150
    for url in urls:
        r = client.get(url)
        assert r.status_code == 200, url
        assert "script-src" not in r.headers["content-security-policy"]  # default-src 'none' covers scripts
        assert "default-src 'none'" in r.headers["content-security-policy"]
        html = r.text
        assert not re.search(r"<script", html, re.I), url
        assert not re.search(r"<[^>]+\son\w+\s*=", html, re.I), url  # no event-handler attribute
        assert not re.search(r"""(href|src)\s*=\s*["']?\s*(javascript|data):""", html, re.I), url
        assert "\x1b" not in html and "\u202e" not in html, url


def test_hostile_page_text_is_shown_as_text(client):
    hits = client.get("/api/search", params={"q": "fishing"}).json()["rows"]
    ids = [h["id"] for h in hits]
    assert ids
    shown = " ".join(client.get(f"/articles/{i}?raw=1").text for i in ids)
    assert "&lt;script&gt;" in shown  # the raw input, escaped


def test_story_page_counts_and_roles(client):
    story = max(client.get("/api/stories", params={"limit": 1000}).json()["rows"], key=lambda s: s["size"])
    html = client.get(f"/stories/{story['id']}").text
    assert f"{story['size']} reports" in html and "independent outlet" in html
    assert html.count('class="member"') == story["size"]
    for role in re.findall(r'<span class="pill">(\w+)</span>', html):
        assert role in ("original", "report", "reprint", "rewrite")


def test_dyad_chart_points_open_their_events(client):
    html = client.get("/dyad/USA/RUS").text
    links = re.findall(r'<a class="point" href="([^"]+)"', html)
    assert links
    target = links[0].replace("&amp;", "&")
    events = client.get(target).text
    assert 'class="event"' in events
    event_link = re.search(r'<a class="event" href="([^"]+)"', events).group(1)
    sentence = re.search(r'<a class="sentence" href="([^"]+)"', client.get(event_link).text).group(1)
    path, anchor = sentence.split("#")
    assert f'id="{anchor}"' in client.get(path).text


def test_unknown_pages_are_404(client):
    assert client.get("/stories/nope").status_code == 404
    assert client.get("/articles/nope").status_code == 404
    assert client.get("/actors/Nobody%20At%20All").status_code == 404
