#!/usr/bin/env bash
# make bench: the release build against a throwaway PostgreSQL with the demo tenants, measured with
# wrk on loopback, next to nginx serving a file of the home page's size (the machine's ceiling).
# Prints one line per scenario, the checks of the performance targets, and the commands used; copy the
# figures to docs/BENCHMARKS.md.
#   BENCH_DURATION (15s: each scenario's time, in seconds) BENCH_ROUNDS (3: the turns a ratio's sides take,
#   each a slice of the duration) BENCH_CONNECTIONS (64) BENCH_THREADS (2) BENCH_PORT (18080)
#   BENCH_WEBHOOKS (60000 prepared deliveries) BENCH_SCRATCH (.build: the release build's scratch path)
#   BENCH_PGBENCH_SCALE (10: pgbench -i's scale factor, 1 million accounts)
#   BENCH_WORKER_PROCESSES (1: one server process, no supervisor, as every figure in docs/BENCHMARKS.md
#   was measured; set it to compare with the supervisor's workers: the RSS target is then each process's,
#   and their sum is printed beside it)
# The page scenarios (home, nginx, 429, package page) run with wrk on the first half of the cores and the
# server or nginx on the other half (taskset), so the tail measured is the server's and not the time wrk's
# threads take from it; the home page and nginx are also measured with every process on every core, as
# before, for comparison. The order POST and the webhook share every core with PostgreSQL, unpinned.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
. scripts/bench/lib.sh
# A server's peak RSS in KiB, of its one process or of the supervisor and each worker: "largest sum count".
peak_rss() { for pid in "$1" $(ps --ppid "$1" -o pid= 2>/dev/null); do cat "/proc/$pid/status"; done \
    | awk '/VmHWM/ {n++; sum += $2; if ($2 > max) max = $2} END {print max, sum, n}'; }

scripts/prereqs.sh wrk nginx
duration=${BENCH_DURATION:-15s}
rounds=${BENCH_ROUNDS:-3}
slice_duration=$((${duration%s} / rounds))s
connections=${BENCH_CONNECTIONS:-64}
threads=${BENCH_THREADS:-2}
port=${BENCH_PORT:-18080}
nginx_port=$((port + 1))
webhooks=${BENCH_WEBHOOKS:-60000}
pgbench_scale=${BENCH_PGBENCH_SCALE:-10}
scratch=${BENCH_SCRATCH:-.build}

work=$(mktemp -d /tmp/gerbang-bench.XXXXXX)
chmod 755 "$work"
server_pid=""
pages_pid=""
refusing_pid=""
nginx_pid=""
pinned_nginx_pid=""
stop_server() {
    # A server paused for pgbench's turn (below) is woken first, or it would never see the signal.
    if [ -n "$server_pid" ]; then kill -CONT "$server_pid" 2>/dev/null || true; fi
    if [ -n "$server_pid" ]; then kill "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null || true; fi
    server_pid=""
}
cleanup() {
    stop_server
    for pid in "$pages_pid" "$refusing_pid" "$nginx_pid" "$pinned_nginx_pid"; do
        if [ -n "$pid" ]; then kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null || true; fi
    done
    scripts/pg.sh stop "$work/pg" || true
    rm -rf "$work"
}
trap cleanup EXIT

while IFS='=' read -r key value; do export "$key=$value"; done < <(scripts/pg.sh start "$work/pg")
psql_admin() { psql -X -q -v ON_ERROR_STOP=1 -tA "${PG_ADMIN_URL%/postgres}/gerbang" "$@"; }
swift build -c release --product gerbang --scratch-path "$scratch" >&2
bin=$scratch/release/gerbang
"$bin" migrate >/dev/null
"$bin" demo >/dev/null
# Steady state before measuring: otherwise autovacuum visits every table just created and filled,
# during the first scenarios, and shares their two cores.
psql_admin -c "vacuum analyze" >/dev/null

# The server reaches PostgreSQL on this machine through its Unix socket, as `make run`'s does.
export DATABASE_URL=$SOCKET_DATABASE_URL
# Rate limits off: one client address would be refused after 30 orders a minute.
export ACCESS_LOG=off RATE_LIMITS=off PORT=$port BIND=127.0.0.1 EXPIRY_SWEEP_SECONDS=3600 SANDBOX_GATEWAY=true
export WORKER_PROCESSES=${BENCH_WORKER_PROCESSES:-1}
export SECRETS_KEY=${SECRETS_KEY:-$(od -An -N32 -tx1 /dev/urandom | tr -d ' \n')}
# Start to first served request, migrations already applied: spawn, then poll as fast as curl allows.
started=$(date +%s%N)
"$bin" serve >"$work/server.log" 2>&1 &
server_pid=$!
wait_healthy "$server_pid" "$port" "$work/server.log"
first_response_ms=$((($(date +%s%N) - started) / 1000000))

