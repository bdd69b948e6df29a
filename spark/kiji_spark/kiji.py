"""Runs the bundled kiji binary on an executor or the driver."""
import os
import subprocess


class KijiFailed(RuntimeError):
    """kiji exited non-zero; the message carries its stderr."""


def bundle_binary(root):
    """The wrapper inside an unpacked bundle (kiji-bundle/bin/kiji)."""
    for candidate in (os.path.join(root, "kiji-bundle", "bin", "kiji"),
                      os.path.join(root, "bin", "kiji")):
        if os.access(candidate, os.X_OK):
            return candidate
    raise KijiFailed(f"no kiji-bundle/bin/kiji under {root}: was the bundle shipped with --archives?")


def run(binary, args, stdin=b""):
    """Runs kiji with the given arguments, returns stdout bytes, raises with stderr on failure."""
    done = subprocess.run([binary, *args], input=stdin, stdout=subprocess.PIPE,
                          stderr=subprocess.PIPE, check=False)
    if done.returncode != 0:
        raise KijiFailed(f"kiji {' '.join(args[:2])} exited {done.returncode}:\n"
                         + done.stderr.decode("utf-8", "replace"))
    return done.stdout
