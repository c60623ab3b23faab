#!/usr/bin/env bash
# Benchmarks the packaged gateway against peers on this machine, in one run, and writes the figures as JSON and
# Markdown under bench/results/. How to run and read it: bench/README.md.
set -euo pipefail

BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$BENCH_DIR/.." && pwd)

usage() {
    cat <<'EOF'
Usage: bench/run.sh [--quick] [--keep] [--rebuild] [SCENARIO...]

Scenarios (all by default, in this order):
  cached       (1) cached read GET /api/v1/projects/demo-project/instance-types, wrk -t2 -c32:
               gateway (JWT verified) vs nginx proxy_cache, HAProxy cache + jwt_verify, a trivial Quarkus endpoint
  passthrough  (2) a read the gateway never caches (GET …/users/{id}): the latency the gateway and nginx proxy_pass add
               to a direct emulator call, paced and back to back, at 0 and 50 ms upstream latency
  overview     (3) GET /api/v1/projects/{p}/overview with 50 and 100 ms upstream latency, 1/10/50 deployments, cold and
               warm, vs a single upstream call; the gap between its two rounds of upstream calls
  startup      (4) process start to first API 200 (median of several starts) and RSS after cached reads, in one run:
               Java 17, Java 17 + AppCDS, Java 25, Java 25 + AOT cache, with the image's JVM options (docs/startup.md)

Options:
  --quick    short runs and few samples, to check that everything works (figures are not comparable)
  --keep     keep the temporary directory (logs, generated nginx/haproxy configs, keys) after the run
  --rebuild  build the gateway, emulator and ceiling jars even if they look up to date

Environment: BENCH_JAVA_OPTS (JVM options for gateway and ceiling app), BENCH_DURATION_S (seconds of cached reads after
each start in scenario 4: 15), BENCH_WARMUP_MAX_S (60), BENCH_PACED_DELAY_MS (pause before each request of a paced
pass-through run, 10), BENCH_BUDGET_S (900), BENCH_STARTS
(starts per JVM set-up in scenario 4: 3, quick 1), BENCH_JAVA17_HOME and BENCH_JAVA25_HOME (the JDKs of scenario 4).
EOF
}

QUICK=0
KEEP=0
SCENARIOS=()
for arg in "$@"; do
    case $arg in
        --quick) QUICK=1 ;;
        --keep) KEEP=1 ;;
        --rebuild) export BENCH_REBUILD=1 ;;
        -h | --help) usage; exit 0 ;;
        cached | 1) SCENARIOS+=(cached) ;;
        passthrough | 2) SCENARIOS+=(passthrough) ;;
        overview | 3) SCENARIOS+=(overview) ;;
        startup | 4) SCENARIOS+=(startup) ;;
        *) echo "unknown argument: $arg" >&2; usage >&2; exit 2 ;;
    esac
