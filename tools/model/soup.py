"""Uniform weight soup of train_minilm.py runs, and the soup protocols' decision (tools/model/README.md).

A "soup" averages the fp32 weights of several fine-tunings that start from the same pretrained encoder and share
every setting but their seeds: --train-seed (head initialisation, dropout, batch order; v4 attempt 2) or
--order-seed (dropout and batch order only, one shared head initialisation; v5 attempt 3). Because they start from
one point and take the same schedule, they should land in one basin and their average is a working model of the same
shape: one model's inference cost, with less of a single seed's noise. Attempt 2 showed that differently drawn heads
stay nearly orthogonal, so the record also gives the cosine between every two ingredients' head rows of each label.

Ingredients are --fp32-out directories of train_minilm.py (config.json, model.pt, training.json). Checked before
anything is averaged: same architecture and parameter names/shapes, same settings (everything in SAME_SETTINGS;
seed-13 runs of older script versions lack the newer keys and count as their defaults), distinct (train seed, order
seed) pairs, and every run kept at the end of its schedule (its kept epoch is its last; train_minilm.py --checkpoint
last).

Then every ingredient and the soup are scored on the dev split (fp32) and the validation split (fp32 and the
shipped number formats: for the bf16-switch export, the default, both of its modes), and the rule fixed before the
runs is applied:

    ship  <=>  dev macro-F1 of the soup  >  mean dev macro-F1 of the ingredients

Validation is reported only. The soup's fp32 directory (--fp32-out) is always written, with a training.json whose
"soup" entry records ingredients, figures and the decision; with --out and a "ship" decision the shipped directory
is exported from it by train_minilm.py --from-fp32 (the same export and checks as a training run), otherwise --out is
left alone. --report writes the same record as JSON.

  nice -n 10 /usr/bin/python3 tools/model/soup.py /tmp/soup/seed13 /tmp/soup3/order14 /tmp/soup3/order15 \\
      --fp32-out /tmp/soup3/soup-fp32 --out /tmp/soup3/v5 --model-version 5 --report /tmp/soup3/report.json

(attempt 2's figures were v3's fp16-linear format: --export fp16-linear reports and exports that format again).
"""

import argparse
import json
import os
import sys
import time

import torch

import tthbert
import train_minilm as tm
import train_small_model as small

# Settings that must match across ingredients (value used when an older training.json lacks the key).
SAME_SETTINGS = {
    "seed": None, "val_fraction": None, "max_len": None, "epochs": None, "batch_size": None, "lr": None,
    "weight_decay": None, "warmup": None, "dropout": None, "train_word_embeddings": None, "dev_fraction": None,
    "dev_seed": "seed+1", "class_weight_power": None, "label_smoothing": None, "layer_decay": None,
    "head_lr_mult": None, "evals_per_epoch": None, "bf16": None, "limit_steps": None,
}
# config.json keys that may differ (the version is the soup's own).
CONFIG_FREE = {"tth_model_version"}


def parse_args(argv):
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("ingredients", nargs="+", help="--fp32-out directories of train_minilm.py runs")
    p.add_argument("--fp32-out", required=True, help="the soup's fp32 model directory (+ training.json)")
    p.add_argument("--out", help="shipped model directory, written only if the decision rule says ship")
    p.add_argument("--model-version", default="4")
    p.add_argument("--export", choices=("bf16-switch", "fp16-linear", "int8-dynamic"), default="bf16-switch",
                   help="shipped number formats, of the export and of the reported shipped-format figures "
                        "(train_minilm.py --export; bf16-switch: both modes are scored)")
    p.add_argument("--report", help="also write the record (figures, decision) here as JSON")
    p.add_argument("--data", default=small.DATA)
    p.add_argument("--vocab", default=tthbert.DEFAULT_VOCAB)
    p.add_argument("--threads", type=int, default=1)
    return p.parse_args(argv)


def setting(hyper, key):
    if key in hyper and hyper[key] is not None:
        return hyper[key]
    if SAME_SETTINGS[key] == "seed+1":
        return hyper["seed"] + 1
    raise ValueError("training.json lacks the setting " + key)


def load_ingredient(path):
    cfg, model = tthbert.eager_from_dir(path)
    with open(os.path.join(path, "training.json"), encoding="utf-8") as f:
        training = json.load(f)
    hyper = training["hyperparameters"]
    seed = hyper.get("train_seed")
    seed = hyper["seed"] if seed is None else seed
    order = hyper.get("order_seed")
    return {"dir": path, "cfg": cfg, "model": model, "training": training, "train_seed": seed,
            "order_seed": seed if order is None else order}


