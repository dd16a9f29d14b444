#!/usr/bin/env bash
# Benchmark (not a test): roster import and export at 100k and 1M participants, against libxml2's
# own streaming parse as the floor.
#
#   bash scripts/bench-roster.sh                       # from the repository root
#   ROWS="20000 100000" bash scripts/bench-roster.sh   # other sizes
#   REPEAT=5 bash scripts/bench-roster.sh              # more runs of each pair (default 3)
#   ROWS="" LONG_ROWS=30000 bash scripts/bench-roster.sh   # only the long-id rows, at 30k
#
# Builds release (in .build-bench; waits for the SwiftPM lock if another build is running), then for
# each size, in a temporary folder removed on exit:
#   generate  a roster of N participants (scripts/bench-roster-generate.py; Nordic names, 3-5
#             attributes, 1-3 consents; validates against the bundled XSD)
#   (a) xmllint --stream --noout ROSTER                       libxml2's plain streaming parse
#   (b) xmllint --stream --noout --schema XSD ROSTER          ... and its validating parse: import's floor
#   (c) roundtable import roster ROSTER --partner bench       into a fresh, empty workspace (once)
#   (d) roundtable export roster --partner bench -o OUT       from that workspace
#   (e) xmllint --stream --noout OUT                          plain parse of the export: export's floor
# each as one process under /usr/bin/time (wall seconds, peak RSS). The pairs (b, c) and (d, e) run
# REPEAT times, interleaved, because wall times on this kind of machine move by a quarter from run
# to run: the table shows medians, and the verdicts use the median of the per-pair ratios (the
# lowest and highest are printed too). Prints a table per size, the
# ratios import/(b) and export/(e) against TARGET_RATIO (1.5), peak RSS of import and export against
# RSS_LIMIT_MB (64), and at the end whether peak RSS stays the same across sizes (within RSS_SAME_PCT,
# 15 %). It is a measurement, not a gate: exits 0 whatever the verdicts, 1 only if a command fails
# (non-zero exit, or import/export not reporting N rows).
#
# Then, for each size in LONG_ROWS (default 300000; issue 14's partner data), a roster with
# 36-character partner ids and 2-8 attributes each (--long-ids) and a variant of it with CHANGED_PCT
# (1) % of the rows changed (--changed), and REPEAT times, interleaved:
#   (f) xmllint --stream --noout --schema XSD ROSTER          the floor of (g) and (h)
#   (g) roundtable import roster ROSTER                       first import, into an empty workspace
#   (h) roundtable import roster ROSTER                       re-import, unchanged, into a copy of (g)'s workspace
#   (i) xmllint --stream --noout --schema XSD CHANGED         the floor of (j)
#   (j) roundtable import roster CHANGED                      re-import with CHANGED_PCT % changed, into a copy
# Each re-import starts from a copy of the workspace the first run of (g) wrote (copied untimed). The
# counts are checked: (g) N new, (h) N unchanged, (j) exactly round(N * CHANGED_PCT / 100) updated.
# Verdicts: each ratio against TARGET_RATIO (1.5; the first import against FIRST_TARGET_RATIO, 1.3),
# peak RSS of (g) against FIRST_RSS_LIMIT_MB (48), of (h) and (j) against RSS_LIMIT_MB.
#
# xmllint comes from Debian's libxml2-utils (installed with apt-get if missing), the same libxml2
# the program links.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
ROWS="${ROWS-100000 1000000}"
LONG_ROWS="${LONG_ROWS-300000}"
CHANGED_PCT="${CHANGED_PCT:-1}"
FIRST_TARGET_RATIO="${FIRST_TARGET_RATIO:-1.3}"
FIRST_RSS_LIMIT_MB="${FIRST_RSS_LIMIT_MB:-48}"
SEED="${SEED:-20260105}"
REPEAT="${REPEAT:-3}"
TARGET_RATIO="${TARGET_RATIO:-1.5}"
RSS_LIMIT_MB="${RSS_LIMIT_MB:-64}"
RSS_SAME_PCT="${RSS_SAME_PCT:-15}"
XSD="Sources/RoundtableXML/Resources/roundtable-1.xsd"

for n in $ROWS $LONG_ROWS; do
    [[ "$n" =~ ^[1-9][0-9]*$ ]] || { echo "bench: ROWS must be positive integers, not '$n'" >&2; exit 1; }
