"""How the two engines scale: embedded against Spark local[2], same corpus, same run.

Usage (from the repository root, with the `spark` extra and Java 17 installed):

    .venv/bin/python benchmarks/scale.py [--articles 1000 10000 100000] [--master 'local[2]'] [--keep DIR]
        [--engines embedded spark] [--resume]

One engine at a time (``--engines embedded``, then ``--engines spark`` with the same ``--keep DIR``): the
Spark run is compared with the store the embedded run left there.

``--resume`` (with ``--keep``) lets a Spark run longer than one sitting go on where it stopped: the
replicated corpus and the dataset folder are kept, and the Spark engine resumes from the steps it
saved in ``OUT/_work`` (see ``eventwire.spark.checkpoint``).  Every attempt's wall and CPU seconds
are logged to ``spark-N-attempts.jsonl`` (every 30 s while it runs, so a killed attempt is counted
too); the engine's own stage seconds add up the kept work of all attempts.

For each size the example corpus is replicated with variation (``benchmarks/ingest.py``'s
``replicate``), then, each in a fresh process, as a user runs them:

  embedded  ``eventwire ingest DIR --db FILE --json``
  spark     ``eventwire ingest --engine spark --master M DIR --out OUT --json``
  load      ``eventwire load OUT --db FILE2 --json``

Printed per engine: articles per wall second, CPU seconds of the process tree, peak resident
memory of the tree overall and within each stage (the stage windows come from the run's own
per-stage timings, laid end to end up to the process's exit), and the ratio of Spark's time to
the embedded engine's.  Then what differs between the two stores: rows per table equal or not,
articles whose story has exactly the same members, and the events found by both.
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
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from ingest import replicate  # noqa: E402 - the replication the ingest benchmark uses
from pipeline import MemorySampler, per_copy  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
EVENTWIRE = str(Path(sys.executable).with_name("eventwire"))
WHEN = {"inputs": {"first_seen"}, "articles": {"ingested_at"}, "analyses": {"at"}, "stories": {"updated"},
        "errors": {"id", "run_id", "at"}}
TABLES = ("articles", "quotes", "times", "entities", "kb_facts", "event_mentions", "events", "stories",
          "story_members", "threads")


class Series(MemorySampler):
    """Memory peaks plus the time series of the tree's resident memory, and the CPU time of every
    process of the tree (from /proc: Spark's JVM and Python workers are not reaped children, so
    getrusage misses them)."""

    TICK = os.sysconf("SC_CLK_TCK")

    def __init__(self, pid: int, log: Path | None = None):
        self.samples: list[tuple[float, int]] = []
        self.cpu_ticks: dict[int, int] = {}
        self.t0 = time.perf_counter()
        self.log, self.started, self._logged = log, time.strftime("%Y-%m-%d %H:%M:%S"), 0.0
        super().__init__(pid)

    def write_log(self, done: bool = False) -> None:
        """This attempt's line in the attempts log, rewritten as it runs (a killed run keeps its last)."""
        if self.log is None:
            return
        line = json.dumps({"started": self.started, "wall": round(time.perf_counter() - self.t0, 1),
                           "cpu": round(self.cpu, 1), "peak_mb": round(self.peak_total / 2**20), "done": done})
        lines = [x for x in (self.log.read_text().splitlines() if self.log.exists() else [])
                 if json.loads(x)["started"] != self.started]
        self.log.write_text("\n".join(lines + [line]) + "\n")

    @property
    def cpu(self) -> float:
        return sum(self.cpu_ticks.values()) / self.TICK

    def _ticks(self, pid: int) -> None:
        try:
            with open(f"/proc/{pid}/stat") as f:
                fields = f.read().rsplit(")", 1)[1].split()
            self.cpu_ticks[pid] = max(self.cpu_ticks.get(pid, 0), int(fields[11]) + int(fields[12]))
        except (OSError, IndexError, ValueError):
            pass

    def _run(self) -> None:
        while not self._stop.is_set():
            tree = self._tree()
            for p in tree:
                self._ticks(p)
            sizes = [self._rss(p) for p in tree]
            if sizes:
                self.samples.append((time.perf_counter() - self.t0, sum(sizes)))
                self.peak_total = max(self.peak_total, sum(sizes))
                self.peak_one = max(self.peak_one, max(sizes))
            if time.perf_counter() - self._logged > 30:
                self._logged = time.perf_counter()
                self.write_log()
            self._stop.wait(0.25)