def check_compatible(ingredients):
    """Raises ValueError unless the runs differ only in their train seed and each ran its full schedule."""
    first = ingredients[0]
    names = {k: v.shape for k, v in first["model"].state_dict().items()}
    for ing in ingredients:
        cfg = {k: v for k, v in ing["cfg"].items() if k not in CONFIG_FREE}
        if cfg != {k: v for k, v in first["cfg"].items() if k not in CONFIG_FREE}:
            raise ValueError("%s: config.json differs from %s" % (ing["dir"], first["dir"]))
        if {k: v.shape for k, v in ing["model"].state_dict().items()} != names:
            raise ValueError("%s: parameter names or shapes differ" % ing["dir"])
        for key in SAME_SETTINGS:
            a, b = setting(ing["training"]["hyperparameters"], key), setting(first["training"]["hyperparameters"], key)
            if a != b:
                raise ValueError("%s: %s = %r, %s has %r" % (ing["dir"], key, a, first["dir"], b))
        epochs = ing["training"]["hyperparameters"]["epochs"]
        kept, last = ing["training"]["chosen"]["epoch"], ing["training"]["history"][-1]["epoch"]
        if not kept == last == epochs:
            raise ValueError("%s: kept epoch %s, last evaluated %s, schedule %s: not the end of its schedule"
                             % (ing["dir"], kept, last, epochs))
    seeds = [(ing["train_seed"], ing["order_seed"]) for ing in ingredients]
    if len(set(seeds)) != len(seeds):
        raise ValueError("(train seed, order seed) pairs repeat: %s" % seeds)


def head_cosines(ingredients, id2label):
    """Cosine between two ingredients' head rows of the same label, for every pair (how aligned the read-outs are)."""
    import torch.nn.functional as F
    heads = [ing["model"].state_dict()["classifier.weight"].to(torch.float64) for ing in ingredients]
    out = []
    for a in range(len(heads)):
        for b in range(a + 1, len(heads)):
            cos = F.cosine_similarity(heads[a], heads[b], dim=1)
            out.append({"pair": [ingredients[a]["dir"], ingredients[b]["dir"]],
                        "cosine": {id2label[str(i)]: round(cos[i].item(), 4) for i in range(len(cos))}})
    return out


def average(models):
    """Uniform average of the state dicts (accumulated in float64), loaded into a copy of the first model."""
    import copy
    dicts = [m.state_dict() for m in models]
    soup = {}
    for k, t in dicts[0].items():
        if not t.is_floating_point():
            if any(not torch.equal(d[k], t) for d in dicts):
                raise ValueError("non-float tensor %s differs between ingredients" % k)
            soup[k] = t.clone()
            continue
        soup[k] = (sum(d[k].to(torch.float64) for d in dicts) / len(dicts)).to(t.dtype)
    model = copy.deepcopy(models[0])
    model.load_state_dict(soup)
    return model.eval()


def scores(model, cfg, seqs, labels, dev_idx, val_idx, pad_id, export):
    """fp32 dev and validation, and validation in the shipped formats of `export` (eager; the traced file matches to
    1e-5); for bf16-switch both modes: val_shipped is its float32 mode, val_shipped_bf16 its bfloat16 mode."""
    model.eval()
    dev = tm.split_metrics(model, cfg, seqs, labels, dev_idx, pad_id)
    val = tm.split_metrics(model, cfg, seqs, labels, val_idx, pad_id)
    shipped, _ = tm.compress(model, export)
    val_shipped = tm.split_metrics(shipped, cfg, seqs, labels, val_idx, pad_id)
    short = lambda m: {"accuracy": m["accuracy"], "macro_f1": m["macro_f1"]}
    out = {"dev_fp32": short(dev), "val_fp32": short(val), "val_shipped": short(val_shipped)}
    if export == "bf16-switch":
        flags = [m.bf16 for m in shipped.modules() if isinstance(m, torch.jit.ScriptModule) and hasattr(m, "bf16")]
        for flag in flags:  # one tensor shared by every SwitchLinear; set through each, to not rely on the sharing
            flag.fill_(1)
        out["val_shipped_bf16"] = short(tm.split_metrics(shipped, cfg, seqs, labels, val_idx, pad_id))
        for flag in flags:
            flag.fill_(0)
    return out


