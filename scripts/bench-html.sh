#!/usr/bin/env bash
# copydesk — the HTML part of `make bench`: 121 real pages, HTML → JSON, against trafilatura 2.3.1,
# pandoc and libxml2's bare parse.
#
# Usage: scripts/bench-html.sh COPYDESK_BINARY [RUNS]
#
# Prints Markdown table rows (| what | time | throughput | CPU time | notes |, the CPU column
# left empty) on standard output, for
# scripts/bench.sh to put in docs/benchmarks.md; progress goes to standard error. Measures:
#   1. the floor: bench/html-parse-floor.c, libxml2 parsing each page (held in memory) and nothing
#      else, one core;
#   2. copydesk in one process: `convert DIR --to json --out-dir` with --jobs 1 and all cores
#      (process start, reading and writing files included), and copydesk-bench's reader-only and
#      full-convert rates on pages held in memory;
#   3. trafilatura 2.3.1 in one process (installed from PyPI into .bench/venv), extract() on pages
#      held in memory, one core, in turn with copydesk-bench (the goal is judged on the median of
#      the paired rounds' ratios), and both in instructions (callgrind, 20 pages);
#   4. one process per file, as a Makefile does, on 40 pages: copydesk convert --to markdown,
#      trafilatura's command line, and pandoc -f html -t markdown; the pandoc goal is judged on
#      paired rounds too (copydesk's loop, then pandoc's, RUNS times; median of the CPU ratios).
# Without ../shared it prints a row saying nothing was measured.
# (No `head` in pipelines: under pipefail, an early exit of head can fail the writer with SIGPIPE.)
set -euo pipefail

BIN=${1:?usage: scripts/bench-html.sh COPYDESK_BINARY [RUNS]}
RUNS=${2:-5}
HERE=$(cd "$(dirname "$0")/.." && pwd)
cd "$HERE"
SHARED=${SHARED:-$HERE/../shared}
PAGES=$SHARED/corpus/html
BENCH=.bench
CORES=$(nproc)
mkdir -p "$BENCH"
# shellcheck source=scripts/bench-tools.sh
source "$HERE/scripts/bench-tools.sh"
ensure_hyperfine

if [[ ! -d $PAGES ]]; then
  echo "| HTML → JSON | not measured: $PAGES is absent | |  |  |"
  exit 0
fi
COUNT=$(find "$PAGES" -name '*.html' | wc -l)
BYTES=$(find "$PAGES" -name '*.html' -print0 | xargs -0 cat | wc -c)

# Mean CPU time (user + system) of a hyperfine run, per file: "12.3 ms CPU".
cpu_per_file() { # NAME FILES
  [[ -f $BENCH/$1.json ]] || return 0
  python3 -c "import json,sys; r=json.load(open(sys.argv[1]))['results'][0]; print(f\"{(r['user']+r['system'])/int(sys.argv[2])*1000:.1f} ms CPU per file\")" "$BENCH/$1.json" "$2"
}
cpu_total() { # NAME → mean user + system seconds of the hyperfine run
  python3 -c "import json,sys; r=json.load(open(sys.argv[1]))['results'][0]; print(r['user']+r['system'])" "$BENCH/$1.json"
}
cpu_ratio() { # NAME OVER → "4.2× by CPU time", or nothing without hyperfine's figures
  [[ -f $BENCH/$1.json && -f $BENCH/$2.json ]] || return 0
  python3 -c "print(f'{$(cpu_total "$1")/$(cpu_total "$2"):.1f}× by CPU time')"
}
fmt() { python3 -c "print(f'{$1:.2f}')"; }
rate() { python3 -c "print(f'{$1/$2:.0f}')"; }

# Wall time of a command, median of RUNS (hyperfine when installed).
timed() { # NAME COMMAND
  local name=$1 command=$2
  if command -v hyperfine >/dev/null; then
    hyperfine --style none --runs "$RUNS" --warmup 1 --export-json "$BENCH/$name.json" "$command" >/dev/null 2>&1
    python3 -c "import json,sys; print(json.load(open(sys.argv[1]))['results'][0]['median'])" "$BENCH/$name.json"
  else
    local times=() start end
    for _ in $(seq "$RUNS"); do
      start=$(date +%s.%N)
      bash -c "$command" >/dev/null 2>&1
      end=$(date +%s.%N)
      times+=("$(python3 -c "print($end - $start)")")
    done
    median "${times[@]}"
  fi
}

