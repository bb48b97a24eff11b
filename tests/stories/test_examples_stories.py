"""Grouping the bundled example corpus: purity against corpus-notes.json, copies,
incremental assignment, the story views and the command line."""
from __future__ import annotations

import datetime as dt
import json
from collections import Counter
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

import eventwire
from eventwire.store import Store
from eventwire.stories import SCHEMA, assign, ensure_schema, group, save_stories, stories, story, ungrouped
from eventwire.stories.cli import register

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples" / "corpus"
NOTES = ROOT / "examples" / "corpus-notes.json"


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("example-stories")
    db = tmp / "ex.db"
    ew = eventwire.open(db)
    ew.ingest(EXAMPLES, analyze=False)
    ew.analyze()  # ingest would group too: group here to see what one run does
    first = group(ew.store)
    notes = json.loads(NOTES.read_text(encoding="utf-8"))
    by = {}
    for a in notes["articles"]:
        by[a["id"]] = a
        if a.get("url"):
            by[a["url"]] = a
    info = {}
    for art in ew.articles():
        key = art.source.split("examples/corpus/", 1)[-1]
        info[art.id] = by.get(key) or by.get(art.source)
    yield ew, info, first, db
    ew.close()


def test_every_article_is_grouped_once(corpus):
    ew, info, first, _ = corpus
    assert first["articles"] == len(info)
    seen = Counter(a for s in stories(ew.store) for a in s["articles"])
    assert set(seen) == set(info) and max(seen.values()) == 1
    assert ungrouped(ew.store) == []
    assert group(ew.store)["articles"] == 0  # nothing regrouped


def _bcubed(pred: dict, gold: dict) -> tuple[float, float]:
    p = r = 0.0
    for i in gold:
        same_pred = {j for j in gold if pred[j] == pred[i]}
        same_gold = {j for j in gold if gold[j] == gold[i]}
        p += len(same_pred & same_gold) / len(same_pred)
        r += len(same_pred & same_gold) / len(same_gold)
    return p / len(gold), r / len(gold)


def test_a_story_is_one_happening(corpus):
    """Against the notes' ``story`` labels: one act by the same actors within about a day (the
    next day's reaction, a walk-back, a retaliation are other stories)."""
    ew, info, _, _ = corpus
    story_of = {a: s["id"] for s in stories(ew.store) for a in s["articles"]}
    gold = {aid: n["story"] for aid, n in info.items()}
    precision, recall = _bcubed(story_of, gold)
    assert precision >= 0.9 and recall >= 0.85, (precision, recall)


def test_the_stories_of_one_affair_share_a_thread(corpus):
    ew, info, _, _ = corpus
    thread_of = {a: s["thread"] for s in stories(ew.store) for a in s["articles"]}
    by_affair: dict[str, Counter] = {}
    for aid, n in info.items():
        by_affair.setdefault(n["happening"], Counter())[thread_of[aid]] += 1
    together = sum(c.most_common(1)[0][1] for c in by_affair.values()) / len(info)
    assert together >= 0.8, together


def test_reprint_and_rewrite_of_the_notes(corpus):
    ew, info, _, _ = corpus
    path_of = {aid: n["id"] for aid, n in info.items()}
    roles = {}
    for s in stories(ew.store):
        for m in story(ew.store, s["id"])["members"]:
            roles[path_of[m["article_id"]]] = (m["role"], m["copy_of"] and path_of[m["copy_of"]])
    for n in info.values():
        if n.get("reprint_of"):
            assert roles[n["id"]] == ("reprint", n["reprint_of"])
        if n.get("rewrite_of"):
            assert roles[n["id"]] == ("rewrite", n["rewrite_of"])


