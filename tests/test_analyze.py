"""The language pass over the store: resumable, idempotent, read back by CLI and API."""
import json

import pytest
from typer.testing import CliRunner

import eventwire
from eventwire import analyze as analyze_mod
from eventwire.cli import app
from eventwire.nlp.pipeline import LanguagePass

QUOTE_KEYS = {"article_id", "source", "speaker", "speaker_actor", "text", "partial", "via"}


def test_interrupted_analysis_resumes(tmp_path, small_corpus, monkeypatch):
    db = tmp_path / "x.db"
    with eventwire.open(db) as ew:
        ew.ingest(small_corpus, analyze=False)
        real = LanguagePass.analyse
        seen = {"n": 0}

        def flaky(self, art, docs):
            seen["n"] += 1
            if seen["n"] == 4:
                raise KeyboardInterrupt
            return real(self, art, docs)

        monkeypatch.setattr(LanguagePass, "analyse", flaky)
        monkeypatch.setattr(analyze_mod, "analyze", analyze_mod.analyze)
        with pytest.raises(KeyboardInterrupt):
            analyze_mod.analyze(ew.store, batch_size=1)
        done = ew.store.conn.execute("SELECT count(*) FROM analyses").fetchone()[0]
        assert done == 3
        monkeypatch.setattr(LanguagePass, "analyse", real)
        report = ew.analyze()
        assert report.articles == 7
        assert ew.store.conn.execute("SELECT count(*) FROM analyses").fetchone()[0] == 10
        quotes = ew.quotes()
        assert len(quotes) == 10
        again = ew.analyze()
        assert again.articles == 0
        redo = ew.analyze(redo=True)
        assert redo.articles == 10 and ew.quotes() == quotes


def test_cli_reads_back_quotes_actors_times(tmp_path, small_corpus):
    db = tmp_path / "x.db"
    runner = CliRunner()
    r = runner.invoke(app, ["ingest", str(small_corpus), "--db", str(db)])
    assert r.exit_code == 0 and "language pass: 10 articles" in r.output
    r = runner.invoke(app, ["quotes", "--db", str(db), "--json"])
    rows = [json.loads(line) for line in r.stdout.splitlines()]
    assert len(rows) == 10 and all(QUOTE_KEYS <= set(q) for q in rows)
    assert rows[0]["text"].startswith("We have made real progress")
    r = runner.invoke(app, ["actors", "--db", str(db), "--json"])
    actors = [json.loads(line) for line in r.stdout.splitlines()]
    assert {"name", "country", "sector", "mentions", "provenance"} <= set(actors[0])
    assert any(a["name"] == "Geneva" and a["country"] == "CHE" for a in actors), actors
    r = runner.invoke(app, ["times", "--db", str(db), "--json"])
    times = [json.loads(line) for line in r.stdout.splitlines()]
    assert {"article_id", "source", "text", "value"} <= set(times[0])
    r = runner.invoke(app, ["quotes", "--db", str(db), "--speaker", "nobody-like-this"])
    assert r.exit_code == 0 and r.output == ""
    r = runner.invoke(app, ["analyze", "--db", str(db), "--json"])
    assert json.loads(r.stdout)["articles"] == 0


def test_actor_dictionaries_from_the_command_line(tmp_path):
    dictionary = tmp_path / "actors.txt"
    dictionary.write_text("# a user's own dictionary\nINGRID_VOLDSETH_ [NORGOV]\n+VOLDSETH_\n", encoding="utf-8")
    article = tmp_path / "a.txt"
    article.write_text("Harbour talks resume\n\nIngrid Voldseth said on Monday that the harbour talks would resume "
                       "next week, and that both sides had agreed on a mediator.\n", encoding="utf-8")
    db = tmp_path / "x.db"
    runner = CliRunner()
    r = runner.invoke(app, ["ingest", str(article), "--db", str(db), "--dictionary", str(tmp_path / "missing.txt")])
    assert r.exit_code == 2 and "missing.txt" in r.output
    r = runner.invoke(app, ["ingest", str(article), "--db", str(db), "--dictionary", str(dictionary)])
    assert r.exit_code == 0, r.output
    actors = [json.loads(line) for line in runner.invoke(app, ["actors", "--db", str(db), "--json"]).stdout.splitlines()]
    person = next(a for a in actors if a["name"] == "Ingrid Voldseth")
    assert (person["country"], person["sector"]) == ("NOR", "GOV")
    assert any(p.startswith("dictionary:") for p in person["provenance"])


def test_a_body_longer_than_the_pass_reads_is_read_in_part_and_flagged(monkeypatch):
    from eventwire.nlp import pipeline
    from eventwire.records import Article

    monkeypatch.setattr(pipeline, "MAX_ANALYSED", 120)
    body = ("Officials met on Monday. " * 4) + "\n\n" + ("The army attacked the town on Tuesday. " * 20)
    art = Article(id="long", source="x", path="x", format="txt", url=None, outlet=None, outlet_basis=None,
                  title=None, byline=None, published="2024-01-03", published_basis=None,
                  published_confidence=None, language="en", body=body, removed=(), dateline=None,
                  flags=(), ingested_at="")
    analysis = LanguagePass().analyse_one(art)
    assert any(f.startswith("partly analysed: the first 120 of") for f in analysis.flags)
    assert all(s.end <= 130 for s in analysis.sentences)
