"""Build a tiny, randomly initialised BERT sentiment model directory for tests.

The model has HuggingFace BertForSequenceClassification parameter names and
FinBERT's label order (0 positive, 1 negative, 2 neutral), so the Java side
loads it exactly like a converted FinBERT. Weights come from a fixed seed, so
re-running the script reproduces the same logits.

Default (committed test fixture, ~4 MB because of the 30522-row embedding):
  /usr/bin/python3 tools/model/make_tiny_bert.py
BERT-base-shaped random model for benchmarks (~420 MB, do not commit):
  /usr/bin/python3 tools/model/make_tiny_bert.py --hidden 768 --layers 12 --heads 12 \
      --intermediate 3072 --model-id tth-base-random --out /tmp/tth-base-random

Outputs in --out: model.pt, config.json, tokenizer.json, tokenizer-check.json,
model-check.json (plus pytorch_model.bin, model.safetensors and vocab.txt with
--save-state-dict, for testing convert_hf_finbert.py).
"""

import argparse
import os
import sys

import torch

import tthbert

FINBERT_LABELS = {0: "positive", 1: "negative", 2: "neutral"}


def parse_args(argv):
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--out", default=os.path.join(tthbert.REPO_ROOT, "sentiment-service/src/test/resources/models/tiny-bert"))
    p.add_argument("--vocab", default=tthbert.DEFAULT_VOCAB)
    p.add_argument("--hidden", type=int, default=32)
    p.add_argument("--layers", type=int, default=2)
    p.add_argument("--heads", type=int, default=2)
    p.add_argument("--intermediate", type=int, default=64)
    p.add_argument("--max-positions", type=int, default=512)
    # Larger than HF's 0.02 on purpose: with std 0.02 a random tiny model gives
    # almost the same logits for every input, which would make Java tests
    # unable to notice wrong token ids. 0.2 gives O(1), input-dependent logits.
    p.add_argument("--init-std", type=float, default=0.2)
    p.add_argument("--seed", type=int, default=20240601)
    p.add_argument("--model-id", default="tth-tiny-random")
    p.add_argument("--model-version", default="1")
    p.add_argument("--save-state-dict", action="store_true",
                   help="also write pytorch_model.bin and model.safetensors (HF-named state dict) "
                        "and vocab.txt, i.e. an HF-style download for testing convert_hf_finbert.py")
    return p.parse_args(argv)


def build(args):
    torch.manual_seed(args.seed)
    cfg = tthbert.make_config(args.hidden, args.layers, args.heads, args.intermediate, FINBERT_LABELS,
                              args.model_id, args.model_version, max_positions=args.max_positions,
                              init_std=args.init_std)
    model = tthbert.BertForSequenceClassification(cfg)
    tthbert.init_weights(model, args.init_std)
    return cfg, model.eval()


def main(argv=None):
    args = parse_args(argv)
    torch.set_num_threads(2)
    vocab = tthbert.load_vocab(args.vocab)
    cfg, model = build(args)
    tok = tthbert.WordPieceTokenizer(vocab)

    pad = tthbert.padding_diff(model, tok, tthbert.CHECK_TEXTS)
    print("padding invariance: max |alone - padded| = %.3g" % pad)
    if pad > 1e-5:
        sys.exit("padding changes logits: attention mask is broken")

    trace_diff = tthbert.save_model_dir(args.out, model, cfg, vocab)
    print("traced vs eager (shapes 1x7, 5x40, 3x64): max diff = %.3g" % trace_diff)
    if trace_diff > 1e-5:
        sys.exit("traced model differs from eager model")

    if args.save_state_dict:
        torch.save(model.state_dict(), os.path.join(args.out, "pytorch_model.bin"))
        tthbert.write_safetensors(os.path.join(args.out, "model.safetensors"), model.state_dict())
        with open(os.path.join(args.out, "vocab.txt"), "w", encoding="utf-8") as f:
            f.write("\n".join(vocab) + "\n")

    for name, size in tthbert.file_sizes(args.out).items():
        print("%10d  %s" % (size, os.path.join(args.out, name)))


if __name__ == "__main__":
    main()