done
[[ "$REPEAT" =~ ^[1-9][0-9]*$ ]] || { echo "bench: REPEAT must be a positive integer, not '$REPEAT'" >&2; exit 1; }
[[ -f "$XSD" ]] || { echo "bench: no schema at $XSD (run from the repository)" >&2; exit 1; }

# ---- tools ------------------------------------------------------------------------------------
missing=()
command -v xmllint >/dev/null 2>&1 || missing+=(libxml2-utils)
[[ -x /usr/bin/time ]] || missing+=(time)
if [[ ${#missing[@]} -gt 0 ]]; then
    echo "== installing ${missing[*]}"
    apt-get update -qq && apt-get install -y -qq "${missing[@]}" >/dev/null
fi
command -v python3 >/dev/null 2>&1 || { echo "bench: python3 is needed for the generator" >&2; exit 1; }

WORK="$(mktemp -d "${TMPDIR:-/tmp}/roundtable-bench-roster.XXXXXX")"
trap 'rm -rf "$WORK"' EXIT

echo "== swift build -c release --build-path .build-bench (a wait for its lock is normal while another build runs)"
build_started=$(date +%s)
if ! swift build -c release --build-path .build-bench >"$WORK/build.log" 2>&1; then
    cat "$WORK/build.log" >&2
    echo "bench: release build failed" >&2
    exit 1
fi
tail -n 1 "$WORK/build.log"
echo "   ($(( $(date +%s) - build_started )) s including any lock wait)"
BIN="$(swift build -c release --build-path .build-bench --show-bin-path)/roundtable"
[[ -x "$BIN" ]] || { echo "bench: no binary at $BIN" >&2; exit 1; }
# Environment that would change what the program does is not inherited.
unset ROUNDTABLE_DB ROUNDTABLE_NOW

echo "binary: $BIN ($("$BIN" --version 2>/dev/null || echo '?'))"
if revision="$(git rev-parse --short HEAD 2>/dev/null)"; then
    [[ -z "$(git status --porcelain --untracked-files=no -- Sources Package.swift 2>/dev/null)" ]] \
        || revision+=" + uncommitted changes in Sources/"
    echo "source: $revision"
fi
echo "xmllint: $(xmllint --version 2>&1 | head -n 1)"
echo "cores $(nproc); load average $(cut -d' ' -f1 /proc/loadavg); sizes: ${ROWS:-none}; long-id sizes: ${LONG_ROWS:-none}"

# ---- helpers ----------------------------------------------------------------------------------
# measure NAME CMD...: runs CMD once under /usr/bin/time; sets WALL[NAME] (s) and RSS[NAME] (KB).
# Stdout and stderr go to $WORK/NAME.out / NAME.err; a non-zero exit stops the benchmark.
declare -A WALL RSS
measure() {
    local name="$1"; shift
    local status=0
    /usr/bin/time -f '%e %M' -o "$WORK/$name.time" "$@" >"$WORK/$name.out" 2>"$WORK/$name.err" || status=$?
    if [[ $status -ne 0 ]]; then
        echo "bench: step (${name:0:1}) at ${name:1} rows failed (exit $status): $*" >&2
        tail -n 20 "$WORK/$name.err" >&2
        exit 1
    fi
    # /usr/bin/time writes "Command exited with non-zero status" first on failure; the last line is ours.
    read -r WALL[$name] RSS[$name] < <(tail -n 1 "$WORK/$name.time")
}

# median of the numbers given (the lower middle one for an even count)
median() { printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
# combine NAME: WALL[NAME] = median wall of NAME.1..REPEAT, RSS[NAME] = their highest peak RSS
combine() {
    local walls=() rss=0 r
    for r in $(seq 1 "$REPEAT"); do
        walls+=("${WALL[$1.$r]}")
        (( ${RSS[$1.$r]} > rss )) && rss=${RSS[$1.$r]}
    done
    WALL[$1]=$(median "${walls[@]}")
    RSS[$1]=$rss
}
mb() { awk -v b="$1" 'BEGIN { printf "%.1f", b / 1e6 }'; }              # bytes -> MB
kb_mb() { awk -v k="$1" 'BEGIN { printf "%.1f", k / 1024 }'; }          # KB -> MiB (as RSS is usually read)
# a/b to 2 decimals, or n/a when the floor b is below /usr/bin/time's 10 ms resolution
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else printf "n/a" }'; }
le() { awk -v a="$1" -v b="$2" 'BEGIN { exit !(a <= b) }'; }
lt() { awk -v a="$1" -v b="$2" 'BEGIN { exit !(a < b) }'; }
verdict() { if "$@"; then echo PASS; else echo FAIL; fi; }
times() { if [[ "$1" == n/a ]]; then echo "n/a"; else echo "$1x"; fi; }   # 2.50 -> 2.50x
ratio_verdict() { if [[ "$1" == n/a ]]; then echo "n/a"; else verdict le "$1" "$TARGET_RATIO"; fi; }
thousands() { sed -e ':a' -e 's/\B[0-9]\{3\}\>/,&/' -e 'ta' <<<"$1"; }

declare -A SUMMARY            # "n/check" -> PASS|FAIL
declare -A PAIR_RATIO         # "n/import|export" -> median of the per-pair ratios
declare -a SIZES_DONE=()
export LC_NUMERIC=C

# ---- one size ---------------------------------------------------------------------------------
for n in $ROWS; do
    echo
    echo "== $(thousands "$n") participants"
    dir="$WORK/$n"
    mkdir -p "$dir"
    roster="$dir/roster-$n.xml"
    db="$dir/workspace.sqlite"
    exported="$dir/exported-$n.xml"

    gen_started=$(date +%s.%N)
    python3 scripts/bench-roster-generate.py "$roster" --rows "$n" --seed "$SEED" 2>"$WORK/generate.err" \
        || { cat "$WORK/generate.err" >&2; echo "bench: generator failed" >&2; exit 1; }
    gen_seconds=$(awk -v a="$gen_started" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }')
    roster_bytes=$(stat -c %s "$roster")
    echo "   generated $(basename "$roster"): $(mb "$roster_bytes") MB in $gen_seconds s"

    measure "a$n" xmllint --stream --noout "$roster"
    import_ratios=()
    for r in $(seq 1 "$REPEAT"); do
        measure "b$n.$r" xmllint --stream --noout --schema "$XSD" "$roster"
        rm -f "$db" "$db-wal" "$db-shm"   # an empty workspace: the import creates it and runs the migrations
        measure "c$n.$r" "$BIN" import roster "$roster" --partner bench --db "$db"
        if ! grep -q "from bench: $n new, 0 updated, 0 unchanged, 0 rejected" "$WORK/c$n.$r.out"; then
            echo "bench: the import did not report $n new rows:" >&2
            cat "$WORK/c$n.$r.out" "$WORK/c$n.$r.err" >&2
            exit 1
        fi
        import_ratios+=("$(ratio "${WALL[c$n.$r]}" "${WALL[b$n.$r]}")")
    done
    combine "b$n"
    combine "c$n"
    db_bytes=$(( $(stat -c %s "$db") + $( [[ -f "$db-wal" ]] && stat -c %s "$db-wal" || echo 0) ))

    export_ratios=()
    for r in $(seq 1 "$REPEAT"); do
        measure "d$n.$r" "$BIN" export roster --partner bench -o "$exported" --db "$db"
        if ! grep -q "^wrote $n participants to " "$WORK/d$n.$r.out"; then
            echo "bench: the export did not report $n participants:" >&2
            cat "$WORK/d$n.$r.out" "$WORK/d$n.$r.err" >&2
            exit 1
        fi
        measure "e$n.$r" xmllint --stream --noout "$exported"
        export_ratios+=("$(ratio "${WALL[d$n.$r]}" "${WALL[e$n.$r]}")")
    done
    combine "d$n"
    combine "e$n"
    exported_bytes=$(stat -c %s "$exported")

    printf '\n   %-52s %8s %12s %9s\n' "step" "wall s" "peak RSS MB" "file MB"
    row() { printf '   %-52s %8.2f %12s %9s%s\n' "$1" "${WALL[$2]}" "$(kb_mb "${RSS[$2]}")" "$(mb "$3")" "${4:-}"; }
    row "(a) xmllint --stream --noout roster" "a$n" "$roster_bytes"
    row "(b) xmllint --stream --noout --schema XSD roster" "b$n" "$roster_bytes"
    row "(c) roundtable import roster (empty workspace)" "c$n" "$roster_bytes" "   (workspace $(mb "$db_bytes") MB)"
    row "(d) roundtable export roster" "d$n" "$exported_bytes"
    row "(e) xmllint --stream --noout exported" "e$n" "$exported_bytes"

    import_ratio=$(median "${import_ratios[@]}")
    export_ratio=$(median "${export_ratios[@]}")
    PAIR_RATIO[$n/import]=$import_ratio
    PAIR_RATIO[$n/export]=$export_ratio
    SUMMARY[$n/import-ratio]=$(ratio_verdict "$import_ratio")
    SUMMARY[$n/export-ratio]=$(ratio_verdict "$export_ratio")
    SUMMARY[$n/import-rss]=$(verdict lt "$(kb_mb "${RSS[c$n]}")" "$RSS_LIMIT_MB")
    SUMMARY[$n/export-rss]=$(verdict lt "$(kb_mb "${RSS[d$n]}")" "$RSS_LIMIT_MB")
    echo
    printf '   import / (b) validating parse   %8s   %s (target <= %sx; runs: %s)\n' "$(times "$import_ratio")" \
        "${SUMMARY[$n/import-ratio]}" "$TARGET_RATIO" "${import_ratios[*]}"
    printf '   export / (e) plain parse        %8s   %s (target <= %sx; runs: %s)\n' "$(times "$export_ratio")" \
        "${SUMMARY[$n/export-ratio]}" "$TARGET_RATIO" "${export_ratios[*]}"
    printf '   import peak RSS                 %7s MB %s (limit %s MB)\n' "$(kb_mb "${RSS[c$n]}")" "${SUMMARY[$n/import-rss]}" "$RSS_LIMIT_MB"
    printf '   export peak RSS                 %7s MB %s (limit %s MB)\n' "$(kb_mb "${RSS[d$n]}")" "${SUMMARY[$n/export-rss]}" "$RSS_LIMIT_MB"
    printf '   rows/s: import %s, export %s\n' \
        "$(awk -v n="$n" -v s="${WALL[c$n]}" 'BEGIN { printf "%.0f", (s > 0 ? n / s : 0) }')" \
        "$(awk -v n="$n" -v s="${WALL[d$n]}" 'BEGIN { printf "%.0f", (s > 0 ? n / s : 0) }')"

    SIZES_DONE+=("$n")
    rm -rf "$dir"   # ~2 GB at 1M rows; the numbers are kept above
done

# ---- long partner ids: first import, re-import unchanged and changed ---------------------------
declare -a LONG_DONE=()
# spread NAME RATIOS...: "median (min-max)" of the per-pair ratios
spread() { local name="$1"; shift; printf '%s (%s-%s)' "$(median "$@")" "$(printf '%s\n' "$@" | sort -g | head -n 1)" "$(printf '%s\n' "$@" | sort -g | tail -n 1)"; }
for n in $LONG_ROWS; do
    echo
    echo "== $(thousands "$n") participants with long partner ids (first import, re-import unchanged, $CHANGED_PCT % changed)"
    dir="$WORK/long-$n"
    mkdir -p "$dir"
    roster="$dir/roster-$n.xml"
    changed="$dir/changed-$n.xml"
    db="$dir/workspace.sqlite"
    prepared="$dir/prepared.sqlite"
    python3 scripts/bench-roster-generate.py "$roster" --rows "$n" --seed "$SEED" --long-ids \
        --changed "$CHANGED_PCT" --changed-out "$changed" 2>"$WORK/generate.err" \
        || { cat "$WORK/generate.err" >&2; echo "bench: generator failed" >&2; exit 1; }
    k=$(python3 -c "print(round($n * $CHANGED_PCT / 100))")
    echo "   generated $(basename "$roster") ($(mb "$(stat -c %s "$roster")") MB) and $(basename "$changed") ($k rows changed)"
    first_ratios=(); same_ratios=(); changed_ratios=()
    expect() {   # expect NAME TEXT: the import's output holds TEXT
        grep -qF "$2" "$WORK/$1.out" || { echo "bench: $1 did not report '$2':" >&2; cat "$WORK/$1.out" "$WORK/$1.err" >&2; exit 1; }
    }
    fresh() {    # fresh: the workspace as the first import left it
        rm -f "$db" "$db-wal" "$db-shm"
        cp "$prepared" "$db"
        [[ -f "$prepared-wal" ]] && cp "$prepared-wal" "$db-wal"
        return 0
    }
    for r in $(seq 1 "$REPEAT"); do
        measure "f$n.$r" xmllint --stream --noout --schema "$XSD" "$roster"
        rm -f "$db" "$db-wal" "$db-shm"
        measure "g$n.$r" "$BIN" import roster "$roster" --partner bench --db "$db"
        expect "g$n.$r" "from bench: $n new, 0 updated, 0 unchanged, 0 rejected"
        first_ratios+=("$(ratio "${WALL[g$n.$r]}" "${WALL[f$n.$r]}")")
        if [[ $r -eq 1 ]]; then
            cp "$db" "$prepared"
            [[ -f "$db-wal" ]] && cp "$db-wal" "$prepared-wal"
        fi
        fresh
        measure "h$n.$r" "$BIN" import roster "$roster" --partner bench --db "$db"
        expect "h$n.$r" "from bench: 0 new, 0 updated, $n unchanged, 0 rejected"
        same_ratios+=("$(ratio "${WALL[h$n.$r]}" "${WALL[f$n.$r]}")")
        measure "i$n.$r" xmllint --stream --noout --schema "$XSD" "$changed"
        fresh
        measure "j$n.$r" "$BIN" import roster "$changed" --partner bench --db "$db"
        expect "j$n.$r" "from bench: 0 new, $k updated, $((n - k)) unchanged, 0 rejected"
        changed_ratios+=("$(ratio "${WALL[j$n.$r]}" "${WALL[i$n.$r]}")")
    done
    for step in f g h i j; do combine "$step$n"; done
    printf '\n   %-58s %8s %12s\n' "step (medians of $REPEAT)" "wall s" "peak RSS MB"
    lrow() { printf '   %-58s %8.2f %12s\n' "$1" "${WALL[$2]}" "$(kb_mb "${RSS[$2]}")"; }
    lrow "(f) xmllint --stream --noout --schema XSD roster" "f$n"
    lrow "(g) import roster, first (empty workspace)" "g$n"
    lrow "(h) import roster, re-import unchanged" "h$n"
    lrow "(i) xmllint --stream --noout --schema XSD changed" "i$n"
    lrow "(j) import roster, re-import $CHANGED_PCT % changed" "j$n"
    PAIR_RATIO[$n/first]=$(median "${first_ratios[@]}")
    PAIR_RATIO[$n/same]=$(median "${same_ratios[@]}")
    PAIR_RATIO[$n/changed]=$(median "${changed_ratios[@]}")
    SUMMARY[$n/first-ratio]=$(verdict le "${PAIR_RATIO[$n/first]}" "$FIRST_TARGET_RATIO")
    SUMMARY[$n/same-ratio]=$(ratio_verdict "${PAIR_RATIO[$n/same]}")
    SUMMARY[$n/changed-ratio]=$(ratio_verdict "${PAIR_RATIO[$n/changed]}")
    SUMMARY[$n/first-rss]=$(verdict le "$(kb_mb "${RSS[g$n]}")" "$FIRST_RSS_LIMIT_MB")
    SUMMARY[$n/reimport-rss]=$(verdict lt "$(kb_mb "$(( ${RSS[h$n]} > ${RSS[j$n]} ? ${RSS[h$n]} : ${RSS[j$n]} ))")" "$RSS_LIMIT_MB")
    echo
    printf '   first import / (f)        %-22s %s (target <= %sx; runs: %s)\n' "$(spread x "${first_ratios[@]}")" \
        "${SUMMARY[$n/first-ratio]}" "$FIRST_TARGET_RATIO" "${first_ratios[*]}"
    printf '   re-import unchanged / (f) %-22s %s (target <= %sx; runs: %s)\n' "$(spread x "${same_ratios[@]}")" \
        "${SUMMARY[$n/same-ratio]}" "$TARGET_RATIO" "${same_ratios[*]}"
    printf '   re-import changed / (i)   %-22s %s (target <= %sx; runs: %s)\n' "$(spread x "${changed_ratios[@]}")" \
        "${SUMMARY[$n/changed-ratio]}" "$TARGET_RATIO" "${changed_ratios[*]}"
    printf '   first import peak RSS     %7s MB %s (limit %s MB)\n' "$(kb_mb "${RSS[g$n]}")" "${SUMMARY[$n/first-rss]}" "$FIRST_RSS_LIMIT_MB"
    printf '   re-import peak RSS        %7s / %s MB %s (limit %s MB)\n' "$(kb_mb "${RSS[h$n]}")" "$(kb_mb "${RSS[j$n]}")" \
        "${SUMMARY[$n/reimport-rss]}" "$RSS_LIMIT_MB"
    LONG_DONE+=("$n")
    rm -rf "$dir"
done

# ---- across sizes -----------------------------------------------------------------------------
echo
echo "== summary (wall s / peak RSS MB; ratio to the libxml2 floor: the median of the per-pair"
echo "   ratios, which the verdict judges, then in brackets the ratio of the median wall times)"
printf '   %-12s %22s %22s %16s %16s\n' "rows" "import" "export" "imp/(b)" "exp/(e)"
for n in "${SIZES_DONE[@]}"; do
    printf '   %-12s %11.2f s %7s MB %11.2f s %7s MB %7s (%5s) %7s (%5s)\n' "$(thousands "$n")" \
        "${WALL[c$n]}" "$(kb_mb "${RSS[c$n]}")" "${WALL[d$n]}" "$(kb_mb "${RSS[d$n]}")" \
        "$(times "${PAIR_RATIO[$n/import]}")" "$(times "$(ratio "${WALL[c$n]}" "${WALL[b$n]}")")" \
        "$(times "${PAIR_RATIO[$n/export]}")" "$(times "$(ratio "${WALL[d$n]}" "${WALL[e$n]}")")"
done

failed=0
echo
for n in "${SIZES_DONE[@]}"; do
    for check in import-ratio export-ratio import-rss export-rss; do
        [[ "${SUMMARY[$n/$check]}" == FAIL ]] && failed=$((failed + 1))
        printf '   %-10s %-14s %s\n' "$(thousands "$n")" "$check" "${SUMMARY[$n/$check]}"
    done
done
for n in "${LONG_DONE[@]}"; do
    for check in first-ratio same-ratio changed-ratio first-rss reimport-rss; do
        [[ "${SUMMARY[$n/$check]}" == FAIL ]] && failed=$((failed + 1))
        printf '   %-10s %-14s %s  (%s)\n' "$(thousands "$n")" "$check" "${SUMMARY[$n/$check]}" \
            "$(case $check in first-ratio) echo "${PAIR_RATIO[$n/first]}x";; same-ratio) echo "${PAIR_RATIO[$n/same]}x";;
                changed-ratio) echo "${PAIR_RATIO[$n/changed]}x";; *) echo "long ids";; esac)"
    done
