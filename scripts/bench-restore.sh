#!/usr/bin/env bash
# Workspace restore benchmark (issue 14): `import workspace BACKUP --db NEW` of a big backup
# against libxml2's own validating streaming parse of the same file as the floor.
#
#   setup (untimed for the verdict): a seed workspace made with the CLI (the transcript
#   generator's cast, SESSIONS sessions with all eight invited, a 20-turn transcript each, six
#   codes, one coding), exported with `export workspace`; `scripts/bench-workspace-generate.py`
#   then replaces its utterances and codings with UTTERANCES generated turns over the seed's
#   sessions and one coding per 20 utterances.
#   REPEAT (3) interleaved pairs of
#     floor:   xmllint --stream --noout --schema roundtable-1.xsd BACKUP
#     restore: roundtable import workspace BACKUP --db fresh.sqlite   (a new file each time)
#   Verdict: the median of the per-pair ratios (restore ÷ floor) with the lowest and highest;
#   user/system CPU time; peak RSS against 64 MB. Target: ≤ 3×, ≤ 64 MB.
#
# A measurement, not a gate: exits 0 whatever the times, 1 only if a command fails or the
# restore reports other counts than the generator wrote. BIN=path skips the build.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
UTTERANCES="${UTTERANCES:-1000000}"
SESSIONS="${SESSIONS:-10}"
REPEAT="${REPEAT:-3}"
TGEN="scripts/bench-transcripts-generate.py"
WGEN="scripts/bench-workspace-generate.py"
XSD="Sources/RoundtableXML/Resources/roundtable-1.xsd"
RSS_LIMIT_MB=64

for var in UTTERANCES SESSIONS REPEAT; do
    [[ "${!var}" =~ ^[1-9][0-9]*$ ]] || { echo "bench: $var must be a positive integer, not '${!var}'" >&2; exit 1; }
done

if [[ ! -x /usr/bin/time ]]; then
    echo "== installing time"
    apt-get update -qq && apt-get install -y -qq time >/dev/null
fi
if ! command -v xmllint >/dev/null 2>&1; then
    echo "== installing libxml2-utils (xmllint)"
    apt-get update -qq && apt-get install -y -qq libxml2-utils >/dev/null
fi
command -v python3 >/dev/null 2>&1 || { echo "bench: python3 is needed for the generator" >&2; exit 1; }

WORK="$(mktemp -d "${TMPDIR:-/tmp}/roundtable-bench-restore.XXXXXX")"
[[ ${KEEP_WORK:-0} == 1 ]] || trap 'rm -rf "$WORK"' EXIT   # KEEP_WORK=1 keeps the backup and logs

if [[ -z "${BIN:-}" ]]; then
    echo "== swift build -c release --build-path .build-bench"
    if ! swift build -c release --build-path .build-bench >"$WORK/build.log" 2>&1; then
        cat "$WORK/build.log" >&2
        echo "bench: release build failed" >&2
        exit 1
    fi
    BIN="$(swift build -c release --build-path .build-bench --show-bin-path)/roundtable"
fi
[[ -x "$BIN" ]] || { echo "bench: no binary at $BIN" >&2; exit 1; }
BIN="$(cd "$(dirname "$BIN")" && pwd)/$(basename "$BIN")"
unset ROUNDTABLE_DB ROUNDTABLE_NOW

echo "binary: $BIN"
if revision="$(git rev-parse --short HEAD 2>/dev/null)"; then
    [[ -z "$(git status --porcelain --untracked-files=no -- Sources Package.swift 2>/dev/null)" ]] \
        || revision+=" + uncommitted changes in Sources/"
    echo "source: $revision"
fi
echo "date $(date -u +%Y-%m-%dT%H:%MZ); cores $(nproc); load average $(cut -d' ' -f1 /proc/loadavg);" \
    "UTTERANCES=$UTTERANCES SESSIONS=$SESSIONS REPEAT=$REPEAT"

export LC_NUMERIC=C
GEN="$TGEN"
source scripts/bench-lib.sh   # rt, median, minimum, maximum, cast
kb_mb() { awk -v k="$1" 'BEGIN { printf "%.1f", k / 1024 }'; }

