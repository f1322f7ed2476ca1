"""Train the category classifier on gold cases and write it as JSON (config/category_model.json).

    python scripts/train_categories.py GOLD_DIR [GOLD_DIR ...] --out config/category_model.json \
        [--exclude-list scripts/validation_docs.txt] [--cv]

The shipped model is trained on the corpus's development documents and every blind tuning batch
in tests/extractors (never the final exams, heldout_exam*), by the command the README gives.

Training texts: for each gold case, the text of the predicted case that holds its anchor
(the same matching as the scorer), or, when case splitting missed it, the paragraph that holds
the anchor. Labels: the gold categories. The model is one-vs-rest logistic regression over
the features of extractors.category_model (character n-grams, optionally jieba words and
the codes the cue rules found), with a vocabulary pruned to features seen in at least
`--min-docs` different DOCUMENTS (so no document's own names and places become features).

`--cv` runs leave-one-document-out: for each document, a model trained on the others labels
that document's predicted cases; the categories F1 (the scorer's micro-average over gold
cases) is reported for the rules alone, the classifier alone and the shipped combination,
(1) as is, (2) with the cues that match only in the held-out document dropped (the rules were
written on these documents; this imitates wording they have not seen), and (3) in-sample.
It also reports how often the classifier's best code is right by its probability with the
rules' codes hidden (the "fill check"). The classifier then fills cases the rules leave empty
at the lowest probability whose fill-check precision reaches --fill-precision, and adds codes
at the lowest threshold, each only if that lowers neither cross-validated F1; otherwise a
case the rules miss gets `other`. The settings are stored with the model.

scikit-learn is needed here only; inference (extractors.category_model) is numpy.
"""
from __future__ import annotations

import argparse
import dataclasses
import json
import logging
import math
import re
import sys
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from extractors.categories import CategoryRules, _Rule, combine, rule_categories, rules, scan_with  # noqa: E402
from extractors.category_model import CategoryModel, features  # noqa: E402
from extractors.evaluate import count_overlap, match_cases, squash  # noqa: E402
from extractors.normalize import normalize  # noqa: E402

log = logging.getLogger("train_categories")


@dataclass
class Example:
    """One case text with its features; labels only for gold cases."""

    doc: str
    text: str
    counts: Counter[str]
    rule_codes: list[str]
    labels: list[str]


@dataclass
class DocData:
    name: str
    doc_type: str
    gold: list[dict[str, Any]]
    pred_texts: list[str]          # predicted cases, original text (for anchor matching)
    pred: list[Example]            # predicted cases, normalised, with features
    train: list[Example]           # gold cases, the text the model learns from


def _names(path: str | None) -> set[str]:
    if not path:
        return set()
    lines = Path(path).read_text(encoding="utf-8").splitlines()
    return {s.strip() for s in lines if s.strip() and not s.startswith("#")}


def _paragraph(text: str, anchor: str) -> str:
    """The line (paragraph) of `text` that holds `anchor` (whitespace-insensitive)."""
    a = squash(anchor)
    for line in text.splitlines():
        if a in squash(line):
            return line
    return anchor


def _example(doc: str, text: str, labels: list[str], opts: argparse.Namespace) -> Example:
    norm = normalize(text).text
    codes = [c.code for c in rule_categories(norm)]
    words = None
    if opts.words:
        from extractors.segment import segment
        words = segment(norm)
    counts = features(norm, sizes=opts.sizes, words=words, rule_codes=codes if opts.rules else None)
    return Example(doc, norm, counts, codes, labels)


def load_corpus(folders: list[str], exclude: set[str], opts: argparse.Namespace) -> list[DocData]:
    """Run the pipeline on every gold document not excluded; pair gold and predicted cases.
    A document is named folder/NAME (cross-validation leaves out one at a time); the exclude
    list names documents by NAME alone."""
    from extractors.pipeline import extract_text

    out = []
    paths = [p for folder in folders for p in sorted(Path(folder).glob("*.gold.json"))]
    for gold_path in paths:
        bare = gold_path.name[: -len(".gold.json")]
        name = f"{gold_path.parent.name}/{bare}" if len(folders) > 1 else bare
        txt = gold_path.with_name(bare + ".txt")
        if bare in exclude or not txt.exists():
            continue
        raw = txt.read_text(encoding="utf-8")
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        doc = extract_text(raw)
        pred_texts = [c.text for c in doc.cases]
        pred = [_example(name, t, [], opts) for t in pred_texts]
        pairs, _ = match_cases(gold["cases"], [{"text": t} for t in pred_texts])
        train = []
        for g, hit in pairs:
            if hit is not None and opts.train_text == "case":
                text = pred_texts[hit]
            else:
                text = _paragraph(raw, g["anchor"])
            train.append(_example(name, text, list(g.get("categories", [])), opts))
        out.append(DocData(name, doc.doc_type, gold["cases"], pred_texts, pred, train))
    return out


