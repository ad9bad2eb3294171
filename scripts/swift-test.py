#!/usr/bin/env python3
"""Runs `swift test` for `make test` and prints it short: build diagnostics, every failure in full
(the expectation, file:line:col and the test's comments), then a summary with the passed, failed
and skipped counts and why tests were skipped. The whole output of `swift test` is kept in
.build/test-output.txt; --verbose (`make test V=1`) prints it as it comes, and the summary after it.

The summary is read from Swift Testing's event stream (JSON lines, --event-stream-output-path),
not scraped from its console text. The exit status is swift test's own (128 + N after signal N).

Usage: scripts/swift-test.py [--verbose] [-- EXTRA SWIFT TEST ARGUMENTS]
"""

import json
import os
import re
import subprocess
import sys
import tempfile

LOG = ".build/test-output.txt"
# Build progress ("[12/300] Compiling ArticleModel Article.swift") and the like: shown with --verbose only.
PROGRESS = re.compile(r"^\[\d+/\d+\] |^Building for |^\[\d+/\d+\]$")
# What a crash prints that says where: the fatal error, the signal, frames with a source line, SwiftPM's note.
CRASH = re.compile(r"Fatal error|\*\*\* Program crashed|crashed:$| at /[^ ]+:\d+|^error: Process .* exited")
# The first line Swift Testing prints: what comes before it is the build.
TESTS_START = re.compile(r"^(◇ Test run started\.|↳ Testing Library Version)")


class Run:
    """What the event stream says, gathered as it is read."""

    def __init__(self, echo_failures):
        self.echo_failures = echo_failures  # False when the console output is printed anyway
        self.tests = {}  # id → {"name", "kind", "file", "line"}
        self.started = set()  # ids of tests and suites that started
        self.ended = set()  # ids of tests and suites that ran to their end
        self.issues = {}  # id → count of issues that are not known issues
        self.known = 0
        self.skipped = {}  # id → reason
        self.run_ended = None  # Swift Testing's closing line

    def record(self, record, out):
        payload = record.get("payload", {})
        if record.get("kind") == "test":
            location = payload.get("sourceLocation", {})
            self.tests[payload.get("id")] = {
                "name": payload.get("displayName") or payload.get("name") or payload.get("id"),
                "kind": payload.get("kind"),
                "file": location.get("fileID", "?"),
                "line": location.get("line", 0),
            }
            return
        if record.get("kind") != "event":
            return
        kind = payload.get("kind")
        test = payload.get("testID")
        messages = payload.get("messages", [])
        if kind == "testStarted" and test is not None:
            self.started.add(test)
        elif kind == "testEnded" and test is not None:
            self.ended.add(test)
        elif kind == "testSkipped":
            comments = payload.get("_comments") or []
            reason = "; ".join(comments)
            if not reason and messages:
                reason = messages[0].get("text", "").partition(" skipped: ")[2].strip('"')
            self.skipped[test] = reason or "(no reason given)"
        elif kind == "issueRecorded":
            if payload.get("issue", {}).get("isKnown"):
                self.known += 1
                return
            self.issues[test] = self.issues.get(test, 0) + 1
            if self.echo_failures:
                self.print_issue(payload, test, messages, out)
        elif kind == "runEnded":
            symbol = {"pass": "✔ ", "fail": "✘ "}.get(messages[0].get("symbol"), "") if messages else ""
            self.run_ended = symbol + (messages[0]["text"] if messages else "Test run ended.")

    def print_issue(self, payload, test, messages, out):
        info = self.tests.get(test, {"name": test or "(outside any test)"})
        where = payload.get("issue", {}).get("sourceLocation") or payload.get("_sourceLocation") or {}
        path = where.get("_filePath") or where.get("fileID") or "?"
        if path.startswith(os.getcwd() + "/"):
            path = path[len(os.getcwd()) + 1:]
        place = f"{path}:{where.get('line', 0)}:{where.get('column', 0)}"
        case = payload.get("_testCase", {}).get("displayName")
        header = f'✘ Test "{info["name"]}"' + (f" with arguments {case}" if case else "")
        out.write(f"{header} recorded an issue at {place}:\n")
        for message in messages:
            text = message.get("text", "").rstrip()
            prefix = "  " if message.get("symbol") in ("fail", "default") else "  ↳ "
            out.write(prefix + text.replace("\n", "\n" + " " * len(prefix)) + "\n")
        out.flush()

    def counts(self):
        functions = {i for i, t in self.tests.items() if t["kind"] != "suite"}
        failed = {i for i in self.issues if i in functions}
        skipped = {i for i in self.skipped if i in functions}
        passed = (self.ended & functions) - failed - skipped
        # An issue outside any test function (a suite's setup, or no test at all) fails the run too.
        stray = sum(n for i, n in self.issues.items() if i not in functions)
        return len(passed), len(failed) + (1 if stray else 0), len(skipped)

    def unfinished(self):
        """The tests that started and never ended (the run stopped while they ran)."""
        return sorted(
            f'"{self.tests[i]["name"]}" ({self.tests[i]["file"]}:{self.tests[i]["line"]})'
            for i in self.started - self.ended if i in self.tests and self.tests[i]["kind"] != "suite")

    def failure_lines(self):
        """The failed tests, each with where it is declared."""
        lines = []
        for test in sorted(self.issues, key=lambda i: str(i)):
            info = self.tests.get(test)
            if info is None:
                lines.append(f"  an issue outside any test ({self.issues[test]})")
            elif info["kind"] != "suite":
                lines.append(f'  "{info["name"]}" ({info["file"]}:{info["line"]}): {self.issues[test]} issue(s)')
            else:
                lines.append(f'  suite "{info["name"]}" ({info["file"]}:{info["line"]}): {self.issues[test]} issue(s)')
        return lines

    def skip_lines(self):
        """Skipped tests grouped by reason; a suite skipped whole is named once, with its count."""
        functions = {i for i, t in self.tests.items() if t["kind"] != "suite"}
        by_reason = {}
        for test, reason in self.skipped.items():
            by_reason.setdefault(reason, []).append(test)
        def within(test, suite):
            return test.startswith(suite + "/") or test.startswith(suite + ".")

        lines = []
        for reason, ids in sorted(by_reason.items(), key=lambda item: (-len(item[1]), item[0])):
            suites = [i for i in ids if i not in functions]
            names = []
            for suite in sorted(suites, key=lambda i: self.tests.get(i, {}).get("name", i)):
                count = sum(1 for i in ids if i in functions and within(i, suite))
                names.append(f'suite "{self.tests.get(suite, {}).get("name", suite)}" ({count})')
            for test in sorted(i for i in ids if i in functions and not any(within(i, s) for s in suites)):
                names.append(f'"{self.tests.get(test, {}).get("name", test)}"')
            count = sum(1 for i in ids if i in functions)
            if len(", ".join(names)) <= 80:
                lines.append(f"  {reason} ({count}): " + ", ".join(names))
            else:
                lines.append(f"  {reason} ({count}):")
                lines += [f"    {name}" for name in names]
        return lines


