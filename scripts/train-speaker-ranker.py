#!/usr/bin/env python3
"""Train copydesk's speaker ranker (docs/SPEAKER-RANKER.md).

Usage:
    scripts/train-speaker-ranker.py COPYDESK_BINARY [--train TRAIN.jsonl] [--out models/speaker-ranker.json]
                                    [--version N] [--jobs 2]
    scripts/train-speaker-ranker.py --generate-only [--out models/speaker-ranker.json]

1. Each training article's text goes to `copydesk debug speaker-candidates` on standard input,
   which prints every attributed quotation's candidate speakers with their features, computed by
   the Swift code that ranks them at run time.
2. Each quotation found is matched to a gold quotation the way ../shared/tools/eval_quotes.py
   matches them, and each candidate is labelled correct when that scorer (with --strict-pronouns)
   would accept its name as the gold speaker.
3. A pairwise logistic regression (scikit-learn) learns one weight per feature from the
   quotations that have a correct candidate and a wrong one; its strength C is chosen by
   cross-validation over the training articles (grouped by article), by how often the
   top-scored candidate is correct; scores within 0.001 of the best are a tie, which goes to the
   smallest C (the strongest regularisation).
4. The weights go to models/speaker-ranker.json (numbers and the project's feature names only, no
   text of the corpus) and Sources/ArticleAnalysis/SpeakerRankerWeights.swift is generated from it.

Only the training file is read: the dev file is for measuring (make eval-quotes).
"""
import argparse
import importlib.util
import json
import os
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
SHARED = os.environ.get("SHARED", os.path.join(ROOT, "..", "shared"))
CLASH = None  # the index of the genderClashes feature
TOLERANCE = 0.001  # cross-validated top-1 scores this close to the best are a tie
SWIFT_OUT = os.path.join(ROOT, "Sources", "ArticleAnalysis", "SpeakerRankerWeights.swift")


