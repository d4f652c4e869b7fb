"""The queue path with the queue server off the service's core (bench/sentiment-bench.sh, BENCH_PARTS=queue-pinned):

  /usr/bin/python3 bench/queue_pinned_report.py ENGINE_JSON SERVING_JSON RESULT_MD

On two cores the local queue server (ElasticMQ) and the load generator take ~0.9 of them while the queue path runs,
so the side-by-side run measures the machine, not the service. Here the service runs alone on core 0 and ElasticMQ
and the load generator on core 1, as on AWS, where SQS runs elsewhere; the reference is the in-process engine alone
on core 0 (one worker, one libtorch thread). Appends a section to RESULT_MD.
"""

import json
import sys

import serving_report


def main():
    engine_path, serving_path, out = sys.argv[1:4]
    engine = json.load(open(engine_path))["engine"]
    serving = json.load(open(serving_path))
    base = engine["median"]
    q = serving["queue"]
    p = q.get("pass_stats", {})
    threads = p.get("thread_ms_per_text", {})
    lines = ["", "## Queue path with the queue server off the service's core", "",
             "The service alone on core 0 (`taskset`; one inference worker), ElasticMQ and the load generator on core "
             "1, as on AWS where SQS runs elsewhere; reference: the in-process engine alone on core 0 (one worker, one "
             "libtorch thread), the same hour. Warm-up: %s." % serving_report.warmups(serving), "",
             "| path | headlines/s | vs in-process | target >= 90 % |", "| --- | ---: | ---: | --- |",
             "| in-process `InferenceEngine`, 1 worker on core 0 | %.1f | 100 %% | |" % base]
    for run in serving["http"]:
        ratio = run["headlines_per_s"] / base
        lines.append("| `POST /score`, %d client(s), service on core 0 | %.1f | %.0f %% | %s |" % (
            run["clients"], run["headlines_per_s"], 100 * ratio, "met" if ratio >= 0.9 else "missed"))
    ratio = q["headlines_per_s"] / base
    lines.append("| queue: %d messages ingested -> scored, service on core 0 | %.1f | %.0f %% | %s |" % (
        q["messages"], q["headlines_per_s"], 100 * ratio, "met" if ratio >= 0.9 else "missed"))
    serving_report.interleaved(lines.append, serving["http"], q, ", service on core 0")
    cores = q.get("cpu_cores", {})
    lines += ["", "While the queue path ran: service %.2f cores, ElasticMQ %.2f; %d passes of %.1f texts, %.1f padded "
              "tokens per headline; the service's busiest threads in ms of CPU per message: %s." % (
                  cores.get("service", 0), cores.get("elasticmq", 0), p.get("passes", 0),
                  p.get("mean_texts_per_pass", 0), p.get("padded_tokens_per_text", 0),
                  ", ".join("%s %.2f" % kv for kv in threads.items()) or "-"), ""]
    with open(out, "a", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
