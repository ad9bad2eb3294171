#!/usr/bin/env bash
# copydesk — build and run the libFuzzer harnesses in Fuzz/ (make fuzz SECONDS=60).
#
# Each harness runs for SECONDS seconds (FUZZ_JOBS at a time) on a corpus in .fuzz/corpus/NAME,
# seeded at run time from Samples/ and the test fixtures; inputs that crash, time out or run out
# of memory are saved in .fuzz/artifacts/NAME/. Prints executions and findings per harness and
# exits 1 when anything was found. HARNESSES="text yaml" runs a subset.
set -euo pipefail
cd "$(dirname "$0")/.."

SECONDS_EACH=${SECONDS_EACH:-60}
JOBS=${FUZZ_JOBS:-1}
HARNESSES=${HARNESSES:-"text html yaml json newsml nitf markdown convert"}
SWIFT=${SWIFT:-swift}
WORK=.fuzz

echo "fuzz: building the harnesses (release, -sanitize=fuzzer,address)"
(cd Fuzz && "$SWIFT" build -c release -Xswiftc -sanitize=fuzzer,address -Xswiftc -use-ld=lld 2>&1 |
    grep -v "Cannot export local symbol" | grep -v "^\[" || true)
BIN=$(cd Fuzz && "$SWIFT" build -c release -Xswiftc -sanitize=fuzzer,address -Xswiftc -use-ld=lld --show-bin-path)
for name in $HARNESSES; do
    [ -x "$BIN/fuzz-$name" ] || { echo "error: $BIN/fuzz-$name was not built" >&2; exit 2; }
done

# The extensions each reader harness is seeded with; the convert harness takes every seed, with
# a first byte that picks its reader (the readable formats in FormatRegistry order).
declare -A EXTENSIONS=(
    [html]="html htm xhtml" [json]="json" [markdown]="md markdown" [ndjson]="ndjson jsonl" [newsml]="xml"
    [text]="txt text" [yaml]="yaml yml" [nitf]="nitf" [rss]="rss" [atom]="atom" [jsonfeed]="json"
)
CONVERT_ORDER=(html json markdown ndjson newsml text yaml nitf rss atom jsonfeed)
SEED_DIRS=(Samples Tests/ArticleFormatsTests/Fixtures Tests/CopydeskKitTests/Fixtures)

seed() {
    local name=$1 corpus=$WORK/corpus/$1
    mkdir -p "$corpus" "$WORK/artifacts/$name"
    if [ "$name" = convert ]; then
        local index=0
        for format in "${CONVERT_ORDER[@]}"; do
            for ext in ${EXTENSIONS[$format]}; do
                while IFS= read -r -d '' file; do
                    { printf "\\x$(printf %02x "$index")"; cat "$file"; } >"$corpus/seed-$format-$(basename "$file")"
                done < <(find "${SEED_DIRS[@]}" -name "*.$ext" -size -256k -print0)
            done
            index=$((index + 1))
        done
    else
        for ext in ${EXTENSIONS[$name]}; do
            find "${SEED_DIRS[@]}" -name "*.$ext" -size -256k -exec cp {} "$corpus/" \;
        done
    fi
}

run() {
    local name=$1
    seed "$name"
    LSAN_OPTIONS="suppressions=$PWD/Fuzz/lsan.supp${LSAN_OPTIONS:+:$LSAN_OPTIONS}" "$BIN/fuzz-$name" "$WORK/corpus/$name" -max_total_time="$SECONDS_EACH" -timeout=10 -rss_limit_mb=2048 \
        -max_len=65536 -print_final_stats=1 -artifact_prefix="$WORK/artifacts/$name/" >"$WORK/$name.log" 2>&1 || true
    local runs found
    runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$WORK/$name.log" | grep -o '[0-9]*$' || echo 0)
    found=$(find "$WORK/artifacts/$name" -type f | wc -l)
    printf '  %-9s %12s executions in %4ss (%s/s), %s finding(s)\n' "$name" "$runs" "$SECONDS_EACH" \
        "$((runs / SECONDS_EACH))" "$found" >>"$WORK/summary"
}

mkdir -p "$WORK"
: >"$WORK/summary"
echo "fuzz: $SECONDS_EACH s per harness, $JOBS at a time: $HARNESSES"
running=0
for name in $HARNESSES; do
    run "$name" &
    running=$((running + 1))
    if [ "$running" -ge "$JOBS" ]; then wait -n || true; running=$((running - 1)); fi
done
wait
echo "fuzz results (logs in $WORK/NAME.log, inputs found in $WORK/artifacts/NAME/):"
cat "$WORK/summary"
if find "$WORK/artifacts" -type f | grep -q .; then
    echo "fuzz: findings above; reproduce one with $BIN/fuzz-NAME FILE" >&2
    exit 1
fi