# 1. The floor.
echo "bench-html: libxml2 bare parse (the floor)" >&2
cc -O2 -o "$BENCH/html-parse-floor" bench/html-parse-floor.c $(pkg-config --cflags --libs libxml-2.0)
FLOOR_RATES=()
for _ in $(seq "$RUNS"); do
  FLOOR_RATES+=("$("$BENCH/html-parse-floor" -r 3 "$PAGES"/*.html | sed 's/.*: \([0-9.]*\) pages\/s.*/\1/')")
done
FLOOR=$(median "${FLOOR_RATES[@]}")

# 2. copydesk in one process.
echo "bench-html: copydesk in one process (--jobs 1 and $CORES)" >&2
swift build ${RELEASE_FLAGS:-$("$(dirname "$0")/release-flags.sh")} --product copydesk-bench >/dev/null
T1=$(timed html-jobs1 "rm -rf $BENCH/html-out && $BIN convert $PAGES/*.html --to json --out-dir $BENCH/html-out --jobs 1 --quiet")
TN=$(timed html-jobsN "rm -rf $BENCH/html-out && $BIN convert $PAGES/*.html --to json --out-dir $BENCH/html-out --jobs $CORES --quiet")

# 3. trafilatura, installed from PyPI into .bench/venv.
VENV=$BENCH/venv
if [[ ! -x $VENV/bin/python ]] || ! "$VENV/bin/python" -c "import trafilatura" 2>/dev/null; then
  echo "bench-html: installing trafilatura 2.3.1 into $VENV" >&2
  python3 -m venv "$VENV"
  "$VENV/bin/pip" install --quiet trafilatura==2.3.1 lxml_html_clean >&2 || true
fi
TRAF_VERSION="not installed"
HAVE_TRAF=""
if "$VENV/bin/python" -c "import trafilatura" 2>/dev/null; then
  TRAF_VERSION=$("$VENV/bin/python" -c "import trafilatura; print(trafilatura.__version__)")
  HAVE_TRAF=yes
fi
# trafilatura's extract() over pages held in memory: `rate PAGE…` prints pages per CPU-second of
# one round after an untimed warm-up round over the first five pages (its first calls build
# caches); `count WARMUP PAGE…` extracts the warm-up page and then the pages, for callgrind (the
# same run with no pages is its baseline).
cat >"$BENCH/trafilatura-extract.py" <<'PY'
import sys, time
import trafilatura
mode, paths = sys.argv[1], sys.argv[2:]
pages = [open(p, encoding="utf-8").read() for p in paths]
extract = lambda page: trafilatura.extract(page, output_format="json", with_metadata=True)
if mode == "rate":
    for page in pages[:5]:
        extract(page)
    start = time.process_time()
    for page in pages:
        extract(page)
    print(f"{len(pages) / (time.process_time() - start):.1f}")
else:
    for page in pages:
        extract(page)
PY

