# copydesk — sourced by the bench scripts: the tools they time and count with.

# hyperfine for the timings (and their CPU columns): installed with apt when missing and run as
# root; without it the scripts time a loop of `date +%s.%N` measurements and leave CPU columns out.
ensure_hyperfine() {
  if ! command -v hyperfine >/dev/null && command -v apt-get >/dev/null && [[ $(id -u) == 0 ]]; then
    apt-get install -y -q hyperfine >/dev/null 2>&1 ||
      { apt-get update -q >/dev/null 2>&1 && apt-get install -y -q hyperfine >/dev/null 2>&1; } || true
  fi
  command -v hyperfine >/dev/null || echo "bench: hyperfine is missing: timings by a date loop, no CPU columns" >&2
}

# The median of numbers given as arguments.
median() { python3 -c "import statistics,sys; print(statistics.median(map(float, sys.argv[1:])))" "$@"; }

# CPU seconds (user + system) of one run of a command, via GNU time; its output is discarded.
cpu_seconds() {
  local times
  times=$(mktemp)
  /usr/bin/time -f '%U %S' -o "$times" bash -c "$1" >/dev/null 2>&1 || true
  awk '{print $1 + $2}' "$times" | tail -1
  rm -f "$times"
}

# Instructions a command executes (callgrind's total), repeatable on a busy machine.
instructions() {
  valgrind --tool=callgrind --callgrind-out-file=/dev/null "$@" 2>&1 >/dev/null | awk '/refs:/ {gsub(",", "", $NF); print $NF}'
}
