"""Shared building blocks for the TradeTheHype model tooling.

Contents:
  * a BERT sequence classifier whose module and parameter names match
    HuggingFace ``BertForSequenceClassification`` (so a FinBERT state dict
    loads into it unchanged and our own models use the same layout);
  * a pure-Python BERT (uncased) WordPiece tokenizer that mirrors what the
    HuggingFace ``tokenizers`` pipeline in ``tokenizer.json`` does
    (BertNormalizer -> BertPreTokenizer -> WordPiece -> [CLS] A [SEP]);
  * writers for the model directory consumed by the Java side:
    ``model.pt`` (TorchScript), ``tokenizer.json``, ``config.json``,
    ``tokenizer-check.json`` and ``model-check.json``;
  * verification helpers (trace vs eager, padding invariance).

Only torch and the Python standard library are needed (no transformers /
tokenizers packages), because those cannot be installed on the build machines.
"""

import json
import math
import os
import unicodedata

import torch
import torch.nn as nn
import torch.nn.functional as F

PAD_ID, UNK_ID, CLS_ID, SEP_ID, MASK_ID = 0, 100, 101, 102, 103
SPECIAL_TOKENS = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"]

# Additive bias for masked key positions. exp(-10000) underflows to exactly 0
# in float32, so padded keys get zero attention weight and real tokens' outputs
# are unchanged by padding. A finite value (not -inf / finfo.min) avoids NaN or
# overflow when adding to scores, also in the int8 variant.
MASK_BIAS = -10000.0

REPO_ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
DEFAULT_VOCAB = "/work/shared/data/tokenizer/bert-base-uncased-vocab.txt"


# --------------------------------------------------------------------------
# Model
# --------------------------------------------------------------------------

class BertEmbeddings(nn.Module):
    def __init__(self, cfg):
        super().__init__()
        hidden = cfg["hidden_size"]
        # Optional factorised word embedding (ALBERT idea): the 30522-row table
        # dominates file size, so small trained models can store it narrow and
        # project it up. Width == hidden means plain BERT (no projection module,
        # so HF checkpoints load unchanged).
        emb = cfg.get("tth_embedding_size") or hidden
        self.word_embeddings = nn.Embedding(cfg["vocab_size"], emb, padding_idx=cfg.get("pad_token_id", 0))
        if emb != hidden:
            self.word_embeddings_projection = nn.Linear(emb, hidden, bias=False)
        else:
            self.word_embeddings_projection = None
        self.position_embeddings = nn.Embedding(cfg["max_position_embeddings"], hidden)
        self.token_type_embeddings = nn.Embedding(cfg.get("type_vocab_size", 2), hidden)
        self.LayerNorm = nn.LayerNorm(hidden, eps=cfg.get("layer_norm_eps", 1e-12))
        self.dropout = nn.Dropout(cfg.get("hidden_dropout_prob", 0.1))

    def forward(self, input_ids):
        # Positions are derived from the input itself (cumsum of ones) instead
        # of an arange over a Python int, so the traced graph has no baked-in
        # sequence length and works for any [batch, seq].
        position_ids = torch.cumsum(torch.ones_like(input_ids), dim=1) - 1
        token_type_ids = torch.zeros_like(input_ids)  # single-sentence input
        words = self.word_embeddings(input_ids)
        if self.word_embeddings_projection is not None:
            words = self.word_embeddings_projection(words)
        x = words + self.position_embeddings(position_ids) + self.token_type_embeddings(token_type_ids)
        return self.dropout(self.LayerNorm(x))


class BertSelfAttention(nn.Module):
    def __init__(self, cfg):
        super().__init__()
        hidden = cfg["hidden_size"]
        self.num_heads = cfg["num_attention_heads"]
        if hidden % self.num_heads:
            raise ValueError("hidden_size must be a multiple of num_attention_heads")
        self.head_dim = hidden // self.num_heads
        self.query = nn.Linear(hidden, hidden)
        self.key = nn.Linear(hidden, hidden)
        self.value = nn.Linear(hidden, hidden)
        self.dropout = nn.Dropout(cfg.get("attention_probs_dropout_prob", 0.1))

    def _split_heads(self, x):
        # -1 for the sequence axis keeps the trace shape-agnostic.
        return x.view(x.size(0), -1, self.num_heads, self.head_dim).transpose(1, 2)

    def forward(self, hidden, mask_bias):
        q = self._split_heads(self.query(hidden))
        k = self._split_heads(self.key(hidden))
        v = self._split_heads(self.value(hidden))
        scores = torch.matmul(q, k.transpose(-1, -2)) / math.sqrt(self.head_dim)
        probs = self.dropout(torch.softmax(scores + mask_bias, dim=-1))
        ctx = torch.matmul(probs, v).transpose(1, 2).contiguous()
        return ctx.view(ctx.size(0), -1, self.num_heads * self.head_dim)