# timed NAME CMD...: one run under /usr/bin/time; appends wall, user, sys and RSS to the lists.
declare -A WALL USER SYS RSS
timed() {
    local name="$1"; shift
    local status=0
    /usr/bin/time -f '%e %U %S %M' -o "$WORK/$name.time" "$@" </dev/null >"$WORK/$name.out" 2>"$WORK/$name.err" || status=$?
    if [[ $status -ne 0 ]]; then
        echo "bench: $name failed (exit $status): $*" >&2
        tail -n 20 "$WORK/$name.out" "$WORK/$name.err" >&2
        exit 1
    fi
    local w u s m
    read -r w u s m < <(tail -n 1 "$WORK/$name.time")
    WALL[$name]+="${WALL[$name]:+ }$w"; USER[$name]+="${USER[$name]:+ }$u"
    SYS[$name]+="${SYS[$name]:+ }$s"; RSS[$name]+="${RSS[$name]:+ }$m"
    LAST_WALL=$w
}

# ---- setup: seed workspace, exported, inflated ----------------------------------------------
SEED_DB="$WORK/seed.sqlite"
cast "$SEED_DB"
for (( i = 1; i <= SESSIONS; i++ )); do
    day="$(date -u -d "+$(( 30 + i )) days" +%Y-%m-%d)"
    key="$(rt "$SEED_DB" session schedule --title "Pankkipalvelut $i" --start "${day}T07:00:00Z" \
        --duration 2h --moderator "$MODERATOR" --capacity "${#PEOPLE[@]}")"
    rt "$SEED_DB" session invite "$key" "${PEOPLE[@]}" --cooldown 0 >/dev/null
    python3 "$TGEN" "$WORK/seed.txt" --turns 20 --seed "$i"
    rt "$SEED_DB" transcript import "$key" "$WORK/seed.txt" >/dev/null
    [[ $i == 1 ]] && FIRST="$key"
done
for code in Kirjautuminen Jono Avgift Luottamus Rådgiver Gebyr; do rt "$SEED_DB" code add "$code" >/dev/null; done
first_utterance="$("$BIN" transcript show "$FIRST" --format json --db "$SEED_DB" \
    | python3 -c 'import json, sys; print(json.load(sys.stdin)["utterances"][0]["key"])')"
rt "$SEED_DB" code apply Jono --utterance "$first_utterance" >/dev/null
rt "$SEED_DB" export workspace -o "$WORK/seed.xml" >/dev/null
BACKUP="$WORK/backup.xml"
started=$(date +%s)
python3 "$WGEN" "$WORK/seed.xml" "$BACKUP" --utterances "$UTTERANCES" >"$WORK/gen.json"
read -r WANT_UTTERANCES WANT_CODINGS BYTES < <(python3 -c \
    'import json, sys; d = json.load(open(sys.argv[1])); print(d["utterances"], d["codings"], d["bytes"])' "$WORK/gen.json")
echo "backup: $UTTERANCES utterances in $SESSIONS sessions, $WANT_CODINGS codings," \
    "$(awk -v b="$BYTES" 'BEGIN { printf "%.0f", b / 1e6 }') MB (generated in $(( $(date +%s) - started )) s)"

# ---- interleaved pairs ----------------------------------------------------------------------
RATIOS=()
for (( r = 1; r <= REPEAT; r++ )); do
    timed floor xmllint --stream --noout --schema "$XSD" "$BACKUP"
    floor=$LAST_WALL
    rm -f "$WORK/fresh.sqlite" "$WORK/fresh.sqlite-wal" "$WORK/fresh.sqlite-shm"
    timed restore "$BIN" import workspace "$BACKUP" --db "$WORK/fresh.sqlite"
    grep -Eq "^with (.*, )?$WANT_UTTERANCES utterances, $WANT_CODINGS codings(,|$)" "$WORK/restore.out" || {
        echo "bench: the restore did not report $WANT_UTTERANCES utterances and $WANT_CODINGS codings:" >&2
        cat "$WORK/restore.out" >&2; exit 1; }
    ratio=$(awk -v a="$LAST_WALL" -v b="$floor" 'BEGIN { printf "%.2f", a / b }')
    RATIOS+=("$ratio")
    echo "   pair $r: floor $floor s, restore $LAST_WALL s, ratio $ratio"
done

echo
echo "| command | median wall | user | sys | peak RSS |"
echo "|---|---|---|---|---|"
for name in floor restore; do
    echo "| $name | $(median "${WALL[$name]}") s | $(median "${USER[$name]}") s | $(median "${SYS[$name]}") s" \
        "| $(kb_mb "$(maximum "${RSS[$name]}")") MiB |"
done
all="${RATIOS[*]}"
peak=$(kb_mb "$(maximum "${RSS[restore]}")")
echo
echo "restore ÷ floor: $(median "$all")× (lowest $(minimum "$all"), highest $(maximum "$all"); runs: $all); target ≤ 3×"
echo "restore peak RSS: $peak MiB; limit $RSS_LIMIT_MB MB"
echo "restore said: $(head -n 2 "$WORK/restore.out" | tr '\n' ' ')"
