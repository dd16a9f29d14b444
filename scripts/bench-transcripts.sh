#!/usr/bin/env bash
# Benchmark (not a test): a 100k-cue Teams WebVTT import, a 100k-utterance transcript exported and
# re-imported, and transcript search over 1M utterances, each as a whole process.
#
#   bash scripts/bench-transcripts.sh                                   # from the repository root
#   UTTERANCES=20000 SEARCH_UTTERANCES=200000 RUNS=5 bash scripts/bench-transcripts.sh
#   BIN=.build/release/roundtable bash scripts/bench-transcripts.sh     # skip the build
#   VTT_ONLY=1 bash scripts/bench-transcripts.sh                        # only the WebVTT import
#   REPEAT=5 bash scripts/bench-transcripts.sh                          # more pairs per target row (default 3)
#
# Builds release with its own scratch path (.build-bench, so it does not wait for or disturb other
# builds in .build) unless BIN is given, then, in a temporary folder removed on exit:
#   first, the WebVTT import: workspace V (the cast below, one session), a generated Teams-shaped
#                   WebVTT file of VTT_CUES cues (default 100,000; `--vtt-cues`), imported once
#                   under /usr/bin/time; checks "imported T utterances (from VTT_CUES cues, vtt)"
#                   with T the merged turns the generator counted; prints wall time, peak RSS
#                   against the 48 MB target, and cues/s. VTT_ONLY=1 stops after it.
#   setup, untimed in the sense that it is not part of the figures (its times are printed):
#     workspace X   a moderator and 8 participants (Nordic names, contact consent), two sessions
#                   with all 8 invited; the source session gets a generated plain-text transcript of
#                   UTTERANCES turns (scripts/bench-transcripts-generate.py) and CODINGS codings
#                   (`code apply`, one process each, spread over the transcript, half with spans)
#     workspace S   the same people, SEARCH_SESSIONS sessions whose transcripts add up to
#                   SEARCH_UTTERANCES turns (one `transcript import` per session)
#   targets, REPEAT interleaved pairs each, a ratio per pair, verdict the median ratio (min, max shown):
#     text import   `transcript import` of the UTTERANCES-turn source.txt into a fresh copy of a one-session
#                   workspace vs scripts/transcript-floor.py (Python sqlite3, same rows, FTS5 table and
#                   triggers) on the same file: target <= 1.0x, peak RSS <= 48 MB
#     WebVTT import the same with teams.vtt (VTT_CUES cues) and the floor's --format vtt: <= 1.0x, 48 MB
#     search        `transcript search app` on workspace S vs the same SELECT ... MATCH ... ORDER BY rank
#                   LIMIT 50 in the sqlite3 shell (installed with apt if missing): <= 1.0x
#     recent        `transcript search app --sort recent` vs `transcript search app` (relevance)
#   timed, RUNS rounds, interleaved (one of each per round), each command one process under
#   /usr/bin/time (wall seconds at 10 ms resolution, peak RSS):
#     (a) export transcript SRC -o out.xml                  (workspace X; checks "wrote N utterances")
#     (b) transcript import DST out.xml [--replace]         (workspace X; the first round imports into
#                                                           an empty session, later rounds replace;
#                                                           checks "imported N utterances with C codings")
#     (c) transcript search over workspace S, default limit (50):
#         common word "app", rare word "kuukkelikortti", "aijala" (only "Äijälä" is in the text),
#         two words "asiakaspalvelu jono", and "app" with --session (one session's transcript)
#     (d) roundtable --version                              (process start-up: the floor)
# Prints median and min wall seconds and the highest peak RSS per command, the XML size,
# utterances/s for (a) and (b), and the hits each search printed next to what the generator put in
# the text. A measurement, not a gate: exits 0 whatever the times, 1 only if a command fails (non-zero
# exit), the export or import reports another count than N, or the rare or folded word finds nothing.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
UTTERANCES="${UTTERANCES:-100000}"
SEARCH_UTTERANCES="${SEARCH_UTTERANCES:-1000000}"
SEARCH_SESSIONS="${SEARCH_SESSIONS:-10}"
RUNS="${RUNS:-3}"
REPEAT="${REPEAT:-3}"
CODINGS="${CODINGS:-200}"
SEED="${SEED:-20260105}"
VTT_CUES="${VTT_CUES:-100000}"
VTT_ONLY="${VTT_ONLY:-0}"
GEN="scripts/bench-transcripts-generate.py"

