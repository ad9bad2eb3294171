#!/usr/bin/env python3
"""The editors' page in a real browser: headless Chromium (Debian's chromium and chromium-driver)
driven by selenium.

Starts copydesk-server on a free loopback port, loads GET /, puts a sample article written for the
project (Samples/multi-paragraph-quote.txt, its election dates told as past events, so the
validator has two dates after publication to report) in the text area as a paste would, asks for
NewsML-G2, and checks that:
  - the findings listed are the CLI's (`copydesk validate --format json`), at the same lines and
    columns, and those lines are marked in the source view;
  - the download button saves a NewsML-G2 file that is well-formed (xmllint) and, when
    ../shared/standards/newsml-g2 is present, valid against IPTC's schema (copydesk validate --schema);
  - an unreadable article shows the problem's message.
--screenshot PATH saves a picture of the page with its results (docs/serve-page.png).

Exit 0 when every check passed, 1 on a failure; 0 with a "skipped:" line when selenium,
chromium or chromedriver is missing.
"""

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SAMPLE = os.path.join(ROOT, "Samples", "multi-paragraph-quote.txt")
NOW = "2026-01-01T12:00:00Z"


def skip(message):
    print(f"browser-test: skipped: {message}")
    sys.exit(0)


def fail(message):
    print(f"browser-test: FAILED: {message}", file=sys.stderr)
    sys.exit(1)