# 2a/3a. In memory, one core: copydesk-bench and trafilatura in turn, RUNS rounds. Each round's
# ratio pairs two measurements taken a few seconds apart, so a machine that slows down between
# them changes both; the goal is judged on the median of the rounds' ratios.
echo "bench-html: in memory, copydesk-bench and trafilatura $TRAF_VERSION in turn ($RUNS rounds)" >&2
READ_RATES=()
CONVERT_RATES=()
TRAF_RATES=()
PAIRED=()
for _ in $(seq "$RUNS"); do
  OUT=$(.build/release/copydesk-bench --rounds 2 "$PAGES"/*.html)
  R=$(awk '$1 == "read" {for (i = 1; i <= NF; i++) if ($i == "files/s") print $(i - 1)}' <<<"$OUT")
  C=$(awk '$1 == "convert" {for (i = 1; i <= NF; i++) if ($i == "files/s") print $(i - 1)}' <<<"$OUT")
  READ_RATES+=("$R")
  CONVERT_RATES+=("$C")
  if [[ -n $HAVE_TRAF ]]; then
    T=$("$VENV/bin/python" "$BENCH/trafilatura-extract.py" rate "$PAGES"/*.html)
    TRAF_RATES+=("$T")
    PAIRED+=("$(python3 -c "print($C / $T)")")
  fi
done
READ=$(median "${READ_RATES[@]}")
CONVERT=$(median "${CONVERT_RATES[@]}")
TRAF=""
TRAF_PAIRED=""
if [[ -n $HAVE_TRAF ]]; then
  TRAF=$(median "${TRAF_RATES[@]}")
  TRAF_PAIRED=$(median "${PAIRED[@]}")
fi

# 2b/3b. The same ratios in instructions (callgrind), which a shared machine does not disturb.
INSTR_RATIO=""
TRAF_INSTR=""
if command -v valgrind >/dev/null; then
  echo "bench-html: instruction counts (callgrind, 20 pages)" >&2
  SAMPLE=$(find "$PAGES" -name '*.html' | sort | sed -n '1,20p')
  WARMUP=$(find "$PAGES" -name '*.html' | sort | sed -n '21p')
  # shellcheck disable=SC2086
  FLOOR_I=$(instructions "$BENCH/html-parse-floor" -r 1 $SAMPLE)
  # shellcheck disable=SC2086
  READ_I=$(instructions .build/release/copydesk-bench --rounds 1 --stage read $SAMPLE)
  # shellcheck disable=SC2086
  CONVERT_I=$(instructions .build/release/copydesk-bench --rounds 1 --stage convert $SAMPLE)
  INSTR_RATIO=$(python3 -c "print(f'reader {$READ_I/$FLOOR_I:.2f}×, convert {$CONVERT_I/$FLOOR_I:.2f}× the bare parse ({$FLOOR_I/1e6:.0f} M, {$READ_I/1e6:.0f} M and {$CONVERT_I/1e6:.0f} M instructions, process start included)')")
  if [[ -n $HAVE_TRAF ]]; then
    # trafilatura's work on the 20 pages: its run minus the same run without them (interpreter,
    # imports and the warm-up page). copydesk's count keeps its process start: no discount.
    echo "bench-html: trafilatura's instruction count (callgrind, 20 pages; a few minutes)" >&2
    TRAF_BASE_I=$(instructions "$VENV/bin/python" "$BENCH/trafilatura-extract.py" count "$WARMUP")
    # shellcheck disable=SC2086
    TRAF_ALL_I=$(instructions "$VENV/bin/python" "$BENCH/trafilatura-extract.py" count "$WARMUP" $SAMPLE)
    TRAF_INSTR=$(python3 -c "t = $TRAF_ALL_I - $TRAF_BASE_I; print(f'{t/$CONVERT_I:.2f}× fewer instructions than trafilatura on 20 pages ({$CONVERT_I/1e6:.0f} M against {t/1e6:.0f} M)')")
  fi
fi

# 4. One process per file, 40 pages.
echo "bench-html: one process per file (40 pages)" >&2
find "$PAGES" -name '*.html' | sort | sed -n '1,40p' >"$BENCH/html-per-process.list"
PER=$(wc -l <"$BENCH/html-per-process.list")
# The output name comes from a parameter expansion, not from basename: a subshell and a basename
# process per page would be counted as copydesk's time (about 3 ms a page), which pandoc's line
# does not pay.
COPYDESK_LOOP="mkdir -p $BENCH/pp && while read -r f; do b=\${f##*/}; $BIN convert \"\$f\" --to markdown -o $BENCH/pp/\${b%.html}.md; done <$BENCH/html-per-process.list"
TC=$(timed html-per-copydesk "$COPYDESK_LOOP")
TT=""
if [[ -x $VENV/bin/trafilatura ]]; then
  TT=$(timed html-per-trafilatura "while read -r f; do $VENV/bin/trafilatura --markdown <\"\$f\" >/dev/null; done <$BENCH/html-per-process.list")
fi
TD=""
if ! command -v pandoc >/dev/null && command -v apt-get >/dev/null && [[ $(id -u) == 0 ]]; then
  apt-get install -y -q pandoc >/dev/null 2>&1 || true