class BertSelfOutput(nn.Module):
    def __init__(self, cfg):
        super().__init__()
        hidden = cfg["hidden_size"]
        self.dense = nn.Linear(hidden, hidden)
        self.LayerNorm = nn.LayerNorm(hidden, eps=cfg.get("layer_norm_eps", 1e-12))
        self.dropout = nn.Dropout(cfg.get("hidden_dropout_prob", 0.1))

    def forward(self, x, residual):
        return self.LayerNorm(self.dropout(self.dense(x)) + residual)


class BertAttention(nn.Module):
    def __init__(self, cfg):
        super().__init__()
        self.self = BertSelfAttention(cfg)
        self.output = BertSelfOutput(cfg)

    def forward(self, hidden, mask_bias):
        return self.output(self.self(hidden, mask_bias), hidden)


class BertIntermediate(nn.Module):
    def __init__(self, cfg):
        super().__init__()
        self.dense = nn.Linear(cfg["hidden_size"], cfg["intermediate_size"])

    def forward(self, x):
        return F.gelu(self.dense(x))  # exact (erf) GELU = HF "gelu"


class BertOutput(nn.Module):
    def __init__(self, cfg):
        super().__init__()
        hidden = cfg["hidden_size"]
        self.dense = nn.Linear(cfg["intermediate_size"], hidden)
        self.LayerNorm = nn.LayerNorm(hidden, eps=cfg.get("layer_norm_eps", 1e-12))
        self.dropout = nn.Dropout(cfg.get("hidden_dropout_prob", 0.1))

    def forward(self, x, residual):
        return self.LayerNorm(self.dropout(self.dense(x)) + residual)


class BertLayer(nn.Module):
    def __init__(self, cfg):
        super().__init__()
        self.attention = BertAttention(cfg)
        self.intermediate = BertIntermediate(cfg)
        self.output = BertOutput(cfg)

    def forward(self, hidden, mask_bias):
        attn = self.attention(hidden, mask_bias)
        return self.output(self.intermediate(attn), attn)


class BertEncoder(nn.Module):
    def __init__(self, cfg):
        super().__init__()
        self.layer = nn.ModuleList([BertLayer(cfg) for _ in range(cfg["num_hidden_layers"])])

    def forward(self, hidden, mask_bias):
        for layer in self.layer:
            hidden = layer(hidden, mask_bias)
        return hidden


class BertPooler(nn.Module):
    def __init__(self, cfg):
        super().__init__()
        self.dense = nn.Linear(cfg["hidden_size"], cfg["hidden_size"])

    def forward(self, first_token):
        return torch.tanh(self.dense(first_token))


class BertModel(nn.Module):
    def __init__(self, cfg):
        super().__init__()
        self.embeddings = BertEmbeddings(cfg)
        self.encoder = BertEncoder(cfg)
        # tth_pooler=false: no tanh pooler (sentence-transformers encoders such
        # as all-MiniLM-L6-v2 were trained to be read by plain mean pooling).
        self.pooler = BertPooler(cfg) if cfg.get("tth_pooler", True) else None
        # "cls" = HF behaviour (pool the [CLS] vector). "mean" = masked mean of
        # all real tokens; an option for small models trained from scratch.
        self.pooling = cfg.get("tth_pooling", "cls")

    def encode(self, input_ids, attention_mask):
        """Per-token hidden states [batch, seq, hidden] (used by MLM pre-training)."""
        # [batch, seq] 1/0 mask -> [batch, 1, 1, seq] additive bias on keys.
        mask = attention_mask[:, None, None, :].to(torch.float32)
        mask_bias = (1.0 - mask) * MASK_BIAS
        return self.encoder(self.embeddings(input_ids), mask_bias)

    def forward(self, input_ids, attention_mask):
        hidden = self.encode(input_ids, attention_mask)
        if self.pooling == "mean":
            m = attention_mask.to(hidden.dtype).unsqueeze(-1)
            summary = (hidden * m).sum(dim=1) / m.sum(dim=1).clamp(min=1.0)
        else:
            summary = hidden[:, 0]
        return self.pooler(summary) if self.pooler is not None else summary


