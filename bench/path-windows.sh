#!/usr/bin/env bash
# Where the latency a proxy adds to a paced pass-through sits, from packet timestamps on the loopback interface
# (tcpdump: nothing runs inside the processes measured): for the gateway, for a trivial Quarkus pass-through
# (bench/floor) and for nginx proxy_pass in front of the same emulator, the time from a request's arrival to the
# proxy's call upstream, UbiOps's time, and the time from its answer to the proxy's. Writes bench/results/<date>-path-windows.md. How to read it: docs/request-path.md.
set -euo pipefail

BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$BENCH_DIR/.." && pwd)

usage() {
    cat <<'USAGE'
Usage: bench/path-windows.sh [--latency MS]... [--seconds N]

Starts the emulator, the packaged gateway (BENCH_JAVA_OPTS), the floor app (bench/floor, the same JVM options:
Quarkus REST and its REST client forwarding the read, nothing else; and beside it a plain Vert.x route with a Vert.x
HTTP client doing the same) and nginx proxy_pass (no cache), warms the JVMs up and lets their JIT settle as
bench/run.sh does, then, per upstream latency (--latency, repeatable; 0 and 50), runs the read bench/run.sh's
pass-through scenario measures (GET of a project member, never cached) on one connection, BENCH_PACED_DELAY_MS (10)
ms before each request, for N (20) seconds per target: the emulator directly, nginx, the floor's two, the gateway,
each under tcpdump (root). Per proxy, in ms (median and 90th percentile):
  inbound   from the request's arrival to the proxy's call upstream leaving
  upstream  from that call to UbiOps's answer arriving (the emulator's injected latency and its own time)
  outbound  from that answer to the proxy's answer leaving
  own       inbound + outbound: what the proxy itself adds, its two wake-ups included
USAGE
}

LATENCIES=()
SECONDS_MEASURED=20
while (($#)); do
    case $1 in
        --latency) LATENCIES+=("$2"); shift ;;
        --seconds) SECONDS_MEASURED=$2; shift ;;
        -h | --help) usage; exit 0 ;;
        *) echo "unknown argument: $1" >&2; usage >&2; exit 2 ;;
    esac
    shift
