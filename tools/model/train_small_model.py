"""Train the small TradeTheHype sentiment model ("tth-finbert-mini") from scratch.

Data: /work/shared/data/sentiment/twitter_financial_news_train.csv (columns
text,label; 0 Bearish, 1 Bullish, 2 Neutral). Labels are mapped by name to
FinBERT's names: Bearish->negative, Bullish->positive, Neutral->neutral. The
saved id2label keeps the dataset's index order {0 negative, 1 positive,
2 neutral}, which differs from FinBERT's order on purpose: consumers must map
by label name, never by index.

Validation split rule (stratified, seeded, 10%):
  for each label value in ascending order, take the row indices (0-based data
  rows, header excluded) having that label in file order, shuffle them with
  Python's random.Random(seed) (one generator shared across labels, labels
  processed in ascending order), and put the first round(0.10 * count) of them
  into validation; everything else is training data.
With the default seed 13 this gives 8589 training and 954 validation rows.

Model: BERT encoder with HuggingFace names (see tthbert.py), full 30522-token
uncased WordPiece vocabulary stored as a narrow factorised embedding
(tth_embedding_size) projected up to hidden_size, so the directory stays small.
Inputs are truncated to --max-len (64) tokens including [CLS]/[SEP].

Reproducibility: fixed seeds (Python, torch), torch.use_deterministic_algorithms,
single process, torch.set_num_threads(2), fixed number of epochs (no early
stopping on the validation split).

Run:  /usr/bin/python3 tools/model/train_small_model.py [--out models/tth-finbert-mini]
Writes model.pt, config.json, tokenizer.json, tokenizer-check.json,
model-check.json and metrics.json into --out.
"""

import argparse
import csv
import json
import os
import random
import sys
import time

import torch
import torch.nn.functional as F

import tthbert

DATA = "/work/shared/data/sentiment/twitter_financial_news_train.csv"
DATASET_LABEL_NAMES = {0: "Bearish", 1: "Bullish", 2: "Neutral"}
FINBERT_NAME = {"Bearish": "negative", "Bullish": "positive", "Neutral": "neutral"}


def parse_args(argv):
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--data", default=DATA)
    p.add_argument("--vocab", default=tthbert.DEFAULT_VOCAB)
    p.add_argument("--out", default=os.path.join(tthbert.REPO_ROOT, "models/tth-finbert-mini"))
    p.add_argument("--seed", type=int, default=13)
    p.add_argument("--val-fraction", type=float, default=0.10)
    p.add_argument("--max-len", type=int, default=64)
    p.add_argument("--embedding", type=int, default=32, help="factorised word-embedding width")
    p.add_argument("--hidden", type=int, default=128)
    p.add_argument("--layers", type=int, default=2)
    p.add_argument("--heads", type=int, default=4)
    p.add_argument("--intermediate", type=int, default=256)
    p.add_argument("--pooling", choices=["cls", "mean"], default="mean")
    p.add_argument("--dropout", type=float, default=0.1)
    p.add_argument("--epochs", type=int, default=12)
    p.add_argument("--batch-size", type=int, default=32)
    p.add_argument("--lr", type=float, default=1e-3)
    p.add_argument("--weight-decay", type=float, default=0.01)
    p.add_argument("--warmup", type=float, default=0.06, help="fraction of steps with linear warm-up")
    p.add_argument("--label-smoothing", type=float, default=0.0)
    p.add_argument("--threads", type=int, default=2)
    p.add_argument("--model-version", default="1")
    return p.parse_args(argv)


def read_rows(path):
    with open(path, encoding="utf-8", newline="") as f:
        return [(r["text"], int(r["label"])) for r in csv.DictReader(f)]


def stratified_split(labels, fraction, seed):
    """Indices (train, val) following the rule in the module docstring."""
    rng = random.Random(seed)
    train, val = [], []
    for label in sorted(set(labels)):
        idx = [i for i, y in enumerate(labels) if y == label]
        rng.shuffle(idx)
        n_val = int(round(fraction * len(idx)))
        val.extend(idx[:n_val])
        train.extend(idx[n_val:])
    return sorted(train), sorted(val)