class BertForSequenceClassification(nn.Module):
    """forward(input_ids int64 [B,S], attention_mask int64 [B,S]) -> logits float32 [B, num_labels]."""

    def __init__(self, cfg):
        super().__init__()
        self.config = dict(cfg)
        self.bert = BertModel(cfg)
        self.dropout = nn.Dropout(cfg.get("classifier_dropout") or cfg.get("hidden_dropout_prob", 0.1))
        self.classifier = nn.Linear(cfg["hidden_size"], len(cfg["id2label"]))

    def forward(self, input_ids, attention_mask):
        return self.classifier(self.dropout(self.bert(input_ids, attention_mask)))


def init_weights(model, std):
    """HF-style init: N(0, std) for Linear/Embedding, LayerNorm = identity, zero biases."""
    for m in model.modules():
        if isinstance(m, nn.Linear):
            nn.init.normal_(m.weight, 0.0, std)
            if m.bias is not None:
                nn.init.zeros_(m.bias)
        elif isinstance(m, nn.Embedding):
            nn.init.normal_(m.weight, 0.0, std)
            if m.padding_idx is not None:
                with torch.no_grad():
                    m.weight[m.padding_idx].zero_()
        elif isinstance(m, nn.LayerNorm):
            nn.init.ones_(m.weight)
            nn.init.zeros_(m.bias)


def make_config(hidden, layers, heads, intermediate, id2label, model_id, version,
                max_positions=512, vocab_size=30522, init_std=0.02, extra=None):
    """HF-style BERT config.json contents plus our tth_* fields."""
    id2label = {str(k): v for k, v in id2label.items()}
    cfg = {
        "architectures": ["BertForSequenceClassification"],
        "model_type": "bert",
        "hidden_size": hidden,
        "num_hidden_layers": layers,
        "num_attention_heads": heads,
        "intermediate_size": intermediate,
        "hidden_act": "gelu",
        "hidden_dropout_prob": 0.1,
        "attention_probs_dropout_prob": 0.1,
        "max_position_embeddings": max_positions,
        "type_vocab_size": 2,
        "vocab_size": vocab_size,
        "initializer_range": init_std,
        "layer_norm_eps": 1e-12,
        "pad_token_id": PAD_ID,
        "position_embedding_type": "absolute",
        "id2label": id2label,
        "label2id": {v: int(k) for k, v in id2label.items()},
        "tth_model_id": model_id,
        "tth_model_version": str(version),
        "tth_inputs": ["input_ids:int64[batch,seq]", "attention_mask:int64[batch,seq]"],
        "tth_output": "logits:float32[batch,%d]" % len(id2label),
    }
    if extra:
        cfg.update(extra)
    return cfg


# --------------------------------------------------------------------------
# Tokenizer (pure Python mirror of the tokenizer.json pipeline)
# --------------------------------------------------------------------------

def load_vocab(path):
    """Return the token list in file order (index == id)."""
    with open(path, encoding="utf-8") as f:
        tokens = [line.rstrip("\n").rstrip("\r") for line in f]
    if tokens and tokens[-1] == "":
        tokens.pop()
    if len(set(tokens)) != len(tokens):
        raise ValueError("duplicate tokens in vocab " + path)
    return tokens


# Same set as Rust's char::is_whitespace (Unicode White_Space), which the
# HF normalizer / pre-tokenizer use; Python's str.isspace differs slightly.
_WHITESPACE = set("\t\n\u000b\u000c\r \u0085\u00a0\u1680\u2028\u2029\u202f\u205f\u3000") | {
    chr(c) for c in range(0x2000, 0x200B)}


def _is_whitespace(ch):
    return ch in _WHITESPACE


