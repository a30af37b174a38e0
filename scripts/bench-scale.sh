#!/usr/bin/env bash
# make bench-scale: the release build against a generated platform in a private PostgreSQL cluster
# (scripts/bench/scale-tenants.sql, scale-data.sql): the demo tenants plus 10,000 generated ones (1,000
# with custom domains, eight packages each), 2 million voucher orders, 200,000 subscribers with two years
# of monthly invoices, 5 million RADIUS accounting rows. The demo's alpha stands for the largest ISP:
# 20,000 of the subscribers and a tenth of the orders are its own, and its admin signs in for the lists.
# Measures, and prints beside its target: the home page over random tenants' hosts (cold: the first
# request to each tenant; warm), the admin lists, an order's page, the finance reports and head office's
# list of tenants, the webhook rate, the billing run (one tenant, then the platform), what the idle
# server's connections cost PostgreSQL with the billing run's reminders waiting, and the server's memory
# with 10,000 and then 100,000 tenants.
#   BENCH_SCALE=small: a quick check (200 tenants, 20,000 orders, 4,000 subscribers …); each size on its own:
#   BENCH_SCALE_TENANTS BENCH_SCALE_DOMAINS BENCH_SCALE_ORDERS BENCH_SCALE_SUBSCRIBERS BENCH_SCALE_BIG_SUBSCRIBERS
#   BENCH_SCALE_MONTHS BENCH_SCALE_RADACCT BENCH_SCALE_MORE_TENANTS (the second memory figure's tenants)
#   BENCH_DURATION (15s) BENCH_ROUNDS (3: the turns of the random hosts and alpha's host alone)
#   BENCH_CONNECTIONS (64) BENCH_THREADS (2) BENCH_PORT (18090) BENCH_SCRATCH (.build)
#   BENCH_ADMIN_CONNECTIONS (4) BENCH_COLD_CONNECTIONS (8): the admin lists and the cold pass are measured
#   for latency, not under a flood (with 64 connections a request waits behind 63 others)
#   BENCH_WEBHOOKS (40000 prepared deliveries: the first 3,000 warm up)
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/bench/lib.sh

scripts/prereqs.sh wrk
if [ "${BENCH_SCALE:-full}" = small ]; then
    defaults=(200 20 20000 4000 2000 24 50000 2000)
else
    defaults=(10000 1000 2000000 200000 20000 24 5000000 100000)
fi
tenants=${BENCH_SCALE_TENANTS:-${defaults[0]}}
domains=${BENCH_SCALE_DOMAINS:-${defaults[1]}}
orders=${BENCH_SCALE_ORDERS:-${defaults[2]}}
subscribers=${BENCH_SCALE_SUBSCRIBERS:-${defaults[3]}}
big_subscribers=${BENCH_SCALE_BIG_SUBSCRIBERS:-${defaults[4]}}
months=${BENCH_SCALE_MONTHS:-${defaults[5]}}
radacct=${BENCH_SCALE_RADACCT:-${defaults[6]}}
more_tenants=${BENCH_SCALE_MORE_TENANTS:-${defaults[7]}}
duration=${BENCH_DURATION:-15s}
rounds=${BENCH_ROUNDS:-3}
slice_duration=$((${duration%s} / rounds))s
connections=${BENCH_CONNECTIONS:-64}
threads=${BENCH_THREADS:-2}
admin_connections=${BENCH_ADMIN_CONNECTIONS:-4}
cold_connections=${BENCH_COLD_CONNECTIONS:-8}
port=${BENCH_PORT:-18090}
webhooks=${BENCH_WEBHOOKS:-40000}
scratch=${BENCH_SCRATCH:-.build}
url=http://127.0.0.1:$port

