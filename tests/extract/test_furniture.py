"""Corpus-level furniture counting on invented documents."""
from __future__ import annotations

from eventwire.extract.furniture import FurnitureModel, normalise_line


def doc(n: int, *extra: str) -> str:
    """A document whose own lines differ from every other's (digits would normalise alike)."""
    return "\n".join([f"Story {'a' * (n + 1)} about the river talks", *extra, f"Paragraph {'x' * (n + 1)} of its own."])


def test_normalise_line() -> None:
    assert normalise_line("  © 2019  Harbour Wire Ltd. ") == "© # harbour wire ltd"
    assert normalise_line("© 2020 Harbour Wire Ltd.") == normalise_line("© 2019 Harbour Wire Ltd.")
    assert normalise_line("ＦＵＬＬ width") == "full width"
    assert normalise_line("--- Share this ---") == "share this"


def test_lines_need_three_documents_and_thirty_percent() -> None:
    model = FurnitureModel()
    for n in range(1, 3):
        model.add("harbour", doc(n, "Sign up for the Harbour Brief"))
    assert model.lines("harbour") == frozenset()  # only two documents so far
    model.add("harbour", doc(3, "Sign up for the Harbour Brief"))
    assert model.lines("harbour") == {"sign up for the harbour brief"}
    for n in range(4, 12):
        model.add("harbour", doc(n))
    # 3 of 11 documents is below 30 %: no longer furniture
    assert model.lines("harbour") == frozenset()
    assert model.documents("harbour") == 11


def test_groups_are_separate_and_long_lines_ignored() -> None:
    model = FurnitureModel()
    long_line = "A long repeated paragraph " * 10
    for n in range(3):
        model.add("a", doc(n, "© Harbour Wire", long_line))
        model.add("b", doc(n))
    assert model.lines("a") == {"© harbour wire"}
    assert model.lines("b") == frozenset()
    assert model.lines("unknown") == frozenset()


def test_a_line_counts_once_per_document() -> None:
    model = FurnitureModel()
    for _ in range(3):
        model.add("a", "Advert\nAdvert\nAdvert")
    model.add("b", "Advert\n" * 5)
    assert "advert" in model.lines("a")
    assert model.to_rows(groups=["b"]) == ([("b", "advert", 1)], [("b", 1)])


def test_rows_round_trip() -> None:
    model = FurnitureModel()
    for n in range(4):
        model.add("a", doc(n, "Follow Harbour Wire"))
    model.add("b", doc(9))
    lines, totals = model.to_rows()
    assert ("a", 4) in totals and ("b", 1) in totals
    assert ("a", "follow harbour wire", 4) in lines
    again = FurnitureModel.from_rows(lines, totals)
    assert again.lines("a") == model.lines("a") == {"follow harbour wire"}
    assert again.to_rows() == (lines, totals)
    again.add("a", doc(5, "Follow Harbour Wire"))
    assert again.documents("a") == 5


def test_repeated_prose_sentences_are_content_not_furniture():
    from eventwire.extract.furniture import FurnitureModel

    model = FurnitureModel()
    for i in range(5):
        model.add("g", f"Story {i}\nThe war began when troops crossed the border in the early hours.\nShare this story\n")
    assert "share this story" in model.lines("g")
    assert not any("the war began" in line for line in model.lines("g"))


def test_take_changes_returns_only_what_changed():
    from eventwire.extract.furniture import FurnitureModel

    model = FurnitureModel()
    model.add("g", "Share this story\nOne line")
    lines, groups = model.take_changes()
    assert ("g", "share this story", 1) in lines and groups == [("g", 1)]
    assert model.take_changes() == ([], [])
    model.add("h", "")
    assert model.take_changes() == ([], [("h", 1)])
