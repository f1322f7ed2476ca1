"""Extraction on documents written apart from the rules: a floor under the level reached, so a
change that loses what generalised fails. tests/extractors/heldout: 8 documents written for
leian before the issue-10 work; tests/extractors/heldout_blind: 12 documents written by a writer
who had seen neither the code nor the corpus, only gold-format.md and the taxonomy (README there);
tests/extractors/heldout_blind2: 12 more by a second such writer, four of them also as saved
web pages (html/); tests/extractors/heldout_blind3: 12 by a third, in the genres that score lowest
(prose features, text copied from PDFs, pseudonyms, speeches, research articles);
tests/extractors/heldout_exam: 15 by a fourth, a representative mix written as a final exam — scored,
never used to change a rule (keep it that way: its score is the clean estimate of unseen quality);
tests/extractors/heldout_blind4: 15 by a fifth (session 5), five of them full web pages (html/), two
long policy articles, telegraphic and traditional-script notices — scored first, then its phenomena fixed;
tests/extractors/heldout_blind5: 15 by a sixth, stressing people and sanctions (compound and dotted names,
names as subjects without posts, review digests, tables laid out with spaces, quoted regulations);
tests/extractors/heldout_blind6: 16 by a seventh, written as a final exam and scored once as one (README),
then used as a seventh batch; tests/extractors/heldout_blind7: 16 by an eighth, likewise (scored once as an
exam, then used); tests/extractors/heldout_exam2: 16 by a ninth, the last exam of session 5, never tuned on.
Session 6: tests/extractors/heldout_blind8 … heldout_blind13, six more batches by six more writers (16 each,
three or four also as web pages), each scored once before any change, then its phenomena fixed:
categories in concrete wording (8), layouts from the wild — PDF copies with hard line breaks, 01/02
headings, WeChat furniture, interviews (9), people and sanctions in every form — Tibetan, Mongolian and
Uyghur names, 某甲 pseudonyms (10), inspection reports of every layout (11), prose articles (12), a mixed
batch of notices with tables drawn with spaces (13), twelve documents all also as web pages of every kind —
CMS table layouts, iframes, WeChat, e-paper, nested font/br bodies, GBK (14), and a general mix stressing
categories (15). tests/extractors/heldout_exam3 and heldout_exam4: two more final exams (16 documents each,
four as web pages), written in session 6 and scored once at its end — never used to change anything.
Session 7: tests/extractors/heldout_blind16 (long rectification reports, a long feature, an interview, trial
news; people in every form) and heldout_blind17 (categories and sanction wordings across eras), 16 each with
four web pages, heldout_blind18 (twelve full pages of the central and provincial commission sites, fed as
text and as HTML) and heldout_blind19 (county and city documents: short notices, reports per village, a
以案促改 piece) and heldout_blind20 (ten documents in common layouts, written after the exams), scored once
before any change, then their phenomena fixed; heldout_exam5 and heldout_exam6: two final exams
(16 documents each, four as web pages) scored once at the end of session 7 — exam 6, whose text files
fell far below its web pages, was then opened in session 8 (a spent exam: its phenomena fixed, it is a
tuning set since). Session 8: heldout_blind21 (notices beyond 八项规定: medical insurance, state firms and
finance, grain, 保护伞), heldout_blind22 (seven inspection reports of every level and structure),
heldout_blind23 (text as PDF copies and scans give it: hard wraps, page furniture, CRLF, space-aligned
tables, OCR noise) and heldout_blind24 (central-site articles and notices, all twelve also as web pages),
scored once before any change, then their phenomena fixed; then heldout_blind25 (media roundups, 纪委监察局-era
and formalism notices, several people and units per case), heldout_blind26 (long reports at every list
level, a table of problems), heldout_blind27 (红头文件 as converted from Word and PDF: document numbers,
annex tables, a 处分决定) and heldout_blind28 (narrative and news: investigations, court reports, Q&A,
commentary), the same way; then heldout_blind29 (case boundaries over paragraphs and closing decisions),
heldout_blind30 (short county inspection documents), heldout_blind31 (every category, the rare ones in
everyday words) and heldout_blind32 (twelve unusual web page kinds: print versions, PDF exports, ad-split
bodies, column pages), and heldout_blind33–36 (an ordinary day's mix; western and border provinces;
2012–2016 and 2023–2026 wording; several people and units per case), written while the classifier was
retrained and never in its training; heldout_exam7 and heldout_exam8: two final exams (16 documents each,
four as web pages) scored once at the end of session 8, never used to change anything.
Session 9: exam 5, spent and never looked into until then, diagnosed (a tuning set since: Word-exported
HTML tables, overlapping posts, a notice's commentary); heldout_blind37 … heldout_blind44 (an ordinary week of
provincial sites, every category in everyday wording, inspection reports of every level, full central-site
pages, 2012–2017 county sites, long documents, mainstream news media, sector notices) and heldout_blind45 …
heldout_blind47 (central-site pages all also as HTML, a county office's month, long policy articles and
features), each scored once before any change (README), then their phenomena fixed; heldout_exam9 and
heldout_exam10: two final exams scored once at the end of session 9 — exam 10 never used to change anything,
exam 9 (its text files far below its own web pages) opened right after its score was recorded, a tuning set since.
Session 10: heldout_blind48 … heldout_blind53 (warning-education transcripts and prose features with subheaded
stories, rectification progress reports, categories inferred from conduct, full provincial pages all also as
HTML, people hard to recognise, amounts and sanctions in all their forms), each scored once before any change
(README), then their phenomena fixed; heldout_exam11 and heldout_exam12: two final exams (16 documents each,
four as web pages) scored once at the end of session 10, never used to change anything."""
from __future__ import annotations

