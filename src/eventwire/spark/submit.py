"""Entry point for ``spark-submit``: the Spark engine on whatever master spark-submit gives.

    spark-submit --master yarn path/to/eventwire/spark/submit.py warc.paths --out hdfs:///news/dataset

Arguments as ``eventwire ingest --engine spark``: input paths (files, folders, ``*.paths``
manifests), ``--out DIR``, ``--dictionary FILE`` (repeatable), ``--max-mb N``.  Prints the
report as one JSON line; exit status 1 when some input failed.
"""
from __future__ import annotations

import argparse
import json
import sys


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="eventwire-spark", description=__doc__.split("\n\n")[0])
    parser.add_argument("paths", nargs="+")
    parser.add_argument("--out", required=True)
    parser.add_argument("--dictionary", action="append", default=[])
    parser.add_argument("--max-mb", type=float, default=20.0)
    args = parser.parse_args(argv)
    from pyspark.sql import SparkSession

    from .job import run

    spark = SparkSession.builder.appName("eventwire").getOrCreate()
    try:
        report = run(args.paths, args.out, spark=spark, dictionaries=args.dictionary,
                     max_bytes=int(args.max_mb * 1_000_000))
    finally:
        spark.stop()
    sys.stdout.write(json.dumps(report) + "\n")
    return 1 if report["failed"] else 0


if __name__ == "__main__":
    sys.exit(main())
