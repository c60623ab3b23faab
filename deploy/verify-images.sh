#!/usr/bin/env bash
# Builds the gateway and emulator images with podman, starts the stack (Redis, the emulator, two gateway replicas)
# with deploy/compose.yaml's settings, checks it end to end, prints image sizes and start-to-ready time, and removes
# every container it started. Run from anywhere, as root, after the applications are packaged (`./mvnw -B verify`
# or `package`): the images only copy what the host built (docs/containers.md).
#
# Where the real base images cannot be pulled (no registry reachable), it makes local stand-ins: Debian bookworm
# from debootstrap, with the host's Java 25 for the JVM images and Debian's redis-server for Redis.
# Environment: JAVA25_HOME (a Java 25 JDK for the stand-in), READY_TIMEOUT (seconds, default 120).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
JAVA25_HOME="${JAVA25_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
READY_TIMEOUT="${READY_TIMEOUT:-120}"
STANDIN_JAVA=localhost/ubiops-standin/java25:bookworm
STANDIN_REDIS=localhost/ubiops-standin/redis:bookworm
run_id="verify-images-$$"
work="$(mktemp -d)"
started=$SECONDS
py=/usr/bin/python3 # Debian's, which python3-yaml serves

step() { printf '== %s (%ds)\n' "$*" $((SECONDS - started)); }
fail() { printf 'FAILED: %s\n' "$*" >&2; exit 1; }
now_ms() { date +%s%3N; }

