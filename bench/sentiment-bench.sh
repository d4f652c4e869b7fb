#!/usr/bin/env bash
# Speed and memory of sentiment-service on a BERT-base-shaped model (issue 4). From the repository root:
#
#   flock /tmp/mvn.lock bench/sentiment-bench.sh
#
# The CALLER takes the build lock, once, for the whole run (every Maven call on this machine takes
# /tmp/mvn.lock, so nothing else builds while we measure; the Maven calls inside this script therefore
# do NOT flock again: that would deadlock). Without the lock the script still runs but warns, and the
# results file says so. ~18 min on 2 cores with the models present (+1-2 min to build them).
#
# 1. bench/out/bert-base (fp32, tools/model/make_tiny_bert.py, seeded random weights, ~440 MB) and
#    bench/out/bert-base-int8 (tools/model/quantize_int8.py), built only when missing (bench/out/ is
#    git-ignored: never commit them);
# 2. bench/out/headlines.txt + batches.json: 512 fixed headlines, token ids, batches (python_bench.py prepare);
# 3. Python (Debian torch): forward-only headlines/s, eager fp32 / TorchScript fp32 / eager int8 / TorchScript int8;
# 4. JVM: com.tradethehype.sentiment.bench.SentimentBench (sentiment-service/src/test/java) per model:
#    LoadedModel.score (tokenise + forward + softmax) and forward-only on the same id batches as Python;
# 5. the packaged service (quarkus-run.jar) per model: RSS when ready and under /score load;
# 6. bench/results/sentiment-<date>.md and a summary table;
# 7. serving on one model (BENCH_SERVING_MODEL, default the shipped models/tth-finbert-mini): in-process
#    LoadedModel.score, the in-process engine (all callers at once, then 1, 4 and 16 callers in a closed loop, ~1 min),
#    then the packaged service with its inference engine: POST /score with 1, 4 and 16
#    clients, a one-text probe under load, and 2,000 ArticleIngested through the queues, with the in-process engine
#    run again before and after each phase so that each is judged against the machine of that minute
#    (bench/serving_bench.py; it warms /score for 60 s and the queue path with 30,000 messages first, so the JIT has
#    finished: ~8 min) -> bench/results/sentiment-serving-<date>.md (bench/serving_report.py);
# 8. only when BENCH_PARTS names "shapes" (~30 s): one engine worker's pass time by texts x width on the serving
#    model, and the line through it (fixed cost per pass, cost per padded token: sentiment.engine.pass-overhead-tokens
#    is their ratio) -> bench/results/sentiment-shapes-<date>.md (bench/shapes_report.py);
# 9. only when BENCH_PARTS names "queue-pinned" (~6 min; after "serving", whose results file it appends to): the
#    queue path with the service alone on core 0 and ElasticMQ + the load generator on core 1, against the
#    in-process engine alone on core 0 (bench/queue_pinned_report.py);
# 10. only when BENCH_PARTS names "drain" (~30 s): the scale-to-zero pipeline's one-shot `drain` task, cold, on
#    2,000 queued messages (bench/drain_bench.py -> bench/out/drain.json; BENCH_DRAIN_CPUS=0 runs it on core 0 alone).
#
# BENCH_PARTS (default "python,jvm,memory,serving") picks stages 3-5 and 7; "serving" alone skips the
# BERT-base models (~9 min instead of ~18; "serving,queue-pinned" ~16 min). Works from a clean clone after ./tth test: the build step installs
# the snapshot modules sentiment-service depends on, so the single-module Maven calls can resolve them.
#
# Knobs (environment): BENCH_SKIP_BUILD=1 (reuse sentiment-service/target), BENCH_ROUNDS (3),
# BENCH_LOAD_SECONDS (30), BENCH_CLIENTS (4), BENCH_PORT (18082),
# BENCH_JAVA_OPTS and BENCH_MALLOC_ENV (default: JAVA_OPTS and MALLOC_* of sentiment-service's Dockerfile.jvm;
# BENCH_MALLOC_ENV= runs with glibc's defaults), BENCH_MALLOC_COMPARE=1 (also measure the service's memory
# with glibc's defaults, +2 min).
set -euo pipefail
PARTS=",${BENCH_PARTS:-python,jvm,memory,serving},"
part() { [[ $PARTS == *",$1,"* ]]; }

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
PY=/usr/bin/python3
OUT=bench/out
ROUNDS=${BENCH_ROUNDS:-3}
LOAD_SECONDS=${BENCH_LOAD_SECONDS:-30}
CLIENTS=${BENCH_CLIENTS:-4}
PORT=${BENCH_PORT:-18082}
# The JVM flags and glibc malloc settings the service ships with, read from its Dockerfile, used for the
# bench JVM and the service alike (the Python side runs with glibc's defaults).
DOCKERFILE=sentiment-service/src/main/docker/Dockerfile.jvm
JAVA_OPTS=${BENCH_JAVA_OPTS:-$(sed -n 's/.*JAVA_OPTS="\(.*\)".*/\1/p' "$DOCKERFILE")}
MALLOC_ENV=${BENCH_MALLOC_ENV-$(sed -n 's/^ *\(MALLOC_[A-Z_]*=[0-9]*\).*/\1/p' "$DOCKERFILE" | tr '\n' ' ')}
export DJL_CACHE_DIR=$ROOT/.cache/djl
STARTED=$(date +%s)
RESULT=bench/results/sentiment-$(date +%F).md

