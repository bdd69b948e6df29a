"""kiji-spark run PLUGIN INPUT… -o out.csv [--param k=v…]"""
import argparse
import os
import sys
import tarfile
import tempfile

from . import kiji

DEFAULT_BUNDLE = "dist/kiji-bundle.tar.gz"


def parse(argv):
    parser = argparse.ArgumentParser(prog="kiji-spark")
    commands = parser.add_subparsers(dest="command", required=True)
    run = commands.add_parser("run", help="run a kiji plugin over inputs on Spark")
    run.add_argument("plugin")
    run.add_argument("inputs", nargs="+", help="local paths or hdfs://, s3a://, gs:// URIs")
    run.add_argument("-o", "--output", required=True, help="the CSV written on the driver")
    run.add_argument("--param", action="append", default=[], metavar="K=V")
    run.add_argument("--bundle", default=os.environ.get("KIJI_BUNDLE", DEFAULT_BUNDLE),
                     help="kiji-bundle.tar.gz from `make bundle` (default: %(default)s)")
    run.add_argument("--partitions", type=int, default=None,
                     help="minimum partitions per input (default: Spark's)")
    run.add_argument("--master", default=None, help="Spark master, e.g. local[2] (default: spark-submit's)")
    return parser.parse_args(argv)


def main(argv=None):
    args = parse(sys.argv[1:] if argv is None else argv)
    if not os.path.isfile(args.bundle):
        print(f"kiji-spark: no bundle at {args.bundle}: run `make bundle` or pass --bundle", file=sys.stderr)
        return 2
    if args.partitions is not None and args.partitions < 1:
        print("kiji-spark: --partitions must be at least 1", file=sys.stderr)
        return 2
    try:
        run(args)
    except kiji.KijiFailed as failure:
        print(f"kiji-spark: {failure}", file=sys.stderr)
        return 1
    except Exception as failure:  # a Spark task failure wraps kiji's message
        print(f"kiji-spark: the Spark job failed:\n{failure}", file=sys.stderr)
        return 1
    return 0


def run(args):
    from pyspark.sql import SparkSession
    from . import job

    builder = SparkSession.builder.appName("kiji-spark").config(
        "spark.archives", os.path.abspath(args.bundle) + "#kiji")
    if args.master:
        builder = builder.master(args.master)
    spark = builder.getOrCreate()
    try:
        params = [flag for value in args.param for flag in ("--param", value)]
        parts = [job.partials(spark.sparkContext, args.plugin, path, params, args.partitions)
                 for path in args.inputs]
        rdd = spark.sparkContext.union(parts)
        merged = rdd.treeReduce(job.merge_two) if not rdd.isEmpty() else None
    finally:
        spark.stop()
    finish(args, merged, params)


def finish(args, merged, params):
    """The one final `kiji merge` on the driver, with its own copy of the bundle."""
    with tempfile.TemporaryDirectory(prefix="kiji-spark-") as folder:
        with tarfile.open(args.bundle) as archive:
            archive.extractall(folder)
        binary = kiji.bundle_binary(folder)
        if merged is None:  # every input was empty: kiji's own partial of nothing
            merged = kiji.run(binary, ["run", args.plugin, "-", "--partial"] + params).decode("utf-8")
        part = os.path.join(folder, "merged.jsonl")
        with open(part, "w", encoding="utf-8") as handle:
            handle.write(merged)
        kiji.run(binary, ["merge", part, "-o", os.path.abspath(args.output)])


if __name__ == "__main__":
    sys.exit(main())
