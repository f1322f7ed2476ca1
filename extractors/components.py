"""leian's spaCy components: each extracted field becomes labelled spans on the Doc.

The pipeline (`extractors.segment.get_nlp`) is `spacy.blank("zh")` with the jieba
segmenter, followed by these components, registered with `@Language.factory`:

  leian_ner         LAC names and organisations, one batched run per document
                                                         -> doc.spans["ner"] (PER, ORG)
  leian_cases       split the document into cases        -> doc.spans["cases"]
  leian_people      people with posts, per case           -> doc.spans["people"]
  leian_amounts     money in yuan                         -> doc.spans["amounts"]
  leian_sanctions   canonical sanctions                   -> doc.spans["sanctions"]
  leian_roles       who is the subject, whose each sum is  (Person.role, Amount.person)
  leian_categories  problem categories with evidence      -> doc.spans["categories"]
  leian_domains / leian_regions / leian_dates             -> doc.spans[...]

The rules and lexicons are data in config/, compiled once into one typed, frozen `Rules`
(extractors.rules). A component that reads rules gets them through its factory config: the
value `rules = {"@misc": "leian.rules.v1", "config_dir": ""}` names the registered
`make_rules`, which builds the Rules of a directory once; `extractors.segment.get_nlp` hands
the same value to every component, so they share one object, and nothing reads a module global.

Each component calls the pure field function of its module, with its part of the rules, on
each case's text, except domains: their cues are found once on the whole Doc and each case
takes those it contains (`extractors.domains.domains_within`, exactly what the case alone
reads). Amounts, dates and regions stay per case because their context must stop at the case's
edges: a count in the sentence before a case makes its sum a statistic, a year stated in an
earlier case would date a day-and-month of this one, and the place scanner's state and
look-ahead would cross. The items are kept in `doc.user_data["leian"]` (one `CaseDraft` per
case, offsets in the Doc's text), so `extractors.pipeline` builds the Document from one pass,
and displaCy renders any document with `style="span"`. The Doc's text is the NORMALISED text
(see extractors.normalize).
"""
from __future__ import annotations

import logging
from bisect import bisect_left, bisect_right
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import registry

from extractors.amounts import column_amounts, extract_amounts
from extractors.cases import CaseSpan, Split, commentary_blanked, split_cases
from extractors.categories import extract_categories
from extractors.dates import extract_dates
from extractors.domains import domain_mentions, domains_within
from extractors.model import Item
from extractors.ner import NerSpan, entities, spans_in
from extractors.people import extract_people, not_investigators, said_whole_elsewhere
from extractors.regions import extract_regions
from extractors.roles import assign_roles, attribute_amounts, cross_references
from extractors.rules import Rules, load_rules
from extractors.sanctions import case_sanctions

log = logging.getLogger(__name__)

SPAN_KEYS = ("cases", "people", "amounts", "sanctions", "categories", "domains", "regions", "dates")
PIPE_NAMES = ("leian_ner", "leian_cases", "leian_people", "leian_amounts", "leian_sanctions", "leian_roles",
              "leian_categories", "leian_domains", "leian_regions", "leian_dates")


# The factory config value that names the rules a component reads: the registered function
# below, building (once per directory) the Rules of config/ or of `config_dir`.
RULES_REF = "leian.rules.v1"
DEFAULT_RULES: dict[str, Any] = {"@misc": RULES_REF, "config_dir": ""}
# the components built with a `rules` config value
RULED_PIPES = ("leian_cases", "leian_people", "leian_amounts", "leian_sanctions", "leian_roles", "leian_categories",
               "leian_domains", "leian_regions")


def rules_config(config_dir: str = "") -> dict[str, Any]:
    """The `rules` factory config value naming the Rules of `config_dir` ("" is config/)."""
    return {"@misc": RULES_REF, "config_dir": config_dir}


@registry.misc(RULES_REF)
def make_rules(config_dir: str = "") -> Rules:
    """The compiled rules of `config_dir` ("" is the shipped config/), built once per directory."""
    return load_rules(config_dir or None)


@dataclass
class CaseDraft:
    """One case while the pipeline runs: its span and items (offsets in the Doc's text)."""

    span: CaseSpan
    fields: dict[str, list[Any]] = field(default_factory=dict)


def _state(doc: Doc) -> dict[str, Any]:
    return doc.user_data.setdefault("leian", {"doc_type": "article", "cases": [], "mode": ""})


def _text(doc: Doc) -> str:
    """The Doc's text, built once (spaCy joins every token for each `doc.text`)."""
    state = _state(doc)
    if "text" not in state:
        state["text"] = doc.text
    return state["text"]


def _edges(doc: Doc) -> list[int]:
    """Sorted token start/end offsets of the Doc, computed once."""
    state = _state(doc)
    if "edges" not in state:
        edges = set()
        for tok in doc:
            edges.add(tok.idx)
            edges.add(tok.idx + len(tok))
        state["edges"] = sorted(edges)
    return state["edges"]