def load_scorer():
    path = os.path.join(SHARED, "tools", "eval_quotes.py")
    if not os.path.exists(path):
        sys.exit(f"error: no scorer at {path} (../shared is needed to train)")
    spec = importlib.util.spec_from_file_location("eval_quotes", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def dump(binary, text):
    run = subprocess.run([binary, "debug", "speaker-candidates"], input=text.encode("utf-8"),
                         capture_output=True, check=False)
    if run.returncode != 0:
        raise RuntimeError(run.stderr.decode(errors="replace")[:300])
    return json.loads(run.stdout)


def groups_for(article, dumped, scorer):
    """(features, labels) for each quotation matched to a gold quotation that has a speaker."""
    gold = [q for q in article["quotes"]]
    pairs = scorer.match_article(gold, dumped["quotes"])
    out = []
    for gi, pi, _ in pairs:
        g = gold[gi]
        if not (g.get("speaker") or g.get("speaker_resolved")):
            continue
        cands = dumped["quotes"][pi]["candidates"]
        labels = [1 if scorer.speaker_correct(c["name"], g, True) else 0 for c in cands]
        out.append(([c["features"] for c in cands], labels))
    return out


def top1(weights, groups):
    """How often the best-scored candidate is correct (ties go to the first, the rules' choice; as
    in SpeakerRanker.best, a candidate whose gender clashes with the pronoun is never chosen)."""
    import numpy as np
    right = 0
    for feats, labels in groups:
        scores = np.asarray(feats) @ weights
        best = 0
        for i in range(1, len(scores)):
            if feats[i][CLASH] == 0 and scores[i] > scores[best] + 1e-9:
                best = i
        right += labels[best]
    return right / max(1, len(groups))


def fit(groups, c):
    """Pairwise logistic regression: the difference of a quotation's first correct candidate's
    features and a wrong candidate's is a positive example, its opposite a negative one (no
    intercept), so that the weights rank the candidates of one quotation against each other."""
    import numpy as np
    from sklearn.linear_model import LogisticRegression
    x, y = [], []
    for feats, labels in groups:
        feats = np.asarray(feats, dtype=float)
        right = [i for i, label in enumerate(labels) if label and (i == 0 or feats[i][CLASH] == 0)]
        wrong = [i for i, label in enumerate(labels) if not label and (i == 0 or feats[i][CLASH] == 0)]
        for p in right[:1]:
            for n in wrong:
                x.append(feats[p] - feats[n])
                y.append(1)
                x.append(feats[n] - feats[p])
                y.append(0)
    model = LogisticRegression(C=c, fit_intercept=False, max_iter=5000)
    model.fit(np.asarray(x), np.asarray(y))
    return model.coef_[0]


def generate_swift(model):
    names, weights = model["features"], model["weights"]
    rows = "\n".join(f"        {w!r},  // {n}" for n, w in zip(names, weights))
    text = f"""// copydesk — ArticleAnalysis
// GENERATED by scripts/train-speaker-ranker.py from models/speaker-ranker.json: do not edit.
// `make train-speakers` retrains and regenerates it (docs/SPEAKER-RANKER.md).

/// The speaker ranker's weights, one per `SpeakerFeature` in its order.
enum SpeakerRankerWeights {{
    /// The model's version (models/speaker-ranker.json).
    static let version = {json.dumps(model["version"])}

    /// The features the weights were trained for, in order.
    static let features: [String] = [
{chr(10).join(f'        {json.dumps(n)},' for n in names)}
    ]

    static let weights: [Double] = [
{rows}
    ]
}}
"""
    with open(SWIFT_OUT, "w", encoding="utf-8") as out:
        out.write(text)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("binary", nargs="?")
    ap.add_argument("--train", default=os.path.join(SHARED, "corpus", "quotes", "train.jsonl"))
    ap.add_argument("--out", default=os.path.join(ROOT, "models", "speaker-ranker.json"))
    ap.add_argument("--version", default="1")
    ap.add_argument("--jobs", type=int, default=int(os.environ.get("JOBS", "2")))
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--generate-only", action="store_true",
                    help="regenerate the Swift source from the weights file and stop")
    args = ap.parse_args()

    if args.generate_only:
        with open(args.out, encoding="utf-8") as f:
            generate_swift(json.load(f))
        print(f"train-speakers: generated {os.path.relpath(SWIFT_OUT, ROOT)}")
        return
    if not args.binary:
        ap.error("give the copydesk binary")
    if not os.path.exists(args.train):
        sys.exit(f"error: no training file at {args.train}")

    import numpy as np
    from sklearn.model_selection import GroupKFold

    scorer = load_scorer()
    articles = [json.loads(line) for line in open(args.train, encoding="utf-8") if line.strip()]
    with ThreadPoolExecutor(max_workers=args.jobs) as pool:
        dumps = list(pool.map(lambda a: dump(args.binary, a["text"]), articles))
    names = dumps[0]["features"] if dumps else []
    global CLASH
    CLASH = names.index("genderClashes")
    groups, owners = [], []
    for index, (article, dumped) in enumerate(zip(articles, dumps)):
        if dumped["features"] != names:
            sys.exit("error: the binary printed different feature lists")
        for group in groups_for(article, dumped, scorer):
            groups.append(group)
            owners.append(index)
    rule = np.zeros(len(names))
    rule[names.index("rule")] = 1
    oracle = sum(1 for _, labels in groups if any(labels)) / max(1, len(groups))
    print(f"train-speakers: {len(articles)} articles, {len(groups)} attributed quotations matched, "
          f"{sum(len(g[1]) for g in groups)} candidates")
    print(f"train-speakers: rules' choice correct {top1(rule, groups):.3f}, "
          f"some candidate correct {oracle:.3f}")

    # C by cross-validation over articles (training file only). Scores within TOLERANCE of the best
    # are a tie (a few quotations of 6,000), and a tie goes to the strongest regularisation, the
    # smallest C: the simpler model, and the same choice from one run to the next.
    folds = GroupKFold(n_splits=args.folds)
    scores = []
    for c in (0.1, 0.3, 1.0, 3.0, 10.0):
        right = total = 0
        for train_idx, test_idx in folds.split(groups, groups=owners):
            weights = fit([groups[i] for i in train_idx], c)
            held = [groups[i] for i in test_idx]
            right += top1(weights, held) * len(held)
            total += len(held)
        score = right / total
        print(f"train-speakers: C={c}: cross-validated top-1 {score:.4f}")
        scores.append((c, score))
    top = max(score for _, score in scores)
    best_c, best_score = next((c, score) for c, score in scores if score >= top - TOLERANCE)
    weights = fit(groups, best_c)
    model = {
        "model": "copydesk speaker ranker",
        "version": args.version,
        "features": names,
        "weights": [round(float(w), 6) for w in weights],
        "training": {
            "file": os.path.basename(args.train),
            "articles": len(articles),
            "quotations": len(groups),
            "C": best_c,
            "rules_top1": round(top1(rule, groups), 4),
            "cross_validated_top1": round(best_score, 4),
            "train_top1": round(top1(weights, groups), 4),
        },
    }
    os.makedirs(os.path.dirname(args.out), exist_ok=True)
    with open(args.out, "w", encoding="utf-8") as out:
        json.dump(model, out, indent=2)
        out.write("\n")
    generate_swift(model)
    print(f"train-speakers: C={best_c}, top-1 on train {model['training']['train_top1']:.4f}; "
          f"wrote {os.path.relpath(args.out, ROOT)} and {os.path.relpath(SWIFT_OUT, ROOT)}")


if __name__ == "__main__":
    main()
