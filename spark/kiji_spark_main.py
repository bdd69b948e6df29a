"""Entry file for spark-submit and Dataproc (ship kiji_spark with --py-files)."""
import sys

from kiji_spark.cli import main

sys.exit(main())