log() { printf '\n== %s  %s\n' "$(date +%T)" "$*"; }

# flock -n succeeds only if nobody holds the lock, i.e. our caller did not take it
if flock -n /tmp/mvn.lock true 2>/dev/null; then
  LOCK=no
  echo "WARNING: /tmp/mvn.lock is not held: concurrent builds may disturb the numbers." >&2
  echo "         Run as: flock /tmp/mvn.lock bench/sentiment-bench.sh" >&2
else
  LOCK=yes
fi

SERVICE_PID=
cleanup() {
  if [[ -n $SERVICE_PID ]] && kill -0 "$SERVICE_PID" 2>/dev/null; then
    kill "$SERVICE_PID" 2>/dev/null || true
    wait "$SERVICE_PID" 2>/dev/null || true
  fi
}
trap cleanup EXIT

# --- 1. models (built into a temporary directory, moved into place only when complete) ----------------
mkdir -p "$OUT" bench/results
BASE_MODELS=no
{ part python || part jvm || part memory; } && BASE_MODELS=yes
if [[ $BASE_MODELS == yes && ! -f $OUT/bert-base/model.pt ]]; then
  log "building $OUT/bert-base (BERT-base shape, random seeded weights)"
  rm -rf "$OUT/bert-base.tmp"
  $PY tools/model/make_tiny_bert.py --hidden 768 --layers 12 --heads 12 --intermediate 3072 \
      --init-std 0.02 --model-id tth-base-random --out "$OUT/bert-base.tmp"
  mv "$OUT/bert-base.tmp" "$OUT/bert-base"
fi
if [[ $BASE_MODELS == yes && ! -f $OUT/bert-base-int8/model.pt ]]; then
  log "building $OUT/bert-base-int8 (tools/model/quantize_int8.py)"
  rm -rf "$OUT/bert-base-int8.tmp"
  # glog "W..." lines about qnnpack ignoring reduce_range are harmless (see quantize_int8.py)
  $PY tools/model/quantize_int8.py "$OUT/bert-base" "$OUT/bert-base-int8.tmp" 2> >(grep -v '^W' >&2)
  mv "$OUT/bert-base-int8.tmp" "$OUT/bert-base-int8"
fi

# --- 2. headlines, token ids, batches -------------------------------------------------------------------
log "headline set"
# only the tokenizer.json of the model is read (every model here uses the bert-base-uncased vocabulary)
$PY bench/python_bench.py prepare "$OUT" "${BENCH_SERVING_MODEL:-models/tth-finbert-mini}"

# --- build: the service package and the bench class (lock already held by the caller) -------------------
if [[ ${BENCH_SKIP_BUILD:-0} == 1 && -f $OUT/test-classpath.txt ]]; then
  log "BENCH_SKIP_BUILD=1: using the existing sentiment-service/target and $OUT/test-classpath.txt"