def main(argv):
    verbose = "--verbose" in argv
    extra = argv[argv.index("--") + 1:] if "--" in argv else []
    swift = os.environ.get("SWIFT", "swift")
    os.makedirs(".build", exist_ok=True)
    events = tempfile.NamedTemporaryFile(prefix="copydesk-test-events-", suffix=".jsonl", delete=False)
    events.close()
    command = [swift, "test", "--disable-xctest", "--event-stream-output-path", events.name,
               "--event-stream-version", "0"] + extra
    out = sys.stdout
    run = Run(echo_failures=not verbose)
    pending = ""
    in_tests = False
    crash = []  # what a crash printed: the fatal error, where, and the crashed thread's frames in the project
    try:
        with open(LOG, "w", encoding="utf-8") as log, open(events.name, encoding="utf-8") as stream:
            process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)

            def read_events():
                nonlocal pending
                pending += stream.read()
                *complete, pending = pending.split("\n")
                for line in complete:
                    try:
                        run.record(json.loads(line), out)
                    except (ValueError, KeyError, TypeError, IndexError):
                        pass

            for raw in process.stdout:
                line = raw.decode("utf-8", "replace")
                log.write(line)
                if CRASH.search(line) and len(crash) < 30:
                    crash.append(line)
                if verbose:
                    out.write(line)
                    out.flush()
                elif not in_tests:
                    if TESTS_START.match(line):
                        in_tests = True
                        out.write(f"running the tests (their full output: {LOG}; make test V=1 prints it)\n")
                    elif not PROGRESS.match(line):
                        out.write(line)
                    out.flush()
                read_events()
            status = process.wait()
            read_events()
            if pending.strip():
                pending += "\n"
                read_events()
    finally:
        os.unlink(events.name)

    if status < 0:
        status = 128 - status
    if run.run_ended is None:
        if in_tests:
            out.write("the test run stopped before its end")
            running = run.unfinished()
            out.write((", while these ran: " + ", ".join(running) if running else "") + "\n")
            if not verbose:
                out.write("".join(crash))
        out.write(f"swift test exited with status {status}" + (" before running a test\n" if not in_tests else "\n"))
        return status or 1
    passed, failed, skipped = run.counts()
    if run.issues:
        out.write("failed:\n" + "\n".join(run.failure_lines()) + "\n")
    if skipped:
        out.write(f"skipped {skipped} test(s), by reason:\n" + "\n".join(run.skip_lines()) + "\n")
    if run.known:
        out.write(f"  {run.known} known issue(s) recorded (withKnownIssue): not failures\n")
    if not verbose:  # with --verbose, swift test has just printed it
        out.write(run.run_ended + "\n")
    out.write(f"tests: {passed} passed, {failed} failed, {skipped} skipped\n")
    if status != 0 and failed == 0:
        out.write(f"swift test exited with status {status}; see {LOG}\n")
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
