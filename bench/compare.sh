#!/usr/bin/env bash
# Before and after in one run: the packaged gateway of an earlier commit (the baseline) beside the one of this tree,
# in front of one emulator, on the cached read (back to back) and on a pass-through (paced, one connection). The
# runs alternate between the two gateways, so a machine that gets busier or quieter touches both alike. With
# --overview, the cold overview instead (bench/run.sh scenario 3, the same projects read cold by each gateway).
set -euo pipefail

BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$BENCH_DIR/.." && pwd)

usage() {
    cat <<'EOF'
Usage: bench/compare.sh [--rounds N] [--seconds N] [--latency MS] [--overview] [--baseline-env NAME=VALUE]... BASELINE-REV

Builds BASELINE-REV (a commit, branch or tag; "." for this tree's own jar) in a temporary git worktree, builds this
tree if its sources are newer than its jar, starts both gateways (prod profile, BENCH_JAVA_OPTS) and one emulator, warms both up, then
alternates N rounds (3) of: the cached read (wrk -t2 -c32, S seconds, 10 by default) and a pass-through (one
connection, 10 ms before each request, the micro-cache never involved) on each gateway. Prints a table (median of
the rounds; upstream calls counted in every row) and writes it to bench/results/<date>-compare.md.

--latency MS: MS ms on every upstream call during the pass-through's rounds (0 by default), so the gateway's loop
sleeps through the upstream wait as under bench/run.sh's 50 ms row; the summary gives the p50's difference in ms.

--baseline-env NAME=VALUE (repeatable): the baseline gateway also gets this environment variable. With ".", what one
setting costs: `--baseline-env QUARKUS_OTEL_SDK_DISABLED=true .` compares this tree without tracing to it with.

--overview: instead, with 50 and then 100 ms on every upstream call, N (6 by default) cold overviews of projects
with 1, 10 and 50 deployments on each gateway, alternating which reads a project first (the emulator keeps no cache,
and each gateway reads it for the first time), after a warm-up of 8 passes over 60 other projects (of each size in
turn) on each and then rounds with 50 ms latency until the JIT settles (settle_overviews in lib.sh); prints the
median time (and its ratio to one direct upstream call), the gap between the rounds and the time from the
deployment list's answer to the last versions call (emulator journal), into bench/results/<date>-compare-overview.md.
EOF
}

ROUNDS=
SECONDS_EACH=10
LATENCY=0
# settle_jit (lib.sh): paced rounds of 5 s, 10 ms before each request, at most a minute
WARMUP_ROUND_S=5 PACED_DELAY_MS=10 WARMUP_MAX_S=60
OVERVIEW=0
BASE_ENV=()
while (($#)); do
    case $1 in
        --overview) OVERVIEW=1 ;;
        --rounds) ROUNDS=$2; shift ;;
        --seconds) SECONDS_EACH=$2; shift ;;
        --latency) LATENCY=$2; shift ;;
        --baseline-env) BASE_ENV+=("$2"); shift ;;
        -h | --help) usage; exit 0 ;;
        -*) echo "unknown option: $1" >&2; usage >&2; exit 2 ;;
        *) BASE_REV=$1 ;;
    esac
    shift
done
[[ -n ${BASE_REV:-} ]] || { usage >&2; exit 2; }
((OVERVIEW)) && ROUNDS=${ROUNDS:-6} || ROUNDS=${ROUNDS:-3}

