"""The work of a Spark run kept under ``OUT/_work``, so a stopped run resumes where it stopped.

A run over a month of news takes hours; a lost executor, a killed driver or a time limit should
not cost the hours already spent.  The job saves its state at the end of each costly step (the
articles read, extracted and dated; the language pass's partition plan; each wave of the
language pass; the settled analyses; the grouped blocks) as pickle files through Hadoop's file
system (a local folder, hdfs://, s3a:// alike).  A step counts as done only when its data and
then its note (what it adds to the report, the seconds it took) are both committed: Hadoop
writes ``_SUCCESS`` last, so a step killed halfway is simply done again.

A later run with the same ``--out`` resumes when its fingerprint (the input files with their
sizes and modification times, the dictionaries, the options, eventwire's code and data) equals the
one the work was saved under; otherwise, or with ``fresh=True`` (``--fresh``), the old work is
discarded.  A run that finishes deletes its work folder.
"""
from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Sequence
from pathlib import Path

WORK = "_work"  # Parquet readers skip folders whose names start with "_"


def code_digest(root: Path | None = None) -> str:
    """The eventwire code and data this process runs (the package under ``root``), hashed: a changed
    rule or lexicon entry between two attempts means the saved work is not this code's."""
    root = root or Path(__file__).resolve().parents[1]
    digest = hashlib.sha256()
    for path in sorted(root.rglob("*")):
        if path.is_file() and path.suffix in (".py", ".txt", ".json", ".tsv", ".csv") and "__pycache__" not in path.parts:
            digest.update(str(path.relative_to(root)).encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


def fingerprint(files: Sequence[str], dictionaries: Sequence[str], options: dict) -> str:
    """What a run's result depends on, hashed: the inputs as they are on disk, the options, the code."""
    from .. import __version__

    def stat(path: str):
        try:
            st = os.stat(path)
            return [path, st.st_size, st.st_mtime_ns]
        except OSError:
            return [path, None, None]

    text = json.dumps({"files": [stat(f) for f in files], "dictionaries": [stat(d) for d in dictionaries],
                       "options": options, "eventwire": __version__, "code": code_digest()}, sort_keys=True)
    return hashlib.sha256(text.encode()).hexdigest()


class Checkpoints:
    """Saved steps of one run under ``out/_work``: ``done``, ``save``, ``load``, ``note``, ``drop``."""

    def __init__(self, spark, out: str, key: str, *, fresh: bool = False) -> None:
        self.spark = spark
        self.sc = spark.sparkContext
        self.root = f"{out.rstrip('/')}/{WORK}"
        self.resumed: list[str] = []
        jvm = self.sc._jvm
        self._Path = jvm.org.apache.hadoop.fs.Path
        self._fs = self._Path(self.root).getFileSystem(self.sc._jsc.hadoopConfiguration())
        if fresh or self._key() != key:
            self.drop()
            self._write_note("key", {"key": key})

    # -- steps ---------------------------------------------------------------------------------
    def done(self, name: str) -> bool:
        return self._exists(f"{self.root}/{name}.note/_SUCCESS")

    def save(self, name: str, rdd, note=None, *, reread: bool = True):
        """Write ``rdd`` (any picklable records), then its note (a dict, or a function called once
        the data is written); return the RDD read back from disk (its lineage cut there, so later
        steps never recompute what came before), or ``rdd`` itself with ``reread=False``."""
        path = f"{self.root}/{name}"
        self._delete(path + ".note")
        self._delete(path)
        # (one record a pickled batch: records can be large, packed block rows, and the writer joins
        # ten batches into one byte array; ten records a batch overran the driver's heap at 100k)
        rdd.saveAsPickleFile(path, batchSize=1)
        self._write_note(name, (note() if callable(note) else note) or {})
        return self.sc.pickleFile(path) if reread else rdd

    def save_frame(self, name: str, frame, note=None):
        """A DataFrame as Parquet, then its note; the frame read back."""
        path = f"{self.root}/{name}"
        self._delete(path + ".note")
        frame.write.mode("overwrite").parquet(path)
        self._write_note(name, (note() if callable(note) else note) or {})
        return self.spark.read.parquet(path)

    def load(self, name: str, *, listed: bool = True):
        """(records, note) of a done step; the step is listed in ``resumed`` (unless ``listed`` is false)."""
        if listed:
            self.resumed.append(name)
        return self.sc.pickleFile(f"{self.root}/{name}"), self.note(name)

    def load_frame(self, name: str):
        self.resumed.append(name)
        return self.spark.read.parquet(f"{self.root}/{name}"), self.note(name)

    def note(self, name: str) -> dict:
        return json.loads(self.sc.textFile(f"{self.root}/{name}.note").collect()[0])

    def forget(self, name: str) -> None:
        """Delete a step no longer needed (its successor holds what it held)."""
        self._delete(f"{self.root}/{name}.note")
        self._delete(f"{self.root}/{name}")

    def delete(self, path: str) -> None:
        """Delete a file or folder (any Hadoop path) if it is there."""
        self._delete(path)

    def drop(self) -> None:
        """Delete all saved work (after a finished run, or when it belongs to another run)."""
        self._delete(self.root)

    # -- Hadoop file system ----------------------------------------------------------------------
    def _key(self) -> str | None:
        try:
            return self.note("key")["key"] if self.done("key") else None
        except Exception:  # noqa: BLE001 - unreadable work is discarded, not trusted
            return None

    def _write_note(self, name: str, note: dict) -> None:
        path = f"{self.root}/{name}.note"
        self._delete(path)
        self.sc.parallelize([json.dumps(note, sort_keys=True)], 1).saveAsTextFile(path)

    def _exists(self, path: str) -> bool:
        return bool(self._fs.exists(self._Path(path)))

    def _delete(self, path: str) -> None:
        p = self._Path(path)
        if self._fs.exists(p):
            self._fs.delete(p, True)