def length_bucketed_batches(lengths, batch_size, gen):
    """Shuffled batches of similar length (less padding = faster on CPU).

    Shuffle, cut into pools of 50 batches, sort each pool by length, cut into
    batches and shuffle the batch order. Deterministic given the generator.
    """
    order = torch.randperm(len(lengths), generator=gen).tolist()
    pool = batch_size * 50
    batches = []
    for start in range(0, len(order), pool):
        chunk = sorted(order[start:start + pool], key=lambda i: lengths[i])
        batches.extend(chunk[j:j + batch_size] for j in range(0, len(chunk), batch_size))
    perm = torch.randperm(len(batches), generator=gen).tolist()
    return [batches[i] for i in perm]


def collate(seqs, pad_id):
    width = max(len(s) for s in seqs)
    ids = torch.full((len(seqs), width), pad_id, dtype=torch.int64)
    mask = torch.zeros((len(seqs), width), dtype=torch.int64)
    for i, s in enumerate(seqs):
        ids[i, :len(s)] = torch.tensor(s, dtype=torch.int64)
        mask[i, :len(s)] = 1
    return ids, mask


def predict(model, seqs, pad_id, batch_size=128):
    with torch.no_grad():
        order = sorted(range(len(seqs)), key=lambda i: len(seqs[i]))
        out = [None] * len(seqs)
        for s in range(0, len(order), batch_size):
            idx = order[s:s + batch_size]
            ids, mask = collate([seqs[i] for i in idx], pad_id)
            for i, p in zip(idx, model(ids, mask).argmax(dim=-1).tolist()):
                out[i] = p
    return out


def metrics(y_true, y_pred, id2label):
    n = len(id2label)
    cm = [[0] * n for _ in range(n)]
    for t, p in zip(y_true, y_pred):
        cm[t][p] += 1
    per_class, f1s = {}, []
    for k in range(n):
        tp = cm[k][k]
        predicted = sum(cm[r][k] for r in range(n))
        actual = sum(cm[k])
        prec = tp / predicted if predicted else 0.0
        rec = tp / actual if actual else 0.0
        f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
        f1s.append(f1)
        per_class[id2label[str(k)]] = {"precision": round(prec, 4), "recall": round(rec, 4),
                                       "f1": round(f1, 4), "support": actual}
    return {
        "accuracy": round(sum(cm[k][k] for k in range(n)) / len(y_true), 4),
        "macro_f1": round(sum(f1s) / n, 4),
        "per_class": per_class,
        "confusion_matrix": {"labels": [id2label[str(k)] for k in range(n)],
                             "rows": "true label", "columns": "predicted label", "matrix": cm},
    }


def set_determinism(seed, threads):
    random.seed(seed)
    torch.manual_seed(seed)
    torch.set_num_threads(threads)
    torch.use_deterministic_algorithms(True)


def build_model(args, id2label):
    extra = {"tth_embedding_size": args.embedding, "tth_pooling": args.pooling,
             "tth_max_seq_length": args.max_len,
             "hidden_dropout_prob": args.dropout, "attention_probs_dropout_prob": args.dropout}
    cfg = tthbert.make_config(args.hidden, args.layers, args.heads, args.intermediate, id2label,
                              "tth-finbert-mini", args.model_version, extra=extra)
    model = tthbert.BertForSequenceClassification(cfg)
    tthbert.init_weights(model, cfg["initializer_range"])
    return cfg, model


def make_optimizer(model, args, total_steps):
    # No weight decay on biases, LayerNorm and embeddings (standard for BERT;
    # decaying the sparse-ish embedding rows hurts rare tokens).
    decay, no_decay = [], []
    for name, p in model.named_parameters():
        (no_decay if p.dim() < 2 or "embeddings." in name and "projection" not in name else decay).append(p)
    opt = torch.optim.AdamW([{"params": decay, "weight_decay": args.weight_decay},
                             {"params": no_decay, "weight_decay": 0.0}], lr=args.lr)
    warm = max(1, int(args.warmup * total_steps))

    def schedule(step):  # linear warm-up then linear decay to 0
        if step < warm:
            return (step + 1) / warm
        return max(0.0, (total_steps - step) / max(1, total_steps - warm))

    return opt, torch.optim.lr_scheduler.LambdaLR(opt, schedule)


