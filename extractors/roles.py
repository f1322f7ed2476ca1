"""Who is who in a case, and whose each sum of money is.

Run after people, amounts and sanctions (the leian_roles component). Two things:

- `assign_roles`: each person is the `subject` (the official or unit whose conduct is at
  issue) or `other` (a briber, beneficiary, relative, villager, victim, witness, complainant).
  Signals, strongest first: a sanction given to the person makes a subject; then the post given
  with the name: one that names no official (村民, 其妻, 商人, 包工头…) or only a business makes
  an other, any other post a subject; then, for a name given with no post, kinship or favour
  words right before a mention (为其亲属X办理, 向X索要, 明知X不符合条件) or giving words after
  it (X向王某行贿) make an other, conduct words after it (X利用职务便利, X违规…) a subject. A
  name listed with a subject (X、Y等人) is a subject. A person with no signal is a subject when
  the case names no subject otherwise (the text is about someone), and an other when it does
  (a name beside the officials).
- `attribute_amounts`: each sum is given to the subject named nearest before it in its
  sentence (joint actors, X伙同Y / X和Y, together, joined by 、); failing that, to the first
  subject named after it in its clause (4.2万元被孙某私分); failing that, to a unit named
  as the actor in the sentence (村委会, 该局); failing that, to the case's only subject. A
  statistic is nobody's.

Lexicons are data in config/roles.yaml. Offsets of the items are relative to `text` plus
`base` (the components pass the Doc's text and the case's start).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from config import load_yaml
from extractors.model import Amount, Person, Sanction
from extractors.normalize import SENTENCE_END as _SENTENCE_END

_CLAUSE_END = _SENTENCE_END + "，,：:"
_BEFORE_WINDOW = 8  # a kinship or favour word sits right before the name
_AFTER_WINDOW = 20  # conduct words follow the name within its clause
_JOINT_GAP = 14  # X伙同村会计Y: the words between joint actors
_JOINERS = ("伙同", "和", "与", "及", "、", "同", "以及", "联合", "勾结")
_UNATTRIBUTED_ROLES = ("statistic",)
_LIST_JOINERS = ("、", "和", "与", "及", "，", ",")
_NAMING = ("分别为", "均为", "认定为", "任命为", "选举为", "作为", "成为", "称为", "名为", "长为", "人为", "员为", "记为", "任为")  # 为 that names (负责人为X), no favour
_TO_WHOM = ("向", "给")  # 向李某行贿: the one after 向 took the bribe
# 其 and a short word right before a name: his or her kin or acquaintance (其妻弟邵某, 其表哥X);
# 其中/其他/其余 are no kinship
_KIN_OF_HIS = re.compile(r"其(?![中他它余间后实次所])[\u4e00-\u9fff]{1,3}$")


@dataclass(frozen=True)
class RoleLexicon:
    """config/roles.yaml, loaded once."""

    other_posts: tuple[str, ...]
    business_posts: tuple[str, ...]
    relation_before: tuple[str, ...]
    beneficiary_before: tuple[str, ...]
    bribe_after: tuple[str, ...]
    conduct_after: tuple[str, ...]
    unit_subjects: tuple[str, ...]
    official_marks: tuple[str, ...]


@lru_cache(maxsize=1)
def lexicon() -> RoleLexicon:
    """The role lexicons (config/roles.yaml), loaded once; longer words first."""
    return build_role_lexicon(load_yaml("roles.yaml"))


def build_role_lexicon(cfg: dict[str, Any]) -> RoleLexicon:
    """A RoleLexicon from the parsed config/roles.yaml; longer words first."""

    def words(key: str) -> tuple[str, ...]:
        return tuple(sorted(cfg.get(key, ()), key=len, reverse=True))

    return RoleLexicon(*(words(k) for k in (
        "other_posts", "business_posts", "relation_before", "beneficiary_before", "bribe_after",
        "conduct_after", "unit_subjects", "official_marks")))


def name_mentions(text: str, people: list[Person]) -> list[tuple[int, int, Person]]:
    """Every place a person's name is said in `text`, sorted; 朱某 inside 朱某某 is no mention
    of 朱某, and a name inside a longer name said at the same place is dropped."""
    found: list[tuple[int, int, Person]] = []
    for p in people:
        if not p.name:
            continue
        for m in re.finditer(re.escape(p.name), text):
            if p.name.endswith("某") and text[m.end():m.end() + 1] == "某":
                continue
            found.append((m.start(), m.end(), p))
    found.sort(key=lambda x: (x[0], -(x[1] - x[0])))
    out: list[tuple[int, int, Person]] = []
    for s, e, p in found:
        if out and s < out[-1][1]:
            continue  # inside the longer name said here
        out.append((s, e, p))
    return out


def _clause_before(text: str, start: int) -> str:
    lo = start
    while lo > 0 and start - lo < _BEFORE_WINDOW and text[lo - 1] not in _CLAUSE_END:
        lo -= 1
    return text[lo:start]


def _clause_after(text: str, end: int) -> str:
    hi = end
    while hi < len(text) and hi - end < _AFTER_WINDOW and text[hi] not in _CLAUSE_END:
        hi += 1
    return text[end:hi]


def _post_says_other(position: str, lex: RoleLexicon) -> bool:
    """A post that names no official: it ends in a word of the other_posts lexicon (村民,
    妻子, 老板), so 村民小组长 (ending in 组长) is an official's post."""
    post = position.strip()
    return bool(post) and post.endswith(lex.other_posts)


