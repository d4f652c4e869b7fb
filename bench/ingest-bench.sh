#!/usr/bin/env bash
# Benchmarks of ingest-service (not part of the test run): parse + normalise + extract throughput on one thread,
# and a 500-source poll cycle against unchanged feeds (all 304) over loopback. Figures go to
# ingest-service/target/bench-results.txt and are printed at the end; the module README records the last run.
set -euo pipefail
cd "$(dirname "$0")/.."
rm -f ingest-service/target/bench-results.txt
./mvnw -B -q install -pl contracts,messaging-sqs,devstack -DskipTests "$@"
./mvnw -B -q test -pl ingest-service -Dgroups=bench -Dbench.excluded=none -Dtest='*Bench' \
  -Dsurefire.failIfNoSpecifiedTests=false "$@"
echo "--- $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(java -version 2>&1 | head -1)"
cat ingest-service/target/bench-results.txt
