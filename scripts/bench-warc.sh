#!/usr/bin/env bash
# copydesk — the WARC part of `make bench`: web archives made from ../shared/corpus/html.
#
# Usage: scripts/bench-warc.sh COPYDESK_BINARY [RUNS]
#
# Prints Markdown table rows (| what | time | throughput | CPU time | notes |) on standard output
# for scripts/bench.sh; progress goes to standard error. Measures:
#   1. WARC → NDJSON over a .warc.gz made from the corpus pages (scripts/make-warc.py, a gzip
#      member per record): copydesk `convert --to ndjson --jobs 1`, articles per CPU-second, beside
#      a warcio + trafilatura pipeline over the same WARC (warcio's ArchiveIterator, trafilatura
#      2.3.1 extract() to JSON on each 200 text/html response), one core, the two in turn (the
#      goal is judged on the median of the paired rounds' ratios), and both in instructions on a
#      WARC of 20 pages (callgrind);
#   2. peak memory (maximum RSS) of copydesk converting a 10 MB WARC and a large one (the pages
#      repeated, WARC_LARGE_MB, default 1000 MB of records), into /tmp (never the repository).
# The anchors' Python is .bench/venv (bench-html.sh installs trafilatura there) or .venv; warcio is
# added to it. Without ../shared it prints a row saying nothing was measured.
set -euo pipefail

BIN=${1:?usage: scripts/bench-warc.sh COPYDESK_BINARY [RUNS]}
RUNS=${2:-3}
HERE=$(cd "$(dirname "$0")/.." && pwd)
cd "$HERE"
SHARED=${SHARED:-$HERE/../shared}
PAGES=$SHARED/corpus/html
LARGE_MB=${WARC_LARGE_MB:-1000}
WORK=${WARC_BENCH_DIR:-/tmp/copydesk-bench-warc}
mkdir -p "$WORK"
# shellcheck source=scripts/bench-tools.sh
source "$HERE/scripts/bench-tools.sh"

if [[ ! -d $PAGES ]]; then
  echo "| WARC → NDJSON | not measured: $PAGES is absent | | | |"
  exit 0
fi

PY=""
for candidate in .bench/venv/bin/python3 .venv/bin/python3; do
  if [[ -x $candidate ]] && $candidate -c 'import trafilatura' 2>/dev/null; then PY=$candidate; break; fi
done
if [[ -n $PY ]] && ! $PY -c 'import warcio' 2>/dev/null; then
  $PY -m pip install --quiet warcio >/dev/null 2>&1 || true
fi

peak_mb() {
  /usr/bin/time -v -o "$WORK/time.txt" bash -c "exec $1" >/dev/null 2>&1 || true
  awk -F': ' '/Maximum resident set size/ {printf "%.1f", $2 / 1024}' "$WORK/time.txt"
}

echo "bench-warc: making the WARC files in $WORK" >&2
CORPUS=$WORK/corpus.warc.gz
[[ -f $CORPUS ]] || python3 scripts/make-warc.py "$CORPUS" --from-dir "$PAGES" 2>/dev/null
SMALL=$WORK/small.warc.gz
[[ -f $SMALL ]] || python3 scripts/make-warc.py "$SMALL" --from-dir "$PAGES" --target-bytes 10000000 2>/dev/null
LARGE=$WORK/large-$LARGE_MB.warc.gz
[[ -f $LARGE ]] || python3 scripts/make-warc.py "$LARGE" --from-dir "$PAGES" --target-bytes $((LARGE_MB * 1000000)) 2>/dev/null

ARTICLES=$("$BIN" convert "$CORPUS" --to ndjson --quiet 2>/dev/null | wc -l)
HAVE_ANCHOR=""
if [[ -n $PY ]] && $PY -c 'import warcio, trafilatura' 2>/dev/null; then
  HAVE_ANCHOR=yes
  cat >"$WORK/anchor.py" <<'PY'
import json, sys
from warcio.archiveiterator import ArchiveIterator
import trafilatura
count = 0
with open(sys.argv[1], "rb") as stream, open(sys.argv[2], "w") as out:
    for record in ArchiveIterator(stream):
        if record.rec_type not in ("response", "resource"):
            continue
        if record.http_headers and record.http_headers.get_statuscode() != "200":
            continue
        kind = (record.http_headers.get_header("Content-Type") if record.http_headers else record.rec_headers.get_header("Content-Type")) or ""
        if "html" not in kind or record.rec_headers.get_header("WARC-Truncated"):
            continue
        body = record.content_stream().read()
        found = trafilatura.extract(body, output_format="json", url=record.rec_headers.get_header("WARC-Target-URI"), with_metadata=True)
        if found:
            out.write(found.replace("\n", " ") + "\n")
            count += 1
print(count, file=sys.stderr)
PY
  ANCHOR_ARTICLES=$($PY "$WORK/anchor.py" "$CORPUS" "$WORK/anchor.ndjson" 2>&1 >/dev/null | tail -1)
fi

# copydesk and the pipeline in turn, RUNS rounds: each round's ratio pairs two measurements taken
# seconds apart, so a machine that slows down between them changes both; the goal is judged on
# the median of the rounds' ratios.
echo "bench-warc: WARC → NDJSON, $ARTICLES articles: copydesk --jobs 1${HAVE_ANCHOR:+ and warcio + trafilatura} in turn ($RUNS rounds)" >&2
COPYDESK_CPUS=()
ANCHOR_CPUS=()
PAIRED=()
for _ in $(seq "$RUNS"); do
  C=$(cpu_seconds "$BIN convert $CORPUS --to ndjson --jobs 1 --quiet -o $WORK/out.ndjson")
  COPYDESK_CPUS+=("$C")
  if [[ -n $HAVE_ANCHOR ]]; then
    A=$(cpu_seconds "$PY $WORK/anchor.py $CORPUS $WORK/anchor.ndjson")
    ANCHOR_CPUS+=("$A")
    PAIRED+=("$(python3 -c "print(($ARTICLES / $C) / ($ANCHOR_ARTICLES / $A))")")
  fi
