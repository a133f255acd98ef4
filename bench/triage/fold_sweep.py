#!/usr/bin/env python3
"""Chooses a numeric setting of triage by cross-validation on the folds of
the development part of triage-dev, never on the part kept aside.

    bench/triage/fold_sweep.py FILE[SECTION]:KEY=V1,V2,... [--measure flags|tone] [--bench PATH]

    fold_sweep.py 'topics.toml[tone]:margin=1.0,1.5,2.0,2.5' --measure tone
    fold_sweep.py 'response.toml:threshold=2.0,2.5,3.0' --measure flags

For each value the setting is written into a copy of the built-in
configuration (config/defaults) and bench_triage runs on the development
part (--development-only). Then, for each fold K in turn, the value that
does best on the three other folds is chosen and scored on fold K: the sum
of those four held-out scores is what the setting would do on text it was
not chosen from, and it is printed next to the current value's. "flags"
counts flag errors (false flags + missed, fewer is better), "tone" the
items whose tone is right.
"""
import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, HERE)
from fold_compare import flag_rows  # noqa: E402

FOLDS = "1234"


def set_key(text, section, key, value):
    """Sets KEY in SECTION ("" for the top level) of a TOML text, line-wise."""
    out, current, done = [], "", False
    for line in text.splitlines(keepends=True):
        head = re.match(r"^\s*\[+([^\]]+)\]+\s*$", line)
        if head:
            current = head.group(1).strip()
        elif current == section and not done and re.match(rf"^\s*{re.escape(key)}\s*=", line):
            line = f"{key} = {value}\n"
            done = True
        out.append(line)
    if not done:
        sys.exit(f"fold_sweep: no key {key} in [{section or 'top level'}]")
    return "".join(out)


def score(rows, fold, measure):
    r = rows[f"development fold {fold}"]
    return -(r["fp"] + r["fn"]) if measure == "flags" else r["tone_ok"]


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("setting", help="FILE[SECTION]:KEY=V1,V2,...")
    ap.add_argument("--measure", choices=["flags", "tone"], default="flags")
    ap.add_argument("--bench", default=os.path.join(ROOT, "build", "bench", "triage", "bench_triage"))
    ap.add_argument("--config", default=os.path.join(ROOT, "config", "defaults"),
                    help="the configuration the setting is changed in (default: config/defaults)")
    args = ap.parse_args()
    m = re.match(r"^([\w.]+)(?:\[([^\]]*)\])?:(\w+)=(.+)$", args.setting)
    if not m:
        sys.exit("fold_sweep: give the setting as FILE[SECTION]:KEY=V1,V2,... e.g. 'topics.toml[tone]:margin=1,1.5'")
    file, section, key, values = m.group(1), m.group(2) or "", m.group(3), m.group(4).split(",")
    source = os.path.join(args.config, file)
    if not os.path.exists(source):
        sys.exit(f"fold_sweep: {source} does not exist")
    original = open(source, encoding="utf-8").read()
    results = {}
    with tempfile.TemporaryDirectory() as tmp:
        for name in os.listdir(args.config):
            if name.endswith(".toml"):
                shutil.copy(os.path.join(args.config, name), tmp)
        env = dict(os.environ, PRESSWATCH_CONFIG=tmp)
        for v in values:
            with open(os.path.join(tmp, file), "w", encoding="utf-8") as f:
                f.write(set_key(original, section, key, v))
            out = subprocess.run([args.bench, "--real-only", "--development-only"], env=env, capture_output=True,
                                 text=True)
            if out.returncode != 0:
                sys.exit(f"fold_sweep: bench failed for {key} = {v}: {out.stderr.strip()}")
            results[v] = flag_rows(out.stdout)
    unit = "flag errors (fp+fn)" if args.measure == "flags" else "tone right"
    print(f"{file} [{section or 'top level'}] {key}: {unit} per fold 1/2/3/4, development part only")
    for v in values:
        per = [abs(score(results[v], k, args.measure)) for k in FOLDS]
        print(f"  {key} = {v:<6} {' / '.join(str(x) for x in per)}  (sum {sum(per)})")
    held = []
    for k in FOLDS:
        best = max(values, key=lambda v: sum(score(results[v], j, args.measure) for j in FOLDS if j != k))
        held.append((k, best, abs(score(results[best], k, args.measure))))
    print("cross-validated: value chosen on the three other folds, scored on the fold left out")
    for k, best, s in held:
        print(f"  fold {k}: {key} = {best}, {unit} {s}")
    print(f"  held-out total {sum(s for _, _, s in held)}")


if __name__ == "__main__":
    main()
