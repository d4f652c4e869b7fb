"""Python side of the sentiment benchmark (bench/sentiment-bench.sh runs it).

  /usr/bin/python3 bench/python_bench.py prepare OUT_DIR MODEL_DIR
      Writes OUT_DIR/headlines.txt (the fixed headline set: every <item>/<entry> title of
      shared/data/feeds/*.xml, then a seeded sample of the tweets CSV up to --count texts),
      OUT_DIR/batches.json (token ids of those headlines, tokenised with tthbert's reference
      WordPiece, truncated at 64 tokens, sorted by token length, cut into batches of 32; unpadded:
      each consumer pads a batch to its own longest item) and OUT_DIR/headlines-stats.json.

  /usr/bin/python3 bench/python_bench.py measure OUT_DIR FP32_DIR INT8_DIR RESULT_JSON
      Times FORWARD PASSES ONLY (no tokenisation: the tokenizer here is pure Python and would be
      unfair to Python) over the batches of batches.json, with torch.set_num_threads(2) and
      set_num_interop_threads(1), inside torch.inference_mode():
        python-eager-fp32   the nn.Module of tools/model/tthbert.py with the weights of FP32_DIR/model.pt
        python-jit-fp32     FP32_DIR/model.pt through torch.jit.load (the file DJL loads)
        python-eager-int8   torch.quantization.quantize_dynamic of the eager fp32 model
        python-jit-int8     INT8_DIR/model.pt through torch.jit.load (the file DJL loads)
      One untimed warm-up round over all batches (it also lets the TorchScript profiling executor see
      every shape), then --rounds timed rounds; headlines/s = headlines / round time.

Deterministic: same headlines, same ids, same batches on every run.
"""

import argparse
import csv
import glob
import json
import os
import random
import resource
import statistics
import sys
import time
import warnings
import xml.etree.ElementTree as ET

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), ".."))
sys.path.insert(0, os.path.join(ROOT, "tools", "model"))

import torch  # noqa: E402
import torch.nn as nn  # noqa: E402

import tthbert  # noqa: E402

warnings.filterwarnings("ignore", message=".*reduce_range.*")

SHARED = os.environ.get("TTH_SHARED_DATA", os.path.join(ROOT, "..", "shared", "data"))
BATCH = 32
MAX_LENGTH = 64
SEED = 20240601


# --------------------------------------------------------------------------- prepare

def feed_titles(feeds_dir):
    """Titles of feed items/entries (not of the channel/feed itself), file by file in name order."""
    titles = []
    for path in sorted(glob.glob(os.path.join(feeds_dir, "*.xml"))):
        root = ET.parse(path).getroot()
        for el in root.iter():
            tag = el.tag.rsplit("}", 1)[-1]
            if tag not in ("item", "entry"):
                continue
            for child in el:
                if child.tag.rsplit("}", 1)[-1] == "title" and (child.text or "").strip():
                    titles.append(" ".join(child.text.split()))
    return titles


def tweet_texts(csv_path):
    with open(csv_path, encoding="utf-8", newline="") as f:
        # one headline per line in headlines.txt: inner newlines/tabs become single spaces
        return [" ".join(row["text"].split()) for row in csv.DictReader(f) if row["text"].strip()]


def percentile(values, p):
    s = sorted(values)
    k = (len(s) - 1) * p / 100.0
    lo, hi = int(k), min(int(k) + 1, len(s) - 1)
    return s[lo] + (s[hi] - s[lo]) * (k - lo)


def prepare(args):
    titles = feed_titles(os.path.join(SHARED, "feeds"))
    tweets = tweet_texts(os.path.join(SHARED, "sentiment", "twitter_financial_news_train.csv"))
    # the CSV is ordered by label: a seeded sample is representative and the same on every run
    sample = random.Random(SEED).sample(tweets, args.count - len(titles))
    headlines = titles + sample
    if any("\n" in h for h in headlines):
        sys.exit("a headline contains a newline")
    os.makedirs(args.out, exist_ok=True)
    with open(os.path.join(args.out, "headlines.txt"), "w", encoding="utf-8") as f:
        f.write("\n".join(headlines) + "\n")

    tok = tthbert.WordPieceTokenizer(tthbert.tokenizer_vocab(os.path.join(args.model, "tokenizer.json")))
    full = [len(tok.encode(h)) for h in headlines]
    ids = [tok.encode(h, MAX_LENGTH) for h in headlines]
    order = sorted(range(len(ids)), key=lambda i: (len(ids[i]), i))
    batches = [[ids[i] for i in order[b:b + BATCH]] for b in range(0, len(order), BATCH)]
    padded = sum(len(b) * max(len(s) for s in b) for b in batches)
    real = sum(len(s) for s in ids)
    with open(os.path.join(args.out, "batches.json"), "w", encoding="utf-8") as f:
        json.dump({"max_length": MAX_LENGTH, "batch_size": BATCH, "headlines": len(headlines),
                   "batches": batches}, f, separators=(",", ":"))
    lengths = [len(s) for s in ids]
    stats = {
        "headlines": len(headlines), "from_feeds": len(titles), "from_tweets_csv": len(sample),
        "seed": SEED, "max_length": MAX_LENGTH, "batch_size": BATCH, "batches": len(batches),
        "tokens_mean": round(statistics.mean(lengths), 1), "tokens_p50": percentile(lengths, 50),
        "tokens_p95": percentile(lengths, 95), "tokens_max": max(lengths), "tokens_min": min(lengths),
        "truncated": sum(1 for n in full if n > MAX_LENGTH),
        "padding_overhead_sorted_batches": round(padded / real, 3),
        "padding_overhead_pad_to_128": round(len(ids) * 128 / real, 2),
    }
    with open(os.path.join(args.out, "headlines-stats.json"), "w", encoding="utf-8") as f:
        json.dump(stats, f, indent=2)
        f.write("\n")
    print("headlines: %(headlines)d (%(from_feeds)d feed titles + %(from_tweets_csv)d tweets), tokens "
          "mean %(tokens_mean)s p50 %(tokens_p50)s p95 %(tokens_p95)s max %(tokens_max)s, %(batches)d batches"
          % stats)


