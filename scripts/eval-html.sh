#!/usr/bin/env bash
# copydesk — score the HTML reader's body extraction on the shared web-page datasets, with
# trafilatura and readability-lxml measured beside it in the same run when they are installed.
#
# Usage: scripts/eval-html.sh COPYDESK_BINARY [--worst N] [--keep DIR] [--datasets NAME=DIR,…] [--no-anchors]
#
# Builds nothing: pass the copydesk binary (e.g. .build/release/copydesk). Datasets: scrapinghub
# (../shared/corpus/html), google-trends-2017 and dragnet (../shared/corpus/html-more), and the
# readability and newspaper4k test pages (../shared/corpus/thirdparty/html, scored against their
# projects' expected text, with headline, byline and date accuracy against their expected
# metadata). Every page is converted with `copydesk convert PAGE --to json`; the text of its body
# blocks is scored with ../shared/tools/eval_extraction.py. The anchors run from .venv when it has
# them: make anchors
# Details in scripts/eval-html.py and docs/HTML.md ("Quality, measured").
# Environment: SHARED (default: ../shared next to the repository), JOBS (default: 2),
# ANCHOR_PYTHON (an interpreter with trafilatura and readability-lxml).
set -euo pipefail

if [[ $# -lt 1 ]]; then
  echo "usage: $0 COPYDESK_BINARY [--worst N] [--keep DIR] [--datasets NAME=DIR,…] [--no-anchors]" >&2
  exit 2
fi
HERE=$(cd "$(dirname "$0")/.." && pwd)
SHARED=${SHARED:-$HERE/../shared}
if [[ ! -f $SHARED/tools/eval_extraction.py ]]; then
  echo "eval-html: $SHARED is absent (no scorer at $SHARED/tools/eval_extraction.py): nothing measured" >&2
  exit 2
fi
export SHARED
exec python3 "$HERE/scripts/eval-html.py" "$@"
