#!/usr/bin/env python3
"""The statistical side of the method comparison in docs/triage.md: a linear text classifier for "reports a problem
an agency must answer", trained and measured on ../shared/data/triage-dev/flags.jsonl with the same split as
score_triage.py and bench_triage (lines 0, 5, 10, ... kept aside).

Usage: compare_classifier.py [DATA_DIR] [--model lr|nb] [--folds 5] [--seed 1] [--aside]

Models: `lr` (default) is an L2-regularised logistic regression over word unigrams and bigrams (lower-cased syllables, the headline's and
the lead's words also as features of their own), fitted by batch gradient descent; `nb` is naive Bayes over the same features (feature presence, Laplace smoothing). Pure Python: no package the
project does not already need. Prints 5-fold cross-validation on the development part (threshold 0.5 and the
threshold that maximises F1 inside the training folds), then the model trained on the whole development part scored
on the kept-aside part and on the random selection of the aside part, and the heaviest features (what it learnt).
Deterministic: the folds are drawn with a fixed seed."""
import json, math, os, random, re, sys, unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
WORD = re.compile(r'\w+', re.UNICODE)


def words(text):
    return [w.lower() for w in WORD.findall(unicodedata.normalize('NFC', text or '')) if not w.isdigit()]


def features(r):
    f = set()
    for prefix, text in (('', r['title'] + '\n' + r['lead'] + '\n' + r['body']), ('H:', r['title'] + ' ' + r['lead'])):
        w = words(text)
        f.update(prefix + x for x in w)
        f.update(prefix + a + '_' + b for a, b in zip(w, w[1:]))
    return f


def train(rows, epochs=150, rate=20.0, l2=1e-3):
    vocab = {}
    for x, _ in rows:
        for t in x: vocab.setdefault(t, len(vocab))
    w = [0.0] * len(vocab); b = 0.0
    xs = [[vocab[t] for t in x] for x, _ in rows]; ys = [1.0 if y else 0.0 for _, y in rows]
    n = len(rows)
    for _ in range(epochs):
        grad = {}; gb = 0.0
        for idx, y in zip(xs, ys):
            z = b + sum(w[i] for i in idx) / math.sqrt(len(idx) or 1)
            p = 1 / (1 + math.exp(-max(-30, min(30, z))))
            e = p - y; gb += e
            for i in idx: grad[i] = grad.get(i, 0.0) + e / math.sqrt(len(idx) or 1)
        for i in range(len(w)): w[i] -= rate * (grad.get(i, 0.0) / n + l2 * w[i])
        b -= rate * gb / n
    return vocab, w, b


def train_nb(rows, alpha=1.0):
    """Bernoulli-style naive Bayes over feature presence: log-odds per feature, as a linear model."""
    n_pos = sum(1 for _, y in rows if y); n_neg = len(rows) - n_pos
    df = {}
    for x, y in rows:
        for t in x:
            c = df.setdefault(t, [0, 0]); c[0 if y else 1] += 1
    vocab = {t: i for i, t in enumerate(df)}
    w = [0.0] * len(vocab)
    for t, (p, q) in df.items():
        w[vocab[t]] = math.log((p + alpha) / (n_pos + 2 * alpha)) - math.log((q + alpha) / (n_neg + 2 * alpha))
    return vocab, w, math.log((n_pos + 1) / (n_neg + 1)), 'nb'


def prob(model, x):
    if len(model) == 4:  # naive Bayes: the sum of log-odds (unscaled), squashed
        vocab, w, b, _ = model
        z = b + sum(w[vocab[t]] for t in x if t in vocab) / 25
        return 1 / (1 + math.exp(-max(-30, min(30, z))))
    vocab, w, b = model
    idx = [vocab[t] for t in x if t in vocab]
    z = b + sum(w[i] for i in idx) / math.sqrt(len(x) or 1)
    return 1 / (1 + math.exp(-max(-30, min(30, z))))


