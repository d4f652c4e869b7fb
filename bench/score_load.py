"""Memory of the running sentiment-service under load (bench/sentiment-bench.sh runs it).

  /usr/bin/python3 bench/score_load.py --url http://127.0.0.1:18082 --pid PID \
      --headlines bench/out/headlines.txt --seconds 30 --clients 4 --out RESULT_JSON

1. waits until GET /q/health/ready reports the "sentiment model" check with state READY (the overall
   status may be DOWN only because no SQS runs), sampling the process's VmRSS meanwhile;
2. idles --idle seconds and records RSS at ready;
3. drives load: --clients threads, each POSTing /score with 32 headlines (consecutive slices of
   headlines.txt, round robin) back to back for --seconds; VmRSS/VmHWM of PID sampled every 0.25 s.

Reports: RSS at ready, steady RSS under load (median of the samples in the second half of the load
window), max RSS sampled, VmHWM (kernel's peak, includes model loading), and headlines/s through HTTP.
"""

import argparse
import json
import statistics
import threading
import time
import urllib.error
import urllib.request


def status_kb(pid):
    out = {}
    with open("/proc/%d/status" % pid, encoding="ascii") as f:
        for line in f:
            if line.startswith(("VmRSS:", "VmHWM:", "Threads:")):
                key, value = line.split(":", 1)
                out[key] = int(value.split()[0])
    return out


def get_json(url, timeout=5):
    try:
        with urllib.request.urlopen(url, timeout=timeout) as r:
            return json.load(r)
    except urllib.error.HTTPError as e:  # 503 while DOWN still carries the JSON
        return json.load(e)


def model_check(health):
    for check in health.get("checks", []):
        if check.get("name") == "sentiment model":
            return check
    return None


def wait_ready(args, samples):
    deadline = time.time() + args.ready_timeout
    start = time.time()
    while time.time() < deadline:
        try:
            samples.append(status_kb(args.pid)["VmRSS"])
        except FileNotFoundError:
            raise SystemExit("process %d exited before the model was READY" % args.pid)
        try:
            check = model_check(get_json(args.url + "/q/health/ready"))
        except (OSError, ValueError):
            check = None
        if check:
            state = check.get("data", {}).get("state")
            if state == "READY":
                return time.time() - start, check
            if state == "FAILED":
                raise SystemExit("model FAILED to load: %s" % check)
        time.sleep(0.5)
    raise SystemExit("model not READY after %ds" % args.ready_timeout)


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--url", required=True)
    p.add_argument("--pid", type=int, required=True)
    p.add_argument("--headlines", required=True)
    p.add_argument("--seconds", type=float, default=30)
    p.add_argument("--clients", type=int, default=4)
    p.add_argument("--batch", type=int, default=32)
    p.add_argument("--idle", type=float, default=3)
    p.add_argument("--ready-timeout", type=int, default=300)
    p.add_argument("--out", required=True)
    args = p.parse_args()

    with open(args.headlines, encoding="utf-8") as f:
        headlines = [line.rstrip("\n") for line in f if line.strip()]
    with open("/proc/%d/comm" % args.pid, encoding="ascii") as f:
        if f.read().strip() != "java":
            raise SystemExit("pid %d is not a java process" % args.pid)
    bodies = [json.dumps({"texts": headlines[i:i + args.batch]}).encode("utf-8")
              for i in range(0, len(headlines) - args.batch + 1, args.batch)]

    loading = []
    ready_after, check = wait_ready(args, loading)
    time.sleep(args.idle)
    at_ready = status_kb(args.pid)

    stop = threading.Event()
    lock = threading.Lock()
    done = {"requests": 0, "headlines": 0, "errors": 0, "latencies": []}

    def client(k):
        i = k
        while not stop.is_set():
            body = bodies[i % len(bodies)]
            i += args.clients
            req = urllib.request.Request(args.url + "/score", data=body, method="POST",
                                         headers={"Content-Type": "application/json"})
            t0 = time.perf_counter()
            try:
                with urllib.request.urlopen(req, timeout=120) as r:
                    n = len(json.load(r)["results"])
                with lock:
                    done["requests"] += 1
                    done["headlines"] += n
                    done["latencies"].append(time.perf_counter() - t0)
            except (OSError, ValueError, KeyError):
                with lock:
                    done["errors"] += 1

    threads = [threading.Thread(target=client, args=(k,), daemon=True) for k in range(args.clients)]
    samples = []
    t_start = time.perf_counter()
    for t in threads:
        t.start()
    while time.perf_counter() - t_start < args.seconds:
        s = status_kb(args.pid)
        samples.append((time.perf_counter() - t_start, s["VmRSS"], s["VmHWM"], s["Threads"]))
        time.sleep(0.25)
    stop.set()
    for t in threads:
        t.join(timeout=120)
    elapsed = time.perf_counter() - t_start
    end = status_kb(args.pid)

    second_half = [rss for t, rss, _, _ in samples if t >= args.seconds / 2]
    mb = lambda kb: round(kb / 1024.0)  # noqa: E731
    lat = sorted(done["latencies"]) or [0.0]
    result = {
        "model": check.get("data", {}).get("model"),
        "ready_after_s": round(ready_after, 1),
        "rss_at_ready_mb": mb(at_ready["VmRSS"]),
        "rss_max_while_loading_mb": mb(max(loading)) if loading else None,
        "rss_steady_under_load_mb": mb(statistics.median(second_half)),
        "rss_max_under_load_mb": mb(max(rss for _, rss, _, _ in samples)),
        "vm_hwm_mb": mb(end["VmHWM"]),
        "threads": end["Threads"],
        "load_seconds": round(elapsed, 1), "clients": args.clients, "batch": args.batch,
        "requests": done["requests"], "errors": done["errors"],
        "http_headlines_per_s": round(done["headlines"] / elapsed, 1),
        "latency_p50_s": round(lat[len(lat) // 2], 2), "latency_max_s": round(lat[-1], 2),
        "samples_mb": [[round(t, 1), mb(rss)] for t, rss, _, _ in samples[::4]],
    }
    with open(args.out, "w", encoding="utf-8") as f:
        json.dump(result, f, indent=2)
        f.write("\n")
    print("  %s: ready after %.0fs; RSS at ready %d MB, steady under load %d MB, max %d MB, VmHWM %d MB; "
          "%d requests (%d errors), %.1f headlines/s over HTTP"
          % (result["model"], ready_after, result["rss_at_ready_mb"], result["rss_steady_under_load_mb"],
             result["rss_max_under_load_mb"], result["vm_hwm_mb"], done["requests"], done["errors"],
             result["http_headlines_per_s"]))
    if done["errors"] or not done["requests"]:
        raise SystemExit("load had errors or no successful request")


if __name__ == "__main__":
    main()
