"""Serving side by side on one model: /score over HTTP at several client counts and the queue path
(bench/sentiment-bench.sh runs it; it compares the figures with the in-process JVM throughput).

  /usr/bin/python3 bench/serving_bench.py --jar sentiment-service/target/quarkus-app/quarkus-run.jar \
      --cp TEST_CLASSPATH --model DIR --headlines bench/out/headlines.txt --out RESULT_JSON

1. starts ElasticMQ (devstack's, through com.tradethehype.sentiment.bench.BenchSqs) and the packaged service
   (consumer on, env MALLOC_*/JAVA_OPTS as given), waits for the model to be READY;
2. warm-up: 4 clients for --warmup seconds (60);
3. for each --clients value: that many threads POST /score with --batch headlines each (consecutive slices,
   round robin) back to back for --seconds; headlines/s; with the highest client count a probe thread also
   sends one-text requests every 0.25 s and records their latency, and the mean pass time of that window is
   taken from the service's metrics (tth_sentiment_pass_latency_seconds sum/count deltas);
4. queue path: --queue-messages ArticleIngested (headlines cycled) sent to tth-articles-ingested with
   SendMessageBatch, after --queue-warmup (30,000) untimed ones warm ElasticMQ and the consumer (a long-running
   consumer's steady state: after 8,000 the JIT still spent 0.45-0.8 ms of CPU per message on the SQS client);
   headlines/s = messages / time from the first send until tth-articles-scored holds them all;
5. VmRSS/VmHWM of the service sampled throughout;
6. with --reference, the in-process reference runs (the service idle) before the first phase, after each /score
   phase, and just before and after the measured queue path; each phase is judged against the mean of the two
   references beside it, not only against one measured minutes earlier (this VM's speed drifts within minutes).
ElasticMQ is driven through the SQS query API (form POSTs, XML answers), so no AWS SDK is needed here.
"""

import argparse
import http.client
import json
import os
import re
import shlex
import statistics
import subprocess
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid
from datetime import datetime, timezone


