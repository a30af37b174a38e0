# Shared by scripts/bench.sh and scripts/bench-scale.sh (sourced): the wrk runs and their table.
# Expects: work (a directory for wrk's outputs), threads, connections, duration.
declare -A rate p99

# Waits for a server just started in the background (pid, port, log file) to answer /healthz.
wait_healthy() {
    until curl -fs -o /dev/null "http://127.0.0.1:$2/healthz"; do
        kill -0 "$1" 2>/dev/null || { cat "$3" >&2; exit 1; }
    done
}

# One line of the table: name, then wrk's arguments after the common ones. Keeps the requests per
# second and p99 in rate[name] and p99[name], and wrk's whole output in $work/wrk-name.txt.
measure() {
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

# wrk's latency (12.5us, 3.10ms, 1.02s) in milliseconds.
ms() { awk -v v="$1" 'BEGIN { if (v ~ /us$/) print v / 1000; else if (v ~ /ms$/) print v + 0; else print v * 1000 }'; }

# A target line: label, numerator, denominator, the least ratio that meets it.
ratio() {
    awk -v l="$1" -v a="$2" -v b="$3" -v t="$4" \
        'BEGIN { r = a / b; printf "  %-27s %.2f (%s / %s per s)   target >= %s  %s\n", l, r, a, b, t, (r >= t ? "met" : "MISSED") }'
}