# ---------------------------------------------------------------- training

def taxonomy_examples(opts: argparse.Namespace) -> list[Example]:
    """One short example per category from its taxonomy label and cue words (config/taxonomy.yaml):
    the human-written hints give rare categories something to start from."""
    from config import load_yaml

    out = []
    for c in load_yaml("taxonomy.yaml")["categories"]:
        words = [c["label"]] + list(c.get("cues") or [])
        text = "，".join(words) + "。"
        for _ in range(opts.prior_copies):
            out.append(Example(f"taxonomy:{c['code']}", text, features(text, sizes=opts.sizes), [], [c["code"]]))
    return out


def fit(examples: list[Example], opts: argparse.Namespace) -> dict[str, Any]:
    """Fit one-vs-rest logistic regression; return the JSON structure of the model."""
    if opts.prior_copies:
        examples = examples + taxonomy_examples(opts)
    from scipy.sparse import csr_matrix
    from sklearn.linear_model import LogisticRegression

    docs_of: dict[str, set[str]] = {}
    for ex in examples:
        for f in ex.counts:
            docs_of.setdefault(f, set()).add(ex.doc)
    vocab = sorted(f for f, d in docs_of.items() if len(d) >= opts.min_docs or f.startswith("R:"))
    index = {f: i for i, f in enumerate(vocab)}
    n = len(examples)
    df = Counter(f for ex in examples for f in ex.counts if f in index)
    idf = np.array([math.log((1 + n) / (1 + df[f])) + 1.0 for f in vocab], dtype=np.float64)
    classes = sorted({c for ex in examples for c in ex.labels
                      if len({e.doc for e in examples if c in e.labels}) >= opts.min_class_docs})
    model_stub = CategoryModel(classes=tuple(classes), index=index, idf=idf.astype(np.float32),
                               coef=np.zeros((0, 0), dtype=np.float32), intercept=np.zeros(0, dtype=np.float32),
                               sizes=tuple(opts.sizes), use_words=opts.words, use_rules=opts.rules,
                               rule_weight=opts.rule_weight, settings={})
    rows, cols, vals = [], [], []
    for r, ex in enumerate(examples):
        ix, val = model_stub.vector(ex.counts)
        rows += [r] * len(ix)
        cols += ix.tolist()
        vals += val.tolist()
    X = csr_matrix((vals, (rows, cols)), shape=(n, len(vocab)))
    coef = np.zeros((len(vocab), len(classes)))
    intercept = np.zeros(len(classes))
    for j, c in enumerate(classes):
        y = np.array([c in ex.labels for ex in examples], dtype=int)
        clf = LogisticRegression(C=opts.C, class_weight="balanced" if opts.balanced else None,
                                 solver="liblinear", max_iter=1000)
        clf.fit(X, y)
        coef[:, j] = clf.coef_[0]
        intercept[j] = clf.intercept_[0]
    # prune: drop weights too small to matter, and features left with none
    coef[np.abs(coef) < opts.prune] = 0.0
    keep = np.flatnonzero(np.abs(coef).sum(axis=1) > 0)
    vocab = [vocab[i] for i in keep]
    idf, coef = idf[keep], coef[keep]
    weights = [{str(i): round(float(coef[i, j]), 3) for i in np.flatnonzero(coef[:, j])} for j in range(len(classes))]
    return {"format": "leian-category-linear/1", "classes": classes, "vocabulary": vocab,
            "idf": [round(float(v), 4) for v in idf], "weights": weights,
            "intercepts": [round(float(v), 4) for v in intercept], "ngram_sizes": list(opts.sizes),
            "use_words": opts.words, "use_rules": opts.rules, "rule_weight": opts.rule_weight,
            "settings": {}, "training": {"examples": n, "documents": len({ex.doc for ex in examples}),
                                         "C": opts.C, "min_docs": opts.min_docs, "prune": opts.prune}}


# ---------------------------------------------------------------- scoring