def _is_control(ch):
    # HF: tab/newline/CR count as whitespace; otherwise any "C*" category.
    if ch in "\t\n\r":
        return False
    return unicodedata.category(ch).startswith("C")


def _is_punctuation(ch):
    cp = ord(ch)
    if 33 <= cp <= 47 or 58 <= cp <= 64 or 91 <= cp <= 96 or 123 <= cp <= 126:
        return True  # all ASCII punctuation/symbols, e.g. $ % + < = > ^ ` | ~
    return unicodedata.category(ch).startswith("P")


def _is_cjk(ch):
    cp = ord(ch)
    return (0x4E00 <= cp <= 0x9FFF or 0x3400 <= cp <= 0x4DBF or 0x20000 <= cp <= 0x2A6DF
            or 0x2A700 <= cp <= 0x2B73F or 0x2B740 <= cp <= 0x2B81F or 0x2B920 <= cp <= 0x2CEAF
            or 0xF900 <= cp <= 0xFAFF or 0x2F800 <= cp <= 0x2FA1F)


def bert_normalize(text):
    """BertNormalizer(clean_text, handle_chinese_chars, strip_accents=None->lowercase, lowercase).

    Order matters and follows HF tokenizers: clean, CJK spacing, strip accents
    (NFD then drop Mn marks), then per-character lowercase.
    """
    out = []
    for ch in text:
        if ch == "\0" or ch == "\ufffd" or _is_control(ch):
            continue
        if _is_whitespace(ch):
            out.append(" ")
        elif _is_cjk(ch):
            out.append(" " + ch + " ")
        else:
            out.append(ch)
    text = unicodedata.normalize("NFD", "".join(out))
    text = "".join(ch for ch in text if unicodedata.category(ch) != "Mn")
    # per character, like Rust's char::to_lowercase (no context-dependent final sigma)
    return "".join(ch.lower() for ch in text)


def bert_pre_tokenize(text):
    """BertPreTokenizer: split on whitespace, and isolate every punctuation char."""
    words = []
    for chunk in text.split(" "):
        current = []
        for ch in chunk:
            if _is_whitespace(ch):
                if current:
                    words.append("".join(current))
                    current = []
            elif _is_punctuation(ch):
                if current:
                    words.append("".join(current))
                    current = []
                words.append(ch)
            else:
                current.append(ch)
        if current:
            words.append("".join(current))
    return words


class WordPieceTokenizer:
    """Reference BERT-uncased tokenizer producing the same ids as tokenizer.json."""

    def __init__(self, vocab_tokens, max_chars_per_word=100):
        self.tokens = list(vocab_tokens)
        self.vocab = {t: i for i, t in enumerate(self.tokens)}
        self.max_chars = max_chars_per_word
        self.unk_id = self.vocab["[UNK]"]
        self.cls_id = self.vocab["[CLS]"]
        self.sep_id = self.vocab["[SEP]"]
        self.pad_id = self.vocab["[PAD]"]

    @classmethod
    def from_file(cls, path=DEFAULT_VOCAB):
        return cls(load_vocab(path))

    def _wordpiece(self, word):
        # Greedy longest-match-first; if any position cannot be matched the
        # whole word becomes [UNK] (as in BERT / HF WordPiece).
        if len(word) > self.max_chars:
            return [self.unk_id]
        ids, start = [], 0
        while start < len(word):
            end = len(word)
            found = None
            while start < end:
                piece = word[start:end] if start == 0 else "##" + word[start:end]
                if piece in self.vocab:
                    found = self.vocab[piece]
                    break
                end -= 1
            if found is None:
                return [self.unk_id]
            ids.append(found)
            start = end
        return ids

    def _split_special(self, text):
        # tokenizer.json declares the special tokens as added tokens with
        # normalized=false: exact occurrences in the raw text map to their id
        # before normalisation. Mirror that so ids agree even on such input.
        parts = [(text, False)]
        for tok in SPECIAL_TOKENS:
            nxt = []
            for s, is_special in parts:
                if is_special:
                    nxt.append((s, True))
                    continue
                pieces = s.split(tok)
                for i, p in enumerate(pieces):
                    if i:
                        nxt.append((tok, True))
                    if p:
                        nxt.append((p, False))
            parts = nxt
        return parts

    def encode_plain(self, text):
        """Ids without [CLS]/[SEP]."""
        ids = []
        for s, is_special in self._split_special(text):
            if is_special:
                ids.append(self.vocab[s])
                continue
            for word in bert_pre_tokenize(bert_normalize(s)):
                ids.extend(self._wordpiece(word))
        return ids

    def encode(self, text, max_length=None):
        """[CLS] text [SEP], truncating the text part so the total is <= max_length."""
        ids = self.encode_plain(text)
        if max_length is not None:
            ids = ids[: max(0, max_length - 2)]
        return [self.cls_id] + ids + [self.sep_id]

    def batch(self, texts, max_length=None):
        """Right-padded int64 (input_ids, attention_mask) tensors."""
        seqs = [self.encode(t, max_length) for t in texts]
        width = max(len(s) for s in seqs)
        ids = torch.full((len(seqs), width), self.pad_id, dtype=torch.int64)
        mask = torch.zeros((len(seqs), width), dtype=torch.int64)
        for i, s in enumerate(seqs):
            ids[i, : len(s)] = torch.tensor(s, dtype=torch.int64)
            mask[i, : len(s)] = 1
        return ids, mask


