#!/usr/bin/env bash
# copydesk — score the wire-format readers (NewsML-G2, NITF, ninjs; feeds and Markdown in rows of
# their own) on the real third-party files of ../shared/corpus/thirdparty, apart from copydesk.
#
# Usage: scripts/eval-thirdparty.sh COPYDESK_BINARY [--collections newsml,nitf,…] [--worst N] [--verbose]
#                                   [--json FILE] [--corpus DIR]
#        scripts/eval-thirdparty.sh --check     (exit 2 when ../shared is absent, 0 otherwise)
#
# Builds nothing: pass the copydesk binary (e.g. .build/release/copydesk). Every file is converted
# with `copydesk convert FILE --to ndjson` (no --from: the format is recognised by its content);
# scripts/eval-thirdparty.py reads the same file with Python's standard library alone (no venv)
# and checks each article's headline, byline/credit, date and body. It measures and does not gate:
# exit 0 after a run. Details in scripts/eval-thirdparty.py and docs/WIRE.md.
# Environment: SHARED (default: ../shared next to the repository), JOBS (default: 2).
set -euo pipefail

HERE=$(cd "$(dirname "$0")/.." && pwd)
SHARED=${SHARED:-$HERE/../shared}
if [[ ! -d $SHARED/corpus/thirdparty ]]; then
  echo "eval-thirdparty: $SHARED is absent (no corpus at $SHARED/corpus/thirdparty): nothing measured" >&2
  exit 2
fi
if [[ ${1:-} == --check ]]; then
  exit 0
fi
if [[ $# -lt 1 || $1 == -* ]]; then
  echo "usage: $0 COPYDESK_BINARY [--collections newsml,nitf,ninjs,feeds,markdown] [--worst N] [--verbose] [--json FILE] [--corpus DIR]" >&2
  exit 2
fi
export SHARED
exec python3 "$HERE/scripts/eval-thirdparty.py" "$@"
