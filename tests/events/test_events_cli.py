"""The events, dyad and export commands (events/cli.py), in-process."""
from __future__ import annotations

import csv
import io
import json
import sys
from pathlib import Path

import typer
from typer.testing import CliRunner

sys.path.insert(0, str(Path(__file__).parent))

from test_store import BODIES, aid, corpus, ev  # noqa: E402

from eventwire.events import store as es  # noqa: E402
from eventwire.events.cli import goldstein_bar, register  # noqa: E402
from eventwire.events.dedup import merge  # noqa: E402
from eventwire.store import Store  # noqa: E402

runner = CliRunner()


def _app() -> typer.Typer:
    app = typer.Typer()
    register(app, lambda db, readonly=True: Store(db, readonly=readonly))
    return app


def run(*args):
    return runner.invoke(_app(), [str(a) for a in args], env={"COLUMNS": "300"})


def _db(tmp_path) -> Path:
    corpus(tmp_path).close()
    return tmp_path / "x.db"


def test_events_json_and_filters(tmp_path):
    db = _db(tmp_path)
    r = run("events", "--db", db, "--json")
    assert r.exit_code == 0, r.output
    rows = [json.loads(line) for line in r.stdout.splitlines()]
    assert len(rows) == 3 and rows[0]["mentions"] == 2
    assert {"id", "article_id", "source", "target", "cameo", "goldstein", "date", "sentence"} <= set(rows[0])
    r = run("events", "--db", db, "--json", "--actor", "Putin")
    assert len(r.stdout.splitlines()) == 1
    r = run("events", "--db", db, "--json", "--dyad", "RUS-USA")
    assert len(r.stdout.splitlines()) == 3
    r = run("events", "--db", db, "--json", "--all", "--actor", "UKR")
    assert json.loads(r.stdout)["status"] == "negated"
    r = run("events", "--db", db, "--dyad", "USA")
    assert r.exit_code == 2


def test_events_table_prints_scraped_text_literally(tmp_path):
    s = corpus(tmp_path)
    hostile = "Russia protested [bold red]loudly[/] \x1b[31m against the new US sanctions."
    body = BODIES["a4"].replace("Russia protested against the new US sanctions.", hostile)
    s.conn.execute("UPDATE articles SET body = ? WHERE id = ?", (body, aid("a4")))
    es.save_event_mentions(s, aid("a4"), [ev(body, hostile, "111", -2.0, 3, "ACCUSE", "RUS", "USA", "2018-08-09",
                                             source_actor="[link=x]", target_actor="United States")])  # short: the table cuts long names
    merge(s, [aid("a4")])
    s.close()
    r = run("events", "--db", tmp_path / "x.db")
    assert r.exit_code == 0, r.output
    assert "[bold red]loudly[/]" in r.output and "[link=x]" in r.output
    assert "\x1b" not in r.output and "\\x1b" in r.output
    assert "Helsinki" in r.output


def test_events_notes_unmerged_reports(tmp_path):
    corpus(tmp_path, do_merge=False).close()
    r = run("events", "--db", tmp_path / "x.db")
    assert r.exit_code == 0 and "not merged" in r.output


def test_dyad_table_json_csv(tmp_path):
    db = _db(tmp_path)
    r = run("dyad", "USA", "RUS", "--db", db)
    assert r.exit_code == 0, r.output
    assert "2018-07" in r.output and "2018-08" in r.output and "total" in r.output
    assert "-5.00" in r.output  # August: sanctions and a protest
    r = run("dyad", "USA", "RUS", "--db", db, "--by", "day", "--json")
    d = json.loads(r.stdout)
    assert [b["bucket"] for b in d["buckets"]] == ["2018-07-16", "2018-08-08", "2018-08-09"]
    assert d["buckets"][0]["goldstein_mean"] > 0 > d["buckets"][1]["goldstein_mean"]
    r = run("dyad", "USA", "RUS", "--db", db, "--csv")
    rows = list(csv.DictReader(io.StringIO(r.stdout)))
    assert [row["bucket"] for row in rows] == ["2018-07", "2018-08"]
    assert rows[1]["material_conflict"] == "1" and float(rows[1]["goldstein_sum"]) == -10.0
    assert run("dyad", "USA", "RUS", "--db", db, "--csv", "--json").exit_code == 2
    assert run("dyad", "USA", "RUS", "--db", db, "--by", "year").exit_code == 2
    r = run("dyad", "USA", "CHN", "--db", db)
    assert r.exit_code == 0 and "no events" in r.output


