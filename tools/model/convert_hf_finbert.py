"""Convert a HuggingFace BERT sequence classifier download (e.g. ProsusAI/finbert)
into the TradeTheHype model directory layout.

Input directory (as downloaded from the HF hub): config.json, vocab.txt and
model.safetensors or pytorch_model.bin (safetensors preferred; read with the
small reader in tthbert.py, no extra packages).

Output directory: model.pt (TorchScript, forward(input_ids, attention_mask) ->
logits float32 [batch, num_labels]), config.json (source config + tth_* fields),
tokenizer.json (built from vocab.txt), tokenizer-check.json, model-check.json.

  /usr/bin/python3 tools/model/convert_hf_finbert.py SRC_DIR --out models/finbert

Self-test without network (FinBERT cannot be downloaded here):
  /usr/bin/python3 tools/model/make_tiny_bert.py --save-state-dict --out /tmp/tiny-hf
  /usr/bin/python3 tools/model/convert_hf_finbert.py /tmp/tiny-hf --out /tmp/tiny-conv \
      --model-id tth-tiny-random --compare /tmp/tiny-hf
"""

import argparse
import json
import os
import sys

import torch

import tthbert


def parse_args(argv):
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("src", help="directory with config.json, vocab.txt and model.safetensors / pytorch_model.bin")
    p.add_argument("--out", required=True)
    p.add_argument("--weights", help="explicit weights file (default: model.safetensors, then pytorch_model.bin)")
    p.add_argument("--model-id", default="ProsusAI/finbert")
    p.add_argument("--model-version", default="1")
    p.add_argument("--compare", help="model directory whose model.pt must give the same logits (self-test)")
    return p.parse_args(argv)


def read_source_config(src):
    with open(os.path.join(src, "config.json"), encoding="utf-8") as f:
        cfg = json.load(f)
    # Our module implements exactly this BERT variant; refuse anything else
    # rather than silently producing wrong logits.
    checks = {"model_type": "bert", "hidden_act": "gelu", "position_embedding_type": "absolute"}
    for key, expected in checks.items():
        if cfg.get(key, expected) != expected:
            sys.exit("unsupported %s=%r (expected %r)" % (key, cfg.get(key), expected))
    if "id2label" not in cfg:
        sys.exit("config.json has no id2label; cannot name the classes")
    tok_cfg = os.path.join(src, "tokenizer_config.json")
    if os.path.exists(tok_cfg):
        with open(tok_cfg, encoding="utf-8") as f:
            if json.load(f).get("do_lower_case", True) is False:
                sys.exit("cased vocab: tokenizer.json writer only supports uncased BERT")
    return cfg


def load_weights(src, explicit=None):
    candidates = [explicit] if explicit else [os.path.join(src, "model.safetensors"),
                                              os.path.join(src, "pytorch_model.bin")]
    for path in candidates:
        if path and os.path.exists(path):
            if path.endswith(".safetensors"):
                return path, tthbert.read_safetensors(path)
            return path, torch.load(path, map_location="cpu", weights_only=True)
    sys.exit("no weights found in %s" % src)


def normalise_state_dict(state):
    """Map an HF checkpoint's keys onto our (HF-named) module.

    Old TF-converted checkpoints use LayerNorm.gamma/beta; some include the
    position_ids buffer or pre-training heads (cls.*) that a classifier does
    not use.
    """
    out, dropped = {}, []
    for key, value in state.items():
        if key.endswith("position_ids") or key.startswith("cls."):
            dropped.append(key)
            continue
        key = key.replace("LayerNorm.gamma", "LayerNorm.weight").replace("LayerNorm.beta", "LayerNorm.bias")
        out[key] = value.to(torch.float32)
    return out, dropped


def target_config(src_cfg, args):
    cfg = dict(src_cfg)
    cfg["id2label"] = {str(k): v for k, v in src_cfg["id2label"].items()}
    cfg["label2id"] = {v: int(k) for k, v in cfg["id2label"].items()}
    cfg.setdefault("architectures", ["BertForSequenceClassification"])
    cfg.setdefault("model_type", "bert")
    cfg["tth_model_id"] = args.model_id
    cfg["tth_model_version"] = str(args.model_version)
    cfg["tth_inputs"] = ["input_ids:int64[batch,seq]", "attention_mask:int64[batch,seq]"]
    cfg["tth_output"] = "logits:float32[batch,%d]" % len(cfg["id2label"])
    return cfg


def main(argv=None):
    args = parse_args(argv)
    torch.set_num_threads(2)
    src_cfg = read_source_config(args.src)
    cfg = target_config(src_cfg, args)
    weights_path, raw = load_weights(args.src, args.weights)
    state, dropped = normalise_state_dict(raw)
    print("weights: %s (%d tensors, dropped %s)" % (weights_path, len(state), dropped or "none"))

    model = tthbert.BertForSequenceClassification(cfg)
    missing, unexpected = model.load_state_dict(state, strict=False)
    if missing or unexpected:
        sys.exit("state dict mismatch: missing %s unexpected %s" % (missing, unexpected))
    model.eval()

    vocab = tthbert.load_vocab(os.path.join(args.src, "vocab.txt"))
    if len(vocab) != cfg["vocab_size"]:
        sys.exit("vocab.txt has %d tokens, config says %d" % (len(vocab), cfg["vocab_size"]))
    tok = tthbert.WordPieceTokenizer(vocab)
    pad = tthbert.padding_diff(model, tok, tthbert.CHECK_TEXTS)
    trace_diff = tthbert.save_model_dir(args.out, model, cfg, vocab)
    print("padding invariance max diff %.3g, traced vs eager max diff %.3g" % (pad, trace_diff))
    if pad > 1e-5 or trace_diff > 1e-5:
        sys.exit("verification failed")

    if args.compare:
        _, ours = tthbert.load_model_dir(args.out)
        _, reference = tthbert.load_model_dir(args.compare)
        diff = tthbert.max_diff_on_shapes(reference, ours, vocab_size=cfg["vocab_size"])
        print("converted vs %s/model.pt: max abs logit diff %.3g" % (args.compare, diff))
        if diff > 1e-5:
            sys.exit("converted model differs from the reference")

    for name, size in tthbert.file_sizes(args.out).items():
        print("%10d  %s" % (size, os.path.join(args.out, name)))


if __name__ == "__main__":
    main()
