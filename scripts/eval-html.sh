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
python3 - "$PRED" "$PAGES" <<'PY'
import json, os, re, sys
folder, pages = sys.argv[1], sys.argv[2]

# The page's own published date, read independently of copydesk: JSON-LD datePublished,
# else <meta property="article:published_time"> (or itemprop/name datePublished).
LD = re.compile(r'"datePublished"\s*:\s*"([^"]+)"')
META = re.compile(
    r'<meta[^>]+(?:property|name|itemprop)=["\'](?:article:published_time|datePublished)["\'][^>]*>', re.I)
CONTENT = re.compile(r'content=["\']([^"\']+)["\']', re.I)

def own_date(page):
    html = open(page, encoding="utf-8", errors="replace").read()
    match = LD.search(html)
    if match:
        return match.group(1)
    match = META.search(html)
    if match:
        content = CONTENT.search(match.group(0))
        return content.group(1) if content else None
    return None

def day(text):
    match = re.match(r"(\d{4})-(\d{2})-(\d{2})", text or "")
    return match.groups() if match else None

counts = {"pages": 0, "headline": 0, "byline": 0, "published": 0, "with_own_date": 0, "agree": 0}
disagreements = []
for name in sorted(os.listdir(folder)):
    if not name.endswith(".json"):
        continue
    path = os.path.join(folder, name)
    try:
        article = json.load(open(path, encoding="utf-8"))
    except ValueError:
        article = {}
    counts["pages"] += 1
    counts["headline"] += bool(article.get("headline"))
    counts["byline"] += bool(article.get("bylines"))
    published = article.get("published")
    counts["published"] += bool(published)
    own = own_date(os.path.join(pages, name[:-5] + ".html"))
    if own and day(own):
        counts["with_own_date"] += 1
        if day(published) == day(own):
            counts["agree"] += 1
        else:
            disagreements.append((name[:12], own, published))
    texts = []
    for block in article.get("body", []):
        if block.get("type") == "list":
            texts.append("\n".join(item.get("text", "") for item in block.get("items", [])))
        elif block.get("type") != "image":
            texts.append(block.get("text", ""))
    with open(path[:-5] + ".txt", "w", encoding="utf-8") as out:
        out.write("\n\n".join(t for t in texts if t))
    os.remove(path)
n = max(counts["pages"], 1)
print("metadata: headline %d/%d (%.0f%%), byline %d/%d (%.0f%%), published date %d/%d (%.0f%%); "
      "published day agrees with the page's own JSON-LD/meta date on %d of %d pages that have one"
      % (counts["headline"], n, 100 * counts["headline"] / n, counts["byline"], n, 100 * counts["byline"] / n,
         counts["published"], n, 100 * counts["published"] / n, counts["agree"], counts["with_own_date"]),
      file=sys.stderr)
for page, own, ours in disagreements:
    print("  date differs: %s… page says %s, copydesk %s" % (page, own, ours), file=sys.stderr)
PY
python3 "$SCORER" "$PAGES/ground-truth.json" "$PRED" "$@"
