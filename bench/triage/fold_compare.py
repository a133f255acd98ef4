#!/usr/bin/env python3
"""Cross-validation of a rule change on the development part of triage-dev.

    bench/triage/fold_compare.py --written-from 123|none --candidate DIR [--base DIR] [--bench PATH]

A rule is written looking only at the errors of some folds of the
development part (`bench_triage --real-only --development-only --errors
--folds 123`); this script runs bench_triage twice, with the base
configuration (the built-in one, or --base DIR) and with the candidate
(--candidate DIR: a folder holding the changed response.toml, topics.toml,
...; PRESSWATCH_CONFIG replaces the built-in files one by one), and prints
each fold before and after. The folds the change was not written from are
its test: the change is kept only when, on those folds together, it makes
fewer flag errors (false flags + missed) or as many and a better tone, and
never more.

Only the development part is ever run (--development-only): the part kept
aside is measured once, at the end, with the full bench.
"""
import argparse
import os
import re
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))

# "  development fold 1       50    0.88    1.00     14/14    2        0.93        0.86   0.80   ..."
FLAG_LINE = re.compile(r"^\s+(development(?: fold \d)?|random, development)\s+(\d+)\s+([\d.]+)\s+([\d.]+)\s+(\d+)/(\d+)"
                       r"\s+(\d+)\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)")


def run(bench, config_dir, extra):
    env = dict(os.environ)
    env.pop("PRESSWATCH_CONFIG", None)
    if config_dir:
        env["PRESSWATCH_CONFIG"] = config_dir
    out = subprocess.run([bench] + extra, env=env, capture_output=True, text=True)
    if out.returncode != 0:
        sys.exit(f"fold_compare: {bench} failed ({out.returncode}): {out.stderr.strip()}")
    return out.stdout


def flag_rows(text):
    rows = {}
    for line in text.splitlines():
        m = FLAG_LINE.match(line)
        if not m:
            continue
        name = m.group(1)
        tp, pos, fp, n = int(m.group(5)), int(m.group(6)), int(m.group(7)), int(m.group(2))
        rows[name] = {"n": n, "tp": tp, "pos": pos, "fp": fp, "fn": pos - tp,
                      "tone_ok": round(float(m.group(10)) * n)}
    # The bench prints tone with two decimals: exact for a fold of 50, not
    # for 200 items; the development part's count is its folds' sum.
    folds = [rows.get(f"development fold {k}") for k in "1234"]
    if "development" in rows and all(folds):
        rows["development"]["tone_ok"] = sum(f["tone_ok"] for f in folds)
    return rows


def describe(r):
    p = r["tp"] / (r["tp"] + r["fp"]) if r["tp"] + r["fp"] else 0.0
    rec = r["tp"] / r["pos"] if r["pos"] else 0.0
    return f"P {p:.2f} R {rec:.2f} ({r['tp']}/{r['pos']}, fp {r['fp']}) tone {r['tone_ok']}/{r['n']}"


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--candidate", required=True, help="folder with the changed configuration files")
    ap.add_argument("--base", default="", help="folder with the base configuration (default: built-in)")
    ap.add_argument("--written-from", required=True,
                    help="the folds (1-4) whose errors the change was written from, e.g. 123; none: from none")
    ap.add_argument("--bench", default=os.path.join(ROOT, "build", "bench", "triage", "bench_triage"))
    args = ap.parse_args()
    # "none": written from the guideline's kinds of problem, not from any
    # fold's errors; every fold checks it.
    seen = set() if args.written_from == "none" else set(args.written_from)
    if args.written_from != "none" and (not seen or not seen <= set("1234")):
        sys.exit("fold_compare: --written-from takes fold numbers 1 to 4 (e.g. 123), or none")
    held = [k for k in "1234" if k not in seen]
    if not held:
        sys.exit("fold_compare: written from every fold, nothing left to check it on")
    if not os.path.isdir(args.candidate):
        sys.exit(f"fold_compare: {args.candidate} is not a folder")
    extra = ["--real-only", "--development-only"]
    before = flag_rows(run(args.bench, args.base, extra))
    after = flag_rows(run(args.bench, args.candidate, extra))
    if "development" not in before:
        sys.exit("fold_compare: no development figures (is ../shared/data/triage-dev present?)")
    print(f"problem stage and tone, written from folds {','.join(sorted(seen)) or 'none'}, checked on {','.join(held)}")
    for name in ["development", "random, development"] + [f"development fold {k}" for k in "1234"]:
        tag = ""
        if name.startswith("development fold"):
            tag = "  (written from)" if name[-1] in seen else "  (CHECK)"
        print(f"  {name:<21} {describe(before[name])}  ->  {describe(after[name])}{tag}")
    errs = lambda rows: sum(rows[f"development fold {k}"]["fp"] + rows[f"development fold {k}"]["fn"] for k in held)
    tone = lambda rows: sum(rows[f"development fold {k}"]["tone_ok"] for k in held)
    e0, e1, t0, t1 = errs(before), errs(after), tone(before), tone(after)
    print(f"held-out folds: flag errors {e0} -> {e1}, tone right {t0} -> {t1}")
    if e1 < e0 or (e1 == e0 and t1 > t0):
        verdict = "helps on the folds it was not written from: keep"
    elif e1 == e0 and t1 == t0:
        verdict = "no effect on the folds it was not written from: keep only if it is the guideline's general vocabulary"
    else:
        verdict = "hurts on the folds it was not written from: drop"
    print(verdict)


if __name__ == "__main__":
    main()