def drafts(doc: Doc) -> list[CaseDraft]:
    """The cases the components found in a Doc."""
    return _state(doc)["cases"]


def _add_span(doc: Doc, key: str, start: int, end: int, label: str) -> None:
    if end <= start:
        return
    span = doc.char_span(start, end, label=label, alignment_mode="expand")
    if span is not None:
        doc.spans[key].append(span)


def _boundaries(doc: Doc, start: int, end: int) -> frozenset[int]:
    """jieba token edges inside [start, end), relative to start (helps tell name lengths)."""
    edges = _edges(doc)
    lo, hi = bisect_left(edges, start), bisect_right(edges, end)
    return frozenset([0] + [e - start for e in edges[lo:hi]])


def _shift(item: Item, by: int) -> Item:
    item.shift(by)
    return item


@Language.factory("leian_ner")
def make_ner(nlp: Language, name: str) -> Callable[[Doc], Doc]:
    """LAC over the whole document in one batched run (extractors.ner): PER and ORG spans.

    Runs first, so the sentence cache it fills serves the later per-text calls (case
    splitting asks for the names of paragraphs), and the people component takes the spans
    inside each case."""

    def ner(doc: Doc) -> Doc:
        found: list[NerSpan] = entities(_text(doc), ("PER", "ORG"))
        _state(doc)["ner"] = found
        doc.spans["ner"] = []
        for sp in found:
            _add_span(doc, "ner", sp.start, sp.end, sp.label)
        return doc

    return ner


@Language.factory("leian_cases", default_config={"rules": DEFAULT_RULES})
def make_cases(nlp: Language, name: str, rules: Rules) -> Callable[[Doc], Doc]:
    """Split the document into cases (extractors.cases) and tell its type."""
    case_rules = rules.cases

    def cases(doc: Doc) -> Doc:
        # cases given with the Doc (a piece of a long document, see run_pipeline), else found here
        split = doc.user_data.pop("leian_split", None) or split_cases(_text(doc), case_rules)
        state = _state(doc)
        state["doc_type"] = split.doc_type
        state["mode"] = split.mode
        state["cases"] = [CaseDraft(c) for c in split.cases]
        doc.spans["cases"] = []
        for c in split.cases:
            _add_span(doc, "cases", c.start, c.end, split.doc_type)
        return doc

    return cases


def run_pipeline(nlp: Language, text: str, split: Split) -> Doc:
    """The pipeline on `text` with its cases already known (offsets into `text`)."""
    doc = nlp.make_doc(text)
    doc.user_data["leian_split"] = split
    for _, proc in nlp.pipeline:
        doc = proc(doc)
    return doc


def _field_component(key: str, run: Callable[[str, CaseDraft, Doc], list[Item]],
                     label: Callable[[Any], str]) -> Callable[[Doc], Doc]:
    def component(doc: Doc) -> Doc:
        doc.spans[key] = []
        for draft in drafts(doc):
            s, e = draft.span.start, draft.span.end
            items = [_shift(it, s) for it in run(_text(doc)[s:e], draft, doc)]
            draft.fields[key] = items
            for it in items:
                _add_span(doc, key, it.start, it.end, label(it))
        return doc

    return component


@Language.factory("leian_people", default_config={"rules": DEFAULT_RULES})
def make_people(nlp: Language, name: str, rules: Rules) -> Callable[[Doc], Doc]:
    """People with posts (extractors.people)."""
    people_rules = rules.people

    def people(text: str, draft: CaseDraft, doc: Doc) -> list[Item]:
        s, e = draft.span.start, draft.span.end
        state = _state(doc)
        ner = spans_in(state["ner"], s, e) if "ner" in state else None  # None: LAC runs on the case
        found = extract_people(text, boundaries=_boundaries(doc, s, e), ner=ner, rules=people_rules)
        found = not_investigators(_text(doc), found, people_rules)
        return list(said_whole_elsewhere(_text(doc), found, state["ner"]) if "ner" in state else found)

    return _field_component("people", people, lambda p: "PERSON")


@Language.factory("leian_amounts", default_config={"rules": DEFAULT_RULES})
def make_amounts(nlp: Language, name: str, rules: Rules) -> Callable[[Doc], Doc]:
    """Money in yuan (extractors.amounts)."""
    cues = rules.amounts

    def amounts(text: str, draft: CaseDraft, doc: Doc) -> list[Item]:
        s = draft.span.start
        # sums in a table's money column, whose unit its header above the case states
        in_column = [_shift(a, -s) for a in column_amounts(_text(doc), s, draft.span.end, cues)]
        return sorted([*extract_amounts(text, cues), *in_column], key=lambda a: a.start)

    return _field_component("amounts", amounts, lambda a: "AMOUNT")