done
((${#SCENARIOS[@]})) || SCENARIOS=(cached passthrough overview startup)

# shellcheck source=bench/lib.sh
source "$BENCH_DIR/lib.sh"

# Warm-up: rounds of back-to-back load (wrk -t2 -c32) until req/s changes by less than 10% from one round to the
# next (a JIT-compiled server needs far longer than nginx), at least WARMUP_MIN_S, at most WARMUP_MAX_S; quick: 1 round.
if ((QUICK)); then
    MODE=quick WARMUP_ROUND_S=2 WARMUP_MIN_S=2 WARMUP_MAX_S=2 DURATION_S=${BENCH_DURATION_S:-3}
    CACHED_ROUNDS=1 CACHED_RUN_S=3 PASSTHROUGH_S=3 PACED_MIN_REQUESTS=0 OVERVIEW_COLD=2 OVERVIEW_WARM=5 OVERVIEW_WARMUP=10 OVERVIEW_WARMUP_PASSES=1 OVERVIEW_SETTLE=18 SINGLE_SAMPLES=10 STARTS=1
else
    MODE=full WARMUP_ROUND_S=5 WARMUP_MIN_S=15 WARMUP_MAX_S=${BENCH_WARMUP_MAX_S:-60} DURATION_S=${BENCH_DURATION_S:-15}
    CACHED_ROUNDS=3 CACHED_RUN_S=10 PASSTHROUGH_S=10 PACED_MIN_REQUESTS=480 OVERVIEW_COLD=9 OVERVIEW_WARM=20 OVERVIEW_WARMUP=120 OVERVIEW_WARMUP_PASSES=8 OVERVIEW_SETTLE=$OVERVIEW_SETTLE_PROJECTS SINGLE_SAMPLES=30 STARTS=3
fi
THREADS=2
CONNECTIONS=32
# Paced: one connection, a pause before each request, so the servers' threads go idle between requests as under a
# light real load; back to back: one connection, the next request as soon as the answer is in.
PACED_DELAY_MS=${BENCH_PACED_DELAY_MS:-10}
PASSTHROUGH_LATENCIES=(0 50)
# Seconds the scenarios may take (builds aside): a scenario that would start later is skipped and says so; at twice
# this, a watchdog stops the run (a hang, not a slow machine).
BUDGET_S=${BENCH_BUDGET_S:-900}

WORK=$(mktemp -d /tmp/ubiops-bench.XXXXXX)
FAILED=0

cleanup() {
    local rc=$?
    stop_started 0
    if ((KEEP || FAILED || rc != 0)); then
        log "logs, configs and keys kept in $WORK"
    else
        rm -rf "$WORK"
    fi
}
# A scenario runs in a process group of its own (see run_scenario): on Ctrl-C or TERM, the whole group (wrk, curl,
# the servers it started) stops at once, then cleanup stops what is left.
SCENARIO_GROUP=
on_signal() {
    [[ -z $SCENARIO_GROUP ]] || kill -TERM -- "-$SCENARIO_GROUP" 2>/dev/null || true
    exit 130
}
trap cleanup EXIT
trap on_signal INT TERM

selected() { [[ " ${SCENARIOS[*]} " == *" $1 "* ]]; }

# jq helpers for the scenarios: percentiles of a list of numbers, milliseconds from microseconds
JQ_DEFS='def ms: . / 1000 | (. * 100 | round) / 100;
def median: sort | if length == 0 then null elif length % 2 == 1 then .[length / 2 | floor]
    else (.[length / 2 - 1] + .[length / 2]) / 2 end;
def r2: if . == null then null else (. * 100 | round) / 100 end;'

# Warms a URL up (wrk options may follow) and prints the seconds it took.
warm_up() {
    local url=$1 used=0 previous=0 rps
    shift
    while :; do
        rps=$(wrk_json "$THREADS" "$CONNECTIONS" "$WARMUP_ROUND_S" 0 "$url" "$@" | jq '.rps | round')
        used=$((used + WARMUP_ROUND_S))
        if ((used >= WARMUP_MAX_S)) || ((used >= WARMUP_MIN_S && 10 * (rps - previous) <= previous
            && 10 * (previous - rps) <= previous)); then
            echo "$used"
            return
        fi
        previous=$rps
    done
}

# One wrk measurement as a row, for a target warmed up already (warm_up), counting the upstream calls it caused.
# SECONDS_MEASURED: the run's length; WARMED: the warm-up's seconds, reported.
measure_warm() {
    local target=$1 what=$2 threads=$3 connections=$4 delay=$5 url=$6 run calls pacing="" seconds=$SECONDS_MEASURED
    shift 6
    ((delay == 0)) || pacing=", $delay ms before each request"
    log "  $target: ${seconds}s measured (-t$threads -c$connections$pacing)"
    journal_mark
    # JIT_PID: a JVM whose compiler's CPU during the row is reported (null for the others)
    local jit_before=${JIT_PID:+$(jit_cpu_s "$JIT_PID")} jit=null
    run=$(wrk_json "$threads" "$connections" "$seconds" "$delay" "$url" "$@")
    [[ -z ${JIT_PID:-} ]] || jit=$(jit_cpu_since "$JIT_PID" "$jit_before")
    calls=$(calls_since_mark)
    jq -c --arg target "$target" --arg what "$what" --arg url "$url" --argjson calls "$calls" \
        --argjson warmed "${WARMED:-null}" --argjson connections "$connections" --argjson jit "$jit" "$JQ_DEFS"'
        {target: $target, what: $what, url: $url, warmup_s: $warmed, rps: (.rps | round), requests,
         p50_ms: (.latency_us.p50 | ms), p90_ms: (.latency_us.p90 | ms), p99_ms: (.latency_us.p99 | ms),
         max_ms: (.latency_us.max | ms), non_2xx: .errors.status,
         socket_errors: (.errors.connect + .errors.read + .errors.write + .errors.timeout), upstream_calls: $calls,
         connections: $connections, jit_cpu_s: $jit}' \
        <<<"$run"
}

# --- 1. cached read --------------------------------------------------------------------------------------------------

scenario_cached() {
    local route=/projects/demo-project/instance-types haproxy_port ceiling_port ceiling_pid pid rows=() forged
    haproxy_port=$(free_port)
    ceiling_port=$(free_port)
    start_nginx

    render "$BENCH_DIR/conf/haproxy.cfg.template" "$WORK/haproxy.cfg" PORT="$haproxy_port" \
        EMULATOR_PORT="$EMULATOR_PORT" UPSTREAM_TOKEN="$UPSTREAM_TOKEN" PUBLIC_KEY="$WORK/jwt-public.pem" \
        ISSUER="$JWT_ISSUER" AUDIENCE="$JWT_AUDIENCE"
    haproxy -db -f "$WORK/haproxy.cfg" >"$WORK/haproxy.log" 2>&1 &
    pid=$!
    register "$pid" haproxy
    wait_200 "http://127.0.0.1:$haproxy_port/v2.1$route" "$pid" -H "Authorization: Bearer $JWT" \
        || die "haproxy did not start; see $WORK/haproxy.log"
    # the peer must really verify: a token whose claims do not match its signature is refused
    forged=$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $FORGED_JWT" \
        "http://127.0.0.1:$haproxy_port/v2.1$route")
    [[ $forged == 401 ]] || die "haproxy accepted a forged token ($forged)"

    # shellcheck disable=SC2086
    QUARKUS_HTTP_PORT=$ceiling_port java $BENCH_JAVA_OPTS -jar "$CEILING_JAR" >"$WORK/ceiling.log" 2>&1 &
    ceiling_pid=$!
    register "$ceiling_pid" ceiling
    wait_200 "http://127.0.0.1:$ceiling_port/ceiling" "$ceiling_pid" || die "ceiling app did not start; see $WORK/ceiling.log"

    # Each target warmed up, then rounds in which every target runs in turn: the machine's drift between targets
    # (the ceiling measured 73–107k req/s in runs a few minutes apart) touches each alike, and the median of the
    # rounds is kept; the later rounds also find the gateway past its JIT's slow first minute (README, "Cached read").
    local target round
    for target in "${CACHED_TARGETS[@]}"; do
        cached_target "$target" warm
    done
    for ((round = 1; round <= CACHED_ROUNDS; round++)); do
        for target in "${CACHED_TARGETS[@]}"; do
            rows+=("$(cached_target "$target" run | jq -c --argjson r "$round" '. + {round: $r}')")
        done
    done
    rss_mb "$GATEWAY_PID" >"$WORK/rss-after-cached"

    local x_cache
    x_cache=$(curl -s -o /dev/null -w '%header{x-cache}' -H "Authorization: Bearer $JWT" "$GATEWAY/api/v1$route")
    printf '%s\n' "${rows[@]}" | jq -s --arg xcache "$x_cache" --argjson threads "$THREADS" \
        --argjson connections "$CONNECTIONS" --argjson duration "$CACHED_RUN_S" --argjson rounds "$CACHED_ROUNDS" \
        "$JQ_DEFS"'
        # one row per target: the medians of its rounds, the sums of what must be zero, the rounds themselves
        group_by(.target) | map(sort_by(.round) as $runs | $runs[0] | del(.round) + {
            rps: ($runs | map(.rps) | median | round), p50_ms: ($runs | map(.p50_ms) | median),
            p99_ms: ($runs | map(.p99_ms) | median), max_ms: ($runs | map(.max_ms) | max),
            requests: ($runs | map(.requests) | add), non_2xx: ($runs | map(.non_2xx) | add),
            socket_errors: ($runs | map(.socket_errors) | add), upstream_calls: ($runs | map(.upstream_calls) | add),
            jit_cpu_s: ($runs | map(.jit_cpu_s) | if all(. == null) then null else . end),
            rounds_rps: ($runs | map(.rps))})
        | (map({key: .target, value: .}) | from_entries) as $by
        | [$ARGS.positional[] as $t | .[] | select(.target == $t)]
        | {status: "ok", route: "GET /api/v1/projects/demo-project/instance-types", threads: $threads,
           connections: $connections, duration_s: $duration, rounds: $rounds, gateway_x_cache: $xcache,
           rows: map(. + {gateway_ratio: (if .rps > 0 then ($by.gateway.rps / .rps * 1000 | round) / 1000 else null end)}),
           target: {goal: "gateway req/s >= 1.0 x HAProxy cache + jwt_verify and >= 0.5 x the Quarkus ceiling",
                    met: ($by.gateway.rps >= $by.haproxy.rps and 2 * $by.gateway.rps >= $by.ceiling.rps
                          and $by.gateway.non_2xx == 0)}}' --args "${CACHED_TARGETS[@]}" \
        >"$WORK/scenario-cached.json"
}

CACHED_TARGETS=(gateway nginx haproxy ceiling emulator)

# cached_target NAME warm|run: warms one target of the cached read up, or measures it once (CACHED_RUN_S), the JIT's
# CPU in the run reported for the two JVMs. Uses scenario_cached's route, haproxy_port, ceiling_port and ceiling_pid.
cached_target() {
    local what url jvm="" args=()
    case $1 in
        gateway) what="gateway, JWT verified (RS256)" url=$GATEWAY/api/v1$route jvm=$GATEWAY_PID
                 args=(-H "Authorization: Bearer $JWT") ;;
        nginx) what="nginx 1.22 proxy_cache, no auth" url=http://127.0.0.1:$NGINX_CACHE_PORT/v2.1$route ;;
        haproxy) what="HAProxy 2.6 cache + jwt_verify (RS256)" url=http://127.0.0.1:$haproxy_port/v2.1$route
                 args=(-H "Authorization: Bearer $JWT") ;;
        ceiling) what="trivial Quarkus endpoint (ceiling)" url=http://127.0.0.1:$ceiling_port/ceiling jvm=$ceiling_pid ;;
        emulator) what="emulator direct, no cache (reference)" url=$EMULATOR/v2.1$route
                  args=(-H "Authorization: Token $UPSTREAM_TOKEN") ;;
    esac
    if [[ $2 == warm ]]; then
        local warmed
        warmed=$(warm_up "$url" "${args[@]}")
        log "  $1: warmed up in ${warmed}s"
        echo "$warmed" >"$WORK/warmed-$1"
    else
        WARMED=$(cat "$WORK/warmed-$1") JIT_PID=$jvm SECONDS_MEASURED=$CACHED_RUN_S \
            measure_warm "$1" "$what" "$THREADS" "$CONNECTIONS" 0 "$url" "${args[@]}"
    fi
}

