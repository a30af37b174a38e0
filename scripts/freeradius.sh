#!/usr/bin/env bash
# A private FreeRADIUS 3 on loopback whose SQL module reads Gerbang's database: no system service.
#   scripts/freeradius.sh start DIR DATABASE_PORT [AUTH_PORT]   prints RADIUS_AUTH_PORT, RADIUS_ACCT_PORT
#                                                               and RADIUS_LOG (eval-able)
#   scripts/freeradius.sh coa DIR ADDRESS PORT SECRET            a stand-in router's CoA port (prints RADIUS_COA_LOG)
#   scripts/freeradius.sh stop DIR
# Environment: RADIUS_CLIENT_LIFETIME (default 2 s), RADIUS_DB_USER (default gerbang_radius),
# RADIUS_DB_NAME (default gerbang), RADIUS_DB_HOST (default 127.0.0.1), RADIUS_WATCH_PID (stop FreeRADIUS
# when that process ends, so a test run that dies leaves no server behind).
# Accounting listens on AUTH_PORT + 1. The config tree is a copy of /etc/freeradius/3.0 with Gerbang's
# production configuration installed by deploy/freeradius/install.sh; only paths, ports and the database
# differ. The debug log (-X) is kept in DIR/radius.log for diagnosis.
set -euo pipefail

cmd=${1:?usage: freeradius.sh start DIR DATABASE_PORT [AUTH_PORT] | coa DIR ADDRESS PORT SECRET | stop DIR}
dir=$(mkdir -p "${2:?directory}" && cd "$2" && pwd)
here=$(cd "$(dirname "$0")" && pwd)

# shellcheck source=lib/daemon.sh
. "$here/lib/daemon.sh"
stop() { stop_by_pidfile "$dir/radiusd.pid"; }

# Two consecutive UDP ports nobody listens on, from 18120 upwards.
free_ports() {
    local p
    for p in $(seq 18120 2 18318); do
        if [ -z "$(ss -Hlun "( sport = :$p or sport = :$((p + 1)) )" 2>/dev/null)" ]; then echo "$p"; return; fi
    done
    echo "gerbang: no free UDP ports for FreeRADIUS in 18120-18319" >&2; exit 1
}

# A copy of the installed configuration in DIR/raddb, with paths inside DIR; run as whoever starts it
# (root or a developer), not as 'freerad'.
prepare() {
    "$here/prereqs.sh" freeradius freeradius-postgresql freeradius-utils iproute2
    source_dir=/etc/freeradius/3.0
    [ -d "$source_dir" ] || { echo "gerbang: $source_dir not found (is 'freeradius' installed?)" >&2; exit 1; }
    server=$(command -v freeradius || command -v radiusd || true)
    [ -n "$server" ] || server=/usr/sbin/freeradius
    [ -x "$server" ] || { echo "gerbang: the freeradius binary was not found" >&2; exit 1; }
    stop
    raddb="$dir/raddb"
    rm -rf "$raddb"
    cp -a "$source_dir" "$raddb"
    mkdir -p "$dir/log" "$dir/run"
    sed -i -e "s|^raddbdir = .*|raddbdir = $raddb|" -e "s|^logdir = .*|logdir = $dir/log|" \
        -e "s|^run_dir = .*|run_dir = $dir/run|" -e 's/^\(\s*\)\(user\|group\) = /\1#\2 = /' "$raddb/radiusd.conf"
}

# Starts FreeRADIUS in debug mode (-X, logged to DIR/radius.log) and waits until it is ready.
launch() {
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
}

case "$cmd" in
start)
    db_port=${3:?database port}
    prepare
    auth_port=${4:-$(free_ports)}

    # Gerbang's configuration as deployed (deploy/freeradius/install.sh), on loopback: routers are test
    # addresses in 127.0.0.0/8 (radclient sends from them with Packet-Src-IP-Address), each remembered
    # for RADIUS_CLIENT_LIFETIME seconds.
    RADIUS_DB_HOST=${RADIUS_DB_HOST:-127.0.0.1} RADIUS_DB_PORT=$db_port RADIUS_DB_USER=${RADIUS_DB_USER:-gerbang_radius} \
        RADIUS_DB_NAME=${RADIUS_DB_NAME:-gerbang} RADIUS_LISTEN_ADDRESS=127.0.0.1 RADIUS_AUTH_PORT=$auth_port \
        RADIUS_ACCT_PORT=$((auth_port + 1)) RADIUS_CLIENT_NETWORK=127.0.0.0/8 \
        RADIUS_CLIENT_LIFETIME=${RADIUS_CLIENT_LIFETIME:-2} "$here/../deploy/freeradius/install.sh" "$raddb"
    launch
    echo "RADIUS_AUTH_PORT=$auth_port"
    echo "RADIUS_ACCT_PORT=$((auth_port + 1))"
    echo "RADIUS_LOG=$dir/radius.log"
    ;;
coa)
    # A router's CoA/Disconnect side, for tests: acknowledges every Disconnect-Request and CoA-Request
    # from loopback that carries SECRET, and logs what it received in DIR/radius.log.
    address=${3:?address}; port=${4:?port}; secret=${5:?secret}
    prepare
    rm -f "$raddb"/sites-enabled/* "$raddb/mods-enabled/eap"
    printf 'client gerbang {\n\tipaddr = 127.0.0.1\n\tsecret = "%s"\n}\n' "$secret" >"$raddb/clients.conf"
    printf 'server coa-receiver {\n\tlisten {\n\t\ttype = coa\n\t\tipaddr = %s\n\t\tport = %s\n\t}\n\trecv-coa {\n\t\tok\n\t}\n\tsend-coa {\n\t\tok\n\t}\n}\n' \
        "$address" "$port" >"$raddb/sites-enabled/coa-receiver"
    launch
    echo "RADIUS_COA_LOG=$dir/radius.log"
    ;;
stop)
    stop
    ;;
*)
    echo "usage: freeradius.sh start DIR DATABASE_PORT [AUTH_PORT] | coa DIR ADDRESS PORT SECRET | stop DIR" >&2
    exit 2
    ;;
esac
