#!/usr/bin/env python3
"""How much of the rules' score on the development part of triage-dev is
memorised: an estimate by leaving each fold's own phrases out.

    bench/triage/fold_support.py [--config DIR] [--bench PATH] [--list] [--set FILE[SECTION]:KEY=VALUE ...]

The rules were written looking at every fold of the development part, so
their figures there are in-sample. A phrase that occurs in the texts of one
fold only (and of no other development fold) could only have been learnt
from that fold. For each fold K this script removes, from a copy of the
configuration, the phrases of response.toml's signals and of topics.toml's
tone lexicon that occur in the development part in fold K alone, runs
bench_triage on the development part (--development-only), and keeps fold
K's figures. The four folds together estimate what the rules would do on
text they were not written from. It is an estimate in both directions: a
phrase of the press at large that happens to occur in one fold is removed
too (pessimistic), and a phrase learnt from two folds stays (optimistic).
--set changes a numeric setting first (as fold_sweep.py does), so a
setting can be chosen on the estimate rather than on the in-sample figures.
Occurrence is a plain search (lower case, NFC, whole words) of the headline,
lead and body; the part kept aside is never read.
"""
import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import tomllib
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, HERE)
from fold_compare import describe, flag_rows  # noqa: E402
from fold_sweep import set_key  # noqa: E402

ASIDE_EVERY = 5
DATA = os.path.join(ROOT, "..", "shared", "data", "triage-dev", "flags.jsonl")


def words(s):
    return " " + re.sub(r"[^\w]+", " ", unicodedata.normalize("NFC", s).lower()) + " "


def development_texts():
    texts = {}
    with open(DATA, encoding="utf-8") as f:
        for i, line in enumerate(f):
            if i % ASIDE_EVERY == 0:
                continue  # kept aside: never read
            r = json.loads(line)
            texts[i] = words(" . ".join([r.get("title", ""), r.get("lead", ""), r.get("body", "")]))
    return texts


def phrases_of(config_dir):
    with open(os.path.join(config_dir, "response.toml"), "rb") as f:
        response = tomllib.load(f)
    with open(os.path.join(config_dir, "topics.toml"), "rb") as f:
        topics = tomllib.load(f)
    out = set()
    for s in response.get("signal", []):
        out.update(s.get("phrases", []))
    tone = topics.get("tone", {})
    out.update(tone.get("positive", {}).keys())
    out.update(tone.get("negative", {}).keys())
    return out


def remove_phrases(text, phrases):
    """Removes the phrases from `phrases = [...]` arrays and tone tables."""
    out = []
    for line in text.splitlines(keepends=True):
        if line.startswith("phrases = ["):
            for p in phrases:
                line = line.replace(f'"{p}", ', "").replace(f', "{p}"', "").replace(f'"{p}"', "")
        elif line.startswith(("positive = {", "negative = {")):
            for p in phrases:
                line = re.sub(rf'"{re.escape(p)}" = [\d.]+(, )?', "", line)
            line = line.replace(", }", " }")
        out.append(line)
    return "".join(out)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--config", default=os.path.join(ROOT, "config", "defaults"))
    ap.add_argument("--bench", default=os.path.join(ROOT, "build", "bench", "triage", "bench_triage"))
    ap.add_argument("--list", action="store_true", help="print each fold's own phrases")
    ap.add_argument("--set", action="append", default=[], help="FILE[SECTION]:KEY=VALUE, e.g. response.toml:threshold=2")
    args = ap.parse_args()
    changed = {}  # file -> its text with the settings changed
    for setting in args.set:
        m = re.match(r"^([\w.]+)(?:\[([^\]]*)\])?:(\w+)=(.+)$", setting)
        if not m:
            sys.exit(f"fold_support: give --set as FILE[SECTION]:KEY=VALUE, not {setting}")
        file = m.group(1)
        if file not in changed:
            with open(os.path.join(args.config, file), encoding="utf-8") as f:
                changed[file] = f.read()
        changed[file] = set_key(changed[file], m.group(2) or "", m.group(3), m.group(4))
    if changed:
        tmp_config = tempfile.mkdtemp()
        for name in os.listdir(args.config):
            if name.endswith(".toml"):
                shutil.copy(os.path.join(args.config, name), tmp_config)
        for file, text in changed.items():
            with open(os.path.join(tmp_config, file), "w", encoding="utf-8") as f:
                f.write(text)
        args.config = tmp_config
    if not os.path.exists(DATA):
        print(f"fold_support: skipped ({DATA} absent)")
        return
    texts = development_texts()
    folds_of = {}
    for p in phrases_of(args.config):
        w = words(p)
        folds_of[p] = {i % ASIDE_EVERY for i, t in texts.items() if w in t}
    full = flag_rows(subprocess.run([args.bench, "--real-only", "--development-only"], capture_output=True, text=True,
                                    env=dict(os.environ, PRESSWATCH_CONFIG=args.config)).stdout)
    print("leave each fold's own phrases out (development part only); in-sample -> estimate")
    total = {"in": [0, 0, 0, 0, 0], "out": [0, 0, 0, 0, 0]}  # tp, pos, fp, tone_ok, n
    for k in range(1, ASIDE_EVERY):
        own = sorted(p for p, f in folds_of.items() if f == {k})
        with tempfile.TemporaryDirectory() as tmp:
            for name in os.listdir(args.config):
                if name.endswith(".toml"):
                    shutil.copy(os.path.join(args.config, name), tmp)
            for name in ("response.toml", "topics.toml"):
                with open(os.path.join(args.config, name), encoding="utf-8") as f:
                    text = f.read()
                with open(os.path.join(tmp, name), "w", encoding="utf-8") as f:
                    f.write(remove_phrases(text, own))
            out = subprocess.run([args.bench, "--real-only", "--development-only"], capture_output=True, text=True,
                                 env=dict(os.environ, PRESSWATCH_CONFIG=tmp))
            if out.returncode != 0:
                sys.exit(f"fold_support: bench failed without fold {k}'s phrases: {out.stderr.strip()}")
            rows = flag_rows(out.stdout)
        name = f"development fold {k}"
        print(f"  fold {k}: {len(own):>3} phrases of its own; {describe(full[name])}  ->  {describe(rows[name])}")
        if args.list:
            print("    " + ", ".join(own))
        for key, r in (("in", full[name]), ("out", rows[name])):
            for j, v in enumerate((r["tp"], r["pos"], r["fp"], r["tone_ok"], r["n"])):
                total[key][j] += v
    for key, label in (("in", "in-sample"), ("out", "estimate")):
        tp, pos, fp, tone_ok, n = total[key]
        print(f"  all folds, {label}: P {tp / max(tp + fp, 1):.2f} R {tp / max(pos, 1):.2f} ({tp}/{pos}, fp {fp}) "
              f"tone {tone_ok / max(n, 1):.2f}")


if __name__ == "__main__":
    main()
