#!/usr/bin/env bash
# Where the gateway's start-up time and memory go, on Java 25 with the AOT cache and the image's JVM options
# (deploy/Dockerfile.jvm), compared between JVM option variants in one run. Writes
# bench/results/<date>-startup-breakdown.md (and the profile's collapsed stacks beside it, gzipped). How to read it:
# docs/startup.md.
set -euo pipefail

BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$BENCH_DIR/.." && pwd)

usage() {
    cat <<'EOF'
Usage: bench/startup-breakdown.sh [--starts N] [--load-s N] [--rounds N] [--no-profile] [--variant NAME='WORDS']...

For each variant (the image's options plus the variant's; "image" alone when none is given), on Java 25 with an AOT
cache trained with the image's options:
  1. N plain starts (3): wall ms to /q/health/live and to the first API 200, Quarkus's "started in", and the CPU
     seconds each thread group used until the first API 200 (from /proc/PID/task/*/stat: nothing attached);
  2. memory, every variant running at once: RSS split (/proc/PID/smaps_rollup: anonymous, file; the mapped AOT cache
     file and its pages made private by relocation) and Native Memory Tracking per area, right after start and after
     --rounds (3) rounds of --load-s (10) seconds of cached reads (wrk -t2 -c32) on each variant in turn; the median
     req/s of its rounds.
A variant's WORDS are JVM options, NAME=VALUE environment (e.g. MALLOC_ARENA_MAX=2), app=DIR: a packaged gateway
(a copy of gateway/target/quarkus-app) to start instead of the current build, with an AOT cache of its own, or
training=FILE: another training driver for the variant's AOT cache (e.g. an earlier commit's
deploy/training/AotTraining.java).
Then, for the first variant only (unless --no-profile): async-profiler CPU samples (1 ms) from JVM start to the first
API 200, per thread and per Quarkus recorded step on main, and -Xlog:class+load and -Xlog:startuptime counts.
Environment: BENCH_JAVA25_HOME (the JDK; else one found under /usr/lib/jvm), BENCH_CACHE_DIR (an AOT cache made
earlier with the same options, to skip the training run).
EOF
}

STARTS=3
LOAD_S=10
ROUNDS=3
PROFILE=1
VARIANTS=()
while (($#)); do
    case $1 in
        --starts) STARTS=$2; shift ;;
        --load-s) LOAD_S=$2; shift ;;
        --rounds) ROUNDS=$2; shift ;;
        --no-profile) PROFILE=0 ;;
        --variant) VARIANTS+=("$2"); shift ;;
        -h | --help) usage; exit 0 ;;
        *) echo "unknown argument: $1" >&2; usage >&2; exit 2 ;;
    esac
    shift
done
((${#VARIANTS[@]})) || VARIANTS=("image=")

WORK=$(mktemp -d /tmp/ubiops-breakdown.XXXXXX)
# shellcheck source=bench/lib.sh
source "$BENCH_DIR/lib.sh"
trap 'stop_started 0; rm -rf "$WORK"' EXIT
trap 'exit 130' INT TERM

STAMP=$(date -u +%Y-%m-%dT%H%M%SZ)
OUT=$BENCH_DIR/results/$STAMP-startup-breakdown
API=/api/v1/projects/demo-project/instance-types

# RSS split of a running JVM in MB: total, anonymous, file-backed, the part of it that is the mapped AOT cache, and of
# that the pages made private (anonymous) by relocating the cache.
memory_split() {
    local pid=$1 aot
    aot=$(awk '/^[0-9a-f]+-[0-9a-f]+ / { cache = ($6 ~ /\.aot$/) }
        cache && /^Rss:/ { kb += $2 } cache && /^Anonymous:/ { anon += $2 }
        END { print kb + 0, anon + 0 }' "/proc/$pid/smaps")
    awk -v aot="${aot% *}" -v aot_anon="${aot#* }" '/^Rss:/ {r = $2} /^Anonymous:/ {a = $2}
        END {printf "%.1f\t%.1f\t%.1f\t%.1f\t%.1f", r / 1024, a / 1024, (r - a) / 1024, aot / 1024, aot_anon / 1024}' \
        "/proc/$pid/smaps_rollup"
}

# NMT committed KB per area ("area KB" lines), from jcmd VM.native_memory summary.
nmt_areas() {
    "$JAVA25/bin/jcmd" "$1" VM.native_memory summary \
        | sed -n 's/^-  *\(.*\) (reserved=[0-9]*KB, committed=\([0-9]*\)KB.*/\1\t\2/p'
}

# One timed start of a variant: its row of the timing table.
timing_row() {
    local name=$1 opts=$2
    # shellcheck disable=SC2086 # options are words
    variant_gateway start $opts
    local threads
    threads=$(top_threads "$GATEWAY_PID")
    jq -r --arg v "$name" --arg cpu "$(cpu_s "$GATEWAY_PID")" --arg threads "$threads" --arg calls "$(calls_since_mark)" \
        '"| \($v) | \(.live_ms) | \(.first_api_ms) | \(.quarkus_started_s) | \($cpu) | \($calls) | \($threads) |"' \
        <<<"$GATEWAY_STARTUP" >>"$WORK/timing-$name.md"
    stop_pid "$GATEWAY_PID"
}

# Every variant started at once (NMT on), then ROUNDS rounds of LOAD_S seconds of cached reads on each in turn, so a
# change in the machine's load touches all of them alike; memory after start and after the last round, median req/s.
memory_rows() {
    local names=() pids=() urls=() variant name i r run
    for variant in "${VARIANTS[@]}"; do
        name=${variant%%=*}
        # shellcheck disable=SC2086
        variant_gateway start ${variant#*=} -XX:NativeMemoryTracking=summary
        names+=("$name") pids+=("$GATEWAY_PID") urls+=("$GATEWAY")
        memory_split "$GATEWAY_PID" >"$WORK/mem-start-$name"
        nmt_areas "$GATEWAY_PID" >"$WORK/nmt-start-$name"
    done
    for ((r = 1; r <= ROUNDS; r++)); do
        for i in "${!names[@]}"; do
            journal_mark
            run=$(wrk_json 2 32 "$LOAD_S" 0 "${urls[i]}$API" -H "Authorization: Bearer $JWT")
            calls_since_mark >>"$WORK/calls-${names[i]}"
            jq -r '.rps | round' <<<"$run" >>"$WORK/rps-${names[i]}"
            log "  round $r, ${names[i]}: $(jq -r '"\(.rps | round) req/s, non-2xx \(.errors.status)"' <<<"$run")"
        done
    done
    for i in "${!names[@]}"; do
        name=${names[i]}
        printf '| %s | %s | %s | %s | %s |\n' "$name" "$(sed 's/\t/ | /g' "$WORK/mem-start-$name")" \
            "$(memory_split "${pids[i]}" | sed 's/\t/ | /g')" \
            "$(sort -n "$WORK/rps-$name" | awk '{v[NR] = $1}
                END {m = NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2; printf "%d (%s)", m, v[1] "–" v[NR]}')" \
            "$(awk '{s += $1} END {print s + 0}' "$WORK/calls-$name")" >>"$WORK/memory.md"
        nmt_areas "${pids[i]}" >"$WORK/nmt-load-$name"
        # NMT committed MB per area, after start and after the load (areas over 0.5 MB after the load)
        join -t$'\t' <(sort "$WORK/nmt-start-$name") <(sort "$WORK/nmt-load-$name") | sort -t$'\t' -k3 -rn \
            | awk -F'\t' -v v="$name" '$3 >= 512 {printf "| %s | %s | %.1f | %.1f |\n", v, $1, $2 / 1024, $3 / 1024}' \
            >>"$WORK/nmt.md"
        stop_pid "${pids[i]}"
    done
}

# The first variant once more with async-profiler from JVM start; the samples up to the first API 200, summarised.
profile_start() {
    local opts=$1 lib collapsed=$OUT-cpu.collapsed
    lib=$(async_profiler_lib)
    # shellcheck disable=SC2086
    variant_gateway start $opts "-agentpath:$lib=start,event=cpu,interval=1ms,threads"
    "$JAVA25/bin/jcmd" "$GATEWAY_PID" JVMTI.agent_load "$lib" "\"stop,collapsed,threads,file=$collapsed\"" >/dev/null
    stop_pid "$GATEWAY_PID"
    {
        echo "CPU samples (1 ms) from JVM start to the first API 200, per thread (async-profiler; the profiler itself"
        echo "costs a little):"
        echo
        echo '| thread | samples |'
        echo '|---|---:|'
        awk '{ n = $NF; split($0, f, ";"); t = f[1]
               sub(/^\[/, "", t); sub(/ tid=.*/, "", t); sub(/[-#]?[0-9]+$/, "", t)
               s[t] += n; total += n }
             END { for (t in s) if (s[t] >= 5) printf "| %s | %d |\n", t, s[t]; printf "| all | %d |\n", total }' \
            "$collapsed" | sort -t'|' -k3 -rn
        echo
        echo "The main thread, by phase and by Quarkus recorded step (steps of at least 5 samples):"
        echo
        echo '| main thread: where | samples |'
        echo '|---|---:|'
        awk '/^\[main tid/ {
                n = $NF; k = split($0, f, ";"); where = ""
                for (i = 2; i <= k && where == ""; i++) {
                    if (f[i] ~ /io\/quarkus\/runner\/recorded\/.*\.deploy$/) {
                        step = f[i]; sub(/.*recorded\//, "", step); sub(/\.deploy$/, "", step); sub(/[0-9]+$/, "", step)
                        where = (phase == "" ? "" : phase ": ") step }
                    else if (f[i] ~ /ApplicationImpl\.<clinit>/) phase = "static init"
                    else if (f[i] ~ /ApplicationImpl\.doStart/) phase = "runtime init"
                    else if (f[i] ~ /generated\/Config\.<clinit>|generated\/Config\.createRunTimeConfig|SharedConfig\.<clinit>/)
                        where = "config (generated)"
                }
                if (where == "" && phase != "") where = phase ": other"
                if (where == "") where = index($0, "GeneratedMain.main") || index($0, "QuarkusEntryPoint") \
                    ? "main(): other" : "JVM start, before main()"
                phase = ""; s[where] += n; total += n }
             END { for (w in s) if (s[w] >= 5) printf "| %s | %d |\n", w, s[w]
                   printf "| all of main | %d |\n", total }' \
            "$collapsed" | sort -t'|' -k3 -rn
    } >"$WORK/profile.md"
    gzip -f "$collapsed"
}

# Class loading and the JVM's own start-up phases, one start with -Xlog.
log_counts() {
    local opts=$1
    # shellcheck disable=SC2086
    variant_gateway start $opts "-Xlog:class+load=info:file=$WORK/class-load.log" \
        "-Xlog:startuptime=info:file=$WORK/startuptime.log"
    cp "$GATEWAY_LOG" "$WORK/logged-start.log"
    stop_pid "$GATEWAY_PID"
    {
        echo "Classes loaded up to the first API 200 (-Xlog:class+load), by source:"
        echo
        echo '| source | classes |'
        echo '|---|---:|'
        sed -n 's/.*source: \(.*\)$/\1/p' "$WORK/class-load.log" \
            | sed -E 's#^(jar|file):.*#jar on the class path#; s#^jrt:/.*#JDK modules (jrt)#
                s#^(__|(io|org|com|java|jdk|sun)\.).*#generated at run time (lambda, proxy, hidden)#' \
            | sort | uniq -c | sort -rn | awk '{c = $1; $1 = ""; sub(/^ /, ""); printf "| %s | %d |\n", $0, c}'
        echo "| all | $(grep -c 'source:' "$WORK/class-load.log") |"
        echo
        echo "This start (JVM uptime from the -Xlog time stamps): the JVM was created (-Xlog:startuptime \"Create VM\","
        echo "which with the AOT cache includes mapping and relocating it and loading its classes) after"
        echo "$(sed -n 's/.*Create VM, \([0-9.]*\) secs.*/\1 s/p' "$WORK/startuptime.log");"
        echo "Quarkus: $(grep -o 'started in [0-9.]*s' "$WORK/logged-start.log" | head -1); the bench: $GATEWAY_STARTUP."
    } >"$WORK/logs.md"
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
    local load_start variant name opts
    # shellcheck disable=SC2086 # words
    for variant in "${VARIANTS[@]}"; do variant_cache ${variant#*=} >/dev/null; done
    load_start=$(cut -d' ' -f1-3 /proc/loadavg)
    local i
    # the variants take turns, so a change in the machine's load touches all of them alike
    for ((i = 1; i <= STARTS; i++)); do
        for variant in "${VARIANTS[@]}"; do
            name=${variant%%=*} opts=${variant#*=}
            log "variant $name: timed start $i of $STARTS"
            timing_row "$name" "$opts"
        done
    done
    for variant in "${VARIANTS[@]}"; do cat "$WORK/timing-${variant%%=*}.md"; done >"$WORK/timing.md"
    log "memory: every variant at once, $ROUNDS rounds of ${LOAD_S}s of cached reads on each in turn"
    memory_rows
    if ((PROFILE)); then
        name=${VARIANTS[0]%%=*} opts=${VARIANTS[0]#*=}
        log "variant $name: profiled start, then class loading and start-up phases"
        mkdir -p "$(dirname "$OUT")"
        profile_start "$opts"
        log_counts "$opts"
    fi
    {
        echo "# Start-up breakdown, $STAMP"
        echo
        startup_run_context "$load_start"
        echo "Image JVM options: \`$IMAGE_OPTS\` and the AOT cache; environment: \`${IMAGE_ENV:-none}\`; variants add:"
        echo
        for variant in "${VARIANTS[@]}"; do echo "- ${variant%%=*}: \`${variant#*=}\`"; done
        echo
        echo "## Time to the first API 200 ($STARTS starts per variant, the variants in turn)"
        echo
        echo "CPU s: user + system of the JVM until the first API 200; upstream calls: the emulator's, from the spawn to the"
        echo "first API 200 (the first read's cache miss: 1); threads: the five thread groups that used most."
        echo
        echo '| variant | to live ms | to first API 200 ms | Quarkus "started in" s | CPU s | upstream calls | CPU s per thread group |'
        echo '|---|---:|---:|---:|---:|---:|---|'
        cat "$WORK/timing.md"
        echo
        echo "## Memory, MB"
        echo
        echo "All variants running at once; $ROUNDS rounds of ${LOAD_S}s of cached reads on each in turn. NMT is on: it"
        echo "adds its own few MB, shown as its area."
        echo
        echo "RSS = anonymous + file-backed; the mapped AOT cache is counted in RSS for its pages touched (its relocated"
        echo "pages are anonymous, copy-on-write)."
        echo
        echo '| variant | RSS start | anon | file | AOT cache | of it private | RSS after load | anon | file | AOT cache | of it private | req/s median (range) | upstream calls in the loads |'
        echo '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|'
        cat "$WORK/memory.md"
        echo
        echo "NMT committed MB per area (areas of at least 0.5 MB after the load):"
        echo
        echo '| variant | area | after start | after load |'
        echo '|---|---|---:|---:|'
        cat "$WORK/nmt.md"
        if ((PROFILE)); then
            echo
            echo "## CPU profile of the start (variant ${VARIANTS[0]%%=*})"
            echo
            cat "$WORK/profile.md"
            echo
            echo "Collapsed stacks (async-profiler's format, gzipped): \`${OUT#"$ROOT"/}-cpu.collapsed.gz\`."
            echo
            cat "$WORK/logs.md"
        fi
    } >"$OUT.md"
    cat "$OUT.md"
    log "written: ${OUT#"$ROOT"/}.md"
}

main
