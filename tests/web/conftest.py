"""A store for the web tests: the bundled example corpus plus hostile pages written for the
project, ingested once per session (language pass, stories and events included)."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

import eventwire

ROOT = Path(__file__).resolve().parents[2]

# Pages written to attack a reader: scripts, event handlers, script and data links, terminal
# escapes, a bidi override, a huge line.  Each carries news text so that it is stored.
STORY = ("Negotiators from Chile and Peru met in Lima on Monday to settle a fishing dispute, officials said. "
         "\"We are close to a deal,\" the Chilean foreign minister told reporters after the talks.")
HOSTILE = {
    "script.html": f"""<html><head><title>Talks <script>window.__pwned = 'title'</script> resume</title>
<script>window.__pwned = 'head'</script></head><body><article>
<p>{STORY}</p><p><img src="x" onerror="window.__pwned='img'"> <a href="javascript:window.__pwned='link'">details</a>
<a href="data:text/html,<script>alert(1)</script>">more</a> <svg onload="window.__pwned='svg'"></svg></p>
<p>Peru's delegation said <b onmouseover="window.__pwned='hover'">another round</b> would follow next week.</p>
</article></body></html>""",
    "escapes.txt": "Fishing talks \x1b[2J\x1b]8;;http://evil.example\x07 continue \u202eesrever\u202c\n\n" + STORY
                   + "\n\nA line with <script>window.__pwned='text'</script> and &lt;tags&gt; in plain text.\n",
    "huge.txt": "Fishing quota row\n\n" + STORY + "\n\n" + ("The quota talks went on. " * 2500) + "\n",
}


@pytest.fixture(scope="session")
def web_db(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("web-corpus")
    shutil.copytree(ROOT / "examples" / "corpus", folder / "examples")
    hostile = folder / "hostile"
    hostile.mkdir()
    for name, text in HOSTILE.items():
        (hostile / name).write_text(text, encoding="utf-8")
    db = folder / "web.db"
    with eventwire.open(db) as ew:
        report = ew.ingest(folder)
    assert report.added >= 45
    return db


@pytest.fixture(scope="session")
def app(web_db):
    from eventwire.web import create_app

    return create_app(web_db)


@pytest.fixture
def client(app):
    import httpx

    transport = httpx.ASGITransport(app=app)

    class Sync:
        """A small synchronous face on httpx's async ASGI client."""

        def request(self, method, url, **kw):
            import anyio

            async def go():
                async with httpx.AsyncClient(transport=transport, base_url="http://test") as c:
                    return await c.request(method, url, **kw)
            return anyio.run(go)

        def get(self, url, **kw):
            return self.request("GET", url, **kw)

        def post(self, url, **kw):
            return self.request("POST", url, **kw)

    return Sync()