alpha=alpha.localhost
profile=$(psql_admin -c "select p.id from voucher_profiles p join tenants t on t.id = p.tenant_id
    where t.slug = 'alpha' and p.evoucher_access and p.deleted_at is null order by p.sort, p.price limit 1")
curl -fs -H "Host: $alpha" "http://127.0.0.1:$port/" -o "$work/home.html"
curl -fs "http://127.0.0.1:$port/assets/css/site.css" -o "$work/site.css"
curl -fs -H "Host: $alpha" "http://127.0.0.1:$port/brand/theme.css" -o "$work/theme.css"

# The cores of the page scenarios: wrk on the first half of the CPUs this script may use (its affinity,
# "0-3,6"), the server (or nginx) on the rest. The server counts its own the same way, so pinned to one
# core it runs one event loop. On one core there is nothing to share out and nothing is pinned.
mapfile -t allowed < <(awk '/^Cpus_allowed_list:/ {print $2}' /proc/self/status | tr ',' '\n' \
    | awk -F- '{ if (NF == 2) { for (i = $1; i <= $2; i++) print i } else print $1 }')
cores=${#allowed[@]}
if [ "$cores" -ge 2 ]; then
    half=$((cores / 2))
    client_cpus=$(IFS=,; echo "${allowed[*]:0:half}")
    server_cpus=$(IFS=,; echo "${allowed[*]:half}")
    on_client_cpus=(taskset -c "$client_cpus")
    on_server_cpus=(taskset -c "$server_cpus")
    server_cores=$((cores - half))
else
    client_cpus=all server_cpus=all on_client_cpus=() on_server_cpus=() server_cores=1
fi

# nginx serves the home page's own bytes as a file: the machine's ceiling, measured in turns with the
# page. start_nginx NAME PORT WORKERS [COMMAND PREFIX…]; sets started_pid.
start_nginx() {
    local dir=$work/$1 port=$2 workers=$3
    shift 3
    mkdir -p "$dir/html" "$dir/logs"
    cp "$work/home.html" "$dir/html/index.html"
    cat >"$dir/nginx.conf" <<EOF
worker_processes $workers;
daemon off;
pid $dir/nginx.pid;
error_log $dir/logs/error.log warn;
events { worker_connections 1024; }
http {
    access_log off;
    sendfile on;
    tcp_nopush on;
    keepalive_requests 100000;
    default_type text/html;
    client_body_temp_path $dir/body;
    proxy_temp_path $dir/proxy;
    fastcgi_temp_path $dir/fastcgi;
    uwsgi_temp_path $dir/uwsgi;
    scgi_temp_path $dir/scgi;
    server { listen 127.0.0.1:$port; root $dir/html; }
}
EOF
    "$@" nginx -p "$dir" -c "$dir/nginx.conf" &
    started_pid=$!
    for _ in $(seq 50); do curl -fs -o /dev/null "http://127.0.0.1:$port/index.html" && break; sleep 0.1; done
}
start_nginx nginx "$nginx_port" auto
nginx_pid=$started_pid
pinned_nginx_port=$((port + 3))
# nginx's `auto` counts the machine's CPUs, not its affinity: one worker per core it is given.
start_nginx nginx-pinned "$pinned_nginx_port" "$server_cores" "${on_server_cpus[@]}"
pinned_nginx_pid=$started_pid

# The page scenarios' server: the same build and database, on the server's cores.
pages_port=$((port + 4))
PORT=$pages_port "${on_server_cpus[@]}" "$bin" serve >"$work/pages.log" 2>&1 &
pages_pid=$!
wait_healthy "$pages_pid" "$pages_port" "$work/pages.log"

# A flood refused: a second server with limits on and every tier's limit at 1 an hour, so after the
# first request every answer to this client is a 429 (its share refused, remembered in memory).
refusing_port=$((port + 2))
PORT=$refusing_port RATE_LIMITS=on RATE_LIMIT_WINDOW_SECONDS=3600 RATE_LIMIT_STARTER=1 RATE_LIMIT_PROFESSIONAL=1 \
    RATE_LIMIT_ENTERPRISE=1 "${on_server_cpus[@]}" "$bin" serve >"$work/refusing.log" 2>&1 &
refusing_pid=$!
wait_healthy "$refusing_pid" "$refusing_port" "$work/refusing.log"
curl -s -o /dev/null -H "Host: $alpha" "http://127.0.0.1:$refusing_port/"
refused_status=$(curl -s -o /dev/null -w '%{http_code}' -H "Host: $alpha" "http://127.0.0.1:$refusing_port/")
[ "$refused_status" = 429 ] || { echo "bench: the refusing server answered $refused_status, not 429" >&2; exit 1; }

echo "machine: $(nproc) cores, $(free -m | awk '/Mem:/ {printf "%.1f GiB", $2 / 1024}'); $(uname -r)"
echo "wrk -t$threads -c$connections --latency (loopback); WORKER_PROCESSES=$WORKER_PROCESSES"
echo "page scenarios: wrk on CPUs $client_cpus, the server and nginx on CPUs $server_cpus ($(grep -o '[0-9]* event loops\?' "$work/pages.log"));"
echo "    '-shared' ones, the order POST and the webhook: every process on every core"
echo "each ratio's sides in $rounds turns of $slice_duration, $duration each in all (p50: the turns' median; p99: their highest)"
printf '%-30s %12s %10s %10s %10s\n' scenario "req/s" p50 p99 non-2xx/3xx
url=http://127.0.0.1:$port
pages=http://127.0.0.1:$pages_port
for _ in $(seq "$rounds"); do
    wrk_prefix=("${on_client_cpus[@]}")
    slice home -H "Host: $alpha" "$pages/"
    slice nginx-same-size "http://127.0.0.1:$pinned_nginx_port/index.html"
    slice refusal-429 -H "Host: $alpha" "http://127.0.0.1:$refusing_port/"
    slice voucher-page -H "Host: $alpha" "$pages/vouchers/$profile"
    wrk_prefix=()
    slice home-shared -H "Host: $alpha" "$url/"
    slice nginx-shared "http://127.0.0.1:$nginx_port/index.html"
done
report home
report voucher-page
report refusal-429
report nginx-same-size
report home-shared
report nginx-shared
measure static-asset "$url/assets/css/site.css"
read -r pages_rss_kib _ < <(peak_rss "$pages_pid")
for pid in "$refusing_pid" "$pinned_nginx_pid" "$pages_pid"; do kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null || true; done
refusing_pid="" pinned_nginx_pid="" pages_pid=""

# N pending orders of alpha's cheapest package (the order POSTs then meet a store with history, and
# the webhooks pay them), opened with its effective sandbox account, and each one's signed delivery
# (hex HMAC-SHA256 of the raw body with the account's secret, the rule in SandboxGateway.verify), one
# line each: signature TAB body.
psql_admin -v n="$webhooks" -v profile="$profile" -f scripts/bench/webhooks-prepare.sql >/dev/null
psql_admin -v key="$SECRETS_KEY" -o "$work/webhooks.txt" -f scripts/bench/webhooks-sign.sql
sed -i '/^$/d' "$work/webhooks.txt"
# The database's own write ceiling here: pgbench's built-in simple-update script (-N: one UPDATE of
# pgbench_accounts, one SELECT, one INSERT into pgbench_history per transaction) with 16 clients, in a
# database of its own in the same cluster (same settings, fsync off), over the same Unix socket the
# server uses. The order POST and the webhook are compared with it, in turns; the server is paused
# (SIGSTOP) during pgbench's, so nothing of it runs beside pgbench.
pgbench_url=$(sed 's#//gerbang_app@#//postgres@#; s#/gerbang?#/pgbench?#' <<<"$SOCKET_DATABASE_URL")
psql -X -q -v ON_ERROR_STOP=1 "$PG_ADMIN_URL" -c "create database pgbench"
pgbench -q -i -s "$pgbench_scale" "$pgbench_url" >"$work/pgbench-init.txt" 2>&1
# A store with history, its statistics current (autovacuum's ANALYZE would see to that within a
# minute): on an empty, never-analysed table the planner may pick the (tenant_id, created_at) index
# for a primary-key lookup, and a prepared statement keeps that plan until the first ANALYZE.
psql_admin -c "analyze" >/dev/null
export BENCH_PROFILE=$profile
# Warm-up, not measured: the first 3,000 deliveries give the fulfilment's tables (vouchers, radcheck,
# payments …) some rows, then ANALYZE. Measured on a fresh cluster without it: prepared statements
# settle on generic plans while those tables hold a handful of rows (a sequential scan of radcheck for
# every voucher code) and keep them as the tables grow, until autovacuum's first ANALYZE, a minute
# later in a live store but never within 15 seconds; 437/s instead of 765/s.
head -n 3000 "$work/webhooks.txt" >"$work/webhooks-warmup.txt"
tail -n +3001 "$work/webhooks.txt" >"$work/webhooks-measured.txt"
BENCH_WEBHOOKS=$work/webhooks-warmup.txt BENCH_THREADS=$threads \
    wrk -t"$threads" -c"$connections" -d60s -s scripts/bench/webhook.lua "$url/" >"$work/wrk-webhook-warmup.txt"
psql_admin -c "analyze" >/dev/null
# Each turn of the webhook sends deliveries of its own, never sent before.
split -n "l/$rounds" -d "$work/webhooks-measured.txt" "$work/webhooks-turn-"
export BENCH_THREADS=$threads
for part in "$work"/webhooks-turn-*; do
    slice order-post -H "Host: $alpha" -s scripts/bench/order.lua "$url/"
    BENCH_WEBHOOKS=$part slice webhook-paid -s scripts/bench/webhook.lua "$url/"
    # The turn's last answers finish (counted or not) before the pause.
    sleep 0.5
    kill -STOP "$server_pid"
    pgbench_slice pgbench-simple-update "$pgbench_url"
    kill -CONT "$server_pid"
done
report order-post
report webhook-paid
echo "webhook check (every delivered order paid once, with exactly its vouchers and one payment):"
psql_admin -f scripts/bench/webhooks-check.sql | sed 's/^/    /'
# Its average latency in the p50 column (pgbench prints no percentiles), failed transactions in the last.
report pgbench-simple-update
# The server process, or the supervisor and its workers (the page scenarios' server: above): the target
# is a worker's, so the largest process's peak is checked and the sum printed beside it.
read -r peak_rss_kib total_rss_kib rss_processes < <(peak_rss "$server_pid")
stop_server

home_bytes=$(wc -c <"$work/home.html")
css_bytes=$(($(wc -c <"$work/site.css") + $(wc -c <"$work/theme.css")))
gzipped=$(($(gzip -9c "$work/home.html" | wc -c) + $(gzip -9c "$work/site.css" | wc -c) + $(gzip -9c "$work/theme.css" | wc -c)))
echo
echo "targets:"
ratio "home / nginx" "${rate[home]}" "${rate[nginx-same-size]}" 0.5
# nginx's p99 on the same bytes and cores beside it: the tail this machine allows in this run.
awk -v p="$(ms "${p99[home]}")" -v n="$(ms "${p99[nginx-same-size]}")" \
    'BEGIN { printf "  home p99                %.2f ms (nginx %.2f ms)   target <= 3 ms  %s\n", p, n, (p <= 3 ? "met" : "MISSED") }'
ratio "voucher page / home" "${rate[voucher-page]}" "${rate[home]}" 0.5
ratio "429 / home" "${rate[refusal-429]}" "${rate[home]}" 1
ratio "order POST / pgbench" "${rate[order-post]}" "${rate[pgbench-simple-update]}" 0.35
ratio "webhook / pgbench" "${rate[webhook-paid]}" "${rate[pgbench-simple-update]}" 0.2
awk -v k="$peak_rss_kib" -v t="$total_rss_kib" -v n="$rss_processes" -v p="$pages_rss_kib" 'BEGIN { m = (k > p ? k : p)
    each = (n > 1 ? sprintf("; the largest of %d processes, %.1f MiB together", n, t / 1024) : "")
    printf "  server peak RSS         %.1f MiB (order, webhook%s), %.1f MiB (pages)   target <= 64 MiB  %s\n", k / 1024, each, p / 1024, (m <= 65536 ? "met" : "MISSED") }'
awk -v t="$first_response_ms" 'BEGIN { printf "  start to first response %d ms   target <= 200 ms  %s\n", t, (t <= 200 ? "met" : "MISSED") }'
awk -v raw=$((home_bytes + css_bytes)) -v z="$gzipped" -v h="$home_bytes" -v c="$css_bytes" \
    'BEGIN { printf "  home HTML + CSS         %d B (%d + %d), %d B gzip -9   target <= 14 KB  %s\n", raw, h, c, z, (z <= 14336 ? "met" : "MISSED") }'
