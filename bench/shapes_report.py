"""What one engine pass costs by shape (bench/sentiment-bench.sh, BENCH_PARTS=shapes):

  /usr/bin/python3 bench/shapes_report.py bench/out/jvm-shapes.json bench/results/sentiment-shapes-DATE.md

Per width, a least-squares line through the median pass times against padded tokens (texts x width): its
intercept is the fixed cost of a pass, its slope the cost per padded token; their ratio, in padded tokens, is what
sentiment.engine.pass-overhead-tokens should be for this model on this machine.
"""

import json
import sys
from datetime import datetime, timezone

from serving_report import lscpu


def fit(points):
    n = len(points)
    mx = sum(x for x, _ in points) / n
    my = sum(y for _, y in points) / n
    slope = sum((x - mx) * (y - my) for x, y in points) / sum((x - mx) ** 2 for x, _ in points)
    return my - slope * mx, slope


def main():
    src, out = sys.argv[1], sys.argv[2]
    report = json.load(open(src, encoding="utf-8"))
    rows = report["shapes"]
    info = lscpu()
    widths = sorted({r["width"] for r in rows})
    sizes = sorted({r["texts"] for r in rows})
    lines = ["# Sentiment: what one engine pass costs by shape (%s)" % report["model"], "",
             "- %s; CPU: %s, %s core(s)" % (datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
                                           info.get("Model name", "?"), info.get("CPU(s)", "?")),
             "- Flags: `%s`" % info.get("Flags", "?"),
             "- Model `%s`, one predictor, 1 libtorch thread (one engine worker); real headlines of width-7 to width "
             "tokens; median of 15 passes after 3 untimed" % report["model_dir"], "",
             "| texts \\\\ width | " + " | ".join(str(w) for w in widths) + " |",
             "| ---: | " + " | ".join("---:" for _ in widths) + " |"]
    ms = {(r["texts"], r["width"]): r["median_ms"] for r in rows}
    for t in sizes:
        lines.append("| %d | " % t + " | ".join("%.2f" % ms[(t, w)] if (t, w) in ms else "-" for w in widths) + " |")
    lines += ["", "Line through each width's points, pass ms = fixed + per token x padded tokens:", "",
              "| width | fixed ms per pass | ms per padded token | fixed cost in padded tokens |",
              "| ---: | ---: | ---: | ---: |"]
    ratios = []
    for w in widths:
        pts = [(t * w, ms[(t, w)]) for t in sizes if (t, w) in ms]
        if len(pts) < 2:
            continue
        a, b = fit(pts)
        ratios.append(a / b)
        lines.append("| %d | %.2f | %.4f | %.0f |" % (w, a, b, a / b))
    lines += ["", "Mean fixed cost: %.0f padded tokens per pass (sentiment.engine.pass-overhead-tokens)." % (
        sum(ratios) / len(ratios)), ""]
    with open(out, "a", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
