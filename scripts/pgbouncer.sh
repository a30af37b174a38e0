#!/usr/bin/env bash
# A private pgbouncer in transaction mode on loopback, in front of a private cluster (scripts/pg.sh): no
# system service. The tests run a server through it, the way docs/OPERATIONS.md's deployment advice sets it up.
#   scripts/pgbouncer.sh start DIR DATABASE_PORT   prints PGBOUNCER_PORT, PGBOUNCER_PREPARED_STATEMENTS and
#                                                   PGBOUNCER_LOG (eval-able)
#   scripts/pgbouncer.sh show DIR WHAT              its admin console's SHOW WHAT (stats, clients, pools…),
#                                                   unaligned, with a header line
#   scripts/pgbouncer.sh stop DIR
# Environment: PGBOUNCER_WATCH_PID (stop pgbouncer when that process ends, so a test run that dies leaves
# no pooler behind).
# Loopback only and auth_type = trust, like the cluster behind it: the roles must still be listed in the
# auth file. PGBOUNCER_PREPARED_STATEMENTS says whether this pgbouncer follows named prepared statements
# (1.21 and later, with max_prepared_statements set): the value for the server's DB_PREPARED_STATEMENTS.
set -euo pipefail

cmd=${1:?usage: pgbouncer.sh start DIR DATABASE_PORT | show DIR WHAT | stop DIR}
dir=$(mkdir -p "${2:?directory}" && cd "$2" && pwd)
here=$(cd "$(dirname "$0")" && pwd)

# pgbouncer refuses to run as root: run it as the 'postgres' system user, as scripts/pg.sh does.
as_owner() {
    if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

# shellcheck source=lib/daemon.sh
. "$here/lib/daemon.sh"
stop() { stop_by_pidfile "$dir/pgbouncer.pid"; }

# Below the kernel's ephemeral range (32768-60999 here), so no test's outgoing connection can hold the port
# between this check and pgbouncer's bind.
free_port() {
    local p
    for p in $(seq 26432 26532); do
        (echo >"/dev/tcp/127.0.0.1/$p") 2>/dev/null || { echo "$p"; return; }
    done
    echo "gerbang: no free port for pgbouncer in 26432-26532" >&2; exit 1
}

case "$cmd" in
start)
    db_port=${3:?database port}
    "$here/prereqs.sh" pgbouncer
    server=$(command -v pgbouncer || echo /usr/sbin/pgbouncer)
    [ -x "$server" ] || { echo "gerbang: the pgbouncer binary was not found (is 'pgbouncer' installed?)" >&2; exit 1; }
    version=$("$server" --version | sed -n 's/^PgBouncer \([0-9]*\)\.\([0-9]*\).*/\1 \2/p')
    read -r major minor <<<"${version:-0 0}"

    stop
    if [ "$(id -u)" -eq 0 ]; then
        id postgres >/dev/null 2>&1 || useradd --system --no-create-home --shell /usr/sbin/nologin postgres
        chown postgres: "$dir"
    fi
    port=$(free_port)
    prepared=false
    prepared_setting=""
    if [ "$major" -gt 1 ] || { [ "$major" -eq 1 ] && [ "$minor" -ge 21 ]; }; then
        prepared=true
        prepared_setting="max_prepared_statements = 500"
    fi
    printf '"gerbang_app" ""\n"pgbouncer" ""\n' >"$dir/userlist.txt"
    # ignore_startup_parameters = options: libpq sends Gerbang's session settings (time zone, date style,
    # statement timeout) in the startup packet's options, which pgbouncer before 1.20 refuses outright and
    # later versions refuse when they name a setting it does not track. Ignored here, the server
    # connections get them from the role instead (ALTER ROLE … SET in scripts/pg.sh), as docs/OPERATIONS.md advises.
    cat >"$dir/pgbouncer.ini" <<EOF
[databases]
gerbang = host=127.0.0.1 port=$db_port dbname=gerbang

[pgbouncer]
listen_addr = 127.0.0.1
listen_port = $port
unix_socket_dir =
auth_type = trust
auth_file = $dir/userlist.txt
admin_users = pgbouncer
pool_mode = transaction
default_pool_size = 10
max_client_conn = 200
ignore_startup_parameters = options
$prepared_setting
logfile = $dir/pgbouncer.log
pidfile = $dir/pgbouncer.pid
EOF
    chmod 644 "$dir/pgbouncer.ini" "$dir/userlist.txt"

    rm -f "$dir/pgbouncer.log"
    as_owner "$server" -d "$dir/pgbouncer.ini" || { tail -n 20 "$dir/pgbouncer.log" >&2 2>/dev/null; exit 1; }
    # Up to 30 s: one clean-clone run, on a machine also compiling, found pgbouncer not listening after 5 s
    # with nothing in its log (the cause was not found); a started pgbouncer ends the wait at once.
    for _ in $(seq 1 300); do
        [ -s "$dir/pgbouncer.pid" ] && (echo >"/dev/tcp/127.0.0.1/$port") 2>/dev/null && break
        sleep 0.1
    done
    (echo >"/dev/tcp/127.0.0.1/$port") 2>/dev/null || {
        echo "gerbang: pgbouncer did not start; last lines of $dir/pgbouncer.log:" >&2
        tail -n 20 "$dir/pgbouncer.log" >&2 2>/dev/null
        stop
        exit 1
    }
    if [ -n "${PGBOUNCER_WATCH_PID:-}" ]; then
        nohup setsid bash -c 'while kill -0 "$1" 2>/dev/null && kill -0 "$2" 2>/dev/null; do sleep 1; done; kill -KILL "$2" 2>/dev/null' \
            watch "$PGBOUNCER_WATCH_PID" "$(cat "$dir/pgbouncer.pid")" >/dev/null 2>&1 </dev/null &
    fi
    echo "PGBOUNCER_PORT=$port"
    echo "PGBOUNCER_PREPARED_STATEMENTS=$prepared"
    echo "PGBOUNCER_LOG=$dir/pgbouncer.log"
    ;;
show)
    what=${3:?what to show}
    [[ "$what" =~ ^[a-z_]+$ ]] || { echo "gerbang: SHOW takes one word" >&2; exit 2; }
    bindir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
    port=$(sed -n 's/^listen_port = //p' "$dir/pgbouncer.ini")
    # The admin console speaks only the simple query protocol, which psql uses.
    "$bindir/psql" -X -A -h 127.0.0.1 -p "$port" -U pgbouncer -d pgbouncer -c "show $what" | sed '$d'
    ;;
stop)
    stop
    ;;
*)
    echo "usage: pgbouncer.sh start DIR DATABASE_PORT | show DIR WHAT | stop DIR" >&2
    exit 2
    ;;
esac
