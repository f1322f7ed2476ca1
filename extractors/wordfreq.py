"""jieba's dictionary as an SQLite file, for segmenting a short text without loading it.

Segmenting a query (a few characters) with jieba means loading its whole dictionary first:
~500,000 entries, about a second — most of a `leian search` command. jieba's segmentation
of a text only ever looks up substrings of that text in the dictionary (the word graph,
the HMM fallback, the search-mode sub-words), so a tokenizer whose dictionary answers those
lookups from an indexed file segments exactly as the loaded one does, in milliseconds. The
file is built once per machine (from the loaded dictionary, a few seconds) in the same
temporary folder jieba keeps its own cache in, and rebuilt when jieba's dictionary changes.
"""
from __future__ import annotations

import logging
import os
import sqlite3
import tempfile
from functools import lru_cache
from pathlib import Path

import jieba

log = logging.getLogger(__name__)

_SCHEMA = ("CREATE TABLE freq (word TEXT PRIMARY KEY, n INTEGER NOT NULL) WITHOUT ROWID;"
           "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);")


class FreqLookup:
    """The part of a jieba dictionary (word → frequency, prefixes → 0) a segmentation asks
    for, read from the SQLite file and remembered."""

    def __init__(self, con: sqlite3.Connection) -> None:
        self._con = con
        self._seen: dict[str, int | None] = {}

    def get(self, word: str, default: int | None = None) -> int | None:
        if word not in self._seen:
            row = self._con.execute("SELECT n FROM freq WHERE word = ?", (word,)).fetchone()
            self._seen[word] = row[0] if row else None
        found = self._seen[word]
        return default if found is None else found

    def __contains__(self, word: object) -> bool:
        return isinstance(word, str) and self.get(word) is not None

    def __getitem__(self, word: str) -> int:
        found = self.get(word)
        if found is None:
            raise KeyError(word)
        return found


def db_path(dictionary: str | None = None) -> Path:
    """Where the file of jieba's dictionary `dictionary` (default: its own) lives: beside
    jieba's cache, named by jieba's version and the dictionary file's size and time."""
    dict_file = Path(dictionary or jieba.DEFAULT_DICT or Path(jieba.__file__).parent / "dict.txt")
    st = dict_file.stat()
    folder = Path(jieba.dt.tmp_dir or tempfile.gettempdir())
    return folder / f"leian-jieba-{jieba.__version__}-{st.st_size}-{int(st.st_mtime)}.sqlite"


def build(path: Path, tokenizer: jieba.Tokenizer) -> Path:
    """Write a loaded tokenizer's dictionary to `path` (atomically: a reader never sees a
    half-written file; two processes building at once both succeed)."""
    tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    con = sqlite3.connect(tmp)
    try:
        con.executescript(_SCHEMA)
        con.executemany("INSERT INTO freq VALUES (?, ?)", tokenizer.FREQ.items())
        con.execute("INSERT INTO meta VALUES ('total', ?)", (str(tokenizer.total),))
        con.commit()
    finally:
        con.close()
    os.replace(tmp, path)
    return path


def lookup_tokenizer(path: Path) -> jieba.Tokenizer | None:
    """A jieba tokenizer answering dictionary lookups from the file at `path`; None when
    the file is missing or unreadable (the caller then loads the dictionary)."""
    if not path.is_file():
        return None
    try:
        con = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True, check_same_thread=False)
        total = int(con.execute("SELECT value FROM meta WHERE key = 'total'").fetchone()[0])
    except (sqlite3.Error, TypeError, ValueError) as exc:
        log.warning("jieba dictionary file %s unreadable (%s); loading the dictionary instead", path, exc)
        return None
    tk = jieba.Tokenizer()
    tk.FREQ = FreqLookup(con)  # type: ignore[assignment]
    tk.total = total
    tk.initialized = True
    return tk


@lru_cache(maxsize=1)
def short_text_tokenizer() -> jieba.Tokenizer | None:
    """The lookup tokenizer of jieba's default dictionary, if its file exists."""
    return lookup_tokenizer(db_path())


def ensure_db(tokenizer: jieba.Tokenizer) -> None:
    """Build the file of jieba's default dictionary from a loaded tokenizer, once."""
    path = db_path()
    if path.is_file():
        return
    try:
        build(path, tokenizer)
        log.info("wrote jieba's dictionary to %s for fast query segmentation", path)
    except (OSError, sqlite3.Error) as exc:
        log.warning("cannot write jieba's dictionary file %s: %s (queries load the dictionary)", path, exc)
    short_text_tokenizer.cache_clear()


__all__ = ["FreqLookup", "build", "db_path", "ensure_db", "lookup_tokenizer", "short_text_tokenizer"]