def _post_says_business(position: str, lex: RoleLexicon) -> bool:
    """A post in a business (某建筑公司经理) and in nothing public (a 村党总支委员 who also runs
    the village company is an official)."""
    return any(w in position for w in lex.business_posts) and not any(w in position for w in lex.official_marks)


def _mention_says_other(text: str, start: int, end: int, lex: RoleLexicon) -> bool:
    """Kinship or favour right before the name (其妻王某, 为其亲属李某办理, 向张某索要), or giving
    words after it (王某向李某行贿: 王某 is the briber). 向/给 before a name followed by giving
    words (向李某行贿, 给李某送去) name the official who took: no other."""
    before = _clause_before(text, start)
    after = _clause_after(text, end)
    if before.endswith(lex.relation_before) or _KIN_OF_HIS.search(before):
        return True
    if before.endswith(lex.beneficiary_before) and not before.endswith(_NAMING):
        return not (before.endswith(_TO_WHOM) and _gives(after, lex))
    if after.startswith(_TO_WHOM) and _gives(after, lex):
        return True
    return after.startswith(lex.bribe_after)


def _gives(after: str, lex: RoleLexicon) -> bool:
    return any(w in after for w in lex.bribe_after)


def _mention_says_subject(text: str, start: int, end: int, lex: RoleLexicon) -> bool:
    """Conduct words after the name in its clause (王某利用职务便利, 王某受到党内警告处分), or the
    name is the one given to (向李某行贿)."""
    after = _clause_after(text, end)
    if _clause_before(text, start).endswith(_TO_WHOM) and _gives(after, lex):
        return True
    after = re.sub(r"^(?:[（(][^）)]{0,20}[）)])", "", after)  # 王某（另案处理）受到…
    return any(w in after[:8] for w in lex.conduct_after)


def assign_roles(text: str, people: list[Person], sanctions: list[Sanction], base: int = 0,
                 lex: RoleLexicon | None = None) -> list[Person]:
    """Set `role` on each person of a case (in place; the list is returned); `lex`: default,
    the shipped config/roles.yaml."""
    if not people:
        return people
    lex = lex or lexicon()
    sanctioned = {s.person for s in sanctions if s.person}
    if len(people) == 1 and any(not s.person for s in sanctions):
        sanctioned.add(people[0].name)  # a sanction whose person is not told is the only person's
    by_name: dict[str, list[tuple[int, int]]] = {}
    for s, e, p in name_mentions(text, people):
        by_name.setdefault(p.name, []).append((s, e))
    undecided: list[Person] = []
    for p in people:
        spans = by_name.get(p.name) or ([(p.start - base, p.end - base)] if p.start >= base else [])
        if p.name in sanctioned:
            p.role = "subject"
        elif p.position.strip():
            p.role = "other" if _post_says_other(p.position, lex) or _post_says_business(p.position, lex) else "subject"
        elif any(_mention_says_other(text, s, e, lex) for s, e in spans):
            p.role = "other"
        elif any(_mention_says_subject(text, s, e, lex) for s, e in spans):
            p.role = "subject"
        else:
            undecided.append(p)
    _roles_of_lists(text, people, undecided)
    has_subject = any(p.role == "subject" for p in people)
    for p in undecided:
        if not p.role:
            p.role = "other" if has_subject else "subject"
    return people


