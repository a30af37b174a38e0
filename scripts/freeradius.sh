#!/usr/bin/env bash
# A private FreeRADIUS 3 on loopback whose SQL module reads Gerbang's database: no system service.
#   scripts/freeradius.sh start DIR DATABASE_PORT [AUTH_PORT]   prints RADIUS_AUTH_PORT, RADIUS_ACCT_PORT,
#                                                               RADIUS_SECRET and RADIUS_LOG (eval-able)
#   scripts/freeradius.sh stop DIR
# Environment: RADIUS_SECRET (default testing123), RADIUS_DB_USER (default gerbang_radius),
# RADIUS_DB_NAME (default gerbang), RADIUS_DB_HOST (default 127.0.0.1), RADIUS_WATCH_PID (stop FreeRADIUS
# when that process ends, so a test run that dies leaves no server behind).
# Accounting listens on AUTH_PORT + 1. The config tree is a copy of /etc/freeradius/3.0 with the SQL
# module switched on the standard way; the debug log (-X) is kept in DIR/radius.log for diagnosis.
set -euo pipefail

cmd=${1:?usage: freeradius.sh start DIR DATABASE_PORT [AUTH_PORT] | stop DIR}
dir=$(mkdir -p "${2:?directory}" && cd "$2" && pwd)
here=$(cd "$(dirname "$0")" && pwd)

stop() {
    if [ -f "$dir/radiusd.pid" ]; then
        local pid
        pid=$(cat "$dir/radiusd.pid")
        if kill -0 "$pid" 2>/dev/null; then
            kill "$pid" 2>/dev/null || true
            # SIGTERM may be blocked (inherited from whoever started it): then SIGKILL after 2 s.
            for _ in $(seq 1 20); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
            kill -KILL "$pid" 2>/dev/null || true
        fi
        rm -f "$dir/radiusd.pid"
    fi
}

# Two consecutive UDP ports nobody listens on, from 18120 upwards.
free_ports() {
    local p
    for p in $(seq 18120 2 18318); do
        if [ -z "$(ss -Hlun "( sport = :$p or sport = :$((p + 1)) )" 2>/dev/null)" ]; then echo "$p"; return; fi
    done
    echo "gerbang: no free UDP ports for FreeRADIUS in 18120-18319" >&2; exit 1
}

case "$cmd" in
start)
    db_port=${3:?database port}
    "$here/prereqs.sh" freeradius freeradius-postgresql freeradius-utils iproute2
    source_dir=/etc/freeradius/3.0
    [ -d "$source_dir" ] || { echo "gerbang: $source_dir not found (is 'freeradius' installed?)" >&2; exit 1; }
    server=$(command -v freeradius || command -v radiusd || true)
    [ -n "$server" ] || server=/usr/sbin/freeradius
    [ -x "$server" ] || { echo "gerbang: the freeradius binary was not found" >&2; exit 1; }

    stop
    auth_port=${4:-$(free_ports)}
    secret=${RADIUS_SECRET:-testing123}
    raddb="$dir/raddb"
    rm -rf "$raddb"
    cp -a "$source_dir" "$raddb"
    mkdir -p "$dir/log" "$dir/run"

    # Paths inside DIR; run as whoever starts it (root or a developer), not as 'freerad'.
    sed -i -e "s|^raddbdir = .*|raddbdir = $raddb|" -e "s|^logdir = .*|logdir = $dir/log|" \
        -e "s|^run_dir = .*|run_dir = $dir/run|" -e 's/^\(\s*\)\(user\|group\) = /\1#\2 = /' "$raddb/radiusd.conf"

    # Only loopback may ask, with the test secret.
    cat >"$raddb/clients.conf" <<EOF