# --------------------------------------------------------------------------- measure

def load_batches(out_dir):
    with open(os.path.join(out_dir, "batches.json"), encoding="utf-8") as f:
        data = json.load(f)
    tensors = []
    for batch in data["batches"]:
        width = max(len(s) for s in batch)
        ids = torch.full((len(batch), width), tthbert.PAD_ID, dtype=torch.int64)
        mask = torch.zeros((len(batch), width), dtype=torch.int64)
        for i, s in enumerate(batch):
            ids[i, :len(s)] = torch.tensor(s, dtype=torch.int64)
            mask[i, :len(s)] = 1
        tensors.append((ids, mask))
    return data["headlines"], tensors


def run_round(model, batches):
    for ids, mask in batches:
        model(ids, mask)


def time_model(name, model, batches, headlines, rounds):
    with torch.inference_mode():
        t0 = time.perf_counter()
        run_round(model, batches)  # warm-up (untimed)
        warm = time.perf_counter() - t0
        rates, cpu = [], []
        for _ in range(rounds):
            w0, c0 = time.perf_counter(), time.process_time()
            run_round(model, batches)
            wall = time.perf_counter() - w0
            rates.append(headlines / wall)
            cpu.append((time.process_time() - c0) / wall)
    result = {"name": name, "headlines": headlines, "rounds": rounds, "warmup_s": round(warm, 2),
              "median": round(statistics.median(rates), 1), "min": round(min(rates), 1),
              "max": round(max(rates), 1), "cpu_cores_busy": round(statistics.median(cpu), 2)}
    print("%-18s %6.1f headlines/s (min %.1f, max %.1f; %d rounds; %.2f cores busy)"
          % (name, result["median"], result["min"], result["max"], rounds, result["cpu_cores_busy"]),
          flush=True)
    return result


def measure(args):
    torch.set_num_threads(2)
    torch.set_num_interop_threads(1)
    engines = torch.backends.quantized.supported_engines
    # fbgemm/x86 are the x86 kernels; Debian's torch has only qnnpack and onednn
    for engine in ("x86", "fbgemm", "onednn", "qnnpack"):
        if engine in engines:
            torch.backends.quantized.engine = engine
            break
    if args.qengine:
        torch.backends.quantized.engine = args.qengine
    headlines, batches = load_batches(args.out)
    results = []
    _, eager = tthbert.eager_from_dir(args.fp32)
    results.append(time_model("python-eager-fp32", eager, batches, headlines, args.rounds))
    jit = torch.jit.load(os.path.join(args.fp32, "model.pt")).eval()
    results.append(time_model("python-jit-fp32", jit, batches, headlines, args.rounds))
    del jit
    if not args.skip_int8:
        q = torch.quantization.quantize_dynamic(eager, {nn.Linear}, dtype=torch.qint8).eval()
        del eager
        results.append(time_model("python-eager-int8", q, batches, headlines, args.rounds))
        del q
        jit8 = torch.jit.load(os.path.join(args.int8, "model.pt")).eval()
        results.append(time_model("python-jit-int8", jit8, batches, headlines, args.rounds))
    report = {
        "torch": torch.__version__, "python": sys.version.split()[0],
        "intra_op_threads": torch.get_num_threads(), "inter_op_threads": torch.get_num_interop_threads(),
        "quantized_engine": torch.backends.quantized.engine, "quantized_engines": engines,
        "timed": "forward passes only, on pre-built padded int64 tensors, torch.inference_mode()",
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0),
        "results": results,
    }
    with open(args.result, "w", encoding="utf-8") as f:
        json.dump(report, f, indent=2)
        f.write("\n")


def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = p.add_subparsers(dest="cmd", required=True)
    pp = sub.add_parser("prepare")
    pp.add_argument("out")
    pp.add_argument("model", help="a model directory; only its tokenizer.json is read")
    pp.add_argument("--count", type=int, default=512)
    pm = sub.add_parser("measure")
    pm.add_argument("out")
    pm.add_argument("fp32")
    pm.add_argument("int8")
    pm.add_argument("result")
    pm.add_argument("--rounds", type=int, default=3)
    pm.add_argument("--skip-int8", action="store_true")
    pm.add_argument("--qengine", help="torch.backends.quantized.engine to use (default: best available)")
    args = p.parse_args(argv)
    prepare(args) if args.cmd == "prepare" else measure(args)


if __name__ == "__main__":
    main()
