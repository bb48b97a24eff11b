"""Screenshots of each page at 1280x800 over the bundled example corpus (`make screenshots`).

Usage:  python benchmarks/screenshots.py [FOLDER]     (default docs/screenshots)
Needs Chromium (Debian's package) and the test extra (Playwright).
"""
from __future__ import annotations

import shutil
import socket
import sys
import tempfile
import threading
import time
from pathlib import Path
from urllib.parse import quote

ROOT = Path(__file__).resolve().parents[1]
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def main(argv: list[str]) -> int:
    import uvicorn
    from playwright.sync_api import sync_playwright

    import eventwire
    from eventwire.web import create_app

    out = Path(argv[0]) if argv else ROOT / "docs" / "screenshots"
    out.mkdir(parents=True, exist_ok=True)
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if not chromium:
        print("no chromium: apt-get install chromium")
        return 2
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "examples.db"
        with eventwire.open(db) as ew:
            ew.ingest(ROOT / "examples" / "corpus")
            story = max(ew.stories(), key=lambda s: s["size"])
            event = next(e for e in ew.events(dyad="USA-RUS"))
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            port = s.getsockname()[1]
        server = uvicorn.Server(uvicorn.Config(create_app(db), host="127.0.0.1", port=port, log_level="warning"))
        threading.Thread(target=server.run, daemon=True).start()
        while not server.started:
            time.sleep(0.05)
        base = f"http://127.0.0.1:{port}"
        pages = {
            "search": "/?q=sanctions",
            "story": f"/stories/{quote(story['id'])}",
            "article": f"/articles/{quote(event['article_id'])}",
            "actor": "/actors/Vladimir%20Putin",
            "dyad": "/dyad/USA/RUS?by=day",
            "events": "/events?dyad=USA-RUS",
            "timeline": "/timeline?q=Crimea",
        }
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=chromium, args=ARGS)
            page = browser.new_page(viewport={"width": 1280, "height": 800})
            for name, path in pages.items():
                page.goto(base + path)
                page.screenshot(path=str(out / f"{name}.png"))
                print(f"{out / (name + '.png')}  <- {path}")
            browser.close()
        server.should_exit = True
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
