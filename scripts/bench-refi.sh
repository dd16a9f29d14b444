#!/usr/bin/env bash
# Benchmark (not a test): REFI-QDA export and import against `export transcript` of the same
# sessions, each as a whole process, in interleaved pairs.
#
#   bash scripts/bench-refi.sh                                  # from the repository root
#   SESSIONS=10 UTTERANCES=200000 REPEAT=5 bash scripts/bench-refi.sh
#   BIN=.build-bench/release/roundtable bash scripts/bench-refi.sh   # skip the build
#   KEEP=/tmp/refi-bench bash scripts/bench-refi.sh             # keep (and on later runs reuse) the workspace
#
# Builds release in .build-bench unless BIN is given. Setup (timed only as a whole; with KEEP, done
# once and reused while SESSIONS, UTTERANCES and CODINGS stay the same): a moderator and the
# generator's 8 participants (contact consent, members of panel `bench`), SESSIONS sessions (10)
# of the panel on separate days with everyone invited, each with a generated plain-text transcript
# (scripts/bench-transcripts-generate.py) of UTTERANCES/SESSIONS turns (1,000,000 in all, so
# 100,000 a session), and CODINGS codings (`code apply`). One export is run untimed first: it stores
# a GUID for every turn, which later exports only read. Then REPEAT rounds (3), each command one
# process under /usr/bin/time (wall seconds, peak RSS):
#   (1) export refi --session S          vs  export transcript S                (S: the first session)
#   (2) export refi --all                vs  export transcript of every session, one process each,
#                                            run back to back; the floor is the sum of their walls
#                                            (each pays ~20 ms start-up, which favours REFI slightly)
#   (3) import refi of (2)'s project     vs  (2)'s export in the same round     (into an empty workspace)
# Verdicts use the median of the per-pair ratios of wall time, and of CPU time (user + system), with
# the lowest and highest printed too, against
# 2x, 2x and 3x, and the highest peak RSS of the REFI command against RSS_LIMIT_MB (64). A
# measurement, not a gate: exits 0 whatever the verdicts, 1 only if a command fails or reports other
# counts than the setup made.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
SESSIONS="${SESSIONS:-10}"
UTTERANCES="${UTTERANCES:-1000000}"
CODINGS="${CODINGS:-100}"
REPEAT="${REPEAT:-3}"
RSS_LIMIT_MB="${RSS_LIMIT_MB:-64}"
GEN="scripts/bench-transcripts-generate.py"
for var in SESSIONS UTTERANCES REPEAT; do
    [[ "${!var}" =~ ^[1-9][0-9]*$ ]] || { echo "bench: $var must be a positive integer, not '${!var}'" >&2; exit 1; }
done
[[ "$CODINGS" =~ ^[0-9]+$ ]] || { echo "bench: CODINGS must be a whole number" >&2; exit 1; }
(( UTTERANCES >= SESSIONS )) || { echo "bench: fewer UTTERANCES than SESSIONS" >&2; exit 1; }
[[ -x /usr/bin/time ]] || { apt-get update -qq && apt-get install -y -qq time >/dev/null; }

WORK="$(mktemp -d "${TMPDIR:-/tmp}/roundtable-bench-refi.XXXXXX")"
trap 'rm -rf "$WORK"' EXIT

if [[ -z "${BIN:-}" ]]; then
    echo "== swift build -c release --scratch-path .build-bench"
    swift build -c release --scratch-path .build-bench >"$WORK/build.log" 2>&1 || { cat "$WORK/build.log" >&2; exit 1; }
    BIN="$(swift build -c release --scratch-path .build-bench --show-bin-path)/roundtable"
fi
BIN="$(cd "$(dirname "$BIN")" && pwd)/$(basename "$BIN")"
unset ROUNDTABLE_DB ROUNDTABLE_NOW
echo "binary: $BIN; source $(git rev-parse --short HEAD 2>/dev/null || echo '?'); cores $(nproc);" \
    "load $(cut -d' ' -f1 /proc/loadavg); SESSIONS=$SESSIONS UTTERANCES=$UTTERANCES CODINGS=$CODINGS REPEAT=$REPEAT"

source scripts/bench-lib.sh   # rt, measure, median, minimum, maximum, cast, pair_stats

# ---- setup ------------------------------------------------------------------------------------
SETUP="${KEEP:-$WORK}"
mkdir -p "$SETUP"
DB="$SETUP/panel.sqlite"
SHAPE="$SESSIONS $UTTERANCES $CODINGS"
if [[ -f "$DB" && "$(cat "$SETUP/shape" 2>/dev/null)" == "$SHAPE" ]]; then
    echo "== setup: reusing $DB ($SHAPE)"
