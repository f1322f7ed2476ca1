"""The summary's words: the common pattern of a class in plain Chinese, a typical case's
headline, excerpt and the reason it was chosen, and the notes on how figures are counted."""
from __future__ import annotations

import re
import statistics

from search.incidents import Incident
from search.posts import posts_of
from search.summary.chinese import cn_count, cn_number, fmt_yuan
from search.summary.figures import sanctioned_people, subjects
from search.summary.model import KIND_FINDING, CaseAmount, Money, What, Who
from search.summary.tables import kind_of, severity
from extractors.model import Case
from search.text import official, sentences

NOTES = (  # how the figures are counted, said at the end of every report
    "同一问题被多份通报转载的，按一起计算（见“范围”中的转载情况），数字均按去重后的问题计。",
    "涉案金额按每起问题载明的最大涉案金额计，“余”“多”按所载基数计；收费标准、统计数字、项目投资或预算不计入，"
    "挽回损失、退缴金额单列。",
    "人员只计问题所涉的公职人员和单位，行贿人、受益人、亲属、村民等不计入人数和职务。",
    "职务按人计，一人兼任多个职务的分别计入；处分按问题计，同一问题多人受同一处分的计一起。",
    "量纪参考中的金额为受处理人员本人名下的涉案金额；原文未区分到人的，按该起问题的涉案金额计。",
    "巡察（巡视）报告中发现的问题不是已处理的案件，单独计数，不计入涉案金额合计和最大一起。",
    "每个数字背后的案例编号见 JSON 版本（case_ids）。",
)


def pattern_of(n: int, class_name: str, what: What, who: Who, money: Money) -> str:
    """The common pattern in plain words, built from the figures and the cases' own phrases."""
    categories, domains, behaviours, terms = what.categories, what.domains, what.behaviours, what.terms
    if not n:
        return "本类未检索到案例。"
    # 为主, 集中, 多为 and 常见 say "most of several": never of counts of 1
    parts = [f"本类共{n}起问题"]
    if categories:
        main = [t for t in categories[:3] if t.count >= 2]
        if main and n > 1:
            parts.append("，问题类型以" + "、".join(f"{t.label}{t.count}起" for t in main) + "为主")
        else:
            parts.append("，问题类型为" + "、".join(t.label for t in categories[:3]) + ("等" if len(categories) > 3 else ""))
    if domains:
        main = [t for t in domains[:3] if t.count >= 2]
        if main and n > 1:
            parts.append("，集中在" + "、".join(t.label for t in main) + "领域")
        else:
            parts.append("，涉及" + "、".join(t.label for t in domains[:3]) + "领域")
    parts.append("。")
    shared = [b for b in behaviours if b.count >= 2]
    if shared:
        items = []
        for b in shared[:3]:
            ex = b.examples[0]["text"] if b.examples else ""
            items.append(f"{b.cue}（{b.count}起" + (f"，如“{official(ex)}”" if ex else "") + "）")
        parts.append("常见情形是" + "；".join(items) + "。")
    elif behaviours:
        b = behaviours[0]
        ex = b.examples[0]["text"] if b.examples else ""
        parts.append(f"具体情形如{b.cue}" + (f"（“{official(ex)}”）" if ex else "") + "。")
    if who.posts:
        many = [t for t in who.posts[:3] if t.count >= 2]
        if many:
            parts.append("涉及人员多为" + "、".join(f"{t.key}（{t.count}人）" for t in many) + "。")
        else:
            parts.append("涉及人员有" + "、".join(t.key for t in who.posts[:3]) + ("等" if len(who.posts) > 3 else "") + "。")
    if money.cases_with_amount:
        parts.append(f"{money.cases_with_amount}起载明涉案金额，合计{fmt_yuan(money.total.value, money.total.approximate)}。")
    if terms:
        parts.append("高频词：" + "、".join(t.term for t in terms[:6]) + "。")
    return "".join(parts)


def headline_of(case: Case) -> str:
    if case.title:
        return case.title.strip()
    first = sentences(case.text)
    head = first[0] if first else case.text
    head = re.sub(r"^[\s（(]*[一二三四五六七八九十\d]+[、.．)）]\s*", "", head)
    return head[:60] + ("…" if len(head) > 60 else "")


def excerpt_of(case: Case, limit: int = 260) -> str:
    """The case's account without its heading line, cut at `limit` characters."""
    text = re.sub(r"\s+", "", case.text)
    first = sentences(text)
    if len(first) > 1 and re.search(r"问题$|問題$", first[0]):
        text = text[text.index(first[0]) + len(first[0]):].lstrip("。；;：:")
    return text[:limit] + ("…" if len(text) > limit else "")


class ReasonContext:
    """What a typical case's reason compares it with: the class's categories, wordings, posts
    and amounts."""

    def __init__(self, what: What, who: Who, money: Money):
        self.categories = what.categories
        self.behaviours = what.behaviours
        self.posts = who.posts
        self.amounts = sorted((a.value for a in money.per_case), reverse=True)


def reason_for(inc: Incident, amount: CaseAmount | None, ctx: ReasonContext, kind: str) -> str:
    """Why a case is typical, in words: its sum (and its rank in the class), its sanction,
    and what it shares with the class (its category, its wording, its posts)."""
    c = inc.case
    parts: list[str] = []
    if amount:
        text = f"{'涉及' if kind == KIND_FINDING else '涉案'}金额{fmt_yuan(amount.value, amount.approximate)}"
        if kind != KIND_FINDING and len(ctx.amounts) >= 3 and amount.value in ctx.amounts:
            rank = ctx.amounts.index(amount.value) + 1
            text += f"，在本类载明金额的{len(ctx.amounts)}起问题中居第{cn_number(rank)}位" if rank <= 3 else \
                ("，高于本类中位数" if amount.value > statistics.median(ctx.amounts) else "")
        parts.append(text)
    sp = sanctioned_people(c)
    if sp:
        heaviest = max((lab for _, _, labs in sp for lab in labs), key=severity)
        named = [w for w, _, _ in sp if w]
        if len(named) > 1:
            parts.append(f"{cn_count(len(named))}人受到处理，最重为{heaviest}")
        else:
            who = official(named[0]) if named else "当事人"
            parts.append(f"{who}受到{heaviest}处分" if kind_of(heaviest) != "组织处理及其他" else f"{who}被{heaviest}")
    elif kind == KIND_FINDING:
        parts.append("为巡察发现的问题，尚未载明处理结果")
    codes = list(dict.fromkeys(x.code for x in c.categories))
    top = next((t for t in ctx.categories if t.key in codes), None)
    if top and top.count >= 2:
        parts.append(f"属本类{'最多见' if top is ctx.categories[0] else '多见'}的“{top.label}”问题（{top.count}起）")
    shared = next((b for b in ctx.behaviours if inc.id in b.case_ids and b.count >= 2), None)
    if shared:
        parts.append(f"“{shared.cue}”的做法另见于本类{shared.count - 1}起问题")
    posts = {p for s in subjects(c) for p in posts_of(s.position)}
    common = [t.key for t in ctx.posts[:3] if t.key in posts and t.count >= 2]
    if common:
        parts.append(f"当事人为{'、'.join(common)}，是本类涉及最多的职务")
    if len(inc.copies) > 1:
        parts.append(f"被{cn_count(len(inc.copies))}份文件通报")
    return "；".join(parts)
