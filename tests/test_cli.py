"""The command line, in-process."""
import json

from typer.testing import CliRunner

from eventwire.cli import app, safe

runner = CliRunner()

REQUIRED_ARTICLE_KEYS = {"id", "source", "outlet", "title", "byline", "published", "published_basis", "language", "body"}


def run(*args, input=None):
    return runner.invoke(app, [str(a) for a in args], input=input)


def test_ingest_articles_show_search(tmp_path, small_corpus):
    db = tmp_path / "x.db"
    r = run("ingest", small_corpus, "--db", db, "--no-analyze")
    assert r.exit_code == 0, r.output
    assert "10 added" in r.output
    r = run("articles", "--db", db, "--json")
    rows = [json.loads(line) for line in r.stdout.splitlines()]
    assert len(rows) == 10
    assert all(REQUIRED_ARTICLE_KEYS <= set(row) for row in rows)
    first = rows[0]["id"]
    r = run("show", first[:8], "--db", db)
    assert r.exit_code == 0 and rows[0]["title"] in r.output
    r = run("show", first, "--db", db, "--raw")
    assert "Advertisement" in r.output  # the raw input keeps the furniture
    r = run("search", "Kenya", "--db", db, "--json")
    hits = [json.loads(line) for line in r.stdout.splitlines()]
    assert len(hits) == 1 and "Kenya" in hits[0]["title"]
    r = run("summary", "--db", db)
    assert r.exit_code == 0 and "10 articles" in r.output


def test_env_var_names_the_default_store(tmp_path, small_corpus, monkeypatch):
    db = tmp_path / "env.db"
    monkeypatch.setenv("EVENTWIRE_DB", str(db))
    assert run("ingest", small_corpus, "--no-analyze").exit_code == 0
    assert db.exists()


def test_malformed_query_gets_a_message_not_a_traceback(tmp_path, small_corpus):
    db = tmp_path / "x.db"
    run("ingest", small_corpus, "--db", db, "--no-analyze")
    r = run("search", '"unclosed', "--db", db)
    assert r.exit_code == 2
    assert "E303" in r.output and "Traceback" not in r.output


def test_missing_store_and_unknown_id(tmp_path):
    r = run("articles", "--db", tmp_path / "none.db")
    assert r.exit_code == 2 and "E302" in r.output
    db = tmp_path / "x.db"
    run("ingest", "-", "--db", db, "--no-analyze", input="Short note\n\nThe envoy arrived in Oslo on Monday for two days of talks with officials.\n")
    r = run("show", "ffffffffff", "--db", db)
    assert r.exit_code == 2 and "E304" in r.output


def test_stdin_and_failing_inputs_set_exit_status(tmp_path):
    db = tmp_path / "x.db"
    r = run("ingest", "-", "--db", db, "--no-analyze", input="Envoys meet in Oslo\n\nThe envoys met in Oslo on Monday and agreed to meet again within a month, a spokesman said.\n")
    assert r.exit_code == 0, r.output
    r = run("ingest", tmp_path / "nope.txt", "--db", db, "--no-analyze")
    assert r.exit_code == 1
    assert "E101" in r.output and "nope.txt" in r.output


def test_hostile_text_is_escaped(tmp_path):
    f = tmp_path / "evil.txt"
    f.write_text(
        "[bold red]Gotcha[/] \x1b[2J\x1b]0;pwned\x07 headline\n\n"
        "The council met on Monday [link=file:///etc/passwd]here[/link] and voted on the budget after a long debate.\n",
        encoding="utf-8",
    )
    db = tmp_path / "x.db"
    assert run("ingest", f, "--db", db, "--no-analyze").exit_code == 0
    r = run("articles", "--db", db)
    assert "[bold red]Gotcha[/]" in r.output  # markup shown literally, not interpreted
    assert "\x1b" not in r.output
    aid = json.loads(run("articles", "--db", db, "--json").stdout.splitlines()[0])["id"]
    r = run("show", aid, "--db", db)
    assert "\x1b" not in r.output and "\x07" not in r.output
    assert "[link=file:///etc/passwd]" in r.output


def test_safe_makes_controls_visible():
    assert safe("a\x1b[31mb") == "a\\x1b[31mb"
    assert safe("line\nnext\ttab") == "line\nnext\ttab"
    assert safe("\u202eevil") == "\\u202eevil"


def test_resolve_names_without_a_store():
    r = run("resolve", "the Kremlin spokesman", "Iraqi police", "Qwertyland", "--json")
    assert r.exit_code == 0, r.output
    rows = [json.loads(line) for line in r.stdout.splitlines()]
    assert [row["input"] for row in rows] == [0, 1, 2]
    assert (rows[0]["actor"]["country"], rows[0]["actor"]["sector"]) == ("RUS", "GOV")
    assert rows[1]["actor"]["code"] == "IRQCOP"
    assert rows[2]["actor"]["code"] is None  # a capitalised unknown is a name with no country


