#!/usr/bin/env bash
# Before and after in one run: the packaged gateway of an earlier commit (the baseline) beside the one of this tree,
# in front of one emulator, on the cached read (back to back) and on a pass-through (paced, one connection). The
# runs alternate between the two gateways, so a machine that gets busier or quieter touches both alike.
set -euo pipefail

BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$BENCH_DIR/.." && pwd)

usage() {
    cat <<'EOF'
Usage: bench/compare.sh [--rounds N] [--seconds N] BASELINE-REV

Builds BASELINE-REV (a commit, branch or tag) in a temporary git worktree, builds this tree if its sources are
newer than its jar, starts both gateways (prod profile, BENCH_JAVA_OPTS) and one emulator, warms both up, then
alternates N rounds (3) of: the cached read (wrk -t2 -c32, S seconds, 10 by default) and a pass-through (one
connection, 10 ms before each request, the micro-cache never involved) on each gateway. Prints a table (median of
the rounds; upstream calls counted in every row) and writes it to bench/results/<date>-compare.md.
EOF
}

ROUNDS=3
SECONDS_EACH=10
while (($#)); do
    case $1 in
        --rounds) ROUNDS=$2; shift ;;
        --seconds) SECONDS_EACH=$2; shift ;;
        -h | --help) usage; exit 0 ;;
        -*) echo "unknown option: $1" >&2; usage >&2; exit 2 ;;
        *) BASE_REV=$1 ;;
    esac
    shift
done
[[ -n ${BASE_REV:-} ]] || { usage >&2; exit 2; }

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
BASE_SHA=$(git -C "$ROOT" rev-parse --short "$BASE_REV^{commit}")
log "building the baseline $BASE_REV ($BASE_SHA) in a temporary worktree"
git -C "$ROOT" worktree add --detach -q "$BASE_TREE" "$BASE_SHA"
(cd "$BASE_TREE" && ./mvnw -B -q package -DskipTests -pl gateway -am) >"$WORK/build-baseline.log" 2>&1 \
    || { tail -30 "$WORK/build-baseline.log" >&2; die "baseline build failed"; }
build_gateway
make_jwt

CACHED=/api/v1/projects/demo-project/instance-types
# A project member: a read the gateway never caches, so every request is one upstream call.
PASSTHROUGH=/api/v1/projects/demo-project/users/5e3b2a0c-1c4f-4d7e-9a61-0f7b2d8c9e01

start_emulator
THIS_JAR=$GATEWAY_JAR
declare -A URL
for side in baseline this; do
    [[ $side == baseline ]] && GATEWAY_JAR=$BASE_TREE/gateway/target/quarkus-app/quarkus-run.jar || GATEWAY_JAR=$THIS_JAR
    start_gateway
    URL[$side]=$GATEWAY
    log "$side: warming up (30 s cached, 5 s pass-through)"
    wrk_json 2 32 30 0 "$GATEWAY$CACHED" -H "Authorization: Bearer $JWT" >/dev/null
    wrk_json 1 1 5 0 "$GATEWAY$PASSTHROUGH" -H "Authorization: Bearer $JWT" >/dev/null
done

ROWS=$WORK/rows.jsonl
LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
for round in $(seq "$ROUNDS"); do
    for side in baseline this; do
        for load in cached passthrough; do
            if [[ $load == cached ]]; then path=$CACHED t=2 c=32 delay=0; else path=$PASSTHROUGH t=1 c=1 delay=10; fi
            journal_mark
            run=$(wrk_json $t $c "$SECONDS_EACH" $delay "${URL[$side]}$path" -H "Authorization: Bearer $JWT")
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
    echo "- cached: GET $CACHED, wrk -t2 -c32 back to back; pass-through: GET $PASSTHROUGH, one connection, 10 ms before each request."
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
        "this ÷ baseline, cached req/s: \((of("cached"; "this") | map(.rps) | med) / (of("cached"; "baseline") | map(.rps) | med) * 100 | round / 100); pass-through p50: \((of("passthrough"; "this") | map(.p50_us) | med) / (of("passthrough"; "baseline") | map(.p50_us) | med) * 100 | round / 100)"' "$ROWS"
} >"$OUT.md"
cat "$OUT.md"
log "written: $OUT.md"
