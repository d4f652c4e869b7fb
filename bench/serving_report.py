"""Markdown report of the serving comparison (bench/sentiment-bench.sh runs it).

  /usr/bin/python3 bench/serving_report.py IN_PROCESS_JSON SERVING_JSON HEADLINE_STATS_JSON RESULT_MD \
      [ENGINE_JSON [CLOSED_LOOP_ENGINE_JSON ...]]

Judges each serving path against the in-process JVM throughput of the same model (target >= 90 %), the
one-text probe against two mean pass times, and the service's memory against 1 GiB; writes the CPU model and
flags (lscpu) and an estimate of achieved GFLOP/s against the cores' fp32 peak.
"""

import json
import subprocess
import sys


def lscpu():
    out = {}
    for line in subprocess.run(["lscpu"], capture_output=True, text=True).stdout.splitlines():
        if ":" in line:
            k, v = line.split(":", 1)
            out[k.strip()] = v.strip()
    return out


def flops_per_text(cfg, tokens):
    """Forward FLOPs of a BERT encoder for one text of `tokens` tokens (multiply-add = 2)."""
    h, layers, ffn = cfg["hidden_size"], cfg["num_hidden_layers"], cfg["intermediate_size"]
    dense = 2 * tokens * (4 * h * h + 2 * h * ffn)
    attention = 2 * 2 * tokens * tokens * h
    return layers * (dense + attention)


def warmups(serving):
    """What ran untimed before the measured phases (reports written before the settings were recorded: 8 s, 8,000)."""
    return "%s s of /score at 4 clients; %s untimed messages through the queue path" % (
        serving.get("score_warmup_s", 8), format(serving.get("queue_warmup_messages", 8000), ","))


def interleaved(w, http, queue, where):
    """The table against the references run right before and after each phase (serving_bench.py --reference), if any."""
    rows = [("`POST /score`, %d client(s)%s" % (run["clients"], where), run) for run in http]
    rows.append(("queue: %d messages ingested -> scored%s" % (queue["messages"], where), queue))
    rows = [(label, run) for label, run in rows if "reference" in run]
    if not rows:
        return
    w("")
    w("Against the in-process engine run right before and right after each phase (the service idle meanwhile), which "
      "the VM's drift from minute to minute cannot tilt:")
    w("")
    w("| path | headlines/s | reference before / after | vs their mean | target >= 90 % |")
    w("| --- | ---: | --- | ---: | --- |")
    for label, run in rows:
        ref = run["reference"]
        ratio = run["headlines_per_s"] / ((ref["before"] + ref["after"]) / 2)
        w("| %s | %.1f | %.1f / %.1f | %.0f %% | %s |" % (label, run["headlines_per_s"], ref["before"], ref["after"],
                                                          100 * ratio, "met" if ratio >= 0.9 else "missed"))


