#!/usr/bin/env bash
# The timeline of the gateway's start on Java 25 with the AOT cache and the image's JVM options, from process start to
# the first API 200, compared between variants in one run (the variants take turns). Writes
# bench/results/<date>-startup-timeline.md. How to read it: docs/startup.md.
set -euo pipefail

BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$BENCH_DIR/.." && pwd)

usage() {
    cat <<'USAGE'
Usage: bench/startup-timeline.sh [--starts N] [--load-s N] [--variant NAME='WORDS']...

Each variant (the image's options plus the variant's words; "image" alone when none is given) is started N times (5),
the variants in turn, on Java 25 with an AOT cache trained with the image's options. A variant's WORDS are JVM
options, NAME=VALUE environment, app=DIR: a packaged gateway (a copy of gateway/target/quarkus-app) to start
instead of the current build, with an AOT cache of its own, or training=FILE: another training driver for the
variant's AOT cache (e.g. an earlier commit's deploy/training/AotTraining.java).
Each start is polled on the API route alone, one curl after the other without a pause, and logs -Xlog:startuptime
(JVM uptime in ms). Its milestones, in ms since the process was spawned:
  vm       the JVM created (-Xlog:startuptime "Create VM": the AOT cache mapped, relocated, its classes loaded)
  genesis  of vm, the JVM's "Genesis" phase (ms it took): mapping the AOT cache and relocating its pointers
  quarkus  Quarkus's clock starts (its static init, right after main(): "started" less its "started in")
  started  Quarkus logs "started" (the time stamp of its JSON log line)
  accept   the first API request accepted (its access-log line's time stamp less the duration it logs)
  api200   curl has the first API 200
and the CPU seconds used until then, per thread group (from /proc, nothing attached), and the garbage collections
until then (-Xlog:gc: how many, and their pauses in ms).
With --load-s N (0: skipped) every variant is then started once more, warmed up with N seconds of cached reads
(wrk -t2 -c32), and measured with two rounds of N seconds, the variants in turn: req/s per round.
Environment: BENCH_JAVA25_HOME (the JDK; else one found under /usr/lib/jvm).
USAGE
}

STARTS=5
LOAD_S=0
VARIANTS=()
while (($#)); do
    case $1 in
        --starts) STARTS=$2; shift ;;
        --load-s) LOAD_S=$2; shift ;;
        --variant) VARIANTS+=("$2"); shift ;;
        -h | --help) usage; exit 0 ;;
        *) echo "unknown argument: $1" >&2; usage >&2; exit 2 ;;
    esac
    shift
