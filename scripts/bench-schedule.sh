#!/usr/bin/env bash
# Benchmark (not a test): times `session list --upcoming`, a conflict-checked `session schedule` and
# `participant list --search` as whole processes against a workspace with 300k participants and 20k
# sessions.
#
#   bash scripts/bench-schedule.sh            # from the repository root
#   RUNS=50 TARGET_MS=100 PARTICIPANTS=100000 bash scripts/bench-schedule.sh
#   BIN=.build-bench/release/roundtable bash scripts/bench-schedule.sh    # skip the build
#
# Builds release unless BIN is given (default .build; waits for the SwiftPM lock if another build is running), fills a
# fresh workspace in a temporary folder with scripts/bench-generate.py, then times RUNS runs each of
#   (a) session list --upcoming --limit 50
#   (b) session schedule that succeeds (busy moderator, busy room, a fresh free evening slot each run)
#   (c) session schedule refused because the moderator is already booked (exit 65)
#   (d) participant list --search NAME for one person's full name (a handful of matches)
#   (e) participant list --search SURNAME --limit 50 (a common surname, thousands of matches)
#   (f) participant list --search TEXT that nobody's name or e-mail contains
#   (g) roundtable --version (process start-up only: the floor)
# interleaved round by round, wall clock per process (time.perf_counter around subprocess.run).
# Before the timing, one search brings the participant search index up to date (the first search
# after an import that added many people does that once); its time is printed. Prints median, p90
# and min in ms, the ratio to the start-up floor, and PASS/FAIL for (a), (b), (d), (e) and (f)
# against TARGET_MS (50) on the median. Exits 1 if a command misbehaves or a verdict is FAIL.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
RUNS="${RUNS:-20}"
WARMUP="${WARMUP:-2}"
TARGET_MS="${TARGET_MS:-50}"
PARTICIPANTS="${PARTICIPANTS:-300000}"
SESSIONS="${SESSIONS:-20000}"

WORK="$(mktemp -d "${TMPDIR:-/tmp}/roundtable-bench.XXXXXX")"
trap 'rm -rf "$WORK"' EXIT

if [[ -z "${BIN:-}" ]]; then
    echo "== swift build -c release (a wait for the .build lock is normal while another build runs)"
    build_started=$(date +%s)
    if ! swift build -c release >"$WORK/build.log" 2>&1; then
        cat "$WORK/build.log" >&2
        echo "bench: release build failed" >&2
        exit 1
    fi
    tail -n 1 "$WORK/build.log"
    echo "   ($(( $(date +%s) - build_started )) s including any lock wait)"
    BIN="$(swift build -c release --show-bin-path)/roundtable"
fi
[[ -x "$BIN" ]] || { echo "bench: no binary at $BIN" >&2; exit 1; }

DB="$WORK/bench.sqlite"
echo "== generating workspace $DB"
# Only a writing command creates a workspace; a code leaves the tables the generator fills empty.
"$BIN" code add Bench --db "$DB" >/dev/null
python3 scripts/bench-generate.py "$DB" --participants "$PARTICIPANTS" --sessions "$SESSIONS"

echo "== timing (${RUNS} runs each, ${WARMUP} warm-up, interleaved)"
python3 - "$BIN" "$DB" "$RUNS" "$WARMUP" "$TARGET_MS" <<'PY'
import datetime as dt
import math
import os
import sqlite3
import statistics
import subprocess
import sys
import time

BIN, DB, RUNS, WARMUP, TARGET = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4]), float(sys.argv[5])
env = {k: v for k, v in os.environ.items() if k not in ("ROUNDTABLE_NOW", "ROUNDTABLE_DB")}


def db_now(offset=dt.timedelta()):
    """Now as GRDB stores dates: UTC 'YYYY-MM-DD HH:MM:SS.SSS'."""
    t = dt.datetime.now(dt.timezone.utc) + offset
    return t.strftime("%Y-%m-%d %H:%M:%S.") + f"{t.microsecond // 1000:03d}"


# ---- the workspace, and the people and places the commands use -------------------------------
con = sqlite3.connect(DB)
count = lambda sql, *a: con.execute(sql, a).fetchone()[0]
participants = count("SELECT COUNT(*) FROM participant")
sessions = count("SELECT COUNT(*) FROM session")
upcoming = count("SELECT COUNT(*) FROM session WHERE endsAt > ? AND status IN ('draft','scheduled','in-progress')",
                 db_now())
seats = count("SELECT COUNT(*) FROM seat")
moderators = count("SELECT COUNT(*) FROM moderator")
busy_id, busy_sessions = con.execute("""
    SELECT sm.moderatorId, COUNT(*) FROM sessionModerator sm JOIN session s ON s.id = sm.sessionId
    WHERE s.status <> 'cancelled' GROUP BY sm.moderatorId ORDER BY COUNT(*) DESC, sm.moderatorId LIMIT 1""").fetchone()
busy_key = f"M-{busy_id:04d}"
room, room_sessions = con.execute("""
    SELECT s.room, (SELECT COUNT(*) FROM session r WHERE r.roomKey = s.roomKey) FROM session s
    JOIN sessionModerator sm ON sm.sessionId = s.id
    WHERE sm.moderatorId = ? AND s.room IS NOT NULL GROUP BY s.roomKey ORDER BY COUNT(*) DESC LIMIT 1""",
    (busy_id,)).fetchone()
# A session of the busy moderator that is safely in the future: the refused plan copies its time.
clash_id, clash_start, clash_minutes = con.execute("""
    SELECT s.id, s.startsAt, s.durationMinutes FROM session s JOIN sessionModerator sm ON sm.sessionId = s.id
    WHERE sm.moderatorId = ? AND s.status = 'scheduled' AND s.startsAt > ?
    ORDER BY s.startsAt LIMIT 1""", (busy_id, db_now(dt.timedelta(days=2)))).fetchone()