from pathlib import Path

import pytest

from extractors.evaluate import evaluate
from extractors.pipeline import extract_file

HERE = Path(__file__).resolve().parent
FLOOR = {"cases": 0.90, "people": 0.90, "amounts": 0.95, "sanctions": 0.90, "categories": 0.75}


@pytest.mark.parametrize("folder,docs,ext", [("heldout", 8, "txt"), ("heldout_blind", 12, "txt"),
                                             ("heldout_blind2", 12, "txt"), ("heldout_blind2/html", 4, "html"),
                                             ("heldout_blind3", 12, "txt"), ("heldout_exam", 15, "txt"),
                                             ("heldout_blind4", 15, "txt"), ("heldout_blind4/html", 5, "html"),
                                             ("heldout_blind5", 15, "txt"), ("heldout_blind6", 16, "txt"),
                                             ("heldout_blind6/html", 4, "html"), ("heldout_blind7", 16, "txt"),
                                             ("heldout_blind7/html", 4, "html"), ("heldout_exam2", 16, "txt"),
                                             ("heldout_exam2/html", 4, "html"),
                                             *[(f"heldout_blind{k}", 16, "txt") for k in range(8, 14)],
                                             ("heldout_blind8/html", 3, "html"), ("heldout_blind9/html", 4, "html"),
                                             ("heldout_blind10/html", 3, "html"), ("heldout_blind11/html", 3, "html"),
                                             ("heldout_blind12/html", 3, "html"), ("heldout_blind13/html", 4, "html"),
                                             ("heldout_blind14", 12, "txt"), ("heldout_blind14/html", 12, "html"),
                                             ("heldout_blind15", 16, "txt"), ("heldout_blind15/html", 2, "html"),
                                             ("heldout_exam3", 16, "txt"), ("heldout_exam3/html", 4, "html"),
                                             ("heldout_exam4", 16, "txt"), ("heldout_exam4/html", 4, "html"),
                                             ("heldout_blind16", 16, "txt"), ("heldout_blind16/html", 4, "html"),
                                             ("heldout_blind17", 16, "txt"), ("heldout_blind17/html", 4, "html"),
                                             ("heldout_blind18", 12, "txt"), ("heldout_blind18/html", 12, "html"),
                                             ("heldout_blind19", 16, "txt"), ("heldout_blind19/html", 2, "html"),
                                             ("heldout_blind20", 10, "txt"),
                                             ("heldout_exam5", 16, "txt"), ("heldout_exam5/html", 4, "html"),
                                             ("heldout_exam6", 16, "txt"), ("heldout_exam6/html", 4, "html"),
                                             ("heldout_blind21", 12, "txt"), ("heldout_blind21/html", 5, "html"),
                                             ("heldout_blind22", 12, "txt"), ("heldout_blind22/html", 3, "html"),
                                             ("heldout_blind23", 12, "txt"), ("heldout_blind23/html", 4, "html"),
                                             ("heldout_blind24", 12, "txt"), ("heldout_blind24/html", 12, "html"),
                                             ("heldout_blind25", 12, "txt"), ("heldout_blind25/html", 4, "html"),
                                             ("heldout_blind26", 12, "txt"), ("heldout_blind26/html", 3, "html"),
                                             ("heldout_blind27", 12, "txt"), ("heldout_blind27/html", 2, "html"),
                                             ("heldout_blind28", 12, "txt"), ("heldout_blind28/html", 4, "html"),
                                             ("heldout_blind29", 12, "txt"), ("heldout_blind29/html", 4, "html"),
                                             ("heldout_blind30", 12, "txt"), ("heldout_blind30/html", 3, "html"),
                                             ("heldout_blind31", 12, "txt"), ("heldout_blind31/html", 3, "html"),
                                             ("heldout_blind32", 12, "txt"), ("heldout_blind32/html", 12, "html"),
                                             ("heldout_blind33", 12, "txt"), ("heldout_blind33/html", 4, "html"),
                                             ("heldout_blind34", 12, "txt"), ("heldout_blind34/html", 3, "html"),
                                             ("heldout_blind35", 12, "txt"), ("heldout_blind35/html", 3, "html"),
                                             ("heldout_blind36", 12, "txt"), ("heldout_blind36/html", 3, "html"),
                                             ("heldout_exam7", 16, "txt"), ("heldout_exam7/html", 4, "html"),
                                             ("heldout_exam8", 16, "txt"), ("heldout_exam8/html", 4, "html"),
                                             ("heldout_blind37", 12, "txt"), ("heldout_blind37/html", 4, "html"),
                                             ("heldout_blind38", 12, "txt"), ("heldout_blind38/html", 3, "html"),
                                             ("heldout_blind39", 12, "txt"), ("heldout_blind39/html", 3, "html"),
                                             ("heldout_blind40", 12, "txt"), ("heldout_blind40/html", 6, "html"),
                                             ("heldout_blind41", 12, "txt"), ("heldout_blind41/html", 4, "html"),
                                             ("heldout_blind42", 8, "txt"), ("heldout_blind42/html", 3, "html"),
                                             ("heldout_blind43", 12, "txt"), ("heldout_blind43/html", 4, "html"),
                                             ("heldout_blind44", 12, "txt"), ("heldout_blind44/html", 3, "html"),
                                             ("heldout_blind45", 12, "txt"), ("heldout_blind45/html", 12, "html"),
                                             ("heldout_blind46", 14, "txt"), ("heldout_blind46/html", 4, "html"),
                                             ("heldout_blind47", 10, "txt"), ("heldout_blind47/html", 3, "html"),
                                             ("heldout_exam9", 16, "txt"), ("heldout_exam9/html", 4, "html"),
                                             ("heldout_exam10", 16, "txt"), ("heldout_exam10/html", 4, "html"),
                                             ("heldout_blind48", 12, "txt"), ("heldout_blind48/html", 4, "html"),
                                             ("heldout_blind49", 12, "txt"), ("heldout_blind49/html", 3, "html"),
                                             ("heldout_blind50", 12, "txt"), ("heldout_blind50/html", 3, "html"),
                                             ("heldout_blind51", 12, "txt"), ("heldout_blind51/html", 12, "html"),
                                             ("heldout_blind52", 12, "txt"), ("heldout_blind52/html", 3, "html"),
                                             ("heldout_blind53", 12, "txt"), ("heldout_blind53/html", 3, "html"),
                                             ("heldout_exam11", 16, "txt"), ("heldout_exam11/html", 4, "html"),
                                             ("heldout_exam12", 16, "txt"), ("heldout_exam12/html", 4, "html")])
