"""The Spark job: one kiji partial per partition, tree-merged on executors."""
import os
import tempfile

from . import kiji


def _executor_binary():
    """kiji from the archive shipped as `#kiji` (local mode and clusters)."""
    from pyspark import SparkFiles
    for root in (os.path.join(SparkFiles.getRootDirectory(), "kiji"), "kiji"):
        if os.path.isdir(root):
            return kiji.bundle_binary(root)
    raise kiji.KijiFailed("the kiji bundle archive is not on this executor (spark.archives …#kiji)")


def partials(sc, plugin, path, name, params, partitions):
    """An RDD of partial-state texts, one per non-empty partition of `path`.

    zipWithIndex gives each line its number in the whole file and `name` is
    the file as `kiji run` names it, so ids, sources and line numbers equal
    those of `kiji run` on the unsplit file."""
    lines = sc.textFile(path, minPartitions=partitions).zipWithIndex()

    def run_partition(rows):
        rows = list(rows)
        if not rows:
            return
        first = rows[0][1]
        body = "".join(line + "\n" for line, _ in rows).encode("utf-8")
        args = ["run", plugin, "-", "--partial", "--source", name,
                "--line-offset", str(first)] + params
        yield kiji.run(_executor_binary(), args, body).decode("utf-8")

    return lines.mapPartitions(run_partition)


def merge_two(left, right):
    """`kiji merge --partial` of two partial texts, on an executor."""
    with tempfile.TemporaryDirectory(prefix="kiji-merge-") as folder:
        paths = []
        for index, text in enumerate((left, right)):
            paths.append(os.path.join(folder, f"part{index}.jsonl"))
            with open(paths[-1], "w", encoding="utf-8") as handle:
                handle.write(text)
        return kiji.run(_executor_binary(), ["merge", "--partial", *paths]).decode("utf-8")


def finish(plugin, params, merged):
    """The one final `kiji merge` (CSV bytes); with no documents at all, kiji's own partial of nothing."""
    binary = _executor_binary()
    if merged is None:
        merged = kiji.run(binary, ["run", plugin, "-", "--partial"] + params).decode("utf-8")
    with tempfile.TemporaryDirectory(prefix="kiji-finish-") as folder:
        part = os.path.join(folder, "merged.jsonl")
        with open(part, "w", encoding="utf-8") as handle:
            handle.write(merged)
        return kiji.run(binary, ["merge", part])
