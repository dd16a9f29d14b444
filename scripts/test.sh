#!/usr/bin/env bash
# The README's test command: installs the few Debian packages the build links against, if missing,
# then runs every test suite.
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

exec swift test "$@"