def test_heldout_documents_keep_their_level(folder, docs, ext):
    score = evaluate(HERE / folder, lambda p: extract_file(p).contract(), input_ext=ext)
    assert score.docs == docs and not score.failures, score.failures
    f1 = score.f1()
    # the second exam's four web pages (9 cases) scored 0.889 on people, 0.732 on categories: below the common floor
    floor = {**FLOOR, "people": 0.85, "categories": 0.70} if folder == "heldout_exam2/html" else FLOOR
    # batch 12's three web pages (11 cases, prose articles whose writer kept bribery apart from
    # project contracting): categories 0.667
    floor = {**floor, "categories": 0.65} if folder == "heldout_blind12/html" else floor
    # session 8's last batches, written while the classifier was retrained, not all fixed: batch 34's three
    # web pages (13 cases; a feature's section on a unit, a Kazakh name the lists lack) and batch 35's
    # (10 cases, categories of 影子公司/旋转门 wording)
    floor = {**floor, "people": 0.80} if folder == "heldout_blind34/html" else floor
    floor = {**floor, "categories": 0.65} if folder == "heldout_blind35/html" else floor
    # session 9's batch 47 web pages (3 pages, 6 cases): a feature whose writer lists the people the
    # second story names from the first and leaves out quoted farmers the rules keep — people 0.824
    floor = {**floor, "people": 0.80} if folder == "heldout_blind47/html" else floor
    # session 10's batch 48 (warning-education transcripts and features: officials later called by
    # given name or surname+某, a comparison paragraph opening the next story) people 0.892; batch 50
    # (categories to be inferred from conduct told without the taxonomy's words) 0.753; batch 53's PDF
    # table gives amounts as bare numbers under a 违纪金额（元） header — amounts 0.947
    floor = {**floor, "people": 0.85} if folder == "heldout_blind48" else floor
    floor = {**floor, "categories": 0.70} if folder == "heldout_blind50" else floor
    floor = {**floor, "amounts": 0.90} if folder == "heldout_blind53" else floor
    # session 10's second final exam (never tuned on): amounts 0.921 on its text files, 0.857 on its
    # four web pages (11 cases) at its one scoring
    floor = {**floor, "amounts": 0.90} if folder == "heldout_exam12" else floor
    floor = {**floor, "amounts": 0.85} if folder == "heldout_exam12/html" else floor
    low = {f: round(f1[f], 3) for f, bar in floor.items() if f1[f] < bar}
    misses = [f"{d}: {m}" for d, ms in score.misses.items() for m in ms]
    assert not low, f"below the floor: {low}\n" + "\n".join(misses)
