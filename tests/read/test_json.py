"""JSON and JSON Lines records: aliases, verbatim raw bytes, broken lines, records without text."""
from __future__ import annotations

import json
from pathlib import Path

from eventwire.read import read_file
from eventwire.records import RawDoc, ReadError


def read(path: Path, **kwargs) -> list[RawDoc | ReadError]:
    return list(read_file(str(path), **kwargs))


def test_jsonl_broken_line_is_reported_and_reading_goes_on(tmp_path: Path):
    path = tmp_path / "feed.jsonl"
    lines = [
        '{"url": "https://news.example/a", "title": "A", "text": "First story."}',
        '{"title": "B", "text": "unterminated',
        "",
        '{"headline": "C", "maintext": "Third story.", "authors": ["Ana Lima", "Bo Chen"], '
        '"date_publish": "2019-04-02 10:00:00", "source_domain": "paper.example"}',
        '{"title": "no body here"}',
        '["not", "an", "object"]',
    ]
    path.write_text("\n".join(lines) + "\n")
    items = read(path)
    assert [type(item).__name__ for item in items] == ["RawDoc", "ReadError", "RawDoc", "ReadError", "ReadError"]
    first, broken, third, bodiless, listed = items
    assert (first.source, first.url, first.title, first.text, first.format) == (
        "https://news.example/a", "https://news.example/a", "A", "First story.", "jsonl")
    assert first.raw == lines[0].encode()
    assert (broken.code, broken.path) == ("E106", f"{path}:line 2")
    assert "line 2" in broken.reason
    assert broken.raw == lines[1].encode()
    assert (third.source, third.title, third.text) == (f"{path}#3", "C", "Third story.")
    assert (third.byline, third.date, third.outlet) == ("Ana Lima, Bo Chen", "2019-04-02 10:00:00", "paper.example")
    assert (bodiless.code, bodiless.path) == ("E107", f"{path}:line 5")
    assert (listed.code, listed.path) == ("E107", f"{path}:line 6")


def test_json_list_keeps_each_objects_bytes(tmp_path: Path):
    path = tmp_path / "items.json"
    data = ('[\r\n  {"link": "https://x.example/1", "body": "Genève talks — day one"},\r\n'
            '  {"content": "<p>Marked-up story text.</p>", "pubDate": "Tue, 02 Apr 2019 10:00:00 GMT"}\r\n]')
    path.write_bytes(data.encode())
    first, second = read(path)
    assert first.raw == '{"link": "https://x.example/1", "body": "Genève talks — day one"}'.encode()
    assert (first.source, first.text, first.format) == ("https://x.example/1", "Genève talks — day one", "json")
    assert second.raw == b'{"content": "<p>Marked-up story text.</p>", "pubDate": "Tue, 02 Apr 2019 10:00:00 GMT"}'
    assert (second.source, second.html, second.text) == (f"{path}#2", "<p>Marked-up story text.</p>", None)
    assert second.date == "Tue, 02 Apr 2019 10:00:00 GMT"


def test_single_object_and_nested_fields(tmp_path: Path):
    path = tmp_path / "one.json"
    record = {"title": {"rendered": "Strike ends"}, "article_body": ["Para one.", "Para two."],
              "source": {"id": None, "name": "The Example Post"}, "published_at": 1554199200,
              "byline": "Jo Doe"}
    path.write_text(json.dumps(record))
    (doc,) = read(path)
    assert (doc.source, doc.title, doc.text) == (str(path), "Strike ends", "Para one.\n\nPara two.")
    assert (doc.outlet, doc.byline, doc.date) == ("The Example Post", "Jo Doe", "2019-04-02T10:00:00+00:00")
    assert doc.raw == path.read_bytes()


def test_html_field_and_json_lines_in_a_json_file(tmp_path: Path):
    path = tmp_path / "dump.json"
    path.write_text('{"raw_html": "<html><body><p>x</p></body></html>"}\n{"text": "y"}\n')
    first, second = read(path)
    assert (first.html, first.format, second.text) == ("<html><body><p>x</p></body></html>", "jsonl", "y")


def test_json_that_does_not_parse(tmp_path: Path):
    path = tmp_path / "bad.json"
    path.write_text('{"text": "a", }')
    (error,) = read(path)
    assert error.code == "E106"
    assert error.raw == path.read_bytes()


def test_jsonl_line_over_the_limit(tmp_path: Path):
    path = tmp_path / "big.jsonl"
    path.write_text(json.dumps({"text": "x" * 500}) + "\n" + json.dumps({"text": "short"}) + "\n")
    error, doc = read(path, max_bytes=200)
    assert (error.code, error.path, doc.text) == ("E104", f"{path}:line 1", "short")


def test_text_file_holding_json(tmp_path: Path):
    path = tmp_path / "export.txt"
    path.write_text('[{"text": "one"}, {"text": "two"}]')
    assert [doc.text for doc in read(path)] == ["one", "two"]


def test_impossible_dates_cost_one_record_each(tmp_path):
    path = tmp_path / "feed.jsonl"
    lines = [{"text": "Good record one about the harbour.", "published": 1700000000},
             {"text": "Bad huge number.", "published": 12345678901234567890},
             {"text": "Bad infinite number.", "date": 1e999},
             {"text": "Good record two about the ferry."}]
    path.write_text("\n".join(json.dumps(r) for r in lines) + "\n", encoding="utf-8")
    items = list(read_file(str(path)))
    assert [type(i).__name__ for i in items] == ["RawDoc", "ReadError", "ReadError", "RawDoc"]
    assert {i.code for i in items if isinstance(i, ReadError)} == {"E112"}
    assert "line 2" in items[1].path


def test_a_nul_byte_costs_its_line_not_the_file(tmp_path):
    path = tmp_path / "feed.jsonl"
    path.write_bytes(b'{"text": "First good record."}\n{"text": "bro\x00ken"}\n{"text": "Third good record."}\n')
    items = list(read_file(str(path)))
    assert [type(i).__name__ for i in items] == ["RawDoc", "ReadError", "RawDoc"]
    assert items[1].code == "E103" and items[1].raw is not None


def test_utf16_json_lines(tmp_path):
    path = tmp_path / "feed.jsonl"
    text = '{"text": "Première ligne."}\n{"text": "Zweite Zeile."}\n'
    path.write_bytes(text.encode("utf-16"))
    items = list(read_file(str(path)))
    assert [i.text for i in items] == ["Première ligne.", "Zweite Zeile."]