def tokenizer_json(vocab_tokens):
    """HuggingFace tokenizers JSON for BERT uncased WordPiece, built from the vocab."""
    vocab = {t: i for i, t in enumerate(vocab_tokens)}
    added = [{"id": vocab[t], "content": t, "single_word": False, "lstrip": False, "rstrip": False,
              "normalized": False, "special": True} for t in SPECIAL_TOKENS]

    def special(tok, type_id):
        return {"SpecialToken": {"id": tok, "type_id": type_id}}

    def seq(name, type_id):
        return {"Sequence": {"id": name, "type_id": type_id}}

    return {
        "version": "1.0",
        "truncation": None,
        "padding": None,
        "added_tokens": added,
        "normalizer": {"type": "BertNormalizer", "clean_text": True, "handle_chinese_chars": True,
                       "strip_accents": None, "lowercase": True},
        "pre_tokenizer": {"type": "BertPreTokenizer"},
        "post_processor": {
            "type": "TemplateProcessing",
            "single": [special("[CLS]", 0), seq("A", 0), special("[SEP]", 0)],
            "pair": [special("[CLS]", 0), seq("A", 0), special("[SEP]", 0), seq("B", 1), special("[SEP]", 1)],
            "special_tokens": {
                "[CLS]": {"id": "[CLS]", "ids": [vocab["[CLS]"]], "tokens": ["[CLS]"]},
                "[SEP]": {"id": "[SEP]", "ids": [vocab["[SEP]"]], "tokens": ["[SEP]"]},
            },
        },
        "decoder": {"type": "WordPiece", "prefix": "##", "cleanup": True},
        "model": {"type": "WordPiece", "unk_token": "[UNK]", "continuing_subword_prefix": "##",
                  "max_input_chars_per_word": 100, "vocab": vocab},
    }


# Texts chosen to exercise the normaliser / pre-tokeniser edge cases the Java
# tokenizer must reproduce exactly.
CHECK_TEXTS = [
    "$AAPL beats Q3 estimates; shares jump 3.5% after-hours!",
    "Société Générale cuts its outlook, stock falls",
    "Tesla \U0001F680 to the moon\U0001F4C8 says Apple\u2019s CEO",
    "$TSLA, $MSFT & $GOOG: what's next? (Reuters) https://t.co/AbC123xyz",
    "Fed raises rates by 0.25 points \u2014 markets shrug   \t again\n",
    "ÉLAN naïve CAFÉ über Ærø: Nikkei 日本株 rises",
    "unbelievably" * 9 + " short words",
    "",
]


def tokenizer_check(tok):
    cases = []
    for text in CHECK_TEXTS:
        ids = tok.encode(text)
        cases.append({"text": text, "ids": ids, "tokens": [tok.tokens[i] for i in ids]})
    return {
        "description": "Expected ids of tokenizer.json with add_special_tokens=true, no truncation/padding; "
                       "produced by tools/model/tthbert.py WordPieceTokenizer.",
        "cases": cases,
    }


# --------------------------------------------------------------------------
# Writing and verifying a model directory
# --------------------------------------------------------------------------

