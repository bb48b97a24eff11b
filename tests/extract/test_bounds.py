"""Bodies no news article has: a multi-megabyte single line, a body longer than the pass reads."""
from __future__ import annotations

from eventwire.extract import LONG_LINE, PIECE, extract, split_long_lines
from eventwire.records import RawDoc


def test_a_huge_line_is_cut_into_paragraphs_at_sentence_ends():
    sentence = "The committee met again and the talks went on late into the night. "
    line = sentence * (LONG_LINE // len(sentence) + 50)
    body, cut = split_long_lines("A short first paragraph.\n\n" + line)
    assert cut == 1
    paras = body.split("\n\n")
    assert paras[0] == "A short first paragraph." and all(len(p) <= PIECE for p in paras)
    assert all(p.endswith("night.") for p in paras[1:])
    assert "".join(p.replace(" ", "") for p in paras[1:]) == line.replace(" ", "")  # nothing lost


def test_a_huge_line_without_sentence_ends_is_cut_at_spaces():
    line = "word " * (LONG_LINE // 5 + 1000)
    body, cut = split_long_lines(line)
    assert cut == 1 and all(0 < len(p) <= PIECE for p in body.split("\n\n"))


def test_ordinary_bodies_are_left_alone():
    body = "One paragraph.\n\nAnother paragraph."
    assert split_long_lines(body) == (body, 0)


def test_extraction_flags_the_cut():
    text = "Harbour dump\n\n" + "The ferry left the harbour at dawn and the crew waved. " * 800
    got = extract(RawDoc(source="d.txt", path="d.txt", format="txt", raw=text.encode(), text=text))
    assert "long-line-cut:1" in got.flags and max(len(p) for p in got.body.split("\n\n")) <= PIECE