def run(cmd: list[str], log: Path | None = None) -> tuple[str, float, float, Series]:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=ROOT)
    sampler = Series(proc.pid, log)
    out, err = proc.communicate()
    wall = time.perf_counter() - t
    sampler.stop()
    sampler.write_log(done=proc.returncode in (0, 1) and bool(out.strip()))
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    kept = ""
    if log is not None:  # the whole error output beside the attempts log (a JVM trace buries its cause)
        full = log.with_name(log.stem + "-stderr.log")
        full.write_text(err)
        kept = f" (all of it in {full})"
    # (exit 1 is a finished run with failed documents, and prints its report; a traceback let through
    # with EVENTWIRE_DEBUG=1 also exits 1, with no report)
    if proc.returncode not in (0, 1) or not out.strip():
        raise SystemExit(f"{' '.join(cmd)} failed ({proc.returncode}){kept}:\n{err[-3000:]}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return out, wall, max(cpu, sampler.cpu), sampler


def stage_peaks(sampler: Series, wall: float, stages: dict[str, float]) -> dict[str, float]:
    """Peak MB of the tree in each stage window (the stages laid end to end, ending at exit)."""
    start = wall - sum(stages.values())
    peaks: dict[str, float] = {}
    windows = [("start-up", 0.0, max(start, 0.0))]
    t = max(start, 0.0)
    for name, secs in stages.items():
        windows.append((name, t, t + secs))
        t += secs
    for name, lo, hi in windows:
        inside = [rss for at, rss in sampler.samples if lo <= at <= hi]
        peaks[name] = round(max(inside) / 2**20) if inside else 0
    return peaks


def compare(a: Path, b: Path) -> dict:
    ca, cb = sqlite3.connect(a), sqlite3.connect(b)
    out: dict = {"tables": {}}
    for t in TABLES:
        cols = [r[1] for r in ca.execute(f"PRAGMA table_info({t})") if r[1] not in WHEN.get(t, ())]
        q = f"SELECT {', '.join(chr(34) + c + chr(34) for c in cols)} FROM {t}"
        ra, rb = set(ca.execute(q)), set(cb.execute(q))
        out["tables"][t] = {"embedded": len(ra), "spark": len(rb), "same": len(ra & rb)}

    def groups(conn):
        members: dict[str, set] = {}
        for aid, sid in conn.execute("SELECT article_id, story_id FROM story_members"):
            members.setdefault(sid, set()).add(aid)
        return {aid: frozenset(m) for m in members.values() for aid in m}

    ga, gb = groups(ca), groups(cb)
    out["articles_same_story"] = sum(1 for aid, m in ga.items() if gb.get(aid) == m)
    out["articles"] = len(ga)
    ea = {r[0] for r in ca.execute("SELECT id FROM events")}
    eb = {r[0] for r in cb.execute("SELECT id FROM events")}
    out["events_both"], out["events_embedded"], out["events_spark"] = len(ea & eb), len(ea), len(eb)
    return out


def measure(n: int, workdir: Path, master: str, engines: tuple[str, ...] = ("embedded", "spark"),
            resume: bool = False) -> dict:
    copies = math.ceil(n / per_copy())
    dest = workdir / f"corpus-{n}"
    made = dest / "replica.json"  # written last: a corpus without it is incomplete
    if resume and made.exists():
        documents = json.loads(made.read_text())["documents"]
    else:
        shutil.rmtree(dest, ignore_errors=True)
        documents = replicate(dest, copies).articles
        made.write_text(json.dumps({"documents": documents, "copies": copies}))
    emb_db, spark_db, out_dir = workdir / f"embedded-{n}.db", workdir / f"loaded-{n}.db", workdir / f"dataset-{n}"
    attempts = workdir / f"spark-{n}-attempts.jsonl"
    # a store is rebuilt only by its own engine's run: a Spark-only run (``--engines spark``) after an
    # embedded-only one in the same --keep folder is compared with the store that run left
    for p in ([emb_db] if "embedded" in engines else []) + ([spark_db] if "spark" in engines else []):
        for suffix in ("", "-wal", "-shm"):
            Path(str(p) + suffix).unlink(missing_ok=True)
    if not resume:
        shutil.rmtree(out_dir, ignore_errors=True)
        attempts.unlink(missing_ok=True)
    result: dict = {"documents": documents}
    if "embedded" in engines:
        out, wall, cpu, mem = run([EVENTWIRE, "ingest", str(dest / "all"), "--db", str(emb_db), "--json"])
        rep = json.loads(out.strip().splitlines()[-1])
        result["embedded"] = {"articles": rep["added"], "wall": wall, "cpu": cpu, "peak_mb": mem.peak_total / 2**20,
                              "stages": rep.get("timings", {}),
                              "stage_peak_mb": stage_peaks(mem, wall, rep.get("timings", {}))}
    if "spark" not in engines:
        if not resume:
            shutil.rmtree(dest)
        return result
    out, wall, cpu, mem = run([EVENTWIRE, "ingest", "--engine", "spark", "--master", master, str(dest / "all"),
                               "--out", str(out_dir), "--json"], attempts)
    rep = json.loads(out.strip().splitlines()[-1])
    # stage peaks need the stages laid out in this process's own time: not when some were resumed
    result["spark"] = {"articles": rep["stored"], "wall": wall, "cpu": cpu, "peak_mb": mem.peak_total / 2**20,
                       "stages": rep["seconds"],
                       "stage_peak_mb": {} if rep.get("resumed") else stage_peaks(mem, wall, rep["seconds"]),
                       "resumed": rep.get("resumed", []),
                       "attempts": [json.loads(x) for x in attempts.read_text().splitlines()],
                       "report": {k: rep[k] for k in ("language", "stories", "dated_from_corpus", "failed")}}
    out, wall, cpu, mem = run([EVENTWIRE, "load", str(out_dir), "--db", str(spark_db), "--json"])
    result["load"] = {"wall": wall, "peak_mb": mem.peak_total / 2**20}
    if "embedded" in engines or emb_db.exists():
        result["compare"] = compare(emb_db, spark_db)
        result["compare"]["embedded_store_from_this_run"] = "embedded" in engines
    if not resume:
        shutil.rmtree(dest)
    return result


def show(n: int, r: dict) -> None:
    e, s = r.get("embedded"), r.get("spark")
    print(f"\n== {(e or s)['articles']:,} articles (asked {n:,}; {r['documents']:,} documents)")
    for name, x in (("embedded", e), ("spark", s)):
        if x is None:
            continue
        print(f"{name:9} {x['wall']:8.1f} s wall, {x['articles'] / x['wall']:6.1f} articles/s, CPU {x['cpu']:.0f} s, "
              f"peak {x['peak_mb']:.0f} MB")
        print("          stages (s): " + ", ".join(f"{k} {v:.1f}" for k, v in x["stages"].items()))
        print("          peak MB by stage: " + ", ".join(f"{k} {v}" for k, v in x["stage_peak_mb"].items()))
        if x.get("resumed"):
            print(f"          resumed from saved steps: {', '.join(x['resumed'])}; the stage seconds add up the kept "
                  f"work of {len(x['attempts'])} attempts (stage sum {sum(x['stages'].values()):.1f} s); attempts: "
                  + "; ".join(f"{a['started']} wall {a['wall']:.0f} s CPU {a['cpu']:.0f} s peak {a['peak_mb']} MB"
                              + ("" if a["done"] else " (stopped)") for a in x["attempts"]))
    if s is None:
        return
    print(f"load      {r['load']['wall']:.1f} s, peak {r['load']['peak_mb']:.0f} MB")
    print(f"spark report: {json.dumps(s['report'])}")
    if e is None:
        if "compare" not in r:
            return
        print("(the embedded store compared below was left by an earlier --engines embedded run in this folder;"
              " its time is in that run's output)")
    else:
        print(f"spark / embedded wall: {s['wall'] / e['wall']:.2f} (with load: "
              f"{(s['wall'] + r['load']['wall']) / e['wall']:.2f})")
    c = r["compare"]
    print(f"same story members: {c['articles_same_story']:,} of {c['articles']:,} articles; events in both "
          f"{c['events_both']:,} (embedded {c['events_embedded']:,}, spark {c['events_spark']:,})")
    print("rows equal per table: " + ", ".join(
        f"{t} {v['same']:,}/{v['embedded']:,}" + ("" if v["spark"] == v["embedded"] else f" (spark {v['spark']:,})")
        for t, v in c["tables"].items()))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--articles", type=int, nargs="+", default=[1000, 10000, 100000])
    ap.add_argument("--master", default="local[2]")
    ap.add_argument("--engines", nargs="+", choices=("embedded", "spark"), default=["embedded", "spark"],
                    help="measure only these engines (the comparison needs both)")
    ap.add_argument("--keep", help="work in this folder and keep the stores and datasets")
    ap.add_argument("--resume", action="store_true",
                    help="keep the corpus and the Spark run's saved work in --keep; a stopped run goes on where it stopped")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    if args.resume and not args.keep:
        ap.error("--resume needs --keep DIR")
    workdir = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="ew-scale-"))
    workdir.mkdir(parents=True, exist_ok=True)
    print(f"machine: {os.cpu_count()} cores, {os.sysconf('SC_PAGE_SIZE') * os.sysconf('SC_PHYS_PAGES') / 2**30:.0f} GiB; "
          f"{time.strftime('%Y-%m-%d %H:%M')}; python {sys.version.split()[0]}; spark master {args.master}")
    results = {}
    try:
        for n in args.articles:
            results[n] = measure(n, workdir, args.master, tuple(args.engines), args.resume)
            show(n, results[n])
            sys.stdout.flush()
    finally:
        if not args.keep:
            shutil.rmtree(workdir, ignore_errors=True)
    if args.json:
        print(json.dumps(results, indent=1))


if __name__ == "__main__":
    main()
