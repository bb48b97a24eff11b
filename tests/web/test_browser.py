"""A real Chromium (Debian's package, driven by Playwright: browser downloads are not possible
here) clicks through the reading room: search -> story -> article -> actor -> dyad chart point ->
event -> its sentence, and no script from the hostile pages ever runs."""
from __future__ import annotations

import os
import shutil
import socket
import threading
import time

import pytest

CHROMIUM = os.environ.get("EVENTWIRE_CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]


@pytest.fixture(scope="module")
def server(app):
    uvicorn = pytest.importorskip("uvicorn")
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    config = uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning")
    srv = uvicorn.Server(config)
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.time() + 20
    while not srv.started and time.time() < deadline:
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    srv.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def browser():
    if not CHROMIUM:
        pytest.skip("no Chromium on this machine: apt-get install chromium (.ci/run does)")
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()


def test_click_through_and_nothing_hostile_runs(server, browser):
    page = browser.new_page(viewport={"width": 1280, "height": 800})
    dialogs, errors = [], []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.on("pageerror", lambda e: errors.append(str(e)))

    def pwned():
        return page.evaluate("() => window.__pwned === undefined ? null : String(window.__pwned)")

    page.goto(server + "/")
    page.fill("input[name=q]", "Crimea")
    page.press("input[name=q]", "Enter")
    page.wait_for_selector("a.hit")
    page.click("a.hit")  # the first hit: an article
    page.wait_for_selector("div.body")
    story = page.locator("a[href^='/stories/']").first
    story.click()
    page.wait_for_selector("a.member")
    assert "independent outlet" in page.content()
    page.locator("a.member").first.click()
    page.wait_for_selector("div.body")
    page.locator("div.body a[href^='/actors/']").first.click()
    page.wait_for_selector("h1")
    assert "Top counterparts" in page.content()

    page.goto(server + "/dyad/USA/RUS")
    page.locator("svg.chart a.point").first.click()
    page.wait_for_selector("a.event")
    page.locator("a.event").first.click()
    page.wait_for_selector("a.sentence")
    page.locator("a.sentence").first.click()
    page.wait_for_selector("div.body")
    anchor = page.url.split("#")[1]
    assert page.locator(f"#{anchor}").count() == 1

    # the hostile pages: every one opened, nothing ran
    page.goto(server + "/?q=fishing")
    links = [a.get_attribute("href") for a in page.locator("a.hit").all()]
    assert links
    for href in links:
        for suffix in ("", "?raw=1"):
            page.goto(server + href + suffix)
            page.hover("h1")
            page.mouse.move(300, 400)
            assert page.locator("div.body img, div.body svg, div.body script").count() == 0  # shown as text
            assert pwned() is None, href
    assert not dialogs and pwned() is None
    page.close()
