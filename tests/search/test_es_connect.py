"""Pieces of the Elasticsearch backend that need no node: URL redaction, secret scrubbing,
the date padding behind partial-date filters, the index words (unicode61-compatible)."""
from __future__ import annotations

from config.settings import Settings
from search.backends.elastic.connect import Connection, redact_url
from search.backends.elastic.query import index_words, pad_date


def test_redact_url_drops_user_info():
    assert redact_url("https://leian:s3cret@es.example.org:9243/base") == "https://es.example.org:9243/base"
    assert redact_url("http://127.0.0.1:9200") == "http://127.0.0.1:9200"
    assert "s3cret" not in redact_url("http://u:s3cret@[::1]:9200")


def test_messages_are_scrubbed_of_every_secret():
    conn = Connection("http://u:from-url-pw@127.0.0.1:9", Settings(es_api_key="key-123", es_retries=0))
    try:
        assert conn.url == "http://127.0.0.1:9"
        assert conn.scrub("auth from-url-pw and key-123 failed") == "auth *** and *** failed"
    finally:
        conn.close()


def test_partial_dates_pad_to_their_earliest_and_latest_day():
    assert pad_date("2019", "00") == "2019-00-00" and pad_date("2019", "99") == "2019-99-99"
    assert pad_date("2019-07", "99") == "2019-07-99" and pad_date("2019-07-15", "00") == "2019-07-15"
    # "2019-07" lies within a range that starts on 2019-07-15 (its latest day is later).
    assert pad_date("2019-07", "99") >= "2019-07-15"


def test_index_words_cut_like_unicode61():
    assert index_words("王某 8.3 万元 c_d") == "王某 8 3 万元 c d"


def test_api_key_in_both_forms_is_sent_encoded_and_scrubbed():
    import base64

    from search.backends.elastic.connect import api_key_header

    encoded = base64.b64encode(b"key-id-1:s3cr3t-key-part").decode()
    assert api_key_header("key-id-1:s3cr3t-key-part")[0] == encoded  # "id:key" as the client needs it
    assert api_key_header(f" {encoded}\n")[0] == encoded  # the copied `encoded` form, as is
    assert api_key_header("not base64!")[0] == "not base64!"  # left for the cluster to reject
    for value in ("key-id-1:s3cr3t-key-part", encoded):
        conn = Connection("http://127.0.0.1:9", Settings(es_api_key=value, es_retries=0))
        try:
            assert conn.uses_api_key
            assert conn.scrub(f"a {encoded} b s3cr3t-key-part c") == "a *** b *** c"
        finally:
            conn.close()