for var in UTTERANCES SEARCH_UTTERANCES SEARCH_SESSIONS RUNS REPEAT SEED VTT_CUES; do
    [[ "${!var}" =~ ^[1-9][0-9]*$ ]] || { echo "bench: $var must be a positive integer, not '${!var}'" >&2; exit 1; }
done
[[ "$CODINGS" =~ ^[0-9]+$ ]] || { echo "bench: CODINGS must be a whole number, not '$CODINGS'" >&2; exit 1; }
(( CODINGS <= UTTERANCES )) || { echo "bench: CODINGS ($CODINGS) must not exceed UTTERANCES ($UTTERANCES)" >&2; exit 1; }
(( SEARCH_SESSIONS <= SEARCH_UTTERANCES )) || { echo "bench: more SEARCH_SESSIONS than SEARCH_UTTERANCES" >&2; exit 1; }
[[ -f "$GEN" ]] || { echo "bench: no generator at $GEN (run from the repository)" >&2; exit 1; }

# ---- tools ------------------------------------------------------------------------------------
if [[ ! -x /usr/bin/time ]]; then
    echo "== installing time"
    apt-get update -qq && apt-get install -y -qq time >/dev/null
fi
command -v python3 >/dev/null 2>&1 || { echo "bench: python3 is needed for the generator" >&2; exit 1; }
if ! command -v sqlite3 >/dev/null 2>&1; then
    echo "== installing sqlite3 (the search floor)"
    apt-get update -qq && apt-get install -y -qq sqlite3 >/dev/null
fi

WORK="$(mktemp -d "${TMPDIR:-/tmp}/roundtable-bench-transcripts.XXXXXX")"
trap 'rm -rf "$WORK"' EXIT

if [[ -z "${BIN:-}" ]]; then
    echo "== swift build -c release --scratch-path .build-bench"
    build_started=$(date +%s)
    if ! swift build -c release --scratch-path .build-bench >"$WORK/build.log" 2>&1; then
        cat "$WORK/build.log" >&2
        echo "bench: release build failed" >&2
        exit 1
    fi
    tail -n 1 "$WORK/build.log"
    echo "   ($(( $(date +%s) - build_started )) s)"
    BIN="$(swift build -c release --scratch-path .build-bench --show-bin-path)/roundtable"
fi
[[ -x "$BIN" ]] || { echo "bench: no binary at $BIN" >&2; exit 1; }
BIN="$(cd "$(dirname "$BIN")" && pwd)/$(basename "$BIN")"
# Environment that would change what the program does is not inherited.
unset ROUNDTABLE_DB ROUNDTABLE_NOW

echo "binary: $BIN ($("$BIN" --version 2>/dev/null || echo '?'))"
if revision="$(git rev-parse --short HEAD 2>/dev/null)"; then
    [[ -z "$(git status --porcelain --untracked-files=no -- Sources Package.swift 2>/dev/null)" ]] \
        || revision+=" + uncommitted changes in Sources/"
    echo "source: $revision"
fi
echo "cores $(nproc); load average $(cut -d' ' -f1 /proc/loadavg); UTTERANCES=$UTTERANCES" \
    "SEARCH_UTTERANCES=$SEARCH_UTTERANCES in $SEARCH_SESSIONS sessions; RUNS=$RUNS; CODINGS=$CODINGS"

# ---- helpers ----------------------------------------------------------------------------------
export LC_NUMERIC=C
mb() { awk -v b="$1" 'BEGIN { printf "%.1f", b / 1e6 }'; }              # bytes -> MB
kb_mb() { awk -v k="$1" 'BEGIN { printf "%.1f", k / 1024 }'; }          # KB -> MiB (as RSS is usually read)
thousands() { sed -e ':a' -e 's/\B[0-9]\{3\}\>/,&/' -e 'ta' <<<"$1"; }
per_second() { awk -v n="$1" -v s="$2" 'BEGIN { if (s > 0) printf "%.0f", n / s; else printf "n/a" }'; }
elapsed() { awk -v a="$1" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }'; }
db_bytes() { local total=0 f; for f in "$1" "$1-wal"; do [[ -f "$f" ]] && total=$(( total + $(stat -c %s "$f") )); done; echo "$total"; }

