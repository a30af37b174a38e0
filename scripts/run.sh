#!/usr/bin/env bash
# make run: prerequisites, a private PostgreSQL under .data/ (unless DATABASE_URL is set),
# migrations, demo tenants, a release build, and the server on $PORT (default 8080).
set -euo pipefail
cd "$(dirname "$0")/.."
port=${PORT:-8080}

scripts/prereqs.sh

if (echo >"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
    echo "gerbang: port $port is already in use; stop what uses it or run 'PORT=8081 make run'" >&2
    exit 1
fi

if [ -z "${DATABASE_URL:-}" ]; then
    mkdir -p .data
    while IFS='=' read -r key value; do export "$key=$value"; done < <(scripts/pg.sh start "$PWD/.data/pg")
    # Migrations over TCP as the owner; the server itself over the cluster's Unix socket (no TCP stack per query).
    export MIGRATION_DATABASE_URL DATABASE_URL=$SOCKET_DATABASE_URL
    echo "gerbang: PostgreSQL running in .data/pg (stop it with 'make db-stop')"
fi
export MIGRATION_DATABASE_URL=${MIGRATION_DATABASE_URL:-$DATABASE_URL}

# Gateway keys and device tokens are encrypted under SECRETS_KEY: one key, made once, kept in .data/.
mkdir -p .data
if [ -z "${SECRETS_KEY:-}" ]; then
    if [ ! -s .data/secrets.key ]; then
        (umask 077; od -An -N32 -tx1 /dev/urandom | tr -d ' \n' >.data/secrets.key)
        echo "gerbang: created .data/secrets.key (SECRETS_KEY); without it the stored gateway keys cannot be read"
    fi
    SECRETS_KEY=$(cat .data/secrets.key)
fi
export SECRETS_KEY

# What other commands need to reach this same database (scripts/gerbang reads it), e.g.
# `scripts/gerbang admin create --email you@example.com` in another terminal.
(umask 077; {
    echo "DATABASE_URL=$DATABASE_URL"
    echo "MIGRATION_DATABASE_URL=$MIGRATION_DATABASE_URL"
    echo "SECRETS_KEY=$SECRETS_KEY"
} >.data/env)

swift build -c release --product gerbang
bin=.build/release/gerbang

"$bin" migrate
"$bin" demo

cat <<TXT

  Gerbang is starting on port $port. Demo sites:
    http://alpha.localhost:$port/        Alpha Net (English)
    http://beta.localhost:$port/         Beta Wifi (Bahasa Indonesia)
    http://gamma.localhost:$port/        Gamma Link (inactive: 404)
    http://localhost:$port/              the platform site
    curl -H 'Host: hotspot.alpha-net.test' http://127.0.0.1:$port/    alpha's custom domain

  Customer portal (password portal123 for every demo subscriber; PPPoE password pppoe123):
    http://alpha.localhost:$port/portal/login    A-1001 (paid up to date), A-1002 (one overdue), A-1003 (isolated)
    http://beta.localhost:$port/portal/login     B-2001 (paid up to date), B-2002 (one overdue), B-2003 (isolated)

  Tenant admin (password admin123):
    http://alpha.localhost:$port/admin/login     admin@alpha-net.test
    http://beta.localhost:$port/admin/login      admin@beta-wifi.test
    http://localhost:$port/head-office/login            ops@gerbang.test (head office: tenants, domains, gateways)

  Demo routers for RADIUS (README.md "Demo RADIUS": scripts/freeradius.sh, then radclient):
    alpha  127.0.10.1  secret alpha-radius-demo        beta  127.0.10.2  secret beta-radius-demo

  One supervisor and WORKER_PROCESSES worker processes (default: one per core, at least 2) on the port;
  'WORKER_PROCESSES=1 make run' runs a single process (for a debugger). Ctrl-C stops everything;
  'kill -HUP <supervisor pid>' replaces the workers with a freshly built binary.

TXT
# The built-in sandbox gateway pays without money: on for development, off unless asked for.
SANDBOX_GATEWAY=${SANDBOX_GATEWAY:-true} PORT=$port exec "$bin" serve
