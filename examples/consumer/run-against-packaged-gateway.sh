#!/usr/bin/env bash
# Builds and tests examples/consumer against the packaged gateway, as another team's service would call it:
# the UbiOps emulator (standalone jar) stands in for UbiOps, the gateway runs as in production
# (quarkus-run.jar, configured by environment), and the consumer calls it with its own token.
# Needs: ./mvnw package (the gateway and the emulator jar) and api-model/api-client installed in ~/.m2.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
work="$(mktemp -d)"
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT

# Prints the first http://host:port a log line announces, waiting up to 60 s for it.
announced() {
  for _ in $(seq 1 120); do
    if url=$(grep -o "$2 *http://[^ ]*" "$1" | head -1 | grep -o 'http://.*'); then
      echo "$url"; return 0
    fi
    sleep 0.5
  done
  echo "nothing announced in $1:" >&2; cat "$1" >&2; return 1
}

# base64url, no padding
b64() { openssl base64 -A | tr '+/' '-_' | tr -d '='; }

EMULATOR_TOKEN=consumer-ci java -jar "$root"/ubiops-emulator/target/ubiops-emulator-*-runner.jar --port 0 --host 127.0.0.1 \
  >"$work/emulator.log" 2>&1 &
pids+=($!)
emulator="$(announced "$work/emulator.log" 'listening on')"

# The service's token: RS256, signed with the repository's TEST-ONLY key, which this gateway is told to trust.
issuer=https://issuer.consumer.example
now=$(date +%s)
header=$(printf '{"alg":"RS256","typ":"JWT"}' | b64)
claims=$(printf '{"iss":"%s","aud":"ubiops-gateway","sub":"consumer-service","groups":["viewer"],"projects":["*"],"iat":%d,"exp":%d}' \
  "$issuer" "$now" $((now + 3600)) | b64)
signature=$(printf '%s.%s' "$header" "$claims" \
  | openssl dgst -sha256 -sign "$root"/gateway/src/test/resources/test-keys/test-only-rsa-private.pem -binary | b64)

UBIOPS_API_URL="$emulator" UBIOPS_API_TOKEN=consumer-ci \
  MP_JWT_VERIFY_PUBLICKEY_LOCATION="$root"/gateway/src/test/resources/test-keys/test-only-rsa-public.pem \
  MP_JWT_VERIFY_ISSUER="$issuer" MP_JWT_VERIFY_AUDIENCES=ubiops-gateway \
  QUARKUS_HTTP_HOST=127.0.0.1 QUARKUS_HTTP_PORT=0 QUARKUS_LOG_CONSOLE_JSON_ENABLED=false \
  java -jar "$root"/gateway/target/quarkus-app/quarkus-run.jar >"$work/gateway.log" 2>&1 &
pids+=($!)
gateway="$(announced "$work/gateway.log" 'Listening on:')"

cd "$root"/examples/consumer
GATEWAY_URL="$gateway" GATEWAY_TOKEN="$header.$claims.$signature" "$root"/mvnw -B -q verify
echo "examples/consumer: called $gateway as consumer-service"
