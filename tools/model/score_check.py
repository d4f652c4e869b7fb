"""Accuracy and macro-F1 of a labelled sentence file, scored through a running sentiment-service's /score.

This is how a user (and the issue's hidden set) measures the model: the JVM path, its tokenizer, its truncation,
its bfloat16 or float32 mode, whatever the service runs. Needs only the standard library.

File: one row per line, ``label<TAB>text``, label ``positive``, ``negative`` or ``neutral`` (``#`` lines skipped),
e.g. ``tools/model/data/news_check.tsv``.

  ./tth run                                   # or the sentiment service alone on its port
  /usr/bin/python3 tools/model/score_check.py tools/model/data/news_check.tsv [--url http://localhost:8082]

Prints one JSON object: the model the service named, accuracy, macro-F1, per-class precision/recall/F1 and the
confusion matrix (rows: true label, columns: predicted), and with --errors every wrongly scored row.
"""

import argparse
import json
import sys
import urllib.request

LABELS = ("positive", "negative", "neutral")


def read_rows(path):
    rows = []
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if not line.strip() or line.startswith("#"):
                continue
            label, sep, text = line.partition("\t")
            if not sep or label not in LABELS or not text.strip():
                sys.exit("%s:%d: expected 'label<TAB>text' with label one of %s" % (path, n, "/".join(LABELS)))
            rows.append((label, text))
    return rows


def score(url, texts, batch):
    """(model reference, predicted labels) for texts, posted in requests of at most batch texts."""
    model, labels = None, []
    for s in range(0, len(texts), batch):
        body = json.dumps({"texts": texts[s:s + batch]}).encode("utf-8")
        req = urllib.request.Request(url.rstrip("/") + "/score", data=body, method="POST",
                                     headers={"Content-Type": "application/json"})
        with urllib.request.urlopen(req, timeout=120) as resp:
            answer = json.load(resp)
        model = answer["model"]
        labels.extend(r["label"] for r in answer["results"])
    return model, labels


def metrics(truth, predicted):
    cm = {t: {p: 0 for p in LABELS} for t in LABELS}
    for t, p in zip(truth, predicted):
        cm[t][p] += 1
    per_class, f1s = {}, []
    for k in LABELS:
        tp = cm[k][k]
        predicted_k = sum(cm[t][k] for t in LABELS)
        actual = sum(cm[k].values())
        precision = tp / predicted_k if predicted_k else 0.0
        recall = tp / actual if actual else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        f1s.append(f1)
        per_class[k] = {"precision": round(precision, 4), "recall": round(recall, 4), "f1": round(f1, 4),
                        "support": actual}
    return {"rows": len(truth), "accuracy": round(sum(cm[k][k] for k in LABELS) / len(truth), 4),
            "macro_f1": round(sum(f1s) / len(LABELS), 4), "per_class": per_class,
            "confusion_matrix": {"labels": list(LABELS), "rows": "true label", "columns": "predicted label",
                                 "matrix": [[cm[t][p] for p in LABELS] for t in LABELS]}}


def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("file")
    p.add_argument("--url", default="http://localhost:8082", help="sentiment-service base URL")
    p.add_argument("--batch", type=int, default=32, help="texts per /score request")
    p.add_argument("--errors", action="store_true", help="also list every wrongly scored row")
    args = p.parse_args(argv)
    rows = read_rows(args.file)
    truth = [label for label, _ in rows]
    model, predicted = score(args.url, [text for _, text in rows], args.batch)
    report = {"file": args.file, "model": model}
    report.update(metrics(truth, predicted))
    if args.errors:
        report["errors"] = [{"label": t, "predicted": q, "text": text}
                            for (t, text), q in zip(rows, predicted) if t != q]
    json.dump(report, sys.stdout, indent=2, ensure_ascii=False)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
