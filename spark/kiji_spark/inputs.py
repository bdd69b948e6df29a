"""Expands inputs (globs, folders) into files through Hadoop's file systems.

Each file gets its own line numbers, as in `kiji run`; a folder read whole by
textFile would number its files' lines as one."""

SUFFIXES = (".jsonl", ".ndjson")


def expand(sc, inputs):
    """The JSON Lines files named by `inputs`, folders and globs expanded in sorted order."""
    jvm = sc._jvm
    conf = sc._jsc.hadoopConfiguration()
    files = []
    for text in inputs:
        path = jvm.org.apache.hadoop.fs.Path(text)
        fs = path.getFileSystem(conf)
        matches = fs.globStatus(path)
        if not matches:
            raise FileNotFoundError(f"{text}: no such file or folder")
        for status in sorted(matches, key=lambda s: s.getPath().toString()):
            if status.isDirectory():
                found = fs.listFiles(status.getPath(), True)
                below = []
                while found.hasNext():
                    name = found.next().getPath().toString()
                    if name.endswith(SUFFIXES):
                        below.append(name)
                files.extend(sorted(below))
            else:
                files.append(status.getPath().toString())
    return files
