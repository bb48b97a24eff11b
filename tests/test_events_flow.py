"""Events from ingest to the command line, and `eventwire code` without a store."""
import json

from typer.testing import CliRunner

from eventwire.cli import app

runner = CliRunner()
EVENT_KEYS = {"id", "article_id", "source", "target", "source_actor", "target_actor", "cameo", "root", "plover",
              "goldstein", "date", "sentence", "mentions"}

TEXT = """Chile and Peru sign fisheries pact

LIMA, May 3, 2023 (Wirewatch) -- Chile's foreign minister met Peruvian President Dina Boluarte in Lima on Wednesday.

Peru accused Bolivia of blocking the talks, officials said.
"""


def test_events_are_coded_stored_merged_and_listed(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    for outlet in ("a", "b"):  # two outlets report the same happening
        (folder / f"{outlet}.txt").write_text(TEXT.replace("Wirewatch", f"Wire {outlet.upper()}"), encoding="utf-8")
    db = tmp_path / "x.db"
    r = runner.invoke(app, ["ingest", str(folder), "--db", str(db)])
    assert r.exit_code == 0, r.output
    r = runner.invoke(app, ["events", "--db", str(db), "--json"])
    events = [json.loads(line) for line in r.stdout.splitlines()]
    assert events and all(EVENT_KEYS <= set(e) for e in events)
    accuse = [e for e in events if e["root"] == "11"]
    assert len(accuse) == 1  # one event per happening
    assert accuse[0]["mentions"] == 2
    assert accuse[0]["source"].startswith("PER") and accuse[0]["target"].startswith("BOL")
    r = runner.invoke(app, ["dyad", "PER", "BOL", "--db", str(db), "--json"])
    assert r.exit_code == 0
    r = runner.invoke(app, ["events", "--db", str(db), "--dyad", "PER-BOL", "--json"])
    assert len(r.stdout.splitlines()) == 1


def test_code_reads_sentences_from_stdin():
    r = runner.invoke(app, ["code", "-", "--date", "2020-01-02", "--json"],
                      input="Japan condemned North Korea's missile test.\nThe weather was mild.\n")
    assert r.exit_code == 0, r.output
    rows = [json.loads(line) for line in r.stdout.splitlines()]
    assert rows and {row["input"] for row in rows} == {0}
    assert rows[0]["source"].startswith("JPN") and rows[0]["root"] == "11"
