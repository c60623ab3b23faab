#!/usr/bin/env bash
# The soak run (see bench/README.md, "Soak"): the packaged gateway against the packaged emulator with 5 % injected
# upstream faults, first measured at its most (back to back), then held at about half that for --minutes with a mix of
# cached reads, pass-through reads, overviews and writes (creates, each followed by its delete). Prints errors by
# status, RSS every 30 s, GC pauses, upstream calls, and checks the targets: no 5xx beyond the design's answers to the
# injected faults, RSS growth under 10 % after the first minute, every 201 in the emulator's final state (no create
# lost or doubled). Writes bench/results/<time>-soak[-short].{json,md}.
#
#   bench/soak.sh                # 10 minutes
#   bench/soak.sh --minutes 1    # a check of the script itself (its figures say little)
#   bench/soak.sh --keep         # keep the temporary directory: logs, GC log, RSS samples
set -euo pipefail

BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$BENCH_DIR/.." && pwd)
MINUTES=10
KEEP=0
while (($#)); do
    case $1 in
        --minutes) MINUTES=$2; shift 2 ;;
        --keep) KEEP=1; shift ;;
        *) echo "usage: bench/soak.sh [--minutes N] [--keep]" >&2; exit 2 ;;
    esac
done
[[ $MINUTES =~ ^[1-9][0-9]*$ ]] || { echo "--minutes takes a whole number of minutes" >&2; exit 2; }

# One connection per wrk thread (soak.lua pairs each answer with its request that way).
CONNECTIONS=${SOAK_CONNECTIONS:-16}
# Back-to-back seconds: warm-up, then the measured maximum.
WARMUP_S=${SOAK_WARMUP_S:-30}
MAX_S=${SOAK_MAX_S:-30}
# 5 % of upstream calls fail: 4 % answered 503, 1 % with the connection dropped.
FAULTS='{"path_pattern": "/v2\\.1/.*", "error_status": 503, "error_rate": 0.04, "drop_rate": 0.01}'
RSS_EVERY_S=30
SUFFIX=$([[ $MINUTES -ge 10 ]] && echo soak || echo soak-short)

WORK=$(mktemp -d /tmp/ubiops-soak.XXXXXX)
# shellcheck source=bench/lib.sh
source "$BENCH_DIR/lib.sh"

