"""iter_files(): recursive, sorted, hidden and litter skipped, stdin and missing paths."""
from __future__ import annotations

from pathlib import Path

from eventwire.read import iter_files
from eventwire.records import ReadError


def test_folders_are_walked_in_name_order(tmp_path: Path):
    for name in ["b.txt", "a.html", "sub/z.json", "sub/deeper/c.txt", ".hidden.txt", ".git/x.txt",
                 ".DS_Store", "Thumbs.db", "notes.txt~", "__MACOSX/a.txt"]:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("x")
    got = [Path(p).relative_to(tmp_path).as_posix() for p in iter_files([str(tmp_path)])]
    assert got == ["a.html", "b.txt", "sub/deeper/c.txt", "sub/z.json"]


def test_stdin_named_files_and_missing_paths(tmp_path: Path):
    named = tmp_path / ".explicit.txt"
    named.write_text("x")
    got = list(iter_files(["-", str(named), str(tmp_path / "nowhere")]))
    assert got[:2] == ["-", str(named)]
    assert isinstance(got[2], ReadError)
    assert got[2].code == "E101"
    assert got[2].path == str(tmp_path / "nowhere")


def test_symlinked_folders_are_not_followed(tmp_path: Path):
    (tmp_path / "real").mkdir()
    (tmp_path / "real" / "a.txt").write_text("x")
    (tmp_path / "real" / "loop").symlink_to(tmp_path / "real")
    assert [Path(p).name for p in iter_files([str(tmp_path)])] == ["a.txt"]
