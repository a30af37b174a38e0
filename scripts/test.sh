#!/usr/bin/env bash
# make test: prerequisites, a throwaway PostgreSQL cluster, then every test.
set -euo pipefail
cd "$(dirname "$0")/.."

# FreeRADIUS for the voucher and PPPoE log-in tests; Chromium and its driver for the browser tests, and
# poppler's pdftotext to read what Chromium printed; nginx and pgbouncer for the tests that run servers behind them.
scripts/prereqs.sh freeradius freeradius-postgresql freeradius-utils chromium chromium-driver nginx pgbouncer poppler-utils wireguard-go iproute2 iputils-ping

work=$(mktemp -d /tmp/gerbang-test.XXXXXX)
chmod 755 "$work"
cleanup() { scripts/pg.sh stop "$work/pg" || true; rm -rf "$work"; }
trap cleanup EXIT

while IFS='=' read -r key value; do export "$key=$value"; done < <(scripts/pg.sh start "$work/pg")
export GERBANG_TEST_TMP="$work"
# Every test server encrypts gateway keys and device tokens under this run's own key.
export SECRETS_KEY=${SECRETS_KEY:-$(od -An -N32 -tx1 /dev/urandom | tr -d ' \n')}

# The formatting rules and the documentation's links first: a finding fails the run before anything is built.
swift format lint --strict --recursive Sources Tests Fuzz
scripts/check-doc-links.sh
swift build --build-tests

export GERBANG_BIN="$PWD/.build/debug/gerbang"
"$GERBANG_BIN" migrate

# `make test FILTER=Suite` runs the suites whose names match, with the same prerequisites.
if [ -n "${FILTER:-}" ]; then
    swift test --skip-build --filter "$FILTER"
    exit
fi

# First, alone on the fresh database, the payment-confirmation tests: their server's reconciliation job asks
# the gateways about every pending checkout in the database, oldest first, and after the other suites those
# are hundreds of checkouts at accounts no fake answers for, so theirs were not reached within the deadline.
# Then everything else but the browser tests, in parallel; then the browser tests alone, so that Chromium is
# not starved by a hundred other tests on two cores. Everything under a time limit, so nothing can hang CI.
timeout 600 swift test --skip-build --filter 'PaymentConfirmationTests'
timeout 1800 swift test --skip-build --skip 'HotspotBrowserTests|BrowserFlowTests|PhoneFitBrowserTests|PersonaBrowserTests|VoucherPrintBrowserTests|PaymentConfirmationTests'
timeout 600 swift test --skip-build --filter 'HotspotBrowserTests|BrowserFlowTests|PhoneFitBrowserTests|PersonaBrowserTests|VoucherPrintBrowserTests'
