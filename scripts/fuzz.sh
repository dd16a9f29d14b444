#!/usr/bin/env bash
# Coverage-guided fuzzing of the readers that take files from outside: libFuzzer with
# AddressSanitizer, one target a reader (Fuzz/Package.swift lists them; Fuzz/README.md says more).
#
#   bash scripts/fuzz.sh [TARGET|all] [SECONDS]     default: all, 60 seconds each
#
# Builds the fuzz package once (Fuzz/.build, release, -sanitize=fuzzer,address), builds each
# target's seed corpus from the test fixtures (scripts/fuzz-corpus.py), runs the targets one after
# another for SECONDS each, and prints per target the executions, coverage and what was found.
# Exits 1 if any target found a crash, timeout, out-of-memory or leak, 2 if the build failed.
#
# FUZZ_OUT (default Fuzz/.build/fuzz) holds corpus/TARGET (kept between runs, so coverage
# accumulates), artifacts/TARGET (crash-*, timeout-*, oom-*, leak-* inputs) and logs/TARGET.log.
# Replay an artifact: Fuzz/.build/release/TARGET FILE. FUZZ_FLAGS adds libFuzzer flags.
set -uo pipefail
cd "$(dirname "$0")/.."
repo=$(pwd)

targets=(FuzzRosterParser FuzzWorkspaceReader FuzzTranscriptText FuzzTranscriptXML FuzzTripleSMetadata
         FuzzTripleSData FuzzREFIProject FuzzREFICodebook FuzzInstantParser)
which=${1:-all}
seconds=${2:-60}
if [ "$which" != all ]; then
    case " ${targets[*]} " in
        *" $which "*) targets=("$which") ;;
        *) echo "error: unknown fuzz target '$which' (all, ${targets[*]})" >&2; exit 64 ;;
    esac
fi
case "$seconds" in ''|*[!0-9]*) echo "error: SECONDS must be a whole number, not '$seconds'" >&2; exit 64 ;; esac

# Longest input each target is given: enough for its seeds, small enough to keep executions fast.
max_len() {
    case "$1" in
        FuzzREFIProject) echo 32768 ;;
        FuzzInstantParser) echo 128 ;;
        FuzzTranscriptText|FuzzTripleSData) echo 8192 ;;
        *) echo 16384 ;;
    esac
}

# Tokens of each target's format (Fuzz/Dictionaries), which the fuzzer splices into its inputs.
dictionary() {
    case "$1" in
        FuzzRosterParser|FuzzWorkspaceReader|FuzzTranscriptXML) echo native ;;
        FuzzREFIProject|FuzzREFICodebook) echo refi ;;
        FuzzTripleSMetadata|FuzzTripleSData) echo triples ;;
        FuzzTranscriptText) echo text ;;
        FuzzInstantParser) echo instant ;;
    esac
}

out=${FUZZ_OUT:-$repo/Fuzz/.build/fuzz}
mkdir -p "$out/corpus" "$out/artifacts" "$out/logs" "$out/tmp"

# SwiftPM knows -sanitize=fuzzer (hidden: --sanitize fuzzer), but links with gold by default, which
# fails on the fuzzer runtime's debug info ("internal error in format_file_lineno"): use the
# toolchain's lld.
swiftc=$(command -v swiftc) || { echo "error: swiftc not found" >&2; exit 2; }
lld=$(dirname "$(readlink -f "$swiftc")")/ld.lld
[ -x "$lld" ] || { echo "error: $lld not found: this toolchain cannot link libFuzzer targets" >&2; exit 2; }
printf '{ "schemaVersion": "1.0", "linker": { "path": "%s" } }\n' "$lld" > "$out/toolset.json"

