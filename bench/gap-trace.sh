#!/usr/bin/env bash
# What an overview's gap between its two rounds of upstream calls is made of, from the scheduler's and the system
# calls' side: cold overviews at 50 ms (--latency) of upstream latency, traced with perf (sched_switch, sched_wakeup,
# and every thread's socket reads and writes and epoll waits), joined with the emulator's journal. Writes
# bench/results/<date>-gap-trace.md. How to read it: docs/request-path.md.
set -euo pipefail

BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$BENCH_DIR/.." && pwd)

usage() {
    cat <<'USAGE'
Usage: bench/gap-trace.sh [--overviews N] [--latency MS] [--emulator JAR] [--apart]

Starts the emulator and the packaged gateway (BENCH_JAVA_OPTS), warms the gateway up and lets its JIT settle as
bench/run.sh does, then reads N (20) cold overviews each of projects with 1, 10 and 50 deployments with MS (50) ms
on every upstream call, under `perf record -a` (root, and the perf tool: Debian's linux-perf). For each overview, in
ms, the median of:
  wait     from the emulator's answer to the deployment list (its journal) until the gateway's event loop runs
  reads    until that loop has read the answers ready then (the first round's others among them)
  work     from its last read to its write of the first versions call (the list's answer handled, the call made)
  arrival  from that write until the emulator has the call (its journal)
  gap      the whole: what bench/run.sh reports
An overview whose versions call left from another loop, or whose loop did not read first, is left out (counted).
--emulator JAR: another emulator runner jar (an earlier build, say) in place of this tree's.
--apart: the emulator's threads on the last CPU and the gateway's on the others (taskset), as if UbiOps ran elsewhere.
USAGE
}

OVERVIEWS=20
LATENCY=50
EMULATOR_OTHER=
APART=0
while (($#)); do
    case $1 in
        --overviews) OVERVIEWS=$2; shift ;;
        --latency) LATENCY=$2; shift ;;
        --apart) APART=1 ;;
        --emulator) EMULATOR_OTHER=$(realpath "$2"); shift ;;
        -h | --help) usage; exit 0 ;;
        *) echo "unknown argument: $1" >&2; usage >&2; exit 2 ;;
    esac
    shift
done

WORK=$(mktemp -d /tmp/ubiops-gap-trace.XXXXXX)
# shellcheck source=bench/lib.sh
source "$BENCH_DIR/lib.sh"
trap 'stop_started 0; rm -rf "$WORK"' EXIT
trap 'exit 130' INT TERM
ensure_commands curl:curl jq:jq openssl:openssl perf:linux-perf python3:python3

STAMP=$(date -u +%Y-%m-%dT%H%M%SZ)
OUT=$BENCH_DIR/results/$STAMP-gap-trace.md
build_gateway
[[ -z $EMULATOR_OTHER ]] || EMULATOR_JAR=$EMULATOR_OTHER
make_jwt
start_emulator
start_gateway
if ((APART)); then
    ensure_commands taskset:util-linux
    last=$(($(nproc) - 1))
    taskset -a -p -c "$last" "$EMULATOR_PID" >/dev/null
    taskset -a -p -c "0-$((last - 1))" "$GATEWAY_PID" >/dev/null
fi
organization=$(curl -sf -H "Authorization: Token $UPSTREAM_TOKEN" "$EMULATOR/v2.1/projects/demo-project" \
    | jq -r .organization_name)
WARM=120
queue_projects_of_each_size gtwarm "$WARM" "$organization"
queue_projects_of_each_size gtsettle "$OVERVIEW_SETTLE_PROJECTS" "$organization"
for k in $(seq "$OVERVIEWS"); do
    for n in "${OVERVIEW_SIZES[@]}"; do queue_overview_project "gt$n-$k" "$n" "$organization"; done
done
for batch in "$WORK"/create-*.curl; do run_batch "$batch"; done
log "warm-up"
warm_overviews gtwarm "$WARM" 8 "$GATEWAY"
log "settled: $(settle_overviews "$LATENCY" gtsettle "$OVERVIEW_SETTLE_PROJECTS" 9 "$GATEWAY_PID" "$GATEWAY")"
upstream_latency "$LATENCY"

threads() { for t in /proc/"$1"/task/*; do echo "$(basename "$t") $2 $(cat "$t/comm")"; done; }
{ threads "$GATEWAY_PID" gateway; threads "$EMULATOR_PID" emulator; } >"$WORK/threads"
python3 -c 'import time; print(time.time() - time.clock_gettime(time.CLOCK_MONOTONIC))' >"$WORK/clock-offset"
# The calls an event loop makes on NIO (epoll_wait, read, write) and on Netty's epoll transport (epoll_pwait2, recvfrom,
# sendto), those this kernel has; gap_segments.py names their kinds.
events=(-e sched:sched_switch -e sched:sched_wakeup)
for call in sys_exit_epoll_wait sys_exit_epoll_pwait sys_exit_epoll_pwait2 sys_enter_read sys_enter_recvfrom \
    sys_enter_write sys_enter_writev sys_enter_sendto sys_enter_sendmsg; do
    if [[ $(perf list "syscalls:$call" 2>/dev/null) == *"syscalls:$call "* ]]; then events+=(-e "syscalls:$call"); fi
done
perf record -q -a -k CLOCK_MONOTONIC -o "$WORK/perf.data" "${events[@]}" 2>"$WORK/perf.log" &
PERF_PID=$!
sleep 1
for n in "${OVERVIEW_SIZES[@]}"; do
    for k in $(seq "$OVERVIEWS"); do
        curl -sf -o /dev/null -X DELETE "$EMULATOR/emulator/journal"
        code=$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $JWT" \
            "$GATEWAY/api/v1/projects/gt$n-$k/overview")
        [[ $code == 200 ]] || die "overview of gt$n-$k answered $code"
        curl -sf "$EMULATOR/emulator/journal" | jq -c --arg n "$n" '.[] + {deployments: ($n | tonumber)}' \
            >>"$WORK/journal.jsonl"
    done
done
kill -INT "$PERF_PID"
wait "$PERF_PID" || true
upstream_latency 0
perf script -i "$WORK/perf.data" -F tid,cpu,time,event,trace 2>/dev/null >"$WORK/events"
{
    echo "# The gap between an overview's rounds, traced ($STAMP)"
    echo
    echo "Commit $(git -C "$ROOT" rev-parse --short HEAD), emulator \`$(basename "$EMULATOR_JAR")\`${EMULATOR_OTHER:+ (given)};"
    echo "$OVERVIEWS cold overviews per size at $LATENCY ms$( ((APART)) && echo ", the emulator and the gateway on CPUs of their own");"
    echo "load average $(cut -d' ' -f1-3 /proc/loadavg) after; BENCH_JAVA_OPTS: \`${BENCH_JAVA_OPTS:-}\`. Medians in ms."
    echo
    python3 "$BENCH_DIR/gap_segments.py" "$WORK"
} | tee "$OUT"
log "written: $OUT"