# --- 2. pass-through -------------------------------------------------------------------------------------------------

# A read the gateway never caches (a project member), so every request through it is one upstream call; the same
# read through nginx proxy_pass and from the emulator directly. Per upstream latency and load, the three targets
# alternate, each run SECONDS_MEASURED long after one warm-up per target at the start.
scenario_passthrough() {
    local user route rows=() latency mode delay label seconds warmed_gateway warmed_nginx settled settled_jit
    user=$(curl -sf -H "Authorization: Token $UPSTREAM_TOKEN" "$EMULATOR/v2.1/projects/demo-project/users" | jq -r '.[0].id')
    [[ -n $user && $user != null ]] || die "the emulator's demo-project has no user to read"
    route=/projects/demo-project/users/$user
    start_nginx
    local gateway_url=$GATEWAY/api/v1$route nginx_url=http://127.0.0.1:$NGINX_PASS_PORT/v2.1$route
    local direct_url=$EMULATOR/v2.1$route
    warmed_gateway=$(warm_up "$gateway_url" -H "Authorization: Bearer $JWT")
    read -r settled settled_jit < <(settle_jit "$GATEWAY_PID" "$gateway_url" -H "Authorization: Bearer $JWT")
    log "  paced rounds until the gateway's JIT settled: ${settled}s (JIT ${settled_jit} CPU s in the last round)"
    warmed_gateway=$((warmed_gateway + settled))
    # nginx has nothing to compile: one round opens its upstream connections
    wrk_json "$THREADS" "$CONNECTIONS" "$WARMUP_ROUND_S" 0 "$nginx_url" >/dev/null
    warmed_nginx=$WARMUP_ROUND_S
    log "  warmed up: gateway ${warmed_gateway}s, nginx ${warmed_nginx}s"
    for latency in "${PASSTHROUGH_LATENCIES[@]}"; do
        upstream_latency "$latency"
        for mode in paced b2b; do
            delay=0 label="1 connection, back to back" seconds=$PASSTHROUGH_S
            if [[ $mode == paced ]]; then
                delay=$PACED_DELAY_MS label="1 connection, $PACED_DELAY_MS ms before each request"
                # at 50 ms a 10 s row is 160 requests, its p99 the second slowest: long enough for PACED_MIN_REQUESTS
                seconds=$(( (PACED_MIN_REQUESTS * (latency + delay) + 999) / 1000 ))
                ((seconds >= PASSTHROUGH_S)) || seconds=$PASSTHROUGH_S
            fi
            local tag=(jq -c --arg m "$mode" --arg l "$label" --argjson ms "$latency" --argjson s "$seconds" \
                '. + {mode: $m, mode_label: $l, upstream_latency_ms: $ms, seconds: $s}')
            rows+=("$(SECONDS_MEASURED=$seconds measure_warm emulator "emulator direct" 1 1 "$delay" \
                "$direct_url" -H "Authorization: Token $UPSTREAM_TOKEN" | "${tag[@]}")")
            rows+=("$(SECONDS_MEASURED=$seconds WARMED=$warmed_nginx measure_warm nginx \
                "nginx proxy_pass, keep-alive, no cache" 1 1 "$delay" "$nginx_url" | "${tag[@]}")")
            rows+=("$(SECONDS_MEASURED=$seconds WARMED=$warmed_gateway JIT_PID=$GATEWAY_PID measure_warm gateway \
                "gateway, JWT verified" 1 1 "$delay" "$gateway_url" -H "Authorization: Bearer $JWT" | "${tag[@]}")")
        done
    done
    upstream_latency 0
    printf '%s\n' "${rows[@]}" | jq -s --argjson seconds "$PASSTHROUGH_S" --arg route "GET /api/v1$route" "$JQ_DEFS"'
        # a call still in flight when wrk stops is counted upstream, not by wrk: at most one per connection
        def calls_ok: (.upstream_calls - .requests) as $d | (if $d < 0 then -$d else $d end) <= .connections;
        map(. + {calls_match_requests: calls_ok})
        | . as $rows
        | [$rows[] | select(.target != "emulator")
           | . as $r | ($rows[] | select(.target == "emulator" and .mode == $r.mode
                                          and .upstream_latency_ms == $r.upstream_latency_ms)) as $d
           | {target: .target, what: .what, mode: .mode, mode_label: .mode_label, upstream_latency_ms: .upstream_latency_ms,
              p50_ms: (.p50_ms - $d.p50_ms | r2), p99_ms: (.p99_ms - $d.p99_ms | r2)}] as $added
        | {status: "ok", route: $route, duration_s: $seconds, rows: $rows, added: $added,
           target: {goal: "gateway adds p50 <= 1 ms, p99 <= 5 ms (paced, at 0 and 50 ms upstream latency); upstream calls = requests",
                    met: (all($added[] | select(.target == "gateway" and .mode == "paced"); .p50_ms <= 1 and .p99_ms <= 5)
                          and all($rows[]; .non_2xx == 0 and .socket_errors == 0 and .calls_match_requests))}}' \
        >"$WORK/scenario-passthrough.json"
}

