#!/usr/bin/env bash
# The full fault suite (issue 9): at least 2,000 articles from recorded posts through devstack's PostgreSQL, SQS and
# feed host (each its own process) and the packaged ingest, sentiment and digest services, with 60 s outages.
# Faults, one per phase: kill -9 sentiment mid-batch, kill -9 digest mid-store, PostgreSQL stopped, SQS killed,
# a poison message, a feed turning hostile, the model directory removed before a restart. After each: every published
# article stored exactly once, nothing dead-lettered that should not be, the fault visible while it lasted.
# Writes e2e/target/faults/results.md and copies it, with the machine, to bench/results/faults-DATE.md.
# Takes 15-25 minutes on 2 cores; the default build runs the same suite at smoke size (60 posts, 5 s outages).
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -q install -DskipTests -pl e2e -am
./mvnw -B verify -Pfaults -pl e2e -Dfailsafe.failIfNoSpecifiedTests=false
out="bench/results/faults-$(date -u +%F).md"
{
  echo "# Fault suite, $(date -u '+%F %H:%M UTC')"
  echo
  echo "Machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs); flags: $(grep -m1 '^flags' /proc/cpuinfo | grep -oE 'avx2|avx512f|avx512_vnni|amx_tile' | sort -u | xargs); load $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "Command: bench/fault-suite.sh (= ./mvnw -Pfaults verify -pl e2e: 700 posts per phase, 60 s outages)"
  echo
  cat e2e/target/faults/results.md
} > "$out"
echo "results: $out"