def main(argv=None):
    args = parse_args(argv)
    torch.set_num_threads(args.threads)
    start = time.time()
    ingredients = [load_ingredient(d) for d in args.ingredients]
    check_compatible(ingredients)
    hyper = dict(ingredients[0]["training"]["hyperparameters"])
    split_args = tm.parse_args(["--seed", str(hyper["seed"]), "--val-fraction", str(hyper["val_fraction"]),
                                "--dev-fraction", str(hyper["dev_fraction"]),
                                "--dev-seed", str(setting(hyper, "dev_seed")), "--max-len", str(hyper["max_len"])])
    vocab = tthbert.load_vocab(args.vocab)
    tok = tthbert.WordPieceTokenizer(vocab)
    rows = small.read_rows(args.data)
    labels = [y for _, y in rows]
    seqs = [tok.encode(t, split_args.max_len) for t, _ in rows]
    train_idx, dev_idx, val_idx, _, _, _ = tm.make_splits(split_args, rows, labels)
    if not dev_idx:
        sys.exit("the ingredients have no dev split: the soup's decision rule needs one")
    print("train %d, dev %d, val %d; ingredients: (train seed, order seed) %s"
          % (len(train_idx), len(dev_idx), len(val_idx), [(i["train_seed"], i["order_seed"]) for i in ingredients]),
          flush=True)

    record = {"ingredients": [], "shipped_format": args.export,
              "rule": "ship if dev macro-F1 (fp32) of the soup > mean dev macro-F1 (fp32) of the ingredients, each at "
                      "the end of its schedule; validation reported only"}
    for ing in ingredients:
        s = scores(ing["model"], ing["cfg"], seqs, labels, dev_idx, val_idx, tok.pad_id, args.export)
        logged = ing["training"]["history"][-1]["dev_macro_f1"]
        if abs(logged - s["dev_fp32"]["macro_f1"]) > 1e-3:  # the run's own end-of-schedule dev figure
            sys.exit("%s: dev macro-F1 %.4f here, %.4f in its training.json: different split or weights"
                     % (ing["dir"], s["dev_fp32"]["macro_f1"], logged))
        record["ingredients"].append(dict({"dir": ing["dir"], "train_seed": ing["train_seed"],
                                           "order_seed": ing["order_seed"],
                                           "epoch": ing["training"]["chosen"]["epoch"],
                                           "training_seconds": ing["training"]["seconds"]}, **s))
        print("seeds %s/%s: %s" % (ing["train_seed"], ing["order_seed"], json.dumps(s)), flush=True)
    record["head_cosines"] = head_cosines(ingredients, ingredients[0]["cfg"]["id2label"])
    for h in record["head_cosines"]:
        print("head cosine %s: %s" % (" vs ".join(h["pair"]), json.dumps(h["cosine"])), flush=True)

    cfg = dict(ingredients[0]["cfg"])
    cfg["tth_model_version"] = str(args.model_version)
    soup = average([ing["model"] for ing in ingredients])
    s = scores(soup, cfg, seqs, labels, dev_idx, val_idx, tok.pad_id, args.export)
    mean_dev = sum(i["dev_fp32"]["macro_f1"] for i in record["ingredients"]) / len(ingredients)
    ship = s["dev_fp32"]["macro_f1"] > mean_dev
    record.update({"soup": s, "mean_ingredient_dev_macro_f1": round(mean_dev, 4),
                   "mean_ingredient_val_fp32": {k: round(sum(i["val_fp32"][k] for i in record["ingredients"])
                                                         / len(ingredients), 4) for k in ("accuracy", "macro_f1")},
                   "decision": "ship" if ship else "keep",
                   "why": "soup dev macro-F1 %.4f %s ingredients' mean %.4f"
                          % (s["dev_fp32"]["macro_f1"], ">" if ship else "<=", mean_dev)})
    print("soup: %s" % json.dumps(s), flush=True)
    print("decision: %s (%s)" % (record["decision"], record["why"]), flush=True)

    hyper["train_seed"] = [i["train_seed"] for i in ingredients]
    hyper["order_seed"] = [i["order_seed"] for i in ingredients]
    hyper["model_version"] = str(args.model_version)
    training = {"history": [], "seconds": round(sum(i["training"]["seconds"] for i in ingredients), 1),
                "sanity": ingredients[0]["training"]["sanity"],
                "chosen": {"epoch": hyper["epochs"], "dev_macro_f1": s["dev_fp32"]["macro_f1"],
                           "rule": "uniform soup of runs kept at the end of their schedules"},
                "hyperparameters": hyper, "soup": record}
    tthbert.save_model_dir(args.fp32_out, soup, cfg, vocab)
    with open(os.path.join(args.fp32_out, "training.json"), "w", encoding="utf-8") as f:
        json.dump(training, f, indent=2)
        f.write("\n")
    if args.report:
        with open(args.report, "w", encoding="utf-8") as f:
            json.dump(record, f, indent=2)
            f.write("\n")
    if args.out and ship:
        tm.main(["--from-fp32", args.fp32_out, "--out", args.out, "--model-version", str(args.model_version),
                 "--threads", str(args.threads)] + [a for k in ("seed", "val_fraction", "dev_fraction", "max_len")
                                                    for a in ("--" + k.replace("_", "-"), str(hyper[k]))]
                + ["--dev-seed", str(setting(hyper, "dev_seed")), "--export", args.export])
    elif args.out:
        print("not shipped: %s left untouched" % args.out)
    print("%.0f s" % (time.time() - start))


if __name__ == "__main__":
    main()