# --- 3. overview -----------------------------------------------------------------------------------------------------

# One upstream latency's figures from the arrays single, through, cold and warm of scenario_overview.
overview_result() {
    jq -n "$JQ_DEFS"'
        def stats: {n: length, ok: all(.[]; .code == 200), p50_ms: (map(.ms) | median | r2), min_ms: (map(.ms) | min),
                    max_ms: (map(.ms) | max), complete: all(.[]; .complete == true),
                    x_cache: (map(.x_cache) | unique | map(select(. != "")))};
        ($single | stats) as $s
        | {upstream_latency_ms: $latency,
           single_upstream_call: ($s + {what: "GET /v2.1/projects/demo-project on the emulator"}),
           single_through_gateway: ($through | stats
               + {what: "GET /api/v1/projects/demo-project/deployments/image-classifier"}),
           sizes: [$sizes[] as $n
               | ($cold | map(select(.deployments == $n))) as $cn
               | ($cn | stats) as $c
               | ($warm | map(select(.deployments == $n)) | stats) as $w
               | {deployments: $n, cold: $c, warm: $w,
                  cold_upstream_calls: ($cn | map(.rounds.calls) | add),
                  warm_upstream_calls: ($warm_calls[] | select(.deployments == $n) | .calls),
                  cold_ratio: ($c.p50_ms / $s.p50_ms | r2), warm_ratio: ($w.p50_ms / $s.p50_ms | r2),
                  gap_ms: ($cn | map(.rounds.gap_ms) | median | r2),
                  gap_max_ms: ($cn | map(.rounds.gap_ms) | max | r2),
                  first_round_spread_ms: ($cn | map(.rounds.first_round_spread_ms) | median | r2),
                  second_round_spread_ms: ($cn | map(.rounds.second_round_spread_ms) | median | r2)}]}
        | .flatness = (.sizes[-1].cold.p50_ms / .sizes[0].cold.p50_ms | r2)
        | .jit_s = {gateway: $jit_gateway, emulator: $jit_emulator}
        | .met = all(.sizes[]; .cold.ok and .warm.ok and .cold.complete and .warm.complete
                               and .cold_ratio <= 2.3 and .warm_ratio <= 1.15 and .gap_ms != null and .gap_ms <= 2)' \
        --argjson latency "$1" --argjson jit_gateway "$2" --argjson jit_emulator "$3" --argjson sizes "$(printf '%s\n' "${OVERVIEW_SIZES[@]}" | jq -s -c .)" \
        --argjson single "$(printf '%s\n' "${single[@]}" | jq -s -c .)" \
        --argjson warm_calls "$(printf '%s\n' "${warm_calls[@]}" | jq -s -c .)" \
        --argjson through "$(printf '%s\n' "${through[@]}" | jq -s -c .)" \
        --argjson cold "$(printf '%s\n' "${cold[@]}" | jq -s -c .)" \
        --argjson warm "$(printf '%s\n' "${warm[@]}" | jq -s -c .)"
}

