"""Near-duplicate cases: the same incident republished by a county, a city and a province.

Each case gets a MinHash signature (datasketch) over character shingles of its normalised
text (simplified script, no whitespace or punctuation). Signatures are cut into LSH bands;
a band key shared by two cases makes them candidates, and a candidate whose estimated
Jaccard similarity reaches `THRESHOLD` is the same incident. Band keys are plain integers,
so a backend can persist them (SQLite table, Elasticsearch keyword field) and find
candidates with an indexed lookup instead of holding an LSH index in memory.
"""
from __future__ import annotations

import hashlib
import re
from functools import lru_cache

import numpy as np

from search.normalize import normalize

NUM_PERM = 64
BANDS, ROWS = 16, 4  # 16 bands of 4 rows: P(candidate) 0.89 at J=0.6, 0.99 at J=0.75, 0.12 at J=0.3
SHINGLE = 5
THRESHOLD = 0.5  # estimated Jaccard at or above which two cases may be one incident ...
NUMBERS_AGREE = 0.5  # ... when the numbers they state (sums, dates, counts) mostly agree
MIN_CHARS = 24  # shorter texts are too short to tell a republication from a similar phrase

_DROP = re.compile(r"[\W_]+", re.UNICODE)


def normalised_chars(text: str) -> str:
    """Simplified script, letters and digits only: what republications keep in common."""
    return _DROP.sub("", normalize(text)).lower()


def _minhash():  # type: ignore[no-untyped-def]
    """datasketch's MinHash, imported when first needed: the package imports scipy (~1 s),
    which a search command never uses."""
    from datasketch import MinHash

    return MinHash


@lru_cache(maxsize=1)
def _permutations() -> tuple[np.ndarray, np.ndarray]:
    return _minhash()(num_perm=NUM_PERM, seed=1).permutations


def signature(text: str) -> np.ndarray | None:
    """MinHash signature (uint32 array of NUM_PERM) of the text's shingles; None if too short."""
    chars = normalised_chars(text)
    if len(chars) < MIN_CHARS:
        return None
    shingles = {chars[i:i + SHINGLE] for i in range(len(chars) - SHINGLE + 1)}
    mh = _minhash()(num_perm=NUM_PERM, seed=1, permutations=_permutations())
    mh.update_batch([s.encode("utf-8") for s in shingles])
    return mh.hashvalues.astype(np.uint32)


def band_keys(sig: np.ndarray) -> list[int]:
    """One signed 64-bit key per LSH band (stable across processes and machines)."""
    keys = []
    for b in range(BANDS):
        chunk = sig[b * ROWS:(b + 1) * ROWS].tobytes()
        digest = hashlib.blake2b(chunk, digest_size=8, person=b"leian-lsh").digest()
        keys.append(int.from_bytes(digest, "big", signed=True) ^ b)
    return keys


def to_bytes(sig: np.ndarray) -> bytes:
    return sig.astype("<u4").tobytes()


def from_bytes(blob: bytes) -> np.ndarray:
    return np.frombuffer(blob, dtype="<u4")


_NUMBER = re.compile(r"(?<![\d.])\d+(?:\.\d+)?(?![\d.]|\s*[年月日号时])")


def numbers(text: str) -> set[str]:
    """The numbers a text states other than dates (sums, counts): what tells two incidents
    written from one template apart, and what a republication keeps."""
    return set(_NUMBER.findall(normalize(text)))


def same_numbers(a: str, b: str) -> bool:
    """True unless both texts state numbers and few of them agree: the same boilerplate
    finding in two reports ("3项整改任务…" / "22项整改任务…") is two incidents, while a
    republication keeps its sums and dates."""
    na, nb = numbers(a), numbers(b)
    if not na or not nb:
        return True
    return len(na & nb) / len(na | nb) >= NUMBERS_AGREE


def jaccard(a: np.ndarray, b: np.ndarray) -> float:
    """Estimated Jaccard similarity of two signatures."""
    return float(np.count_nonzero(a == b)) / len(a)