def _roles_of_lists(text: str, people: list[Person], undecided: list[Person]) -> None:
    """A name listed with a subject (金某、屈某、孙某分别予以…; X、Y等人截留…) is one of the
    subjects: the undecided names of a 、/和-joined list take the role of its decided ones."""
    if not undecided:
        return
    mentions = name_mentions(text, people)
    groups: list[list[Person]] = []
    for k, (s, _e, p) in enumerate(mentions):
        if k and text[mentions[k - 1][1]:s] in _LIST_JOINERS:
            groups[-1].append(p)
        else:
            groups.append([p])
    for group in groups:
        if any(p.role == "subject" for p in group):
            for p in group:
                if p in undecided and not p.role:
                    p.role = "subject"


def _sentence_start(text: str, at: int) -> int:
    lo = at
    while lo > 0 and text[lo - 1] not in _SENTENCE_END:
        lo -= 1
    return lo


def _joint(text: str, mentions: list[tuple[int, int, Person]]) -> list[str]:
    """The last subject named and those joined to it before (X伙同Y, X、Y和Z): their names."""
    chain = [mentions[-1]]
    for prev in reversed(mentions[:-1]):
        gap = text[prev[1]:chain[-1][0]]
        if len(gap) <= _JOINT_GAP and not any(ch in _CLAUSE_END for ch in gap) \
                and any(gap.startswith(j) or j in gap[:4] for j in _JOINERS):
            chain.append(prev)
        else:
            break
    names: list[str] = []
    for _, _, p in reversed(chain):
        if p.name not in names:
            names.append(p.name)
    return names


def _unit_before(sentence: str, lex: RoleLexicon) -> str:
    """The last unit word named as an actor in the sentence before the sum (村委会, 该局)."""
    best, best_pos = "", -1
    for w in lex.unit_subjects:
        pos = sentence.rfind(w)
        if pos > best_pos:
            best, best_pos = w, pos
    return best


def attribute_amounts(text: str, people: list[Person], amounts: list[Amount], base: int = 0,
                      lex: RoleLexicon | None = None) -> list[Amount]:
    """Set `person` on each sum of a case (in place; the list is returned): see the module
    docstring. Roles must be assigned first (`assign_roles`); `lex`: default, config/roles.yaml."""
    lex = lex or lexicon()
    subjects = [p for p in people if p.role == "subject"]
    mentions = name_mentions(text, subjects)
    only = subjects[0].name if len({p.name for p in subjects}) == 1 else ""
    for a in amounts:
        if a.role in _UNATTRIBUTED_ROLES or a.start < base:
            continue
        at = a.start - base
        lo = _sentence_start(text, at)
        before = [m for m in mentions if lo <= m[0] and m[1] <= at]
        if before:
            a.person = "、".join(_joint(text, before))
            continue
        clause_end = a.end - base
        while clause_end < len(text) and text[clause_end] not in _CLAUSE_END:
            clause_end += 1
        after = [m for m in mentions if a.end - base <= m[0] and m[1] <= clause_end]
        if after:  # 4.2万元被孙某私分: the subject named after the sum in its clause
            a.person = after[0][2].name
            continue
        unit = _unit_before(text[lo:at], lex)
        a.person = unit or only
    return amounts


def cross_references(texts: list[str], people: list[list[Person]], sanctions: list[list[Sanction]],
                     amounts: list[list[Amount]]) -> list[set[str]]:
    """Per case, the names that only point at another case's person: a feature compares its
    cases (如果说韦某芬、欧阳某宇是“苍蝇”，那么龙建华则是…). Such a name is said once in this
    case, at least twice in the other one, gets no sanction or sum here, and this case has a
    person of its own said more often."""
    counts = [{p.name: t.count(p.name) for p in ps} for t, ps in zip(texts, people)]
    out: list[set[str]] = []
    for i, ps in enumerate(people):
        own = {s.person for s in sanctions[i] if s.person} | {n for a in amounts[i] if a.person
                                                               for n in a.person.split("、")}
        drop = set()
        for p in ps:
            if counts[i][p.name] != 1 or p.name in own:
                continue
            elsewhere = any(counts[j].get(p.name, 0) >= 2 for j in range(len(people)) if j != i)
            if elsewhere and any(q.name != p.name and counts[i][q.name] >= 2 for q in ps):
                drop.add(p.name)
        out.append(drop)
    return out


__all__ = ["RoleLexicon", "assign_roles", "cross_references", "attribute_amounts", "build_role_lexicon", "lexicon", "name_mentions"]
