#!/usr/bin/env bash
# Benchmark (not a test): REFI-QDA export of a panel with SESSIONS sessions and UTTERANCES
# utterances in all, and the import of that project into a fresh workspace, each as a whole process.
#
#   bash scripts/bench-refi.sh                                  # from the repository root
#   SESSIONS=20 UTTERANCES=10000 RUNS=5 bash scripts/bench-refi.sh
#   BIN=.build/release/roundtable bash scripts/bench-refi.sh    # skip the build
#
# Builds release in .build-bench unless BIN is given. Setup, in a temporary folder removed on exit
# (timed only as a whole): a moderator and the generator's 8 participants (contact consent, members
# of panel `bench`), SESSIONS sessions of the panel on separate days with everyone invited, each with
# a generated plain-text transcript (scripts/bench-transcripts-generate.py) of UTTERANCES/SESSIONS
# turns, and CODINGS codings (`code apply`). Timed, RUNS rounds interleaved, /usr/bin/time per process:
#   (a) export refi --panel bench -o project.qdpx
#   (b) import refi project.qdpx --as-panel copy           into a new, empty workspace each round
# Prints median and min wall seconds and the highest peak RSS. Exits 1 only if a command fails or
# reports other counts than the setup made.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
SESSIONS="${SESSIONS:-200}"
UTTERANCES="${UTTERANCES:-100000}"
CODINGS="${CODINGS:-100}"
RUNS="${RUNS:-3}"
GEN="scripts/bench-transcripts-generate.py"
for var in SESSIONS UTTERANCES RUNS; do
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
    "load $(cut -d' ' -f1 /proc/loadavg); SESSIONS=$SESSIONS UTTERANCES=$UTTERANCES CODINGS=$CODINGS RUNS=$RUNS"

source scripts/bench-lib.sh   # rt, measure, median, minimum, maximum, cast

# ---- setup ------------------------------------------------------------------------------------
DB="$WORK/panel.sqlite"
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
done
rt "$DB" code add Jono --description "Waiting, queues" >/dev/null
rt "$DB" code add Luottamus --description "Trust in the bank" >/dev/null
for (( c = 0; c < CODINGS; c++ )); do
    utterance="U-$(printf '%06d' $(( 1 + c * (UTTERANCES / (CODINGS > 0 ? CODINGS : 1)) )))"
    rt "$DB" code apply "$([[ $(( c % 2 )) -eq 0 ]] && echo Jono || echo Luottamus)" --utterance "$utterance" >/dev/null
done
echo "== setup: $SESSIONS sessions, $UTTERANCES utterances, $CODINGS codings in $(( $(date +%s) - started )) s;" \
    "workspace $(( $(stat -c %s "$DB") / 1000000 )) MB"

# ---- timed ------------------------------------------------------------------------------------
for (( r = 1; r <= RUNS; r++ )); do
    measure export "$BIN" export refi --panel bench -o "$WORK/project.qdpx" --db "$DB"
    grep -q "^wrote $SESSIONS sources, $CODINGS codings" "$WORK/export.out" \
        || { echo "bench: unexpected export report:" >&2; cat "$WORK/export.out" >&2; exit 1; }
    rm -f "$WORK/copy.sqlite"*
    measure import "$BIN" import refi "$WORK/project.qdpx" --as-panel copy --db "$WORK/copy.sqlite"
    grep -q "$SESSIONS sources, $UTTERANCES utterances, .* $CODINGS codings" "$WORK/import.out" \
        || { echo "bench: unexpected import report:" >&2; cat "$WORK/import.out" >&2; exit 1; }
done
echo "   project: $(( $(stat -c %s "$WORK/project.qdpx") / 1000 )) kB"
printf '\n   %-58s %8s %8s %8s\n' "command ($RUNS runs, whole process)" "median s" "min s" "RSS MB"
for name in export import; do
    label=$([[ $name == export ]] && echo "(a) export refi --panel bench" || echo "(b) import refi into an empty workspace")
    printf '   %-58s %8s %8s %8.1f\n' "$label" "$(median "${WALLS[$name]}")" "$(minimum "${WALLS[$name]}")" \
        "$(awk -v k="$(maximum "${RSSES[$name]}")" 'BEGIN { print k / 1024 }')"
done
echo "   load average now $(cut -d' ' -f1 /proc/loadavg)"