done
COPYDESK_CPU=$(median "${COPYDESK_CPUS[@]}")
COPYDESK_RATE=$(python3 -c "print(f'{$ARTICLES/$COPYDESK_CPU:.1f}')")

# The same comparison in instructions (callgrind), which a shared machine does not disturb: a WARC
# of the first 20 pages. The pipeline's count is its run over a WARC of a warm-up page and the 20
# minus its run over the warm-up page alone (interpreter, imports, first-call caches); copydesk's
# keeps its process start.
INSTR=""
if [[ -n $HAVE_ANCHOR ]] && command -v valgrind >/dev/null; then
  echo "bench-warc: instruction counts, 20 pages (callgrind; a few minutes)" >&2
  mkdir -p "$WORK/sample" "$WORK/warmup"
  rm -f "$WORK/sample"/*.html "$WORK/warmup"/*.html
  find "$PAGES" -name '*.html' | sort | sed -n '21p' | while read -r f; do ln -s "$f" "$WORK/warmup/000-warmup.html"; done
  find "$PAGES" -name '*.html' | sort | sed -n '1,20p' | while read -r f; do ln -s "$f" "$WORK/sample/${f##*/}"; done
  python3 scripts/make-warc.py "$WORK/sample20.warc.gz" --from-dir "$WORK/sample" 2>/dev/null
  python3 scripts/make-warc.py "$WORK/warmup.warc.gz" --from-dir "$WORK/warmup" 2>/dev/null
  python3 scripts/make-warc.py "$WORK/warmup20.warc.gz" "$WORK/warmup/000-warmup.html" "$WORK"/sample/*.html 2>/dev/null
  COPYDESK_I=$(instructions "$BIN" convert "$WORK/sample20.warc.gz" --to ndjson --jobs 1 --quiet -o "$WORK/out.ndjson")
  BASE_I=$(instructions "$PY" "$WORK/anchor.py" "$WORK/warmup.warc.gz" "$WORK/anchor-i.ndjson")
  ALL_I=$(instructions "$PY" "$WORK/anchor.py" "$WORK/warmup20.warc.gz" "$WORK/anchor-i.ndjson")
  INSTR=$(python3 -c "a = $ALL_I - $BASE_I; print(f'; in instructions over 20 pages {a/$COPYDESK_I:.2f}× ({$COPYDESK_I/1e6:.0f} M against {a/1e6:.0f} M)')")
fi

ANCHOR_ROW="| same: warcio + trafilatura 2.3.1 pipeline | | | not measured: no Python with trafilatura and warcio (make anchors) | |"
if [[ -n $HAVE_ANCHOR ]]; then
  ANCHOR_CPU=$(median "${ANCHOR_CPUS[@]}")
  ANCHOR_RATE=$(python3 -c "print(f'{$ANCHOR_ARTICLES/$ANCHOR_CPU:.1f}')")
  RATIO=$(python3 -c "print(f'{$(median "${PAIRED[@]}"):.2f}')")
  ANCHOR_ROW="| same: warcio + trafilatura 2.3.1 \`extract()\` pipeline, one core | | | $(printf '%.2f' "$ANCHOR_CPU") s CPU, $ANCHOR_RATE articles per CPU-second | $ANCHOR_ARTICLES articles; copydesk $RATIO× by CPU time (median of $RUNS paired rounds; goal ≥ 5×)$INSTR |"
fi

echo "bench-warc: peak memory at 10 MB and $LARGE_MB MB" >&2
SMALL_SIZE=$(python3 -c "import os; print(f'{os.path.getsize(\"$SMALL\")/1e6:.1f}')")
LARGE_SIZE=$(python3 -c "import os; print(f'{os.path.getsize(\"$LARGE\")/1e6:.0f}')")
SMALL_RSS=$(peak_mb "$BIN convert $SMALL --to ndjson --quiet -o $WORK/small.ndjson")
SMALL_ARTICLES=$(wc -l <"$WORK/small.ndjson")
/usr/bin/time -f '%e %U %S' -o "$WORK/large-time.txt" true
LARGE_RSS=$(peak_mb "$BIN convert $LARGE --to ndjson --quiet -o $WORK/large.ndjson")
LARGE_ARTICLES=$(wc -l <"$WORK/large.ndjson")
RSS_RATIO=$(python3 -c "print(f'{$LARGE_RSS/$SMALL_RSS:.2f}')")
rm -f "$WORK/large.ndjson" "$WORK/small.ndjson" "$WORK/out.ndjson"

echo "| WARC → NDJSON, $ARTICLES pages of ../shared/corpus/html in a .warc.gz (a gzip member per record), \`--jobs 1\` | | | $(printf '%.2f' "$COPYDESK_CPU") s CPU, $COPYDESK_RATE articles per CPU-second | median of $RUNS runs |"
echo "$ANCHOR_ROW"
echo "| WARC → NDJSON peak memory (\`--jobs $(nproc)\`): $SMALL_SIZE MB .warc.gz ($SMALL_ARTICLES articles) vs $LARGE_SIZE MB ($LARGE_ARTICLES articles; $LARGE_MB MB of records) | | | | $SMALL_RSS MB vs $LARGE_RSS MB: $RSS_RATIO× (goal: flat) |"