def start_server(binary):
    process = subprocess.Popen(
        [binary, "--port", "0", "--log-level", "warning"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    line = process.stdout.readline()
    if "listening on " not in line:
        process.kill()
        fail(f"copydesk-server did not start: {line!r} {process.stderr.read()}")
    return process, line.split("listening on ", 1)[1].strip()


def pasted_text():
    """The sample as the editor pastes it: the announced election ("open on", "will take place on")
    told as if it had happened, which dates it after the story's publication."""
    with open(SAMPLE, encoding="utf-8") as handle:
        text = handle.read()
    edited = text.replace("open on", "opened on").replace("will take place on", "took place on")
    if edited == text:
        fail(f"{SAMPLE} no longer has the sentence the test edits")
    return edited


def expected_findings(cli, text):
    with tempfile.NamedTemporaryFile("w", suffix=".txt", encoding="utf-8", delete=False) as handle:
        handle.write(text)
    try:
        out = subprocess.run(
            [cli, "validate", "--format", "json", "--now", NOW, "--exit-zero", handle.name],
            capture_output=True, text=True, check=True,
        ).stdout
    finally:
        os.unlink(handle.name)
    return [(d["line"], d["column"], d["rule"]) for d in json.loads(out)["diagnostics"]]


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--server", default=os.path.join(ROOT, ".build/debug/copydesk-server"))
    parser.add_argument("--cli", default=os.path.join(ROOT, ".build/debug/copydesk"))
    parser.add_argument("--screenshot", help="save a PNG of the page with its results here")
    args = parser.parse_args()

    try:
        from selenium import webdriver
        from selenium.webdriver.common.by import By
        from selenium.webdriver.support.ui import Select, WebDriverWait
    except ImportError:
        skip("selenium is not installed (make .venv/.selenium installs it into .venv)")
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    driver_path = shutil.which("chromedriver")
    if not chromium or not driver_path:
        skip("chromium and chromium-driver are not installed (apt-get install chromium chromium-driver)")
    for binary in (args.server, args.cli):
        if not os.access(binary, os.X_OK):
            fail(f"{binary} is not built (swift build --product copydesk-server --product copydesk)")

    text = pasted_text()
    expected = expected_findings(args.cli, text)
    if not expected:
        fail("the sample has no findings to look for")
    downloads = tempfile.mkdtemp(prefix="copydesk-browser-")
    server, base = start_server(args.server)
    options = webdriver.ChromeOptions()
    options.binary_location = chromium
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1280,1100"):
        options.add_argument(flag)
    options.add_experimental_option(
        "prefs", {"download.default_directory": downloads, "download.prompt_for_download": False}
    )
    browser = webdriver.Chrome(service=webdriver.ChromeService(executable_path=driver_path), options=options)
    try:
        wait = WebDriverWait(browser, 30)
        browser.get(base)
        wait.until(lambda b: len(Select(b.find_element(By.ID, "to")).options) > 3)
        # A paste: the text lands in the text area and an input event fires.
        area = browser.find_element(By.ID, "source")
        browser.execute_script(
            "arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('input', {bubbles: true}));",
            area, text,
        )
        Select(browser.find_element(By.ID, "to")).select_by_value("newsml")
        # The page's clock is the server's; the sample's findings do not depend on it.
        browser.find_element(By.ID, "run").click()
        wait.until(lambda b: "error(s)" in b.find_element(By.ID, "status").text)
        status = browser.find_element(By.ID, "status").text
        items = browser.find_elements(By.CSS_SELECTOR, "#findings li.finding")
        shown = [(int(i.get_attribute("data-line") or 0), i.get_attribute("data-rule")) for i in items]
        want = [(line, rule) for line, _, rule in expected]
        if shown != want:
            fail(f"findings shown {shown}, the CLI's are {want}")
        for (line, column, rule), item in zip(expected, items):
            if f"{line}:{column}" not in item.text:
                fail(f"finding {rule} does not show {line}:{column}: {item.text!r}")
            marked = browser.find_element(By.ID, f"line-{line}")
            if "marked" not in (marked.get_attribute("class") or ""):
                fail(f"line {line} of the source view is not marked")
        # Going to a finding selects its place in the text area.
        items[0].find_element(By.TAG_NAME, "button").click()
        start = browser.execute_script("return document.getElementById('source').selectionStart")
        line, column, _ = expected[0]
        offset = sum(len(l) + 1 for l in text.split("\n")[: line - 1]) + column - 1
        if start != offset:
            fail(f"the first finding selects offset {start}, expected {offset} (line {line}, column {column})")
        output = browser.find_element(By.ID, "output").text
        if "<newsItem" not in output:
            fail("the converted output is not NewsML-G2")
        if args.screenshot:
            browser.execute_script("window.scrollTo(0, 0)")
            browser.save_screenshot(args.screenshot)
        browser.find_element(By.ID, "download").click()
        deadline = time.time() + 20
        saved = []
        while time.time() < deadline:
            saved = [f for f in os.listdir(downloads) if f.endswith(".xml")]
            if saved:
                break
            time.sleep(0.2)
        if not saved:
            fail(f"no .xml download in {downloads}: {os.listdir(downloads)}")
        path = os.path.join(downloads, saved[0])
        time.sleep(0.5)
        lint = subprocess.run(["xmllint", "--noout", path], capture_output=True, text=True)
        if shutil.which("xmllint") and lint.returncode != 0:
            fail(f"the download is not well-formed XML: {lint.stderr}")
        schema = os.path.join(ROOT, "..", "shared", "standards", "newsml-g2", "NewsML-G2_2.35-spec-All-Power.xsd")
        if os.path.exists(schema):
            check = subprocess.run(
                [args.cli, "validate", "--schema", "newsml", "--schema-path", schema, "--quiet", path],
                capture_output=True, text=True,
            )
            if check.returncode != 0:
                fail(f"the download is not valid NewsML-G2: {check.stdout}{check.stderr}")
            schema_note = "valid against IPTC's NewsML-G2 2.35 schema"
        else:
            schema_note = "schema not checked (../shared/standards/newsml-g2 is absent)"
        # An article that cannot be read: the problem's message is shown.
        Select(browser.find_element(By.ID, "from")).select_by_value("json")
        browser.execute_script(
            "arguments[0].value = '{\"headline\": '; arguments[0].dispatchEvent(new Event('input'));", area
        )
        browser.find_element(By.ID, "run").click()
        wait.until(lambda b: "Could not read" in b.find_element(By.ID, "status").text)
        print(
            f"browser-test: {len(items)} finding(s) at the CLI's lines and columns, marked in the source; "
            f"NewsML-G2 download {saved[0]} well-formed, {schema_note}; an unreadable article explained "
            f"({status})"
        )
    finally:
        browser.quit()
        server.terminate()
        server.wait(timeout=10)
        shutil.rmtree(downloads, ignore_errors=True)


if __name__ == "__main__":
    main()
