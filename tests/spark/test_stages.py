"""The Spark engine's stages as plain functions, without a Spark session."""
from __future__ import annotations

import gzip
import json
import os
from collections import Counter
from pathlib import Path

import pytest

from eventwire.errors import EventwireError
from eventwire.extract.pubdate import CANDIDATES, CorpusDater, _iso_date, affair_names, corpus_span
from eventwire.ingest import content_id, furniture_group
from eventwire.read import read_file
from eventwire.spark import stages as S
from eventwire.spark.dataset import FORMAT_VERSION, MANIFEST, load
from eventwire.store import Store

# ------------------------------------------------------------------------------- inputs


def test_manifests_list_files_relative_to_themselves(tmp_path: Path):
    (tmp_path / "crawl").mkdir()
    for name in ("a.txt", "b.txt"):
        (tmp_path / "crawl" / name).write_text("Some words of an article.\n", encoding="utf-8")
    (tmp_path / "warc.paths").write_text("# a comment\ncrawl/a.txt\n\ncrawl/missing.txt\n", encoding="utf-8")
    with gzip.open(tmp_path / "more.paths.gz", "wt", encoding="utf-8") as fh:
        fh.write(str(tmp_path / "crawl" / "b.txt") + "\n")
    files, errors = S.list_inputs([str(tmp_path / "warc.paths"), str(tmp_path / "more.paths.gz")])
    assert files == [str(tmp_path / "crawl" / "a.txt"), str(tmp_path / "crawl" / "b.txt")]
    assert [(e.code, os.path.basename(e.path)) for e in errors] == [("E101", "missing.txt")]


def test_an_unreadable_manifest_is_an_error_not_a_crash(tmp_path: Path):
    bad = tmp_path / "broken.paths.gz"
    bad.write_bytes(b"not gzip at all")
    files, errors = S.list_inputs([str(bad)])
    assert files == [] and [e.code for e in errors] == ["E114"]
    assert "broken.paths.gz" in errors[0].path


def test_read_records_keeps_order_and_turns_bad_input_into_error_rows(tmp_path: Path):
    good = tmp_path / "good.jsonl"
    good.write_text(json.dumps({"text": "First article body, long enough to count."}) + "\nnot json\n"
                    + json.dumps({"text": "Second article body, also long enough."}) + "\n", encoding="utf-8")
    recs = list(S.read_records(7, str(good)))
    kinds = [(r[0], r[1]) for r in recs]
    assert kinds == [("doc", (7, 0)), ("error", (7, 1)), ("doc", (7, 2))]
    assert recs[1][2]["code"] == "E106" and recs[1][2]["path"].startswith(str(good))
    doc = recs[0][4]
    assert recs[0][2] == content_id(doc) and recs[0][3] == furniture_group(doc)
    binary = tmp_path / "blob.txt"
    binary.write_bytes(bytes(range(256)) * 40)
    (kind, _, row), = S.read_records(0, str(binary))
    assert kind == "error" and row["code"] == "E103"


def test_a_truncated_warc_is_counted_not_fatal(tmp_path: Path):
    from warcio.warcwriter import WARCWriter
    from warcio.statusandheaders import StatusAndHeaders
    import io

    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=True)
    for i in range(2):
        html = (f"<html><head><title>Report {i}</title></head><body><article><p>"
                + "A paragraph of an invented report about a harbour. " * 12 + "</p></article></body></html>").encode()
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(f"https://example.org/{i}", "response",
                                                      payload=io.BytesIO(html), http_headers=headers))
    data = buf.getvalue()
    path = tmp_path / "cut.warc.gz"
    path.write_bytes(data[: len(data) - 200])
    recs = list(S.read_records(0, str(path)))
    assert [r[0] for r in recs].count("doc") == 1
    assert recs[-1][0] == "error" and recs[-1][2]["code"] in ("E108", "E113")


# ---------------------------------------------------------------------- extract + furniture


def test_extract_group_gives_what_ingest_stores(small_corpus: Path, tmp_path: Path):
    with Store(tmp_path / "e.db") as store:
        from eventwire.ingest import ingest

        ingest(store, [str(small_corpus)])
        stored = {a.id: a for a in store.articles()}
    docs = []
    for i, path in enumerate(sorted(str(p) for p in small_corpus.iterdir())):
        for doc in read_file(path):
            docs.append(((i, 0), content_id(doc), doc))
    group = furniture_group(docs[0][2])
    out = list(S.extract_group(group, reversed(docs)))  # any arrival order: the group is sorted
    articles = {r[2].id: r[2] for r in out if r[0] == "article"}
    assert set(articles) == set(stored)
    for aid, art in articles.items():
        assert (art.body, art.removed, art.title, art.published) == (
            stored[aid].body, stored[aid].removed, stored[aid].title, stored[aid].published)
    assert any(r.reason == "repeated-in-outlet" for a in articles.values() for r in a.removed) or \
        any("Advertisement" == r.line for a in articles.values() for r in a.removed)
    (furniture,) = [r for r in out if r[0] == "furniture"]
    assert furniture[2] == [(group, len(docs))]


