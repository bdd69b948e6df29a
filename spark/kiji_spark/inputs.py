"""Expands inputs (globs, folders) into files through Hadoop's file systems.

Each file gets its own line numbers, as in `kiji run`; a folder read whole by
textFile would number its files' lines as one."""

SUFFIXES = (".jsonl", ".ndjson")


def _local(text):
    """Whether `text` is a plain local path (no URI scheme, no glob)."""
    return "://" not in text and not text.startswith("file:") and not any(c in text for c in "*?[{")


def _shown(found):
    """A found file's name: its path, without Hadoop's file: scheme."""
    return found[len("file:"):] if found.startswith("file:") else found


def expand(sc, inputs):
    """(path, name) of the JSON Lines files named by `inputs`, folders and
    globs expanded in sorted order. `name` is how `kiji run` names the file
    in `source`: the input as given when it names a local file, the folder as
    given plus the path below it for a local folder, else the found path."""
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
            root = status.getPath().toString()
            if status.isDirectory():
                found = fs.listFiles(status.getPath(), True)
                below = []
                while found.hasNext():
                    name = found.next().getPath().toString()
                    if name.endswith(SUFFIXES):
                        below.append(name)
                for name in sorted(below):
                    shown = (text.rstrip("/") + name[len(root):]) if _local(text) and name.startswith(root) else _shown(name)
                    files.append((name, shown))
            else:
                files.append((root, text if _local(text) else _shown(root)))
    return files
