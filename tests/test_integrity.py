"""The repository holds no text from the evaluation data or the seed articles.

Every tracked file is compared with everything in ``../shared`` (the seed articles, their
annotation, every labelled set): a run of 8 or more words in common fails the test, naming the
file, the line and the words.  Words are lowercase letters and digits, so punctuation, case and
line breaks do not hide a copy.  The check skips when ``../shared`` is absent.

Only one kind of run is let through: the fixed sentences that publishing software prints under
millions of pages ("Your email address will not be published ..."), which are nobody's writing
and which the furniture cleaner has to know.  They are listed below in full.
"""
from __future__ import annotations

import gzip
import json
import re
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
RUN = 8
_WORD = re.compile(r"[a-z0-9]+")

# Templates of publishing software (comment forms, syndication notices): the same words on every
# site that uses them.  A run of the repository that lies inside one of these is not a copy.
SOFTWARE_TEMPLATES = (
    "leave a reply cancel reply your email address will not be published required fields are marked",
    "leave a reply your email address will not be published required fields are marked",
    "all rights reserved this material may not be published broadcast rewritten or redistributed",
)


def words(text: str) -> list[str]:
    return _WORD.findall(text.lower())


def _grams(ws: list[str]) -> set[str]:
    return {" ".join(ws[i:i + RUN]) for i in range(len(ws) - RUN + 1)}


_TEMPLATE_GRAMS = set().union(*(_grams(words(t)) for t in SOFTWARE_TEMPLATES))


def _strings(obj):
    if isinstance(obj, str):
        yield obj
    elif isinstance(obj, dict):
        for v in obj.values():
            yield from _strings(v)
    elif isinstance(obj, list):
        for v in obj:
            yield from _strings(v)


def shared_texts(folder: Path):
    """Every piece of text in the shared folder: file contents, and each string of JSON records."""
    for path in sorted(folder.rglob("*")):
        if not path.is_file() or path.parent.name == "hooks" or path.name == "README.md":
            continue
        opener = gzip.open if path.suffix == ".gz" else open
        with opener(path, "rt", encoding="utf-8", errors="replace") as fh:
            data = fh.read()
        if path.name.endswith((".jsonl", ".jsonl.gz", ".json")):
            lines = [data] if path.suffix == ".json" else data.splitlines()
            for line in lines:
                try:
                    yield path.name, " ".join(_strings(json.loads(line)))
                except ValueError:
                    yield path.name, line
        else:
            yield path.name, data


def tracked_files() -> list[Path]:
    out = subprocess.run(["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, check=True).stdout
    return [ROOT / name for name in out.decode().split("\0") if name]


def repository_runs(paths, root: Path = ROOT) -> dict[str, tuple[str, int]]:
    """Each run of RUN words in the given files -> (file, line) of its first occurrence."""
    runs: dict[str, tuple[str, int]] = {}
    for path in paths:
        try:
            if path.stat().st_size > 5_000_000:
                continue
            text = path.read_text(encoding="utf-8", errors="replace")
        except OSError:
            continue
        toks = [(w, n) for n, line in enumerate(text.splitlines(), 1) for w in words(line)]
        for i in range(len(toks) - RUN + 1):
            gram = " ".join(w for w, _ in toks[i:i + RUN])
            if gram not in _TEMPLATE_GRAMS:
                runs.setdefault(gram, (str(path.relative_to(root)), toks[i][1]))
    return runs


def shared_runs_found(runs: dict, folder: Path) -> list[tuple[str, int, str, str]]:
    found = {}
    for name, text in shared_texts(folder):
        ws = words(text)
        for i in range(len(ws) - RUN + 1):
            gram = " ".join(ws[i:i + RUN])
            if gram in runs and gram not in found:
                found[gram] = (*runs[gram], gram, name)
    return sorted(found.values())


def test_the_check_finds_a_copied_run(tmp_path):
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "set.jsonl").write_text(json.dumps(
        {"text": "The envoy of Atlantis flew to Lemuria on a rainy Thursday morning."}) + "\n")
    mine = tmp_path / "mine.py"
    mine.write_text('s = "Reports say the ENVOY of Atlantis flew -- to Lemuria on a rainy day"\n')
    fresh = tmp_path / "fresh.py"
    fresh.write_text('s = "The envoy of Atlantis sailed to Lemuria on a rainy Thursday."\n')
    runs = repository_runs([mine, fresh], root=tmp_path)
    found = shared_runs_found(runs, tmp_path / "data")
    assert {(f, n) for f, n, _, _ in found} == {("mine.py", 1)}
    assert found[0][2] == "envoy of atlantis flew to lemuria on a"


def test_software_templates_are_let_through():
    assert "your email address will not be published required" in _TEMPLATE_GRAMS
    assert "the envoy of atlantis flew to lemuria on a" not in _TEMPLATE_GRAMS


@pytest.mark.shared
@pytest.mark.skipif(not SHARED.is_dir(), reason="../shared is absent")
def test_no_tracked_file_shares_eight_words_with_shared():
    found = shared_runs_found(repository_runs(tracked_files()), SHARED)
    report = "\n".join(f"{f}:{n}: '{g}' (also in {src})" for f, n, g, src in found[:30])
    assert not found, f"{len(found)} runs of {RUN} words shared with ../shared:\n{report}"