def _write_json(path, obj, indent=2):
    with open(path, "w", encoding="utf-8") as f:
        json.dump(obj, f, ensure_ascii=False, indent=indent)
        f.write("\n")


def trace_model(model):
    """TorchScript trace with example batch 2 x seq 16 (shapes are not baked in)."""
    model.eval()
    g = torch.Generator().manual_seed(0)
    ids = torch.randint(1000, 30000, (2, 16), generator=g, dtype=torch.int64)
    ids[:, 0] = CLS_ID
    mask = torch.ones(2, 16, dtype=torch.int64)
    mask[1, 10:] = 0
    ids[1, 10:] = PAD_ID
    with torch.no_grad():
        traced = torch.jit.trace(model, (ids, mask), check_trace=True)
    return traced


def _random_batch(batch, seq, seed, vocab_size=30522):
    g = torch.Generator().manual_seed(seed)
    ids = torch.randint(999, vocab_size, (batch, seq), generator=g, dtype=torch.int64)
    mask = torch.ones(batch, seq, dtype=torch.int64)
    lengths = torch.randint(2, seq + 1, (batch,), generator=g)
    lengths[0] = seq  # at least one unpadded row
    for i, n in enumerate(lengths.tolist()):
        ids[i, 0] = CLS_ID
        ids[i, n - 1] = SEP_ID
        ids[i, n:] = PAD_ID
        mask[i, n:] = 0
    return ids, mask


def max_diff_on_shapes(reference, candidate, shapes=((1, 7), (5, 40), (3, 64)), vocab_size=30522):
    """Max |reference - candidate| logits over random batches of several shapes."""
    worst = 0.0
    with torch.no_grad():
        for n, (b, s) in enumerate(shapes):
            ids, mask = _random_batch(b, s, seed=100 + n, vocab_size=vocab_size)
            a, c = reference(ids, mask), candidate(ids, mask)
            if not isinstance(c, torch.Tensor) or c.shape != (b, a.shape[1]) or c.dtype != torch.float32:
                raise AssertionError("unexpected output %r for shape %s" % (type(c), (b, s)))
            worst = max(worst, (a - c).abs().max().item())
    return worst


def padding_diff(model, tok, texts, pad_to=48):
    """Max logit change when a sequence is scored alone vs right-padded with [PAD]/mask 0."""
    worst = 0.0
    with torch.no_grad():
        for text in texts:
            ids = torch.tensor([tok.encode(text)], dtype=torch.int64)
            alone = model(ids, torch.ones_like(ids))
            padded_ids = torch.full((1, pad_to), PAD_ID, dtype=torch.int64)
            padded_ids[0, : ids.shape[1]] = ids[0]
            padded_mask = (padded_ids != PAD_ID).to(torch.int64)
            padded = model(padded_ids, padded_mask)
            worst = max(worst, (alone - padded).abs().max().item())
    return worst


def model_check(model, tok, cfg):
    """Expected logits per CHECK_TEXTS case (batch of 1, no padding) for the Java tests."""
    cases = []
    with torch.no_grad():
        for text in CHECK_TEXTS:
            ids = torch.tensor([tok.encode(text)], dtype=torch.int64)
            logits = model(ids, torch.ones_like(ids))[0]
            probs = torch.softmax(logits, dim=-1)
            cases.append({"text": text, "ids": ids[0].tolist(),
                          "logits": [round(v, 6) for v in logits.tolist()],
                          "probabilities": [round(v, 6) for v in probs.tolist()],
                          "label": cfg["id2label"][str(int(logits.argmax()))]})
    return {"tth_model_id": cfg["tth_model_id"], "tth_model_version": cfg["tth_model_version"],
            "id2label": cfg["id2label"], "tolerance": 1e-4, "cases": cases}