client loopback {
	ipaddr = 127.0.0.1
	secret = $secret
	shortname = loopback
}
EOF

    # The SQL module: PostgreSQL, our database, clients from clients.conf only.
    sql="$raddb/mods-available/sql"
    sed -i -e 's|^\tdialect = .*|\tdialect = "postgresql"|' -e 's|^\tdriver = .*|\tdriver = "rlm_sql_postgresql"|' \
        -e "s|^#\tserver = \"localhost\"|\tserver = \"${RADIUS_DB_HOST:-127.0.0.1}\"|" \
        -e "s|^#\tport = 3306|\tport = $db_port|" \
        -e "s|^#\tlogin = \"radius\"|\tlogin = \"${RADIUS_DB_USER:-gerbang_radius}\"|" \
        -e "s|^\tradius_db = \"radius\"|\tradius_db = \"${RADIUS_DB_NAME:-gerbang}\"|" \
        -e 's|^#\tread_clients = yes|\tread_clients = no|' "$sql"
    grep -q 'driver = "rlm_sql_postgresql"' "$sql" && grep -q "port = $db_port" "$sql" \
        || { echo "gerbang: could not adapt $sql (unexpected FreeRADIUS version?)" >&2; exit 1; }
    ln -sf ../mods-available/sql "$raddb/mods-enabled/sql"

    # authorize, accounting and post-auth already call "-sql" (used when the module is loaded);
    # the session section's "sql" (Simultaneous-Use) is commented out: uncomment it there only.
    site="$raddb/sites-available/default"
    awk '/^session \{/ { s = 1 } s && /^#\tsql$/ { $0 = "\tsql" } s && /^\}/ { s = 0 } { print }' "$site" >"$site.new"
    mv "$site.new" "$site"

    # Every stock "listen" block goes (they bind all addresses, and inner-tunnel's takes 18120); the
    # default server gets two on loopback instead.
    for file in "$site" "$raddb/sites-available/inner-tunnel"; do
        awk -v auth="$auth_port" -v acct="$((auth_port + 1))" '
            /^server default \{/ {
                print
                printf "listen {\n\ttype = auth\n\tipaddr = 127.0.0.1\n\tport = %s\n}\n", auth
                printf "listen {\n\ttype = acct\n\tipaddr = 127.0.0.1\n\tport = %s\n}\n", acct
                next
            }
            !skip && /^[ \t]*listen \{/ { skip = 1; depth = 1; next }
            skip {
                line = $0; sub(/#.*/, "", line)
                depth += gsub(/\{/, "{", line) - gsub(/\}/, "}", line)
                if (depth == 0) skip = 0
                next
            }
            { print }' "$file" >"$file.new"
        mv "$file.new" "$file"
    done
    grep -q "port = $auth_port" "$site" || { echo "gerbang: could not adapt $site" >&2; exit 1; }

    rm -f "$dir/radius.log"
    nohup setsid "$server" -X -d "$raddb" >"$dir/radius.log" 2>&1 </dev/null &
    echo $! >"$dir/radiusd.pid"
    if [ -n "${RADIUS_WATCH_PID:-}" ]; then
        radius_pid=$!
        # SIGKILL: a test runner may have started us with SIGTERM blocked, and FreeRADIUS inherits that.
        nohup setsid bash -c 'while kill -0 "$1" 2>/dev/null && kill -0 "$2" 2>/dev/null; do sleep 1; done; kill -KILL "$2" 2>/dev/null' \
            watch "$RADIUS_WATCH_PID" "$radius_pid" >/dev/null 2>&1 </dev/null &
    fi
    for _ in $(seq 1 150); do
        grep -q "Ready to process requests" "$dir/radius.log" 2>/dev/null && break
        if ! kill -0 "$(cat "$dir/radiusd.pid")" 2>/dev/null; then
            echo "gerbang: FreeRADIUS exited during start; last lines of $dir/radius.log:" >&2
            tail -n 40 "$dir/radius.log" >&2
            rm -f "$dir/radiusd.pid"
            exit 1
        fi
        sleep 0.1
    done
    grep -q "Ready to process requests" "$dir/radius.log" || {
        echo "gerbang: FreeRADIUS did not become ready in 15 s; last lines of $dir/radius.log:" >&2
        tail -n 40 "$dir/radius.log" >&2
        stop
        exit 1
    }
    echo "RADIUS_AUTH_PORT=$auth_port"
    echo "RADIUS_ACCT_PORT=$((auth_port + 1))"
    echo "RADIUS_SECRET=$secret"
    echo "RADIUS_LOG=$dir/radius.log"
    ;;
stop)
    stop
    ;;
*)
    echo "usage: freeradius.sh start DIR DATABASE_PORT [AUTH_PORT] | stop DIR" >&2
    exit 2
    ;;
esac
