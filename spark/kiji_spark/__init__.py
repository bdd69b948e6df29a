"""kiji-spark: run kiji plugins on Spark (see docs/scale-out.md)."""