def _score(docs: list[DocData], labels_of: dict[str, list[list[str]]]) -> tuple[float, float, float, int, int, int]:
    """The scorer's categories P/R/F1 over the documents, given labels per predicted case."""
    h = ng = npred = 0
    for d in docs:
        preds = [{"text": t, "categories": labels_of[d.name][i]} for i, t in enumerate(d.pred_texts)]
        pairs, used = match_cases(d.gold, preds)
        for g, hit in pairs:
            a, b, c = count_overlap("categories", list(g.get("categories", [])),
                                    preds[hit]["categories"] if hit is not None else [])
            h, ng, npred = h + a, ng + b, npred + c
        for i, p in enumerate(preds):
            if i not in used:
                npred += len(set(p["categories"]))
    p = h / npred if npred else 0.0
    r = h / ng if ng else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0), h, ng, npred


def _label(ex: Example, proba: dict[str, float] | None, settings: dict, mode: str) -> list[str]:
    if mode == "rules":
        codes = list(ex.rule_codes)
    elif mode == "model":
        codes = combine([], proba or {}, settings)
    else:
        codes = combine(list(ex.rule_codes), proba or {}, settings)
    return codes or [rules().fallback["default"]]


def _grid() -> list[dict[str, float]]:
    return [{"add_threshold": a, "fill_threshold": f}
            for a in (0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 1.1) for f in (0.0, 0.1, 0.2, 0.3, 0.5, 1.1)]


def _probas(model: CategoryModel, docs: list[DocData]) -> dict[str, list[dict[str, float]]]:
    out = {}
    for d in docs:
        out[d.name] = [_proba(model, ex) for ex in d.pred]
    return out


def _proba(model: CategoryModel, ex: Example) -> dict[str, float]:
    ix, val = model.vector(ex.counts)
    z = model.intercept + (val @ model.coef[ix] if len(ix) else 0.0)
    p = 1.0 / (1.0 + np.exp(-z))
    return {c: float(p[j]) for j, c in enumerate(model.classes)}


def _run(docs: list[DocData], probas: dict[str, list[dict[str, float]]], settings: dict, mode: str) -> tuple:
    labels = {d.name: [_label(ex, probas[d.name][i], settings, mode) for i, ex in enumerate(d.pred)]
              for d in docs}
    return _score(docs, labels)


def _line(name: str, res: tuple, settings: dict | None = None) -> str:
    p, r, f, h, ng, npred = res
    return f"  {name:<34} P={p:.3f} R={r:.3f} F1={f:.3f}  {h}/{ng}/{npred}  {settings or ''}"


NEVER = {"add_threshold": 1.1, "fill_threshold": 1.1}  # probabilities never reach 1.1: rules + `other`


def _report(title: str, docs: list[DocData], probas: dict[str, list[dict[str, float]]],
            settings: dict) -> None:
    """Print rules alone / classifier alone / the given combination on these documents."""
    print(f"== {title}")
    print(_line("rules alone (+other)", _run(docs, probas, {}, "rules")))
    res, s = max(((_run(docs, probas, s, "model"), s) for s in _grid()), key=lambda t: t[0][2])
    print(_line("classifier alone (best thresholds)", res, s))
    print(_line("rules + classifier (shipped)", _run(docs, probas, settings, "combined"), settings))


def _fill_precision(gold_probas: list[tuple[list[str], dict[str, float]]], wanted: float) -> float:
    """How often the classifier's best code is a gold code, by its probability, on every gold case.

    The rules were written on these documents, so on them they leave few cases empty and those
    are the hardest; on unseen documents a case the rules miss is mostly one phrased in words
    they do not list. Filling such a case with the classifier's best code instead of `other`
    pays when its precision here beats the share of `other` among gold labels. Returns the
    lowest probability at which that precision reaches `wanted`."""
    n_other = sum("other" in g for g, _ in gold_probas)
    print(f"== fill check (leave-one-document-out, rules' codes hidden): `other` is a gold code of "
          f"{n_other}/{len(gold_probas)} gold cases")
    chosen = 1.1
    for lo in (0.0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.7):
        sel = [(g, max(p, key=p.get)) for g, p in gold_probas if p and max(p.values()) >= lo]
        hit = sum(top in g for g, top in sel)
        prec = hit / len(sel) if sel else 0.0
        print(f"    best code p>={lo:.1f}: right {hit}/{len(sel)} = {prec:.2f}")
        if prec >= wanted and chosen > 1.0:
            chosen = lo
    return chosen


