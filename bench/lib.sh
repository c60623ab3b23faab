# Shared by bench/run.sh and bench/profile.sh (sourced, not run): tools, builds, keys, processes, measurements.
# Expects BENCH_DIR, ROOT and WORK (a temporary directory) to be set.

GATEWAY_JAR=$ROOT/gateway/target/quarkus-app/quarkus-run.jar
GATEWAY_ENV=()
EMULATOR_JAR=$ROOT/ubiops-emulator/target/ubiops-emulator-1.0.0-SNAPSHOT-runner.jar
CEILING_JAR=$BENCH_DIR/ceiling/target/quarkus-app/quarkus-run.jar
FLOOR_JAR=$BENCH_DIR/floor/target/quarkus-app/quarkus-run.jar
UPSTREAM_TOKEN=bench-service-token
JWT_ISSUER=https://issuer.bench.ubiops-gateway
JWT_AUDIENCE=ubiops-gateway
# JVM options for the gateway and the ceiling app (the same for both), e.g. BENCH_JAVA_OPTS='-Xmx256m'
BENCH_JAVA_OPTS=${BENCH_JAVA_OPTS:-}

log() { printf '%s [bench] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }
now_ns() { date +%s%N; }

# --- tools ---------------------------------------------------------------------------------------------------------

# Installs the Debian packages of the commands that are missing (command:package pairs).
ensure_commands() {
    local missing=() pair
    for pair in "$@"; do
        command -v "${pair%%:*}" >/dev/null 2>&1 || missing+=("${pair#*:}")
    done
    ((${#missing[@]})) || return 0
    log "installing Debian packages: ${missing[*]}"
    local sudo=()
    [[ $(id -u) == 0 ]] || sudo=(sudo)
    "${sudo[@]}" apt-get update -qq >"$WORK/apt.log" 2>&1 || true
    DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq "${missing[@]}" >>"$WORK/apt.log" 2>&1 \
        || die "apt-get install ${missing[*]} failed; see $WORK/apt.log"
}

# --- builds --------------------------------------------------------------------------------------------------------

# True when the artifact is missing or a file under the given sources (target/ aside) is newer.
stale() {
    local artifact=$1
    shift
    [[ -f $artifact ]] || return 0
    [[ -n $(find "$@" -path '*/target' -prune -o -type f -newer "$artifact" -print -quit 2>/dev/null) ]]
}

# The packaged gateway and the emulator runner, rebuilt only when their sources changed (or BENCH_REBUILD=1).
build_gateway() {
    local sources=("$ROOT/pom.xml" "$ROOT/api-model" "$ROOT/api-client" "$ROOT/ubiops-emulator" "$ROOT/gateway")
    if [[ ${BENCH_REBUILD:-0} == 1 ]] || stale "$GATEWAY_JAR" "${sources[@]}" || stale "$EMULATOR_JAR" "${sources[@]}"; then
        log "building the gateway and the emulator (./mvnw -B -q package -DskipTests)"
        (cd "$ROOT" && ./mvnw -B -q package -DskipTests) >"$WORK/build-gateway.log" 2>&1 \
            || { tail -30 "$WORK/build-gateway.log" >&2; die "gateway build failed"; }
        touch "$GATEWAY_JAR" "$EMULATOR_JAR"
    else
        log "gateway and emulator jars are up to date"
    fi
}

# A benchmark's own small Quarkus app under bench/NAME (ceiling, floor), rebuilt only when its sources changed:
# build_bench_app NAME JAR
build_bench_app() {
    local name=$1 jar=$2
    if [[ ${BENCH_REBUILD:-0} == 1 ]] || stale "$jar" "$BENCH_DIR/$name"; then
        log "building the $name app (bench/$name)"
        (cd "$ROOT" && ./mvnw -B -q -f "bench/$name/pom.xml" package -DskipTests) >"$WORK/build-$name.log" 2>&1 \
            || { tail -30 "$WORK/build-$name.log" >&2; die "$name build failed"; }
        touch "$jar"
    fi
}

# --- JWT -----------------------------------------------------------------------------------------------------------

b64url() { openssl base64 -A | tr '+/' '-_' | tr -d '='; }

# The claims the gateway requires (iss, aud, exp, groups, projects; see docs/operations.md "Security") for an admin of every
# project, valid for four hours from $2, base64url-encoded.
jwt_payload() {
    printf '{"iss":"%s","aud":"%s","sub":"%s","groups":["admin"],"projects":["*"],"iat":%d,"exp":%d}' \
        "$JWT_ISSUER" "$JWT_AUDIENCE" "$1" "$2" $(($2 + 4 * 3600)) | b64url
}

# An RSA key pair in $WORK, JWT signed with it, and FORGED_JWT: JWT's signature over other claims.
make_jwt() {
    openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$WORK/jwt-private.pem" 2>/dev/null
    openssl pkey -in "$WORK/jwt-private.pem" -pubout -out "$WORK/jwt-public.pem"
    local now header payload signature
    now=$(date +%s)
    header=$(printf '{"alg":"RS256","typ":"JWT","kid":"bench"}' | b64url)
    payload=$(jwt_payload bench-admin "$now")
    signature=$(printf '%s.%s' "$header" "$payload" | openssl dgst -sha256 -sign "$WORK/jwt-private.pem" -binary | b64url)
    JWT="$header.$payload.$signature"
    FORGED_JWT="$header.$(jwt_payload someone-else "$now").$signature"
}

# --- processes -----------------------------------------------------------------------------------------------------

# Every process started is listed in $WORK/pids ("pid name"); stop_started stops those listed after a mark.
register() { echo "$1 $2" >>"$WORK/pids"; }
pid_mark() { [[ -f $WORK/pids ]] && wc -l <"$WORK/pids" || echo 0; }

stop_pid() {
    local pid=$1
    kill -TERM "$pid" 2>/dev/null || return 0
    for _ in $(seq 100); do
        kill -0 "$pid" 2>/dev/null || return 0
        sleep 0.1
    done
    kill -KILL "$pid" 2>/dev/null || true
}

# Stops (newest first) the processes registered after line $1 of $WORK/pids.
stop_started() {
    local mark=${1:-0} pid
    [[ -f $WORK/pids ]] || return 0
    tail -n +$((mark + 1)) "$WORK/pids" | tac | while read -r pid _; do
        stop_pid "$pid"
    done
}

# A port no socket uses and that this run has not handed out yet, below the kernel's range for outgoing connections:
# a port in that range can be taken by a client's connection (curl, wrk, a JVM's) between this check and the bind.
free_port() {
    local port below
    below=$(cut -f1 /proc/sys/net/ipv4/ip_local_port_range 2>/dev/null || echo 32768)
    ((below > 11000)) || below=32768
    while :; do
        port=$((10000 + RANDOM % (below - 10000)))
        grep -qx "$port" "$WORK/ports" 2>/dev/null && continue
        [[ -z $(ss -Htan "sport = :$port" 2>/dev/null) ]] || continue
        echo "$port" >>"$WORK/ports"
        echo "$port"
        return
    done
}

# Waits until the URL answers 200 (extra curl arguments, e.g. headers, may follow); fails after $BENCH_WAIT_S.
wait_200() {
    local url=$1 pid=$2
    shift 2
    local deadline=$(($(date +%s) + ${BENCH_WAIT_S:-120}))
    until [[ $(curl -s -o /dev/null -w '%{http_code}' "$@" "$url") == 200 ]]; do
        kill -0 "$pid" 2>/dev/null || return 1
        (($(date +%s) < deadline)) || return 1
        sleep 0.01
    done
}

start_emulator() {
    EMULATOR_PORT=$(free_port)
    java -jar "$EMULATOR_JAR" --port "$EMULATOR_PORT" --token "$UPSTREAM_TOKEN" >"$WORK/emulator.log" 2>&1 &
    EMULATOR_PID=$!
    register "$EMULATOR_PID" emulator
    EMULATOR=http://127.0.0.1:$EMULATOR_PORT
    wait_200 "$EMULATOR/emulator/health" "$EMULATOR_PID" || die "emulator did not start; see $WORK/emulator.log"
    log "emulator on $EMULATOR (pid $EMULATOR_PID)"
}

# Starts the packaged gateway in prod mode against the emulator (JVM options from BENCH_JAVA_OPTS) without waiting:
# GATEWAY_PID, GATEWAY_PORT, GATEWAY (its URL), GATEWAY_LOG, and GATEWAY_T0 (ns, just before the spawn). GATEWAY_ENV:
# more NAME=VALUE settings, after the bench's own (compare.sh --baseline-env).
launch_gateway() {
    GATEWAY_PORT=$(free_port)
    GATEWAY=http://127.0.0.1:$GATEWAY_PORT
    GATEWAY_LOG=$WORK/gateway-$GATEWAY_PORT.log
    GATEWAY_T0=$(now_ns)
    # wrk sends one caller's token thousands of times a second: the caller limit stays on (its cost is measured)
    # but out of reach; the upstream budget (270 calls a minute per group) would turn pass-through runs into 503s:
    # the emulator has no rate limit, and the benchmark measures the gateway, not UbiOps's budget.
    # Tracing on, as with a collector in production (issue 12 measures it on): spans go to the emulator's OTLP sink.
    # shellcheck disable=SC2086 # BENCH_JAVA_OPTS is a list of options
    QUARKUS_OTEL_EXPORTER_OTLP_ENDPOINT=$EMULATOR/emulator/otlp QUARKUS_OTEL_EXPORTER_OTLP_PROTOCOL=http/protobuf \
        GATEWAY_RATE_LIMIT_CALLER_REQUESTS_PER_SECOND=1000000000 GATEWAY_RATE_LIMIT_CALLER_BURST=1000000000 \
        GATEWAY_UPSTREAM_BUDGET_ENABLED=false UBIOPS_API_URL=$EMULATOR/v2.1 UBIOPS_API_TOKEN=$UPSTREAM_TOKEN \
        MP_JWT_VERIFY_PUBLICKEY_LOCATION=$WORK/jwt-public.pem MP_JWT_VERIFY_ISSUER=$JWT_ISSUER \
        MP_JWT_VERIFY_AUDIENCES=$JWT_AUDIENCE QUARKUS_HTTP_HOST=127.0.0.1 QUARKUS_HTTP_PORT=$GATEWAY_PORT \
        env "${GATEWAY_ENV[@]}" java $BENCH_JAVA_OPTS -jar "$GATEWAY_JAR" >"$GATEWAY_LOG" 2>&1 &
    GATEWAY_PID=$!
    register "$GATEWAY_PID" gateway
}

# Starts the packaged gateway (launch_gateway) and measures its start: GATEWAY_STARTUP holds JSON with the
# milliseconds from process start to the first 200 of /q/health/live and of an API route, and Quarkus's own
# "started in" figure.
start_gateway() {
    local t_live t_api
    launch_gateway
    # the log's end goes to stderr too: compare.sh removes its work directory, log included, as it exits
    wait_200 "$GATEWAY/q/health/live" "$GATEWAY_PID" \
        || { tail -20 "$GATEWAY_LOG" >&2; die "gateway did not start; see $GATEWAY_LOG"; }
    t_live=$(now_ns)
    wait_200 "$GATEWAY/api/v1/projects/demo-project/instance-types" "$GATEWAY_PID" -H "Authorization: Bearer $JWT" \
        || die "gateway did not answer an API route with 200; see $GATEWAY_LOG"
    t_api=$(now_ns)
    GATEWAY_STARTUP=$(jq -nc --argjson live $(((t_live - GATEWAY_T0) / 1000000)) \
        --argjson api $(((t_api - GATEWAY_T0) / 1000000)) \
        --arg quarkus "$(grep -o 'started in [0-9.]*s' "$GATEWAY_LOG" | grep -o '[0-9.]*' | head -1)" \
        '{live_ms: $live, first_api_ms: $api, quarkus_started_s: ($quarkus | tonumber? // null)}')
    log "gateway on $GATEWAY (pid $GATEWAY_PID): $GATEWAY_STARTUP"
}

# How a script that measures one gateway starts: the tools it needs, the packaged jars, a JWT, the emulator and the
# gateway in front of it.
start_emulator_and_gateway() {
    command -v java >/dev/null || die "java (17 or newer) is required on PATH"
    ensure_commands curl:curl jq:jq openssl:openssl wrk:wrk ss:iproute2
    build_gateway
    make_jwt
    start_emulator
    start_gateway
}

# nginx in front of the emulator (conf/nginx.conf.template): NGINX_CACHE_PORT with proxy_cache, NGINX_PASS_PORT with
# plain proxy_pass.
start_nginx() {
    local pid
    NGINX_CACHE_PORT=$(free_port)
    NGINX_PASS_PORT=$(free_port)
    render "$BENCH_DIR/conf/nginx.conf.template" "$WORK/nginx.conf" PORT="$NGINX_CACHE_PORT" PASS_PORT="$NGINX_PASS_PORT" \
        DIR="$WORK" EMULATOR_PORT="$EMULATOR_PORT" UPSTREAM_TOKEN="$UPSTREAM_TOKEN" USER="$(id -un)" GROUP="$(id -gn)"
    nginx -e "$WORK/nginx-error.log" -c "$WORK/nginx.conf" -p "$WORK" -g 'daemon off;' >"$WORK/nginx.log" 2>&1 &
    pid=$!
    register "$pid" nginx
    wait_200 "http://127.0.0.1:$NGINX_PASS_PORT/v2.1/projects" "$pid" || die "nginx did not start; see $WORK/nginx-error.log"
}

rss_mb() { awk '/^VmRSS/ {printf "%.1f", $2 / 1024}' "/proc/$1/status"; }

# --- measurements --------------------------------------------------------------------------------------------------

# wrk_json THREADS CONNECTIONS SECONDS DELAY_MS URL [wrk options, e.g. -H 'Authorization: …']: the run as JSON
# (see wrk/report.lua) plus rps; DELAY_MS 0 sends requests back to back.
wrk_json() {
    local threads=$1 connections=$2 seconds=$3 delay=$4 url=$5 out
    shift 5
    out=$(WRK_DELAY_MS=$delay wrk -t"$threads" -c"$connections" -d"${seconds}s" --timeout 10s \
        -s "$BENCH_DIR/wrk/report.lua" "$@" "$url") || die "wrk failed on $url"
    sed -n 's/^BENCH_JSON //p' <<<"$out" | jq -c '. + {rps: (.requests / (.duration_us / 1e6))}'
}

# Counting upstream calls: journal_mark clears the emulator's journal and makes one call of its own, whose
# sequence number is the mark; calls_since_mark counts every call after it (exact even past the journal's capacity,
# which keeps only the newest entries).
journal_mark() {
    curl -sf -X DELETE "$EMULATOR/emulator/journal" >/dev/null
    curl -sf -o /dev/null -H "Authorization: Token $UPSTREAM_TOKEN" "$EMULATOR/v2.1/projects"
    JOURNAL_MARK=$(curl -sf "$EMULATOR/emulator/journal" | jq '.[-1].sequence')
}

calls_since_mark() {
    curl -sf "$EMULATOR/emulator/journal" | jq --argjson mark "$JOURNAL_MARK" '.[-1].sequence - $mark'
}

# Fills @NAME@ placeholders of a template: render TEMPLATE OUTPUT NAME=VALUE...
render() {
    local template=$1 output=$2 text pair
    shift 2
    text=$(<"$template")
    for pair in "$@"; do
        text=${text//@${pair%%=*}@/${pair#*=}}
    done
    printf '%s\n' "$text" >"$output"
}

# --- the overview's projects and rounds (bench/run.sh scenario 3, bench/compare.sh --overview) -------------------

# Every upstream call from now on takes MS milliseconds more (0: none), by an emulator fault rule.
upstream_latency() {
    curl -sf -o /dev/null -X DELETE "$EMULATOR/emulator/faults"
    (($1 == 0)) || jq -nc --argjson ms "$1" '{path_pattern: "/v2\\.1/.*", min_latency_ms: $ms}' \
        | curl -sf -o /dev/null -X POST -H 'Content-Type: application/json' --data-binary @- "$EMULATOR/emulator/faults"
}

# One timed call: prints {code, ms, complete, x_cache}.
timed_get() {
    local out code secs xcache complete
    out=$(curl -s --max-time 60 -o "$WORK/sample.json" -w '%{http_code} %{time_total} %header{x-cache}' "$@")
    read -r code secs xcache <<<"$out"
    complete=$(jq -c 'if type == "object" and has("complete") then .complete else null end' "$WORK/sample.json" \
        2>/dev/null || echo null)
    jq -nc --arg code "$code" --arg secs "$secs" --arg xcache "${xcache:-}" --argjson complete "$complete" \
        '{code: ($code | tonumber), ms: ($secs | tonumber * 1000 * 100 | round / 100), complete: $complete,
          x_cache: $xcache}'
}

# The overview's rounds of upstream calls from the emulator's journal (arrival and answer times in µs), for the calls
# under PATH: how the first round's calls spread, the gap from the deployment list's answer (as it was handed to be
# written: leaving_us) to the first call of the versions round, and how that round's calls spread.
journal_rounds() {
    curl -sf "$EMULATOR/emulator/journal" | jq -c --arg p "$1" '
        def spread: if length == 0 then null else ((map(.received_us) | max) - (map(.received_us) | min)) / 1000 end;
        map(select(.path == $p or (.path | startswith($p + "/")))) as $calls
        | ($calls | map(select(.operation == "deployment_versions_list"))) as $second
        | ($calls | map(select(.operation == "deployments_list")) | first | (.leaving_us // .answered_us)) as $listed
        | {calls: ($calls | length),
           first_round_spread_ms: ($calls | map(select(.operation != "deployment_versions_list"
                                                        and .operation != "revisions_get")) | spread),
           gap_ms: (if ($second | length) == 0 or $listed == null then null
                    else (($second | map(.received_us) | min) - $listed) / 1000 end),
           second_round_spread_ms: ($second | spread)}'
}

# Appends a POST of a JSON body to a curl config file (one curl process sends the whole batch on one connection).
batch_post() {
    local file=$1 path=$2 body=$3
    [[ -s $file ]] && echo next >>"$file"
    cat >>"$file" <<EOF
url = "$EMULATOR/v2.1$path"
header = "Authorization: Token $UPSTREAM_TOKEN"
header = "Content-Type: application/json"
data = "${body//\"/\\\"}"
output = "/dev/null"
write-out = "%{http_code}\n"
EOF
}

run_batch() {
    local file=$1 failures
    failures=$(curl -s -K "$file" | grep -cv '^201$' || true)
    ((failures == 0)) || die "$failures of the creations in $file failed"
}

# Queues the creation of project NAME with N deployments of one version each (of ORGANIZATION) in $WORK/create-*.curl,
# for run_batch: an overview of it calls upstream in two rounds.
queue_overview_project() {
    local p=$1 n=$2 organization=$3 i
    batch_post "$WORK/create-1-projects.curl" /projects "{\"name\":\"$p\",\"organization_name\":\"$organization\"}"
    for ((i = 1; i <= n; i++)); do
        batch_post "$WORK/create-2-deployments.curl" "/projects/$p/deployments" \
            "{\"name\":\"d-$i\",\"input_type\":\"plain\",\"output_type\":\"plain\"}"
        batch_post "$WORK/create-3-versions.curl" "/projects/$p/deployments/d-$i/versions" '{"version":"v1"}'
    done
}

# The cold overview's upstream latencies and project sizes, in bench/run.sh and bench/compare.sh.
OVERVIEW_LATENCIES=(50 100)
OVERVIEW_SIZES=(1 10 50)

# Queues COUNT projects PREFIX-1 … PREFIX-COUNT (of ORGANIZATION), of the OVERVIEW_SIZES in turn: the overview's
# warm-up (warm_overviews) and settle_overviews run the code of every size measured, fifty deployments' included.
queue_projects_of_each_size() {
    local prefix=$1 count=$2 organization=$3 k
    for ((k = 1; k <= count; k++)); do
        queue_overview_project "$prefix-$k" "${OVERVIEW_SIZES[k % ${#OVERVIEW_SIZES[@]}]}" "$organization"
    done
}

# Seconds a part of an overview stays fresh in the gateway's micro-cache (its default, gateway.cache.reads.ttl).
micro_cache_s() {
    sed -n 's/^gateway\.cache\.reads\.ttl=\([0-9]*\)s$/\1/p' "$ROOT/gateway/src/main/resources/application.properties"
}

# PASSES passes of cold overviews of the projects PREFIX-1 … PREFIX-COUNT on each gateway at URL, without latency; a
# pass starts once the last one's parts are no longer fresh, so every overview calls upstream in both rounds. The
# JIT of a gateway that has run the overview a hundred times still compiles it (bench/README.md). warm_overviews
# PREFIX COUNT PASSES URL [URL …]
warm_overviews() {
    local prefix=$1 count=$2 passes=$3 pass k url next
    shift 3
    for ((pass = 1; pass <= passes; pass++)); do
        next=$((SECONDS + $(micro_cache_s) + 1))
        for ((k = 1; k <= count; k++)); do
            for url in "$@"; do
                curl -sf -o /dev/null -H "Authorization: Bearer $JWT" "$url/api/v1/projects/$prefix-$k/overview" \
                    || die "warm-up overview of $prefix-$k failed on $url"
            done
        done
        ((pass == passes || SECONDS >= next)) || sleep $((next - SECONDS))
    done
}

# settle_overviews: a round has settled when its JIT took under this share of its time (percent); the projects a full
# settling may read (15 rounds of 9), in bench/run.sh, compare.sh --overview and gap-trace.sh.
OVERVIEW_SETTLED_JIT_PERCENT=2
OVERVIEW_SETTLE_PROJECTS=135

# Warms the cold overview as it is measured: with LATENCY ms on every upstream call, each gateway at URL (JVM PID) reads
# PER_ROUND projects of queue_projects_of_each_size's PREFIX-… per round, each as a measured sample, until a round's JIT
# compilation (C1 and C2 of the gateways and of the emulator) takes under OVERVIEW_SETTLED_JIT_PERCENT % of the round's
# time, at most COUNT / PER_ROUND rounds. A warm-up without latency never runs the emulator's delayed answers nor the
# gateway's timers on them: both JVMs then compiled them during the measured overviews, on the same two cores, and an
# emulator compiling kept the gateway's calls waiting for a core (perf sched). Prints "rounds jit_s_of_the_last_round".
# settle_overviews LATENCY PREFIX COUNT PER_ROUND PID URL [PID URL …]
settle_overviews() {
    local latency=$1 prefix=$2 count=$3 per_round=$4 round=0 k i started jit_before jit pids=() urls=()
    shift 4
    while (($#)); do pids+=("$1"); urls+=("$2"); shift 2; done
    upstream_latency "$latency"
    while ((round * per_round < count)); do
        started=$(date +%s.%N)
        jit_before=$(jit_cpu_s "${pids[@]}" "$EMULATOR_PID")
        for ((k = round * per_round + 1; k <= (round + 1) * per_round && k <= count; k++)); do
            for ((i = 0; i < ${#urls[@]}; i++)); do
                # as a measured sample: the journal emptied, the cold read, the journal read, a warm read
                curl -sf -o /dev/null -X DELETE "$EMULATOR/emulator/journal"
                curl -sf -o /dev/null -H "Authorization: Bearer $JWT" "${urls[i]}/api/v1/projects/$prefix-$k/overview" \
                    || die "warm-up overview of $prefix-$k failed on ${urls[i]}"
                journal_rounds "/v2.1/projects/$prefix-$k" >/dev/null
                curl -sf -o /dev/null -H "Authorization: Bearer $JWT" "${urls[i]}/api/v1/projects/$prefix-$k/overview"
            done
        done
        round=$((round + 1))
        jit=$(awk -v a="$jit_before" -v b="$(jit_cpu_s "${pids[@]}" "$EMULATOR_PID")" 'BEGIN {printf "%.2f", b - a}')
        awk -v j="$jit" -v s="$(awk -v a="$started" -v b="$(date +%s.%N)" 'BEGIN {print b - a}')" \
            -v p="$OVERVIEW_SETTLED_JIT_PERCENT" 'BEGIN {exit !(j <= p / 100 * s)}' && break
    done
    upstream_latency 0
    echo "$round $jit"
}

# --- start-up and memory (scenario 4; docs/startup.md) -------------------------------------------------------------

# The JVM options of the image: deploy/Dockerfile.jvm's JAVA_OPTS, read from it so the bench and the image cannot
# drift; options a Java older than 25 does not know are left out for it (startup_java_opts FEATURE_VERSION).
startup_java_opts() {
    local opts
    opts=$(sed -n 's/^ENV JAVA_OPTS="\(.*\)"$/\1/p' "$ROOT/deploy/Dockerfile.jvm")
    [[ -n $opts ]] || die "no JAVA_OPTS in deploy/Dockerfile.jvm"
    ((${1} >= 25)) || opts=$(sed -E 's/-XX:\+UseCompactObjectHeaders|-XX:TrimNativeHeapInterval=[0-9]+//g' <<<"$opts")
    echo $opts
}

# The environment of the image besides JAVA_OPTS (deploy/Dockerfile.jvm's one-variable ENV lines, e.g. MALLOC_ARENA_MAX),
# as NAME=VALUE words.
startup_env() {
    sed -n 's/^ENV \([A-Z_][A-Z0-9_]*=[^" ]*\)$/\1/p' "$ROOT/deploy/Dockerfile.jvm" | grep -v '^JAVA_OPTS=' | paste -sd' ' - || true
}

# The home of a JDK of the given feature version: BENCH_JAVA<N>_HOME, else the default java if it is that version,
# else a JDK of that version under /usr/lib/jvm; empty when there is none.
java_home_of() {
    local version=$1 var="BENCH_JAVA$1_HOME" home
    if [[ -n ${!var:-} ]]; then echo "${!var}"; return; fi
    for home in "$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")" /usr/lib/jvm/*; do
        [[ -x $home/bin/java ]] || continue
        if "$home/bin/java" -XshowSettings:properties -version 2>&1 | grep -q "java.specification.version = $version\$"; then
            echo "$home"
            return
        fi
    done
}

# Makes the class cache of the packaged gateway with the training run of the image (deploy/training): an AOT cache
# on Java 25+, an AppCDS archive before; train_cache JAVA_HOME CACHE_DIR JVM-OPTION...
train_cache() {
    local home=$1 dir=$2
    shift 2
    mkdir -p "$dir"
    "$home/bin/java" "${TRAINING:-$ROOT/deploy/training/AotTraining.java}" "$(dirname "$GATEWAY_JAR")" "$EMULATOR_JAR" \
        "$dir" "$@" \
        >"$dir/training.log" 2>&1 || { tail -30 "$dir/training.log" >&2; die "training run failed on $home"; }
    log "  $(tail -1 "$dir/training.log")"
}

# The AOT cache directory of a packaged gateway, trained once with the image's options (IMAGE_OPTS, JAVA25) by the
# training driver TRAINING (deploy/training/AotTraining.java when empty): for the current build and driver
# BENCH_CACHE_DIR when set (a cache made earlier with the same options), else one per app and driver in $WORK.
aot_cache_of() {
    local app=$1 training=${2:-} dir
    if [[ $app == "$(dirname "$GATEWAY_JAR")" && -z $training ]]; then
        dir=${BENCH_CACHE_DIR:-$WORK/cache}
    else
        dir=$WORK/cache-$(cksum <<<"$app $training" | cut -d' ' -f1)
    fi
    if [[ ! -f $dir/jvm-cache.args ]]; then
        log "training run for ${app#"$ROOT"/}${training:+ by $training} (AOT cache with the image's options)"
        # shellcheck disable=SC2086 # options are words; stdout is the answer, the training's log lines go to stderr
        GATEWAY_JAR=$app/quarkus-run.jar TRAINING=$training train_cache "$JAVA25" "$dir" $IMAGE_OPTS >&2
    fi
    echo "$dir"
}

# The value of a variant's KEY=VALUE word (app, training), else $3.
variant_word() {
    local key=$1 default=$2 word
    shift 2
    for word in "$@"; do
        if [[ $word == "$key"=* ]]; then echo "${word#"$key"=}"; return; fi
    done
    echo "$default"
}

# The AOT cache of a variant: of its app=DIR (else the current build), trained by its training=FILE (else the image's).
variant_cache() {
    aot_cache_of "$(variant_word app "$(dirname "$GATEWAY_JAR")" "$@")" "$(variant_word training "" "$@")"
}

# variant_gateway launch|start WORD...: the gateway on Java 25 with its AOT cache and the image's JVM options and
# environment (IMAGE_OPTS, IMAGE_ENV), plus a variant's words: NAME=VALUE (upper case) environment, app=DIR another
# packaged gateway (a copy of gateway/target/quarkus-app), training=FILE another training driver for its AOT cache
# (a copy of deploy/training/AotTraining.java, e.g. an earlier commit's), the others JVM options. A first word starting with "!"
# replaces the image's options and environment instead of adding to them. "launch" returns at once
# (launch_gateway), "start" waits for the first API 200 (start_gateway).
variant_gateway() {
    local how=$1 word app names=() jvm=() base_opts=$IMAGE_OPTS base_env=$IMAGE_ENV
    shift
    if [[ ${1:-} == !* ]]; then
        set -- "${1#!}" "${@:2}"
        base_opts= base_env=
    fi
    app=$(variant_word app "$(dirname "$GATEWAY_JAR")" "$@")
    for word in $base_env "$@"; do
        if [[ $word == app=* || $word == training=* ]]; then
            continue
        elif [[ $word =~ ^([A-Z_][A-Z0-9_]*)= ]]; then
            export "${word?}"
            names+=("${BASH_REMATCH[1]}")
        else
            jvm+=("$word")
        fi
    done
    journal_mark
    PATH=$JAVA25/bin:$PATH BENCH_JAVA_OPTS="$base_opts @$(variant_cache "$@")/jvm-cache.args ${jvm[*]}" \
        GATEWAY_JAR=$app/quarkus-run.jar "${how}_gateway"
    ((${#names[@]} == 0)) || unset "${names[@]}"
}

# The lines a start-up report opens with: the JVM, the commit, the load average before ($1) and now.
startup_run_context() {
    local changed=
    git -C "$ROOT" status --porcelain -- . ':!bench/results' | grep -q . && changed=' (with changes)'
    echo "Java: $("$JAVA25/bin/java" -version 2>&1 | head -1); commit $(git -C "$ROOT" rev-parse --short HEAD)$changed;"
    echo "load average $1 before, $(cut -d' ' -f1-3 /proc/loadavg) after (2 cores shared: compare rows of this run only)."
}

# The async-profiler agent for this machine, fetched once from Maven Central into bench/.tools/<version> (3.0 crashed
# on Java 25 when naming threads).
async_profiler_lib() {
    local version=4.2 arch dir
    case $(uname -m) in
        x86_64) arch=linux-x64 ;;
        aarch64) arch=linux-arm64 ;;
        *) die "async-profiler has no library for $(uname -m); use --jfr" ;;
    esac
    dir=$BENCH_DIR/.tools/$version
    if [[ ! -f $dir/$arch/libasyncProfiler.so ]]; then
        log "fetching tools.profiler:async-profiler:$version from Maven Central"
        mkdir -p "$dir"
        (cd "$ROOT" && ./mvnw -B -q dependency:copy -Dartifact=tools.profiler:async-profiler:$version \
            -DoutputDirectory="$dir") >"$WORK/fetch.log" 2>&1 || { cat "$WORK/fetch.log" >&2; die "fetch failed"; }
        (cd "$dir" && jar xf "async-profiler-$version.jar" "$arch/libasyncProfiler.so")
    fi
    echo "$dir/$arch/libasyncProfiler.so"
}

# Per thread of process $1: its TID, the CPU ticks (user + system) it used so far and its name, tab-separated (the
# name may hold spaces, so the fields of /proc/…/stat are read after it).
thread_ticks() {
    local task stat fields
    for task in /proc/"$1"/task/*; do
        stat=$(cat "$task/stat" 2>/dev/null) || continue
        read -r -a fields <<<"${stat##*) }" # from the state on: utime and stime are the 12th and 13th
        printf '%s\t%s\t%s\n' "${task##*/}" $((fields[11] + fields[12])) "$(cat "$task/comm" 2>/dev/null)"
    done
}

# CPU seconds the JIT compiler threads (C1, C2) of the JVMs PID… have used so far, together: while they still work, a
# JVM is warming up. jit_cpu_s PID [PID …]
jit_cpu_s() {
    local pid
    for pid; do thread_ticks "$pid"; done | awk -F'\t' -v hz="$(getconf CLK_TCK)" '$3 ~ /^C[12] CompilerThre/ {t += $2}
        END {printf "%.2f", t / hz}'
}

# The CPU seconds the JIT compiler threads of JVM $1 used since jit_cpu_s read $2 from it.
jit_cpu_since() {
    awk -v a="$2" -v b="$(jit_cpu_s "$1")" 'BEGIN {printf "%.2f", b - a}'
}

# Paced requests run the gateway's code far less often than a back-to-back warm-up did, and the JIT compiles the
# rest of it only then: paced rounds (discarded, WARMUP_ROUND_S each, PACED_DELAY_MS before each request) until the
# JIT compiler threads of the JVM $1 used at most 5 % of a core in a round (or WARMUP_MAX_S), so a paced measurement
# measures the warmed-up server, not its compiler competing for the two cores. Prints the seconds used and the JIT's
# CPU seconds in the last round. settle_jit PID URL [wrk options]
settle_jit() {
    local pid=$1 url=$2 used=0 before jit
    shift 2
    while :; do
        before=$(jit_cpu_s "$pid")
        wrk_json 1 1 "$WARMUP_ROUND_S" "$PACED_DELAY_MS" "$url" "$@" >/dev/null
        used=$((used + WARMUP_ROUND_S))
        jit=$(jit_cpu_since "$pid" "$before")
        if ((used >= WARMUP_MAX_S)) || awk -v j="$jit" -v s="$WARMUP_ROUND_S" 'BEGIN {exit !(j <= 0.05 * s)}'; then
            echo "$used $jit"
            return
        fi
    done
}

# CPU seconds per thread group (the thread's name without its number) of a running JVM, as "group<TAB>seconds" lines.
thread_cpu() {
    thread_ticks "$1" | awk -F'\t' -v hz="$(getconf CLK_TCK)" '
        { n = $3; sub(/[-#]?[0-9]+$/, "", n); sub(/ +$/, "", n); if (n == "java") n = "main"; cpu[n] += $2 / hz }
        END { for (n in cpu) if (cpu[n] >= 0.005) printf "%s\t%.2f\n", n, cpu[n] }'
}

# The five thread groups of a running JVM that used most CPU, as "group seconds, …".
top_threads() {
    thread_cpu "$1" | sort -k2 -rn -t$'\t' | head -5 | awk -F'\t' '{printf "%s%s %s", sep, $1, $2; sep = ", "}'
}

# CPU seconds (user + system) a process has used so far: less noisy than wall time on a busy machine.
cpu_s() { awk -v hz="$(getconf CLK_TCK)" '{printf "%.2f", ($14 + $15) / hz}' "/proc/$1/stat"; }