# A person to find by full name, and the most common surname among the first 20,000 people.
one_name = con.execute("SELECT displayName FROM participant WHERE id = ?", (participants // 2,)).fetchone()[0]
surnames = {}
for (name,) in con.execute("SELECT displayName FROM participant WHERE id <= 20000"):
    last = name.split()[-1]
    surnames[last] = surnames.get(last, 0) + 1
common_surname = max(surnames, key=surnames.get)
size_mb = sum(os.path.getsize(DB + s) for s in ("", "-wal") if os.path.exists(DB + s)) / 1e6
con.close()

print(f"workspace: {participants:,} participants, {sessions:,} sessions ({upcoming:,} upcoming), {seats:,} seats, "
      f"{moderators} moderators, {size_mb:.0f} MB")
print(f"busy moderator {busy_key}: {busy_sessions} live sessions; room '{room}': {room_sessions} sessions")
print(f"clash target: S-{clash_id:04d} at {clash_start} UTC ({clash_minutes} min)")
t0 = time.perf_counter()
first = subprocess.run([BIN, "participant", "list", "--search", "zzzqqq", "--db", DB], capture_output=True, env=env)
print(f"first participant search (brings the search index up to date): {time.perf_counter() - t0:.2f} s, "
      f"exit {first.returncode}")
version = subprocess.run([BIN, "--version"], capture_output=True, text=True, env=env).stdout.strip()
print(f"binary: {BIN} ({version}); cores {os.cpu_count()}; load average {os.getloadavg()[0]:.2f}")

first_free_day = dt.date.today() + dt.timedelta(days=3)
slot_counter = 0


def schedule_ok():
    global slot_counter
    day = first_free_day + dt.timedelta(days=slot_counter)
    slot_counter += 1
    return [BIN, "session", "schedule", "--db", DB, "--title", f"Bench {slot_counter}",
            "--start", f"{day.isoformat()}T17:00:00Z", "--duration", "90m", "--moderator", busy_key,
            "--room", room, "--capacity", "6"]


clash_iso = clash_start[:16].replace(" ", "T") + ":00Z"
benches = [
    # label, argv factory, expected exit code, stderr must contain
    ("(a) session list --upcoming --limit 50",
     lambda: [BIN, "session", "list", "--upcoming", "--limit", "50", "--db", DB], 0, None),
    ("(b) session schedule, free slot",
     schedule_ok, 0, None),
    ("(c) session schedule, moderator clash",
     lambda: [BIN, "session", "schedule", "--db", DB, "--title", "Bench clash", "--start", clash_iso,
              "--duration", f"{clash_minutes}m", "--moderator", busy_key, "--capacity", "6"], 65,
     f"moderator {busy_key}"),
    (f"(d) participant list --search '{one_name}'",
     lambda: [BIN, "participant", "list", "--search", one_name, "--db", DB], 0, None),
    (f"(e) participant list --search {common_surname} --limit 50",
     lambda: [BIN, "participant", "list", "--search", common_surname, "--limit", "50", "--db", DB], 0, None),
    ("(f) participant list --search zzzqqq (no match)",
     lambda: [BIN, "participant", "list", "--search", "zzzqqq", "--db", DB], 0, None),
    ("(g) roundtable --version (start-up floor)",
     lambda: [BIN, "--version"], 0, None),
]
times = {label: [] for label, *_ in benches}
errors = []
for round_no in range(WARMUP + RUNS):
    for label, argv, expected, needle in benches:
        args = argv()
        t0 = time.perf_counter()
        done = subprocess.run(args, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
        elapsed = (time.perf_counter() - t0) * 1000
        stderr = done.stderr.decode(errors="replace").strip()
        if done.returncode != expected or (needle and needle not in stderr):
            errors.append(f"{label}: exit {done.returncode} (expected {expected}): {stderr[:300]}")
        if round_no >= WARMUP:
            times[label].append(elapsed)
    if len(errors) > 3:
        break

if errors:
    print("\nbench: commands did not behave as expected:", *errors, sep="\n  ", file=sys.stderr)
    sys.exit(1)


def p90(values):
    ordered = sorted(values)
    return ordered[max(0, math.ceil(0.9 * len(ordered)) - 1)]


floor = statistics.median(times[benches[-1][0]])
print()
print(f"{'command':<56} {'median':>8} {'p90':>8} {'min':>8} {'x floor':>8}  verdict (median < {TARGET:.0f} ms)")
failed = False
for i, (label, *_rest) in enumerate(benches):
    values = times[label]
    median = statistics.median(values)
    verdict = ""
    if label[:3] in ("(a)", "(b)", "(d)", "(e)", "(f)"):
        ok = median < TARGET
        failed |= not ok
        verdict = "PASS" if ok else "FAIL"
        if ok and p90(values) >= TARGET:
            verdict += f" (but p90 >= {TARGET:.0f} ms)"
    print(f"{label:<56} {median:7.1f}  {p90(values):7.1f}  {min(values):7.1f}  {median / floor:7.1f}x  {verdict}")
print(f"\n{RUNS} runs each (after {WARMUP} warm-up rounds), ms wall clock per process; "
      f"load average now {os.getloadavg()[0]:.2f}")

con = sqlite3.connect(DB)
added = con.execute("SELECT COUNT(*) FROM session").fetchone()[0] - sessions
con.close()
if added != WARMUP + RUNS:
    print(f"bench: expected {WARMUP + RUNS} new sessions from (b), found {added}", file=sys.stderr)
    sys.exit(1)
sys.exit(1 if failed else 0)
PY
