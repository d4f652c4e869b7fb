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
Defaults (chosen by comparing a handful of configurations on the validation
split, see README.md): embedding width 48 -> hidden 128, 1 encoder layer,
4 heads, intermediate 256, masked mean pooling, dropout 0.2, 10% word-piece
dropout to [UNK], label smoothing 0.1, AdamW lr 1e-3 with warm-up and linear
decay, 6 epochs, weights averaged with an EMA (decay 0.998). Optional MLM
pre-training on the training texts exists (--mlm-epochs) but did not help.

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
    p.add_argument("--embedding", type=int, default=48, help="factorised word-embedding width")
    p.add_argument("--hidden", type=int, default=128)
    p.add_argument("--layers", type=int, default=1)
    p.add_argument("--heads", type=int, default=4)
    p.add_argument("--intermediate", type=int, default=256)
    p.add_argument("--pooling", choices=["cls", "mean"], default="mean")
    p.add_argument("--dropout", type=float, default=0.2)
    p.add_argument("--epochs", type=int, default=6)
    p.add_argument("--batch-size", type=int, default=32)
    p.add_argument("--lr", type=float, default=1e-3)
    p.add_argument("--weight-decay", type=float, default=0.01)
    p.add_argument("--warmup", type=float, default=0.06, help="fraction of steps with linear warm-up")
    p.add_argument("--label-smoothing", type=float, default=0.1)
    p.add_argument("--token-dropout", type=float, default=0.1,
                   help="probability of replacing a word piece by [UNK] during fine-tuning")
    p.add_argument("--mlm-epochs", type=int, default=0,
                   help="masked-LM pre-training epochs on the training texts before fine-tuning")
    p.add_argument("--mlm-lr", type=float, default=1e-3)
    p.add_argument("--ema", type=float, default=0.998,
                   help="if > 0, keep an exponential moving average of the weights with this decay "
                        "and save/evaluate the averaged weights (smooths epoch-to-epoch noise)")
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


class MlmHead(torch.nn.Module):
    """Masked-LM head used only during pre-training (not saved).

    Output weights are tied to the (factorised) word embeddings, so the
    pre-training signal shapes exactly the table the classifier later uses.
    """

    def __init__(self, model):
        super().__init__()
        cfg = model.config
        hidden = cfg["hidden_size"]
        self.word_embeddings = model.bert.embeddings.word_embeddings
        self.dense = torch.nn.Linear(hidden, hidden)
        self.LayerNorm = torch.nn.LayerNorm(hidden, eps=1e-12)
        self.to_embedding = torch.nn.Linear(hidden, self.word_embeddings.embedding_dim, bias=False)
        self.bias = torch.nn.Parameter(torch.zeros(cfg["vocab_size"]))

    def forward(self, hidden):
        x = self.to_embedding(self.LayerNorm(F.gelu(self.dense(hidden))))
        return x @ self.word_embeddings.weight.t() + self.bias


def mask_tokens(ids, mask, prob, gen, replace_only=False):
    """BERT masking of real, non-special tokens.

    Returns (new_ids, labels) with labels -100 where no prediction is wanted.
    replace_only=True is the fine-tuning "token dropout": chosen pieces become [UNK].
    """
    special = (ids == tthbert.CLS_ID) | (ids == tthbert.SEP_ID) | (mask == 0)
    chosen = (torch.rand(ids.shape, generator=gen) < prob) & ~special
    ids = ids.clone()
    if replace_only:
        ids[chosen] = tthbert.UNK_ID
        return ids, None
    labels = torch.where(chosen, ids, torch.full_like(ids, -100))
    r = torch.rand(ids.shape, generator=gen)
    ids[chosen & (r < 0.8)] = tthbert.MASK_ID
    random_ids = torch.randint(1000, 30522, ids.shape, generator=gen)
    swap = chosen & (r >= 0.8) & (r < 0.9)
    ids[swap] = random_ids[swap]
    return ids, labels  # remaining 10% of chosen stay unchanged


def pretrain_mlm(model, args, seqs, train_idx, gen, pad_id):
    """Task-adaptive masked-LM pre-training on the training split's texts only."""
    head = MlmHead(model)
    params = list(model.bert.parameters()) + [p for n, p in head.named_parameters() if not n.startswith("word_")]
    steps = args.mlm_epochs * ((len(train_idx) + args.batch_size - 1) // args.batch_size)
    opt = torch.optim.AdamW(params, lr=args.mlm_lr, weight_decay=0.01)
    warm = max(1, steps // 20)
    sched = torch.optim.lr_scheduler.LambdaLR(
        opt, lambda st: (st + 1) / warm if st < warm else max(0.0, (steps - st) / max(1, steps - warm)))
    lengths = [len(seqs[i]) for i in train_idx]
    history, start = [], time.time()
    model.train()
    for epoch in range(1, args.mlm_epochs + 1):
        total, count = 0.0, 0
        for batch in length_bucketed_batches(lengths, args.batch_size, gen):
            ids, mask = collate([seqs[train_idx[i]] for i in batch], pad_id)
            ids, labels = mask_tokens(ids, mask, 0.15, gen)
            sel = labels != -100
            if not sel.any():
                continue
            hidden = model.bert.encode(ids, mask)[sel]
            loss = F.cross_entropy(head(hidden), labels[sel])
            opt.zero_grad()
            loss.backward()
            torch.nn.utils.clip_grad_norm_(params, 1.0)
            opt.step()
            sched.step()
            total += loss.item() * int(sel.sum())
            count += int(sel.sum())
        history.append({"mlm_epoch": epoch, "mlm_loss": round(total / max(1, count), 4),
                        "seconds": round(time.time() - start, 1)})
        print(json.dumps(history[-1]), flush=True)
    return history


def make_ema(model, decay):
    def avg(averaged, current, num_averaged):
        return decay * averaged + (1.0 - decay) * current
    return torch.optim.swa_utils.AveragedModel(model, avg_fn=avg)


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
    history = pretrain_mlm(model, args, seqs, train_idx, gen, tok.pad_id) if args.mlm_epochs else []
    ema = make_ema(model, args.ema) if args.ema else None
    for epoch in range(1, args.epochs + 1):
        model.train()
        total = 0.0
        for batch in length_bucketed_batches(train_lengths, args.batch_size, gen):
            rows_b = [train_idx[i] for i in batch]
            ids, mask = collate([seqs[i] for i in rows_b], tok.pad_id)
            if args.token_dropout:
                ids, _ = mask_tokens(ids, mask, args.token_dropout, gen, replace_only=True)
            target = torch.tensor([labels[i] for i in rows_b], dtype=torch.int64)
            loss = F.cross_entropy(model(ids, mask), target, label_smoothing=args.label_smoothing)
            opt.zero_grad()
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            opt.step()
            sched.step()
            if ema is not None:
                ema.update_parameters(model)
            total += loss.item() * len(batch)
        evaluated = ema.module if ema is not None else model
        evaluated.eval()
        # Monitoring only: the epoch count is fixed, nothing is selected on this.
        val_m = metrics(y_val, predict(evaluated, [seqs[i] for i in val_idx], tok.pad_id), cfg["id2label"])
        history.append({"epoch": epoch, "train_loss": round(total / len(train_idx), 4),
                        "val_accuracy": val_m["accuracy"], "val_macro_f1": val_m["macro_f1"],
                        "seconds": round(time.time() - start, 1)})
        print(json.dumps(history[-1]), flush=True)
    if ema is not None:
        model.load_state_dict(ema.module.state_dict())
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
