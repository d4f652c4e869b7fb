#!/usr/bin/env bash
# Gateway latency benchmark (not part of the test run): GET /api/signals with a valid token against the packaged
# gateway, its real PostgreSQL (devstack) and a loopback digest stub serving a 50-signal day (bench/gateway/).
# Two runs of 30 s at about 1,000 requests/s (wrk, 22 connections, 19 ms pause per connection):
#   warm   - the 30 s signals cache as configured: after the first call the answer is the cache's
#   expiry - the cache expiring every second, so a downstream call to digest is part of the measured traffic
# and a 10 s unthrottled run for the ceiling. Needs wrk (apt-get install wrk). The caller holds the build lock:
#   flock /tmp/mvn.lock bench/gateway-bench.sh        (add --no-build to reuse api-gateway/target/quarkus-app)
# Writes bench/results/gateway-<date>.md with the CPU model and flags.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT="$PWD"
OUT="$ROOT/bench/out/gateway"
RESULT="$ROOT/bench/results/gateway-$(date -u +%Y-%m-%d).md"
GW=18480 DIGEST=18483 DB=18432 SQS=18424 SMTP=18425
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk" >&2; exit 1; }
if [[ "${1:-}" != "--no-build" ]]; then
  ./mvnw -B -q install -pl api-gateway -am -DskipTests
fi
rm -rf "$OUT" && mkdir -p "$OUT"
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; }
trap cleanup EXIT

TTH_HOME="$OUT/home" TTH_DB_PORT=$DB TTH_SQS_PORT=$SQS TTH_SMTP_PORT=$SMTP \
  java -Xmx256m -jar devstack/target/devstack.jar >"$OUT/devstack.log" 2>&1 & pids+=($!)
java bench/gateway/StubDigest.java $DIGEST api-gateway/src/test/resources/fixtures/digest-signals.json \
  >"$OUT/stub.log" 2>&1 & pids+=($!)
for _ in $(seq 120); do grep -q "devstack ready" "$OUT/devstack.log" 2>/dev/null && break; sleep 0.5; done
grep -q "devstack ready" "$OUT/devstack.log" || { tail "$OUT/devstack.log"; exit 1; }
printf '{"kty":"oct","k":"%s"}\n' "$(head -c 32 /dev/urandom | base64 | tr '+/' '-_' | tr -d '=\n')" >"$OUT/jwt.jwk"

run_gateway() { # extra JVM flags
  TTH_DB_PORT=$DB TTH_DB_PASSWORD=postgres TTH_DIGEST_URL="http://127.0.0.1:$DIGEST" TTH_INGEST_URL="http://127.0.0.1:$DIGEST" \
    TTH_SENTIMENT_URL="http://127.0.0.1:$DIGEST" TTH_JWT_KEY_FILE="$OUT/jwt.jwk" \
    java -Xmx256m -Dquarkus.http.port=$GW "$@" -jar api-gateway/target/quarkus-app/quarkus-run.jar \
    >>"$OUT/gateway.log" 2>&1 &
  GW_PID=$!; pids+=($GW_PID)
  for _ in $(seq 120); do curl -fsS -o /dev/null "http://127.0.0.1:$GW/q/health/ready" 2>/dev/null && return 0; sleep 0.5; done
  tail -30 "$OUT/gateway.log"; exit 1
}
token() {
  local email="bench-$RANDOM$RANDOM@example.com"
  curl -fsS -H 'Content-Type: application/json' -d "{\"email\":\"$email\",\"password\":\"bench password 1\"}" \
    "http://127.0.0.1:$GW/api/auth/register" | sed 's/.*"token":"\([^"]*\)".*/\1/'
}
measure() { # label, delay ms, duration
  local before after line
  before="$(curl -fsS "http://127.0.0.1:$DIGEST/calls")"
  line="$(TTH_BENCH_TOKEN="$TOKEN" TTH_BENCH_DELAY_MS="$2" wrk -t2 -c"${4:-22}" -d"$3" -s bench/gateway/signals.lua \
    "http://127.0.0.1:$GW" | grep '^RESULT')"
  after="$(curl -fsS "http://127.0.0.1:$DIGEST/calls")"
  echo "| $1 | ${line#RESULT } digest_calls=$((after - before)) |" | tee -a "$OUT/table.md"
}

: >"$OUT/table.md"
run_gateway
TOKEN="$(token)"
TTH_BENCH_TOKEN="$TOKEN" TTH_BENCH_DELAY_MS=0 wrk -t2 -c20 -d15s -s bench/gateway/signals.lua "http://127.0.0.1:$GW" >/dev/null
measure "warm cache, ~1,000 req/s, 30 s" 19 30s
measure "unthrottled, 20 connections, 10 s" 0 10s 20
kill "$GW_PID"; wait "$GW_PID" 2>/dev/null || true
run_gateway -Dquarkus.cache.caffeine.signals.expire-after-write=1S
TOKEN="$(token)"
TTH_BENCH_TOKEN="$TOKEN" TTH_BENCH_DELAY_MS=0 wrk -t2 -c20 -d15s -s bench/gateway/signals.lua "http://127.0.0.1:$GW" >/dev/null
measure "cache expiring every 1 s, ~1,000 req/s, 30 s" 19 30s

{
  echo "# api-gateway benchmark, $(date -u +%Y-%m-%dT%H:%MZ)"
  echo
  echo "GET /api/signals?limit=50 (HS256 bearer token verified on every request; 50-signal day, $(wc -c <"$OUT/stub.log" >/dev/null; grep -o 'body [0-9]* bytes' "$OUT/stub.log")),"
  echo "packaged gateway (-Xmx256m) + devstack PostgreSQL + loopback digest stub, wrk on the same machine."
  echo
  echo "| run | wrk result |"
  echo "| --- | --- |"
  cat "$OUT/table.md"
  echo
  echo "Load average at the end: $(cut -d' ' -f1-3 /proc/loadavg) (other work on the machine competes for the same cores)."
  echo
  echo "Machine: $(nproc) cores, $(lscpu | sed -n 's/^Model name:[[:space:]]*//p'), $(java -version 2>&1 | head -1)"
  echo
  echo "CPU flags: $(lscpu | sed -n 's/^Flags:[[:space:]]*//p' | cut -c1-400)..."
} >"$RESULT"
echo "wrote $RESULT"
cat "$RESULT"