scenario_overview() {
    local code auth=(-H "Authorization: Bearer $JWT") upstream=(-H "Authorization: Token $UPSTREAM_TOKEN")
    code=$(curl -s -o "$WORK/overview-probe.json" -w '%{http_code}' "${auth[@]}" \
        "$GATEWAY/api/v1/projects/demo-project/overview")
    if [[ $code == 404 || $code == 405 ]]; then
        jq -n --arg code "$code" '{status: "unavailable",
            reason: "GET /api/v1/projects/{p}/overview answers \($code): the route is not in this build"}' \
            >"$WORK/scenario-overview.json"
        return 0
    fi
    [[ $code == 200 ]] || die "GET …/demo-project/overview answered $code"
    jq -e '.complete | type == "boolean"' "$WORK/overview-probe.json" >/dev/null \
        || die "GET …/demo-project/overview answered 200 without a boolean 'complete'"

    # Cold means nothing of the project in the gateway's caches: every cold sample reads a project of its own.
    local organization n k i p latency sample
    organization=$(curl -sf "${upstream[@]}" "$EMULATOR/v2.1/projects/demo-project" | jq -r .organization_name)
    rm -f "$WORK"/create-*.curl
    for latency in "${OVERVIEW_LATENCIES[@]}"; do
        for n in "${OVERVIEW_SIZES[@]}"; do
            for ((k = 1; k <= OVERVIEW_COLD; k++)); do
                queue_overview_project "ov$latency-$n-$k" "$n" "$organization"
            done
        done
    done
    # The warm-up's projects: read once each, so that every read is a miss that calls upstream in two rounds.
    queue_projects_of_each_size ovwarm "$OVERVIEW_WARMUP" "$organization"
    queue_projects_of_each_size ovsettle "$OVERVIEW_SETTLE" "$organization"
    log "  creating $((${#OVERVIEW_LATENCIES[@]} * ${#OVERVIEW_SIZES[@]} * OVERVIEW_COLD + OVERVIEW_WARMUP + OVERVIEW_SETTLE)) projects with their deployments and versions"
    for f in "$WORK"/create-*.curl; do run_batch "$f"; done

    # Warm-up, as for every other target: the overview's own code (both rounds, the mappers, the JSON of deployments
    # and versions) runs only here, and a JVM that has run it a handful of times still interprets much of it. Without
    # this the first latency measured paid for the JIT compiler and the second did not.
    local started=$SECONDS
    warm_overviews ovwarm "$OVERVIEW_WARMUP" "$OVERVIEW_WARMUP_PASSES" "$GATEWAY"
    log "  warmed up: $OVERVIEW_WARMUP_PASSES passes over $OVERVIEW_WARMUP projects of ${OVERVIEW_SIZES[*]} deployments, $((SECONDS - started)) s"
    local settled settled_jit
    read -r settled settled_jit < <(settle_overviews "${OVERVIEW_LATENCIES[0]}" ovsettle "$OVERVIEW_SETTLE" \
        "$((3 * ${#OVERVIEW_SIZES[@]}))" "$GATEWAY_PID" "$GATEWAY")
    log "  settled at ${OVERVIEW_LATENCIES[0]} ms: $settled rounds of $((3 * ${#OVERVIEW_SIZES[@]})) overviews, JIT ${settled_jit} s in the last"

    local results=()
    for latency in "${OVERVIEW_LATENCIES[@]}"; do
        log "  ${latency} ms latency on every upstream call"
        upstream_latency "$latency"
        local single=() through=() cold=() warm=() warm_calls=() jit_gateway jit_emulator
        jit_gateway=$(jit_cpu_s "$GATEWAY_PID") jit_emulator=$(jit_cpu_s "$EMULATOR_PID")
        for ((i = 0; i < SINGLE_SAMPLES; i++)); do
            single+=("$(timed_get "${upstream[@]}" "$EMULATOR/v2.1/projects/demo-project")")
            through+=("$(timed_get "${auth[@]}" "$GATEWAY/api/v1/projects/demo-project/deployments/image-classifier")")
        done
        for n in "${OVERVIEW_SIZES[@]}"; do
            log "  overview of projects with $n deployment(s): $OVERVIEW_COLD cold, $OVERVIEW_WARM warm"
            for ((k = 1; k <= OVERVIEW_COLD; k++)); do
                p=ov$latency-$n-$k
                curl -sf -o /dev/null -X DELETE "$EMULATOR/emulator/journal"
                sample=$(timed_get "${auth[@]}" "$GATEWAY/api/v1/projects/$p/overview")
                cold+=("$(jq -c --argjson n "$n" --argjson rounds "$(journal_rounds "/v2.1/projects/$p")" \
                    '. + {deployments: $n, rounds: $rounds}' <<<"$sample")")
            done
            # the warm reads' upstream calls, all together: none while the parts read cold are still fresh
            curl -sf -o /dev/null -X DELETE "$EMULATOR/emulator/journal"
            for ((k = 1; k <= OVERVIEW_WARM; k++)); do
                warm+=("$(timed_get "${auth[@]}" "$GATEWAY/api/v1/projects/ov$latency-$n-1/overview" \
                    | jq -c --argjson n "$n" '. + {deployments: $n}')")
            done
            warm_calls+=("$(journal_rounds "/v2.1/projects/ov$latency-$n-1" | jq -c --argjson n "$n" \
                '{deployments: $n, calls: .calls}')")
        done
        results+=("$(overview_result "$latency" "$(jit_cpu_since "$GATEWAY_PID" "$jit_gateway")" \
            "$(jit_cpu_since "$EMULATOR_PID" "$jit_emulator")")")
    done
    upstream_latency 0
    printf '%s\n' "${results[@]}" | jq -s --argjson rounds "$settled" --argjson jit "$settled_jit" \
        --argjson latency "${OVERVIEW_LATENCIES[0]}" --argjson per_round "$((3 * ${#OVERVIEW_SIZES[@]}))" \
        --argjson jit_percent "$OVERVIEW_SETTLED_JIT_PERCENT" '
        {status: "ok", latencies: .,
         settled: {upstream_latency_ms: $latency, rounds: $rounds, overviews_per_round: $per_round,
                   last_round_jit_s: $jit, jit_percent: $jit_percent},
         target: {goal: "cold <= 2.3 x a single call, at 50 and 100 ms, 1 to 50 deployments; gap between the rounds <= 2 ms (median); warm <= 1.15 x",
                  met: all(.[]; .met)}}' >"$WORK/scenario-overview.json"
}