else
    rm -f "$DB" "$DB-wal" "$DB-shm" "$SETUP/shape"
    started=$(date +%s)
    rt "$DB" panel create bench --name "Benchmark panel" --kind pool >/dev/null
    cast "$DB"
    rt "$DB" panel add-member bench "${PEOPLE[@]}" >/dev/null
    per=$(( UTTERANCES / SESSIONS ))
    for (( i = 1; i <= SESSIONS; i++ )); do
        day="$(date -u -d "+$(( 30 + i )) days" +%Y-%m-%d)"
        key="$(rt "$DB" session schedule --title "Pankkipalvelut $i" --start "${day}T07:00:00Z" --duration 2h \
            --moderator "$MODERATOR" --panel bench --capacity "${#PEOPLE[@]}")"
        rt "$DB" session invite "$key" "${PEOPLE[@]}" --cooldown 0 >/dev/null
        turns=$(( i == SESSIONS ? UTTERANCES - per * (SESSIONS - 1) : per ))
        python3 "$GEN" "$WORK/t.txt" --turns "$turns" --seed "$i" >/dev/null
        rt "$DB" transcript import "$key" "$WORK/t.txt" >/dev/null
        echo "$key" >>"$SETUP/sessions.tmp"
    done
    rt "$DB" code add Jono --description "Waiting, queues" >/dev/null
    rt "$DB" code add Luottamus --description "Trust in the bank" >/dev/null
    for (( c = 0; c < CODINGS; c++ )); do
        utterance="U-$(printf '%06d' $(( 1 + c * (UTTERANCES / (CODINGS > 0 ? CODINGS : 1)) )))"
        rt "$DB" code apply "$([[ $(( c % 2 )) -eq 0 ]] && echo Jono || echo Luottamus)" --utterance "$utterance" >/dev/null
    done
    mv "$SETUP/sessions.tmp" "$SETUP/sessions"
    echo "$SHAPE" >"$SETUP/shape"
    echo "== setup: $SESSIONS sessions, $UTTERANCES utterances, $CODINGS codings in $(( $(date +%s) - started )) s"
fi
mapfile -t KEYS <"$SETUP/sessions"
FIRST="${KEYS[0]}"
FIRST_TURNS=$(( UTTERANCES / SESSIONS ))
FIRST_CODINGS=$(( CODINGS == 0 ? 0 : (FIRST_TURNS + (UTTERANCES / CODINGS) - 1) / (UTTERANCES / CODINGS) ))
echo "   workspace $(( $(stat -c %s "$DB") / 1000000 )) MB; first session $FIRST ($FIRST_TURNS turns, $FIRST_CODINGS codings)"

# Untimed: the first export stores every turn's GUID.
measure first "$BIN" export refi --all -o "$WORK/all.qdpx" --db "$DB"
echo "   first export refi --all (stores the turns' GUIDs): $LAST_WALL s, $(awk -v k="$LAST_RSS" 'BEGIN { printf "%.1f", k / 1024 }') MB"

# ---- timed ------------------------------------------------------------------------------------
# timed NAME CMD...: as `measure`, and also appends user + system CPU seconds to CPUS[NAME]: with
# other work on the machine, wall time is mostly waiting for a core, and CPU time says more.
declare -A CPUS
timed() {
    local name="$1"; shift
    local status=0
    /usr/bin/time -f '%e %M %U %S' -o "$WORK/$name.time" "$@" </dev/null >"$WORK/$name.out" 2>"$WORK/$name.err" || status=$?
    if [[ $status -ne 0 ]]; then
        echo "bench: $name failed (exit $status): $*" >&2
        tail -n 20 "$WORK/$name.out" "$WORK/$name.err" >&2
        exit 1
    fi
    local user system
    read -r LAST_WALL LAST_RSS user system < <(tail -n 1 "$WORK/$name.time")
    LAST_CPU=$(awk -v u="$user" -v s="$system" 'BEGIN { print u + s }')
    WALLS[$name]+="${WALLS[$name]:+ }$LAST_WALL"
    RSSES[$name]+="${RSSES[$name]:+ }$LAST_RSS"
    CPUS[$name]+="${CPUS[$name]:+ }$LAST_CPU"
}
check() {  # check NAME PATTERN: the command's report must match
    grep -q "$2" "$WORK/$1.out" || { echo "bench: unexpected $1 report (wanted /$2/):" >&2; cat "$WORK/$1.out" "$WORK/$1.err" >&2; exit 1; }
}
for (( r = 1; r <= REPEAT; r++ )); do
    timed transcript1 "$BIN" export transcript "$FIRST" -o "$WORK/one.xml" --db "$DB"
    check transcript1 "^wrote $FIRST_TURNS utterances"
    timed refi1 "$BIN" export refi --session "$FIRST" -o "$WORK/one.qdpx" --db "$DB"
    check refi1 "^wrote 1 sources, $FIRST_CODINGS codings"
    sum=0
    cpu=0
    for key in "${KEYS[@]}"; do
        timed transcripts "$BIN" export transcript "$key" -o "$WORK/t.xml" --db "$DB"
        sum=$(awk -v a="$sum" -v b="$LAST_WALL" 'BEGIN { print a + b }')
        cpu=$(awk -v a="$cpu" -v b="$LAST_CPU" 'BEGIN { print a + b }')
    done
    WALLS[transcriptsum]+="${WALLS[transcriptsum]:+ }$sum"
    CPUS[transcriptsum]+="${CPUS[transcriptsum]:+ }$cpu"
    timed refiall "$BIN" export refi --all -o "$WORK/all.qdpx" --db "$DB"
    check refiall "^wrote $SESSIONS sources, $CODINGS codings"
    rm -f "$WORK/copy.sqlite"*
    timed import "$BIN" import refi "$WORK/all.qdpx" --as-panel copy --db "$WORK/copy.sqlite"
    check import "$SESSIONS sources, $UTTERANCES utterances, .* $CODINGS codings"
done
command -v unzip >/dev/null && { unzip -tq "$WORK/all.qdpx" >/dev/null || { echo "bench: unzip -t fails on the project" >&2; exit 1; }; }
echo "   project of all sessions: $(( $(stat -c %s "$WORK/all.qdpx") / 1000 )) kB"

# ratios A B [TABLE]: per-pair ratios of the values in TABLE[A] over TABLE[B] (TABLE: WALLS or CPUS)
ratios() {
    local -n table="${3:-WALLS}"
    paste -d' ' <(tr ' ' '\n' <<<"${table[$1]}") <(tr ' ' '\n' <<<"${table[$2]}") \
        | awk '{ printf "%s%.2f", (NR > 1 ? " " : ""), ($2 > 0 ? $1 / $2 : 0) }'
}
mb() { awk -v k="$(maximum "${RSSES[$1]}")" 'BEGIN { printf "%.1f", k / 1024 }'; }
verdict() { awk -v a="$1" -v b="$2" 'BEGIN { print (a <= b ? "PASS" : "FAIL") }'; }
printf '\n   %-40s %8s %8s %7s %6s %-12s %7s %-12s %s\n' "row ($REPEAT pairs, whole processes)" "REFI s" "floor s" \
    "wall x" "target" "(min-max)" "CPU x" "(min-max)" "peak RSS MB / $RSS_LIMIT_MB"
row() {  # row LABEL REFI FLOOR TARGET
    local rs cs m c
    rs="$(ratios "$2" "$3")"
    cs="$(ratios "$2" "$3" CPUS)"
    m="$(median "$rs")"
    c="$(median "$cs")"
    printf '   %-40s %8s %8s %6sx %5sx %-12s %6sx %-12s %6s  wall %s, CPU %s, RSS %s\n' "$1" "$(median "${WALLS[$2]}")" \
        "$(median "${WALLS[$3]}")" "$m" "$4" "($(minimum "$rs")-$(maximum "$rs"))" "$c" "($(minimum "$cs")-$(maximum "$cs"))" \
        "$(mb "$2")" "$(verdict "$m" "$4")" "$(verdict "$c" "$4")" "$(verdict "$(mb "$2")" "$RSS_LIMIT_MB")"
}
row "(1) export refi --session $FIRST" refi1 transcript1 2
row "(2) export refi --all ($SESSIONS sessions)" refiall transcriptsum 2
row "(3) import refi of (2)" import refiall 3
echo "   CPU s (user + system), medians: refi1 $(median "${CPUS[refi1]}"), transcript1 $(median "${CPUS[transcript1]}")," \
    "refiall $(median "${CPUS[refiall]}"), transcripts $(median "${CPUS[transcriptsum]}"), import $(median "${CPUS[import]}")"
echo "   floor RSS: export transcript $(mb transcript1) MB; per-pair wall ratios (1) $(ratios refi1 transcript1);" \
    "(2) $(ratios refiall transcriptsum); (3) $(ratios import refiall)"
echo "   load average now $(cut -d' ' -f1 /proc/loadavg)"
