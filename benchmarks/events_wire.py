"""Event coding on sentences written for the project in the style of wire copy.

Usage:  python benchmarks/events_wire.py [FILE.jsonl ...] [-v]
        (default: every benchmarks/data/wire-*.jsonl)

Each line: {"id", "text", "date", "events": [{"source", "target", "root"}]}, with
country-level actor codes (ISO 3166 alpha-3, "IGO", or "---" for no country)
and CAMEO roots, labelled by the writer of the sentences following CAMEO
conventions (see benchmarks/data/README.md).  Prints precision, recall and F1
of (source, target, root) triples, as benchmarks/events.py does for the petr2
set, and how many no-event sentences stayed quiet; -v lists the sentences
coded wrong.  As there, the sentences go through ``eventwire code - --json --date D``.

These sets are the project's own writing, not field data: the figures that
count are the ones on ../shared (benchmarks/events.py).  They guard against
tuning the coder to one gold set's conventions.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent / "src"))

from events import EXTRA_ARGS, code_cli, iso, score_petr, typer_args  # noqa: E402  (the same path and scoring as petr2's)


def score(rows: list[dict], verbose: bool = False, *, inprocess: bool = False) -> dict:
    """petr2's scoring (``events.score_petr``) of what ``eventwire code`` prints for these rows."""
    coded = code_cli([r["text"] for r in rows], [iso(r.get("date")) for r in rows], inprocess=inprocess)
    r = score_petr(rows, coded, verbose)
    return {"precision": r["precision"], "recall": r["recall"], "f1": r["f1"], "sentences": len(rows),
            "quiet": r["no_event_quiet"], "no_event": r["no_event_sentences"]}


def main(argv: list[str]) -> int:
    verbose = "-v" in argv
    EXTRA_ARGS[:] = typer_args(argv)
    argv = [a for i, a in enumerate(argv) if a != "--typer" and not (i and argv[i - 1] == "--typer")]
    files = [Path(a) for a in argv if a != "-v"] or sorted((HERE / "data").glob("wire-*.jsonl"))
    for path in files:
        rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
        r = score(rows, verbose)
        print(f"{path.name} ({r['sentences']} sentences): P {r['precision']:.3f}  R {r['recall']:.3f}  "
              f"F1 {r['f1']:.3f}; no-event sentences quiet {r['quiet']}/{r['no_event']}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