def http_json(url, body=None, timeout=120):
    data = None if body is None else json.dumps(body).encode("utf-8")
    req = urllib.request.Request(url, data=data, headers={"Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(req, timeout=timeout) as r:
            return r.status, json.load(r)
    except urllib.error.HTTPError as e:
        return e.code, json.load(e)


def rss(pid):
    out = {}
    with open("/proc/%d/status" % pid, encoding="ascii") as f:
        for line in f:
            if line.startswith(("VmRSS:", "VmHWM:")):
                k, v = line.split(":", 1)
                out[k] = int(v.split()[0]) // 1024
    return out


class Sampler(threading.Thread):
    def __init__(self, pid):
        super().__init__(daemon=True)
        self.pid, self.max_rss, self.hwm, self.running = pid, 0, 0, True

    def run(self):
        while self.running:
            try:
                s = rss(self.pid)
                self.max_rss, self.hwm = max(self.max_rss, s["VmRSS"]), s["VmHWM"]
            except (FileNotFoundError, KeyError):
                return
            time.sleep(0.25)


def sqs(endpoint, params, url=None):
    data = urllib.parse.urlencode(params).encode("utf-8")
    with urllib.request.urlopen(urllib.request.Request(url or endpoint, data=data), timeout=30) as r:
        return r.read().decode("utf-8")


def queue_url(endpoint, name):
    xml = sqs(endpoint, {"Action": "GetQueueUrl", "QueueName": name})
    return re.search(r"<QueueUrl>([^<]+)</QueueUrl>", xml).group(1)


def depth(endpoint, url):
    xml = sqs(endpoint, {"Action": "GetQueueAttributes", "AttributeName.1": "ApproximateNumberOfMessages"}, url)
    return int(re.search(r"<Name>ApproximateNumberOfMessages</Name>\s*<Value>(\d+)</Value>", xml).group(1))


def pass_totals(base):
    """(passes, seconds in passes, texts in passes, padded tokens in passes) so far, from the service's metrics."""
    with urllib.request.urlopen(base + "/q/metrics", timeout=10) as r:
        text = r.read().decode("utf-8")

    def value(name):
        m = re.search(r"^%s(?:\{[^}]*\})? ([0-9.eE+-]+)" % name, text, re.M)
        return float(m.group(1)) if m else 0.0
    return (value("tth_sentiment_pass_latency_seconds_count"), value("tth_sentiment_pass_latency_seconds_sum"),
            value("tth_sentiment_pass_size_sum"), value("tth_sentiment_pass_padded_tokens_sum"))


def stat_fields(path):
    """The fields of a /proc stat file after the command name (field 3 onwards: index 0 is field 3)."""
    with open(path) as f:
        return f.read().rsplit(")", 1)[1].split()


def minor_faults(pid):
    """Minor page faults of a process so far (/proc/PID/stat field 10): memory mapped and touched anew."""
    return int(stat_fields("/proc/%d/stat" % pid)[7])


def machine_busy_seconds():
    """CPU seconds the whole machine has been busy (all cores, /proc/stat), to tell a disturbed run."""
    with open("/proc/stat") as f:
        v = [int(x) for x in f.readline().split()[1:]]
    return (sum(v[:8]) - v[3] - v[4]) / os.sysconf("SC_CLK_TCK")


def thread_cpu(pid):
    """CPU seconds so far of each thread group of a process (digits in thread names folded: inference-0, -1 -> inference-#)."""
    out = {}
    for t in os.listdir("/proc/%d/task" % pid):
        try:
            with open("/proc/%d/task/%s/comm" % (pid, t)) as f:
                name = re.sub(r"[0-9]+", "#", f.read().strip())
            fields = stat_fields("/proc/%d/task/%s/stat" % (pid, t))
            out[name] = out.get(name, 0) + (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
        except OSError:
            pass
    return out


def thread_ms_per_text(before, after, texts):
    """The busiest thread groups of a run, in ms of CPU per headline scored."""
    delta = {k: v - before.get(k, 0) for k, v in after.items()}
    top = sorted(delta.items(), key=lambda kv: -kv[1])[:5]
    return {k: round(1000 * v / max(1, texts), 2) for k, v in top if v > 0}


def pass_stats(before, after, wall, cpu, machine):
    """What the passes of one run looked like: how many, how full, how padded, and how busy the service was."""
    n, secs, texts, tokens = (a - b for a, b in zip(after, before))
    return {"passes": int(n), "mean_pass_s": round(secs / max(1, n), 4), "mean_texts_per_pass": round(texts / max(1, n), 1),
            "padded_tokens_per_text": round(tokens / max(1, texts), 1),
            "workers_busy": round(secs / wall, 2), "service_cores": round(cpu / wall, 2),
            "machine_cores": round(machine / wall, 2)}


class KeepAlive:
    """One client's HTTP/1.1 connection, reused for every request as HTTP clients do (urllib's urlopen opens a new
    connection per request, which added ~3-12 ms of connection setup and client CPU to every request: measured from
    session 8 on, earlier results used urlopen)."""

    def __init__(self, base, timeout=120):
        url = urllib.parse.urlsplit(base)
        self.conn = http.client.HTTPConnection(url.hostname, url.port, timeout=timeout)

    def post(self, path, body):
        self.conn.request("POST", path, body=json.dumps(body).encode("utf-8"),
                          headers={"Content-Type": "application/json"})
        r = self.conn.getresponse()
        return r.status, json.loads(r.read())

    def close(self):
        self.conn.close()


def load(base, headlines, clients, seconds, batch, probe=False):
    stop = time.time() + seconds
    done, latencies, probes, errors = [0] * clients, [], [], []
    lock = threading.Lock()

    def client(k):
        i = k * batch
        conn = KeepAlive(base)
        while time.time() < stop:
            texts = [headlines[(i + j) % len(headlines)] for j in range(batch)]
            i += batch * clients
            t = time.time()
            status, body = conn.post("/score", {"texts": texts})
            if status != 200 or len(body["results"]) != batch:
                errors.append(status)
                return
            with lock:
                latencies.append(time.time() - t)
            done[k] += batch
        conn.close()

    def prober():
        n = 0
        conn = KeepAlive(base)
        while time.time() < stop - 0.5:
            t = time.time()
            status, _ = conn.post("/score", {"texts": [headlines[n % len(headlines)]]})
            if status == 200:
                probes.append(time.time() - t)
            n += 1
            time.sleep(0.25)
        conn.close()

    threads = [threading.Thread(target=client, args=(k,)) for k in range(clients)]
    if probe:
        threads.append(threading.Thread(target=prober))
    start = time.time()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    wall = time.time() - start
    if errors:
        raise SystemExit("load failed: statuses %s" % errors[:5])
    out = {"clients": clients, "batch": batch, "seconds": round(wall, 1), "headlines": sum(done),
           "headlines_per_s": round(sum(done) / wall, 1),
           "request_p50_s": round(statistics.median(latencies), 3),
           "request_p95_s": round(sorted(latencies)[int(0.95 * (len(latencies) - 1))], 3)}
    if probe:
        out["one_text_probe"] = {"count": len(probes), "p50_s": round(statistics.median(probes), 4),
                                 "p95_s": round(sorted(probes)[int(0.95 * (len(probes) - 1))], 4),
                                 "max_s": round(max(probes), 4)}
    return out


def cpu_seconds(pid):
    """User + system CPU seconds of a process so far (/proc/PID/stat fields 14 and 15)."""
    fields = stat_fields("/proc/%d/stat" % pid)
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def send_ingested(endpoint, url, headlines, count):
    """Sends `count` ArticleIngested (headlines cycled) to the queue at `url`, ten per SendMessageBatch."""
    now = datetime.now(timezone.utc).isoformat().replace("+00:00", "Z")
    for base in range(0, count, 10):
        params = {"Action": "SendMessageBatch"}
        for j in range(min(10, count - base)):
            n = base + j
            article = {"articleId": uuid.uuid4().hex, "source": "bench", "url": "https://bench.test/%d" % n,
                       "title": headlines[n % len(headlines)], "summary": "", "publishedAt": now,
                       "fetchedAt": now, "tickers": ["MSFT"], "lang": "en"}
            params["SendMessageBatchRequestEntry.%d.Id" % (j + 1)] = str(j)
            params["SendMessageBatchRequestEntry.%d.MessageBody" % (j + 1)] = json.dumps(article)
        sqs(endpoint, params, url)


def queue_path(endpoint, headlines, count, pids=None):
    ingested = queue_url(endpoint, "tth-articles-ingested")
    scored = queue_url(endpoint, "tth-articles-scored")
    before = depth(endpoint, scored)
    cpu0 = {name: cpu_seconds(pid) for name, pid in (pids or {}).items()}
    start = time.time()
    send_ingested(endpoint, ingested, headlines, count)
    sent = time.time() - start
    while depth(endpoint, scored) < before + count:
        if time.time() - start > 1800:
            raise SystemExit("queue path: scored queue stuck at %d" % depth(endpoint, scored))
        time.sleep(0.2)
    wall = time.time() - start
    out = {"messages": count, "send_seconds": round(sent, 1), "seconds": round(wall, 1),
           "headlines_per_s": round(count / wall, 1)}
    # where the two cores went: the service (inference and its SQS client) and the local queue server
    out["cpu_cores"] = {name: round((cpu_seconds(pid) - cpu0[name]) / wall, 2) for name, pid in (pids or {}).items()}
    return out


def add_service_args(p, sqs_port, log):
    """The arguments every bench that starts the packaged service beside ElasticMQ takes."""
    p.add_argument("--jar", required=True)
    p.add_argument("--cp", required=True, help="test classpath holding BenchSqs and devstack")
    p.add_argument("--model", required=True)
    p.add_argument("--headlines", required=True)
    p.add_argument("--out", required=True)
    p.add_argument("--sqs-port", type=int, default=sqs_port)
    p.add_argument("--java-opts", default="")
    p.add_argument("--env", default="", help="extra environment, e.g. 'MALLOC_ARENA_MAX=1 SENTIMENT_ENGINE_WORKERS=2'")
    p.add_argument("--log", default=log)
    p.add_argument("--service-cpus", default="",
                   help="taskset CPU list for the service alone (e.g. 0); this script and ElasticMQ keep the rest")


def read_headlines(path):
    return [h for h in open(path, encoding="utf-8").read().split("\n") if h.strip()]


def keep_off(service_cpus):
    """Moves this process (and what it starts later: ElasticMQ) off the service's cores, if any are given."""
    if service_cpus:
        service = {int(c) for c in service_cpus.split(",")}
        os.sched_setaffinity(0, set(range(os.cpu_count())) - service)


def start_sqs(cp, port):
    """ElasticMQ with the project's queues (BenchSqs), once it says it is ready; its output is drained after."""
    proc = subprocess.Popen(["java", "-cp", cp, "com.tradethehype.sentiment.bench.BenchSqs", str(port)],
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    for line in proc.stdout:
        if "bench sqs ready" in line:
            break
    else:
        raise SystemExit("ElasticMQ did not start")
    threading.Thread(target=lambda: [None for _ in proc.stdout], daemon=True).start()
    return proc


def service_command(args, *extra):
    """The service's environment (model, queue endpoint, local credentials, --env) and command line (--service-cpus
    pins it)."""
    env = dict(os.environ, TTH_MODEL_LOCATION=os.path.abspath(args.model),
               TTH_SQS_ENDPOINT="http://localhost:%d" % args.sqs_port, AWS_ACCESS_KEY_ID="local",
               AWS_SECRET_ACCESS_KEY="local", AWS_REGION="us-east-1")
    env.update(kv.split("=", 1) for kv in args.env.split())
    pin = ["taskset", "-c", args.service_cpus] if args.service_cpus else []
    return env, pin + ["java"] + args.java_opts.split() + ["-jar", args.jar] + list(extra)


def reference(args, label):
    """Runs the in-process reference once (--reference: a command line whose {out} is replaced by a JSON file it writes)
    while the service idles, and returns its headlines/s. Run between the service's phases, it makes each phase's
    ratio one against the machine of that minute: this 2-core VM's speed drifts by up to ~30 % within minutes (the
    service's inference CPU per headline 7.2-11.8 ms in one session's runs), more than the gaps the targets judge."""
    if not args.reference:
        return None
    out = "%s-reference-%s.json" % (args.log, label)
    with open(args.log + "-reference.log", "a") as log:
        subprocess.run(shlex.split(args.reference.replace("{out}", out)), check=True, stdout=log,
                       stderr=subprocess.STDOUT)
    rate = json.load(open(out))["engine"]["median"]
    print("reference (%s): %.1f headlines/s" % (label, rate), flush=True)
    return rate


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    add_service_args(p, 19324, "/tmp/serving-bench")
    p.add_argument("--clients", default="1,4,16")
    p.add_argument("--seconds", type=float, default=20)
    p.add_argument("--warmup", type=float, default=60,
                   help="seconds of /score load at 4 clients first: after 8 s the JIT still took 0.3-0.6 ms of CPU per "
                        "headline in the 1-client phase, after 90 s 0.13")
    p.add_argument("--batch", type=int, default=32)
    p.add_argument("--queue-messages", type=int, default=2000)
    p.add_argument("--queue-warmup", type=int, default=30000,
                   help="untimed messages through the queue path first: the JIT keeps compiling the SQS client long "
                        "after /score is warm (CPU per message: 1.3 ms after 1,000 messages, 0.45-0.8 after 8,000, "
                        "0.16 after 30,000)")
    p.add_argument("--port", type=int, default=18082)
    p.add_argument("--reference", default="",
                   help="command line of the in-process reference, run before the first phase and after each one "
                        "('{out}': the JSON file it writes, whose engine.median is its headlines/s)")
    args = p.parse_args()
    headlines = read_headlines(args.headlines)
    keep_off(args.service_cpus)  # the load generator and ElasticMQ stay off the service's cores
    base, endpoint = "http://127.0.0.1:%d" % args.port, "http://localhost:%d" % args.sqs_port
    procs = []
    try:
        sqs_proc = start_sqs(args.cp, args.sqs_port)
        procs.append(sqs_proc)
        env, command = service_command(args)
        env["QUARKUS_HTTP_PORT"] = str(args.port)
        log = open(args.log + "-service.log", "w")
        svc = subprocess.Popen(command, env=env, stdout=log, stderr=subprocess.STDOUT)
        procs.append(svc)
        sampler = Sampler(svc.pid)
        sampler.start()
        deadline = time.time() + 300
        while True:
            if svc.poll() is not None:
                raise SystemExit("service exited; see %s-service.log" % args.log)
            try:
                _, health = http_json(base + "/q/health/ready", timeout=5)
                states = {c["name"]: c for c in health.get("checks", [])}
                model = states.get("sentiment model", {}).get("data", {})
                if model.get("state") == "FAILED":
                    raise SystemExit("model FAILED: %s" % model)
                if health.get("status") == "UP":
                    break
            except (OSError, ValueError):
                pass
            if time.time() > deadline:
                raise SystemExit("service not ready after 300 s")
            time.sleep(0.5)
        ready_rss = rss(svc.pid)["VmRSS"]
        _, first = http_json(base + "/score", {"texts": [headlines[0]]})
        report = {"model": first["model"], "model_dir": args.model, "java_opts": args.java_opts, "env": args.env,
                  "rss_at_ready_mb": ready_rss, "score_warmup_s": args.warmup, "queue_warmup_messages": args.queue_warmup}
        load(base, headlines, 4, args.warmup, args.batch)
        runs = []
        counts = [int(c) for c in args.clients.split(",")]
        before = reference(args, "before-%d" % counts[0])
        for c in counts:
            probe = c == max(counts)
            p0, c0, m0, t0 = pass_totals(base), cpu_seconds(svc.pid), machine_busy_seconds(), thread_cpu(svc.pid)
            f0 = minor_faults(svc.pid)
            run = load(base, headlines, c, args.seconds, args.batch, probe=probe)
            run["pass_stats"] = pass_stats(p0, pass_totals(base), run["seconds"], cpu_seconds(svc.pid) - c0,
                                           machine_busy_seconds() - m0)
            run["pass_stats"]["thread_ms_per_text"] = thread_ms_per_text(t0, thread_cpu(svc.pid), run["headlines"])
            run["pass_stats"]["page_faults_per_text"] = round((minor_faults(svc.pid) - f0) / max(1, run["headlines"]), 1)
            if probe:
                passes = run["pass_stats"]["passes"]
                run["passes"] = passes
                run["mean_pass_s"] = run["pass_stats"]["mean_pass_s"]
                run["mean_texts_per_pass"] = round(run["headlines"] / max(1, passes), 1)
            after = reference(args, "after-%d" % c)
            if after is not None:
                run["reference"] = {"before": before, "after": after}
            before = after
            print(json.dumps(run), flush=True)
            runs.append(run)
        report["http"] = runs
        # warm the queue server and the consumer's code path first, as /score was warmed: a user's queue is warm
        report["queue_warmup"] = queue_path(endpoint, headlines, args.queue_warmup)
        before = reference(args, "before-queue")
        p0, c0, m0, t0 = pass_totals(base), cpu_seconds(svc.pid), machine_busy_seconds(), thread_cpu(svc.pid)
        f0 = minor_faults(svc.pid)
        report["queue"] = queue_path(endpoint, headlines, args.queue_messages,
                                     {"service": svc.pid, "elasticmq": sqs_proc.pid})
        q = report["queue"]
        q["pass_stats"] = pass_stats(p0, pass_totals(base), q["seconds"], cpu_seconds(svc.pid) - c0,
                                     machine_busy_seconds() - m0)
        q["pass_stats"]["thread_ms_per_text"] = thread_ms_per_text(t0, thread_cpu(svc.pid), q["messages"])
        q["pass_stats"]["page_faults_per_text"] = round((minor_faults(svc.pid) - f0) / q["messages"], 1)
        after = reference(args, "after-queue")
        if after is not None:
            q["reference"] = {"before": before, "after": after}
        print(json.dumps(report["queue"]), flush=True)
        sampler.running = False
        s = rss(svc.pid)
        report["max_rss_sampled_mb"] = max(sampler.max_rss, s["VmRSS"])
        report["vm_hwm_mb"] = s["VmHWM"]
        with open(args.out, "w", encoding="utf-8") as f:
            json.dump(report, f, indent=2)
    finally:
        for proc in reversed(procs):
            proc.terminate()
            try:
                proc.wait(30)
            except subprocess.TimeoutExpired:
                proc.kill()


if __name__ == "__main__":
    main()