# --- Tools -----------------------------------------------------------------------------------------------------
missing=()
command -v podman >/dev/null || missing+=(podman)
command -v runc >/dev/null || missing+=(runc)
command -v debootstrap >/dev/null || missing+=(debootstrap)
command -v curl >/dev/null || missing+=(curl)
command -v openssl >/dev/null || missing+=(openssl)
"$py" -c 'import yaml' 2>/dev/null || missing+=(python3-yaml)
if ((${#missing[@]})); then
  step "installing ${missing[*]}"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi
# This VM: crun cannot handle its hybrid cgroups, and root lacks CAP_SYS_RESOURCE for podman's default ulimits.
cat >"$work/containers.conf" <<'EOF'
[containers]
default_ulimits = ["nofile=20000:20000", "nproc=32768:32768"]
[engine]
runtime = "runc"
cgroup_manager = "cgroupfs"
events_logger = "file"
EOF
export CONTAINERS_CONF="$work/containers.conf"

cleanup() {
  [[ -z "${host_pid:-}" ]] || kill "$host_pid" 2>/dev/null || true
  podman pod rm -f "$run_id" >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT

# --- Settings, each read from its one place ---------------------------------------------------------------------
# compose SERVICE FIELD: a field of deploy/compose.yaml, as shell words (lists one per line, maps as K=V lines).
compose() {
  "$py" - "$1" "$2" <<'EOF'
import sys, yaml
value = yaml.safe_load(open("deploy/compose.yaml"))["services"][sys.argv[1]].get(sys.argv[2])
if isinstance(value, dict):
    value = [f"{k}={v}" for k, v in value.items()]
for item in value if isinstance(value, list) else ([] if value is None else [value]):
    print(item)
EOF
}
arg_default() { sed -n "s/^ARG $2=//p" "$1"; }
gateway_image="localhost/$(compose gateway image)"
emulator_image="localhost/$(compose emulator image)"
redis_image="$(compose redis image)"
java_base="$(arg_default deploy/Dockerfile.jvm RUNTIME_IMAGE)"
[[ "$(arg_default deploy/Dockerfile.emulator RUNTIME_IMAGE)" == "$java_base" ]] || fail "the emulator's base is not the gateway's"
[[ -f gateway/target/quarkus-app/quarkus-run.jar ]] && compgen -G 'ubiops-emulator/target/*-runner.jar' >/dev/null ||
  fail "package the applications first: ./mvnw -B package -DskipTests"
# The JVM image's class cache comes from a training run at build time; its driver is compiled here, like the apps.
javac --release 17 -d gateway/target/aot-training deploy/training/AotTraining.java

# --- Base images: the real ones, else local stand-ins ----------------------------------------------------------
pullable() { podman image exists "$1" || timeout 60 podman pull -q "$1" >/dev/null 2>&1; }
debian_mirror() {
  grep -rhoE '(URIs:|deb)[[:space:]]+https?://[^[:space:]]+/debian/?([[:space:]]|$)' /etc/apt/sources.list /etc/apt/sources.list.d/ 2>/dev/null |
    grep -oE 'https?://[^[:space:]]+' | head -n 1 || true
}
make_standins() {
  local rootfs="$work/rootfs" mirror
  mirror="$(debian_mirror)"
  [[ -n "$mirror" ]] || fail "no Debian mirror in /etc/apt/sources.list*"
  step "debootstrap bookworm (minbase, redis-server) from $mirror"
  debootstrap --variant=minbase --include=redis-server bookworm "$rootfs" "$mirror" >"$work/debootstrap.log" 2>&1 ||
    { tail -n 20 "$work/debootstrap.log"; fail debootstrap; }
  rm -rf "$rootfs"/var/cache/apt/archives/*.deb "$rootfs"/var/lib/apt/lists/*
  # As the UBI OpenJDK images: user 185 (jboss), group root, home /home/jboss.
  echo 'jboss:x:185:0:JBoss user:/home/jboss:/sbin/nologin' >>"$rootfs/etc/passwd"
  mkdir -p "$rootfs/home/jboss" && chown 185:0 "$rootfs/home/jboss"
  tar -C "$rootfs" -c . | podman import -q --change 'USER redis' \
    --change 'ENTRYPOINT ["redis-server", "--protected-mode", "no"]' - "$STANDIN_REDIS" >/dev/null
  # Debian bookworm has no Java 25 and HTTPS downloads fail inside builds: a runtime linked from the host's JDK.
  step "jlink a Java 25 runtime from $JAVA25_HOME"
  local modules
  modules="$("$JAVA25_HOME/bin/java" --list-modules | sed 's/@.*//' |
    grep -vE '^jdk\.(jlink|jpackage|compiler|javadoc|jdeps|jshell|jdi|jdwp\.agent|hotspot\.agent|jartool|editpad|internal\..*|jconsole|jstatd|jcmd|graal\..*|incubator\..*)$' | paste -sd,)"
  mkdir -p "$rootfs/usr/lib/jvm"
  "$JAVA25_HOME/bin/jlink" --add-modules "$modules" --strip-debug --no-man-pages --no-header-files \
    --generate-cds-archive --output "$rootfs/usr/lib/jvm/jre" >/dev/null
  ln -s /usr/lib/jvm/jre/bin/java "$rootfs/usr/bin/java"
  tar -C "$rootfs" -c . | podman import -q --change 'ENV JAVA_HOME=/usr/lib/jvm/jre' --change 'USER 185' \
    --change 'WORKDIR /home/jboss' - "$STANDIN_JAVA" >/dev/null
  rm -rf "$rootfs"
}
step "base images"
standin=no
if ! pullable "$java_base" || ! pullable "$redis_image"; then
  standin=yes
  if ! podman image exists "$STANDIN_JAVA" || ! podman image exists "$STANDIN_REDIS"; then
    make_standins
  fi
  java_base="$STANDIN_JAVA" redis_image="$STANDIN_REDIS"
fi
echo "Java base: $java_base; Redis: $redis_image; stand-ins: $standin"
podman run --rm "$java_base" java -version 2>&1 | sed -n 1p # reads it all: no SIGPIPE under pipefail

# --- Images: offline builds ------------------------------------------------------------------------------------
build() {
  local t0=$SECONDS
  podman build -q --network=none --build-arg RUNTIME_IMAGE="$java_base" -f "$1" -t "$2" . >/dev/null
  echo "built $2 from $1 in $((SECONDS - t0)) s"
}
step "building images (no network)"
build deploy/Dockerfile.jvm "$gateway_image"
build deploy/Dockerfile.emulator "$emulator_image"
[[ "$(podman image inspect -f '{{.Config.User}}' "$gateway_image")" == 185 ]] || fail "the gateway image is not user 185"
if podman image inspect -f '{{range .Config.Env}}{{println .}}{{end}}' "$gateway_image" | grep -iE 'TOKEN|SECRET|PASSWORD|KEY='; then
  fail "the gateway image carries a secret in its environment"
fi
if podman run --rm --entrypoint sh "$gateway_image" -c 'find /deployments -name "*.pem" -o -name "*.p12" -o -name "*.jks" -o -name "*.key"' | grep .; then
  fail "the gateway image carries key material"
fi

# --- The stack: one pod, on loopback; names resolve as on compose's network --------------------------------------
step "starting Redis, the emulator and two gateway replicas"
podman pod create --name "$run_id" --add-host emulator:127.0.0.1 --add-host redis:127.0.0.1 \
  -p 127.0.0.1::8080 -p 127.0.0.1::8081 -p 127.0.0.1::8089 -p 127.0.0.1::6379 >/dev/null
mapfile -t redis_args < <(compose redis command)
podman run -d -q --pod "$run_id" --name "$run_id-redis" "$redis_image" "${redis_args[@]}" >/dev/null
mapfile -t emulator_args < <(compose emulator command)
podman run -d -q --pod "$run_id" --name "$run_id-emulator" "$emulator_image" "${emulator_args[@]}" >/dev/null

# The gateway's container settings from compose.yaml: environment (with the Redis URL), user, read-only, tmpfs, mounts.
gateway_args=(--user "$(compose gateway user)")
[[ "$(compose gateway read_only)" == True ]] && gateway_args+=(--read-only)
while read -r tmpfs; do gateway_args+=(--tmpfs "$tmpfs"); done < <(compose gateway tmpfs)
while read -r env; do gateway_args+=(-e "$env"); done < <(compose gateway environment)
while IFS=: read -r host container mode; do
  gateway_args+=(-v "$(cd deploy && realpath "$host"):$container${mode:+:$mode}")
done < <(compose gateway volumes)
# Reads cached for ten minutes, so only Redis can make a write through one replica visible on the other.
gateway_args+=(-e GATEWAY_CACHE_READS_TTL=10m)

host_port() { podman port "$run_id-redis" "$1/tcp" | sed -n 1p; }
url_a="http://$(host_port 8080)" url_b="http://$(host_port 8081)" url_emulator="http://$(host_port 8089)"
wait_for() { # URL: until it answers 200 with status UP, or the timeout
  local deadline=$((SECONDS + READY_TIMEOUT))
  until curl -fsS --max-time 2 "$1" 2>/dev/null | grep -q '"status" *: *"UP"\|"status":"UP"'; do
    ((SECONDS < deadline)) || return 1
    sleep 0.1
  done
}
deadline=$((SECONDS + READY_TIMEOUT))
until curl -fsS --max-time 2 -o /dev/null "$url_emulator/v2.1/projects" -H 'Authorization: Token demo' 2>/dev/null; do
  ((SECONDS < deadline)) || { podman logs "$run_id-emulator" | tail -n 20; fail "the emulator did not answer"; }
  sleep 0.2
done

t0=$(now_ms)
podman run -d -q --pod "$run_id" --name "$run_id-gateway-a" "${gateway_args[@]}" "$gateway_image" >/dev/null
wait_for "$url_a/q/health/ready" || { podman logs "$run_id-gateway-a" | tail -n 30; fail "replica A not ready"; }
ready_ms=$(($(now_ms) - t0))
podman run -d -q --pod "$run_id" --name "$run_id-gateway-b" "${gateway_args[@]}" -e QUARKUS_HTTP_PORT=8081 \
  "$gateway_image" >/dev/null
wait_for "$url_b/q/health/ready" || { podman logs "$run_id-gateway-b" | tail -n 30; fail "replica B not ready"; }

# --- Checks -----------------------------------------------------------------------------------------------------
step "checks"
token="$(deploy/compose/test-token.sh)"
checks=0
ok() { checks=$((checks + 1)); echo "ok: $*"; }
# call METHOD URL [BODY]: prints the status; the headers and body go to $work/headers and $work/body.
call() {
  curl -sS --max-time 30 -o "$work/body" -D "$work/headers" -w '%{http_code}' -X "$1" "$2" \
    -H "Authorization: Bearer $token" ${3:+-H 'Content-Type: application/json' --data "$3"}
}
json() { "$py" -c "import json,sys; d=json.load(open('$work/body')); print($1)"; }
header() { sed -n "s/^$1: *//Ip" "$work/headers" | tr -d '\r'; }

for replica in "$url_a" "$url_b"; do
  [[ "$(curl -sS -o "$work/body" -w '%{http_code}' "$replica/q/health/ready")" == 200 ]] && [[ "$(json 'd["status"]')" == UP ]] ||
    fail "readiness of $replica: $(cat "$work/body")"
done
ok "readiness UP on both replicas"
[[ "$(curl -sS -o /dev/null -w '%{http_code}' "$url_a/api/v1/projects")" == 401 ]] || fail "a read without a token is not 401"
ok "a read without a token: 401"
[[ "$(call GET "$url_a/api/v1/projects")" == 200 ]] || fail "projects: $(cat "$work/body")"
json '[p["name"] for p in d]' | grep -q demo-project || fail "projects lack demo-project: $(cat "$work/body")"
ok "JWT-authenticated read: GET /api/v1/projects lists demo-project"
[[ "$(call GET "$url_a/api/v1/projects/demo-project/overview")" == 200 ]] || fail "overview: $(cat "$work/body")"
[[ "$(header X-Complete)" != false ]] || fail "the overview is incomplete: $(cat "$work/body")"
ok "overview of demo-project answers complete ($(wc -c <"$work/body") bytes)"

redis_state() { curl -sS "$1/q/health/ready" | "$py" -c 'import json,sys
print(next((c.get("data", {}).get("redis", "") for c in json.load(sys.stdin)["checks"] if c["name"] == "cache-invalidation"), "none"))'; }
for replica in "$url_a" "$url_b"; do
  deadline=$((SECONDS + 30))
  until [[ "$(redis_state "$replica")" == subscribed ]]; do
    ((SECONDS < deadline)) || fail "$replica is not subscribed to Redis: $(redis_state "$replica")"
    sleep 0.2
  done
done
ok "both replicas subscribed to Redis invalidations"
deployments="/api/v1/projects/demo-project/deployments"
call GET "$url_b$deployments" >/dev/null
[[ "$(call GET "$url_b$deployments")" == 200 && "$(header X-Cache)" == HIT ]] || fail "B does not cache the deployment list"
name="made-on-a-$$"
[[ "$(call POST "$url_a$deployments" "{\"name\": \"$name\", \"inputType\": \"plain\", \"outputType\": \"plain\"}")" == 201 ]] ||
  fail "create through A: $(cat "$work/body")"
deadline=$((SECONDS + 5))
until [[ "$(call GET "$url_b$deployments")" == 200 ]] && json '[x["name"] for x in d]' | grep -q "$name"; do
  ((SECONDS < deadline)) || fail "B still serves its cached list without $name (X-Cache: $(header X-Cache))"
  sleep 0.1
done
ok "a deployment created through replica A is listed by replica B (X-Cache: $(header X-Cache))"

podman exec "$run_id-gateway-a" sh -c 'touch /deployments/x' 2>/dev/null && fail "the root filesystem is writable"
podman exec "$run_id-gateway-a" sh -c 'touch /tmp/x && rm /tmp/x' || fail "/tmp is not writable"
[[ "$(podman exec "$run_id-gateway-a" id -u)" == 185 ]] || fail "the gateway does not run as 185"
ok "the gateway runs as uid 185 on a read-only root filesystem, /tmp writable"

# --- Baseline: the same application and settings straight on the host's Java 25, against the same containers ------
step "baseline: the packaged gateway on the host"
host_env=()
while read -r env; do
  env="${env//emulator:8089/$(host_port 8089)}" env="${env//redis:6379/$(host_port 6379)}"
  while IFS=: read -r host container _; do env="${env//$container/$(cd deploy && realpath "$host")}"; done < <(compose gateway volumes)
  host_env+=("$env")
done < <(compose gateway environment)
port=$("$py" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
java_opts="$(podman image inspect -f '{{range .Config.Env}}{{println .}}{{end}}' "$gateway_image" | sed -n 's/^JAVA_OPTS=//p')"
t0=$(now_ms)
# JAVA_OPTS unquoted: a list of options, split as the image's entrypoint splits it.
env "${host_env[@]}" GATEWAY_CACHE_READS_TTL=10m QUARKUS_HTTP_HOST=127.0.0.1 QUARKUS_HTTP_PORT="$port" \
  "$JAVA25_HOME/bin/java" $java_opts -Djava.io.tmpdir="$work" -jar gateway/target/quarkus-app/quarkus-run.jar >"$work/host.log" 2>&1 &
host_pid=$!
ready=yes
wait_for "http://127.0.0.1:$port/q/health/ready" || ready=no
host_ready_ms=$(($(now_ms) - t0))
kill "$host_pid" && wait "$host_pid" 2>/dev/null || true
[[ $ready == yes ]] || { tail -n 30 "$work/host.log"; fail "the gateway on the host did not become ready"; }

# --- Figures ----------------------------------------------------------------------------------------------------
step "figures"
size() { podman image inspect -f '{{.Size}}' "$1"; }
mib() { awk -v b="$1" 'BEGIN { printf "%.1f MiB", b / 1048576 }'; }
base_size=$(size "$java_base")
for image in "$gateway_image" "$emulator_image"; do
  echo "image $image: $(mib "$(size "$image")") ($(mib $(($(size "$image") - base_size))) on top of the base)"
done
echo "base $java_base: $(mib "$base_size")"
started_in() { grep -o 'started in [0-9.]*s' | sed -n '1s/started in //p'; }
echo "gateway start-to-ready, in a container: $ready_ms ms (podman run to /q/health/ready UP; Quarkus: started in $(podman logs "$run_id-gateway-a" 2>&1 | started_in))"
echo "gateway start-to-ready, on the host:    $host_ready_ms ms (baseline in this run: java -jar to UP; Quarkus: started in $(started_in <"$work/host.log"))"
echo "all $checks checks passed"
step "done"