def main():
    inproc_path, serving_path, stats_path, out = sys.argv[1:5]
    inproc = json.load(open(inproc_path))
    # optional: the in-process engine (one libtorch thread per worker, a worker per core: the service's default)
    engine = json.load(open(sys.argv[5]))["engine"] if len(sys.argv) > 5 else None
    serving = json.load(open(serving_path))
    stats = json.load(open(stats_path))
    cfg = json.load(open(serving["model_dir"] + "/config.json"))
    cpu = lscpu()
    full = inproc["full"]["median"]
    base = max(full, engine["median"]) if engine else full
    lines = []
    w = lines.append
    model = serving["model"]
    w("# Sentiment serving: HTTP and queue against in-process (%s)" % (model["id"] + " v" + model["version"]))
    w("")
    w("- CPU: %s, %s cores (%s thread(s) per core), family %s model %s" % (
        cpu.get("Model name"), cpu.get("CPU(s)"), cpu.get("Thread(s) per core"), cpu.get("CPU family"),
        cpu.get("Model")))
    w("- Flags: `%s`" % cpu.get("Flags"))
    w("- Model directory `%s`; service JVM options `%s`, environment `%s`" % (
        serving["model_dir"], serving["java_opts"], serving["env"]))
    w("- Headlines: %d (tokens mean %s, p95 %s); HTTP requests of %d headlines; queue: %d `ArticleIngested`" % (
        stats["headlines"], stats["tokens_mean"], stats["tokens_p95"], serving["http"][0]["batch"],
        serving["queue"]["messages"]))
    w("- Warm-up before measuring: %s" % warmups(serving))
    w("")
    w("| path | headlines/s | vs in-process | target >= 90 % |")
    w("| --- | ---: | ---: | --- |")
    w("| in-process `LoadedModel.score`, one caller, %s libtorch threads (all headlines, sorted by tokens, passes of "
      "32) | %.1f | %.0f %% | |" % (inproc.get("intra_op_threads", "?"), full, 100 * full / base))
    if engine:
        w("| in-process `InferenceEngine`, %d workers x 1 libtorch thread (the headlines as 32-text callers at once) "
          "| %.1f | %.0f %% | |" % (engine["workers"], engine["median"], 100 * engine["median"] / base))
    w("")
    w("The better in-process figure is the reference (100 %).")
    # optional: the in-process engine with N callers in a closed loop (what N /score clients get without HTTP)
    closed = [json.load(open(path))["engine"] for path in sys.argv[6:]]
    if closed:
        w("")
        w("| in-process `InferenceEngine`, callers in a closed loop (each waits for its 32 before the next 32) "
          "| headlines/s | vs in-process |")
        w("| --- | ---: | ---: |")
        for c in closed:
            w("| %d caller(s) | %.1f | %.0f %% |" % (c["callers"], c["median"], 100 * c["median"] / base))
    w("")
    w("| path | headlines/s | vs in-process | target >= 90 % |")
    w("| --- | ---: | ---: | --- |")
    for run in serving["http"]:
        ratio = run["headlines_per_s"] / base
        w("| `POST /score`, %d client(s) (request p50 %.3f s) | %.1f | %.0f %% | %s |" % (
            run["clients"], run["request_p50_s"], run["headlines_per_s"], 100 * ratio,
            "met" if ratio >= 0.9 else "missed"))
    q = serving["queue"]
    ratio = q["headlines_per_s"] / base
    w("| queue: %d messages ingested -> scored (send took %.1f s of %.1f s) | %.1f | %.0f %% | %s |" % (
        q["messages"], q["send_seconds"], q["seconds"], q["headlines_per_s"], 100 * ratio,
        "met" if ratio >= 0.9 else "missed"))
    interleaved(w, serving["http"], q, "")
    cores = q.get("cpu_cores")
    if cores:
        w("")
        w("CPU while the queue path ran (cores of %s, from /proc): service %.2f, ElasticMQ %.2f. The queue server "
          "shares the cores here; on AWS, SQS runs elsewhere." % (cpu.get("CPU(s)"), cores["service"],
                                                                  cores["elasticmq"]))
    if all("pass_stats" in r for r in serving["http"]):
        w("")
        w("What each /score run's (and the queue path's) passes looked like (service metrics and /proc; machine cores well above the "
          "service's, less the load generator's ~0.2-0.3, mean something else ran):")
        w("")
        w("| clients | passes | texts per pass | padded tokens per text | mean pass s | workers busy | service cores "
          "| machine cores | page faults per headline | busiest threads, ms CPU per headline |")
        w("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |")
        rows = [(str(run["clients"]), run["pass_stats"]) for run in serving["http"]]
        if "pass_stats" in q:
            rows.append(("queue", q["pass_stats"]))
        for label, p in rows:
            w("| %s | %d | %.1f | %.1f | %.3f | %.2f | %.2f | %.2f | %s | %s |" % (
                label, p["passes"], p["mean_texts_per_pass"], p["padded_tokens_per_text"], p["mean_pass_s"],
                p["workers_busy"], p["service_cores"], p["machine_cores"], p.get("page_faults_per_text", "-"),
                ", ".join("%s %.2f" % kv for kv in p.get("thread_ms_per_text", {}).items()) or "-"))
    w("")
    probe_run = [r for r in serving["http"] if "one_text_probe" in r][0]
    probe = probe_run["one_text_probe"]
    limit = 2 * probe_run["mean_pass_s"]
    w("One-text requests under load (%d clients, one probe every 0.25 s, %d probes): p50 %.3f s, p95 %.3f s, "
      "max %.3f s; mean pass time in that window %.3f s (%d passes, %.1f texts per pass): two pass times = "
      "%.3f s: p95 **%s**." % (probe_run["clients"], probe["count"], probe["p50_s"], probe["p95_s"], probe["max_s"],
                              probe_run["mean_pass_s"], probe_run["passes"], probe_run["mean_texts_per_pass"], limit,
                              "met" if probe["p95_s"] < limit else "missed"))
    w("")
    w("Memory of the service: %d MiB at ready, max sampled RSS %d MiB, VmHWM %d MiB (target < 1024 MiB: %s)." % (
        serving["rss_at_ready_mb"], serving["max_rss_sampled_mb"], serving["vm_hwm_mb"],
        "met" if serving["vm_hwm_mb"] < 1024 else "missed"))
    w("")
    per_text = flops_per_text(cfg, stats["tokens_mean"])
    best = max([base] + [r["headlines_per_s"] for r in serving["http"]])
    ghz = float(cpu.get("BogoMIPS", "0")) / 2000.0
    cores = int(cpu.get("CPU(s)", "1"))
    avx512 = "avx512f" in cpu.get("Flags", "")
    peak = cores * (32 if avx512 else 16) * 2 * ghz  # fp32: 2 FMA pipes x lanes x 2 FLOP
    w("Compute: ~%.2f GFLOP per headline at %.1f tokens (encoder matmuls and attention, no padding), so %.1f "
      "headlines/s = %.1f GFLOP/s achieved; fp32 peak of the cores ~%.0f GFLOP/s (%d cores x %d-lane FMA x 2 pipes x "
      "2 x %.2f GHz from BogoMIPS, an estimate). int8 layers run in fbgemm (VNNI: %s)." % (
        per_text / 1e9, stats["tokens_mean"], best, best * per_text / 1e9, peak, cores, 16 if avx512 else 8, ghz,
        "yes" if "vnni" in cpu.get("Flags", "") else "no"))
    with open(out, "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