source scripts/bench-lib.sh   # rt, measure, median, minimum, maximum, cast

# expect FILE PATTERN WHAT: stops the benchmark unless FILE has a line matching the extended regex.
expect() {
    if ! grep -Eq "$2" "$1"; then
        echo "bench: $3; it printed:" >&2
        cat "$1" "${1%.out}.err" >&2 2>/dev/null || true
        exit 1
    fi
}

# workspace DB SESSIONS: the moderator and participants of the generator's cast (contact consent
# given), then SESSIONS sessions on separate future days, each with all participants invited.
# Leaves the session keys in SESSION_KEYS.
workspace() {
    local db="$1" sessions="$2" key i day
    cast "$db"
    SESSION_KEYS=()
    for (( i = 1; i <= sessions; i++ )); do
        day="$(date -u -d "+$(( 30 + i )) days" +%Y-%m-%d)"
        key="$(rt "$db" session schedule --title "Pankkipalvelut ja asiakaspalvelu $i" --start "${day}T07:00:00Z" \
            --duration 2h --moderator "$MODERATOR" --capacity "${#PEOPLE[@]}")"
        # Cool-down off: the same eight people sit in every session of the benchmark.
        rt "$db" session invite "$key" "${PEOPLE[@]}" --cooldown 0 >/dev/null
        SESSION_KEYS+=("$key")
    done
    CAST="1 moderator ($MODERATOR), ${#PEOPLE[@]} participants (${PEOPLE[0]}..${PEOPLE[${#PEOPLE[@]}-1]})"
}

# ---- Teams WebVTT import ----------------------------------------------------------------------
DBV="$WORK/v.sqlite"
echo
echo "== WebVTT: a $(thousands "$VTT_CUES")-cue Teams transcript imported"
workspace "$DBV" 1
python3 "$GEN" "$WORK/teams.vtt" --vtt-cues "$VTT_CUES" --seed "$SEED" --stats "$WORK/teams.json"
VTT_TURNS=$(python3 -c 'import json, sys; print(json.load(open(sys.argv[1]))["turns"])' "$WORK/teams.json")
echo "   generated teams.vtt: $(mb "$(stat -c %s "$WORK/teams.vtt")") MB, $(thousands "$VTT_CUES") cues in" \
    "$(thousands "$VTT_TURNS") turns; $CAST"
measure vtt-import "$BIN" transcript import "${SESSION_KEYS[0]}" "$WORK/teams.vtt" --db "$DBV"
expect "$WORK/vtt-import.out" "^imported $VTT_TURNS utterances \(from $VTT_CUES cues, vtt\) into ${SESSION_KEYS[0]}: " \
    "the WebVTT import did not report $VTT_TURNS utterances from $VTT_CUES cues"
VTT_VERDICT="within"
(( LAST_RSS <= 48 * 1024 )) || VTT_VERDICT="OVER"
echo "   $(cat "$WORK/vtt-import.out")"
echo "   wall $LAST_WALL s ($(per_second "$VTT_CUES" "$LAST_WALL") cues/s), peak RSS $(kb_mb "$LAST_RSS") MB" \
    "($VTT_VERDICT the 48 MB target); workspace $(mb "$(db_bytes "$DBV")") MB"
if [[ -s "$WORK/vtt-import.err" ]]; then
    echo "   (it warned $(wc -l <"$WORK/vtt-import.err") times; first: $(head -n 1 "$WORK/vtt-import.err"))"
fi
[[ $VTT_ONLY == 1 ]] && exit 0

# ---- setup: workspace X (export / import) ------------------------------------------------------
DBX="$WORK/x.sqlite"
echo
echo "== setup: workspace X, $(thousands "$UTTERANCES")-utterance transcript with $CODINGS codings"
setup_started=$(date +%s.%N)
workspace "$DBX" 2
SRC="${SESSION_KEYS[0]}"
DST="${SESSION_KEYS[1]}"
echo "   $CAST; source $SRC, target $DST"
python3 "$GEN" "$WORK/source.txt" --turns "$UTTERANCES" --seed "$SEED" --stats "$WORK/source.json"
echo "   generated source.txt: $(mb "$(stat -c %s "$WORK/source.txt")") MB"
measure setup-text-import "$BIN" transcript import "$SRC" "$WORK/source.txt" --db "$DBX"
expect "$WORK/setup-text-import.out" "^imported $UTTERANCES utterances into $SRC: " \
    "the plain-text import did not report $UTTERANCES utterances"
echo "   plain-text import: $LAST_WALL s, peak RSS $(kb_mb "$LAST_RSS") MB: $(cat "$WORK/setup-text-import.out")"
if [[ -s "$WORK/setup-text-import.err" ]]; then
    echo "   (it warned $(wc -l <"$WORK/setup-text-import.err") times; first: $(head -n 1 "$WORK/setup-text-import.err"))"
fi

if (( CODINGS > 0 )); then
    codings_started=$(date +%s.%N)
    rt "$DBX" code add Kirjautuminen --description "Logging in, identification" >/dev/null
    rt "$DBX" code add BankID --parent Kirjautuminen >/dev/null
    rt "$DBX" code add Jono --description "Waiting, queues" >/dev/null
    rt "$DBX" code add Avgift --description "Fees, interest, charges" >/dev/null
    rt "$DBX" code add Luottamus --description "Trust in the bank" >/dev/null
    rt "$DBX" code add Rådgiver --description "Wants a person, an adviser" >/dev/null
    rt "$DBX" transcript show "$SRC" --format json >"$WORK/source-show.json"
    # CODE<TAB>UTTERANCE<TAB>FROM<TAB>TO, FROM and TO empty for a whole utterance; spans are the
    # first sentence, counted in Unicode scalars (Python str indices on NFC text).
    python3 - "$WORK/source-show.json" "$CODINGS" >"$WORK/codings.tsv" <<'PY'
import json
import sys

utterances = json.load(open(sys.argv[1], encoding="utf-8"))["utterances"]
wanted = int(sys.argv[2])
codes = ["Kirjautuminen/BankID", "Jono", "Avgift", "Luottamus", "Rådgiver", "Kirjautuminen"]
step = len(utterances) / wanted
for i in range(wanted):
    u = utterances[int(i * step)]
    code = codes[i % len(codes)]
    if i % 2:
        print(f"{code}\t{u['key']}\t\t")
    else:
        end = u["text"].find(".")
        end = len(u["text"]) if end < 0 else end + 1
        print(f"{code}\t{u['key']}\t0\t{end}")
PY
    while IFS=$'\t' read -r code utterance from to; do
        if [[ -n $from ]]; then
            rt "$DBX" code apply "$code" --utterance "$utterance" --from "$from" --to "$to" >/dev/null
        else
            rt "$DBX" code apply "$code" --utterance "$utterance" >/dev/null
        fi
    done <"$WORK/codings.tsv"
    echo "   $CODINGS codings with 6 codes: $(elapsed "$codings_started") s ($CODINGS processes)"
fi
echo "   workspace X: $(mb "$(db_bytes "$DBX")") MB; setup $(elapsed "$setup_started") s"

# ---- setup: workspace S (search) ---------------------------------------------------------------
DBS="$WORK/s.sqlite"
echo
echo "== setup: workspace S, $(thousands "$SEARCH_UTTERANCES") utterances in $SEARCH_SESSIONS sessions"
setup_started=$(date +%s.%N)
workspace "$DBS" "$SEARCH_SESSIONS"
echo "   $CAST; sessions ${SESSION_KEYS[0]}..${SESSION_KEYS[${#SESSION_KEYS[@]}-1]}"
per_session=$(( SEARCH_UTTERANCES / SEARCH_SESSIONS ))
extra=$(( SEARCH_UTTERANCES % SEARCH_SESSIONS ))
gen_total=0 import_total=0 import_min="" import_max="" import_rss=0
for (( i = 0; i < SEARCH_SESSIONS; i++ )); do
    turns=$(( per_session + (i < extra ? 1 : 0) ))
    key="${SESSION_KEYS[$i]}"
    started=$(date +%s.%N)
    python3 "$GEN" "$WORK/search.txt" --turns "$turns" --seed "$(( SEED + 1 + i ))" --stats "$WORK/search-$i.json"
    gen_total=$(awk -v a="$gen_total" -v b="$(elapsed "$started")" 'BEGIN { print a + b }')
    measure "setup-search-import-$i" "$BIN" transcript import "$key" "$WORK/search.txt" --db "$DBS"
    expect "$WORK/setup-search-import-$i.out" "^imported $turns utterances into $key: " \
        "the import into $key did not report $turns utterances"
    printf '   %s: %s utterances imported in %5.2f s, peak RSS %s MB\n' "$key" "$(thousands "$turns")" "$LAST_WALL" \
        "$(kb_mb "$LAST_RSS")"
    import_total=$(awk -v a="$import_total" -v b="$LAST_WALL" 'BEGIN { print a + b }')
    (( LAST_RSS > import_rss )) && import_rss=$LAST_RSS
    rm -f "$WORK/search.txt"
done
echo "   generator $(printf '%.1f' "$gen_total") s, imports $(printf '%.1f' "$import_total") s" \
    "($(per_second "$SEARCH_UTTERANCES" "$import_total") utterances/s, peak RSS $(kb_mb "$import_rss") MB);" \
    "setup $(elapsed "$setup_started") s in all"
SEARCH_DB_BYTES=$(db_bytes "$DBS")
echo "   workspace S: $(mb "$SEARCH_DB_BYTES") MB ($(awk -v b="$SEARCH_DB_BYTES" -v n="$SEARCH_UTTERANCES" \
    'BEGIN { printf "%.0f", b / n }') bytes per utterance)"

# What the generator put in the text: utterances containing each searched word, in all of S and in
# the session searched alone.
ONE=$(( (SEARCH_SESSIONS - 1) / 2 ))
ONE_KEY="${SESSION_KEYS[$ONE]}"
declare -A EXPECTED
while IFS=$'\t' read -r word n; do EXPECTED[$word]=$n; done < <(python3 - "$WORK" "$SEARCH_SESSIONS" "$ONE" <<'PY'
import json
import sys

work, sessions, one = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
totals = {}
for i in range(sessions):
    counts = json.load(open(f"{work}/search-{i}.json", encoding="utf-8"))["utterances_containing"]
    for word, n in counts.items():
        totals[word] = totals.get(word, 0) + n
        if i == one:
            totals["session:" + word] = n
for word, n in totals.items():
    print(f"{word}\t{n}")
PY
)

# ---- targets: imports vs the Python floor, search vs the sqlite3 shell, --sort recent ----------
# Each row: the program and its floor as whole processes, in interleaved pairs, REPEAT times; the
# verdict is the median of the per-pair ratios (lowest and highest printed as the spread).
LIMIT=50
# The newest of workspace S's sessions, which --sort recent must list first; the template
# workspace below makes its own session keys.
NEWEST="${SESSION_KEYS[${#SESSION_KEYS[@]}-1]}"
SEARCH_KEYS=("${SESSION_KEYS[@]}")
TEMPLATE="$WORK/template.sqlite"
workspace "$TEMPLATE" 1
TEMPLATE_KEY="${SESSION_KEYS[0]}"
SESSION_KEYS=("${SEARCH_KEYS[@]}")
python3 "$GEN" --cast >"$WORK/cast.tsv"
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else printf "n/a" }'; }
# measure_fine NAME CMD...: as measure, but the wall time in milliseconds from the clock (searches
# take tens of milliseconds, below /usr/bin/time's 10 ms resolution); peak RSS from /usr/bin/time.
measure_fine() {
    local name="$1" started ended earlier="${WALLS[$1]:-}"; shift
    started=$(date +%s%N)
    measure "$name" "$@"
    ended=$(date +%s%N)
    LAST_WALL=$(awk -v a="$started" -v b="$ended" 'BEGIN { printf "%.4f", (b - a) / 1e9 }')
    WALLS[$name]="${earlier:+$earlier }$LAST_WALL"
}
declare -A TARGET_RATIOS
# pair_ratio ROW: appends LAST program wall / floor wall to TARGET_RATIOS[ROW]; the caller sets PROGRAM_WALL, FLOOR_WALL.
pair_ratio() { TARGET_RATIOS[$1]+="${TARGET_RATIOS[$1]:+ }$(ratio "$PROGRAM_WALL" "$FLOOR_WALL")"; }