else
  log "building sentiment-service (package, test classes) and its test classpath"
  # install, not package: on a clean clone the sibling snapshot modules (parent, contracts, messaging-sqs,
  # rest-problems, devstack) are in no repository until installed, and the next call resolves them from there
  ./mvnw -B -q -o install -DskipTests -pl sentiment-service -am
  ./mvnw -B -q -o -pl sentiment-service dependency:build-classpath -Dmdep.includeScope=test \
      -Dmdep.outputFile="$ROOT/$OUT/test-classpath.txt"
fi
CP=sentiment-service/target/classes:sentiment-service/target/test-classes:$(cat "$OUT/test-classpath.txt")

MEASURE_START=$(date +%s)
rm -f "$OUT/python.json" "$OUT"/jvm-*.json "$OUT"/mem-*.json
# --- 3. Python ---------------------------------------------------------------------------------------------
part python && log "Python torch, forward passes only (2 intra-op / 1 inter-op threads), malloc as the JVM: $MALLOC_ENV"
# the same glibc malloc settings as the JVM, so neither side pays page faults the other does not (serving results)
# shellcheck disable=SC2086
part python && env $MALLOC_ENV $PY bench/python_bench.py measure "$OUT" "$OUT/bert-base" "$OUT/bert-base-int8" "$OUT/python.json" \
    --rounds "$ROUNDS" 2> >(grep -v '^W' >&2)

# --- 4. JVM ----------------------------------------------------------------------------------------------
JVM_VARIANTS="fp32 int8"; part jvm || JVM_VARIANTS=
for variant in $JVM_VARIANTS; do
  dir=$OUT/bert-base; [[ $variant == int8 ]] && dir=$OUT/bert-base-int8
  log "JVM (DJL) $variant: $MALLOC_ENV java $JAVA_OPTS ... SentimentBench $dir"
  # shellcheck disable=SC2086  # MALLOC_ENV and JAVA_OPTS are lists
  env $MALLOC_ENV java $JAVA_OPTS -Djava.util.logging.manager=org.jboss.logmanager.LogManager -cp "$CP" \
      com.tradethehype.sentiment.bench.SentimentBench "$dir" "$OUT/headlines.txt" "$OUT/batches.json" \
      "$OUT/jvm-$variant.json" "$ROUNDS" "$variant"
done