work=$(mktemp -d /tmp/gerbang-bench-scale.XXXXXX)
chmod 755 "$work"
server_pid=""
stop_server() {
    if [ -n "$server_pid" ]; then kill "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null || true; fi
    server_pid=""
}
cleanup() {
    local status=$?
    # A failed run shows why the server stopped answering, before its work directory goes.
    if [ "$status" -ne 0 ] && [ -f "$work/server.log" ]; then tail -n 30 "$work/server.log" >&2; fi
    stop_server
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
now() { date +%s.%N; }
seconds_since() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.1f", b - a }'; }

echo "machine: $(nproc) cores, $(free -m | awk '/Mem:/ {printf "%.1f GiB", $2 / 1024}'); $(uname -r); load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "platform: demo tenants + $tenants generated ($domains with custom domains), $orders orders, $subscribers subscribers" \
    "($big_subscribers of them alpha's) with $months months of invoices, $radacct radacct rows"
started=$(now)
psql_admin -v first=1 -v last="$tenants" -v domains="$domains" -f scripts/bench/scale-tenants.sql
psql_admin -v tenants="$tenants" -v orders="$orders" -v subscribers="$subscribers" -v big_subscribers="$big_subscribers" \
    -v months="$months" -v radacct="$radacct" -f scripts/bench/scale-data.sql
psql_admin -c "vacuum analyze"
echo "generated and analysed in $(seconds_since "$started") s; database $(psql_admin -c "select pg_size_pretty(pg_database_size('gerbang'))")"

export DATABASE_URL=$SOCKET_DATABASE_URL
export ACCESS_LOG=off RATE_LIMITS=off PORT=$port BIND=127.0.0.1 EXPIRY_SWEEP_SECONDS=3600 SANDBOX_GATEWAY=true
export WORKER_PROCESSES=1 BILLING_RUN=false
export SECRETS_KEY=${SECRETS_KEY:-$(od -An -N32 -tx1 /dev/urandom | tr -d ' \n')}
serve() {
    "$bin" serve >>"$work/server.log" 2>&1 &
    server_pid=$!
    wait_healthy "$server_pid" "$port" "$work/server.log"
}
rss() { awk '/^VmRSS/ {r = $2} /^VmHWM/ {h = $2} END {printf "%.1f MiB (peak %.1f MiB)", r / 1024, h / 1024}' "/proc/$server_pid/status"; }
declare -A rss_after

# Every active tenant's host, one a line (host TAB /): its verified custom domain, else its subdomain.
hosts() {
    psql_admin -c "select coalesce(d.domain, t.slug || '.localhost') || E'\t/' from tenants t
        left join tenant_domains d on d.tenant_id = t.id and d.is_primary and d.verified_at is not null
        where t.is_active and t.deleted_at is null order by random()" >"$work/hosts.txt"
}
# The home page over every tenant: each host once (the first request to each tenant: cold caches),
# then random hosts (warm) in turns with alpha's host alone through the same wrk script (make bench's
# turns: the two sides of the ratio share any drift of the machine's speed), then the server's memory.
# The caches' hit rates are counted over the random turns alone.
home_over_tenants() { # label
    hosts
    # wrk waits out -d even after every thread has stopped: long enough for the pass, and its req/s is no rate.
    BENCH_REQUESTS=$work/hosts.txt BENCH_ORDER=once BENCH_THREADS=$threads duration=$(($1 / 500 + 5))s \
        connections=$cold_connections measure "home-cold-$1" -s scripts/bench/requests.lua "$url/"
    : >"$work/caches-random.txt"
    for _ in $(seq "$rounds"); do
        cache_counters | sed 's/^/before /' >>"$work/caches-random.txt"
        BENCH_REQUESTS=$work/hosts.txt BENCH_THREADS=$threads slice "home-random-$1" -s scripts/bench/requests.lua "$url/"
        cache_counters | sed 's/^/after /' >>"$work/caches-random.txt"
        BENCH_REQUESTS=$work/alpha.txt BENCH_THREADS=$threads slice "home-alpha-script-$1" -s scripts/bench/requests.lua "$url/"
    done
    report "home-random-$1"
    report "home-alpha-script-$1"
    rss_after[$1]=$(rss)
    echo "    $(wc -l <"$work/hosts.txt") tenants; server RSS $(rss)"
    awk '$3 == "hits" || $3 == "misses" { run[$2, $3] += ($1 == "after" ? $4 : -$4) }
        $1 == "after" && $3 == "entries" { entries[$2] = $4 } $1 == "after" && $3 == "bytes" { bytes[$2] = $4 }
        END { for (c in entries) if (bytes[c] > 0) printf "    %-12s %6d entries %6.1f MB, hit rate over the random turns %.0f%%\n", c, entries[c],
            bytes[c] / 1e6, 100 * run[c, "hits"] / (run[c, "hits"] + run[c, "misses"] + 1e-9) }' "$work/caches-random.txt"
}
# Each per-tenant cache's counters from /metrics, one a line: cache, counter (hits misses entries bytes), value.
# (A miss on the event loop is counted by the worker that answers instead, so each miss once.)
cache_counters() {
    curl -s -H "Host: localhost" "$url/metrics" | sed -n 's/^gerbang_cache_\(hits\|misses\)_total{cache="\([a-z_]*\)"} \(.*\)/\2 \1 \3/p;
        s/^gerbang_cache_\(entries\|bytes\){cache="\([a-z_]*\)"} \(.*\)/\2 \1 \3/p'
}

printf '%-30s %12s %10s %10s %10s\n' scenario "req/s" p50 p99 non-2xx/3xx
# alpha's host alone, for the turns beside the random hosts: wrk runs on the same two cores as the server,
# and its script costs more per request than plain wrk, so only the same script on both sides compares
# the server with itself. Plain wrk's figure is shown too.
printf 'alpha.localhost\t/\n' >"$work/alpha.txt"
serve
echo "    server RSS after start: $(rss)"
home_over_tenants "$tenants"
measure home-alpha -H "Host: alpha.localhost" "$url/"

# The admin lists, signed in as alpha's admin (the double-submit CSRF cookie and field, as a browser).
csrf=$(printf 'ab%.0s' $(seq 32))
sid=$(curl -s -o /dev/null -D - -H "Host: alpha.localhost" -H "Cookie: csrf=$csrf" \
    --data "_csrf=$csrf&login=admin%40alpha-net.test&password=admin123" "$url/admin/login" \
    | awk -F'[=;]' 'tolower($0) ~ /^set-cookie: sid=/ {print $2}')
[ -n "$sid" ] || { echo "bench-scale: alpha's admin could not sign in" >&2; exit 1; }
alpha_id=$(psql_admin -c "select id from tenants where slug = 'alpha'")
# Each list's requests, one a line (host TAB path), from alpha's own rows picked at random.
psql_admin -v t="$alpha_id" -o "$work/orders-phone.txt" <<<"select E'alpha.localhost\t/admin/orders?q=0' || substr(buyer_phone, 4)
    from voucher_orders where tenant_id = :'t' order by random() limit 500"
psql_admin -v t="$alpha_id" -o "$work/orders-number.txt" <<<"select E'alpha.localhost\t/admin/orders?q=' || order_number
    from voucher_orders where tenant_id = :'t' order by random() limit 500"
psql_admin -v t="$alpha_id" -o "$work/orders-detail.txt" <<<"select E'alpha.localhost\t/admin/orders/' || order_number
    from voucher_orders where tenant_id = :'t' order by random() limit 500"
psql_admin -o "$work/orders-list.txt" -c "select E'alpha.localhost\t/admin/orders?' || f
    from unnest(array['', 'status=paid', 'status=expired', 'page=2', 'page=40', 'status=paid&page=100']) f"
psql_admin -o "$work/subscribers.txt" -c "select E'alpha.localhost\t/admin/subscribers?' || f
    from unnest(array['', 'status=active', 'status=isolated', 'status=suspended', 'status=overdue', 'q=budi', 'q=santoso&status=active',
        'q=C00000123', 'q=user1234', 'page=20', 'status=active&page=50']) f"
psql_admin -v t="$alpha_id" -o "$work/invoices.txt" <<<"select E'alpha.localhost\t/admin/invoices?' || f
    from unnest(array['', 'status=unpaid', 'status=overdue', 'status=paid', 'status=paid&page=30', 'page=200', 'status=void'])
        f union all (select E'alpha.localhost\t/admin/invoices?q=' || invoice_number from invoices where tenant_id = :'t'
            order by random() limit 20)"
# The finance report of this month and the two before (each lists every row of its month).
psql_admin -o "$work/finance.txt" -c "select E'alpha.localhost\t/admin/finance?month='
    || to_char(date_trunc('month', now()) - m * interval '1 month', 'YYYY-MM') from generate_series(0, 2) m"
sed -i '/^$/d' "$work"/orders-*.txt "$work/subscribers.txt" "$work/invoices.txt" "$work/finance.txt"
for list in orders-phone orders-number orders-detail orders-list subscribers invoices finance; do
    BENCH_REQUESTS=$work/$list.txt BENCH_THREADS=$threads BENCH_COOKIE="sid=$sid" \
        connections=$admin_connections measure "admin-$list" -s scripts/bench/requests.lua "$url/"
    # A redirect to the sign-in page would be fast and mean nothing.
    if grep '^status ' "$work/wrk-admin-$list.txt" | grep -qv '^status 200:'; then
        echo "bench-scale: admin-$list had answers other than 200" >&2
        exit 1
    fi
done

# Head office's finance: every tenant's month summed, the same three months, signed in as the demo's
# head-office admin on the platform's own host.
head_office_sid=$(curl -s -o /dev/null -D - -H "Host: localhost" -H "Cookie: csrf=$csrf" \
    --data "_csrf=$csrf&login=ops%40gerbang.test&password=admin123" "$url/head-office/login" \
    | awk -F'[=;]' 'tolower($0) ~ /^set-cookie: sid=/ {print $2}')
[ -n "$head_office_sid" ] || { echo "bench-scale: head office could not sign in" >&2; exit 1; }
sed 's/^alpha.localhost\t\/admin/localhost\t\/head-office/' "$work/finance.txt" >"$work/head-office-finance.txt"
# Head office's list of tenants, a page at a time and searched (by slug, name and a custom domain).
printf 'localhost\t/head-office%s\n' "" "?page=2" "?page=50" "?q=alpha" "?q=isp00042" "?q=isp+777" "?q=hotspot.isp000123" \
    >"$work/head-office-tenants.txt"
for list in finance tenants; do
    BENCH_REQUESTS=$work/head-office-$list.txt BENCH_THREADS=$threads BENCH_COOKIE="sid=$head_office_sid" \
        connections=$admin_connections measure "head-office-$list" -s scripts/bench/requests.lua "$url/"
    if grep '^status ' "$work/wrk-head-office-$list.txt" | grep -qv '^status 200:'; then
        echo "bench-scale: head-office-$list had answers other than 200" >&2
        exit 1
    fi
done

# The webhook rate with the platform's history in the tables: prepared, signed and checked as by make bench.
profile=$(psql_admin -c "select p.id from voucher_profiles p join tenants t on t.id = p.tenant_id
    where t.slug = 'alpha' and p.evoucher_access and p.deleted_at is null order by p.sort, p.price limit 1")
psql_admin -v n="$webhooks" -v profile="$profile" -f scripts/bench/webhooks-prepare.sql >/dev/null
psql_admin -v key="$SECRETS_KEY" -o "$work/webhooks.txt" -f scripts/bench/webhooks-sign.sql
sed -i '/^$/d' "$work/webhooks.txt"
# A warm-up, then ANALYZE, as make bench does: the measured deliveries then meet plans made for the
# tables as they are, not as the generation left them. (A connection keeps its generic plans,
# PaymentFulfilment's, until the statistics change; a running platform's autovacuum re-analyses a
# table within a minute of such a change.)
head -n 3000 "$work/webhooks.txt" >"$work/webhooks-warmup.txt"
tail -n +3001 "$work/webhooks.txt" >"$work/webhooks-measured.txt"
BENCH_WEBHOOKS=$work/webhooks-warmup.txt BENCH_THREADS=$threads \
    wrk -t"$threads" -c"$connections" -d10s -s scripts/bench/webhook.lua "$url/" >"$work/wrk-webhook-warmup.txt"
psql_admin -c "analyze" >/dev/null
BENCH_WEBHOOKS=$work/webhooks-measured.txt BENCH_THREADS=$threads measure webhook-paid -s scripts/bench/webhook.lua "$url/"
psql_admin -f scripts/bench/webhooks-check.sql | sed 's/^/    /'
stop_server

# The billing run, as every server runs it (BILLING_RUN; once at start, then every BILLING_RUN_SECONDS):
# first alpha alone (every other tenant switched off meanwhile), then the rest of the platform. Timed
# from the server's start to the last invoice it owes; invoices/s.
period=$(date -u +%Y-%m)
owed() { psql_admin -v p="$period" <<<"select count(*) from subscribers s join tenants t on t.id = s.tenant_id
    where t.is_active and s.status in ('active', 'isolated') and not exists (
        select 1 from invoices i where i.tenant_id = s.tenant_id and i.subscriber_id = s.id and i.period = :'p')"; }
# Invoices made so far: each one took the next number of its tenant's year (cheaper to read than a
# count of the invoices, which would share the cores with the run it watches).
numbered() { psql_admin -c "select coalesce(sum(last_number), 0) from invoice_counters"; }
# What else PostgreSQL runs beside it: its autovacuum workers, one line each ("VACUUM public.invoices").
autovacuum_workers() { psql_admin -c "select regexp_replace(query, '^autovacuum: ', '') from pg_stat_activity
    where backend_type = 'autovacuum worker' and query <> ''"; }
billing_run() { # label
    local expected before started count polls=0 beside=0 workers
    expected=$(owed)
    before=$(numbered)
    : >"$work/autovacuum-$1.txt"
    started=$(now)
    BILLING_RUN=true BILLING_RUN_SECONDS=86400 serve
    count=0
    while [ "$count" -lt "$expected" ]; do
        sleep 0.2
        count=$(($(numbered) - before))
        workers=$(autovacuum_workers)
        polls=$((polls + 1))
        if [ -n "$workers" ]; then
            beside=$((beside + 1))
            echo "$workers" >>"$work/autovacuum-$1.txt"
        fi
        kill -0 "$server_pid" 2>/dev/null || break
        # a run that stopped short (a tenant's failure is logged and skipped) ends the wait
        [ "$(seconds_since "$started" | cut -d. -f1)" -lt 1800 ] || break
    done
    local seconds
    seconds=$(seconds_since "$started")
    rate[billing-$1]=$(awk -v n="$count" -v s="$seconds" 'BEGIN { printf "%.0f", n / s }')
    printf '%-30s %12s %10s\n' "billing-$1" "${rate[billing-$1]}" "$count in ${seconds} s (owed $expected)"
    echo "    autovacuum beside it in $beside of $polls polls$(sort -u "$work/autovacuum-$1.txt" | sed 's/^/; /' | tr -d '\n')"
    stop_server
}
psql_admin -c "create table bench_switched_off as select id from tenants where is_active and slug <> 'alpha';
    update tenants set is_active = false where id in (select id from bench_switched_off)"
billing_run alpha
psql_admin -c "update tenants set is_active = true where id in (select id from bench_switched_off); drop table bench_switched_off"
billing_run platform

# PostgreSQL's CPU for the server's own connections while it has no requests, over 70 s, so that every
# timer of a minute or less runs at least once (the voucher state sweep's first round is a minute after
# the start, the WhatsApp claim runs every WHATSAPP_POLL_SECONDS), with the billing run's reminders waiting
# (no WhatsApp sender is configured): what the server's own work costs the database on an idle platform.
# Only the backends of the server's role are counted: autovacuum, busy after the billing run, is
# PostgreSQL's own. The pool opens a connection when one is first needed, so the backends are listed at
# the end, and a backend that ended meanwhile is missed.
idle_database() {
    local pids ticks waiting
    waiting=$(psql_admin -c "select count(*) from notifications where status = 'pending' and channel = 'whatsapp'")
    backend_ticks() { for pid in $pids; do awk '{print $14 + $15}' "/proc/$pid/stat" 2>/dev/null; done \
        | awk '{s += $1} END {print s + 0}'; }
    sleep 70
    pids=$(psql_admin -c "select pid from pg_stat_activity where usename = 'gerbang_app'")
    ticks=$(backend_ticks)
    idle_load=$(awk -v t="$ticks" -v hz="$(getconf CLK_TCK)" 'BEGIN { printf "%.1f", 100 * t / hz / 70 }')
    echo "idle server, $waiting WhatsApp messages waiting: its $(wc -w <<<"$pids") connections' backends" \
        "${idle_load}% of a core over its first 70 s"
}
idle_load=""

# Memory with many more tenants: the same generated tenants (branding, eight packages) up to the second count.
if [ "$more_tenants" -gt "$tenants" ]; then
    psql_admin -v first=$((tenants + 1)) -v last="$more_tenants" -v domains="$domains" -f scripts/bench/scale-tenants.sql
    psql_admin -c "vacuum analyze tenants, tenant_branding, tenant_domains, voucher_profiles, tenant_billing_settings"
    serve
    idle_database
    home_over_tenants "$more_tenants"
    stop_server
fi

echo
echo "targets:"
for n in "$tenants" "$more_tenants"; do
    [ -n "${rate[home-cold-$n]:-}" ] || continue
    awk -v p="$(ms "${p99[home-cold-$n]}")" -v n="$n" \
        'BEGIN { printf "  %-27s %.2f ms   target <= 20 ms  %s\n", "cold home p99, " n " tenants", p, (p <= 20 ? "met" : "MISSED") }'
    ratio "warm random / alpha, $n" "${rate[home-random-$n]}" "${rate[home-alpha-script-$n]}" 0.8
    awk -v a="${rate[home-random-$n]}" -v b="${rate[home-alpha]}" \
        'BEGIN { printf "    (against plain wrk on alpha, %s per s: %.2f)\n", b, a / b }'
    echo "  server RSS, $n tenants      ${rss_after[$n]}   target <= 128 MiB a worker (CACHE_MEMORY_MB ${CACHE_MEMORY_MB:-default})"
done
for list in orders-phone orders-number orders-detail orders-list subscribers invoices finance; do
    awk -v p="$(ms "${p99[admin-$list]}")" -v l="admin $list p99" \
        'BEGIN { printf "  %-27s %.2f ms   target <= 50 ms  %s\n", l, p, (p <= 50 ? "met" : "MISSED") }'
done
for run in alpha platform; do
    awk -v r="${rate[billing-$run]}" -v l="billing run, $run" \
        'BEGIN { printf "  %-27s %d invoices/s   target >= 2000  %s\n", l, r, (r >= 2000 ? "met" : "MISSED") }'
done
awk -v p="$(ms "${p99[head-office-tenants]}")" -v l="head office tenants p99" \
    'BEGIN { printf "  %-27s %.2f ms   target <= 50 ms  %s\n", l, p, (p <= 50 ? "met" : "MISSED") }'
echo "  head office finance p99     $(ms "${p99[head-office-finance]}") ms (every tenant's month summed; no target of its own)"
[ -z "$idle_load" ] || echo "  idle server's backends       ${idle_load}% of a core, reminders waiting (no target of its own)"
echo "  webhook -> paid             ${rate[webhook-paid]} per s (compare make bench's, on the demo's nearly empty tables)"
