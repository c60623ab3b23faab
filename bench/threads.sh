#!/usr/bin/env bash
# Where a request's time goes between threads: per thread of the gateway and of the emulator, the CPU milliseconds and
# the context switches (voluntary: the thread went to sleep and was woken; involuntary: another thread took its CPU)
# per request, for a pass-through and a cached read, paced and back to back. Read from /proc/PID/task/*/{stat,status},
# with nothing attached to the JVMs. Results: bench/results/<date>-threads.md. How to read them: docs/request-path.md.
set -euo pipefail

BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$BENCH_DIR/.." && pwd)

usage() {
    cat <<'EOF'
Usage: bench/threads.sh [--seconds N]

Starts the emulator and the packaged gateway (as bench/run.sh does, JVM options from BENCH_JAVA_OPTS), warms both
routes up back to back, then paced until the gateway's JIT has settled, and measures each route N seconds (20) paced
(one connection, BENCH_PACED_DELAY_MS = 10 ms before each request) and back to back (one connection).
EOF
}

SECONDS_MEASURED=20
while (($#)); do
    case $1 in
        --seconds) SECONDS_MEASURED=$2; shift ;;
        -h | --help) usage; exit 0 ;;
        *) echo "unknown argument: $1" >&2; usage >&2; exit 2 ;;
    esac
    shift
done
PACED_DELAY_MS=${BENCH_PACED_DELAY_MS:-10}
WARMUP_ROUND_S=5
WARMUP_MAX_S=60
WARMUP_S=60

WORK=$(mktemp -d /tmp/ubiops-threads.XXXXXX)
# shellcheck source=bench/lib.sh
source "$BENCH_DIR/lib.sh"
trap 'stop_started 0; rm -rf "$WORK"' EXIT
trap 'exit 130' INT TERM

# One line per thread of process $1: TID, CPU ticks, voluntary and involuntary context switches, name (tab-separated).
threads_snapshot() {
    local tid ticks name
    thread_ticks "$1" | while IFS=$'\t' read -r tid ticks name; do
        printf '%s\t%s\t%s\t%s\t%s\n' "$tid" "$ticks" \
            "$(awk '/^voluntary_ctxt_switches/ {print $2}' "/proc/$1/task/$tid/status" 2>/dev/null)" \
            "$(awk '/^nonvoluntary_ctxt_switches/ {print $2}' "/proc/$1/task/$tid/status" 2>/dev/null)" "$name"
    done
}

# Table rows "| process | threads | CPU ms | voluntary | involuntary |" per request, for the thread groups (names without
# their number) that switched at least once in 100 requests: threads_delta NAME BEFORE AFTER REQUESTS
threads_delta() {
    awk -F'\t' -v proc="$1" -v n="$4" -v hz="$(getconf CLK_TCK)" '
        FNR == NR { cpu[$1] = $2; vol[$1] = $3; inv[$1] = $4; next }
        ($1 in cpu) { g = $5; sub(/[-#]?[0-9]+$/, "", g); sub(/ +$/, "", g)
                      gcpu[g] += $2 - cpu[$1]; gvol[g] += $3 - vol[$1]; ginv[g] += $4 - inv[$1] }
        END { for (g in gcpu) if ((gvol[g] + ginv[g]) * 100 >= n)
                  printf "| %s | %s | %.3f | %.2f | %.2f |\n", proc, g, 1000 * gcpu[g] / hz / n, gvol[g] / n, ginv[g] / n }
    ' "$2" "$3" | sort -t'|' -k4 -rn
}

# Measures one route and load: a markdown section. measure TITLE DELAY_MS URL [wrk options]
measure() {
    local title=$1 delay=$2 url=$3 run requests
    shift 3
    journal_mark
    threads_snapshot "$GATEWAY_PID" >"$WORK/g0"
    threads_snapshot "$EMULATOR_PID" >"$WORK/e0"
    run=$(wrk_json 1 1 "$SECONDS_MEASURED" "$delay" "$url" "$@")
    threads_snapshot "$GATEWAY_PID" >"$WORK/g1"
    threads_snapshot "$EMULATOR_PID" >"$WORK/e1"
    requests=$(jq .requests <<<"$run")
    printf '### %s\n\n' "$title"
    jq -r --argjson calls "$(calls_since_mark)" '"\(.requests) requests, p50 \(.latency_us.p50 / 1000) ms, "
        + "p99 \(.latency_us.p99 / 1000) ms, upstream calls \($calls)\n"' <<<"$run"
    echo "| process | threads | CPU ms per request | voluntary switches per request | involuntary per request |"
    echo "|---|---|---:|---:|---:|"
    threads_delta gateway "$WORK/g0" "$WORK/g1" "$requests"
    threads_delta emulator "$WORK/e0" "$WORK/e1" "$requests"
    echo
}

main() {
    start_emulator_and_gateway
    local user passthrough cached auth=(-H "Authorization: Bearer $JWT") url used jit out
    user=$(curl -sf -H "Authorization: Token $UPSTREAM_TOKEN" "$EMULATOR/v2.1/projects/demo-project/users" | jq -r '.[0].id')
    passthrough=$GATEWAY/api/v1/projects/demo-project/users/$user
    cached=$GATEWAY/api/v1/projects/demo-project/instance-types
    log "warm-up: ${WARMUP_S}s back to back (wrk -t2 -c8) on both routes"
    wrk_json 2 8 $((WARMUP_S / 2)) 0 "$passthrough" "${auth[@]}" >/dev/null
    wrk_json 2 8 $((WARMUP_S / 2)) 0 "$cached" "${auth[@]}" >/dev/null
    for url in "$passthrough" "$cached"; do
        read -r used jit < <(settle_jit "$GATEWAY_PID" "$url" "${auth[@]}")
        log "paced warm-up of ${url#"$GATEWAY"}: ${used}s, the JIT used ${jit} CPU s in the last round"
    done
    out=$BENCH_DIR/results/$(date -u +%Y-%m-%dT%H%M%SZ)-threads.md
    {
        echo "# Threads per request, $(date -u +%Y-%m-%dT%H:%M:%SZ)"
        echo
        echo "Load average before: $(cut -d' ' -f1-3 /proc/loadavg); JVM options: ${BENCH_JAVA_OPTS:-none}; $SECONDS_MEASURED s per row, one"
        echo "connection; paced: $PACED_DELAY_MS ms before each request. Per thread group (a pool's threads together), the CPU"
        echo "it used and how often its threads were switched out, divided by the requests. Only groups that switched at"
        echo "least once per 100 requests are listed."
        echo
        measure "Pass-through (GET …/users/{id}), paced" "$PACED_DELAY_MS" "$passthrough" "${auth[@]}"
        measure "Pass-through, back to back" 0 "$passthrough" "${auth[@]}"
        measure "Cached read (GET …/instance-types), paced" "$PACED_DELAY_MS" "$cached" "${auth[@]}"
        measure "Cached read, back to back" 0 "$cached" "${auth[@]}"
    } | tee "$out"
    log "written: ${out#"$ROOT"/}"
}

main
