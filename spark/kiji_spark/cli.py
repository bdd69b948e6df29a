"""kiji-spark run PLUGIN INPUT… -o out.csv [--param k=v…]"""
import argparse
import os
import shutil
import sys
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
    if "://" not in args.bundle and not os.path.isfile(args.bundle):
        print(f"kiji-spark: no bundle at {args.bundle}: run `make bundle` or pass --bundle", file=sys.stderr)
        return 2
    if args.partitions is not None and args.partitions < 1:
        print("kiji-spark: --partitions must be at least 1", file=sys.stderr)
        return 2
    try:
        csv = run(args)
    except (kiji.KijiFailed, FileNotFoundError) as failure:
        print(f"kiji-spark: {failure}", file=sys.stderr)
        return 1
    except Exception as failure:  # a Spark task failure wraps kiji's message
        print(f"kiji-spark: the Spark job failed:\n{kiji_message(str(failure))}", file=sys.stderr)
        return 1
    with open(args.output, "wb") as handle:
        handle.write(csv)
    return 0


def kiji_message(text):
    """kiji's own message from a Spark task failure, without the Java and Python stacks."""
    marker = "KijiFailed: "
    if marker not in text:
        return text
    lines = text[text.rindex(marker) + len(marker):].splitlines()
    kept = []
    for line in lines:
        if line.startswith(("\tat", "JVM stacktrace")):
            break
        kept.append(line)
    return "\n".join(kept).rstrip()


def ship_package(sc):
    """Sends this package to the executors, whose Python may not have it installed."""
    package = os.path.dirname(os.path.abspath(__file__))
    folder = tempfile.mkdtemp(prefix="kiji-spark-py-")
    archive = shutil.make_archive(os.path.join(folder, "kiji_spark"), "zip",
                                  os.path.dirname(package), os.path.basename(package))
    sc.addPyFile(archive)
    return folder


def run(args):
    """The CSV bytes: partials per partition, a tree of merges, one final merge.

    Every kiji call runs on an executor, so the driver needs no bundle of its
    own (on Dataproc or EMR the bundle may be a gs:// or s3:// URI)."""
    from pyspark.sql import SparkSession
    from . import inputs, job

    bundle = args.bundle if "://" in args.bundle else os.path.abspath(args.bundle)
    builder = SparkSession.builder.appName("kiji-spark").config("spark.archives", bundle + "#kiji")
    if args.master:
        builder = builder.master(args.master)
    spark = builder.getOrCreate()
    shipped = None
    try:
        sc = spark.sparkContext
        shipped = ship_package(sc)
        params = [flag for value in args.param for flag in ("--param", value)]
        parts = sc.union([job.partials(sc, args.plugin, path, name, params, args.partitions)
                          for path, name in inputs.expand(sc, args.inputs)])
        merged = parts.treeReduce(job.merge_two) if not parts.isEmpty() else None
        plugin = args.plugin
        return sc.parallelize([merged], 1).map(lambda text: job.finish(plugin, params, text)).first()
    finally:
        spark.stop()
        if shipped:
            shutil.rmtree(shipped, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
