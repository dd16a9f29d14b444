#!/usr/bin/env bash
# Generates roundtable's man page with swift-argument-parser's GenerateManual plugin and checks
# that it renders.
#
#   bash scripts/manual.sh [OUT] [--multi-page]     default OUT: .build/manual
#
# One page, OUT/roundtable.1, covering every subcommand; --multi-page writes one page per
# subcommand instead (roundtable.1, roundtable.transcript.import.1, ...). The pages are generated,
# not committed: they follow the --help texts, which change with the code.
#
# The plugin builds the package first (CONFIGURATION, default debug, so it reuses the test build;
# the text does not depend on it) and writes into its own work folder, from where this copies.
# The page's date is the last commit's, so the same commit gives the same page.
# View:   man -l .build/manual/roundtable.1
# Install: cp .build/manual/*.1 ~/.local/share/man/man1/
set -euo pipefail
cd "$(dirname "$0")/.."

out=.build/manual
pass=()
for arg in "$@"; do
    case "$arg" in
        --multi-page) pass+=(--multi-page) ;;
        -*) echo "manual: unknown option $arg" >&2; exit 64 ;;
        *) out="$arg" ;;
    esac
done
configuration="${CONFIGURATION:-debug}"
date=$(git log -1 --format=%cs 2>/dev/null || date -u +%F)

# groff renders the page (man-db's man -l uses it); only the check needs them.
if ! command -v groff >/dev/null; then
    echo "manual: installing groff-base to check the page" >&2
    apt-get install -y --no-install-recommends groff-base >/dev/null
fi

generated=.build/plugins/GenerateManual/outputs/roundtable
rm -rf "$generated"     # no pages left over from a run with other options
swift package --disable-sandbox plugin generate-manual \
    --configuration "$configuration" --date "$date" "${pass[@]}" \
    --authors "The Roundtable authors"

rm -rf "$out"
mkdir -p "$out"
cp "$generated"/*.1 "$out"/
# The generator copies a help text's blank lines into the mdoc source, where they are an error
# of style ("Empty input line"); .Pp is mdoc's paragraph break.
sed -i 's/^$/.Pp/' "$out"/*.1

# Every page must render without groff warnings and say what the command is.
for page in "$out"/*.1; do
    warnings=$(groff -mandoc -Tutf8 -ww -z "$page" 2>&1)
    if [[ -n "$warnings" ]]; then
        echo "manual: $page renders with warnings:" >&2
        echo "$warnings" >&2
        exit 1
    fi
done
rendered=$(groff -mandoc -Tutf8 -P-c -P-b -P-u "$out/roundtable.1")
grep -q "Focus groups and customer advisory panels" <<<"$rendered" \
    || { echo "manual: $out/roundtable.1 lacks the abstract" >&2; exit 1; }
echo "manual: $(ls "$out" | wc -l) page(s) in $out; view with: man -l $out/roundtable.1"
