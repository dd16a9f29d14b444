#!/usr/bin/env bash
# The README's test command: installs the few Debian packages the build links against, Chromium and
# poppler-utils (the HTML report tests render and print each report), and the Python packages the
# calendar and agreement tests check against, if missing, then runs every test
# suite and every fuzz target (scripts/fuzz.sh) for a short while.
set -euo pipefail
cd "$(dirname "$0")/.."

missing=()
for package in libxml2-dev libxml2-utils libsqlite3-dev pkg-config chromium poppler-utils; do
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

# The agreement and statistics tests check their values against the krippendorff package, scikit-learn
# and SciPy.
has_agreement_references() {
    python3 -c 'import krippendorff, sklearn.metrics, scipy.stats' >/dev/null 2>&1
}
if ! has_agreement_references; then
    echo "installing Python's krippendorff, scikit-learn and scipy" >&2
    if ! python3 -m pip --version >/dev/null 2>&1; then
        apt-get update -qq && apt-get install -y -qq python3 python3-pip >&2
    fi
    PIP_BREAK_SYSTEM_PACKAGES=1 PIP_ROOT_USER_ACTION=ignore PIP_DISABLE_PIP_VERSION_CHECK=1 \
        python3 -m pip install --quiet 'krippendorff>=0.6' 'scikit-learn>=1.3' 'scipy>=1.10' >&2
fi

# The test suites, then every fuzz target for a short while (FUZZ_SECONDS each, default 15; 0 skips
# them, and says so). swift test's output and status come first; its closing line is repeated at
# the end when the fuzzing finds nothing, so the last line is still the test run's verdict.
log=$(mktemp)
trap 'rm -f "$log"' EXIT
status=0
swift test "$@" 2>&1 | tee "$log" || status=${PIPESTATUS[0]}
if [ "$status" -ne 0 ]; then
    exit "$status"
fi
seconds=${FUZZ_SECONDS:-15}
if [ "$seconds" = 0 ]; then
    echo "fuzzing skipped (FUZZ_SECONDS=0)"
elif ! bash scripts/fuzz.sh all "$seconds"; then
    echo "error: the fuzz targets failed to build or found a crash (see above); swift test itself passed"
    exit 1
fi
tail -n 1 "$log"