def train(args):
    set_determinism(args.seed, args.threads)
    vocab = tthbert.load_vocab(args.vocab)
    tok = tthbert.WordPieceTokenizer(vocab)
    rows = read_rows(args.data)
    id2label = {k: FINBERT_NAME[v] for k, v in DATASET_LABEL_NAMES.items()}
    labels = [y for _, y in rows]
    seqs = [tok.encode(t, args.max_len) for t, _ in rows]
    train_idx, val_idx = stratified_split(labels, args.val_fraction, args.seed)

    cfg, model = build_model(args, id2label)
    steps_per_epoch = (len(train_idx) + args.batch_size - 1) // args.batch_size
    opt, sched = make_optimizer(model, args, steps_per_epoch * args.epochs)
    gen = torch.Generator().manual_seed(args.seed)
    train_lengths = [len(seqs[i]) for i in train_idx]
    y_val = [labels[i] for i in val_idx]

    start = time.time()
    history = []
    for epoch in range(1, args.epochs + 1):
        model.train()
        total = 0.0
        for batch in length_bucketed_batches(train_lengths, args.batch_size, gen):
            rows_b = [train_idx[i] for i in batch]
            ids, mask = collate([seqs[i] for i in rows_b], tok.pad_id)
            target = torch.tensor([labels[i] for i in rows_b], dtype=torch.int64)
            loss = F.cross_entropy(model(ids, mask), target, label_smoothing=args.label_smoothing)
            opt.zero_grad()
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            opt.step()
            sched.step()
            total += loss.item() * len(batch)
        model.eval()
        # Monitoring only: the epoch count is fixed, nothing is selected on this.
        val_m = metrics(y_val, predict(model, [seqs[i] for i in val_idx], tok.pad_id), cfg["id2label"])
        history.append({"epoch": epoch, "train_loss": round(total / len(train_idx), 4),
                        "val_accuracy": val_m["accuracy"], "val_macro_f1": val_m["macro_f1"],
                        "seconds": round(time.time() - start, 1)})
        print(json.dumps(history[-1]), flush=True)
    seconds = time.time() - start
    return cfg, model.eval(), tok, vocab, seqs, labels, train_idx, val_idx, seconds, history


def main(argv=None):
    args = parse_args(argv)
    cfg, model, tok, vocab, seqs, labels, train_idx, val_idx, seconds, history = train(args)

    pad = tthbert.padding_diff(model, tok, tthbert.CHECK_TEXTS)
    trace_diff = tthbert.save_model_dir(args.out, model, cfg, vocab)
    if pad > 1e-5 or trace_diff > 1e-5:
        sys.exit("verification failed: padding diff %.3g, trace diff %.3g" % (pad, trace_diff))

    # Metrics are computed with the saved TorchScript file, i.e. the artefact
    # the Java side will load.
    _, traced = tthbert.load_model_dir(args.out)
    y_val = [labels[i] for i in val_idx]
    m = metrics(y_val, predict(traced, [seqs[i] for i in val_idx], tok.pad_id), cfg["id2label"])
    m.update({
        "split": "stratified seeded 10% validation (rule in train_small_model.py docstring)",
        "train_size": len(train_idx), "val_size": len(val_idx), "seed": args.seed,
        "epochs": args.epochs, "training_seconds": round(seconds, 1), "threads": args.threads,
        "torch_version": torch.__version__, "data": os.path.basename(args.data),
        "label_mapping": dict(FINBERT_NAME),
        "hyperparameters": {k: v for k, v in vars(args).items() if k not in ("data", "vocab", "out")},
        "history": history,
        "checks": {"padding_max_abs_diff": pad, "trace_vs_eager_max_abs_diff": trace_diff},
    })
    with open(os.path.join(args.out, "metrics.json"), "w", encoding="utf-8") as f:
        json.dump(m, f, indent=2)
        f.write("\n")
    print("val accuracy %.4f  macro-F1 %.4f  (%.0f s training)" % (m["accuracy"], m["macro_f1"], seconds))
    for name, size in tthbert.file_sizes(args.out).items():
        print("%10d  %s" % (size, os.path.join(args.out, name)))


if __name__ == "__main__":
    main()