cleanup() {
    local rc=$?
    stop_started 0
    if ((KEEP || rc != 0)); then log "logs kept in $WORK"; else rm -rf "$WORK"; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# The upstream attempts the gateway made, per operation and outcome, from its metrics: {"getProject": {"success": 3}}.
upstream_calls() {
    curl -sf "$GATEWAY/q/metrics" | sed -n 's/^gateway_upstream_calls_seconds_count{\(.*\)} \([0-9.E+]*\)$/\1 \2/p' \
        | sed -E 's/.*operation="([^"]*)".*outcome="([^"]*)".* (.*)|.*outcome="([^"]*)".*operation="([^"]*)".* (.*)/\1\5 \2\4 \3\6/' \
        | jq -Rn '[inputs | split(" ") | {op: .[0], outcome: .[1], n: (.[2] | tonumber)}]
                  | reduce .[] as $c ({}; .[$c.op][$c.outcome] += $c.n)'
}

faults() { # on|off
    if [[ $1 == on ]]; then
        curl -sf -X POST -H 'Content-Type: application/json' -d "$FAULTS" "$EMULATOR/emulator/faults" >/dev/null
    else
        curl -sf -X DELETE "$EMULATOR/emulator/faults" >/dev/null
    fi
}

# The demo project's variables the soak made, read from the emulator itself (with its faults off).
soak_variables() {
    curl -sf -H "Authorization: Token $UPSTREAM_TOKEN" "$EMULATOR/v2.1/projects/demo-project/environment-variables" \
        | jq '[.[] | select(.name | startswith("SOAK_"))] | length'
}

soak_wrk() { # SECONDS DELAY_MS RUN (letters: names its variables apart from other runs')
    SOAK_RUN=$3 WRK_DELAY_MS=$2 SOAK_JWT=$JWT wrk -t"$CONNECTIONS" -c"$CONNECTIONS" -d"$1s" --timeout 10s \
        -s "$BENCH_DIR/wrk/soak.lua" "$GATEWAY" | sed -n 's/^SOAK_JSON //p' | jq -c '. + {rps: (.requests / (.duration_us / 1e6))}'
}

ensure_commands curl:curl jq:jq openssl:openssl wrk:wrk ss:iproute2
build_gateway
make_jwt
load_start=$(cut -d' ' -f1-3 /proc/loadavg)
start_emulator
faults on
BENCH_JAVA_OPTS="$BENCH_JAVA_OPTS -Xlog:gc:file=$WORK/gc.log:uptime" start_gateway

log "warming up for ${WARMUP_S}s, then measuring the maximum for ${MAX_S}s (back to back, $CONNECTIONS connections)"
soak_wrk "$WARMUP_S" 0 WARM >/dev/null
max=$(soak_wrk "$MAX_S" 0 MAX)
max_rps=$(jq '.rps | floor' <<<"$max")
target_rps=$((max_rps / 2))
((target_rps > 0)) || die "the maximum run answered nothing: $max"
delay_ms=$((CONNECTIONS * 1000 / target_rps))
log "maximum: $max_rps req/s; soak at about $target_rps req/s ($CONNECTIONS connections, ${delay_ms} ms between requests)"

faults off
variables_before=$(soak_variables)
faults on
calls_before=$(upstream_calls)
gc_from=$(wc -l <"$WORK/gc.log")
duration_s=$((MINUTES * 60))

# RSS every 30 s while the soak runs.
(
    start=$(date +%s)
    while sleep "$RSS_EVERY_S"; do
        printf '%d %s\n' $(($(date +%s) - start)) "$(rss_mb "$GATEWAY_PID")"
    done
) >"$WORK/rss" &
register $! rss-sampler
rss_start=$(rss_mb "$GATEWAY_PID")
log "soaking for $MINUTES min (RSS at start: $rss_start MB)"
soak=$(soak_wrk "$duration_s" "$delay_ms" SOAK)
rss_end=$(rss_mb "$GATEWAY_PID")
stop_started "$(($(pid_mark) - 1))"

calls_after=$(upstream_calls)
faults off
variables_after=$(soak_variables)
# Pause lines of -Xlog:gc: "[12.345s] GC(7) Pause Young (Normal) (G1 Evacuation Pause) 24M->5M(64M) 2.345ms"
gc=$(tail -n +"$((gc_from + 1))" "$WORK/gc.log" | sed -n 's/.* Pause \(.*\) [0-9]*M->.* \([0-9.]*\)ms$/\2/p' \
    | jq -Rn '[inputs | tonumber] | {pauses: length, total_ms: (add // 0 | . * 10 | round / 10),
        max_ms: (max // 0), p99_ms: (sort | if length == 0 then 0 else .[(length * 0.99 | floor)] end)}')
rss=$(jq -Rn --argjson start "$rss_start" --argjson stop "$rss_end" '
    [inputs | split(" ") | {s: (.[0] | tonumber), mb: (.[1] | tonumber)}] as $samples
    | ($samples | map(select(.s >= 60)) | first // {mb: $start}) as $minute
    | {start_mb: $start, after_first_minute_mb: $minute.mb, end_mb: $stop, max_mb: ([$samples[].mb, $stop] | max),
       growth_after_first_minute_pct: ((($stop - $minute.mb) / $minute.mb * 1000 | round) / 10), samples: $samples}' <"$WORK/rss")

report=$(jq -n --argjson max "$max" --argjson soak "$soak" --argjson rss "$rss" --argjson gc "$gc" \
    --argjson before "$calls_before" --argjson after "$calls_after" --argjson minutes "$MINUTES" \
    --argjson target "$target_rps" --argjson vb "$variables_before" --argjson va "$variables_after" \
    --arg faults "$FAULTS" --arg load_start "$load_start" --arg load_end "$(cut -d' ' -f1-3 /proc/loadavg)" \
    --arg cores "$(nproc)" --arg when "$(date -u +%FT%TZ)" '
    # upstream attempts during the soak, per operation and outcome
    def diff: reduce ($after | to_entries[]) as $op ({}; reduce ($op.value | to_entries[]) as $o (.;
        .[$op.key][$o.key] = ($o.value - ($before[$op.key][$o.key] // 0)))) | with_entries(.value |= with_entries(select(.value > 0))) | with_entries(select(.value != {}));
    diff as $calls
    | ([$soak.statuses[][]] | add) as $answers
    | ([$soak.statuses[] | to_entries[] | select(.key | startswith("5")) | .value] | add // 0) as $fivexx
    | ([$soak.statuses[] | to_entries[] | select(.key | startswith("5")) | .key] | unique) as $fivexx_statuses
    | ([$calls[][]] | add // 0) as $upstream
    | ([$calls[] | to_entries[] | select(.key == "server-error" or .key == "unreachable") | .value] | add // 0) as $faults_seen
    | {when: $when, minutes: $minutes, machine: {cores: $cores, load_start: $load_start, load_end: $load_end},
       faults: ($faults | fromjson), max: {rps: ($max.rps | floor), latency_us: $max.latency_us},
       soak: {target_rps: $target, rps: ($soak.rps * 10 | round / 10), requests: $soak.requests,
              answers_by_kind_and_status: $soak.statuses, socket_errors: $soak.socket_errors, latency_us: $soak.latency_us},
       upstream: {attempts: $upstream, faulted_attempts: $faults_seen, by_operation: $calls},
       rss: $rss, gc: $gc,
       writes: {created: $soak.created, deleted: $soak.deleted, waiting_delete: $soak.waiting_delete,
                emulator_soak_variables_before: $vb, emulator_soak_variables_after: $va,
                upstream_creates_succeeded: ($calls.createEnvironmentVariable.success // 0)},
       targets: {
         no_5xx_beyond_faults: {ok: ($fivexx <= $faults_seen and ($fivexx_statuses - ["502", "503", "504"] == [])),
                                answers_5xx: $fivexx, statuses: $fivexx_statuses, faulted_upstream_attempts: $faults_seen},
         rss_growth_under_10pct: {ok: ($rss.growth_after_first_minute_pct < 10), pct: $rss.growth_after_first_minute_pct},
         no_create_lost_or_doubled: {ok: ($va - $vb == $soak.created - $soak.deleted
                                          and ($calls.createEnvironmentVariable.success // 0) == $soak.created),
                                     expected_left: ($soak.created - $soak.deleted), left: ($va - $vb)}}}')

stamp=$(date -u +%Y-%m-%dT%H%M%SZ)
json_out=$BENCH_DIR/results/$stamp-$SUFFIX.json
md_out=$BENCH_DIR/results/$stamp-$SUFFIX.md
mkdir -p "$BENCH_DIR/results"
printf '%s\n' "$report" >"$json_out"
jq -r '
  def ok: if .ok then "met" else "MISSED" end;
  "# Soak: \(.minutes) min at \(.soak.rps) req/s (half the measured maximum of \(.max.rps) req/s)\n",
  "\(.when); \(.machine.cores) cores, load average \(.machine.load_start) before, \(.machine.load_end) after (other agents share the machine).",
  "Upstream faults: \(.faults.error_rate * 100)% answered \(.faults.error_status), \(.faults.drop_rate * 100)% dropped.\n",
  "| target | result |", "|---|---|",
  "| no 5xx beyond the answers to injected faults | \(.targets.no_5xx_beyond_faults | ok): \(.targets.no_5xx_beyond_faults.answers_5xx) answers 5xx (\(.targets.no_5xx_beyond_faults.statuses | join(", "))) for \(.targets.no_5xx_beyond_faults.faulted_upstream_attempts) faulted upstream attempts |",
  "| RSS growth under 10 % after the first minute | \(.targets.rss_growth_under_10pct | ok): \(.rss.after_first_minute_mb) MB → \(.rss.end_mb) MB (\(.rss.growth_after_first_minute_pct) %) |",
  "| no create lost or doubled | \(.targets.no_create_lost_or_doubled | ok): \(.writes.created) creates answered 201, \(.writes.deleted) deletes 204, \(.targets.no_create_lost_or_doubled.left) left in the emulator (expected \(.targets.no_create_lost_or_doubled.expected_left)); UbiOps created \(.writes.upstream_creates_succeeded) |",
  "\n## Answers by kind and status\n", "| kind | statuses |", "|---|---|",
  (.soak.answers_by_kind_and_status | to_entries[] | "| \(.key) | \(.value | to_entries | map("\(.key): \(.value)") | join(", ")) |"),
  "\nSocket errors: \(.soak.socket_errors | tostring). Latency p50 \(.soak.latency_us.p50 / 1000) ms, p99 \(.soak.latency_us.p99 / 1000) ms, max \(.soak.latency_us.max / 1000) ms.",
  "\n## RSS (MB, every 30 s)\n", "start \(.rss.start_mb)" + ([.rss.samples[] | " · \(.s)s \(.mb)"] | join("")) + " · end \(.rss.end_mb)",
  "\n## GC pauses during the soak\n", "\(.gc.pauses) pauses, \(.gc.total_ms) ms in all, p99 \(.gc.p99_ms) ms, max \(.gc.max_ms) ms.",
  "\n## Upstream attempts during the soak\n", "\(.upstream.attempts) attempts, \(.upstream.faulted_attempts) of them faulted (server-error, unreachable).\n",
  "| operation | outcomes |", "|---|---|",
  (.upstream.by_operation | to_entries[] | "| \(.key) | \(.value | to_entries | map("\(.key): \(.value)") | join(", ")) |")
' "$json_out" >"$md_out"
cat "$md_out"
log "written: ${json_out#"$ROOT"/} and ${md_out#"$ROOT"/}"
jq -e '[.targets[].ok] | all' "$json_out" >/dev/null || { log "a target was missed"; exit 1; }
