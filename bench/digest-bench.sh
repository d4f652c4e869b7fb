#!/usr/bin/env bash
# Digest speed: signals for 5,000 tickers over 7 days of 200,000 articles, and the digest mailed to 10,000
# subscribers through a real SMTP server, with memory. Real PostgreSQL (embedded), real GreenMail.
# Usage: bench/digest-bench.sh   (after ./tth test or ./mvnw install -DskipTests; ~3 min)
# Sizes: TTH_BENCH_TICKERS, TTH_BENCH_ARTICLES, TTH_BENCH_SUBSCRIBERS. Result: bench/results/digest-DATE.md
set -euo pipefail
cd "$(dirname "$0")/.."
out="bench/results/digest-$(date -u +%Y-%m-%d).md"
raw="$(pwd)/digest-service/target/digest-bench.txt"
./mvnw -B -q install -DskipTests -pl digest-service -am >/dev/null
./mvnw -B verify -pl digest-service -Dtest=DigestBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
  -Dtth.bench=true -Dtth.bench.out="$raw" \
  -Dtth.bench.tickers="${TTH_BENCH_TICKERS:-5000}" -Dtth.bench.articles="${TTH_BENCH_ARTICLES:-200000}" \
  -Dtth.bench.subscribers="${TTH_BENCH_SUBSCRIBERS:-10000}" | grep -E "Tests run|FAIL" || true
{
  echo "# digest-service benchmark, $(date -u +%Y-%m-%dT%H:%MZ)"
  echo
  echo "Load average when the run ended (other work on the machine slows the mail figure): $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "CPU: $(lscpu | sed -n 's/^Model name: *//p'), $(nproc) cores"
  echo "Flags: $(grep -m1 -o -w -E 'avx2|avx512f|avx512_vnni|amx_tile|avx_vnni' /proc/cpuinfo | sort -u | tr '\n' ' ' || true)"
  echo
  sed 's/^/- /' "$raw"
} >"$out"
cat "$out"