done
((${#VARIANTS[@]})) || VARIANTS=("image=")

WORK=$(mktemp -d /tmp/ubiops-timeline.XXXXXX)
# shellcheck source=bench/lib.sh
source "$BENCH_DIR/lib.sh"
trap 'stop_started 0; rm -rf "$WORK"' EXIT
trap 'exit 130' INT TERM

STAMP=$(date -u +%Y-%m-%dT%H%M%SZ)
OUT=$BENCH_DIR/results/$STAMP-startup-timeline
API=/api/v1/projects/demo-project/instance-types

# Polls the API route with curl, one attempt after the other; echoes the ms from the spawn to the first 200.
poll_api() {
    local deadline=$(($(date +%s) + ${BENCH_WAIT_S:-120})) code
    while :; do
        code=$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $JWT" "$GATEWAY$API") || true
        if [[ $code == 200 ]]; then
            echo $((($(now_ns) - GATEWAY_T0) / 1000000))
            return
        fi
        kill -0 "$GATEWAY_PID" 2>/dev/null || die "gateway exited; see $GATEWAY_LOG"
        (($(date +%s) < deadline)) || die "no API 200 within ${BENCH_WAIT_S:-120}s; see $GATEWAY_LOG"
    done
}

# ms from the spawn to an ISO time stamp of the gateway's JSON log.
since_spawn() { echo $((($(date -d "$1" +%s%N) - GATEWAY_T0) / 1000000)); }

# One timed start with -Xlog:startuptime: its row of the timeline.
timeline_row() {
    local name=$1 jlog=$WORK/startuptime.log glog=$WORK/gc.log api200 calls cpu threads gcs up0 vm genesis started_in started
    local quarkus= accept=
    shift
    rm -f "$jlog" "$glog"
    variant_gateway launch "$@" "-Xlog:startuptime:file=$jlog:uptimemillis" "-Xlog:gc:file=$glog"
    api200=$(poll_api)
    calls=$(calls_since_mark)
    cpu=$(cpu_s "$GATEWAY_PID")
    threads=$(top_threads "$GATEWAY_PID")
    gcs=$(awk '/Pause/ {n++; sub(/ms$/, "", $NF); ms += $NF} END {printf "%d, %d ms", n, ms}' "$glog")
    sleep 0.2 # the access-log line of the first 200 is written as it is answered
    # JVM uptime counts from the JVM's start, a few ms after the spawn (the launcher): the process's start time from
    # /proc (10 ms resolution) gives the offset
    up0=$(($(awk '{print $22}' "/proc/$GATEWAY_PID/stat") * 1000 / $(getconf CLK_TCK) \
        - $(awk '{printf "%d", $1 * 1000}' /proc/uptime) + ($(now_ns) - GATEWAY_T0) / 1000000))
    ((up0 >= 0)) || up0=0
    vm=$(($(sed -n 's/^\[\([0-9]*\)ms\].*Create VM, .*/\1/p' "$jlog") + up0))
    genesis=$(awk '/ Genesis, / {printf "%d", $(NF - 1) * 1000}' "$jlog")
    started=$(grep '^{' "$GATEWAY_LOG" | jq -r 'select(.message | test("started in [0-9.]+s")) | .timestamp' | head -1)
    started_in=$(grep '^{' "$GATEWAY_LOG" | jq -r '.message | capture("started in (?<s>[0-9.]+)s").s' 2>/dev/null | head -1)
    started=$(since_spawn "$started")
    quarkus=$((started - $(awk -v s="$started_in" 'BEGIN {printf "%d", s * 1000}')))
    accept=$(grep '^{' "$GATEWAY_LOG" | jq -r --arg api "$API" \
        'select(.loggerName == "io.quarkus.http.access-log" and (.message | contains($api)))
         | "\(.timestamp) \(.message | capture(" (?<d>[0-9]+)ms").d)"' | head -1)
    accept=$(($(since_spawn "${accept% *}") - ${accept##* }))
    printf '| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |\n' "$name" "$vm" "$genesis" "$quarkus" "$started" \
        "$accept" "$api200" "$cpu" "$gcs" "$calls" "$threads" >>"$WORK/timeline-$name.md"
    echo "$vm $genesis $quarkus $started $accept $api200 $cpu" >>"$WORK/figures-$name"
    stop_pid "$GATEWAY_PID"
}

median() { sort -n | awk '{v[NR] = $1} END {print NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2}'; }

# Every variant started once more (no logging), then warmed up and measured with cached reads, in turn.
throughput_rows() {
    local names=() pids=() urls=() variant name i r run
    for variant in "${VARIANTS[@]}"; do
        name=${variant%%=*}
        # shellcheck disable=SC2086 # words
        variant_gateway launch ${variant#*=}
        poll_api >/dev/null
        names+=("$name") pids+=("$GATEWAY_PID") urls+=("$GATEWAY")
    done
    for r in warm-up measured-1 measured-2; do
        for i in "${!names[@]}"; do
            journal_mark
            run=$(wrk_json 2 32 "$LOAD_S" 0 "${urls[i]}$API" -H "Authorization: Bearer $JWT")
            log "  $r, ${names[i]}: $(jq -r '"\(.rps | round) req/s, non-2xx \(.errors.status)"' <<<"$run")"
            [[ $r == warm-up ]] || { jq -r '.rps | round' <<<"$run" >>"$WORK/rps-${names[i]}"
                calls_since_mark >>"$WORK/calls-${names[i]}"; }
        done
    done
    for i in "${!names[@]}"; do
        printf '| %s | %s | %s | %s |\n' "${names[i]}" "$(paste -sd' ' "$WORK/rps-${names[i]}")" \
            "$(median <"$WORK/rps-${names[i]}")" "$(paste -sd' ' "$WORK/calls-${names[i]}")" >>"$WORK/throughput.md"
        stop_pid "${pids[i]}"
    done
}

main() {
    ensure_commands curl:curl jq:jq openssl:openssl wrk:wrk ss:iproute2
    JAVA25=$(java_home_of 25)
    [[ -n $JAVA25 ]] || die "no Java 25 found (set BENCH_JAVA25_HOME)"
    build_gateway
    make_jwt
    start_emulator
    IMAGE_OPTS=$(startup_java_opts 25)
    IMAGE_ENV=$(startup_env)
    local variant name load_start i col
    # shellcheck disable=SC2086 # words
    for variant in "${VARIANTS[@]}"; do variant_cache ${variant#*=} >/dev/null; done
    load_start=$(cut -d' ' -f1-3 /proc/loadavg)
    for ((i = 1; i <= STARTS; i++)); do
        for variant in "${VARIANTS[@]}"; do
            log "variant ${variant%%=*}: start $i of $STARTS"
            # shellcheck disable=SC2086 # words
            timeline_row "${variant%%=*}" ${variant#*=}
        done
    done
    ((LOAD_S == 0)) || { log "cached reads, the variants in turn"; throughput_rows; }
    {
        echo "# Start-up timeline, $STAMP"
        echo
        startup_run_context "$load_start"
        echo "Image JVM options: \`$IMAGE_OPTS\` and the AOT cache; environment: \`${IMAGE_ENV:-none}\`."
        echo "Variants add:"
        echo
        for variant in "${VARIANTS[@]}"; do echo "- ${variant%%=*}: \`${variant#*=}\`"; done
        echo
        echo "## Timeline ($STARTS starts per variant, in turn; ms since the process was spawned)"
        echo
        echo "With -Xlog:startuptime and -Xlog:gc to files; the API route polled by curl without a pause. vm: the JVM"
        echo "created (the AOT cache mapped, relocated and its classes loaded); genesis: of that, the ms that mapping and"
        echo "relocating the cache took; quarkus: Quarkus's clock starts (static init, right after main()); started:"
        echo "Quarkus logs \"started\"; accept: the first API request accepted; api200: curl has its 200. CPU s: user +"
        echo "system until then; GCs: collections until then and their pauses; calls: the emulator's upstream calls from"
        echo "the spawn to the first API 200 (the first read's cache miss: 1); threads: the five thread groups that used most."
        echo
        echo '| variant | vm | genesis | quarkus | started | accept | api200 | CPU s | GCs | calls | CPU s per thread group |'
        echo '|---|---:|---:|---:|---:|---:|---:|---:|---|---:|---|'
        for variant in "${VARIANTS[@]}"; do cat "$WORK/timeline-${variant%%=*}.md"; done
        echo
        echo "Medians:"
        echo
        echo '| variant | vm | genesis | quarkus | started | accept | api200 | CPU s |'
        echo '|---|---:|---:|---:|---:|---:|---:|---:|'
        for variant in "${VARIANTS[@]}"; do
            name=${variant%%=*}
            printf '| %s |' "$name"
            for col in 1 2 3 4 5 6 7; do printf ' %s |' "$(cut -d' ' -f$col "$WORK/figures-$name" | median)"; done
            echo
        done
        if ((LOAD_S)); then
            echo
            echo "## Cached reads after warm-up (wrk -t2 -c32: ${LOAD_S}s of warm-up, then two rounds of ${LOAD_S}s, in turn)"
            echo
            echo '| variant | req/s per round | median | upstream calls per round |'
            echo '|---|---|---:|---|'
            cat "$WORK/throughput.md"
        fi
    } >"$OUT.md"
    cat "$OUT.md"
    log "written: ${OUT#"$ROOT"/}.md"
}

main