done
if [[ ${#SIZES_DONE[@]} -ge 2 ]]; then
    small="${SIZES_DONE[0]}"
    large="${SIZES_DONE[${#SIZES_DONE[@]}-1]}"
    for cmd in c d; do
        label=$([[ $cmd == c ]] && echo import || echo export)
        a="${RSS[$cmd$small]}"; b="${RSS[$cmd$large]}"
        pct=$(awk -v a="$a" -v b="$b" 'BEGIN { printf "%.1f", (a > 0 ? (b - a) * 100 / a : 0) }')
        same=$(verdict awk -v p="$pct" -v lim="$RSS_SAME_PCT" 'BEGIN { exit !(p <= lim && p >= -lim) }')
        [[ $same == PASS ]] || failed=$((failed + 1))
        printf '   %-10s %-14s %s  (%s MB at %s rows vs %s MB at %s rows: %+.1f %%, limit +-%s %%)\n' "$label" \
            "rss-flat" "$same" "$(kb_mb "$a")" "$(thousands "$small")" "$(kb_mb "$b")" "$(thousands "$large")" \
            "$pct" "$RSS_SAME_PCT"
    done
fi
echo
if [[ $failed -eq 0 ]]; then
    echo "verdict: all targets met"
else
    echo "verdict: $failed target(s) FAILED (a measurement, not a gate: exit 0)"
fi
echo "load average now $(cut -d' ' -f1 /proc/loadavg)"
exit 0