def test_resolve_reads_json_lines_with_context_and_date():
    lines = json.dumps({"name": "the minister", "context": "the Kenyan foreign minister", "date": "2020-03-01"})
    r = run("resolve", "-", "--json", input=lines + "\n\nnot json {\n")
    assert r.exit_code == 0, r.output
    rows = [json.loads(line) for line in r.stdout.splitlines()]
    assert rows[0]["actor"]["country"] == "KEN" and rows[0]["actor"]["as_of"] == "2020-03-01"
    assert rows[1]["query"] == "not json {"  # the blank line is skipped, the rest read as a name


def test_resolve_python_api_matches_the_command():
    import eventwire

    assert eventwire.resolve("Venezula")["country"] == "VEN"
    assert eventwire.resolve("qwertyland") is None  # a common word names nothing


def test_the_command_line_does_not_load_the_heavy_stack_to_start():
    """`eventwire --help` and the read commands must answer at once: spaCy, trafilatura and the
    grouping stack (datasketch, scipy) load only in the commands that need them."""
    import subprocess
    import sys

    probe = ("import sys, eventwire.cli; "
             "print(sorted(m for m in ('spacy', 'trafilatura', 'datasketch', 'scipy', 'dateparser') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


HOSTILE_TITLE = "Talks \x1b[2J\x1b]8;;http://evil.example\x07link\x1b]8;;\x07 \u202eretlaw\u202c end"


def test_no_command_prints_terminal_controls_from_scraped_text(tmp_path):
    """Every read command, stories and story included, over a store whose titles and quotes carry
    escape sequences (clear screen, OSC 8 link, bell) and a bidi override."""
    corpus = tmp_path / "in"
    corpus.mkdir()
    for k, outlet in enumerate(("a", "b")):
        (corpus / f"{outlet}.txt").write_text(
            f"{HOSTILE_TITLE}\n\nFrance and Germany signed a new trade agreement in Paris on Monday, "
            "officials said.\n\n\"This agreement \x1b[31mmatters\x1b[0m to both of us,\" the French "
            f"foreign minister said after the ceremony. Report {k}.\n", encoding="utf-8")
    db = tmp_path / "x.db"
    assert run("ingest", corpus, "--db", db).exit_code in (0, 1)
    story = json.loads(run("stories", "--db", db, "--json").stdout.splitlines()[0])["id"]
    for args in (["articles"], ["stories"], ["story", story], ["quotes"], ["events"], ["actors"],
                 ["search", "agreement"], ["timeline"], ["errors"]):
        r = run(*args, "--db", db)
        assert r.exit_code == 0, (args, r.output)
        for bad in ("\x1b", "\x07", "\u202e"):
            assert bad not in r.output, (args, bad)
    r = run("stories", "--db", db)
    assert "␛" in r.output or "\\x1b" in r.output  # shown, made inert


def test_errors_are_one_line_each_and_a_cut_line_is_warned(tmp_path):
    from eventwire.extract import LONG_LINE
    from eventwire.records import ReadError
    from eventwire.store import Store

    db = tmp_path / "x.db"
    big = tmp_path / "dump.txt"
    big.write_text("Dump\n\n" + "The ferry left the harbour at dawn. " * (LONG_LINE // 30), encoding="utf-8")
    r = run("ingest", big, "--db", db, "--no-analyze")
    assert r.exit_code == 0 and "warning:" in r.output and "long-line-cut" in r.output
    with Store(db) as store:
        store.add_error(ReadError("odd.warc", "E108", "unreadable:\n    ERROR: first line\n\n  second line"), None)
    r = run("errors", "--db", db)
    lines = [line for line in r.output.splitlines() if "odd.warc" in line]
    assert len(lines) == 1 and "first line second line" in lines[0]


def test_articles_listing_is_one_line_per_article(tmp_path):
    f = tmp_path / "feed.jsonl"
    f.write_text("".join(json.dumps({"title": f"Title {i}\nwith a break", "text": f"Body {i}. " + "Words here. " * 30,
                                     "date": f"2024-01-{i + 1:02d}"}) + "\n" for i in range(5)), encoding="utf-8")
    db = tmp_path / "x.db"
    assert run("ingest", f, "--db", db, "--no-analyze").exit_code == 0
    lines = run("articles", "--db", db).output.splitlines()
    assert lines[0].split() == ["id", "published", "outlet", "title", "lang"]
    assert len(lines) == 6 and "2024-01-01" in lines[1] and "2024-01-05" in lines[5]
    assert len(run("articles", "--db", db, "--limit", "2").output.splitlines()) == 3


def test_spark_options_are_checked_before_anything_starts(tmp_path, small_corpus):
    # these refusals need neither pyspark nor Java: nothing is read, no store is made
    db = tmp_path / "x.db"
    for args, says in (
        (["ingest", small_corpus, "--db", db, "--fresh"], "--engine spark"),
        (["ingest", small_corpus, "--db", db, "--out", tmp_path / "d"], "--engine spark"),
        (["ingest", "--engine", "spark", small_corpus], "--out"),
        (["ingest", "--engine", "spark", small_corpus, "--out", tmp_path / "d", "--db", db], "eventwire load"),
        (["ingest", "--engine", "spark", "-", "--out", tmp_path / "d"], "standard input"),
        (["ingest", "--engine", "cluster", small_corpus], "embedded or spark"),
    ):
        r = run(*args)
        assert r.exit_code == 2 and says in r.output, (args, r.output)
    assert not db.exists() and not (tmp_path / "d").exists()
