"""Write an int8 dynamically quantised copy of a TradeTheHype model directory.

Every nn.Linear is replaced by a dynamic int8 linear (weights stored as qint8,
activations quantised on the fly per batch); embeddings and LayerNorm stay
float32. The eager model is rebuilt from config.json + the parameters stored in
model.pt, quantised with torch.quantization.quantize_dynamic, and traced again,
so the new model.pt keeps the same interface:
forward(input_ids int64 [B,S], attention_mask int64 [B,S]) -> logits float32 [B,C].

  /usr/bin/python3 tools/model/quantize_int8.py SRC_DIR DST_DIR

config.json gets tth_model_version suffixed "-int8"; tokenizer files are copied.
Prints the max abs logit difference to the float32 model and the fraction of
equal argmax predictions on random batches and the check texts.
"""

import argparse
import os
import shutil
import sys
import warnings

import torch
import torch.nn as nn

import tthbert

# Debian's torch only has the qnnpack engine, which warns (also as glog "W..."
# lines on stderr, harmless) that it ignores reduce_range=True. We keep
# quantize_dynamic's default reduce_range=True on purpose: it is what fbgemm,
# the engine of x86 libtorch builds such as DJL's, needs to avoid overflow.
warnings.filterwarnings("ignore", message=".*reduce_range.*")


def parse_args(argv):
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("src")
    p.add_argument("dst")
    p.add_argument("--max-diff", type=float, default=0.5,
                   help="fail if any logit moves more than this (int8 is approximate)")
    return p.parse_args(argv)


def pick_engine():
    # fbgemm = x86 kernels, qnnpack = ARM (Debian's torch only has qnnpack).
    # The saved TorchScript stores unpacked int8 weights and re-packs them for
    # the loading runtime's engine, so the export engine does not bind the file.
    engines = torch.backends.quantized.supported_engines
    engine = "fbgemm" if "fbgemm" in engines else "qnnpack"
    torch.backends.quantized.engine = engine
    return engine


def argmax_agreement(a_model, b_model, tok, texts):
    with torch.no_grad():
        ids, mask = tok.batch(texts)
        return (a_model(ids, mask).argmax(-1) == b_model(ids, mask).argmax(-1)).float().mean().item()


def main(argv=None):
    args = parse_args(argv)
    torch.set_num_threads(2)
    engine = pick_engine()
    cfg, fp32 = tthbert.eager_from_dir(args.src)
    q = torch.quantization.quantize_dynamic(fp32, {nn.Linear}, dtype=torch.qint8).eval()

    qcfg = dict(cfg)
    qcfg["tth_model_version"] = str(cfg["tth_model_version"]) + "-int8"
    qcfg["tth_quantization"] = {"method": "torch.quantization.quantize_dynamic", "modules": ["Linear"],
                                "dtype": "qint8", "engine_at_export": engine}
    vocab = list(tthbert.tokenizer_vocab(os.path.join(args.src, "tokenizer.json")))
    trace_diff = tthbert.save_model_dir(args.dst, q, qcfg, vocab)
    # keep the source's tokenizer.json byte-for-byte (same tokenizer by definition)
    shutil.copyfile(os.path.join(args.src, "tokenizer.json"), os.path.join(args.dst, "tokenizer.json"))

    _, loaded = tthbert.load_model_dir(args.dst)
    diff = tthbert.max_diff_on_shapes(fp32, loaded, vocab_size=cfg["vocab_size"])
    tok = tthbert.WordPieceTokenizer(vocab)
    agree = argmax_agreement(fp32, loaded, tok, tthbert.CHECK_TEXTS)
    print("int8 traced vs int8 eager: max diff %.3g" % trace_diff)
    print("int8 vs fp32: max abs logit diff %.4f on random batches; argmax agreement on check texts %.2f"
          % (diff, agree))
    for name, size in tthbert.file_sizes(args.dst).items():
        print("%10d  %s" % (size, os.path.join(args.dst, name)))
    if trace_diff > 1e-5 or diff > args.max_diff:
        sys.exit("quantised model check failed")


if __name__ == "__main__":
    main()
