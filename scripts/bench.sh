#!/usr/bin/env bash
# make bench: the release build against a throwaway PostgreSQL with the demo tenants, measured with
# wrk on loopback, next to nginx serving a file of the home page's size (the machine's ceiling).
# Prints one line per scenario, the checks of the performance targets, and the commands used; copy the
# figures to docs/BENCHMARKS.md.
#   BENCH_DURATION (15s) BENCH_CONNECTIONS (64) BENCH_THREADS (2) BENCH_PORT (18080)
#   BENCH_WEBHOOKS (60000 prepared deliveries) BENCH_SCRATCH (.build: the release build's scratch path)
#   BENCH_WORKER_PROCESSES (1: one server process, no supervisor, as every figure in docs/BENCHMARKS.md
#   was measured; set it to compare with the supervisor's workers, whose peak RSS is then the sum)
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD

scripts/prereqs.sh wrk nginx
duration=${BENCH_DURATION:-15s}
connections=${BENCH_CONNECTIONS:-64}
threads=${BENCH_THREADS:-2}
port=${BENCH_PORT:-18080}
nginx_port=$((port + 1))
webhooks=${BENCH_WEBHOOKS:-60000}
scratch=${BENCH_SCRATCH:-.build}

work=$(mktemp -d /tmp/gerbang-bench.XXXXXX)
chmod 755 "$work"
server_pid=""
refusing_pid=""
nginx_pid=""
stop_server() {
    if [ -n "$server_pid" ]; then kill "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null || true; fi
    server_pid=""
}
cleanup() {
    stop_server
    if [ -n "$refusing_pid" ]; then kill "$refusing_pid" 2>/dev/null && wait "$refusing_pid" 2>/dev/null || true; fi
    if [ -n "$nginx_pid" ]; then kill "$nginx_pid" 2>/dev/null && wait "$nginx_pid" 2>/dev/null || true; fi
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
until curl -fs -o /dev/null "http://127.0.0.1:$port/healthz"; do
    kill -0 "$server_pid" 2>/dev/null || { cat "$work/server.log" >&2; exit 1; }
done
first_response_ms=$((($(date +%s%N) - started) / 1000000))

alpha=alpha.localhost
profile=$(psql_admin -c "select p.id from voucher_profiles p join tenants t on t.id = p.tenant_id
    where t.slug = 'alpha' and p.evoucher_access and p.deleted_at is null order by p.sort, p.price limit 1")
curl -fs -H "Host: $alpha" "http://127.0.0.1:$port/" -o "$work/home.html"
curl -fs "http://127.0.0.1:$port/assets/css/site.css" -o "$work/site.css"
curl -fs -H "Host: $alpha" "http://127.0.0.1:$port/brand/theme.css" -o "$work/theme.css"

echo "machine: $(nproc) cores, $(free -m | awk '/Mem:/ {printf "%.1f GiB", $2 / 1024}'); $(uname -r)"
echo "wrk -t$threads -c$connections -d$duration --latency (loopback, client and server on the same cores); WORKER_PROCESSES=$WORKER_PROCESSES"
printf '%-30s %12s %10s %10s %10s\n' scenario "req/s" p50 p99 non-2xx/3xx
declare -A rate p99
measure() { # name, then wrk's arguments after the common ones
    local name=$1
    shift
    local out
    out=$(wrk -t"$threads" -c"$connections" -d"$duration" --latency "$@")
    echo "$out" >"$work/wrk-$name.txt"
    rate[$name]=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
    p99[$name]=$(awk '$1 == "99%" {print $2}' <<<"$out")
    local p50 errors
    p50=$(awk '$1 == "50%" {print $2}' <<<"$out")
    errors=$(awk '/Non-2xx or 3xx/ {print $5}' <<<"$out")
    printf '%-30s %12s %10s %10s %10s\n' "$name" "${rate[$name]}" "$p50" "${p99[$name]}" "${errors:-0}"
    grep '^status ' <<<"$out" | sed 's/^/    /' || true
}
url=http://127.0.0.1:$port
measure home -H "Host: $alpha" "$url/"
measure voucher-page -H "Host: $alpha" "$url/vouchers/$profile"
measure static-asset "$url/assets/css/site.css"

# A flood refused: a second server with limits on and every tier's limit at 1 an hour, so after the
# first request every answer to this client is a 429 (its share refused, remembered in memory).
refusing_port=$((port + 2))
PORT=$refusing_port RATE_LIMITS=on RATE_LIMIT_WINDOW_SECONDS=3600 RATE_LIMIT_STARTER=1 RATE_LIMIT_PROFESSIONAL=1 \
    RATE_LIMIT_ENTERPRISE=1 "$bin" serve >"$work/refusing.log" 2>&1 &
refusing_pid=$!
until curl -fs -o /dev/null "http://127.0.0.1:$refusing_port/healthz"; do
    kill -0 "$refusing_pid" 2>/dev/null || { cat "$work/refusing.log" >&2; exit 1; }
done
curl -s -o /dev/null -H "Host: $alpha" "http://127.0.0.1:$refusing_port/"
refused_status=$(curl -s -o /dev/null -w '%{http_code}' -H "Host: $alpha" "http://127.0.0.1:$refusing_port/")
[ "$refused_status" = 429 ] || { echo "bench: the refusing server answered $refused_status, not 429" >&2; exit 1; }
measure refusal-429 -H "Host: $alpha" "http://127.0.0.1:$refusing_port/"
kill "$refusing_pid" 2>/dev/null && wait "$refusing_pid" 2>/dev/null || true
refusing_pid=""

# N pending orders of alpha's cheapest package (the order POSTs then meet a store with history, and
# the webhooks pay them), opened with its effective sandbox account, and each one's signed delivery (hex HMAC-SHA256 of the raw body with the account's secret, the
# rule in SandboxGateway.verify), one line each: signature TAB body.
psql_admin -v n="$webhooks" -v profile="$profile" >/dev/null <<'SQL'
with p as (select * from voucher_profiles where id = :'profile'),
     g as (select g.id from payment_gateways g, p
           where g.provider = 'sandbox' and g.is_active and (g.tenant_id = p.tenant_id or g.tenant_id is null)
           order by g.tenant_id nulls last limit 1)
insert into voucher_orders (tenant_id, order_number, access_token_hash, idempotency_key, profile_id, profile_name,
    unit_price, validity_minutes, data_quota_mb, download_kbps, upload_kbps, shared_users, radius_group, code_length,
    quantity, amount, buyer_phone, gateway_id, gateway_provider, gateway_reference, expires_at)
select p.tenant_id, 'EVBENCH' || lpad(i::text, 7, '0'), encode(sha256(i::text::bytea), 'hex'), 'bench-webhook-' || lpad(i::text, 8, '0'),
    p.id, p.name, p.price, p.validity_minutes, p.data_quota_mb, p.download_kbps, p.upload_kbps, p.shared_users,
    p.radius_group, p.code_length, 1, p.price, '+6281234567890', g.id, 'sandbox', 'sbx_bench' || i, now() + interval '1 day'
from p, g, generate_series(1, :n) i;
SQL
psql_admin -v key="$SECRETS_KEY" -o "$work/webhooks.txt" <<'SQL'
select encode(hmac(body, coalesce(a.settings, pgp_sym_decrypt(a.settings_sealed, :'key')::jsonb) ->> 'secret', 'sha256'), 'hex') || E'\t' || body
from (select o.gateway_id, format('{"amount":%s,"currency":"IDR","gateway_reference":"%s","reference":"%s","status":"paid"}',
             o.amount, o.gateway_reference, o.order_number) as body, o.order_number
      from voucher_orders o where o.order_number like 'EVBENCH%') d
join payment_gateways a on a.id = d.gateway_id
order by d.order_number;
SQL
sed -i '/^$/d' "$work/webhooks.txt"
# A store with history, its statistics current (autovacuum's ANALYZE would see to that within a
# minute): on an empty, never-analysed table the planner may pick the (tenant_id, created_at) index
# for a primary-key lookup, and a prepared statement keeps that plan until the first ANALYZE.
psql_admin -c "analyze" >/dev/null
export BENCH_PROFILE=$profile
measure order-post -H "Host: $alpha" -s scripts/bench/order.lua "$url/"
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
export BENCH_WEBHOOKS=$work/webhooks-measured.txt BENCH_THREADS=$threads
measure webhook-paid -s scripts/bench/webhook.lua "$url/"
echo "webhook check (every delivered order paid once, with exactly its vouchers and one payment):"
psql_admin <<'SQL' | sed 's/^/    /'
with o as (select o.*, (select count(*) from vouchers v where v.tenant_id = o.tenant_id and v.order_id = o.id) as codes,
                  (select count(*) from payments m where m.tenant_id = o.tenant_id and m.subject = 'order' and m.subject_id = o.id) as pays
           from voucher_orders o where o.order_number like 'EVBENCH%')
select format('prepared %s, paid %s, pending %s, paid with wrong voucher count %s, paid without exactly one payment %s, unpaid with vouchers or payments %s',
    count(*), count(*) filter (where status = 'paid'), count(*) filter (where status = 'pending'),
    count(*) filter (where status = 'paid' and codes <> quantity), count(*) filter (where status = 'paid' and pays <> 1),
    count(*) filter (where status <> 'paid' and (codes > 0 or pays > 0)))
from o;
SQL
# The server process, or the supervisor and its workers together.
peak_rss_kib=$(for pid in "$server_pid" $(ps --ppid "$server_pid" -o pid= 2>/dev/null); do cat "/proc/$pid/status"; done \
    | awk '/VmHWM/ {sum += $2} END {print sum}')
stop_server

# The ceiling: nginx on the same machine serving a file of the home page's size.
mkdir -p "$work/nginx/html" "$work/nginx/logs"
cp "$work/home.html" "$work/nginx/html/index.html"
cat >"$work/nginx/nginx.conf" <<EOF
worker_processes auto;
daemon off;
pid $work/nginx/nginx.pid;
error_log $work/nginx/logs/error.log warn;
events { worker_connections 1024; }
http {
    access_log off;
    sendfile on;
    tcp_nopush on;
    keepalive_requests 100000;
    default_type text/html;
    client_body_temp_path $work/nginx/body;
    proxy_temp_path $work/nginx/proxy;
    fastcgi_temp_path $work/nginx/fastcgi;
    uwsgi_temp_path $work/nginx/uwsgi;
    scgi_temp_path $work/nginx/scgi;
    server { listen 127.0.0.1:$nginx_port; root $work/nginx/html; }
}
EOF
nginx -p "$work/nginx" -c "$work/nginx/nginx.conf" &
nginx_pid=$!
for _ in $(seq 50); do curl -fs -o /dev/null "http://127.0.0.1:$nginx_port/index.html" && break; sleep 0.1; done
measure nginx-same-size "http://127.0.0.1:$nginx_port/index.html"

home_bytes=$(wc -c <"$work/home.html")
css_bytes=$(($(wc -c <"$work/site.css") + $(wc -c <"$work/theme.css")))
gzipped=$(($(gzip -9c "$work/home.html" | wc -c) + $(gzip -9c "$work/site.css" | wc -c) + $(gzip -9c "$work/theme.css" | wc -c)))
ms() { awk -v v="$1" 'BEGIN { if (v ~ /us$/) print v / 1000; else if (v ~ /ms$/) print v + 0; else print v * 1000 }'; }
echo
echo "targets:"
awk -v h="${rate[home]}" -v n="${rate[nginx-same-size]}" \
    'BEGIN { r = h / n; printf "  home / nginx            %.2f (%s / %s req/s)   target >= 0.5  %s\n", r, h, n, (r >= 0.5 ? "met" : "MISSED") }'
awk -v r="${rate[refusal-429]}" -v h="${rate[home]}" \
    'BEGIN { q = r / h; printf "  429 / home              %.2f (%s / %s req/s)   target >= 1  %s\n", q, r, h, (q >= 1 ? "met" : "MISSED") }'
awk -v p="$(ms "${p99[home]}")" 'BEGIN { printf "  home p99                %.2f ms   target <= 5 ms  %s\n", p, (p <= 5 ? "met" : "MISSED") }'
awk -v r="${rate[order-post]}" 'BEGIN { printf "  order POST -> 303       %s req/s   target >= 2000  %s\n", r, (r >= 2000 ? "met" : "MISSED") }'
awk -v r="${rate[webhook-paid]}" 'BEGIN { printf "  webhook -> paid         %s req/s   target >= 1000  %s\n", r, (r >= 1000 ? "met" : "MISSED") }'
awk -v k="$peak_rss_kib" 'BEGIN { printf "  server peak RSS         %.1f MiB   target <= 64 MiB  %s\n", k / 1024, (k <= 65536 ? "met" : "MISSED") }'
awk -v t="$first_response_ms" 'BEGIN { printf "  start to first response %d ms   target <= 200 ms  %s\n", t, (t <= 200 ? "met" : "MISSED") }'
awk -v raw=$((home_bytes + css_bytes)) -v z="$gzipped" -v h="$home_bytes" -v c="$css_bytes" \
    'BEGIN { printf "  home HTML + CSS         %d B (%d + %d), %d B gzip -9   target <= 14 KB  %s\n", raw, h, c, z, (z <= 14336 ? "met" : "MISSED") }'