def _cue_docs(docs: list[DocData]) -> dict[tuple[str, str, int], set[str]]:
    """For each cue (code, strong/weak, index): the documents in whose predicted cases it matches."""
    out: dict[tuple[str, str, int], set[str]] = {}
    for rule in rules().rules:
        for kind, pats in (("c", rule.cues), ("w", rule.weak)):
            for k, pat in enumerate(pats):
                out[rule.code, kind, k] = {d.name for d in docs if any(pat.search(ex.text) for ex in d.pred)}
    return out


def _ablated_rules(cue_docs: dict[tuple[str, str, int], set[str]], held_out: str) -> CategoryRules:
    """The rule set without the cues that match in no document but the held-out one."""
    r = rules()
    kept = []
    for rule in r.rules:
        cues = [p for k, p in enumerate(rule.cues) if cue_docs[rule.code, "c", k] - {held_out}]
        weak = [p for k, p in enumerate(rule.weak) if cue_docs[rule.code, "w", k] - {held_out}]
        if not cues and not weak:
            continue
        alts = [f"(?P<c{k}>{c.pattern})" for k, c in enumerate(cues)] + \
            [f"(?P<w{k}>{c.pattern})" for k, c in enumerate(weak)]
        kept.append(_Rule(rule.code, rule.label, tuple(cues), tuple(weak), re.compile("|".join(alts)), rule.unless))
    return dataclasses.replace(r, rules=tuple(kept))


def _ablated_docs(docs: list[DocData]) -> list[DocData]:
    """Leave-one-document-out for the rules too: each document's predicted cases labelled by
    the rules without the cues that match in no other document.

    The cue rules were written looking at these documents, so scoring them here flatters
    them. A cue that matches in one document only was most likely written for it; dropping,
    for each held-out document, the cues that match nowhere else imitates a document whose
    wording the rules have not seen."""
    cue_docs = _cue_docs(docs)
    own = sum(len(v) == 1 for v in cue_docs.values())
    print(f"   ({own} of {len(cue_docs)} cues match in one document only)")
    out = []
    for d in docs:
        r = _ablated_rules(cue_docs, d.name)
        pred = [dataclasses.replace(ex, rule_codes=[c for c, *_ in scan_with(r, ex.text)]) for ex in d.pred]
        out.append(dataclasses.replace(d, pred=pred))
    return out


def _choose(views: list[tuple[list[DocData], dict[str, list[dict[str, float]]]]], fill: float) -> dict[str, float]:
    """Thresholds to ship: the classifier fills (at `fill`) and adds (lowest threshold) only where
    that lowers the F1 of NO cross-validation view (plain and cue-ablated); else rules + `other`."""
    def f1s(settings: dict) -> list[float]:
        return [round(_run(d, p, settings, "combined")[2], 4) for d, p in views]

    base = f1s(NEVER)
    chosen = dict(NEVER)
    if fill <= 1.0:
        trial = {**NEVER, "fill_threshold": fill}
        res = f1s(trial)
        print(f"   fill at p>={fill}: F1 {res} vs rules+other {base}")
        if all(a >= b for a, b in zip(res, base)):
            chosen, base = trial, res
    for add in (0.5, 0.6, 0.7, 0.8, 0.9):
        trial = {**chosen, "add_threshold": add}
        res = f1s(trial)
        log.info("   add at p>=%s: F1 %s vs %s", add, res, base)
        if all(a >= b for a, b in zip(res, base)):
            print(f"   add at p>={add}: F1 {res} vs {base}")
            chosen = trial
            break
    base = f1s(chosen)
    best: tuple[float, dict[str, float]] | None = None
    for drop in (0.3, 0.2, 0.15, 0.1, 0.05, 0.02):  # the best that raises every view
        trial = {**chosen, "drop_threshold": drop}
        res = f1s(trial)
        print(f"   drop below p<{drop}: F1 {res} vs {base}")
        if all(a > b for a, b in zip(res, base)) and (best is None or sum(res) > best[0]):
            best = (sum(res), trial)
    return best[1] if best else chosen


