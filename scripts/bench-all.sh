#!/usr/bin/env bash
# Runs every benchmark in sequence, as docs/performance.md reports them, keeping each one's output
# in bench-results/DATE-NAME.log (not committed).
#
#   bash scripts/bench-all.sh                       # from the repository root; about half an hour
#   bash scripts/bench-all.sh roster restore        # only these (schedule roster transcripts restore refi)
#   REPEAT=5 bash scripts/bench-all.sh              # passed on to each script
#
# Builds release once in .build-bench and hands the binary to the scripts that take BIN. Exits 1
# if any benchmark failed (a command failed or reported wrong counts), after running the rest.
set -uo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

names=("$@")
[[ ${#names[@]} -gt 0 ]] || names=(schedule roster transcripts restore refi)
mkdir -p bench-results
stamp="$(date -u +%Y%m%dT%H%MZ)"

echo "== swift build -c release --build-path .build-bench"
swift build -c release --build-path .build-bench >"bench-results/$stamp-build.log" 2>&1 \
    || { tail -n 30 "bench-results/$stamp-build.log" >&2; exit 1; }
export BIN="$PWD/.build-bench/release/roundtable"

failed=()
for name in "${names[@]}"; do
    script="scripts/bench-$name.sh"
    [[ -f $script ]] || { echo "bench-all: no $script" >&2; failed+=("$name"); continue; }
    log="bench-results/$stamp-$name.log"
    echo "== $script (log: $log; commit $(git rev-parse --short HEAD), load average $(cut -d' ' -f1 /proc/loadavg))"
    started=$(date +%s)
    if bash "$script" 2>&1 | tee "$log"; then
        echo "== $name: done in $(( $(date +%s) - started )) s"
    else
        echo "== $name: FAILED after $(( $(date +%s) - started )) s" >&2
        failed+=("$name")
    fi
done
if [[ ${#failed[@]} -gt 0 ]]; then
    echo "bench-all: failed: ${failed[*]}" >&2
    exit 1
fi
