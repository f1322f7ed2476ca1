"""`leian codes`: every list the coded filters accept, readable and as JSON, and each code and
label it lists is accepted by the filter it is for."""
from __future__ import annotations

import json

from config import load_yaml
from pipelines.cli_options import _vocabularies
from tests.conftest import run_leian


def test_codes_lists_categories_domains_sanctions_and_posts(capsys):
    code, out, err = run_leian(capsys, "codes")
    assert code == 0, err
    for heading in ("categories (--category", "domains (--domain", "sanctions (--sanction", "posts (--post"):
        assert heading in out
    assert "false_claims" in out and "虚报冒领" in out and "违反中央八项规定精神" in out
    assert "subsistence_allowance" in out and "党内严重警告" in out and "村党支部书记" in out


def test_codes_json_holds_every_configured_value(capsys):
    code, out, err = run_leian(capsys, "codes", "--json")
    assert code == 0, err
    data = json.loads(out)
    tax = load_yaml("taxonomy.yaml")
    assert [c["code"] for c in data["categories"]] == [c["code"] for c in tax["categories"]]
    assert [d["code"] for d in data["domains"]] == [d["code"] for d in load_yaml("domains.yaml")["domains"]]
    assert [s["label"] for s in data["sanctions"]] == [s for g in tax["sanctions"].values() for s in g]
    assert [p["post"] for p in data["posts"]] == [p["post"] for p in load_yaml("post_groups.yaml")["posts"]]
    gifts = next(c for c in data["categories"] if c["code"] == "gifts")
    assert gifts == {"code": "gifts", "label": "违规收送礼品礼金", "group": "eight_rules", "group_label": "违反中央八项规定精神"}
    # what it lists is what the filters accept
    vocab = _vocabularies()
    assert all(vocab["--category"][c["code"]] == vocab["--category"][c["label"]] == c["code"] for c in data["categories"])
    assert all(vocab["--domain"][d["code"]] == d["code"] for d in data["domains"])
    assert all(s["label"] in vocab["--sanction"] for s in data["sanctions"])


def test_codes_of_one_kind_and_a_wrong_kind(capsys):
    code, out, _ = run_leian(capsys, "codes", "sanctions", "--json")
    assert code == 0 and list(json.loads(out)) == ["sanctions"]
    code, out, _ = run_leian(capsys, "codes", "domains")
    assert code == 0 and "domains (" in out and "categories (" not in out
    code, _, err = run_leian(capsys, "codes", "regions")
    assert code == 2 and "categories, domains, sanctions, posts" in err
