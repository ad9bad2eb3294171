#!/usr/bin/env python3
"""copydesk on Spark: WARC (or any article) files in, one row per article out (NDJSON or Parquet).

  spark-submit spark/copydesk_job.py --copydesk .build/release/copydesk --output OUT \
      [--format ndjson|parquet] [--jobs N] [--now ISO-8601] [--input-list FILE] INPUT [INPUT ...]

The static copydesk binary is shipped to every executor with SparkContext.addFile (the same as
spark-submit --files) and found there with SparkFiles.get. Each input is one task: copydesk
converts it in streaming NDJSON mode (`copydesk convert INPUT --to ndjson --jobs N`, a WARC read a
record at a time in constant memory), then validates the articles it gave (`copydesk validate
--format json`, one process for all of them). Every row is an article's canonical JSON fields plus
`input` (the file), `index` (the article's number in it, from 1) and `findings` (the validator's
findings: rule, severity, message, line, column). An input that copydesk cannot read fails its task
with copydesk's message; an input with some bad records (exit 2) keeps its good articles and its
messages go to the executor's log. Inputs are paths every executor can read (a shared file system,
or a local path in local mode); see docs/BATCH.md for HDFS and S3.
"""

import argparse
import json
import os
import subprocess
import sys
import tempfile

FINDING_FIELDS = ("rule", "severity", "message", "line", "column")


def run_copydesk(binary, path, jobs, now):
    """The rows of one input: its articles, each with its findings."""
    with tempfile.TemporaryDirectory(prefix="copydesk-") as work:
        stream = os.path.join(work, "articles.ndjson")
        convert = subprocess.run(
            [binary, "convert", path, "--to", "ndjson", "-o", stream, "--quiet", "--jobs", str(jobs)],
            capture_output=True, text=True)
        if convert.returncode not in (0, 2) or not os.path.exists(stream):
            raise RuntimeError(f"copydesk could not convert {path} (exit {convert.returncode}):\n{convert.stderr}")
        if convert.stderr:
            print(convert.stderr, file=sys.stderr, end="")
        articles = [json.loads(line) for line in open(stream, encoding="utf-8") if line.strip()]
        # One file per article, one validate process for them all: each finding names its article's file.
        folder = os.path.join(work, "articles")
        os.makedirs(folder)
        names = []
        for index, article in enumerate(articles, start=1):
            name = os.path.join(folder, f"a{index:07d}.json")
            with open(name, "w", encoding="utf-8") as out:
                json.dump(article, out, ensure_ascii=False)
            names.append(name)
        findings = {name: [] for name in names}
        if names:
            command = [binary, "validate", folder, "--format", "json", "--exit-zero", "--quiet"]
            if now:
                command += ["--now", now]
            validate = subprocess.run(command, capture_output=True, text=True)
            if validate.returncode != 0:
                raise RuntimeError(f"copydesk could not validate the articles of {path}:\n{validate.stderr}")
            for finding in json.loads(validate.stdout)["diagnostics"]:
                key = finding["file"] if os.path.isabs(finding["file"]) else os.path.join(folder, os.path.basename(finding["file"]))
                findings.setdefault(key, []).append({field: finding.get(field) for field in FINDING_FIELDS})
        for index, (article, name) in enumerate(zip(articles, names), start=1):
            row = dict(article)
            row["input"] = path
            row["index"] = index
            row["findings"] = findings.get(name, [])
            yield row


def main(argv=None):
    parser = argparse.ArgumentParser(description="copydesk on Spark: one row per article")
    parser.add_argument("inputs", nargs="*")
    parser.add_argument("--input-list", help="a file naming one input per line")
    parser.add_argument("--copydesk", required=True, help="the static copydesk binary to ship to the executors")
    parser.add_argument("--output", required=True)
    parser.add_argument("--format", choices=["ndjson", "parquet"], default="ndjson")
    parser.add_argument("--jobs", type=int, default=1, help="copydesk --jobs inside each task (default 1)")
    parser.add_argument("--now", help="the date the validator's date rules take as today (ISO 8601)")
    parser.add_argument("--master", help="e.g. local[2]; spark-submit's --master otherwise")
    arguments = parser.parse_args(argv)
    inputs = list(arguments.inputs)
    if arguments.input_list:
        inputs += [line.strip() for line in open(arguments.input_list) if line.strip()]
    if not inputs:
        parser.error("name at least one input")

    from pyspark import SparkFiles
    from pyspark.sql import SparkSession

    builder = SparkSession.builder.appName("copydesk")
    if arguments.master:
        builder = builder.master(arguments.master)
    spark = builder.getOrCreate()
    spark.sparkContext.setLogLevel("WARN")
    spark.sparkContext.addFile(os.path.abspath(arguments.copydesk))
    binary_name = os.path.basename(arguments.copydesk)
    jobs, now = arguments.jobs, arguments.now

    def task(paths):
        binary = SparkFiles.get(binary_name)
        os.chmod(binary, 0o755)
        for path in paths:
            for row in run_copydesk(binary, path, jobs, now):
                yield json.dumps(row, ensure_ascii=False, sort_keys=True)

    rows = spark.sparkContext.parallelize(inputs, len(inputs)).mapPartitions(task)
    if arguments.format == "ndjson":
        rows.saveAsTextFile(arguments.output)
    else:
        # Parquet: the canonical fields as Spark infers them from the JSON rows (nested as structs).
        spark.read.json(rows).write.parquet(arguments.output)
    spark.stop()


if __name__ == "__main__":
    main()
