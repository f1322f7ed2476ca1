"""The analyst query syntax, parsed into a backend-neutral tree.

What an analyst can type (documented in the README under `leian search`):

    村党支部书记 低保            both words (AND is implied between neighbours)
    "虚报冒领低保金"             a phrase: its words adjacent and in this order
    低保 OR 特困                 either word (OR binds looser than AND)
    低保 AND 优亲厚友             both words, written out
    低保 NOT 村医 / 低保 -村医     the first without the second
    (低保 OR 特困) -村医           parentheses group
    “全角引号”也可以              Chinese quotation marks work like "..."

Operators are upper-case `AND`, `OR`, `NOT` (also `&&`, `||`, `|`). A word is matched by its
jieba words (`extractors.segment.tokenize`), all of which must occur; each of two or more
characters is found as a whole indexed word, as the start of one (`低保` → `低保金`) or inside
one (`冒领` → `虚报冒领`, `书记` → `党支部书记`: the sub-words, see `subwords`); a phrase needs
its words whole and adjacent. Text is normalised to simplified script first, so
traditional-script notices and queries match each other.

`parse()` returns a tree of `Term`, `Phrase`, `And`, `Or`, `Not` nodes, or None for an empty
query. `expand()` then searches a word written as an entry of a synonym group
(config/synonyms.yaml: 公款吃喝 / 违规吃喝 / 大吃大喝 / 公款宴请) as any entry of the group;
`analyse()` does both, unless the query asks for exact words. Each backend translates the
expanded tree: `to_fts5()` here for SQLite FTS5; the Elasticsearch backend builds its bool
query from the same nodes.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import lru_cache

from config.errors import ConfigError, QuerySyntaxError
from search.normalize import normalize


@dataclass(frozen=True)
class Term:
    """A word as typed; matches when all of its jieba words occur."""

    text: str


@dataclass(frozen=True)
class Phrase:
    """Quoted text; matches when its jieba words occur adjacent and in order."""

    text: str


@dataclass(frozen=True)
class And:
    items: tuple[Node, ...]


@dataclass(frozen=True)
class Or:
    items: tuple[Node, ...]


@dataclass(frozen=True)
class Not:
    """Negation; only meaningful inside an And (or as the whole query: all cases but)."""

    item: Node


Node = Term | Phrase | And | Or | Not

_TOKEN = re.compile(
    r'\s*(?:(?P<phrase>"[^"]*"?|“[^”]*”?|「[^」]*」?)'
    r"|(?P<lp>[(（])|(?P<rp>[)）])"
    r"|(?P<op>&&|\|\||\|)"
    r"|(?P<word>[^\s()（）\"“”「」]+))"
)
_OPS = {"AND": "AND", "OR": "OR", "NOT": "NOT", "&&": "AND", "||": "OR", "|": "OR"}
_GROUP_OPENERS = ('(', '（', '"', '“', '「')
# Bounds on what one query may hold, the same for every backend: a query is typed by a person,
# and beyond these it is a mistake or an attack (deep nesting would exhaust the parser's stack,
# huge term lists a search node's clause limit).
MAX_QUERY_CHARS = 1000
MAX_WORD_CHARS = 100
MAX_TERMS = 64
MAX_DEPTH = 16
_SEARCHABLE = re.compile(r"\w")  # a letter, digit or CJK character


def _lex(text: str) -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []
    pos = 0
    text = text.strip()
    while pos < len(text):
        m = _TOKEN.match(text, pos)
        if not m or m.end() == pos:
            break
        pos = m.end()
        if m.group("phrase") is not None:
            raw = m.group("phrase")
            closer = {'"': '"', "“": "”", "「": "」"}[raw[0]]
            inner = raw[1:-1] if len(raw) > 1 and raw.endswith(closer) else raw[1:]
            out.append(("PHRASE", inner))
        elif m.group("lp"):
            out.append(("(", "("))
        elif m.group("rp"):
            out.append((")", ")"))
        elif m.group("op"):
            out.append((_OPS[m.group("op")], m.group("op")))
        else:
            word = m.group("word")
            if word in _OPS:
                out.append((_OPS[word], word))
            elif word == "-" and text[pos:pos + 1] in _GROUP_OPENERS:
                out.append(("NOT", "-"))  # -(低保 OR 特困), -"虚报冒领"
            elif word.startswith("-") and len(word) > 1:
                out.append(("NOT", "-"))
                out.append(("WORD", word[1:]))
            else:
                out.append(("WORD", word))
    return out


class _Parser:
    def __init__(self, tokens: list[tuple[str, str]], source: str):
        self.toks = tokens
        self.i = 0
        self.source = source
        self.depth = 0

    def peek(self) -> str | None:
        return self.toks[self.i][0] if self.i < len(self.toks) else None

    def take(self) -> tuple[str, str]:
        tok = self.toks[self.i]
        self.i += 1
        return tok

    def parse(self) -> Node | None:
        if not self.toks:
            return None
        node = self.or_expr()
        if self.peek() is not None:
            raise QuerySyntaxError(f"query {self.source!r}: unexpected {self.toks[self.i][1]!r}")
        return node

    def or_expr(self) -> Node | None:
        items = [self.and_expr()]
        while self.peek() == "OR":
            self.take()
            items.append(self.and_expr())
        kept = [n for n in items if n is not None]
        if not kept:
            return None
        return kept[0] if len(kept) == 1 else Or(tuple(kept))

    def and_expr(self) -> Node | None:
        items: list[Node | None] = [self.unary()]
        while self.peek() in ("AND", "NOT", "WORD", "PHRASE", "("):
            if self.peek() == "AND":
                self.take()
            items.append(self.unary())
        kept = [n for n in items if n is not None]
        if not kept:
            return None
        return kept[0] if len(kept) == 1 else And(tuple(kept))

    def deeper(self) -> None:
        self.depth += 1
        if self.depth > MAX_DEPTH:
            raise QuerySyntaxError(f"query nests parentheses or NOTs more than {MAX_DEPTH} deep")

    def unary(self) -> Node | None:
        if self.peek() == "NOT":
            self.take()
            if self.peek() is None:
                raise QuerySyntaxError(f"query {self.source!r}: NOT at the end needs a word after it")
            negations = 1
            while self.peek() == "NOT":  # NOT NOT x is x: one meaning on every backend
                self.take()
                negations += 1
            self.deeper()
            inner = self.unary()
            self.depth -= 1
            if inner is None:
                return None
            return Not(inner) if negations % 2 else inner
        return self.atom()

    def atom(self) -> Node | None:
        kind = self.peek()
        if kind is None:
            raise QuerySyntaxError(f"query {self.source!r}: an operator at the end needs a word after it")
        if kind == "(":
            self.take()
            self.deeper()
            node = self.or_expr()
            self.depth -= 1
            if self.peek() != ")":
                raise QuerySyntaxError(f"query {self.source!r}: a parenthesis is not closed")
            self.take()
            return node
        if kind == ")":
            raise QuerySyntaxError(f"query {self.source!r}: unexpected ')'")
        if kind in ("AND", "OR"):
            raise QuerySyntaxError(f"query {self.source!r}: {self.toks[self.i][1]} needs a word on each side")
        _, value = self.take()
        value = value.strip()
        if not _SEARCHABLE.search(value):
            return None  # punctuation only: nothing to look for
        if len(value) > MAX_WORD_CHARS:
            raise QuerySyntaxError(f"a word or phrase of {len(value)} characters is too long "
                                   f"(at most {MAX_WORD_CHARS})")
        return Phrase(value) if kind == "PHRASE" else Term(value)


def parse(text: str) -> Node | None:
    """Parse analyst query syntax into a tree (None for an empty query).

    A query that is not blank but holds nothing searchable (`"`, `--`), is longer than
    MAX_QUERY_CHARS, holds more than MAX_TERMS words or nests deeper than MAX_DEPTH is refused
    with QuerySyntaxError rather than answered with every case or a backend error.
    """
    text = text or ""
    if len(text) > MAX_QUERY_CHARS:
        raise QuerySyntaxError(f"query of {len(text)} characters is too long (at most {MAX_QUERY_CHARS})")
    tokens = _lex(text)
    words = sum(kind in ("WORD", "PHRASE") for kind, _ in tokens)
    if words > MAX_TERMS:
        raise QuerySyntaxError(f"query holds {words} words (at most {MAX_TERMS})")
    node = _Parser(tokens, text).parse()
    if node is None and text.strip():
        raise QuerySyntaxError(f"query {text!r} holds no word to search for")
    return node


def positive_terms(node: Node | None) -> list[str]:
    """The words and phrases a matching case contains (for highlighting), negations left out."""
    out: list[str] = []

    def walk(n: Node, negated: bool) -> None:
        if isinstance(n, (Term, Phrase)):
            if not negated:
                out.append(n.text)
        elif isinstance(n, Not):
            walk(n.item, not negated)
        else:
            for it in n.items:
                walk(it, negated)

    if node is not None:
        walk(node, False)
    return list(dict.fromkeys(out))


def iter_nodes(node: Node | None) -> Iterator[Node]:
    """Every node of the tree, depth first."""
    if node is None:
        return
    yield node
    if isinstance(node, Not):
        yield from iter_nodes(node.item)
    elif isinstance(node, (And, Or)):
        for it in node.items:
            yield from iter_nodes(it)


def is_pure_negation(node: Node | None) -> bool:
    """True for a query that only excludes (`-村医`, `NOT a NOT b`): it matches all other cases."""
    if isinstance(node, Not):
        return True
    return isinstance(node, And) and all(isinstance(i, Not) for i in node.items)


def query_tokens(text: str, tokenize: Callable[[str], list[str]] | None = None) -> list[str]:
    """The search tokens of a word or phrase, as the index holds them (normalised, segmented)."""
    if tokenize is None:
        from extractors.segment import tokenize as _tok

        tokenize = _tok
    return [t.lower() for t in tokenize(normalize(text))]


# --------------------------------------------------------------------------- synonyms
SYNONYMS = "synonyms.yaml"
# At most this many words after synonym expansion (typed words included): a word whose group
# would go beyond it is searched as typed. Each word is a few clauses on Elasticsearch, whose
# clause limit is 1,024 on a small node; MAX_TERMS bounds the typed words themselves.
MAX_EXPANDED_TERMS = 128


def _synonym_key(text: str) -> str:
    return normalize(text).strip().lower()


@lru_cache(maxsize=4)
def synonym_table(name: str = SYNONYMS) -> dict[str, tuple[str, ...]]:
    """{entry (normalised, lower case): its group, entries in file order} from a config file
    of synonym groups (config/synonyms.yaml). An entry in two groups is a ConfigError."""
    from config import load_yaml

    out: dict[str, tuple[str, ...]] = {}
    for group in (load_yaml(name) or {}).get("groups") or []:
        terms = tuple(dict.fromkeys(normalize(str(t)).strip() for t in group if str(t).strip()))
        for t in terms:
            key = _synonym_key(t)
            if key in out and out[key] != terms:
                raise ConfigError(f"config/{name}: {t!r} is in two synonym groups")
            out[key] = terms
    return out


def expand(node: Node | None, table: dict[str, tuple[str, ...]] | None = None
           ) -> tuple[Node | None, dict[str, list[str]]]:
    """The tree with every Term and Phrase written as an entry of a synonym group searched as
    any entry of its group (an Or of Terms, or of Phrases), and {text as typed: the entries
    also searched}. Negated words expand too: `-公款吃喝` excludes the whole group. Matching
    is on the whole word or phrase (normalised, case folded): `吃喝` is not expanded because
    `违规吃喝` is. Done once here, so every backend searches the same expanded tree."""
    if table is None:
        table = synonym_table()
    also: dict[str, list[str]] = {}
    budget = MAX_EXPANDED_TERMS - sum(isinstance(n, (Term, Phrase)) for n in iter_nodes(node))

    def leaf(n: Term | Phrase) -> Node:
        nonlocal budget
        key = _synonym_key(n.text)
        group = table.get(key)
        if not group:
            return n
        others = [t for t in group if _synonym_key(t) != key]
        if not others or len(others) > budget:
            return n
        budget -= len(others)
        also.setdefault(n.text, others)
        return Or((n, *(type(n)(t) for t in others)))

    def walk(n: Node) -> Node:
        if isinstance(n, (Term, Phrase)):
            return leaf(n)
        if isinstance(n, Not):
            return Not(walk(n.item))
        items = [walk(i) for i in n.items]
        if isinstance(n, Or):  # (a OR 公款吃喝): one flat Or
            flat: list[Node] = []
            for i in items:
                flat.extend(i.items if isinstance(i, Or) else (i,))
            return Or(tuple(dict.fromkeys(flat)))  # 公款吃喝 OR 违规吃喝: each entry once
        return And(tuple(items))

    return (walk(node) if node is not None else None), also


def analyse(text: str, *, exact: bool = False) -> tuple[Node | None, dict[str, list[str]]]:
    """What a store searches for an analyst's text: the parsed tree, synonyms expanded unless
    `exact`, and {word as typed: the synonyms also searched}."""
    node = parse(text)
    if exact:
        return node, {}
    return expand(node)


# --------------------------------------------------------------------------- sub-words
_HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_HAN_WORD = re.compile(f"[{_HAN}]+")
# Sub-words only count this much of a whole word in bm25 (the FTS5 column weight of `sub`);
# the Elasticsearch store scores a sub-word match with the constant SUB_BOOST (search/backends/elastic/query.py).
SUB_WEIGHT = 0.2


def is_han(token: str) -> bool:
    """Whether a token is Chinese characters only (the words that have sub-words)."""
    return bool(_HAN_WORD.fullmatch(token))


def subwords(seg: str) -> str:
    """The sub-word field of a segmented text (both stores index it beside the words).

    jieba keeps many terms inside longer dictionary words (`虚报冒领`, `开除党籍`,
    `党支部书记`), so a word index cannot find `冒领`, `党籍` or `书记` there. For every
    all-Chinese word of three or more characters this field holds its suffixes of two or more
    characters (`党支部书记` → `支部书记 部书记 书记`); a query word that is a prefix of one of
    them (`支部`, `书记`) occurs inside the word. With the prefix match on the words
    themselves, every part of two or more characters of a word is found, at n − 2 extra
    tokens for a word of n characters. Sub-words never cross a word boundary, so `村医` does
    not match `农村 医疗`.
    """
    out: list[str] = []
    for w in seg.split():
        if len(w) >= 3 and is_han(w):
            out.extend(w[i:] for i in range(1, len(w) - 1))
    return " ".join(out)


# --------------------------------------------------------------------------- FTS5
def _fts_string(token: str) -> str:
    return '"' + token.replace('"', '""') + '"'


def _fts_token(token: str, prefix: bool) -> str:
    """One query word in FTS5: the whole word, or (two or more characters) the start of an
    indexed word or of a sub-word (`{seg sub}`: one phrase over both columns, so bm25 gives
    whole-word and sub-word matches the same idf and weighs the sub-word hits by SUB_WEIGHT)."""
    if not prefix or len(token) < 2:
        return "seg : " + _fts_string(token)
    if is_han(token):
        return "{seg sub} : " + _fts_string(token) + "*"
    return "seg : " + _fts_string(token) + "*"


def to_fts5(node: Node | None, *, prefix: bool = True,
            tokenize: Callable[[str], list[str]] | None = None) -> str:
    """Translate a tree into an FTS5 MATCH expression over the segmented text.

    A Term becomes the AND of its tokens (tokens of two or more characters also match as a
    prefix, so `低保` finds `低保户`, and inside longer words through the `sub` column, so
    `冒领` finds `虚报冒领`; one-character tokens beside longer ones are dropped), a Phrase an
    FTS5 phrase over the words (`seg` only: adjacency of whole words), Not the binary `NOT`.
    Returns "" when nothing searchable is left (e.g. only punctuation was typed). A pure
    negation has no FTS5 form: the caller handles it (see `is_pure_negation`).
    """
    if node is None:
        return ""
    if isinstance(node, Term):
        toks = query_tokens(node.text, tokenize)
        if any(len(t) > 1 for t in toks):
            # A one-character word inside a longer term is often glued to its neighbour in the
            # text (村党支部书记 → 村 党支部 书记, but 东坝村 党支部 书记): leave it out.
            toks = [t for t in toks if len(t) > 1]
        parts = [_fts_token(t, prefix) for t in toks]
        if not parts:
            return ""
        return parts[0] if len(parts) == 1 else "(" + " AND ".join(parts) + ")"
    if isinstance(node, Phrase):
        toks = query_tokens(node.text, tokenize)
        if not toks:
            return ""
        return "seg : " + _fts_string(" ".join(toks))
    if isinstance(node, Or):
        parts = [p for p in (to_fts5(i, prefix=prefix, tokenize=tokenize) for i in node.items) if p]
        for item in node.items:
            if is_pure_negation(item):
                raise QuerySyntaxError("a negation inside OR needs a positive word beside it, e.g. (低保 -村医) OR 特困")
        if not parts:
            return ""
        return parts[0] if len(parts) == 1 else "(" + " OR ".join(parts) + ")"
    if isinstance(node, Not):
        # Only reached for a bare negation nested where FTS5 cannot express it.
        raise QuerySyntaxError("a negation needs a positive word beside it, e.g. 低保 -村医")
    pos = [p for p in (to_fts5(i, prefix=prefix, tokenize=tokenize) for i in node.items if not isinstance(i, Not)) if p]
    neg = [p for p in (to_fts5(i.item, prefix=prefix, tokenize=tokenize) for i in node.items if isinstance(i, Not)) if p]
    if not pos:
        if neg:
            raise QuerySyntaxError("a negation needs a positive word beside it, e.g. 低保 -村医")
        return ""
    expr = pos[0] if len(pos) == 1 else "(" + " AND ".join(pos) + ")"
    for n in neg:
        expr = f"({expr} NOT {n})"
    return expr


def negated_fts5(node: Node, *, prefix: bool = True,
                 tokenize: Callable[[str], list[str]] | None = None) -> list[str]:
    """For a pure negation: the FTS5 expressions of what must NOT match."""
    items = [node] if isinstance(node, Not) else list(node.items)  # type: ignore[union-attr]
    out = []
    for it in items:
        assert isinstance(it, Not)
        expr = to_fts5(it.item, prefix=prefix, tokenize=tokenize)
        if expr:
            out.append(expr)
    return out