def save_model_dir(out_dir, model, cfg, vocab_tokens, traced=None):
    """Write model.pt, config.json, tokenizer.json, tokenizer-check.json, model-check.json.

    Re-loads model.pt and checks it against the eager model on several shapes.
    Returns the max abs logit difference (traced vs eager).
    """
    os.makedirs(out_dir, exist_ok=True)
    model.eval()
    if traced is None:
        traced = trace_model(model)
    pt_path = os.path.join(out_dir, "model.pt")
    torch.jit.save(traced, pt_path)
    loaded = torch.jit.load(pt_path)
    diff = max_diff_on_shapes(model, loaded, vocab_size=cfg["vocab_size"])
    tok = WordPieceTokenizer(vocab_tokens)
    _write_json(os.path.join(out_dir, "config.json"), cfg)
    # compact: the 30522-entry vocab would double in size with indentation
    _write_json(os.path.join(out_dir, "tokenizer.json"), tokenizer_json(vocab_tokens), indent=None)
    _write_json(os.path.join(out_dir, "tokenizer-check.json"), tokenizer_check(tok))
    _write_json(os.path.join(out_dir, "model-check.json"), model_check(loaded, tok, cfg))
    return diff


def load_model_dir(model_dir):
    """(config dict, TorchScript module) of a model directory."""
    with open(os.path.join(model_dir, "config.json"), encoding="utf-8") as f:
        cfg = json.load(f)
    return cfg, torch.jit.load(os.path.join(model_dir, "model.pt"))


def eager_from_dir(model_dir):
    """Rebuild the eager module from config.json + the traced module's parameters.

    Tracing keeps the module hierarchy, so the TorchScript state dict has the
    same (HF) names as the eager model.
    """
    cfg, scripted = load_model_dir(model_dir)
    model = BertForSequenceClassification(cfg)
    model.load_state_dict(scripted.state_dict())
    return cfg, model.eval()


def file_sizes(out_dir):
    return {name: os.path.getsize(os.path.join(out_dir, name)) for name in sorted(os.listdir(out_dir))}


# --------------------------------------------------------------------------
# Minimal safetensors reader/writer (format: u64 LE header length, JSON header
# {name: {dtype, shape, data_offsets}}, then raw little-endian tensor bytes).
# Written here because the safetensors package is not installable.
# --------------------------------------------------------------------------

_ST_DTYPES = {"F64": torch.float64, "F32": torch.float32, "F16": torch.float16, "BF16": torch.bfloat16,
              "I64": torch.int64, "I32": torch.int32, "I16": torch.int16, "I8": torch.int8,
              "U8": torch.uint8, "BOOL": torch.bool}


def read_safetensors(path):
    with open(path, "rb") as f:
        data = f.read()
    n = int.from_bytes(data[:8], "little")
    header = json.loads(data[8:8 + n].decode("utf-8"))
    base = 8 + n
    tensors = {}
    for name, info in header.items():
        if name == "__metadata__":
            continue
        begin, end = info["data_offsets"]
        dtype = _ST_DTYPES[info["dtype"]]
        raw = bytearray(data[base + begin: base + end])  # copy: frombuffer needs a writable buffer
        t = torch.frombuffer(raw, dtype=dtype) if raw else torch.empty(0, dtype=dtype)
        tensors[name] = t.reshape(info["shape"]).clone()
    return tensors


def write_safetensors(path, tensors):
    inverse = {v: k for k, v in _ST_DTYPES.items()}
    header, blobs, offset = {}, [], 0
    for name in sorted(tensors):
        t = tensors[name].detach().contiguous().cpu()
        raw = t.numpy().tobytes() if t.dtype != torch.bfloat16 else t.view(torch.int16).numpy().tobytes()
        header[name] = {"dtype": inverse[t.dtype], "shape": list(t.shape), "data_offsets": [offset, offset + len(raw)]}
        blobs.append(raw)
        offset += len(raw)
    head = json.dumps(header, separators=(",", ":")).encode("utf-8")
    head += b" " * (-len(head) % 8)  # align tensor data to 8 bytes
    with open(path, "wb") as f:
        f.write(len(head).to_bytes(8, "little"))
        f.write(head)
        for raw in blobs:
            f.write(raw)


def tokenizer_vocab(tokenizer_json_path):
    """Token list (index == id) from a tokenizer.json written by tokenizer_json()."""
    with open(tokenizer_json_path, encoding="utf-8") as f:
        vocab = json.load(f)["model"]["vocab"]
    tokens = [None] * len(vocab)
    for token, i in vocab.items():
        tokens[i] = token
    if any(t is None for t in tokens):
        raise ValueError("vocab ids are not contiguous in " + tokenizer_json_path)
    return tokens
