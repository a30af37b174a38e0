#!/usr/bin/env bash
# make bench: the release build against a throwaway PostgreSQL, measured with wrk on loopback.
# Prints requests/s and latency percentiles per scenario; copy the figures to docs/BENCHMARKS.md.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/prereqs.sh wrk
duration=${BENCH_DURATION:-10s}
connections=${BENCH_CONNECTIONS:-64}
threads=${BENCH_THREADS:-2}

work=$(mktemp -d /tmp/gerbang-bench.XXXXXX)
chmod 755 "$work"
server_pid=""
cleanup() {
    [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null || true
    scripts/pg.sh stop "$work/pg" || true
    rm -rf "$work"
}
trap cleanup EXIT

while IFS='=' read -r key value; do export "$key=$value"; done < <(scripts/pg.sh start "$work/pg")
swift build -c release --product gerbang
bin=.build/release/gerbang
"$bin" migrate >/dev/null
"$bin" demo >/dev/null

port=${BENCH_PORT:-18080}
ACCESS_LOG=off PORT=$port BIND=127.0.0.1 "$bin" serve >"$work/server.log" 2>&1 &
server_pid=$!
for _ in $(seq 50); do curl -fs "http://127.0.0.1:$port/healthz" >/dev/null 2>&1 && break; sleep 0.1; done

echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB; wrk -t$threads -c$connections -d$duration --latency"
run() {
    local name=$1 url=$2 host=$3
    local out
    out=$(wrk -t"$threads" -c"$connections" -d"$duration" --latency -H "Host: $host" "$url")
    local rps p50 p99
    rps=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
    p50=$(awk '$1 == "50%" {print $2}' <<<"$out")
    p99=$(awk '$1 == "99%" {print $2}' <<<"$out")
    printf '%-28s %12s req/s   p50 %8s   p99 %8s\n' "$name" "$rps" "$p50" "$p99"
}
run "healthz" "http://127.0.0.1:$port/healthz" "localhost"
run "static asset (site.css)" "http://127.0.0.1:$port/assets/css/site.css" "localhost"
run "tenant home (alpha)" "http://127.0.0.1:$port/" "alpha.localhost"
rss=$(awk '/VmHWM/ {print $2, $3}' "/proc/$server_pid/status")
echo "server peak RSS: $rss"