def cross_validate(docs: list[DocData], opts: argparse.Namespace) -> dict[str, Any]:
    """Leave-one-document-out probabilities for every predicted case; report and pick settings."""
    probas: dict[str, list[dict[str, float]]] = {}
    gold_probas: list[tuple[list[str], dict[str, float]]] = []
    for d in docs:
        train = [ex for o in docs if o.name != d.name for ex in o.train]
        model = CategoryModel.from_dict(fit(train, opts))
        probas[d.name] = [_proba(model, ex) for ex in d.pred]
        for ex in d.train:  # the rules' codes hidden, as for a case whose wording they miss
            bare = Example(ex.doc, ex.text, Counter({f: n for f, n in ex.counts.items() if not f.startswith("R:")}),
                           [], ex.labels)
            gold_probas.append((ex.labels, _proba(model, bare)))
    fill = _fill_precision(gold_probas, opts.fill_precision)
    print("== cue ablation")
    ablated = _ablated_docs(docs)
    chosen = _choose([(docs, probas), (ablated, probas)], fill)
    _report("leave-one-document-out", docs, probas, chosen)
    _report("leave-one-document-out, cues of the held-out document dropped", ablated, probas, chosen)
    full = CategoryModel.from_dict(fit([ex for d in docs for ex in d.train], opts))
    _report("in-sample (trained on all dev documents)", docs, _probas(full, docs), chosen)
    return chosen


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("corpus", nargs="+", help="folders of NAME.gold.json with NAME.txt beside")
    ap.add_argument("--out", help="model file to write (JSON)")
    ap.add_argument("--exclude-list", help="document names (one a line) never to train or score on")
    ap.add_argument("--cv", action="store_true", help="leave-one-document-out evaluation; choose thresholds")
    ap.add_argument("--C", type=float, default=16.0)
    ap.add_argument("--min-docs", type=int, default=2, help="a feature must occur in this many documents")
    ap.add_argument("--min-class-docs", type=int, default=2, help="a class needs positives in this many documents")
    ap.add_argument("--prune", type=float, default=0.2, help="drop smaller weights")
    ap.add_argument("--sizes", type=int, nargs="+", default=[2, 3])
    ap.add_argument("--train-text", choices=("case", "paragraph"), default="case",
                    help="learn from the predicted case holding the anchor, or the anchor's paragraph")
    ap.add_argument("--prior-copies", type=int, default=1,
                    help="add each taxonomy category's label and cues as this many training examples")
    ap.add_argument("--words", action="store_true", help="add jieba words as features")
    ap.add_argument("--rules", action="store_true", help="add the codes the cue rules found as features")
    ap.add_argument("--rule-weight", type=float, default=1.0)
    ap.add_argument("--balanced", action="store_true", help="class_weight=balanced")
    ap.add_argument("--fill-precision", type=float, default=0.9,
                    help="fill empty cases at the lowest probability whose cross-validated precision reaches this")
    ap.add_argument("--add", type=float, help="add_threshold to store (default: chosen by --cv)")
    ap.add_argument("--fill", type=float, help="fill_threshold to store (default: chosen by --cv)")
    ap.add_argument("--drop", type=float, help="drop_threshold to store (default: chosen by --cv)")
    ap.add_argument("--min-fill", type=float, default=0.1,
                    help="lowest fill_threshold stored, whatever --cv or --fill says (session 18, real sets)")
    ap.add_argument("-v", "--verbose", action="store_true")
    opts = ap.parse_args(argv)
    logging.basicConfig(level=logging.INFO if opts.verbose else logging.WARNING, format="%(message)s")
    t0 = time.time()
    docs = load_corpus(opts.corpus, _names(opts.exclude_list), opts)
    print(f"{len(docs)} documents, {sum(len(d.train) for d in docs)} gold cases ({time.time() - t0:.0f} s)")
    settings: dict[str, Any] = dict(NEVER)  # without --cv: rules + `other` (what --cv chose on dev)
    if opts.cv:
        settings = cross_validate(docs, opts)
    if opts.add is not None:
        settings["add_threshold"] = opts.add
    if opts.fill is not None:
        settings["fill_threshold"] = opts.fill
    # (the floor measured on real text the classifier never saw: fainter fills were mostly wrong there)
    settings["fill_threshold"] = max(float(settings["fill_threshold"]), opts.min_fill)
    if opts.drop is not None:
        settings["drop_threshold"] = opts.drop
    if opts.out:
        data = fit([ex for d in docs for ex in d.train], opts)
        data["settings"] = settings
        data["training"]["folders"] = [Path(f).resolve().relative_to(ROOT.parent).as_posix()
                                       if Path(f).resolve().is_relative_to(ROOT.parent) else str(f)
                                       for f in opts.corpus]
        data["training"]["excluded"] = sorted(_names(opts.exclude_list))
        Path(opts.out).write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n", encoding="utf-8")
        print(f"wrote {opts.out}: {len(data['classes'])} classes, {len(data['vocabulary'])} features, settings {settings}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