echo
echo "== targets: $REPEAT interleaved pairs each (program, floor)"
for (( run = 1; run <= REPEAT; run++ )); do
    # text import of the source transcript into a fresh workspace vs the floor script on the same file
    cp "$TEMPLATE" "$WORK/t-text.sqlite"
    measure t-text "$BIN" transcript import "$TEMPLATE_KEY" "$WORK/source.txt" --db "$WORK/t-text.sqlite"
    expect "$WORK/t-text.out" "^imported $UTTERANCES utterances into $TEMPLATE_KEY: " "the target text import miscounted"
    PROGRAM_WALL=$LAST_WALL
    measure f-text python3 scripts/transcript-floor.py "$WORK/f-text.sqlite" "$WORK/source.txt" --cast "$WORK/cast.tsv"
    expect "$WORK/f-text.out" "^floor: $UTTERANCES turns " "the floor script miscounted the text transcript"
    FLOOR_WALL=$LAST_WALL
    pair_ratio text
    rm -f "$WORK"/t-text.sqlite* "$WORK"/f-text.sqlite*

    cp "$TEMPLATE" "$WORK/t-vtt.sqlite"
    measure t-vtt "$BIN" transcript import "$TEMPLATE_KEY" "$WORK/teams.vtt" --db "$WORK/t-vtt.sqlite"
    expect "$WORK/t-vtt.out" "^imported $VTT_TURNS utterances \(from $VTT_CUES cues, vtt\)" "the target WebVTT import miscounted"
    PROGRAM_WALL=$LAST_WALL
    measure f-vtt python3 scripts/transcript-floor.py "$WORK/f-vtt.sqlite" "$WORK/teams.vtt" --format vtt --cast "$WORK/cast.tsv"
    expect "$WORK/f-vtt.out" "^floor: $VTT_TURNS turns from $VTT_CUES cues" "the floor script miscounted the WebVTT cues"
    FLOOR_WALL=$LAST_WALL
    pair_ratio vtt
    rm -f "$WORK"/t-vtt.sqlite* "$WORK"/f-vtt.sqlite*

    # search: the program vs the same MATCH ... ORDER BY rank LIMIT in the sqlite3 shell
    measure_fine t-search "$BIN" transcript search app --db "$DBS"
    PROGRAM_WALL=$LAST_WALL
    measure_fine f-search sqlite3 "$DBS" "SELECT u.*, s.title, s.startsAt FROM utteranceSearch
        JOIN utterance u ON u.id = utteranceSearch.rowid JOIN session s ON s.id = u.sessionId
        WHERE utteranceSearch MATCH '\"app\"' ORDER BY rank, s.startsAt, s.id, u.sequence LIMIT $LIMIT"
    FLOOR_WALL=$LAST_WALL
    pair_ratio search

    # --sort recent vs relevance, the common word
    measure_fine t-recent "$BIN" transcript search app --sort recent --db "$DBS"
    PROGRAM_WALL=$LAST_WALL
    measure_fine f-relevance "$BIN" transcript search app --db "$DBS"
    FLOOR_WALL=$LAST_WALL
    pair_ratio recent
