#!/usr/bin/env bash
# Profiles the packaged gateway under the load of one benchmark scenario and says where the time goes: a flame graph
# (async-profiler, from Maven Central) or a JFR recording, plus a text summary. How to read it: bench/README.md.
set -euo pipefail

BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$BENCH_DIR/.." && pwd)

usage() {
    cat <<'EOF'
Usage: bench/profile.sh [--jfr] [--wall] [--seconds N] [--warmup N] [--connections N] [cached|passthrough|/api/v1/PATH]

Starts the emulator and the packaged gateway (as bench/run.sh does), loads the route with wrk (-t2, 32
connections by default), profiles the gateway during the measured part and writes into
bench/results/profile-<date>/: summary.txt (hot methods, share of samples per component), and flame.html +
stacks.collapsed (async-profiler) or gateway.jfr (--jfr; open it in JDK Mission Control, or `jfr print`).

  cached       GET /api/v1/projects/demo-project/instance-types (default; scenario 1)
  passthrough  GET /api/v1/projects/demo-project/deployments/image-classifier (scenario 2)
  --jfr        JDK Flight Recorder instead of async-profiler (nothing to download)
  --wall       wall-clock profile (async-profiler): threads waiting count too, not only threads on a CPU
EOF
}

PROFILER=async
EVENT=cpu
SECONDS_MEASURED=20
WARMUP_S=10
CONNECTIONS=32
ROUTE=/api/v1/projects/demo-project/instance-types
while (($#)); do
    case $1 in
        --jfr) PROFILER=jfr ;;
        --wall) EVENT=wall ;;
        --seconds) SECONDS_MEASURED=$2; shift ;;
        --warmup) WARMUP_S=$2; shift ;;
        --connections) CONNECTIONS=$2; shift ;;
        cached) ROUTE=/api/v1/projects/demo-project/instance-types ;;
        passthrough) ROUTE=/api/v1/projects/demo-project/deployments/image-classifier ;;
        /api/v1/*) ROUTE=$1 ;;
        -h | --help) usage; exit 0 ;;
        *) echo "unknown argument: $1" >&2; usage >&2; exit 2 ;;
    esac
    shift
done

WORK=$(mktemp -d /tmp/ubiops-profile.XXXXXX)
# shellcheck source=bench/lib.sh
source "$BENCH_DIR/lib.sh"
OUT=$BENCH_DIR/results/profile-$(date -u +%Y-%m-%dT%H%M%SZ)
trap 'stop_started 0; rm -rf "$WORK"' EXIT
trap 'exit 130' INT TERM

# JFR execution samples as collapsed stacks ("root;…;leaf count"), the format async-profiler writes.
jfr_collapsed() {
    jfr print --events jdk.ExecutionSample --stack-depth 128 "$1" | awk '
        /stackTrace = \[/ { n = 0; inside = 1; next }
        inside && /^[[:space:]]*\]/ {
            inside = 0; s = ""
            for (i = n; i >= 1; i--) s = s (s == "" ? "" : ";") f[i]
            if (n > 0) count[s]++
            next }
        inside && /line:/ { sub(/^[[:space:]]+/, ""); sub(/[[:space:]]+line:.*/, ""); sub(/\(.*$/, ""); f[++n] = $0 }
        END { for (s in count) print s, count[s] }'
}