done
((${#LATENCIES[@]})) || LATENCIES=(0 50)

WORK=$(mktemp -d /tmp/ubiops-path-windows.XXXXXX)
# shellcheck source=bench/lib.sh
source "$BENCH_DIR/lib.sh"
trap 'stop_started 0; rm -rf "$WORK"' EXIT
trap 'exit 130' INT TERM
ensure_commands curl:curl jq:jq openssl:openssl wrk:wrk nginx:nginx tcpdump:tcpdump python3:python3
[[ $(id -u) == 0 ]] || die "tcpdump captures on the loopback interface: run as root"

PACED_DELAY_MS=${BENCH_PACED_DELAY_MS:-10}
WARMUP_ROUND_S=5
WARMUP_MAX_S=60
STAMP=$(date -u +%Y-%m-%dT%H%M%SZ)
OUT=$BENCH_DIR/results/$STAMP-path-windows.md
LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)

# One target's round under tcpdump, as JSON: round TARGET PROXY_PORT JVM_PID URL [wrk options]; PROXY_PORT empty
# for the emulator itself, which has no windows; JVM_PID the proxy's JVM, whose JIT is reported, empty for nginx.
round() {
    local target=$1 port=$2 jvm=$3 url=$4 capture=$WORK/capture run calls windows='{}' tcpdump_pid waited=0
    local jit_before jit=null
    shift 4
    tcpdump -i lo -n -tt -l "tcp and (port ${port:-$EMULATOR_PORT} or port $EMULATOR_PORT)" >"$capture" \
        2>"$WORK/tcpdump.log" &
    tcpdump_pid=$!
    until grep -q 'listening on' "$WORK/tcpdump.log"; do
        ((waited++ < 100)) || die "tcpdump did not start; see $WORK/tcpdump.log"
        sleep 0.05
    done
    journal_mark
    [[ -z $jvm ]] || jit_before=$(jit_cpu_s "$jvm")
    run=$(wrk_json 1 1 "$SECONDS_MEASURED" "$PACED_DELAY_MS" "$url" "$@")
    [[ -z $jvm ]] || jit=$(jit_cpu_since "$jvm" "$jit_before")
    sleep 0.2 # the last answer's packets
    kill "$tcpdump_pid"
    wait "$tcpdump_pid" || true
    calls=$(calls_since_mark)
    [[ -z $port ]] || windows=$(python3 "$BENCH_DIR/path_windows.py" "$capture" "$port" "$EMULATOR_PORT")
    jq -c --arg target "$target" --argjson calls "$calls" --argjson windows "$windows" --argjson jit "$jit" \
        '{target: $target, requests, upstream_calls: $calls, p50_ms: (.latency_us.p50 / 1000), windows: $windows,
          jit_cpu_s: $jit}' \
        <<<"$run"
}

# A JVM warmed up on one route as bench/run.sh warms the gateway: back to back, then paced rounds until its JIT settled.
warm_jvm() {
    local name=$1 pid=$2 url=$3 settled
    shift 3
    wrk_json 2 32 15 0 "$url" "$@" >/dev/null
    read -r settled _ < <(settle_jit "$pid" "$url" "$@")
    log "  $name: 15 s back to back, then ${settled} s of paced rounds until its JIT settled"
}

main() {
    local user route gateway_url floor_url vertx_url nginx_url direct_url latency tag rows=() floor_pid token
    build_gateway
    build_bench_app floor "$FLOOR_JAR"
    make_jwt
    start_emulator
    start_gateway
    start_nginx
    FLOOR_PORT=$(free_port)
    # shellcheck disable=SC2086 # BENCH_JAVA_OPTS is a list of options
    QUARKUS_HTTP_PORT=$FLOOR_PORT QUARKUS_REST_CLIENT_UPSTREAM_URL=$EMULATOR/v2.1 \
        java $BENCH_JAVA_OPTS -jar "$FLOOR_JAR" >"$WORK/floor.log" 2>&1 &
    floor_pid=$!
    register "$floor_pid" floor
    user=$(curl -sf -H "Authorization: Token $UPSTREAM_TOKEN" "$EMULATOR/v2.1/projects/demo-project/users" | jq -r '.[0].id')
    route=/projects/demo-project/users/$user
    token=(-H "Authorization: Token $UPSTREAM_TOKEN")
    gateway_url=$GATEWAY/api/v1$route floor_url=http://127.0.0.1:$FLOOR_PORT/pass-through$route
    vertx_url=http://127.0.0.1:$FLOOR_PORT/vertx-pass-through$route
    nginx_url=http://127.0.0.1:$NGINX_PASS_PORT/v2.1$route direct_url=$EMULATOR/v2.1$route
    wait_200 "$floor_url" "$floor_pid" "${token[@]}" || die "the floor app did not start; see $WORK/floor.log"
    log "warm-up"
    warm_jvm gateway "$GATEWAY_PID" "$gateway_url" -H "Authorization: Bearer $JWT"
    warm_jvm floor "$floor_pid" "$floor_url" "${token[@]}"
    warm_jvm "floor's Vert.x route" "$floor_pid" "$vertx_url" "${token[@]}"
    wrk_json 1 1 "$WARMUP_ROUND_S" 0 "$nginx_url" >/dev/null
    for latency in "${LATENCIES[@]}"; do
        upstream_latency "$latency"
        log "upstream latency $latency ms: ${SECONDS_MEASURED} s each, emulator, nginx, the floor's two, gateway"
        tag=(jq -c --argjson ms "$latency" '. + {upstream_latency_ms: $ms}')
        rows+=("$(round emulator "" "" "$direct_url" "${token[@]}" | "${tag[@]}")")
        rows+=("$(round nginx "$NGINX_PASS_PORT" "" "$nginx_url" | "${tag[@]}")")
        rows+=("$(round floor "$FLOOR_PORT" "$floor_pid" "$floor_url" "${token[@]}" | "${tag[@]}")")
        rows+=("$(round "floor, Vert.x route" "$FLOOR_PORT" "$floor_pid" "$vertx_url" "${token[@]}" | "${tag[@]}")")
        rows+=("$(round gateway "$GATEWAY_PORT" "$GATEWAY_PID" "$gateway_url" -H "Authorization: Bearer $JWT" \
            | "${tag[@]}")")
    done
    upstream_latency 0
    {
        echo "# Paced pass-through: where the added latency sits ($STAMP)"
        echo
        echo "\`bench/path-windows.sh --seconds $SECONDS_MEASURED$(printf ' --latency %s' "${LATENCIES[@]}")\` at $(git -C "$ROOT" rev-parse --short HEAD)," \
            "BENCH_JAVA_OPTS='${BENCH_JAVA_OPTS}', one connection, $PACED_DELAY_MS ms before each request." \
            "Load average $LOAD_BEFORE before, $(cut -d' ' -f1-3 /proc/loadavg) after."
        echo
        echo "| upstream latency | target | requests / upstream calls | p50 (wrk) | added p50 | inbound p50 / p90 | upstream p50 | outbound p50 / p90 | own p50 / p90 | its JIT, CPU s |"
        echo "|---|---|---|---|---|---|---|---|---|---|"
        printf '%s\n' "${rows[@]}" | jq -rs '
            group_by(.upstream_latency_ms)[] | (map(select(.target == "emulator"))[0].p50_ms) as $direct | .[]
            | def w(k): if .windows[k] then "\(.windows[k].p50) / \(.windows[k].p90)" else "" end;
              "| \(.upstream_latency_ms) ms | \(.target) | \(.requests) / \(.upstream_calls) | \(.p50_ms) | "
              + (if .target == "emulator" then "" else ((.p50_ms - $direct) * 1000 | round / 1000)
                 | (if . >= 0 then "+" else "" end) + tostring end)
              + " | \(w("inbound")) | \(.windows.upstream.p50 // "") | \(w("outbound")) | \(w("own")) | \(.jit_cpu_s // "") |"'
        echo
        echo "Times in ms. Inbound, upstream and outbound are taken between packets on the loopback interface, so"
        echo "they hold the wake-ups of each process as well as its work; \"added p50\" is the wrk p50 less the"
        echo "emulator's own in the same run. A request in flight when wrk stopped is counted upstream, not by wrk."
        echo "Its JIT: the CPU the compiler threads of the row's JVM used during the row. The floor (bench/floor) is"
        echo "Quarkus REST and its REST client forwarding the caller's Authorization and the answer's bytes, no gate,"
        echo "guard, mapping or metrics; \"floor, Vert.x route\" the same read forwarded by a plain Vert.x route with a"
        echo "Vert.x HTTP client in the same application, no JAX-RS on either side. Both on Vert.x's default NIO transport."
    } >"$OUT"
    cat "$OUT"
    log "written: ${OUT#"$ROOT"/}"
}

main