# --- 5. memory of the packaged service --------------------------------------------------------------------
if (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null; then
  echo "port $PORT is in use; set BENCH_PORT" >&2
  exit 1
fi
SERVICE_RUNS="fp32 int8"; part memory || SERVICE_RUNS=
[[ ${BENCH_MALLOC_COMPARE:-0} == 1 ]] && part memory && SERVICE_RUNS="$SERVICE_RUNS fp32-glibc-default int8-glibc-default"
for run in $SERVICE_RUNS; do
  dir=$OUT/bert-base; [[ $run == int8* ]] && dir=$OUT/bert-base-int8
  malloc=$MALLOC_ENV; [[ $run == *-glibc-default ]] && malloc=
  log "service, $run: $malloc java $JAVA_OPTS -jar quarkus-run.jar, $CLIENTS clients x ${LOAD_SECONDS}s"
  # shellcheck disable=SC2086
  env $malloc TTH_MODEL_LOCATION="$ROOT/$dir" QUARKUS_HTTP_PORT="$PORT" SENTIMENT_CONSUMER_ENABLED=false \
      AWS_ACCESS_KEY_ID=local AWS_SECRET_ACCESS_KEY=local \
      java $JAVA_OPTS -jar sentiment-service/target/quarkus-app/quarkus-run.jar > "$OUT/service-$run.log" 2>&1 &
  SERVICE_PID=$!
  for _ in {1..20}; do [[ $(cat "/proc/$SERVICE_PID/comm" 2>/dev/null) == java ]] && break; sleep 0.1; done
  [[ $(cat "/proc/$SERVICE_PID/comm" 2>/dev/null) == java ]] || { echo "service did not start as java" >&2; exit 1; }
  $PY bench/score_load.py --url "http://127.0.0.1:$PORT" --pid "$SERVICE_PID" --headlines "$OUT/headlines.txt" \
      --seconds "$LOAD_SECONDS" --clients "$CLIENTS" --out "$OUT/mem-$run.json" \
    || { echo "service run failed; log: $OUT/service-$run.log" >&2; tail -20 "$OUT/service-$run.log" >&2; exit 1; }
  kill "$SERVICE_PID"
  wait "$SERVICE_PID" 2>/dev/null || true
  SERVICE_PID=
done

# --- 7. serving against in-process on one model -------------------------------------------------------------
if part serving; then
  SERVING_MODEL=${BENCH_SERVING_MODEL:-models/tth-finbert-mini}
  log "in-process JVM on $SERVING_MODEL (LoadedModel.score)"
  # shellcheck disable=SC2086
  env $MALLOC_ENV java $JAVA_OPTS -Djava.util.logging.manager=org.jboss.logmanager.LogManager -Dbench.parts=full \
      -cp "$CP" com.tradethehype.sentiment.bench.SentimentBench "$SERVING_MODEL" "$OUT/headlines.txt" \
      "$OUT/batches.json" "$OUT/jvm-serving.json" "$ROUNDS" serving
  log "in-process engine on $SERVING_MODEL ($(nproc) workers x 1 libtorch thread, the service's default)"
  # shellcheck disable=SC2086
  env $MALLOC_ENV java $JAVA_OPTS -Djava.util.logging.manager=org.jboss.logmanager.LogManager -Dbench.parts=engine \
      -Dbench.intra-op=1 -Dbench.workers="$(nproc)" -cp "$CP" com.tradethehype.sentiment.bench.SentimentBench \
      "$SERVING_MODEL" "$OUT/headlines.txt" "$OUT/batches.json" "$OUT/jvm-serving-engine.json" "$ROUNDS" serving
  for callers in 1 4 16; do
    log "in-process engine, $callers caller(s) in a closed loop (what /score at $callers client(s) gets without HTTP)"
    # shellcheck disable=SC2086
    env $MALLOC_ENV java $JAVA_OPTS -Djava.util.logging.manager=org.jboss.logmanager.LogManager -Dbench.parts=engine \
        -Dbench.intra-op=1 -Dbench.workers="$(nproc)" -Dbench.callers=$callers -cp "$CP" \
        com.tradethehype.sentiment.bench.SentimentBench "$SERVING_MODEL" "$OUT/headlines.txt" "$OUT/batches.json" \
        "$OUT/jvm-serving-engine-callers-$callers.json" "$ROUNDS" serving
  done
  log "packaged service on $SERVING_MODEL: /score at 1, 4, 16 clients, one-text probe, queue path (the in-process engine between phases)"
  $PY bench/serving_bench.py --jar sentiment-service/target/quarkus-app/quarkus-run.jar --cp "$CP" \
      --model "$SERVING_MODEL" --headlines "$OUT/headlines.txt" --out "$OUT/serving.json" --port "$PORT" \
      --seconds "${BENCH_SERVING_SECONDS:-20}" --java-opts="$JAVA_OPTS" --env="$MALLOC_ENV ${BENCH_SERVING_ENV:-}" \
      --reference "env $MALLOC_ENV java $JAVA_OPTS -Djava.util.logging.manager=org.jboss.logmanager.LogManager \
          -Dbench.parts=engine -Dbench.intra-op=1 -Dbench.workers=$(nproc) -cp $CP \
          com.tradethehype.sentiment.bench.SentimentBench $SERVING_MODEL $OUT/headlines.txt $OUT/batches.json {out} 2 \
          reference" \
      --log "$OUT/serving"
  $PY bench/serving_report.py "$OUT/jvm-serving.json" "$OUT/serving.json" "$OUT/headlines-stats.json" \
      "bench/results/sentiment-serving-$(date +%F).md" "$OUT/jvm-serving-engine.json" \
      "$OUT"/jvm-serving-engine-callers-{1,4,16}.json
fi

# --- 8. what a pass costs by shape (not in the default parts) ------------------------------------------------
if part shapes; then
  SERVING_MODEL=${BENCH_SERVING_MODEL:-models/tth-finbert-mini}
  log "pass cost by texts x width on $SERVING_MODEL, one predictor with 1 libtorch thread (an engine worker)"
  # shellcheck disable=SC2086
  env $MALLOC_ENV java $JAVA_OPTS -Djava.util.logging.manager=org.jboss.logmanager.LogManager -Dbench.parts=shapes \
      -Dbench.intra-op=1 -cp "$CP" com.tradethehype.sentiment.bench.SentimentBench "$SERVING_MODEL" \
      "$OUT/headlines.txt" "$OUT/batches.json" "$OUT/jvm-shapes.json" 1 shapes
  $PY bench/shapes_report.py "$OUT/jvm-shapes.json" "bench/results/sentiment-shapes-$(date +%F).md"
fi

# --- 9. the queue path with the queue server off the service's core (not in the default parts) ---------------
if part queue-pinned; then
  SERVING_MODEL=${BENCH_SERVING_MODEL:-models/tth-finbert-mini}
  log "in-process engine alone on core 0 (1 worker x 1 libtorch thread)"
  # shellcheck disable=SC2086
  env $MALLOC_ENV taskset -c 0 java $JAVA_OPTS -Djava.util.logging.manager=org.jboss.logmanager.LogManager \
      -Dbench.parts=engine -Dbench.intra-op=1 -Dbench.workers=1 -cp "$CP" com.tradethehype.sentiment.bench.SentimentBench \
      "$SERVING_MODEL" "$OUT/headlines.txt" "$OUT/batches.json" "$OUT/jvm-pinned-engine.json" "$ROUNDS" pinned
  log "packaged service alone on core 0, ElasticMQ and the load generator on core 1: /score at 1 client, queue path"
  $PY bench/serving_bench.py --jar sentiment-service/target/quarkus-app/quarkus-run.jar --cp "$CP" \
      --model "$SERVING_MODEL" --headlines "$OUT/headlines.txt" --out "$OUT/serving-pinned.json" --port "$PORT" \
      --clients 1 --seconds 10 --service-cpus 0 --java-opts="$JAVA_OPTS" --env="$MALLOC_ENV ${BENCH_SERVING_ENV:-}" \
      --reference "env $MALLOC_ENV taskset -c 0 java $JAVA_OPTS -Djava.util.logging.manager=org.jboss.logmanager.LogManager \
          -Dbench.parts=engine -Dbench.intra-op=1 -Dbench.workers=1 -cp $CP \
          com.tradethehype.sentiment.bench.SentimentBench $SERVING_MODEL $OUT/headlines.txt $OUT/batches.json {out} 2 \
          reference" \
      --log "$OUT/serving-pinned"
  $PY bench/queue_pinned_report.py "$OUT/jvm-pinned-engine.json" "$OUT/serving-pinned.json" \
      "bench/results/sentiment-serving-$(date +%F).md"
fi

# --- 10. the one-shot drain task from a cold start (not in the default parts) -----------------------------------
if part drain; then
  SERVING_MODEL=${BENCH_SERVING_MODEL:-models/tth-finbert-mini}
  log "drain task (java -jar quarkus-run.jar drain) of 2,000 queued ArticleIngested, cold JVM"
  $PY bench/drain_bench.py --jar sentiment-service/target/quarkus-app/quarkus-run.jar --cp "$CP" \
      --model "$SERVING_MODEL" --headlines "$OUT/headlines.txt" --out "$OUT/drain.json" --java-opts="$JAVA_OPTS" \
      --env="$MALLOC_ENV ${BENCH_SERVING_ENV:-}" ${BENCH_DRAIN_CPUS:+--service-cpus "$BENCH_DRAIN_CPUS"} \
      --log "$OUT/drain"
fi
MEASURE_END=$(date +%s)

# --- 6. results -------------------------------------------------------------------------------------------
if part python && part jvm && part memory; then
  log "results"
  BENCH_JAVA_OPTS="$JAVA_OPTS" BENCH_MALLOC_ENV="$MALLOC_ENV" BENCH_LOCK=$LOCK BENCH_MEASURE_SECONDS=$((MEASURE_END - MEASURE_START)) \
      $PY bench/report.py "$OUT" "$RESULT"
fi
echo "total $(( $(date +%s) - STARTED )) s"