echo "fuzz: building the fuzz targets (release, libFuzzer + AddressSanitizer) in Fuzz/.build" >&2
build_start=$(date +%s)
products=()
for target in "${targets[@]}"; do products+=(--product "$target"); done
if [ ${#targets[@]} -gt 1 ]; then products=(); fi
# --sanitize fuzzer makes SwiftPM build the targets for libFuzzer's main; the sanitizers themselves
# go in one -sanitize flag, because two (--sanitize fuzzer --sanitize address) reach swiftc as two
# flags and the last one wins, which leaves the code without coverage instrumentation.
if ! swift build --package-path Fuzz --scratch-path Fuzz/.build -c release --sanitize fuzzer -Xswiftc -sanitize=fuzzer,address \
        --toolset "$out/toolset.json" "${products[@]}" > "$out/logs/build.log" 2>&1; then
    tail -40 "$out/logs/build.log" >&2
    echo "error: the fuzz targets did not build (log: $out/logs/build.log)" >&2
    exit 2
fi
bin=$(swift build --package-path Fuzz --scratch-path Fuzz/.build -c release --show-bin-path)
echo "fuzz: built in $(( $(date +%s) - build_start )) s" >&2

interop=$repo/../shared/interop
if command -v python3 >/dev/null 2>&1; then
    python3 scripts/fuzz-corpus.py "$repo" "$out/corpus" "$interop" >&2 || { echo "error: seed corpus not built" >&2; exit 2; }
else
    echo "fuzz: no python3; seeds from Fuzz/Seeds only" >&2
    for target in "${targets[@]}"; do mkdir -p "$out/corpus/$target"; cp Fuzz/Seeds/"$target"/* "$out/corpus/$target/"; done
fi

# LeakSanitizer: leaks inside libraries are listed in Fuzz/lsan.supp; smaller stack traces for
# allocations keep AddressSanitizer's share of each execution down.
export ASAN_OPTIONS=${ASAN_OPTIONS:-malloc_context_size=10:quarantine_size_mb=64:detect_leaks=1}
export LSAN_OPTIONS=${LSAN_OPTIONS:-suppressions=$repo/Fuzz/lsan.supp:print_suppressions=0}
export TMPDIR=$out/tmp
# Swift's own crash backtracer would take the signal before libFuzzer and AddressSanitizer.
export SWIFT_BACKTRACE=enable=no

failed=0
summary=()
for target in "${targets[@]}"; do
    corpus=$out/corpus/$target
    artifacts=$out/artifacts/$target
    log=$out/logs/$target.log
    mkdir -p "$corpus" "$artifacts"
    before=$(ls "$artifacts" | grep -cE '^(crash|timeout|oom|leak)-' || true)
    echo "fuzz: $target for $seconds s ($(ls "$corpus" | wc -l) inputs in its corpus)" >&2
    # -timeout: one input may take 10 s; -rss_limit_mb/-malloc_limit_mb: a few KB of input must not
    # cost a gigabyte; -use_value_profile: guides mutations through comparisons (names, numbers).
    # shellcheck disable=SC2086
    "$bin/$target" -max_total_time="$seconds" -max_len="$(max_len "$target")" -timeout=10 -rss_limit_mb=2048 \
        -malloc_limit_mb=1024 -use_value_profile=1 -dict="$repo/Fuzz/Dictionaries/$(dictionary "$target").dict" \
        -print_final_stats=1 -artifact_prefix="$artifacts/" \
        ${FUZZ_FLAGS:-} "$corpus" > "$log" 2>&1
    status=$?
    runs=$(grep -o 'stat::number_of_executed_units: [0-9]*' "$log" | tail -1 | grep -o '[0-9]*$')
    progress=$(grep -E '^#[0-9]+' "$log" | grep 'cov: ' | tail -1)
    coverage="cov $(sed -nE 's/.*cov: ([0-9]+).*/\1/p' <<< "$progress") ft $(sed -nE 's/.*ft: ([0-9]+).*/\1/p' <<< "$progress")"
    units=$(ls "$corpus" | wc -l)
    found=$(( $(ls "$artifacts" | grep -cE '^(crash|timeout|oom|leak)-' || true) - before ))
    kinds=$(grep -oE '^==[0-9]+== ?ERROR: (libFuzzer|AddressSanitizer|LeakSanitizer): [a-z-]+|^==FUZZ==.*|Fatal error: .*' "$log" | head -3 | tr '\n' ';')
    line=$(printf '%-20s %10s runs  %-18s corpus %5s  found %s' "$target" "${runs:-?}" "$coverage" "$units" "$found")
    if [ "$status" -ne 0 ] || [ "$found" -gt 0 ]; then
        failed=1
        line+="  FAILED (exit $status) ${kinds:-see log}; inputs: $artifacts/, log: $log"
    fi
    summary+=("$line")
done

echo
echo "fuzz summary ($seconds s a target; corpus and artifacts in $out):"
printf '  %s\n' "${summary[@]}"
if [ "$failed" -ne 0 ]; then
    echo "fuzz: FAILED: a target found a crash, timeout, out-of-memory or leak (replay: $bin/TARGET INPUT)"
    exit 1
fi
echo "fuzz: no crash found"