# -------------------------------------------------------------------------------- dating


def _parts(dated: list[tuple[str, str, str]], text: str) -> dict:
    """What the Spark engine's joins hand one undated article, computed here in plain Python."""
    names = [((pub, n), aid, pub, affair_names(t)) for n, (aid, pub, t) in enumerate(dated, 1)]
    df = Counter(x for *_, ns in names for x in ns)
    own = affair_names(text)
    postings = {}
    for name in own:
        pos = sorted(p for p, _, pub, ns in names if name in ns and _iso_date(pub) is not None)
        if pos:
            postings[name] = (len(pos), pos[-CANDIDATES:])
    chosen = S.candidate_positions(own, postings)
    candidates = {p: (aid, pub, ns, S.base_weight(ns, df, len(dated))) for p, aid, pub, ns in names if p in chosen}
    span = corpus_span(Counter(_iso_date(pub).year for _, pub, _ in dated))
    return {"size": len(dated), "span": span, "postings": postings, "candidates": candidates,
            "df": {n: df[n] for n in own if n in df}}


def test_only_the_names_the_candidate_search_reads_need_their_postings():
    import random

    rng = random.Random(7)
    cut = 0
    for trial in range(400):
        limit = rng.choice([5, 20, 50])
        postings = {}
        for i in range(rng.randint(1, 12)):
            count = rng.choice([1, 2, 3, limit // 2, limit - 1, limit, limit + 1, 3 * limit])
            pos = sorted(rng.sample(range(4 * limit), min(count, 4 * limit)))  # shared positions: the union shrinks
            postings[f"n{i}"] = (count, pos[-limit:])
        names = set(postings) | {"unused"}

        def search(parts):
            dater = CorpusDater.from_parts(size=1, span=None, postings=parts, df={}, candidates={})
            found, seen = set(), []
            for name in sorted((n for n in names if n in dater._index), key=lambda n: (dater._postings[n], n)):
                seen.append(name)
                if not found:
                    found.update(dater._index[name][-limit:])
                elif len(found) + dater._postings[name] <= limit:
                    found.update(dater._index[name])
                else:
                    break
            return found, seen

        reach = S.reachable_names({n: c for n, (c, _) in postings.items()}, limit)
        whole, read = search(postings)
        assert search({n: postings[n] for n in reach})[0] == whole, trial
        assert set(read) <= set(reach)
        cut += len(reach) < len(postings)
    assert cut > 100  # most trials send fewer postings than the article has names
    # with the engine's own limit, through the function the engine calls
    postings = {f"n{i}": (c, list(range(c))[-CANDIDATES:]) for i, c in enumerate([3, 40, 400, 900, 2000])}
    reach = S.reachable_names({n: c for n, (c, _) in postings.items()})
    assert reach == ["n0", "n1", "n2", "n3"] and S.candidate_positions(set(postings), postings) == S.candidate_positions(
        set(postings), {n: postings[n] for n in reach})


def _corpus() -> list[tuple[str, str, str]]:
    rows = []
    for i in range(30):
        day = 10 + i % 3
        rows.append((f"d{i:02d}", f"2014-06-{day:02d}",
                     f"Talks in Varnholm\nForeign Minister Edrik Solvang met Ambassador Tirelli Marcowe in Varnholm "
                     f"on June {day} to discuss the Quellan fisheries dispute, officials in Brastow said."))
    for i in range(25):
        rows.append((f"x{i:02d}", f"2012-0{1 + i % 9}-1{i % 9}",
                     f"Harvest report {i}\nFarmers near Odlemark and Pruvine reported a late harvest, the ministry said."))
    return sorted(rows, key=lambda r: r[1])


@pytest.mark.parametrize("body", [
    "VARNHOLM, June 11 (Wire) - Foreign Minister Edrik Solvang and Ambassador Tirelli Marcowe said on Wednesday "
    "the Quellan fisheries dispute was close to a settlement, officials in Brastow said.",
    "Edrik Solvang met Tirelli Marcowe on June 11 and again on June 12 over the Quellan fisheries dispute in "
    "Varnholm, officials in Brastow said.",
    "Farmers near Odlemark said the harvest was late again.",
])
def test_dating_from_parts_answers_as_the_whole_corpus(body: str):
    dated = _corpus()
    whole = CorpusDater(dated)
    from eventwire.records import Article

    article = Article(id="u", source="s", path="p", format="txt", url=None, outlet=None, outlet_basis=None,
                      title=None, byline=None, published=None, published_basis="no date found",
                      published_confidence=0.0, language="en", body=body)
    got = S.date_undated(article, **_parts(dated, S.affair_text(article)))
    expected = whole.infer(body, None, None)
    assert (got.published, got.published_basis) == (
        (expected.value, expected.basis) if expected and expected.value else
        (None, "no date found" + ("; " + expected.basis if expected and expected.basis else "")))


def test_dating_finds_a_date_in_this_corpus_at_all():
    """The parametrised test above compares something: the first case is dated."""
    body = ("VARNHOLM, June 11 (Wire) - Foreign Minister Edrik Solvang and Ambassador Tirelli Marcowe said on "
            "Wednesday the Quellan fisheries dispute was close to a settlement, officials in Brastow said.")
    assert CorpusDater(_corpus()).infer(body, None, None).value == "2014-06-11"


def test_corpus_span_is_the_central_years():
    years = Counter({2001: 1, 2020: 60, 2021: 40, 2040: 1})
    assert corpus_span(years) == (2020, 2021)
    assert corpus_span(Counter({2020: 5})) is None


# --------------------------------------------------------------------------------- blocks


def test_blocks_cut_at_quiet_days_and_at_size():
    days = {"2030-01-01": 5, "2030-01-02": 5, "2030-01-04": 3, "2030-01-05": 9, "2030-01-06": 9}
    blocks = S.plan_blocks(days, max_block=100, window_days=1)
    assert blocks == {"2030-01-01": 0, "2030-01-02": 0, "2030-01-04": 1, "2030-01-05": 1, "2030-01-06": 1}
    assert S.forced_cuts(days, blocks, 1) == 0
    small = S.plan_blocks(days, max_block=12, window_days=1)
    assert small["2030-01-05"] != small["2030-01-06"]
    assert S.forced_cuts(days, small, 1) == 1


def test_first_candidates_and_best_trial():
    assert S.first_candidates([("s-b", 3), ("s-a", 3), ("s-c", 5), ("s-d", 1)], 2) == ["s-c", "s-a"]
    assert S.best_trial([(0.4, 3), (0.6, 5), (0.6, 2)]) == 2


# -------------------------------------------------------------------------------- dataset


def test_load_refuses_what_is_not_a_dataset(tmp_path: Path):
    with Store(tmp_path / "a.db") as store:
        with pytest.raises(EventwireError) as exc:
            load(str(tmp_path), store)
        assert exc.value.code == "E309"
        (tmp_path / MANIFEST).write_text(json.dumps({"format": "eventwire-dataset", "version": FORMAT_VERSION + 1}))
        with pytest.raises(EventwireError, match="newer"):
            load(str(tmp_path), store)


def test_load_refuses_a_store_that_holds_articles(tmp_path: Path, small_corpus: Path):
    (tmp_path / "ds").mkdir()
    (tmp_path / "ds" / MANIFEST).write_text(json.dumps({"format": "eventwire-dataset", "version": 1}))
    with Store(tmp_path / "a.db") as store:
        from eventwire.ingest import ingest

        ingest(store, [str(small_corpus)])
        with pytest.raises(EventwireError) as exc:
            load(str(tmp_path / "ds"), store)
        assert exc.value.code == "E308"


def test_table_columns_cover_every_table_load_knows():
    from eventwire.spark.dataset import LOAD_ORDER

    columns = S.table_columns()
    assert set(LOAD_ORDER) <= set(columns)
    assert ("raw", "BLOB") in columns["inputs"] and ("n", "INTEGER") in columns["articles"]


def test_dating_from_parts_when_a_name_has_more_articles_than_are_compared():
    """Postings longer than ``CANDIDATES``: the joins hand over only the latest of them."""
    dated = _corpus() + [(f"m{i:03d}", f"2014-05-{1 + i % 28:02d}",
                          f"Brastow notes {i}\nOfficials in Brastow and Varnholm met about the Quellan fisheries.")
                         for i in range(CANDIDATES + 20)]
    dated.sort(key=lambda r: r[1])
    body = ("VARNHOLM, June 11 (Wire) - Foreign Minister Edrik Solvang and Ambassador Tirelli Marcowe said on "
            "Wednesday the Quellan fisheries dispute was close to a settlement, officials in Brastow said.")
    parts = _parts(dated, "\n" + body)
    assert max(count for count, _ in parts["postings"].values()) > CANDIDATES
    from eventwire.records import Article

    article = Article(id="u", source="s", path="p", format="txt", url=None, outlet=None, outlet_basis=None,
                      title=None, byline=None, published=None, published_basis="no date found",
                      published_confidence=0.0, language="en", body=body)
    got = S.date_undated(article, **parts)
    expected = CorpusDater(dated).infer(body, None, None)
    assert got.published == expected.value and got.published_basis == expected.basis


def _fact(key: int, name: str, country: str, day: str) -> tuple:
    return ((day, key), {"name": name, "country": country, "sector": "GOV", "role": None, "as_of": day,
                         "article_id": f"a{key}"})


def test_prefix_kb_kept_between_tasks_answers_as_one_built_afresh():
    from eventwire.nlp.kb import KnowledgeBase
    from eventwire.nlp.workers import learn_row

    facts = [_fact(1, "Olen Marrow", "NOR", "2020-01-02"), _fact(2, "Ilsa Marrow", "SWE", "2020-01-03"),
             _fact(3, "Olen Marrow", "DNK", "2020-03-01"), _fact(4, "Pavo Renn", "FIN", "2020-03-05")]

    def fresh(upto):
        kb = KnowledgeBase()
        for _, row in facts[:upto]:
            learn_row(kb, row)
        return kb

    def answers(kb):
        return [kb.lookup(n, d) for n in ("Marrow", "Olen Marrow", "Renn", "Ilsa Marrow")
                for d in (None, "2020-01-05", "2020-03-02")]

    token = ("run", "waves")
    # the list grows at its end between tasks: the kept base learns the rest
    first = S.prefix_kb(facts[:2], ("2020-01-04", 9), token)
    assert answers(first) == answers(fresh(2))
    again = S.prefix_kb(facts, ("2020-03-04", 9), token)
    assert again is first and answers(again) == answers(fresh(3))
    # an earlier task, a new token or no token: built afresh, never a base holding too much
    earlier = S.prefix_kb(facts, ("2020-01-03", 0), token)
    assert earlier is not first and answers(earlier) == answers(fresh(1))
    other = S.prefix_kb(facts, ("2021-01-01", 0), ("run", "round", 1))
    assert answers(other) == answers(fresh(4))
    assert S.prefix_kb(facts, ("2021-01-01", 0)) is not S.prefix_kb(facts, ("2021-01-01", 0))


def test_a_layer_over_the_kept_base_learns_nothing_into_it():
    from eventwire.nlp.kb import KnowledgeBase
    from eventwire.nlp.workers import learn_row

    facts = [_fact(1, "Olen Marrow", "NOR", "2020-01-02")]
    kb = KnowledgeBase()
    S._kb_before(kb, facts, ("2020-02-01", 0), ("run", "waves"))
    learn_row(kb, _fact(2, "Pavo Renn", "FIN", "2020-02-02")[1])
    assert kb.lookup("Renn") is not None and kb.lookup("Marrow").country == "NOR"
    base = S.prefix_kb(facts, ("2020-02-01", 0), ("run", "waves"))
    assert base.lookup("Renn") is None
    S._kb_before(kb, facts, ("2020-02-01", 0), ("run", "waves"))
    assert kb.lookup("Renn") is None  # a new task starts from the base alone


def test_split_block_parts_a_blocks_records_by_tag():
    rows, words, actors = S.split_block([(1, ("harbour", 3)), (0, "row-a"), (2, ("p:olen marrow", 2)),
                                         (0, "row-b"), (1, ("treaty", 7))])
    assert rows == ["row-a", "row-b"]
    assert words == {"harbour": 3, "treaty": 7} and actors == {"p:olen marrow": 2}
    assert S.split_block([]) == ([], {}, {})


def test_packed_records_hold_a_bounded_number_of_rows_and_lose_none():
    rows = [("articles", {"id": i}) for i in range(2 * S.PACK_ROWS + 7)] + [("events", {"id": "e"})]
    records = list(S.packed(iter(rows)))
    assert all(len(S.unpacked(r)) <= S.PACK_ROWS for r in records)
    got = [(table, row) for table, blob in records for row in S.unpacked((table, blob))]
    assert sorted(got, key=lambda tr: (tr[0], str(tr[1]["id"]))) == sorted(rows, key=lambda tr: (tr[0], str(tr[1]["id"])))
    assert {t for t, _ in records} == {"articles", "events"} and len(records) == 4
