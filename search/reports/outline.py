"""A summary as an ordered list of blocks — the one text both the DOCX and the Markdown render.

Sections follow the order analysts write a 类案分析 in: 基本情况, 涉及人员和单位, 问题特点,
涉案金额, 处理情况与量纪参考, 典型案例, 制度漏洞, 整改建议, then notes and sources.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from search.summary.chinese import cn_date, cn_number, fmt_yuan
from search.summary.model import KIND_FINDING, Summary
from search.text import official

LEVEL_NAMES = {"province": "省级", "city": "市级", "county": "县级", "township": "乡镇", "village": "村（社区）"}
CN_NUM = "一二三四五六七八九十"
MAX_ROWS = 15  # longer tables are cut in the report (the JSON has every row)


@dataclass
class Heading:
    text: str
    level: int  # 0 title, 1 section, 2 sub-section


@dataclass
class Para:
    text: str
    style: str = ""  # "" body, "meta" small grey line, "quote" case excerpt, "note"


@dataclass
class Bullets:
    items: Sequence[str | tuple[str, str]]  # text, or (bold lead, text)
    numbered: bool = False


@dataclass
class Table:
    caption: str
    headers: list[str]
    rows: list[list[str]]
    note: str = ""
    widths: list[float] = field(default_factory=list)  # relative column widths


@dataclass
class Chart:
    key: str  # file stem
    caption: str
    labels: list[str]
    values: list[int]
    unit: str = "起"


Block = Heading | Para | Bullets | Table | Chart


def _pct(n: int, total: int) -> str:
    return f"{100.0 * n / total:.0f}%" if total else "—"


def _cut(rows: list[list[str]], what: str) -> tuple[list[list[str]], str]:
    if len(rows) <= MAX_ROWS:
        return rows, ""
    return rows[:MAX_ROWS], f"共{len(rows)}项，此处列前{MAX_ROWS}项，完整列表见 JSON 版本。"


def outline(s: Summary) -> list[Block]:
    """The report's blocks, in order."""
    b: list[Block] = [Heading(s.title, 0)]
    cd = s.class_def
    kind = {"saved": "保存的类案", "category": "问题类别", "cluster": "自动聚类", "query": "检索"}.get(cd.kind, cd.kind)
    meta = f"类案范围：{cd.name}（{kind}" + (f"，编号 {cd.id}）" if cd.kind != "query" else "）")
    if cd.query:
        meta += f"；检索式：{cd.query}"
    b.append(Para(meta + f"；生成时间：{s.generated_at[:10]}", "meta"))
    sec = iter(CN_NUM)

    # 一、基本情况
    sc = s.scope
    b.append(Heading(f"{next(sec)}、基本情况", 1))
    text = f"本类共收录案例{sc.cases}个，去除同一问题被多份文件重复通报的情况后为{sc.incidents}起问题，来源于{sc.documents}份通报或报告。"
    if sc.copies:
        text += f"其中{len(sc.copies)}起问题被多份文件重复通报。"
    if sc.findings:
        text += (f"{sc.incidents}起中{sc.findings}起为巡察（巡视）发现的问题，{sc.incidents - sc.findings}起为通报的案件；"
                 "巡察发现的问题尚非处理完毕的案件，金额、处理情况单列。")
    if sc.date_from:
        text += f"所涉时间从{cn_date(sc.date_from)}至{cn_date(sc.date_to)}。"
    names = {"province": "个省（自治区、直辖市）", "city": "个市（州、盟）", "county": "个县（市、区、旗）"}
    parts = [f"{len(sc.regions[lv])}{names[lv]}" for lv in names if sc.regions.get(lv)]
    if parts:
        text += "涉及" + "、".join(parts) + "。"
    b.append(Para(text))
    rows = []
    for lv in ("province", "city", "county"):
        for t in sc.regions.get(lv, []):
            rows.append([t.key, LEVEL_NAMES[lv], str(t.count), _pct(t.count, sc.incidents)])
    if rows:
        rows, note = _cut(rows, "地区")
        b.append(Table("表1 问题地区分布", ["地区", "层级", "问题数（起）", "占比"], rows, note, [3, 1.5, 1.5, 1]))
    if sc.years:
        b.append(Para("按年份（案例所载最晚时间）：" + "，".join(f"{t.key}年{t.count}起" for t in sc.years) + "。"))

    # 二、涉及人员和单位
    w = s.who
    b.append(Heading(f"{next(sec)}、涉及人员和单位", 1))
    text = f"{len(w.case_ids)}起问题载明了涉及人员，共{w.people}人。"
    if w.posts:
        text += "按职务统计：" + "，".join(f"{t.key}{t.count}人" for t in w.posts[:6]) + "（一人兼任多职的分别计入）。"
    if w.without_post.count:
        text += f"另有{w.without_post.count}起问题的人员未载明职务。"
    if w.others.count:
        text += f"案例中另提及行贿人、受益人、亲属、群众等{w.others.count}人，不计入上述人数。"
    b.append(Para(text))
    if w.posts:
        rows, note = _cut([[t.key, str(t.count), str(len(t.case_ids))] for t in w.posts], "职务")
        b.append(Table("表2 涉及人员职务分布", ["职务", "人数", "涉及问题（起）"], rows, note, [3, 1, 1.5]))
    if w.units:
        shown = w.units[:10]
        b.append(Para("涉及单位：" + "、".join(f"{t.key}" + (f"（{t.count}起）" if t.count > 1 else "") for t in shown)
                      + (f"等{len(w.units)}个单位。" if len(w.units) > len(shown) else "。")))

    # 三、问题特点
    wh = s.what
    b.append(Heading(f"{next(sec)}、问题特点", 1))
    b.append(Para(wh.pattern))
    if wh.categories:
        rows = [[t.label, str(t.count), _pct(t.count, sc.incidents)] for t in wh.categories]
        rows, note = _cut(rows, "类别")
        b.append(Table("表3 问题类别分布", ["问题类别", "问题数（起）", "占比"], rows,
                       note or "一起问题可能同时属于多个类别。", [4, 1.5, 1]))
        b.append(Chart("categories", "图1 问题类别分布", [t.label for t in wh.categories[:10]],
                       [t.count for t in wh.categories[:10]]))
    if wh.behaviours:
        items = []
        for beh in wh.behaviours[:6]:
            ex = "；".join(f"“{e['text']}”" for e in beh.examples[:2] if e["text"])
            items.append(f"“{beh.cue}”{beh.count}起" + (f"，如{ex}" if ex else "") + "。")
        b.append(Para("主要表现（案例原文）：", "lead"))
        b.append(Bullets(items))
    if wh.domains:
        b.append(Para("涉及领域：" + "、".join(f"{t.label}{t.count}起" for t in wh.domains[:8]) + "。"))
    if wh.terms:
        b.append(Para("本类高频特征词：" + "、".join(f"{t.term}（{t.count}起）" for t in wh.terms[:10]) + "。"))

    # 四、涉案金额
    m = s.money
    b.append(Heading(f"{next(sec)}、涉案金额", 1))
    if m.cases_with_amount:
        text = (f"{m.cases_with_amount}起问题载明涉案金额，合计{fmt_yuan(m.total.value, m.total.approximate)}，"
                f"每起中位数{fmt_yuan(m.median.value, m.median.approximate)}，"
                f"最大一起{fmt_yuan(m.largest.value, m.largest.approximate)}（{m.largest.case_ids[0]}）。")
    else:
        text = "本类案例均未载明涉案金额。"
    if m.recovered.case_ids:
        text += f"{len(m.recovered.case_ids)}起载明挽回损失或追回资金，合计{fmt_yuan(m.recovered.value, m.recovered.approximate)}。"
    if m.returned.case_ids:
        text += f"{len(m.returned.case_ids)}起载明退缴、收缴或追缴，合计{fmt_yuan(m.returned.value, m.returned.approximate)}。"
    if m.findings.case_ids:
        text += (f"另有{len(m.findings.case_ids)}起巡察发现的问题载明涉及金额，合计"
                 f"{fmt_yuan(m.findings.value, m.findings.approximate)}，未计入上述合计。")
    b.append(Para(text))
    if m.per_case:
        rows = [[a.case_id, a.region or "—", a.text or fmt_yuan(a.value),
                 fmt_yuan(a.value, a.approximate)] for a in m.per_case]
        rows, note = _cut(rows, "金额")
        b.append(Table("表4 涉案金额（按金额从高到低）", ["案例编号", "地区", "原文金额", "折合"], rows, note, [2.2, 3, 1.5, 1.3]))

    # 五、处理情况与量纪参考
    sa = s.sanctions
    b.append(Heading(f"{next(sec)}、处理情况与量纪参考", 1))
    if sa.distribution:
        text = "处理结果：" + "，".join(f"{t.label}{t.incidents}起{t.people}人" for t in sa.distribution) + "。"
    else:
        text = "本类案例均未载明处理结果。"
    if sa.without_sanction.count and sa.distribution:
        text += f"另有{sa.without_sanction.count}起问题未载明处理结果。"
    b.append(Para(text))
    if sa.distribution:
        rows = [[t.label, t.kind, str(t.incidents), str(t.people)] for t in sa.distribution]
        b.append(Table("表5 处理结果分布", ["处理结果", "类型", "问题数（起）", "人数"], rows, "", [2, 2, 1.3, 1]))
        top = sorted(sa.distribution, key=lambda t: (-t.people, t.label))[:10]
        b.append(Chart("sanctions", "图2 处理结果分布（人次）", [t.label for t in top], [t.people for t in top], "人"))
        rows = []
        for r in sa.reference:
            if r.amount_min:
                rng = fmt_yuan(r.amount_min.value, r.amount_min.approximate)
                if r.amount_max and r.amount_max.value != r.amount_min.value:
                    rng += "—" + fmt_yuan(r.amount_max.value, r.amount_max.approximate)
                med = fmt_yuan(r.amount_median.value, r.amount_median.approximate) if r.amount_median else "—"
            else:
                rng, med = "未载明", "—"
            posts = "、".join(f"{p.key}×{p.count}" for p in r.posts[:3]) or "—"
            rows.append([r.label, str(r.precedents), rng, med, posts])
        b.append(Table("表6 量纪参考：本类先例的处理结果与金额、职务", ["处理结果", "先例（起）", "本人涉案金额区间", "金额中位数", "受处理人员职务"],
                       rows, "按处理结果由重到轻排列；金额为受处理人员本人名下的涉案金额，原文未区分到人的按该起问题的涉案金额计。",
                       [2, 1.1, 2.6, 1.6, 3.2]))
        labels = [t.label for t in sorted(sa.distribution, key=lambda t: (-t.incidents, t.label))[:5]]
        rows = [[band.band, *[str(band.counts.get(lab, 0) or "") for lab in labels], str(len(band.case_ids))] for band in sa.bands]
        b.append(Table("表7 涉案金额区间与处理结果（起）", ["涉案金额", *labels, "合计"], rows,
                       "合计为该金额区间的问题数，一起问题可有多种处理结果。", [2.2] + [1.4] * len(labels) + [1]))
        rows = [[p.case_id, p.region or "—", p.person + (f"（{'、'.join(p.posts)}）" if p.posts else ""),
                 fmt_yuan(p.amount, p.approximate) if p.amount else "—", "、".join(p.sanctions)] for p in sa.precedents]
        rows, note = _cut(rows, "先例")
        b.append(Table("表8 先例明细（按处理轻重、金额排列）", ["案例编号", "地区", "人员及职务", "本人涉案金额", "处理结果"], rows, note,
                       [2.3, 2.6, 2.6, 1.6, 2]))

    # 六、典型案例
    b.append(Heading(f"{next(sec)}、典型案例", 1))
    if not s.typical:
        b.append(Para("本类暂无案例。"))
    for k, tc in enumerate(s.typical):
        label = "【巡察发现问题】" if tc.kind == KIND_FINDING else ""
        b.append(Heading(f"（{cn_number(k + 1)}）{label}{tc.headline}", 2))
        b.append(Para(tc.excerpt, "quote"))
        facts = []
        if tc.region:
            facts.append(f"地区：{tc.region}")
        if tc.people:
            facts.append("人员：" + "；".join(tc.people))
        if tc.kind == KIND_FINDING:
            facts.append("性质：巡察（巡视）发现的问题，非已处理案件")
        if tc.amount:
            said = tc.amount_text if tc.amount_text and ("元" in tc.amount_text or "圆" in tc.amount_text) else fmt_yuan(tc.amount)
            facts.append(f"{'涉及金额' if tc.kind == KIND_FINDING else '涉案金额'}：{said}")
        if tc.sanctions:
            facts.append("处理结果：" + "、".join(tc.sanctions))
        if tc.categories:
            facts.append("问题类别：" + "、".join(tc.categories))
        facts.append(f"来源：{tc.source.citation()}，案例编号 {tc.case_id}")
        if tc.copies:
            facts.append("另见：" + "；".join(d.citation() for d in tc.copies))
        b.append(Bullets(facts))
        if tc.reason:
            b.append(Para(f"选为典型的理由：{tc.reason}。", "note"))

    # 七、制度漏洞
    b.append(Heading(f"{next(sec)}、暴露的制度漏洞", 1))
    if s.gaps:
        items = []
        for g in s.gaps[:10]:
            cue = f"（案例中出现“{'”“'.join(g.cues[:4])}”等）" if g.cues else ""
            items.append(f"{g.gap}：{g.count}起{cue}。")
        b.append(Bullets(items, numbered=True))
    else:
        b.append(Para("案例文字未直接反映出制度漏洞，建议结合案卷进一步分析。"))

    # 八、整改建议
    b.append(Heading(f"{next(sec)}、整改建议", 1))
    b.append(Para("针对本类问题，建议有关单位从以下方面推动类案整改、系统治理："))
    scopes: list[tuple[str, str]] = []
    for me in s.measures:
        if (me.kind, me.scope) not in scopes:
            scopes.append((me.kind, me.scope))
    for k, (kind, scope) in enumerate(scopes):
        title = {"general": "共性措施", "domain": f"针对{scope}领域"}.get(kind, f"针对“{scope}”问题")
        b.append(Heading(f"（{cn_number(k + 1)}）{title}", 2))
        measures: list[tuple[str, str]] = []
        for me in s.measures:
            if (me.kind, me.scope) == (kind, scope):
                basis = f"（依据：{me.basis}）" if me.basis else ""
                n = f"（涉及本类{len(me.case_ids)}起问题）" if kind != "general" else f"（本类全部{len(me.case_ids)}起问题）"
                measures.append((f"{me.title}。", f"{me.detail}{basis}{n}"))
        b.append(Bullets(measures, numbered=True))

    # 说明与来源
    b.append(Heading("附：说明与来源文件", 1))
    b.append(Bullets(s.notes))
    rows = [[f"《{d.title}》" if d.title else "未载明标题" + (f"，首句“{d.opening}”" if d.opening else ""), d.issuer or "未载明",
             cn_date(d.date) if d.date else "原文未载明", str(len(d.case_ids))] for d in s.documents]
    rows, note = _cut(rows, "文件")
    b.append(Table("表9 来源文件", ["标题", "发布机关", "日期", "案例数"], rows, note, [4, 2.4, 1.6, 0.8]))
    return [_official(x) for x in b]


def _official(block: Block) -> Block:
    """Every text of a block in simplified script with full-width punctuation, quotes in
    quotes as ‘…’ (search.text.official): the document is fit to send whatever script and
    punctuation the notices were published in."""
    if isinstance(block, (Heading, Para)):
        block.text = official(block.text)
    elif isinstance(block, Bullets):
        block.items = [(official(i[0]), official(i[1])) if isinstance(i, tuple) else official(i) for i in block.items]
    elif isinstance(block, Table):
        block.caption, block.note = official(block.caption), official(block.note)
        block.headers = [official(h) for h in block.headers]
        block.rows = [[official(c) for c in row] for row in block.rows]
    elif isinstance(block, Chart):
        block.caption = official(block.caption)
        block.labels = [official(x) for x in block.labels]
    return block
