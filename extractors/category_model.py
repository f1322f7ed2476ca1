"""A small linear classifier of problem categories, run with plain Python and numpy.

Cue rules (extractors.categories) catch the wording they list; real notices tell the same
misconduct in many other words. This model, trained on the gold cases of the development
corpus by scripts/train_categories.py, scores every taxonomy code from the case's character
n-grams (and, when the model was trained with them, jieba words and the codes the rules
found). It is stored as JSON (config/category_model.json: vocabulary, idf, per-class
weights and intercepts): scikit-learn is needed to train it, not to run it, and nothing is
unpickled.

Features (`features`) are shared by training and inference, so both see the same thing:
  * character 2- and 3-grams inside runs of Han characters, letters and digits (digits
    folded to 0: amounts and dates say nothing of the category);
  * `W:word` for jieba words of two or more characters (optional);
  * `R:code` for each code the cue rules found (optional).
The vector is sublinear tf × idf, L2-normalised; each class's score is a logistic
probability (one-vs-rest).
"""
from __future__ import annotations

import json
import math
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np

from config import config_path
from config.errors import ConfigError

MODEL_FILE = "category_model.json"

_RUN = re.compile(r"[\u4e00-\u9fff0-9A-Za-z]+")
_DIGITS = re.compile(r"[0-9]+")


def char_ngrams(text: str, sizes: Iterable[int] = (2, 3)) -> Counter[str]:
    """Counts of character n-grams within runs of Han characters, letters and digits."""
    out: Counter[str] = Counter()
    for run in _RUN.findall(text):
        run = _DIGITS.sub("0", run.lower())
        for n in sizes:
            for i in range(len(run) - n + 1):
                out[run[i:i + n]] += 1
    return out


def features(text: str, *, sizes: Iterable[int] = (2, 3), words: Iterable[str] | None = None,
             rule_codes: Iterable[str] | None = None) -> Counter[str]:
    """The raw feature counts of one case text (see the module docstring)."""
    out = char_ngrams(text, sizes)
    if words is not None:
        for w in words:
            if len(w) >= 2 and not w.isdigit():
                out["W:" + w] += 1
    if rule_codes is not None:
        for code in rule_codes:
            out["R:" + code] += 1
    return out


@dataclass(frozen=True)
class CategoryModel:
    """A one-vs-rest linear model over tf-idf features (loaded from JSON)."""

    classes: tuple[str, ...]
    index: dict[str, int]
    idf: np.ndarray         # (n_features,)
    coef: np.ndarray        # (n_features, n_classes)
    intercept: np.ndarray   # (n_classes,)
    sizes: tuple[int, ...]
    use_words: bool
    use_rules: bool
    rule_weight: float      # the raw count given to each R:code feature
    settings: dict

    @classmethod
    def from_dict(cls, data: dict) -> CategoryModel:
        """Build from the JSON structure written by scripts/train_categories.py."""
        try:
            vocab: list[str] = data["vocabulary"]
            classes = tuple(data["classes"])
            coef = np.zeros((len(vocab), len(classes)), dtype=np.float32)
            for j, row in enumerate(data["weights"]):  # one sparse row per class: {feature index: weight}
                for k, w in row.items():
                    coef[int(k), j] = w
            return cls(classes=classes, index={f: i for i, f in enumerate(vocab)},
                       idf=np.asarray(data["idf"], dtype=np.float32), coef=coef,
                       intercept=np.asarray(data["intercepts"], dtype=np.float32),
                       sizes=tuple(data.get("ngram_sizes", (2, 3))), use_words=bool(data.get("use_words")),
                       use_rules=bool(data.get("use_rules")), rule_weight=float(data.get("rule_weight", 1.0)),
                       settings=dict(data.get("settings") or {}))
        except (KeyError, TypeError, ValueError, IndexError) as exc:
            raise ConfigError(f"{MODEL_FILE}: malformed category model: {exc}") from exc

    def vector(self, counts: Counter[str]) -> tuple[np.ndarray, np.ndarray]:
        """(feature indices, tf-idf values, L2-normalised) of the known features."""
        idx, tf = [], []
        for f, n in counts.items():
            i = self.index.get(f)
            if i is not None:
                idx.append(i)
                tf.append(1.0 + math.log(n) if not f.startswith("R:") else self.rule_weight)
        if not idx:
            return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.float32)
        ix = np.asarray(idx, dtype=np.int64)
        val = np.asarray(tf, dtype=np.float32) * self.idf[ix]
        norm = float(np.sqrt((val * val).sum()))
        return ix, (val / norm if norm else val)

    def proba(self, text: str, *, words: Iterable[str] | None = None,
              rule_codes: Iterable[str] = ()) -> dict[str, float]:
        """Probability of each class for one (normalised) case text."""
        if self.use_words and words is None:
            from extractors.segment import segment
            words = segment(text)
        counts = features(text, sizes=self.sizes, words=words if self.use_words else None,
                          rule_codes=rule_codes if self.use_rules else None)
        ix, val = self.vector(counts)
        z = self.intercept + (val @ self.coef[ix] if len(ix) else 0.0)
        p = 1.0 / (1.0 + np.exp(-z))
        return {c: float(p[j]) for j, c in enumerate(self.classes)}


def load_model(path: str | Path) -> CategoryModel:
    """Read a model file written by scripts/train_categories.py."""
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise ConfigError(f"cannot read category model {path}: {exc}") from exc
    return CategoryModel.from_dict(data)


@lru_cache(maxsize=1)
def shipped_model() -> CategoryModel | None:
    """The model bundled in config/ (None when the package ships without one)."""
    p = config_path(MODEL_FILE)
    return load_model(p) if p.exists() else None


__all__ = ["CategoryModel", "MODEL_FILE", "char_ngrams", "features", "load_model", "shipped_model"]
