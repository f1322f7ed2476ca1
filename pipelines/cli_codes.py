"""`leian codes`: the codes and labels the filters accept (categories, domains, sanctions, posts)."""
from __future__ import annotations

import json
from typing import Optional

import typer

from config.errors import UsageError
from pipelines.cli_app import app

KINDS = ("categories", "domains", "sanctions", "posts")
SANCTION_KINDS = {"party": "党纪处分", "government": "政务处分", "other": "组织处理及其他"}
_HEADINGS = {
    "categories": "categories (--category CODE or its label; config/taxonomy.yaml)",
    "domains": "domains (--domain CODE or its label; config/domains.yaml)",
    "sanctions": "sanctions (--sanction LABEL; config/taxonomy.yaml)",
    "posts": "posts (--post PART, e.g. 村党支部书记 or 书记; config/post_groups.yaml)",
}


def codes_data() -> dict[str, list[dict[str, str]]]:
    """What each coded filter accepts, from the configuration files the extractors use."""
    from config import load_yaml

    tax = load_yaml("taxonomy.yaml")
    groups = tax.get("groups", {})
    return {
        "categories": [{"code": c["code"], "label": c["label"], "group": c.get("group", ""),
                        "group_label": groups.get(c.get("group", ""), "")} for c in tax["categories"]],
        "domains": [{"code": d["code"], "label": d["label"]} for d in load_yaml("domains.yaml")["domains"]],
        "sanctions": [{"label": s, "kind": kind, "kind_label": SANCTION_KINDS.get(kind, kind)}
                      for kind, labels in tax["sanctions"].items() for s in labels],
        "posts": [{"post": p["post"]} for p in load_yaml("post_groups.yaml")["posts"]],
    }


def print_codes(data: dict[str, list[dict[str, str]]]) -> None:
    """The lists, one block each; categories under their groups, sanctions by kind."""
    for n, (kind, rows) in enumerate(data.items()):
        if n:
            typer.echo("")
        typer.echo(_HEADINGS[kind])
        if kind in ("categories", "domains"):
            width = max((len(r["code"]) for r in rows), default=0)
            group = None
            for r in rows:
                if kind == "categories" and r["group_label"] != group:
                    group = r["group_label"]
                    typer.echo(f"  {group or r['group']}")
                indent = "    " if kind == "categories" else "  "
                typer.echo(f"{indent}{r['code']:<{width}}  {r['label']}")
        elif kind == "sanctions":
            by_kind: dict[str, list[str]] = {}
            for r in rows:
                by_kind.setdefault(r["kind_label"], []).append(r["label"])
            for label, names in by_kind.items():
                typer.echo(f"  {label}: " + " ".join(names))
        else:
            names = [r["post"] for r in rows]
            for i in range(0, len(names), 8):
                typer.echo("  " + "  ".join(names[i:i + 8]))


@app.command()
def codes(kind: Optional[str] = typer.Argument(None, metavar="[KIND]",
                                               help="categories | domains | sanctions | posts (default: all)"),
          as_json: bool = typer.Option(False, "--json", help="Print the lists as JSON")) -> None:
    """The codes and labels the filters accept: problem categories, domains, sanctions, posts.

    --category and --domain take a code or its Chinese label, --sanction a label, --post any
    part of a canonical post. Example: leian codes categories
    """
    data = codes_data()
    if kind is not None:
        if kind not in KINDS:
            raise UsageError(f"no such list {kind!r}; one of: {', '.join(KINDS)}")
        data = {kind: data[kind]}
    if as_json:
        typer.echo(json.dumps(data, ensure_ascii=False, indent=1))
    else:
        print_codes(data)