# Hot methods (the leaf frame of each sample) and the share of samples each component is on the stack of.
summarize() {
    local collapsed=$1
    awk '
        { n = $NF; $NF = ""; sub(/ $/, ""); gsub("/", "."); total += n
          k = split($0, f, ";"); self[f[k]] += n
          for (c = 1; c <= ncat; c++) if ($0 ~ pat[c]) in_cat[c] += n }
        BEGIN {
          ncat = split("gateway code|JWT verification|signature maths (java.security, BigInteger)|Jackson JSON|RESTEasy Reactive server|REST client|Quarkus cache / fault tolerance|Vert.x|Netty|exceptions created|JIT compiler|GC|kernel", name, "|")
          pat[1] = "org.ubiopsgateway"; pat[2] = "io.smallrye.jwt|org.jose4j"
          pat[3] = "sun.security|java.security|java.math.BigInteger|montgomery|mulAdd"; pat[4] = "com.fasterxml.jackson"
          pat[5] = "resteasy.reactive.server"; pat[6] = "resteasy.reactive.client|restclient"
          pat[7] = "quarkus.cache|smallrye.faulttolerance"; pat[8] = "io.vertx"; pat[9] = "io.netty"
          pat[10] = "fillInStackTrace|fill_in_stack_trace"; pat[11] = "C2Compiler|CompileBroker|Compile::|C1Compiler"
          pat[12] = "G1|GCTask|ParallelGC|SerialGC"; pat[13] = "_\\[k\\]" }
        END {
          printf "%d samples\n\nShare of samples with the component on the stack (a sample can count for several):\n", total
          for (c = 1; c <= ncat; c++) printf "  %5.1f%%  %s\n", 100 * in_cat[c] / total, name[c]
          printf "\nHot methods (self time, top 25):\n"
          fflush()
          sorter = "sort -rn | head -25"
          for (m in self) printf "  %5.1f%%  %s\n", 100 * self[m] / total, m | sorter
          close(sorter)
        }' "$collapsed"
}

main() {
    start_emulator_and_gateway
    mkdir -p "$OUT"
    local url=$GATEWAY$ROUTE auth=(-H "Authorization: Bearer $JWT") lib run
    log "warm-up: ${WARMUP_S}s of wrk -t2 -c$CONNECTIONS on $ROUTE"
    wrk_json 2 "$CONNECTIONS" "$WARMUP_S" 0 "$url" "${auth[@]}" >/dev/null
    if [[ $PROFILER == async ]]; then
        lib=$(async_profiler_lib)
        # the agent's options are one quoted argument of the diagnostic command
        # a wall-clock profile is split by thread: most threads of a pool are idle most of the time
        local options="start,event=cpu,interval=1ms"
        [[ $EVENT == wall ]] && options="start,event=wall,interval=5ms,threads"
        jcmd "$GATEWAY_PID" JVMTI.agent_load "$lib" "\"$options\"" >"$WORK/jcmd.log"
    else
        jcmd "$GATEWAY_PID" JFR.start name=bench settings=profile >"$WORK/jcmd.log"
    fi
    log "profiling ($PROFILER, ${EVENT}) during ${SECONDS_MEASURED}s of load"
    run=$(wrk_json 2 "$CONNECTIONS" "$SECONDS_MEASURED" 0 "$url" "${auth[@]}")
    if [[ $PROFILER == async ]]; then
        jcmd "$GATEWAY_PID" JVMTI.agent_load "$lib" "\"dump,collapsed,file=$OUT/stacks.collapsed\"" >>"$WORK/jcmd.log"
        jcmd "$GATEWAY_PID" JVMTI.agent_load "$lib" "\"stop,file=$OUT/flame.html\"" >>"$WORK/jcmd.log"
    else
        jcmd "$GATEWAY_PID" JFR.stop name=bench filename="$OUT/gateway.jfr" >>"$WORK/jcmd.log"
        jfr_collapsed "$OUT/gateway.jfr" >"$OUT/stacks.collapsed"
    fi
    [[ -s $OUT/stacks.collapsed ]] || die "the profiler wrote no samples; see $WORK/jcmd.log"
    {
        echo "Gateway profile ($PROFILER, $EVENT), $(date -u +%Y-%m-%dT%H:%M:%SZ), load average $(cut -d' ' -f1-3 /proc/loadavg)"
        jq -r --arg route "$ROUTE" --arg c "$CONNECTIONS" '"GET \($route), wrk -t2 -c\($c): \(.rps | round) req/s, "
            + "p50 \(.latency_us.p50 / 1000) ms, p99 \(.latency_us.p99 / 1000) ms, non-2xx \(.errors.status)"' <<<"$run"
        echo
        summarize "$OUT/stacks.collapsed"
    } | tee "$OUT/summary.txt"
    log "written: ${OUT#"$ROOT"/}/"
}

main
