#!/usr/bin/env bash
# Installs Gerbang's FreeRADIUS 3 configuration into a FreeRADIUS configuration directory (a Debian
# /etc/freeradius/3.0, or a copy of it): the gerbang site and its dynamic-clients server, the sql module
# with Gerbang's queries, the counters, the local dictionary. Only paths, ports and database settings
# are filled in; everything else is these files as they are, the ones the tests run.
#   deploy/freeradius/install.sh RADDB
# Environment (defaults in brackets):
#   RADIUS_DB_HOST [127.0.0.1]  RADIUS_DB_PORT [5432]  RADIUS_DB_USER [gerbang_radius]
#   RADIUS_DB_PASSWORD []  RADIUS_DB_NAME [gerbang]
#   RADIUS_LISTEN_ADDRESS [*]  RADIUS_AUTH_PORT [1812]  RADIUS_ACCT_PORT [AUTH + 1]
#   RADIUS_CLIENT_NETWORK [0.0.0.0/0]: where routers may ask from (narrow it to your tunnel network)
#   RADIUS_CLIENT_LIFETIME [300]: seconds a router's secret is remembered before it is read again
set -euo pipefail

raddb=${1:?usage: install.sh RADDB}
here=$(cd "$(dirname "$0")" && pwd)
[ -f "$raddb/radiusd.conf" ] || { echo "gerbang: $raddb has no radiusd.conf (not a FreeRADIUS 3 directory?)" >&2; exit 1; }

auth_port=${RADIUS_AUTH_PORT:-1812}
render() {
    local password=${RADIUS_DB_PASSWORD:-}
    # The password goes into a quoted FreeRADIUS string: quotes and backslashes must not end it.
    case "$password" in *'"'* | *'\'* | *'|'*) echo "gerbang: RADIUS_DB_PASSWORD may not contain \" \\ or |" >&2; exit 1 ;; esac
    sed -e "s|@DB_HOST@|${RADIUS_DB_HOST:-127.0.0.1}|g" -e "s|@DB_PORT@|${RADIUS_DB_PORT:-5432}|g" \
        -e "s|@DB_USER@|${RADIUS_DB_USER:-gerbang_radius}|g" -e "s|@DB_PASSWORD@|$password|g" \
        -e "s|@DB_NAME@|${RADIUS_DB_NAME:-gerbang}|g" \
        -e "s|@LISTEN_ADDRESS@|${RADIUS_LISTEN_ADDRESS:-*}|g" -e "s|@AUTH_PORT@|$auth_port|g" \
        -e "s|@ACCT_PORT@|${RADIUS_ACCT_PORT:-$((auth_port + 1))}|g" \
        -e "s|@CLIENT_NETWORK@|${RADIUS_CLIENT_NETWORK:-0.0.0.0/0}|g" \
        -e "s|@CLIENT_LIFETIME@|${RADIUS_CLIENT_LIFETIME:-300}|g" "$1" >"$2"
}

install -m 0644 "$here/dictionary.gerbang" "$raddb/dictionary.gerbang"
grep -q '^\$INCLUDE dictionary.gerbang' "$raddb/dictionary" || echo '$INCLUDE dictionary.gerbang' >>"$raddb/dictionary"

render "$here/mods-available/sql" "$raddb/mods-available/sql"
chmod 0640 "$raddb/mods-available/sql"
install -m 0644 "$here/mods-available/gerbang_counters" "$raddb/mods-available/gerbang_counters"
install -m 0644 "$here/mods-config/sql/main/postgresql/gerbang.conf" "$raddb/mods-config/sql/main/postgresql/gerbang.conf"
ln -sfn ../mods-available/sql "$raddb/mods-enabled/sql"
ln -sfn ../mods-available/gerbang_counters "$raddb/mods-enabled/gerbang_counters"

render "$here/sites-available/gerbang" "$raddb/sites-available/gerbang"
# Gerbang's site answers on the RADIUS ports; the stock sites would listen on the same ones.
rm -f "$raddb/sites-enabled/default" "$raddb/sites-enabled/inner-tunnel"
# EAP (WPA-Enterprise) is not what hotspots and PPPoE speak, and its tunnels need inner-tunnel.
rm -f "$raddb/mods-enabled/eap"
ln -sfn ../sites-available/gerbang "$raddb/sites-enabled/gerbang"
# The stock clients (localhost with the well-known testing123) have no place on a RADIUS server that
# serves routers on the internet.
printf '# Routers are read from Gerbang'"'"'s database (sites-available/gerbang).\n' >"$raddb/clients.conf"
