# Shared by the scripts that run a private daemon (pgbouncer.sh, freeradius.sh); source it, do not run it.

# Stops the daemon whose pid file is $1: SIGTERM, then SIGKILL after 2 s (SIGTERM may be blocked,
# inherited from whoever started it), and removes the pid file.
stop_by_pidfile() {
    local pidfile=$1 pid
    [ -f "$pidfile" ] || return 0
    pid=$(cat "$pidfile")
    if kill -0 "$pid" 2>/dev/null; then
        kill "$pid" 2>/dev/null || true
        for _ in $(seq 1 20); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
        kill -KILL "$pid" 2>/dev/null || true
    fi
    rm -f "$pidfile"
}