done
recent_hits=$(grep -c '^S-[0-9]' "$WORK/t-recent.out" || true)
[[ $recent_hits -eq $LIMIT ]] || echo "   note: --sort recent printed $recent_hits hits, not $LIMIT"
[[ "$(grep -m 1 '^S-[0-9]' "$WORK/t-recent.out" | cut -d' ' -f1)" == "$NEWEST" ]] \
    || echo "   note: --sort recent did not start with the newest session $NEWEST"

# target_row LABEL ROW PROGRAM FLOOR TARGET RSS_LIMIT_MB (0: none)
target_row() {
    local label="$1" row="$2" program="$3" floor="$4" target="$5" rss_limit="$6" ratios median_ratio verdict rss rss_note=""
    ratios="${TARGET_RATIOS[$row]}"
    median_ratio=$(median "$ratios")
    verdict=$(awk -v r="$median_ratio" -v t="$target" 'BEGIN { print (r <= t ? "within" : "OVER") }')
    rss=$(kb_mb "$(maximum "${RSSES[$program]}")")
    if (( rss_limit > 0 )); then
        rss_note=$(awk -v r="$rss" -v l="$rss_limit" 'BEGIN { print (r <= l ? "within" : "OVER") }')
        rss_note=" ($rss_note $rss_limit MB)"
    fi
    printf '   %-52s %7s %7s %6.2fx %6s %6s  %-6s <= %sx  %s MB%s\n' "$label" "$(median "${WALLS[$program]}")" \
        "$(median "${WALLS[$floor]}")" "$median_ratio" "$(minimum "$ratios")" "$(maximum "$ratios")" "$verdict" "$target" \
        "$rss" "$rss_note"
}
echo
echo "== targets (REPEAT=$REPEAT; wall s medians; ratio = median of the per-pair ratios, then the lowest and highest)"
printf '   %-52s %7s %7s %7s %6s %6s  %-14s  %s\n' "row" "program" "floor" "ratio" "min" "max" "verdict" "peak RSS"
target_row "text import, $(thousands "$UTTERANCES") turns vs transcript-floor.py" text t-text f-text 1.0 48
target_row "WebVTT import, $(thousands "$VTT_CUES") cues vs transcript-floor.py" vtt t-vtt f-vtt 1.0 48
target_row "search app vs sqlite3 shell (same SQL)" search t-search f-search 1.0 0
target_row "search app --sort recent vs relevance" recent t-recent f-relevance 1.0 0

