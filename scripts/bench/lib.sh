# Shared by scripts/bench.sh and scripts/bench-scale.sh (sourced): the wrk runs and their table.
# Expects: work (a directory for wrk's outputs), threads, connections, duration.
declare -A rate p99

# Waits for a server just started in the background (pid, port, log file) to answer /healthz.
wait_healthy() {
    until curl -fs -o /dev/null "http://127.0.0.1:$2/healthz"; do
        kill -0 "$1" 2>/dev/null || { cat "$3" >&2; exit 1; }
    done
}

# One line of the table: name, then wrk's arguments after the common ones; the scenario measured at
# once, as a single turn of the whole duration. Keeps the requests per second and p99 in rate[name] and
# p99[name], and wrk's whole output in $work/wrk-name.txt.
measure() {
    local slice_duration=$duration
    slice "$@"
    report "$1"
}

# A ratio's two sides measured in turns: `slice` runs one scenario for a slice of the duration and adds
# up its requests and seconds, `report` prints its line once every turn is done. A shared machine's speed
# can drift by a third within minutes (docs/BENCHMARKS.md), so sides measured minutes apart would compare
# two machines; in turns, a change of speed weighs on both alike. The rate is all requests over all
# seconds; p50 is the median of the slices' and p99 the highest. Expects slice_duration (one slice's -d).
declare -A slice_requests slice_seconds slice_p50s slice_p99s slice_errors
# The command wrk runs under (taskset …) when set; empty: wrk on every core.
wrk_prefix=()

slice() {
    local name=$1
    shift
    local out
    out=$("${wrk_prefix[@]}" wrk -t"$threads" -c"$connections" -d"$slice_duration" --latency "$@")
    echo "$out" >>"$work/wrk-$name.txt"
    grep '^status ' <<<"$out" >>"$work/statuses-$name.txt" || true
    read -r count elapsed < <(awk '/ requests in / {sub(/s,$/, "", $4); print $1, $4}' <<<"$out")
    slice_requests[$name]=$((${slice_requests[$name]:-0} + count))
    slice_seconds[$name]=$(awk -v a="${slice_seconds[$name]:-0}" -v b="$elapsed" 'BEGIN { print a + b }')
    slice_p50s[$name]+=" $(ms "$(awk '$1 == "50%" {print $2}' <<<"$out")")"
    slice_p99s[$name]+=" $(ms "$(awk '$1 == "99%" {print $2}' <<<"$out")")"
    slice_errors[$name]=$((${slice_errors[$name]:-0} + $(awk '/Non-2xx or 3xx/ {print $5}' <<<"$out" | grep . || echo 0)))
}

# pgbench's side of a ratio, a slice at a time: name, then pgbench's arguments after the common ones.
# Its latency is an average (pgbench prints no percentiles without per-transaction logs).
pgbench_slice() {
    local name=$1
    shift
    local out
    out=$(pgbench -N -c 16 -j "$threads" -T "${slice_duration%s}" "$@" 2>&1)
    echo "$out" >>"$work/pgbench.txt"
    # As its own tps: transactions over the time after the clients connected.
    slice_requests[$name]=$((${slice_requests[$name]:-0} + $(awk -v t="${slice_duration%s}" '/^tps = / {printf "%d", $3 * t; exit}' <<<"$out")))
    slice_seconds[$name]=$(awk -v a="${slice_seconds[$name]:-0}" -v b="${slice_duration%s}" 'BEGIN { print a + b }')
    slice_p50s[$name]+=" $(awk '/^latency average = / {print $4}' <<<"$out")"
    slice_errors[$name]=$((${slice_errors[$name]:-0} + $(awk '/number of failed transactions/ {print $5}' <<<"$out" | grep . || echo 0)))
}

# The table's line for a scenario measured in slices; keeps rate[name] and p99[name] as `measure` does.
report() {
    local name=$1
    rate[$name]=$(awk -v n="${slice_requests[$name]}" -v s="${slice_seconds[$name]}" 'BEGIN { printf "%.2f", n / s }')
    local p50 latency
    p50=$(tr ' ' '\n' <<<"${slice_p50s[$name]}" | grep . | sort -g | awk '{v[NR] = $1} END {print v[int((NR + 1) / 2)]}')
    if [ -z "${slice_p99s[$name]:-}" ]; then
        p99[$name]=""
        latency="${p50}ms avg"
    else
        p99[$name]=$(tr ' ' '\n' <<<"${slice_p99s[$name]}" | grep . | sort -g | tail -1)ms
        latency="${p50}ms"
    fi
    printf '%-30s %12s %10s %10s %10s\n' "$name" "${rate[$name]}" "$latency" "${p99[$name]}" "${slice_errors[$name]}"
    # The highest p99 is the one reported; each turn's shows whether it was one turn or all.
    if [ -n "${slice_p99s[$name]:-}" ]; then echo "    p99 by turn (ms):${slice_p99s[$name]}"; fi
    if [ -s "$work/statuses-$name.txt" ]; then
        awk '{sum[$2] += $3} END {for (s in sum) printf "    status %s %d\n", s, sum[s]}' "$work/statuses-$name.txt"
    fi
}

# wrk's latency (12.5us, 3.10ms, 1.02s) in milliseconds.
ms() { awk -v v="$1" 'BEGIN { if (v ~ /us$/) print v / 1000; else if (v ~ /ms$/) print v + 0; else print v * 1000 }'; }

# A target line: label, numerator, denominator, the least ratio that meets it.
ratio() {
    awk -v l="$1" -v a="$2" -v b="$3" -v t="$4" \
        'BEGIN { r = a / b; printf "  %-27s %.2f (%s / %s per s)   target >= %s  %s\n", l, r, a, b, t, (r >= t ? "met" : "MISSED") }'
}