# --- 4. start-up and memory ------------------------------------------------------------------------------------------

# The trivial Quarkus app (bench/ceiling) on a JVM ($1, a JAVA_HOME) with the options $2 and an AOT cache of its own,
# trained by one start that answers 20 requests: the median ms, over $3 starts, from the spawn to its first 200. The
# start-up scenario's yardstick: what a start takes on this machine in this run, whatever the gateway does.
trivial_app_aot_start_ms() {
    local home=$1 opts=$2 starts=$3 dir=$WORK/ceiling-aot port pid t0 i samples=()
    mkdir -p "$dir"
    port=$(free_port)
    # shellcheck disable=SC2086 # options are words
    QUARKUS_HTTP_PORT=$port "$home/bin/java" $opts -XX:AOTCacheOutput="$dir/app.aot" -jar "$CEILING_JAR" \
        >"$dir/training.log" 2>&1 &
    pid=$!
    register "$pid" ceiling-training
    wait_200 "http://127.0.0.1:$port/ceiling" "$pid" || die "the trivial app did not start; see $dir/training.log"
    for i in $(seq 20); do curl -s -o /dev/null "http://127.0.0.1:$port/ceiling"; done
    kill -TERM "$pid"
    wait "$pid" || true # the JVM writes the cache as it exits
    [[ -s $dir/app.aot ]] || die "the trivial app's training wrote no AOT cache; see $dir/training.log"
    for ((i = 1; i <= starts; i++)); do
        port=$(free_port)
        t0=$(now_ns)
        # shellcheck disable=SC2086
        QUARKUS_HTTP_PORT=$port "$home/bin/java" $opts -XX:AOTCache="$dir/app.aot" -jar "$CEILING_JAR" \
            >"$dir/start-$i.log" 2>&1 &
        pid=$!
        register "$pid" ceiling
        wait_200 "http://127.0.0.1:$port/ceiling" "$pid" || die "the trivial app did not start; see $dir/start-$i.log"
        samples+=($((($(now_ns) - t0) / 1000000)))
        stop_pid "$pid"
    done
    printf '%s\n' "${samples[@]}" | jq -s "$JQ_DEFS"'median'
}