WORK=$(mktemp -d /tmp/ubiops-compare.XXXXXX)
# shellcheck source=bench/lib.sh
source "$BENCH_DIR/lib.sh"
BASE_TREE=$WORK/baseline
cleanup() {
    stop_started 0
    git -C "$ROOT" worktree remove --force "$BASE_TREE" 2>/dev/null || true
    rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

ensure_commands
if [[ $BASE_REV == . ]]; then
    BASE_SHA="this tree${BASE_ENV[*]:+ with ${BASE_ENV[*]}}"
    BASE_JAR=$GATEWAY_JAR
else
    BASE_SHA=$(git -C "$ROOT" rev-parse --short "$BASE_REV^{commit}")
    log "building the baseline $BASE_REV ($BASE_SHA) in a temporary worktree"
    git -C "$ROOT" worktree add --detach -q "$BASE_TREE" "$BASE_SHA"
    (cd "$BASE_TREE" && ./mvnw -B -q package -DskipTests -pl gateway -am) >"$WORK/build-baseline.log" 2>&1 \
        || { tail -30 "$WORK/build-baseline.log" >&2; die "baseline build failed"; }
    BASE_JAR=$BASE_TREE/gateway/target/quarkus-app/quarkus-run.jar
fi
build_gateway
make_jwt

CACHED=/api/v1/projects/demo-project/instance-types
# A project member: a read the gateway never caches, so every request is one upstream call.
PASSTHROUGH=/api/v1/projects/demo-project/users/5e3b2a0c-1c4f-4d7e-9a61-0f7b2d8c9e01

# The cold overview on both gateways, alternating (--overview).
compare_overview() {
    local auth=(-H "Authorization: Bearer $JWT") upstream=(-H "Authorization: Token $UPSTREAM_TOKEN")
    local organization latency n k i side sample single load_before sides settled settled_jit
    organization=$(curl -sf "${upstream[@]}" "$EMULATOR/v2.1/projects/demo-project" | jq -r .organization_name)
    local warm=60
    queue_projects_of_each_size cmpwarm "$warm" "$organization"
    queue_projects_of_each_size cmpsettle "$OVERVIEW_SETTLE_PROJECTS" "$organization"
    for latency in "${OVERVIEW_LATENCIES[@]}"; do
        for n in "${OVERVIEW_SIZES[@]}"; do
            for ((k = 1; k <= ROUNDS; k++)); do queue_overview_project "cmp$latency-$n-$k" "$n" "$organization"; done
        done
    done
    log "creating the projects"
    for f in "$WORK"/create-*.curl; do run_batch "$f"; done
    log "warming up: 8 passes over $warm projects of ${OVERVIEW_SIZES[*]} deployments on each gateway"
    warm_overviews cmpwarm "$warm" 8 "${URL[baseline]}" "${URL[this]}"
    read -r settled settled_jit < <(settle_overviews "${OVERVIEW_LATENCIES[0]}" cmpsettle "$OVERVIEW_SETTLE_PROJECTS" \
        "$((3 * ${#OVERVIEW_SIZES[@]}))" "${PID[baseline]}" "${URL[baseline]}" "${PID[this]}" "${URL[this]}")
    log "settled at ${OVERVIEW_LATENCIES[0]} ms: $settled rounds, JIT ${settled_jit} s in the last"
    load_before=$(cut -d' ' -f1-3 /proc/loadavg)
    for latency in "${OVERVIEW_LATENCIES[@]}"; do
        upstream_latency "$latency"
        single=$(for ((i = 0; i < 15; i++)); do timed_get "${upstream[@]}" "$EMULATOR/v2.1/projects/demo-project"; done \
            | jq -s 'map(.ms) | sort | .[length / 2 | floor]')
        for n in "${OVERVIEW_SIZES[@]}"; do
            log "$latency ms, $n deployment(s)"
            for ((k = 1; k <= ROUNDS; k++)); do
                ((k % 2)) && sides=(baseline this) || sides=(this baseline)
                for side in "${sides[@]}"; do
                    curl -sf -o /dev/null -X DELETE "$EMULATOR/emulator/journal"
                    sample=$(timed_get "${auth[@]}" "${URL[$side]}/api/v1/projects/cmp$latency-$n-$k/overview")
                    jq -c --arg side "$side" --argjson latency "$latency" --argjson n "$n" --argjson single "$single" \
                        --argjson rounds "$(journal_rounds "/v2.1/projects/cmp$latency-$n-$k")" \
                        '{side: $side, latency: $latency, deployments: $n, single_ms: $single, ms, ok: (.code == 200 and .complete),
                          calls: $rounds.calls, gap_ms: $rounds.gap_ms,
                          last_ms: ($rounds.gap_ms + ($rounds.second_round_spread_ms // 0))}' <<<"$sample" | tee -a "$ROWS" >&2
                done
            done
        done
    done
    upstream_latency 0
    local out
    out=$BENCH_DIR/results/$(date -u +%Y-%m-%dT%H%M%SZ)-compare-overview
    {
        echo "# Cold overview before and after, one run: baseline $BASE_REV ($BASE_SHA) against $(git -C "$ROOT" rev-parse --short HEAD)$(git -C "$ROOT" diff --quiet HEAD -- gateway || echo ' with uncommitted changes')"
        echo
        echo "- $(date -u +%Y-%m-%dT%H:%M:%SZ); JVM options: ${BENCH_JAVA_OPTS:-none}; load average before the measured overviews: $load_before, after: $(cut -d' ' -f1-3 /proc/loadavg)"
        echo "- $ROUNDS cold overviews per gateway, size and latency, alternating which gateway reads a project first; medians."
        echo "- Before them, with ${OVERVIEW_LATENCIES[0]} ms on every upstream call, $settled rounds of $((3 * ${#OVERVIEW_SIZES[@]})) cold overviews on each gateway until a round's JIT compilation (both gateways and the emulator) took under $OVERVIEW_SETTLED_JIT_PERCENT% of its time ($settled_jit CPU s in the last)."
        echo "- Ratio: to one direct upstream call (GET /v2.1/projects/demo-project, median of 15). Gap: from the emulator's answer to the deployment list to the arrival of the first versions call; to last: to the arrival of the last one (journal)."
        echo
        echo "| upstream latency | deployments | gateway | cold p50 ms | ÷ one call | gap ms | list answer → last versions call ms | all 200 and complete | upstream calls |"
        echo "|---:|---:|---|---:|---:|---:|---:|---|---:|"
        jq -rs 'def med: sort | .[length / 2 | floor]; def r2: . * 100 | round / 100;
            group_by([.latency, .deployments, .side]) | .[]
            | "| \(.[0].latency) | \(.[0].deployments) | \(.[0].side) | \(map(.ms) | med | r2) | \((map(.ms) | med) / .[0].single_ms | r2) | \(map(.gap_ms) | med | r2) | \(map(.last_ms) | med | r2) | \(if all(.[]; .ok) then "yes" else "no" end) | \(map(.calls) | add) |"' "$ROWS"
    } >"$out.md"
    cat "$out.md"
    log "written: $out.md"
}

start_emulator
THIS_JAR=$GATEWAY_JAR
declare -A URL PID
for side in baseline this; do
    if [[ $side == baseline ]]; then GATEWAY_JAR=$BASE_JAR GATEWAY_ENV=("${BASE_ENV[@]}"); else GATEWAY_JAR=$THIS_JAR GATEWAY_ENV=(); fi
    start_gateway
    URL[$side]=$GATEWAY PID[$side]=$GATEWAY_PID
    ((OVERVIEW)) && continue
    log "$side: warming up (30 s cached, 30 s pass-through on 4 connections, then paced pass-through rounds until its JIT settles)"
    wrk_json 2 32 30 0 "$GATEWAY$CACHED" -H "Authorization: Bearer $JWT" >/dev/null
    wrk_json 1 4 30 0 "$GATEWAY$PASSTHROUGH" -H "Authorization: Bearer $JWT" >/dev/null
    # Cache hits no longer pass the code a pass-through runs (cache.CachedAnswers), so the cached load warms it no more.
    read -r settled jit < <(settle_jit "$GATEWAY_PID" "$GATEWAY$PASSTHROUGH" -H "Authorization: Bearer $JWT")
    log "$side: pass-through settled after ${settled}s of paced rounds (JIT ${jit} CPU s in the last)"
done

ROWS=$WORK/rows.jsonl
if ((OVERVIEW)); then
    compare_overview
    exit 0
fi
LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
for round in $(seq "$ROUNDS"); do
    # which gateway goes first alternates too: a same-build run (compare.sh HEAD) once measured the one always second
    # 1.23x slower on the paced pass-through and 1.19x faster on cached reads
    sides=(baseline this)
    ((round % 2)) || sides=(this baseline)
    for side in "${sides[@]}"; do
        for load in cached passthrough; do
            if [[ $load == cached ]]; then path=$CACHED t=2 c=32 delay=0; else path=$PASSTHROUGH t=1 c=1 delay=10; fi
            journal_mark
            [[ $load == cached ]] || upstream_latency "$LATENCY"
            run=$(wrk_json $t $c "$SECONDS_EACH" $delay "${URL[$side]}$path" -H "Authorization: Bearer $JWT")
            upstream_latency 0
            calls=$(calls_since_mark)
            jq -c --arg side "$side" --arg load "$load" --argjson round "$round" --argjson calls "$calls" \
                '{side: $side, load: $load, round: $round, rps, requests, p50_us: .latency_us.p50,
                  p99_us: .latency_us.p99, non_2xx: .errors.status, upstream_calls: $calls}' <<<"$run" | tee -a "$ROWS" >&2
        done
    done
done

OUT=$BENCH_DIR/results/$(date -u +%Y-%m-%dT%H%M%SZ)-compare
{
    echo "# Gateway before and after, one run: baseline $BASE_REV ($BASE_SHA) against $(git -C "$ROOT" rev-parse --short HEAD)$(git -C "$ROOT" diff --quiet HEAD -- gateway || echo ' with uncommitted changes')"
    echo
    echo "- $(date -u +%Y-%m-%dT%H:%M:%SZ); JVM options: ${BENCH_JAVA_OPTS:-none}; load average before the measured rounds: $LOAD_BEFORE, after: $(cut -d' ' -f1-3 /proc/loadavg)"
    echo "- $ROUNDS rounds, alternating; each round: ${SECONDS_EACH} s of each load on each gateway. Medians of the rounds."
    echo "- cached: GET $CACHED, wrk -t2 -c32 back to back; pass-through: GET $PASSTHROUGH, one connection, 10 ms before each request, $LATENCY ms on every upstream call."
    echo
    echo "| load | gateway | req/s | p50 ms | p99 ms | non-2xx | requests | upstream calls |"
    echo "|---|---|---:|---:|---:|---:|---:|---:|"
    jq -rs 'def med: sort | .[length / 2 | floor];
        group_by(.load + .side) | .[] | {load: .[0].load, side: .[0].side, rps: (map(.rps) | med | round),
          p50: (map(.p50_us) | med / 1000 * 100 | round / 100), p99: (map(.p99_us) | med / 1000 * 100 | round / 100),
          non2xx: (map(.non_2xx) | add), requests: (map(.requests) | add), calls: (map(.upstream_calls) | add)}
        | "| \(.load) | \(.side) | \(.rps) | \(.p50) | \(.p99) | \(.non2xx) | \(.requests) | \(.calls) |"' "$ROWS"
    echo
    jq -rs 'def med: sort | .[length / 2 | floor];
        def of($l; $s): map(select(.load == $l and .side == $s));
        "this ÷ baseline, cached req/s: \((of("cached"; "this") | map(.rps) | med) / (of("cached"; "baseline") | map(.rps) | med) * 100 | round / 100); pass-through p50: \((of("passthrough"; "this") | map(.p50_us) | med) / (of("passthrough"; "baseline") | map(.p50_us) | med) * 100 | round / 100) (\((of("passthrough"; "this") | map(.p50_us) | med) - (of("passthrough"; "baseline") | map(.p50_us) | med) | . / 10 | round / 100) ms)"' "$ROWS"
} >"$OUT.md"
cat "$OUT.md"
log "written: $OUT.md"
