#!/usr/bin/env bash
# Prints a JWT for the local stack and the sizing run: RS256, signed with the committed TEST-ONLY key that
# deploy/compose.yaml (and sizing/measure-rss.sh) make the gateway trust. Never use that key anywhere real.
# Usage: deploy/compose/test-token.sh [subject] [role: viewer|editor|admin] [project|*] [hours]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
key="$here/../../gateway/src/test/resources/test-keys/test-only-rsa-private.pem"
subject="${1:-local-admin}" role="${2:-admin}" project="${3:-*}" hours="${4:-8}"
now=$(date +%s)
b64() { openssl base64 -A | tr '+/' '-_' | tr -d '='; }
header='{"alg":"RS256","typ":"JWT","kid":"test-rsa"}'
payload=$(printf '{"iss":"https://issuer.test.ubiops-gateway","aud":"ubiops-gateway","sub":"%s","groups":["%s"],"projects":["%s"],"iat":%d,"exp":%d}' \
  "$subject" "$role" "$project" "$now" $((now + hours * 3600)))
unsigned="$(printf '%s' "$header" | b64).$(printf '%s' "$payload" | b64)"
signature=$(printf '%s' "$unsigned" | openssl dgst -sha256 -sign "$key" | b64)
printf '%s.%s\n' "$unsigned" "$signature"