scenario_startup() {
    # JVM set-ups compared in this one run: each is started STARTS times (median), then loaded with cached reads.
    local setups=() rows=() label version cache home opts run i samples calls starts=${BENCH_STARTS:-$STARTS} trivial_ms=null
    # the image's environment besides JAVA_OPTS (deploy/Dockerfile.jvm) for every set-up: this scenario runs in a
    # subshell of its own, so the other scenarios do not inherit it
    local image_env
    image_env=$(startup_env)
    # shellcheck disable=SC2086 # NAME=VALUE words
    [[ -z $image_env ]] || export $image_env
    for version in 17 25; do
        home=$(java_home_of "$version")
        if [[ -z $home ]]; then
            log "  no Java $version found (set BENCH_JAVA${version}_HOME): its rows are skipped"
            continue
        fi
        opts=$(startup_java_opts "$version")
        cache=$WORK/cache-$version
        log "  training run on Java $version (class cache for the cached row)"
        train_cache "$home" "$cache" $opts
        setups+=("java$version|$home|$opts" "java$version-$( ((version >= 25)) && echo aot || echo appcds)|$home|$opts @$cache/jvm-cache.args")
    done
    for setup in "${setups[@]}"; do
        IFS='|' read -r label home opts <<<"$setup"
        if [[ $label == *-aot ]]; then
            log "  the trivial Quarkus app with an AOT cache of its own: the yardstick of this run"
            trivial_ms=$(trivial_app_aot_start_ms "$home" "${opts% @*}" "$starts")
        fi
        samples=()
        for ((i = 1; i <= starts; i++)); do
            log "  $label: start $i of $starts"
            journal_mark
            PATH=$home/bin:$PATH BENCH_JAVA_OPTS=$opts start_gateway
            samples+=("$(jq -c --argjson cpu "$(cpu_s "$GATEWAY_PID")" --argjson rss "$(rss_mb "$GATEWAY_PID")" \
                --argjson calls "$(calls_since_mark)" '. + {cpu_s: $cpu, rss_first_mb: $rss, upstream_calls: $calls}' \
                <<<"$GATEWAY_STARTUP")")
            ((i == starts)) || stop_pid "$GATEWAY_PID"
        done
        # the last start serves cached reads (scenario 1's route and load), then its RSS is read
        journal_mark
        run=$(wrk_json "$THREADS" "$CONNECTIONS" "$DURATION_S" 0 "$GATEWAY/api/v1/projects/demo-project/instance-types" \
            -H "Authorization: Bearer $JWT")
        calls=$(calls_since_mark)
        rows+=("$(printf '%s\n' "${samples[@]}" | jq -s -c --arg setup "$label" --arg opts "${image_env:+$image_env }$opts" \
            --arg java "$("$home/bin/java" -version 2>&1 | head -1)" --argjson rss "$(rss_mb "$GATEWAY_PID")" \
            --argjson calls "$calls" --argjson run "$run" "$JQ_DEFS"'
            {setup: $setup, java: $java, java_opts: $opts, samples: .,
             live_ms_median: (map(.live_ms) | median), first_api_ms_median: (map(.first_api_ms) | median),
             cpu_s_median: (map(.cpu_s) | median | r2), quarkus_started_s_median: (map(.quarkus_started_s) | median | r2),
             rss_after_cached_mb: $rss, load: {rps: ($run.rps | round), non_2xx: $run.errors.status, upstream_calls: $calls}}')")
        stop_pid "$GATEWAY_PID"
    done
    printf '%s\n' "${rows[@]}" | jq -s --argjson duration "$DURATION_S" --argjson trivial "$trivial_ms" '
        {status: "ok", load_s: $duration, setups: ., trivial_app_aot_first_200_ms: $trivial}
        | (.setups | map(select(.setup | endswith("-aot"))) | first) as $aot
        | .target = {goal: "with the AOT cache (Java 25): start to first API 200 <= 1500 ms; RSS after cached reads <= 200 MB",
                     met: ($aot != null and $aot.first_api_ms_median <= 1500 and $aot.rss_after_cached_mb <= 200)}' \
        >"$WORK/scenario-startup.json"
}

# --- the run ---------------------------------------------------------------------------------------------------------

run_scenario() {
    local name=$1 rc mark
    log "scenario $name"
    mark=$(pid_mark)
    rc=0
    set -m
    (
        trap 'stop_started '"$mark" EXIT
        "scenario_$name"
    ) </dev/null &
    SCENARIO_GROUP=$!
    set +m
    wait "$SCENARIO_GROUP" || rc=$?
    SCENARIO_GROUP=
    curl -s -o /dev/null -X DELETE "$EMULATOR/emulator/faults" || true
    if ((rc != 0)) || [[ ! -s $WORK/scenario-$name.json ]]; then
        FAILED=1
        jq -n --arg reason "stopped with status $rc; see the log above and $WORK" '{status: "failed", reason: $reason}' \
            >"$WORK/scenario-$name.json"
    fi
    jq -r --arg only "$name" -f "$BENCH_DIR/report.jq" \
        <<<"$(jq -n --arg name "$name" --slurpfile s "$WORK/scenario-$name.json" '{scenarios: {($name): $s[0]}}')"
}

machine_json() {
    jq -n --arg cpu "$(awk -F': ' '/^model name/ {print $2; exit}' /proc/cpuinfo)" --argjson cores "$(nproc)" \
        --argjson ram_mb "$(awk '/^MemTotal/ {print int($2 / 1024)}' /proc/meminfo)" \
        --arg os "$(. /etc/os-release && echo "$PRETTY_NAME")" --arg kernel "$(uname -r)" \
        --arg java "$(java -version 2>&1 | paste -sd ';' -)" --arg host "$(hostname)" \
        --arg wrk "$( (wrk -v 2>&1 || true) | head -1 | cut -d' ' -f1-2)" \
        --arg nginx "$( (nginx -v 2>&1 || true) | sed 's/^nginx version: //')" \
        --arg haproxy "$( (haproxy -v 2>/dev/null || true) | head -1 | cut -d' ' -f1-3)" \
        '{cpu: $cpu, cores: $cores, ram_mb: $ram_mb, os: $os, kernel: $kernel, java: $java, hostname: $host,
          tools: {wrk: $wrk, nginx: $nginx, haproxy: $haproxy}}'
}

