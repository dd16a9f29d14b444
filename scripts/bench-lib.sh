# Helpers shared by bench-transcripts.sh and bench-refi.sh; sourced, not run. They expect BIN (the
# binary), WORK (a scratch folder) and GEN (the transcript generator) to be set when called.

# rt DB ARGS...: one untimed setup command; prints its stdout, stops the benchmark on failure.
rt() {
    local db="$1"; shift
    local status=0
    "$BIN" "$@" --db "$db" </dev/null >"$WORK/setup.out" 2>"$WORK/setup.err" || status=$?
    if [[ $status -ne 0 ]]; then
        echo "bench: setup command failed (exit $status): roundtable $* --db $db" >&2
        cat "$WORK/setup.out" "$WORK/setup.err" >&2
        exit 1
    fi
    cat "$WORK/setup.out"
}

# measure NAME CMD...: runs CMD once under /usr/bin/time; sets LAST_WALL (s), LAST_RSS (KB) and
# appends them to WALLS[NAME] / RSSES[NAME]. Output in $WORK/NAME.out / NAME.err; a non-zero exit
# stops the benchmark.
declare -A WALLS RSSES
measure() {
    local name="$1"; shift
    local status=0
    /usr/bin/time -f '%e %M' -o "$WORK/$name.time" "$@" </dev/null >"$WORK/$name.out" 2>"$WORK/$name.err" || status=$?
    if [[ $status -ne 0 ]]; then
        echo "bench: $name failed (exit $status): $*" >&2
        tail -n 20 "$WORK/$name.out" "$WORK/$name.err" >&2
        exit 1
    fi
    # /usr/bin/time writes "Command exited with non-zero status" first on failure; the last line is ours.
    read -r LAST_WALL LAST_RSS < <(tail -n 1 "$WORK/$name.time")
    WALLS[$name]+="${WALLS[$name]:+ }$LAST_WALL"
    RSSES[$name]+="${RSSES[$name]:+ }$LAST_RSS"
}
median() { tr ' ' '\n' <<<"$1" | sort -g | awk '{ v[NR] = $1 } END { printf "%.2f", (NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2) }'; }
minimum() { tr ' ' '\n' <<<"$1" | sort -g | head -n 1; }
maximum() { tr ' ' '\n' <<<"$1" | sort -g | tail -n 1; }

# cast DB: adds the generator's cast to workspace DB, the participants with contact consent given.
# Leaves the moderator's key in MODERATOR and the participants' keys in PEOPLE.
cast() {
    local db="$1" role name email key
    MODERATOR=""
    PEOPLE=()
    while IFS=$'\t' read -r role name email; do
        if [[ $role == moderator ]]; then
            MODERATOR="$(rt "$db" moderator add "$name" --email "$email" --tz Europe/Helsinki)"
        else
            key="$(rt "$db" participant add --name "$name" --email "$email" --tz Europe/Helsinki)"
            rt "$db" participant consent "$key" --scope contact --given >/dev/null
            PEOPLE+=("$key")
        fi
    done < <(python3 "$GEN" --cast)
}
