#!/usr/bin/env bash
# make test: prerequisites, a throwaway PostgreSQL cluster, then every test.
set -euo pipefail
cd "$(dirname "$0")/.."

# FreeRADIUS for the voucher and PPPoE log-in tests; Chromium and its driver for the browser tests,
# poppler's pdftotext to read the receipt Chromium prints.
scripts/prereqs.sh freeradius freeradius-postgresql freeradius-utils chromium chromium-driver nginx poppler-utils

work=$(mktemp -d /tmp/gerbang-test.XXXXXX)
chmod 755 "$work"
cleanup() { scripts/pg.sh stop "$work/pg" || true; rm -rf "$work"; }
trap cleanup EXIT

while IFS='=' read -r key value; do export "$key=$value"; done < <(scripts/pg.sh start "$work/pg")
export GERBANG_TEST_TMP="$work"

swift build --build-tests

export GERBANG_BIN="$PWD/.build/debug/gerbang"
"$GERBANG_BIN" migrate

# `make test FILTER=Suite` runs the suites whose names match, with the same prerequisites.
if [ -n "${FILTER:-}" ]; then
    swift test --skip-build --filter "$FILTER"
    exit
fi

# Everything but the browser tests, in parallel; then the browser tests alone, so that Chromium is not
# starved by a hundred other tests on two cores, and under a time limit, so a stuck browser cannot hang CI.
swift test --skip-build --skip 'HotspotBrowserTests|BrowserFlowTests|PhoneFitBrowserTests|PersonaBrowserTests'
timeout 600 swift test --skip-build --filter 'HotspotBrowserTests|BrowserFlowTests|PhoneFitBrowserTests|PersonaBrowserTests'