# The gateway's ERROR log lines of the run, grouped by message (time stamps and ports dropped), most frequent first.
gateway_errors() {
    cat "$WORK"/gateway-*.log 2>/dev/null | grep ' ERROR ' | sed -E 's/^[0-9-]+ [0-9:,]+ ERROR +//; s/:[0-9]{4,5}/:PORT/g' \
        | sort | uniq -c | sort -rn | head -5 | jq -R -s -c 'split("\n") | map(select(. != "") | sub("^ +"; ""))'
}

main() {
    local started elapsed_start commit dirty load_start name
    elapsed_start=$(date +%s)
    command -v java >/dev/null || die "java (17 or newer) is required on PATH"
    ensure_commands curl:curl jq:jq openssl:openssl wrk:wrk ss:iproute2
    if selected cached; then
        ensure_commands nginx:nginx haproxy:haproxy
    fi
    build_gateway
    if selected cached || selected startup; then
        build_bench_app ceiling "$CEILING_JAR"
    fi
    make_jwt

    load_start=$(cut -d' ' -f1-3 /proc/loadavg)
    started=$(date -u +%Y-%m-%dT%H:%M:%SZ)
    log "mode $MODE, scenarios: ${SCENARIOS[*]}; load average before: $load_start"
    start_emulator
    start_gateway
    echo "$GATEWAY_STARTUP" >"$WORK/startup-first.json"
    rss_mb "$GATEWAY_PID" >"$WORK/rss-idle"

    local budget_start
    budget_start=$(date +%s)
    (
        trap 'kill "$nap" 2>/dev/null; exit 0' TERM
        sleep $((2 * BUDGET_S)) &
        nap=$!
        wait "$nap" && log "watchdog: the run took over $((2 * BUDGET_S)) s, stopping it" && kill -TERM $$
    ) &
    register $! watchdog
    for name in cached passthrough overview startup; do
        selected "$name" || continue
        if (($(date +%s) - budget_start > BUDGET_S)); then
            log "scenario $name skipped: the run is over its ${BUDGET_S} s budget"
            jq -n --argjson b "$BUDGET_S" '{status: "skipped", reason: "the run was over its \($b) s budget"}' \
                >"$WORK/scenario-$name.json"
            continue
        fi
        run_scenario "$name"
    done

    commit=$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)
    dirty=$(git -C "$ROOT" status --porcelain -- . ':!bench/results' 2>/dev/null | head -1)
    local result=$WORK/result.json
    jq -n --arg date "$started" --arg mode "$MODE" --argjson machine "$(machine_json)" \
        --arg load_start "$load_start" --arg load_end "$(cut -d' ' -f1-3 /proc/loadavg)" \
        --arg commit "$commit" --argjson dirty "$([[ -n $dirty ]] && echo true || echo false)" \
        --arg java_opts "$BENCH_JAVA_OPTS" --argjson elapsed $(($(date +%s) - elapsed_start)) \
        --argjson errors "$(gateway_errors)" \
        '{date: $date, mode: $mode, machine: $machine, load_average: {start: $load_start, end: $load_end},
          gateway: {commit: $commit, dirty: $dirty, java_opts: $java_opts, logged_errors: $errors},
          elapsed_s: $elapsed, scenarios: {}}' \
        >"$result"
    for name in cached passthrough overview startup; do
        selected "$name" || continue
        jq --arg name "$name" --slurpfile s "$WORK/scenario-$name.json" '.scenarios[$name] = $s[0]' "$result" \
            >"$result.tmp" && mv "$result.tmp" "$result"
    done

    local base
    base=$BENCH_DIR/results/$(date -u +%Y-%m-%dT%H%M%SZ -d "$started")-$MODE
    [[ ${#SCENARIOS[@]} == 4 ]] || base+=-$(IFS=-; echo "${SCENARIOS[*]}")
    mkdir -p "$BENCH_DIR/results"
    cp "$result" "$base.json"
    jq -r -f "$BENCH_DIR/report.jq" "$result" >"$base.md"
    echo
    cat "$base.md"
    log "written: ${base#"$ROOT"/}.json and .md ($(($(date +%s) - elapsed_start)) s)"
    ((FAILED == 0)) || exit 1
}

main
