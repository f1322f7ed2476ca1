"""Queries segmented from jieba's dictionary file: the same tokens as the loaded dictionary,
without loading it."""
from __future__ import annotations

import subprocess
import sys

import jieba
import pytest

from extractors import wordfreq
from tests.conftest import REPO

# Text of our own: queries and short phrases an analyst types, names jieba's HMM must guess.
TEXTS = ["村支书冒领低保金", "公款吃喝 大吃大喝", "虚报冒领", "开除党籍", "换届选举拉票",
         "村党支部书记王小明违规收受礼金2.5万元", "某某县纪委监委通报3起典型问题",
         "医保基金 定点医药机构 欺诈骗保", "吴某新、杜某君共同侵占集体资金", "形式主义官僚主义"]


@pytest.fixture(scope="module")
def full() -> jieba.Tokenizer:
    tk = jieba.Tokenizer()
    tk.initialize()
    return tk


def test_lookup_tokenizer_segments_like_the_loaded_dictionary(full, tmp_path):
    lookup = wordfreq.lookup_tokenizer(wordfreq.build(tmp_path / "freq.sqlite", full))
    assert lookup is not None and lookup.total == full.total
    for text in TEXTS:
        for hmm in (True, False):
            assert lookup.lcut(text, HMM=hmm) == full.lcut(text, HMM=hmm), (text, hmm)
        assert list(lookup.cut_for_search(text)) == list(full.cut_for_search(text)), text


def test_missing_or_broken_file_means_loading_the_dictionary(tmp_path):
    assert wordfreq.lookup_tokenizer(tmp_path / "absent.sqlite") is None
    broken = tmp_path / "broken.sqlite"
    broken.write_bytes(b"not a database at all" * 100)
    assert wordfreq.lookup_tokenizer(broken) is None


def test_a_query_in_a_new_process_does_not_load_the_dictionary(full):
    wordfreq.ensure_db(full)  # what the first ingest or search of a machine leaves behind
    code = ("from extractors.segment import tokenize, _search_tokenizer\n"
            "print(' '.join(tokenize('村支书冒领低保金')))\n"
            "print(_search_tokenizer.cache_info().currsize)\n"
            "print(' '.join(tokenize('长' * 300)[:1]))\n"  # a long text loads it
            "print(_search_tokenizer.cache_info().currsize)\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO, timeout=120)
    assert out.returncode == 0, out.stderr
    tokens, loaded_after_query, _, loaded_after_long = out.stdout.splitlines()
    assert tokens.split() == [w for w in full.lcut("村支书冒领低保金")]
    assert (loaded_after_query, loaded_after_long) == ("0", "1")