def test_story_view(corpus):
    ew, _, _, _ = corpus
    big = max(stories(ew.store), key=lambda s: len(s["articles"]))
    s = story(ew.store, big["id"][:8])
    assert s["id"] == big["id"] and s["headline"] and s["summary"]
    assert {m["role"] for m in s["members"]} <= {"original", "report", "reprint", "rewrite"}
    assert sum(m["role"] == "original" for m in s["members"]) == 1
    assert s["main_actors"] and all("name" in a for a in s["main_actors"])
    assert isinstance(s["key_quotes"], list)
    assert story(ew.store, "no-such-story") is None


def test_schema_is_idempotent(tmp_path):
    st = Store(tmp_path / "fresh.db")
    ensure_schema(st)
    ensure_schema(st)
    st.conn.executescript(SCHEMA)
    assert stories(st) == [] and assign(st, []) == []
    st.close()


def test_incremental_assign_joins_existing_story(corpus, tmp_path):
    ew, info, _, _ = corpus
    s = max(stories(ew.store), key=lambda s: len(s["articles"]))
    first = next(m for m in story(ew.store, s["id"])["members"] if m["role"] == "original")
    base = ew.article(first["article_id"])  # the story's original: a copy of it is a copy of that one
    paras = [p for p in base.body.split("\n\n") if p.strip()]
    text = "\n\n".join(paras[1:] + paras[:1])  # the same report, paragraphs reordered
    feed = tmp_path / "more.jsonl"
    later = (dt.date.fromisoformat(base.published) + dt.timedelta(days=1)).isoformat()
    feed.write_text(json.dumps({"url": "https://copies.invalid/a", "title": base.title, "text": text,
                                "date": later}) + "\n", encoding="utf-8")
    other = eventwire.open(tmp_path / "inc.db")
    other.ingest(EXAMPLES)  # ingest groups the new articles into stories
    before = {x["id"]: x["articles"] for x in stories(other.store)}
    other.ingest(feed, analyze=False)
    other.analyze()
    changes = assign(other.store, ungrouped(other.store))
    assert len(changes) == 1 and changes[0].action == "joined" and changes[0].story_id == s["id"]
    assert changes[0].role in ("reprint", "rewrite")
    m = {x["article_id"]: x for x in story(other.store, s["id"])["members"]}[changes[0].article_id]
    assert m["copy_of"] == base.id  # the earlier one is the original
    after = {x["id"]: x["articles"] for x in stories(other.store)}
    for sid, arts in before.items():  # nothing else moved
        assert set(arts) <= set(after[sid])
    other.close()


def test_cli_stories_and_story(corpus):
    ew, _, _, db = corpus
    # a scraped headline with markup-like text must print verbatim
    with ew.store.transaction():
        save_stories(ew.store, [{"id": "s-markup", "date": "2001-01-01", "headline": "[bold red]Not markup[/]",
                                 "summary": "[link=x]y[/link]", "thread": None, "key_quotes": [], "actors": [],
                                 "size": 0, "first_published": None, "last_published": None, "updated": None}], [])
    app = typer.Typer()

    @app.callback()
    def main() -> None:
        pass

    register(app, lambda d: eventwire.open(d, readonly=True))
    runner = CliRunner()
    res = runner.invoke(app, ["stories", "--db", str(db), "--json"])
    assert res.exit_code == 0, res.output
    rows = [json.loads(line) for line in res.output.splitlines()]
    assert len(rows) == len(stories(ew.store)) and all("articles" in r for r in rows)
    res = runner.invoke(app, ["stories", "--db", str(db)])
    assert res.exit_code == 0 and "[bold red]Not markup[/]" in res.output
    sid = max(rows, key=lambda r: len(r["articles"]))["id"]
    res = runner.invoke(app, ["story", sid, "--db", str(db), "--json"])
    assert res.exit_code == 0 and json.loads(res.output)["members"]
    res = runner.invoke(app, ["story", sid, "--db", str(db)])
    assert res.exit_code == 0 and "members:" in res.output
    assert runner.invoke(app, ["story", "zzzz", "--db", str(db)]).exit_code == 1