# ---- timed rounds -----------------------------------------------------------------------------
# label<TAB>expected-key<TAB>must-find (1: zero hits is a failure)<TAB>arguments after "transcript search"
SEARCHES=(
    $'common\tapp\t0\tapp'
    $'rare\tkuukkelikortti\t1\tkuukkelikortti'
    $'folded\taijala\t1\taijala'
    $'two words\tasiakaspalvelu jono\t0\tasiakaspalvelu jono'
    $'--session\tsession:app\t0\tapp --session '"$ONE_KEY"
)
LIMIT=50
OUT_XML="$WORK/out.xml"
declare -A HITS
echo
echo "== timing: $RUNS rounds, each of (a) (b) (c1-c${#SEARCHES[@]}) (d) once per round"
for (( run = 1; run <= RUNS; run++ )); do
    measure export "$BIN" export transcript "$SRC" -o "$OUT_XML" --db "$DBX"
    expect "$WORK/export.out" "^wrote $UTTERANCES utterances of $SRC to " "the export did not report $UTTERANCES utterances"

    replace=()
    (( run > 1 )) && replace=(--replace)
    measure import "$BIN" transcript import "$DST" "$OUT_XML" "${replace[@]}" --db "$DBX"
    expect "$WORK/import.out" "^imported $UTTERANCES utterances with $CODINGS codings( \\([0-9]+ new codes\\))? into $DST: " \
        "the import did not report $UTTERANCES utterances with $CODINGS codings"
    [[ $run -eq 1 ]] && cp "$WORK/import.out" "$WORK/import-first.out" && cp "$WORK/import.err" "$WORK/import-first.err"

    for (( q = 0; q < ${#SEARCHES[@]}; q++ )); do
        IFS=$'\t' read -r label expected must words <<<"${SEARCHES[$q]}"
        read -r -a argv <<<"$words"
        measure "search$q" "$BIN" transcript search "${argv[@]}" --db "$DBS"
        hits=$(grep -c '^S-[0-9]' "$WORK/search$q.out" || true)
        HITS[$q]=$hits
        if [[ $must == 1 && $hits -eq 0 ]]; then
            echo "bench: 'transcript search $words' found nothing; the text has ${EXPECTED[$expected]:-?} such utterances" >&2
            cat "$WORK/search$q.out" "$WORK/search$q.err" >&2
            exit 1
        fi
    done

    measure version "$BIN" --version
    printf '   round %d: export %s s, import %s s%s, searches' "$run" "${WALLS[export]##* }" "${WALLS[import]##* }" \
        "$([[ $run -gt 1 ]] && echo ' (--replace)')"
    for (( q = 0; q < ${#SEARCHES[@]}; q++ )); do w="${WALLS[search$q]}"; printf ' %s' "${w##* }"; done
    printf ' s, --version %s s\n' "${WALLS[version]##* }"
done
XML_BYTES=$(stat -c %s "$OUT_XML")

echo
echo "   import (first round, into the empty $DST): $(cat "$WORK/import-first.out")"
if [[ -s "$WORK/import-first.err" ]]; then
    echo "   it warned $(wc -l <"$WORK/import-first.err") times; first: $(head -n 1 "$WORK/import-first.err")"
fi
echo "   search hits printed (limit $LIMIT) vs utterances in the text containing every word:"
mismatch=0
for (( q = 0; q < ${#SEARCHES[@]}; q++ )); do
    IFS=$'\t' read -r label expected must words <<<"${SEARCHES[$q]}"
    in_text="${EXPECTED[$expected]:-?}"
    note=""
    if [[ $in_text != "?" ]]; then
        want=$(( in_text < LIMIT ? in_text : LIMIT ))
        [[ ${HITS[$q]} -eq $want ]] || { note="   <- expected $want"; mismatch=1; }
        in_text=$(thousands "$in_text")
    fi
    printf '     %-40s %3s hits   (%s in the text)%s\n' "$words" "${HITS[$q]}" "$in_text" "$note"
done
echo "   a rare-word hit: $(grep -m 1 '^S-[0-9]' "$WORK/search1.out" | tr -s ' ' | cut -c1-150)"

# ---- summary ----------------------------------------------------------------------------------
echo
echo "== summary: $RUNS runs each, whole process, wall s (median, min), highest peak RSS"
printf '   %-56s %8s %8s %9s   %s\n' "command" "median" "min" "RSS MB" "notes"
row() {
    local label="$1" name="$2" notes="${3:-}"
    printf '   %-56s %8s %8.2f %9s   %s\n' "$label" "$(median "${WALLS[$name]}")" "$(minimum "${WALLS[$name]}")" \
        "$(kb_mb "$(maximum "${RSSES[$name]}")")" "$notes"
}
row "(a) export transcript ($(thousands "$UTTERANCES") utt.)" export \
    "$(per_second "$UTTERANCES" "$(median "${WALLS[export]}")") utt/s; XML $(mb "$XML_BYTES") MB; runs ${WALLS[export]}"
row "(b) transcript import XML ($(thousands "$UTTERANCES") utt., $CODINGS codings)" import \
    "$(per_second "$UTTERANCES" "$(median "${WALLS[import]}")") utt/s; runs ${WALLS[import]} (1st into empty, then --replace)"
for (( q = 0; q < ${#SEARCHES[@]}; q++ )); do
    IFS=$'\t' read -r label expected must words <<<"${SEARCHES[$q]}"
    row "(c$((q + 1))) search $words" "search$q" "$label; ${HITS[$q]} hits; runs ${WALLS[search$q]}"
done
row "(d) roundtable --version (start-up floor)" version "runs ${WALLS[version]}"
row "(e) transcript import Teams WebVTT ($(thousands "$VTT_CUES") cues)" vtt-import \
    "$(per_second "$VTT_CUES" "${WALLS[vtt-import]}") cues/s; $(thousands "$VTT_TURNS") utterances; one run; $VTT_VERDICT 48 MB"
echo
echo "   search workspace: $(thousands "$SEARCH_UTTERANCES") utterances in $SEARCH_SESSIONS sessions," \
    "$(mb "$SEARCH_DB_BYTES") MB; plain-text import of $(thousands "$UTTERANCES") utterances (setup):" \
    "${WALLS[setup-text-import]} s"
[[ $mismatch -eq 0 ]] || echo "   note: some searches printed another number of hits than the text suggests (see above)"
echo "   load average now $(cut -d' ' -f1 /proc/loadavg)"
exit 0