fi
PANDOC_PAIRED=""
if command -v pandoc >/dev/null; then
  PANDOC_LOOP="while read -r f; do pandoc -f html -t markdown \"\$f\" -o /dev/null; done <$BENCH/html-per-process.list"
  TD=$(timed html-per-pandoc "$PANDOC_LOOP")
  # Paired rounds: the two loops in turn, so a machine slowing down between phases changes both.
  if [[ -x /usr/bin/time ]]; then
    echo "bench-html: one process per file, copydesk and pandoc in turn ($RUNS rounds)" >&2
    RATIOS=()
    for _ in $(seq "$RUNS"); do
      C=$(cpu_seconds "$COPYDESK_LOOP")
      D=$(cpu_seconds "$PANDOC_LOOP")
      RATIOS+=("$(python3 -c "print($D / $C)")")
    done
    PANDOC_PAIRED=$(median "${RATIOS[@]}")
  fi
fi

MB=$(python3 -c "print(f'{$BYTES/1e6:.1f}')")
echo "| HTML → JSON, $COUNT real pages ($MB MB), one process, \`--jobs 1\` | $(fmt "$T1") s | $(rate "$COUNT" "$T1") pages/s |  | files read and written, process start included  |"
echo "| same, \`--jobs $CORES\` | $(fmt "$TN") s | $(rate "$COUNT" "$TN") pages/s |  | speed-up $(python3 -c "print(f'{$T1/$TN:.2f}')")×  |"
echo "| HTML → JSON in memory, one core (copydesk-bench convert: read, analyse, write) | | $(printf '%.0f' "$CONVERT") pages per CPU-second |  | $(python3 -c "print(f'{$FLOOR/$CONVERT:.2f}')")× the bare parse  |"
echo "| HTML reader alone in memory, one core (copydesk-bench read) | | $(printf '%.0f' "$READ") pages per CPU-second |  | $(python3 -c "print(f'{$FLOOR/$READ:.2f}')")× the bare parse (goal ≤ 1.5×)  |"
if [[ -n $INSTR_RATIO ]]; then
  echo "| HTML in instructions, 20 pages (callgrind; repeatable on a busy machine) | | | | $INSTR_RATIO |"
fi
echo "| libxml2 bare parse, one core (bench/html-parse-floor.c) — the floor | | $(printf '%.0f' "$FLOOR") pages per CPU-second |  | parse and free only  |"
if [[ -n $TRAF ]]; then
  echo "| trafilatura $TRAF_VERSION \`extract()\` in memory, one core (after a warm-up) | | $(printf '%.0f' "$TRAF") pages per CPU-second |  | copydesk convert is $(python3 -c "print(f'{$TRAF_PAIRED:.2f}')")× faster by CPU time (median of $RUNS paired rounds; goal ≥ 4×)${TRAF_INSTR:+, $TRAF_INSTR}; its reader alone $(python3 -c "print(f'{$READ/$TRAF:.2f}')")×  |"
fi
echo "| HTML → Markdown, one process per file, $PER pages: copydesk | $(fmt "$TC") s | $(python3 -c "print(f'{$TC/$PER*1000:.1f}')") ms/file | $(cpu_per_file html-per-copydesk "$PER") |  |"
if [[ -n $TT ]]; then
  echo "| same: trafilatura $TRAF_VERSION command line (\`--markdown\`) | $(fmt "$TT") s | $(python3 -c "print(f'{$TT/$PER*1000:.1f}')") ms/file | $(cpu_per_file html-per-trafilatura "$PER") | copydesk $(python3 -c "print(f'{$TT/$TC:.1f}')")× faster by wall time, $(cpu_ratio html-per-trafilatura html-per-copydesk) (goal ≥ 10×)  |"
fi
if [[ -n $TD ]]; then
  echo "| same: $(pandoc --version | sed -n '1p') (\`-f html -t markdown\`) | $(fmt "$TD") s | $(python3 -c "print(f'{$TD/$PER*1000:.1f}')") ms/file | $(cpu_per_file html-per-pandoc "$PER") | copydesk $(python3 -c "print(f'{$TD/$TC:.1f}')")× faster by wall time, $(cpu_ratio html-per-pandoc html-per-copydesk)${PANDOC_PAIRED:+; $(python3 -c "print(f'{$PANDOC_PAIRED:.1f}')")× by CPU time in $RUNS paired rounds (median)} (goal ≥ 20×)  |"
fi
