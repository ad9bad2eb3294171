#!/usr/bin/env bash
# copydesk — score the HTML reader's body extraction on the shared web-page corpus.
#
# Usage: scripts/eval-html.sh COPYDESK_BINARY [extra scorer options, e.g. --verbose]
#
# Builds nothing: pass the copydesk binary (e.g. .build/release/copydesk). Each page in
# ../shared/corpus/html is converted with `copydesk convert PAGE --to json`, as a user would;
# the text of its body blocks (paragraphs, headings, lists, quotes and table rows — no headline,
# no captions) becomes PRED/<id>.txt, one block per paragraph, and
# ../shared/tools/eval_extraction.py scores the folder against the ground truth.
# Environment: SHARED (default: ../shared next to the repository), JOBS (default: 2),
# PRED_OUT (keep the predicted bodies in this folder).
set -euo pipefail

if [[ $# -lt 1 ]]; then
  echo "usage: $0 COPYDESK_BINARY [scorer options…]" >&2
  exit 2
fi
BIN=$1
shift
HERE=$(cd "$(dirname "$0")/.." && pwd)
SHARED=${SHARED:-$HERE/../shared}
PAGES=$SHARED/corpus/html
SCORER=$SHARED/tools/eval_extraction.py
[[ -x $BIN ]] || { echo "error: no copydesk binary at $BIN" >&2; exit 2; }
[[ -d $PAGES ]] || { echo "error: no page corpus at $PAGES" >&2; exit 2; }
[[ -f $SCORER ]] || { echo "error: no scorer at $SCORER" >&2; exit 2; }

PRED=${PRED_OUT:-$(mktemp -d)}
mkdir -p "$PRED"
[[ -n ${PRED_OUT:-} ]] || trap 'rm -rf "$PRED"' EXIT

export BIN PRED
find "$PAGES" -name '*.html' -print0 | xargs -0 -P "${JOBS:-2}" -n 8 bash -c '
  for page; do
    id=$(basename "$page" .html)
    "$BIN" convert "$page" --to json --compact 2>/dev/null >"$PRED/$id.json" || echo "note: $id failed" >&2
  done' _
python3 - "$PRED" <<'PY'
import json, os, sys
folder = sys.argv[1]
for name in sorted(os.listdir(folder)):
    if not name.endswith(".json"):
        continue
    path = os.path.join(folder, name)
    try:
        article = json.load(open(path, encoding="utf-8"))
    except ValueError:
        article = {}
    texts = []
    for block in article.get("body", []):
        if block.get("type") == "list":
            texts.append("\n".join(item.get("text", "") for item in block.get("items", [])))
        elif block.get("type") != "image":
            texts.append(block.get("text", ""))
    with open(path[:-5] + ".txt", "w", encoding="utf-8") as out:
        out.write("\n\n".join(t for t in texts if t))
    os.remove(path)
PY
python3 "$SCORER" "$PAGES/ground-truth.json" "$PRED" "$@"
