#!/usr/bin/env python3
"""Runs the extraction scorer (../shared/eval/score.py) on every dev set and prints one table.

usage: scripts/eval.py [--tkg build/tkg] [--shared ../shared] [--sets seed,polnear-dev,timex-tbaq]
                       [--check]

Finds ../shared beside the source tree (or $TKG_SHARED); when it is absent, says so and exits 0.
With --check, exits 1 when a set falls below the bars the project has committed to.
"""
import argparse
import os
import re
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)

SETS = {
    "seed": "seed.jsonl",
    "polnear-dev": "polnear-dev.jsonl",
    "timex-tbaq": "timex-tbaq.jsonl",
}
COLUMNS = ["attribution_f1", "content_f1", "who_what_when_f1", "date_acc", "reported_by_f1",
           "cybersecurity_f1", "article_meta_acc", "timex_relaxed_f1", "timex_strict_f1",
           "timex_value_f1", "timex_type_f1"]
# Bars of the issues, checked with --check.
BARS = {
    "seed": {"attribution_f1": 0.9, "who_what_when_f1": 0.9, "cybersecurity_f1": 0.9,
             "reported_by_f1": 1.0, "article_meta_acc": 1.0},
    "polnear-dev": {"attribution_f1": 0.38},
    "timex-tbaq": {"timex_value_f1": 0.59},
}
# Published results on TempEval-3's test set (task A), for scale.
REFERENCE = [("HeidelTime (TempEval-3 test)", {"timex_relaxed_f1": 0.9030, "timex_strict_f1": 0.8134,
                                               "timex_value_f1": 0.7761}),
             ("SUTime (TempEval-3 test)", {"timex_relaxed_f1": 0.9032, "timex_strict_f1": 0.7957,
                                           "timex_value_f1": 0.6738})]


def run_set(score, gold, tkg):
    cmd = [sys.executable, score, "--gold", gold, "--extract", "%s extract --json {path}" % tkg]
    proc = subprocess.run(cmd, capture_output=True, text=True)
    metrics = {}
    for line in proc.stdout.splitlines():
        m = re.match(r"^\s+(\w+)\s+([0-9.]+)$", line)
        if m:
            metrics[m.group(1)] = float(m.group(2))
    failed = re.search(r"articles failed (\d+)", proc.stdout)
    return metrics, int(failed.group(1)) if failed else -1


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--tkg", default=os.path.join(ROOT, "build", "tkg"))
    ap.add_argument("--shared", default=os.environ.get("TKG_SHARED", os.path.join(os.path.dirname(ROOT), "shared")))
    ap.add_argument("--sets", default=",".join(SETS))
    ap.add_argument("--check", action="store_true")
    args = ap.parse_args()

    score = os.path.join(args.shared, "eval", "score.py")
    if not os.path.exists(score):
        print("eval: %s not found; nothing to measure (skipped)" % score)
        return 0
    if not os.access(args.tkg, os.X_OK):
        print("eval: %s is not built (run scripts/build.sh)" % args.tkg, file=sys.stderr)
        return 2

    rows, ok = [], True
    for name in args.sets.split(","):
        gold = os.path.join(args.shared, "eval", "gold", SETS[name])
        metrics, failed = run_set(score, gold, args.tkg)
        rows.append((name, metrics, failed))
        for metric, bar in BARS.get(name, {}).items():
            if args.check and metrics.get(metric, 0.0) + 1e-9 < bar:
                print("eval: %s %s = %.3f is below %.2f" % (name, metric, metrics.get(metric, 0.0), bar))
                ok = False
    cols = [c for c in COLUMNS if any(c in m for _, m, _ in rows)]
    short = {c: c.replace("_f1", "").replace("timex_", "tx_").replace("attribution", "attrib")
             .replace("who_what_when", "www").replace("cybersecurity", "cyber")
             .replace("article_meta_acc", "meta").replace("reported_by", "rep_by") for c in cols}
    print("%-30s %s" % ("set", " ".join("%9s" % short[c] for c in cols)))
    references = [(n, m, 0) for n, m in REFERENCE if any("timex_value_f1" in r[1] for r in rows)]
    for name, metrics, failed in rows + references:
        cells = " ".join("%9s" % ("%.3f" % metrics[c] if c in metrics else "-") for c in cols)
        print("%-30s %s%s" % (name, cells, "  (%d articles failed)" % failed if failed > 0 else ""))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