def pr(pairs):
    tp = sum(1 for y, g in pairs if y and g); fp = sum(1 for y, g in pairs if g and not y)
    fn = sum(1 for y, g in pairs if y and not g)
    p = tp / (tp + fp) if tp + fp else 0.0; r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, tp, fp, fn


def fmt(pairs):
    p, r, tp, fp, fn = pr(pairs)
    return f'precision {p:.2f} recall {r:.2f} (tp {tp} fp {fp} fn {fn})'


def best_threshold(scored):
    best = (0.5, -1)
    for t in [i / 100 for i in range(5, 96, 5)]:
        p, r, *_ = pr([(y, s >= t) for y, s in scored])
        f = 2 * p * r / (p + r) if p + r else 0
        if f > best[1]: best = (t, f)
    return best[0]


def main():
    args = sys.argv[1:]
    global train
    if '--model' in args and args[args.index('--model') + 1] == 'nb': train = train_nb
    folds = int(args[args.index('--folds') + 1]) if '--folds' in args else 5
    seed = int(args[args.index('--seed') + 1]) if '--seed' in args else 1
    pos = [a for a in args if not a.startswith('--') and not a.isdigit() and a not in ('nb', 'lr')]
    data = pos[0] if pos else os.path.join(HERE, '..', '..', '..', 'shared', 'data', 'triage-dev')
    path = os.path.join(data, 'flags.jsonl')
    if not os.path.exists(path):
        print(f'compare_classifier: skipped ({path} absent)'); return 0
    rows = [json.loads(l) for l in open(path, encoding='utf-8')]
    dev = [(i, r) for i, r in enumerate(rows) if i % 5]
    aside = [(i, r) for i, r in enumerate(rows) if i % 5 == 0]
    order = list(range(len(dev))); random.Random(seed).shuffle(order)
    cv05, cvbest = [], []
    for k in range(folds):
        test = set(order[k::folds])
        tr = [(features(r), r['needs_response']) for j, (_, r) in enumerate(dev) if j not in test]
        model = train(tr)
        # the threshold is chosen inside the training folds (their own scores would be overfitted: use an inner split)
        inner = [x for j, x in enumerate(tr) if j % 4]
        inner_model = train(inner)
        t = best_threshold([(y, prob(inner_model, x)) for j, (x, y) in enumerate(tr) if j % 4 == 0])
        for j, (_, r) in enumerate(dev):
            if j in test:
                s = prob(model, features(r))
                cv05.append((r['needs_response'], s >= 0.5)); cvbest.append((r['needs_response'], s >= t))
    print(f'{"naive Bayes" if train is train_nb else "logistic regression"}, {folds}-fold cross-validation on the development part ({len(dev)}):')
    print(f'  threshold 0.5:                  {fmt(cv05)}')
    print(f'  threshold chosen in the folds:  {fmt(cvbest)}')
    if '--aside' not in args:
        print('(give --aside to score the kept-aside part: do that last, once the model is chosen)'); return 0
    tr = [(features(r), r['needs_response']) for _, r in dev]
    model = train(tr)
    inner = train([x for j, x in enumerate(tr) if j % 4])
    t = best_threshold([(y, prob(inner, x)) for j, (x, y) in enumerate(tr) if j % 4 == 0])
    for name, thr in (('0.5', 0.5), (f'{t:.2f} (chosen on the development part)', t)):
        got = [(r['needs_response'], prob(model, features(r)) >= thr, r['selection']) for _, r in aside]
        print(f'trained on the development part, kept-aside part ({len(aside)}), threshold {name}:')
        print(f'  all:    {fmt([(y, g) for y, g, _ in got])}')
        print(f'  random: {fmt([(y, g) for y, g, s in got if s == "random"])}')
    vocab, w, b = model[:3]
    inv = {i: t for t, i in vocab.items()}
    top = sorted(range(len(w)), key=lambda i: -w[i])[:15]
    print('heaviest features towards "needs an answer": ' + ', '.join(f'{inv[i]} {w[i]:.2f}' for i in top))
    return 0


sys.exit(main())
