"""The scale-to-zero pipeline's one-shot `drain` task, timed from a cold start (bench/sentiment-bench.sh, part
"drain"):

  /usr/bin/python3 bench/drain_bench.py --jar sentiment-service/target/quarkus-app/quarkus-run.jar \
      --cp TEST_CLASSPATH --model DIR --headlines bench/out/headlines.txt --out RESULT_JSON [--service-cpus 0]

1. starts ElasticMQ (com.tradethehype.sentiment.bench.BenchSqs) and puts --messages ArticleIngested on
   tth-articles-ingested (headlines cycled);
2. runs `java $JAVA_OPTS -jar quarkus-run.jar drain` (env MALLOC_* as given) and waits for it to exit;
3. reports its exit code, wall time, CPU seconds, the time until its model was ready (its log's "is ready" line),
   the headlines/s of the drain itself (messages / time from the model ready until tth-articles-scored held them all,
   polled every 0.1 s; the drain then still makes its empty receives, ~3 s, before it exits), and checks that
   tth-articles-scored holds every message and tth-articles-ingested none.
With --service-cpus the drain runs on those cores alone and ElasticMQ and this script on the others.
"""

import argparse
import json
import re
import resource
import subprocess
import threading
import time
from datetime import datetime

from serving_bench import (add_service_args, depth, keep_off, queue_url, read_headlines, send_ingested,
                           service_command, start_sqs)


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    add_service_args(p, 19325, "/tmp/drain-bench")
    p.add_argument("--messages", type=int, default=2000)
    args = p.parse_args()
    headlines = read_headlines(args.headlines)
    keep_off(args.service_cpus)
    endpoint = "http://localhost:%d" % args.sqs_port
    sqs_proc = start_sqs(args.cp, args.sqs_port)
    try:
        ingested = queue_url(endpoint, "tth-articles-ingested")
        scored = queue_url(endpoint, "tth-articles-scored")
        send_ingested(endpoint, ingested, headlines, args.messages)
        env, command = service_command(args, "drain")
        log_path = args.log + "-drain.log"
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.time()
        all_scored = []

        def watch():
            while not all_scored and time.time() - start < 1800:
                if depth(endpoint, scored) >= args.messages:
                    all_scored.append(time.time())
                time.sleep(0.1)
        watcher = threading.Thread(target=watch, daemon=True)
        watcher.start()
        with open(log_path, "w") as log:
            code = subprocess.call(command, env=env, stdout=log, stderr=subprocess.STDOUT)
        wall = time.time() - start
        watcher.join(1)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        text = open(log_path, encoding="utf-8", errors="replace").read()
        ready = re.findall(r"^(\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d{3}) .*Model \S+ is ready", text, re.M)
        parse = lambda s: datetime.strptime(s + "+0000", "%Y-%m-%d %H:%M:%S,%f%z").timestamp()  # logs are UTC
        report = {"messages": args.messages, "exit_code": code, "wall_s": round(wall, 1),
                  "cpu_s": round(after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime, 1),
                  "java_opts": args.java_opts, "service_cpus": args.service_cpus or "all",
                  "scored_depth": depth(endpoint, scored), "ingested_left": depth(endpoint, ingested)}
        if ready and all_scored:
            report["model_ready_after_s"] = round(parse(ready[0]) - start, 1)
            report["drain_s"] = round(all_scored[0] - parse(ready[0]), 1)
            report["headlines_per_s"] = round(args.messages / (all_scored[0] - parse(ready[0])), 1)
        with open(args.out, "w", encoding="utf-8") as f:
            json.dump(report, f, indent=2)
        print(json.dumps(report), flush=True)
        if code != 0 or report["scored_depth"] != args.messages or report["ingested_left"] != 0:
            raise SystemExit("drain failed: %s (log %s)" % (report, log_path))
    finally:
        sqs_proc.terminate()
        sqs_proc.wait(30)


if __name__ == "__main__":
    main()
