#!/usr/bin/env python3
"""The Spark job in local mode against a plain copydesk run of the same WARC (make test runs this).

Skips, saying why, when java or pyspark is missing. The WARC is made by scripts/make-warc.py from
../shared/corpus/html when it is there, else from the project's Samples/*.html.
Usage: python spark/test_spark_job.py COPYDESK_BINARY
"""

import glob
import json
import os
import shutil
import subprocess
import sys
import tempfile
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
BINARY = os.path.abspath(sys.argv[1]) if len(sys.argv) > 1 else os.path.join(ROOT, ".build/debug/copydesk")
NOW = "2026-01-01T00:00:00Z"


def pages():
    shared = os.path.join(ROOT, "..", "shared", "corpus", "html")
    found = sorted(glob.glob(os.path.join(shared, "*.html")))[:20]
    return (found, "../shared/corpus/html") if found else (sorted(glob.glob(os.path.join(ROOT, "Samples", "*.html"))), "Samples")


class SparkJobTest(unittest.TestCase):
    def test_rows_equal_plain_convert_and_validate(self):
        if shutil.which("java") is None:
            self.skipTest("java is not on PATH")
        try:
            import pyspark  # noqa: F401
        except ImportError:
            self.skipTest("pyspark is not installed (make test installs it into .venv)")
        work = tempfile.mkdtemp(prefix="copydesk-spark-test-")
        try:
            found, origin = pages()
            warc = os.path.join(work, "pages.warc.gz")
            subprocess.run([sys.executable, os.path.join(ROOT, "scripts/make-warc.py"), warc, *found, "--extras"],
                           check=True, capture_output=True)
            # The plain run: convert, then validate each article alone.
            plain = subprocess.run([BINARY, "convert", warc, "--to", "ndjson", "--quiet"], capture_output=True, text=True)
            self.assertIn(plain.returncode, (0, 2), plain.stderr)
            articles = [json.loads(line) for line in plain.stdout.splitlines() if line.strip()]
            self.assertGreater(len(articles), 0)
            findings = []
            for index, article in enumerate(articles):
                path = os.path.join(work, f"plain-{index}.json")
                with open(path, "w", encoding="utf-8") as out:
                    json.dump(article, out, ensure_ascii=False)
                report = subprocess.run([BINARY, "validate", path, "--format", "json", "--exit-zero", "--quiet", "--now", NOW],
                                        capture_output=True, text=True, check=True)
                findings.append(sorted((d["rule"], d["severity"], d["message"]) for d in json.loads(report.stdout)["diagnostics"]))
            # The Spark job, local mode, both output formats.
            job = os.path.join(HERE, "copydesk_job.py")
            out = os.path.join(work, "rows")
            run = subprocess.run([sys.executable, job, "--master", "local[2]", "--copydesk", BINARY, "--output", out,
                                  "--now", NOW, warc], capture_output=True, text=True)
            self.assertEqual(run.returncode, 0, run.stderr[-3000:])
            rows = []
            for name in sorted(glob.glob(os.path.join(out, "part-*"))):
                with open(name, encoding="utf-8") as part:
                    rows += [json.loads(line) for line in part if line.strip()]
            rows.sort(key=lambda row: row["index"])
            self.assertEqual(len(rows), len(articles))
            for row, article, expected in zip(rows, articles, findings):
                self.assertEqual({k: v for k, v in row.items() if k not in ("input", "index", "findings")}, article)
                self.assertEqual(sorted((f["rule"], f["severity"], f["message"]) for f in row["findings"]), expected)
                self.assertEqual(row["input"], warc)
            parquet = os.path.join(work, "rows.parquet")
            run = subprocess.run([sys.executable, job, "--master", "local[1]", "--copydesk", BINARY, "--output", parquet,
                                  "--format", "parquet", "--now", NOW, warc], capture_output=True, text=True)
            self.assertEqual(run.returncode, 0, run.stderr[-3000:])
            self.assertTrue(glob.glob(os.path.join(parquet, "*.parquet")))
            print(f"spark-test: {len(rows)} article(s) of a WARC made from {origin}: the Spark job's rows equal a plain "
                  f"convert and validate; Parquet written", file=sys.stderr)
        finally:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    unittest.main(argv=[sys.argv[0]])
