#!/usr/bin/env bash
# Measures the resident memory (RSS) of the packaged JVM gateway, idle and under read load against the emulator,
# with the JVM memory flags of deploy/Dockerfile.jvm inside a simulated container limit (-XX:MaxRAM). The Kubernetes
# requests and limits in deploy/k8s/base/deployment.yaml come from these figures (docs/operations.md, "Run in production").
# Needs: the packaged gateway and emulator (./mvnw -B -pl gateway -am package -DskipTests), wrk, curl, openssl.
# The caller's rate limit and the upstream budget are lifted, as in bench/run.sh: the load is one caller's token at
# thousands of reads a second, and the memory of serving them is measured, not of refusing them (429, 503).
# Usage: deploy/sizing/measure-rss.sh [container-limit, default 512m] [seconds of load, default 60] [connections, default 32]
set -euo pipefail
cd "$(dirname "$0")/../.."
limit="${1:-512m}" seconds="${2:-60}" connections="${3:-32}"
log=$(mktemp -d)
# The bench's helpers (bench/lib.sh): free ports, and the image's JVM options and environment as they read them.
ROOT=$PWD BENCH_DIR=$PWD/bench WORK=$log
# shellcheck source=bench/lib.sh
source bench/lib.sh
gw_port=$(free_port) emu_port=$(free_port)
app=$GATEWAY_JAR emulator=$EMULATOR_JAR
[[ -f $app && -f $emulator ]] || { echo "package first: ./mvnw -B -pl gateway -am package -DskipTests" >&2; exit 1; }
# The flags of deploy/Dockerfile.jvm's JAVA_OPTS and its other environment (MALLOC_ARENA_MAX), read from it so the
# two cannot drift.
jvm_flags=$(startup_java_opts 25)
image_env=$(startup_env)
# They are the image's Java 25 options (compact object headers): measure with that Java.
java -XX:+UseCompactObjectHeaders -version >/dev/null 2>&1 \
    || { echo "java on the PATH is older than 25: put a Java 25 first on the PATH (the image's JVM)" >&2; exit 1; }

pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; }
trap cleanup EXIT

java -jar "$emulator" --port $emu_port --token sizing >"$log/emulator.log" 2>&1 & pids+=($!)
# shellcheck disable=SC2086 # the flags are words
UBIOPS_API_URL=http://127.0.0.1:$emu_port/v2.1 UBIOPS_API_TOKEN=sizing QUARKUS_HTTP_PORT=$gw_port \
MP_JWT_VERIFY_PUBLICKEY_LOCATION=$PWD/gateway/src/test/resources/test-keys/test-only-rsa-public.pem \
MP_JWT_VERIFY_ISSUER=https://issuer.test.ubiops-gateway MP_JWT_VERIFY_AUDIENCES=ubiops-gateway \
QUARKUS_HTTP_ACCESS_LOG_ENABLED=false \
GATEWAY_RATE_LIMIT_CALLER_REQUESTS_PER_SECOND=1000000000 GATEWAY_RATE_LIMIT_CALLER_BURST=1000000000 \
GATEWAY_UPSTREAM_BUDGET_ENABLED=false \
  env $image_env java -XX:MaxRAM="$limit" $jvm_flags -jar "$app" >"$log/gateway.log" 2>&1 & gateway=$!; pids+=($gateway)

for _ in $(seq 120); do
  curl -fs localhost:$gw_port/q/health/ready >/dev/null 2>&1 && break
  sleep 0.5
done
curl -fs localhost:$gw_port/q/health/ready >/dev/null || { echo "gateway not ready; log in $log" >&2; exit 1; }

rss() { awk '/VmRSS/ {print int($2 / 1024)}' "/proc/$gateway/status"; }
# shellcheck disable=SC2086
heap_max=$(java -XX:MaxRAM="$limit" $jvm_flags -XX:+PrintFlagsFinal -version 2>/dev/null | awk '$2 == "MaxHeapSize" {print int($4 / 1048576)}')
export TOKEN; TOKEN=$(deploy/compose/test-token.sh sizing viewer '*')
wrk -t1 -c4 -d5s -s deploy/sizing/routes.lua "http://127.0.0.1:$gw_port" >/dev/null # warm-up
sleep 2
idle=$(rss)

samples="$log/rss"
( while kill -0 $gateway 2>/dev/null; do rss >>"$samples"; sleep 1; done ) & pids+=($!)
wrk -t2 -c"$connections" -d"${seconds}s" --latency -s deploy/sizing/routes.lua "http://127.0.0.1:$gw_port" >"$log/wrk.txt"
requests=$(awk '/Requests\/sec/ {print int($2)}' "$log/wrk.txt")
p99=$(awk '/^ +99%/ {print $2}' "$log/wrk.txt")
non2xx=$(awk '/Non-2xx/ {print $NF}' "$log/wrk.txt")
peak=$(sort -n "$samples" | tail -1)
median=$(sort -n "$samples" | awk '{a[NR]=$1} END {print a[int((NR + 1) / 2)]}')

echo "container limit (-XX:MaxRAM)  $limit"
echo "JVM flags                     $jvm_flags (max heap ${heap_max} MiB)"
echo "load                          ${seconds}s, $connections connections: ${requests} req/s, p99 ${p99}, non-2xx ${non2xx:-0}"
echo "RSS idle after warm-up        ${idle} MiB"
echo "RSS under load, median        ${median} MiB"
echo "RSS under load, peak          ${peak} MiB"
