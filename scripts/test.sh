#!/usr/bin/env bash
# The README's test command: installs the few Debian packages the build links against and the
# Python parser the calendar tests check against, if missing, then runs every test suite.
set -euo pipefail
cd "$(dirname "$0")/.."

missing=()
for package in libxml2-dev libsqlite3-dev pkg-config; do
    dpkg -s "$package" >/dev/null 2>&1 || missing+=("$package")
done
if [ ${#missing[@]} -gt 0 ]; then
    echo "installing ${missing[*]}" >&2
    apt-get update -qq && apt-get install -y -qq "${missing[@]}" >&2
fi

# The calendar tests read .ics files back with an independent parser: Python's icalendar, 6 or later.
has_icalendar() {
    python3 -c 'import sys, icalendar; sys.exit(int(icalendar.__version__.split(".")[0]) < 6)' >/dev/null 2>&1
}
if ! has_icalendar; then
    echo "installing Python's icalendar" >&2
    if ! python3 -m pip --version >/dev/null 2>&1; then
        apt-get update -qq && apt-get install -y -qq python3 python3-pip >&2
    fi
    # Debian's own python3 refuses pip installs outside a virtual environment unless told to.
    PIP_BREAK_SYSTEM_PACKAGES=1 PIP_ROOT_USER_ACTION=ignore PIP_DISABLE_PIP_VERSION_CHECK=1 \
        python3 -m pip install --quiet --upgrade 'icalendar>=6' >&2
fi

exec swift test "$@"