def test_goldstein_bar_is_sign_coloured():
    assert goldstein_bar(5.0).style == "green" and goldstein_bar(-5.0).style == "red"
    assert len(goldstein_bar(10.0).plain) == len(goldstein_bar(-10.0).plain) == 11
    assert goldstein_bar(None).plain == ""


def test_export_tsv_and_missing_pyarrow(tmp_path, monkeypatch):
    db = _db(tmp_path)
    out = tmp_path / "e.tsv"
    r = run("export", "--db", db, "--format", "tsv", "--out", out)
    assert r.exit_code == 0, r.output
    assert len(out.read_text(encoding="utf-8").splitlines()) == 4  # header + 3 events
    monkeypatch.setitem(sys.modules, "pyarrow", None)
    r = run("export", "--db", db, "--format", "parquet", "--out", tmp_path / "e.parquet")
    assert r.exit_code == 2 and "pyarrow" in r.output
    assert run("export", "--db", db, "--out", out).exit_code == 2  # --format is required


def test_events_table_is_one_line_per_event_at_80_columns(tmp_path):
    corpus(tmp_path).close()
    r = runner.invoke(_app(), ["events", "--db", str(tmp_path / "x.db")], env={"COLUMNS": "80"})
    assert r.exit_code == 0, r.output
    lines = r.stdout.splitlines()
    assert lines[0].startswith("date") and len(lines) >= 2
    assert all(len(line) <= 80 for line in lines)
    assert all(line[:4].isdigit() or line.startswith("undated") for line in lines[1:])


def test_code_prints_the_main_act_of_a_sentence_with_no_country():
    from typer.testing import CliRunner

    from eventwire.cli import app
    r = CliRunner().invoke(app, ["code", "-", "--json", "--date", "2023-05-02"],
                           input="Masked raiders attacked a grain depot outside the town.\nIt rained all day.\n")
    assert r.exit_code == 0, r.output
    rows = [json.loads(line) for line in r.stdout.splitlines() if line.strip()]
    assert [row["input"] for row in rows] == [0]  # the weather stays quiet
    assert rows[0]["main"] is True and rows[0]["source_actor"] == "Masked raiders"
    assert rows[0]["confidence"] == 0.2 and rows[0]["plover"]


def test_code_marks_the_main_event_of_each_sentence_of_a_line():
    from typer.testing import CliRunner

    from eventwire.cli import app
    line = "Chile expelled a Peruvian diplomat on Monday. Peru and Bolivia held talks in La Paz.\n"
    r = CliRunner().invoke(app, ["code", "-", "--json", "--date", "2023-05-02"], input=line)
    assert r.exit_code == 0, r.output
    rows = [json.loads(row) for row in r.stdout.splitlines() if row.strip()]
    mains = [row["sentence_start"] for row in rows if row["main"]]
    assert len(mains) == len(set(mains)) == len({row["sentence_start"] for row in rows}) == 2


def test_code_dates_each_event_by_its_own_clause_as_the_store_does():
    from typer.testing import CliRunner

    from eventwire.cli import app
    text = ("Bolivian police arrested twelve miners in La Paz late on Monday.\n"
            "Despite a truce agreed in 2019, Malian troops shelled rebel positions on Tuesday.\n"
            "Recalling the 2021 floods, Pakistan and China held talks in Beijing on Wednesday.\n"
            "Chile and Peru signed a fishing accord.\n")
    r = CliRunner().invoke(app, ["code", "-", "--json", "--date", "2024-03-07"], input=text)  # a Thursday
    assert r.exit_code == 0, r.output
    rows = {}
    for line in r.stdout.splitlines():
        if line.strip():
            row = json.loads(line)
            rows.setdefault(row["input"], row)
    assert rows[0]["date"] == "2024-03-04" and "Monday" in rows[0]["date_basis"]
    assert rows[1]["date"] == "2024-03-05"  # the shelling's own clause, not the truce's 2019
    assert rows[2]["date"] == "2024-03-06"  # "the 2021 floods" dates the floods, not the talks
    assert rows[3]["date"] == "2024-03-07" and rows[3]["date_basis"] == "publication date"
