#!/usr/bin/env bash
# A private PostgreSQL cluster for development and tests: no system service, works as root.
#   scripts/pg.sh start DIR [PORT]   init (once) and start; prints the app's and the owner's URLs
#   scripts/pg.sh stop DIR
# Three roles: gerbang_owner owns the schema (migrations), gerbang_app is what the server uses and owns nothing,
# gerbang_radius is what FreeRADIUS reads with (row-level security: db/migrations/0010_row_level_security.sql).
set -euo pipefail

cmd=${1:?usage: pg.sh start|stop DIR [PORT]}
dir=$(mkdir -p "${2:?data directory}" && cd "$2" && pwd)
port=${3:-}

bindir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
[ -n "$bindir" ] || { echo "gerbang: PostgreSQL server binaries not found (is 'postgresql' installed?)" >&2; exit 1; }

# PostgreSQL refuses to run as root: run it as the 'postgres' system user (created by the package).
as_owner() {
    if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}
if [ "$(id -u)" -eq 0 ]; then
    id postgres >/dev/null 2>&1 || useradd --system --no-create-home --shell /usr/sbin/nologin postgres
    chown postgres: "$dir"
    # every directory above the cluster must be traversable by that user
    p="$dir"; while [ "$p" != "/" ]; do p=$(dirname "$p"); [ -x "$p" ] || chmod o+x "$p"; done
fi

free_port() {
    local p
    for p in $(seq 55432 55532); do
        (echo >"/dev/tcp/127.0.0.1/$p") 2>/dev/null || { echo "$p"; return; }
    done
    echo "gerbang: no free port for PostgreSQL in 55432-55532" >&2; exit 1
}

case "$cmd" in
start)
    if [ ! -f "$dir/PG_VERSION" ]; then
        as_owner "$bindir/initdb" -D "$dir" -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 >"$dir.initdb.log" 2>&1 \
            || { cat "$dir.initdb.log" >&2; exit 1; }
    fi
    if [ -f "$dir/postmaster.pid" ] && as_owner "$bindir/pg_ctl" -D "$dir" status >/dev/null 2>&1; then
        port=$(sed -n 4p "$dir/postmaster.pid")
    else
        rm -f "$dir/postmaster.pid"
        [ -n "$port" ] || port=$(free_port)
        as_owner "$bindir/pg_ctl" -D "$dir" -w -t 30 -l "$dir/server.log" \
            -o "-c listen_addresses=127.0.0.1 -c port=$port -c unix_socket_directories=$dir -c max_connections=300 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
            start >/dev/null || { tail -n 20 "$dir/server.log" >&2; exit 1; }
    fi
    psql=("$bindir/psql" -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$port" -U postgres -d postgres)
    if [ "$("${psql[@]}" -tAc "select 1 from pg_roles where rolname = 'gerbang_owner'")" != "1" ]; then
        "${psql[@]}" -c "create role gerbang_owner login" -c "create role gerbang_app login" \
            -c "create database gerbang owner gerbang_owner" -c "revoke all on database gerbang from public" \
            -c "grant connect, temporary on database gerbang to gerbang_app"
    fi
    # Added after the first two (a cluster made earlier gets them on its next start).
    if [ "$("${psql[@]}" -tAc "select 1 from pg_roles where rolname = 'gerbang_radius'")" != "1" ]; then
        # FreeRADIUS's own: reads the rad* tables across tenants (a policy of its own), writes only its logs.
        "${psql[@]}" -c "create role gerbang_radius login" -c "grant connect on database gerbang to gerbang_radius"
        # Row-level security is forced on the owner too; its sessions default to the cross-tenant scope so
        # migrations and maintenance see every row. Only a superuser may set this for a role.
        "${psql[@]}" -c "alter role gerbang_owner set app.scope = 'all'"
    fi
    # The application's session settings, on its role too: a pooler in transaction mode (scripts/pgbouncer.sh)
    # drops the ones its connections carry, and its server connections then start from these.
    if [ "$("${psql[@]}" -tAc "select 1 from pg_db_role_setting s join pg_roles r on r.oid = s.setrole where r.rolname = 'gerbang_app' and s.setconfig::text like '%statement_timeout%'")" != "1" ]; then
        "${psql[@]}" -c "alter role gerbang_app set statement_timeout = '15s'" -c "alter role gerbang_app set timezone = 'UTC'" \
            -c "alter role gerbang_app set datestyle = 'ISO'"
    fi
    # No JIT for the application (PostgresConfiguration says why); on the role too, for a pooler's sessions.
    "${psql[@]}" -c "alter role gerbang_app set jit = off"
    # The application passes SECRETS_KEY as a bind parameter: never log parameters of its statements,
    # even with log_statement=all or log_min_duration_statement set (only a superuser may set this).
    "${psql[@]}" -c "alter role gerbang_app set log_parameter_max_length = 0" \
        -c "alter role gerbang_app set log_parameter_max_length_on_error = 0"
    echo "DATABASE_URL=postgresql://gerbang_app@127.0.0.1:$port/gerbang"
    echo "MIGRATION_DATABASE_URL=postgresql://gerbang_owner@127.0.0.1:$port/gerbang"
    echo "PG_ADMIN_URL=postgresql://postgres@127.0.0.1:$port/postgres"
    # The same application role over the cluster's Unix socket, for a server on this machine.
    echo "SOCKET_DATABASE_URL=postgresql://gerbang_app@:$port/gerbang?host=$dir"
    ;;
stop)
    [ -f "$dir/postmaster.pid" ] && as_owner "$bindir/pg_ctl" -D "$dir" -m fast -w stop >/dev/null || true
    ;;
*) echo "usage: pg.sh start|stop DIR [PORT]" >&2; exit 2 ;;
esac