@Language.factory("leian_sanctions", default_config={"rules": DEFAULT_RULES})
def make_sanctions(nlp: Language, name: str, rules: Rules) -> Callable[[Doc], Doc]:
    """Canonical sanctions linked to people (extractors.sanctions); runs after leian_people."""
    lexicon = rules.sanctions

    def sanctions(text: str, draft: CaseDraft, doc: Doc) -> list[Item]:
        # the whole document: a closing decision sentence may name this case's people (case_sanctions)
        cases = [(d.span.start, d.span.end, d.fields.get("people", [])) for d in drafts(doc)]
        own = next(k for k, d in enumerate(drafts(doc)) if d is draft)
        return list(case_sanctions(_text(doc), cases, own, lexicon))

    return _field_component("sanctions", sanctions, lambda s: s.label)


@Language.factory("leian_roles", default_config={"rules": DEFAULT_RULES})
def make_roles(nlp: Language, name: str, rules: Rules) -> Callable[[Doc], Doc]:
    """Person.role and Amount.person (extractors.roles); runs after people, amounts, sanctions."""
    lex = rules.roles

    def roles(doc: Doc) -> Doc:
        for draft in drafts(doc):
            s, e = draft.span.start, draft.span.end
            people, amounts = draft.fields.get("people", []), draft.fields.get("amounts", [])
            assign_roles(_text(doc)[s:e], people, draft.fields.get("sanctions", []), base=s, lex=lex)
            attribute_amounts(_text(doc)[s:e], people, amounts, base=s, lex=lex)
        ds = drafts(doc)
        drops = cross_references([_text(doc)[d.span.start:d.span.end] for d in ds],
                                 [d.fields.get("people", []) for d in ds], [d.fields.get("sanctions", []) for d in ds],
                                 [d.fields.get("amounts", []) for d in ds])
        gone = []
        for d, names in zip(ds, drops):
            if names:
                gone += [p.start for p in d.fields["people"] if p.name in names]
                d.fields["people"] = [p for p in d.fields["people"] if p.name not in names]
        if gone:
            doc.spans["people"] = [sp for sp in doc.spans["people"]
                                   if not any(sp.start_char <= a < sp.end_char for a in gone)]
        return doc

    return roles


@Language.factory("leian_categories", default_config={"rules": DEFAULT_RULES})
def make_categories(nlp: Language, name: str, rules: Rules) -> Callable[[Doc], Doc]:
    """Problem categories with their evidence (extractors.categories)."""
    categorizer, case_rules = rules.categories, rules.cases

    def categories(text: str, draft: CaseDraft, doc: Doc) -> list[Item]:
        doc_type = _state(doc)["doc_type"]
        told = text
        if doc_type != "inspection_report":
            # (a report's findings are said of officials in general: 一些党员干部违规收受礼金)
            told = commentary_blanked(text, {p.name for p in draft.fields.get("people", [])}, case_rules)
        found = extract_categories(told, doc_type=doc_type, categorizer=categorizer, heading=draft.span.section)
        if told == text or any(c.evidence for c in found):
            return list(found)
        # (only commentary named a problem: the whole text's categories, the classifier read again)
        return list(extract_categories(text, doc_type=doc_type, categorizer=categorizer,
                                       heading=draft.span.section))

    return _field_component("categories", categories, lambda c: c.code)


@Language.factory("leian_domains", default_config={"rules": DEFAULT_RULES})
def make_domains(nlp: Language, name: str, rules: Rules) -> Callable[[Doc], Doc]:
    """Fields of work (extractors.domains)."""
    cues = rules.domains

    def domains(doc: Doc) -> Doc:
        # the cues are found once on the whole Doc; each case takes those it contains
        text = _text(doc)
        mentions = domain_mentions(text, cues)
        doc.spans["domains"] = []
        for draft in drafts(doc):
            items = domains_within(text, mentions, draft.span.start, draft.span.end, cues)
            draft.fields["domains"] = items
            for it in items:
                _add_span(doc, "domains", it.start, it.end, it.code)
        return doc

    return domains


@Language.factory("leian_regions", default_config={"rules": DEFAULT_RULES})
def make_regions(nlp: Language, name: str, rules: Rules) -> Callable[[Doc], Doc]:
    """Places (extractors.regions)."""
    gz = rules.regions
    return _field_component("regions", lambda t, d, doc: list(extract_regions(t, gz)), lambda x: x.level.upper())


@Language.factory("leian_dates")
def make_dates(nlp: Language, name: str) -> Callable[[Doc], Doc]:
    """Dates and periods (extractors.dates)."""
    return _field_component("dates", lambda t, d, doc: list(extract_dates(t)), lambda x: "DATE")


__all__ = ["CaseDraft", "PIPE_NAMES", "RULED_PIPES", "SPAN_KEYS", "drafts", "rules_config", "run_pipeline"]

