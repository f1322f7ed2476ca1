"""Notices written for the class-case tests, with their fields as an analyst would mark them.

Each case's fields are given as the words of its text (spans are found in the text), so the
Case objects are what a good extraction yields, whatever state the extractor is in. The texts
vary the way real notices do: simplified and traditional script, full-width and ASCII
punctuation, 余/多 amounts, several people, one incident republished in two notices.
"""
from __future__ import annotations

import hashlib

from extractors.model import Amount, Case, Category, DateMention, Document, Domain, Person, Region, Sanction, case_id

CATEGORY_LABELS = {"false_claims": "虚报冒领", "favoritism": "优亲厚友", "banquets": "违规吃喝",
                   "project_contracting": "违规插手工程项目或违规发包招投标", "embezzlement": "贪污侵占",
                   "collective_assets": "农村集体“三资”管理违规", "dereliction": "失职失责、履职不力、监管不力"}

# (text, people [(name, position[, role])], amounts [(text, value, role[, person])], sanctions [(label, person)],
#  categories [(code, evidence)], domains [(code, label)], regions [(name, level)], dates [(text, value, end)])
LOWBAO_A = dict(
    text="一、湖北省仙桃市陈场镇黄湾村党支部书记王孙标虚报冒领低保金问题。2018年6月至2020年9月，王孙标利用负责低保申报的职务便利，"
         "虚报冒领其亲属低保金共计3.2万元。2021年3月，王孙标受到党内严重警告处分，违纪款已全部收缴。",
    people=[("王孙标", "陈场镇黄湾村党支部书记")],
    amounts=[("3.2万元", 32000.0, "involved")],
    sanctions=[("党内严重警告", "王孙标")],
    categories=[("false_claims", "虚报冒领")], domains=[("subsistence_allowance", "低保")],
    regions=[("湖北省", "province"), ("仙桃市", "city"), ("陈场镇", "township"), ("黄湾村", "village")],
    dates=[("2018年6月至2020年9月", "2018-06", "2020-09"), ("2021年3月", "2021-03", "")],
)
LOWBAO_B = dict(
    text="二、河南省太康县高朗乡李庄村党支部书记、村委会主任李建国和村会计张某某虚报冒领低保资金问题。2016年至2019年，李建国伙同张某某"
         "以已故村民名义虚报低保户5户，冒领低保资金8.6万余元，用于个人开支。李建国受到开除党籍处分，张某某受到党内警告处分，"
         "李建国涉嫌犯罪问题移送检察机关依法审查起诉。",
    people=[("李建国", "高朗乡李庄村党支部书记、村委会主任"), ("张某某", "村会计")],
    amounts=[("8.6万余元", 86000.0, "involved")],
    sanctions=[("开除党籍", "李建国"), ("党内警告", "张某某"), ("移送检察机关", "李建国")],
    categories=[("false_claims", "虚报"), ("embezzlement", "冒领低保资金8.6万余元，用于个人开支")],
    domains=[("subsistence_allowance", "低保")],
    regions=[("河南省", "province"), ("太康县", "county"), ("高朗乡", "township"), ("李庄村", "village")],
    dates=[("2016年至2019年", "2016", "2019")],
)
# The same incident as LOWBAO_B, republished by the province with other numbering and punctuation.
LOWBAO_B_COPY = dict(
    LOWBAO_B,
    text=("（三）" + LOWBAO_B["text"][2:]).replace("，", ",").replace("。", ". ").replace("依法审查起诉", ""),
    categories=[("false_claims", "虚报冒领")],
)
LOWBAO_TRAD = dict(
    text="三、山東省陽谷縣安樂鎮紅旗村黨支部書記、村委會主任劉某虛報冒領低保金問題。2019年1月至2020年12月，劉某將不符合條件的3名親屬"
         "納入低保，虛報冒領低保金2.4萬元。2021年5月，劉某受到黨內警告處分，違紀款已收繳。",
    people=[("劉某", "陽谷縣安樂鎮紅旗村黨支部書記、村委會主任")],
    amounts=[("2.4萬元", 24000.0, "involved")],
    sanctions=[("党内警告", "劉某")],
    categories=[("false_claims", "虛報冒領"), ("favoritism", "親屬")], domains=[("subsistence_allowance", "低保")],
    regions=[("山東省", "province"), ("陽谷縣", "county"), ("安樂鎮", "township"), ("紅旗村", "village")],
    dates=[("2019年1月至2020年12月", "2019-01", "2020-12"), ("2021年5月", "2021-05", "")],
)
LOWBAO_C = dict(
    text="四、四川省理县薛城镇木卡村村委会主任杨某套取低保金问题。2020年，杨某在低保审核中把关不严，虚报2户低保对象，套取低保金1.5万元"
         "据为己有。2021年8月，杨某受到政务记过处分。",
    people=[("杨某", "薛城镇木卡村村委会主任")],
    amounts=[("1.5万元", 15000.0, "involved")],
    sanctions=[("政务记过", "杨某")],
    categories=[("false_claims", "套取")], domains=[("subsistence_allowance", "低保")],
    regions=[("四川省", "province"), ("理县", "county"), ("薛城镇", "township"), ("木卡村", "village")],
    dates=[("2020年", "2020", ""), ("2021年8月", "2021-08", "")],
)
FAVOR = dict(
    text="五、湖北省仙桃市剅河镇赵湾村党支部书记赵某优亲厚友问题。2019年，赵某违规为其儿子、弟弟办理低保，未经村民代表评议和公示。"
         "2020年4月，赵某受到党内警告处分，违规享受的低保金1.1万元被追缴。",
    people=[("赵某", "剅河镇赵湾村党支部书记")],
    amounts=[("1.1万元", 11000.0, "returned")],
    sanctions=[("党内警告", "赵某")],
    categories=[("favoritism", "优亲厚友")], domains=[("subsistence_allowance", "低保")],
    regions=[("湖北省", "province"), ("仙桃市", "city"), ("剅河镇", "township"), ("赵湾村", "village")],
    dates=[("2019年", "2019", ""), ("2020年4月", "2020-04", "")],
)
BANQUET_A = dict(
    text="1.江苏省某县交通运输局局长周某违规公款吃喝问题。2022年春节期间，周某安排下属单位在私人会所超标准公务接待，"
         "接待费用共计1.8万元以会议费名义报销。周某受到党内警告处分，违规费用已退缴。",
    people=[("周某", "县交通运输局局长")],
    amounts=[("1.8万元", 18000.0, "involved")],
    sanctions=[("党内警告", "周某")],
    categories=[("banquets", "公款吃喝")], domains=[("official_reception", "公务接待")],
    regions=[("江苏省", "province")],
    dates=[("2022年春节", "2022-02", "")],
)
BANQUET_B = dict(
    text="2.浙江省某市卫生健康局副局长吴某接受宴请并饮酒问题。2023年5月工作日午餐，吴某接受管理服务对象宴请并饮酒，"
         "餐费4600元由对方支付。吴某受到政务警告处分。",
    people=[("吴某", "市卫生健康局副局长")],
    amounts=[("4600元", 4600.0, "involved")],
    sanctions=[("政务警告", "吴某")],
    categories=[("banquets", "接受宴请")], domains=[("official_reception", "公务接待")],
    regions=[("浙江省", "province")],
    dates=[("2023年5月", "2023-05", "")],
)
PROJECT_A = dict(
    text="一、福建省安溪县某镇党委书记陈某违规插手工程项目问题。2017年至2020年，陈某利用职务便利，违规将镇区道路工程肢解发包给其亲属"
         "控制的公司，涉及金额320万元，并收受好处费12万元。陈某受到开除党籍、政务开除处分，涉嫌犯罪问题移送检察机关。",
    people=[("陈某", "某镇党委书记")],
    amounts=[("320万元", 3_200_000.0, "involved"), ("12万元", 120_000.0, "involved")],
    sanctions=[("开除党籍", "陈某"), ("政务开除", "陈某"), ("移送检察机关", "陈某")],
    categories=[("project_contracting", "肢解发包"), ("bribery", "收受好处费")], domains=[("construction_projects", "工程项目")],
    regions=[("福建省", "province"), ("安溪县", "county")],
    dates=[("2017年至2020年", "2017", "2020")],
)


def build_document(name: str, items: list[dict], doc_id: str | None = None, title: str = "",
                   doc_type: str = "case_notice") -> Document:
    """A Document whose cases are the given items, fields located in the document text."""
    header = f"{title or name}\n"
    text = header + "\n".join(i["text"] for i in items)
    doc_id = doc_id or hashlib.sha256(text.encode("utf-8")).hexdigest()
    doc = Document(id=doc_id, path=f"/notices/{name}.txt", title=title or name, text=text, date="2021-06-01",
                   issuer="某市纪委监委", doc_type=doc_type)
    pos = len(header)
    for k, item in enumerate(items, start=1):
        t = item["text"]
        start = pos

        def span(s: str) -> tuple[int, int]:
            i = t.find(s)
            assert i >= 0, f"{s!r} not in case text"
            return start + i, start + i + len(s)

        case = Case(id=case_id(doc_id, k), doc_id=doc_id, ordinal=k, text=t, start=start, end=start + len(t))
        for nm, position, *role in item.get("people", []):
            s, e = span(nm)
            case.people.append(Person(name=nm, position=position, start=s, end=e, anonymised="某" in nm,
                                      role=role[0] if role else ""))
        for txt, value, role, *person in item.get("amounts", []):
            s, e = span(txt)
            case.amounts.append(Amount(text=txt, value=value, role=role, approximate="余" in txt or "多" in txt,
                                       start=s, end=e, person=person[0] if person else ""))
        for label, person in item.get("sanctions", []):
            s, e = span(label if label in t else person)
            case.sanctions.append(Sanction(label=label, person=person, text=label, start=s, end=e))
        for code, ev in item.get("categories", []):
            s, e = span(ev)
            case.categories.append(Category(code=code, label=CATEGORY_LABELS.get(code, code), evidence=ev, start=s, end=e))
        for code, label in item.get("domains", []):
            s, e = span(label) if label in t else (-1, -1)
            case.domains.append(Domain(code=code, label=label, text=label, start=s, end=e))
        for nm, level in item.get("regions", []):
            s, e = span(nm)
            case.regions.append(Region(name=nm, level=level, start=s, end=e))
        for txt, value, end_value in item.get("dates", []):
            s, e = span(txt)
            case.dates.append(DateMention(text=txt, value=value, end_value=end_value, start=s, end=e))
        doc.cases.append(case)
        pos += len(t) + 1
    return doc


def documents() -> list[Document]:
    """Three notices: a county notice, a province notice republishing one of its cases, and a
    notice of other kinds of cases."""
    return [
        build_document("county-2021-mass-interest", [LOWBAO_A, LOWBAO_B, LOWBAO_TRAD, LOWBAO_C, FAVOR],
                       title="关于5起群众身边腐败问题典型案例的通报"),
        build_document("province-2021-lowbao", [LOWBAO_B_COPY], title="省纪委监委通报低保领域典型问题"),
        build_document("city-2023-eight-rules", [BANQUET_A, BANQUET_B, PROJECT_A], title="违反中央八项规定精神典型问题通报"),
    ]


# Cases for the roles of people and sums (issue 12): whose sum, what sum, who is at issue.
# A village whose committee shared out a fund while its cashier pocketed a part: the secretary
# carries the committee's sum, the cashier their own; a villager reported it.
SHARED_OUT = dict(
    text="一、某省某县某镇和平村违规私分集体资金问题。2019年至2021年，和平村党支部书记孙某某主持村“两委”会议，"
         "决定将集体资金48.6万元按人头私分；村出纳钱某某另将其中6320元据为己有。村民周某某向县纪委监委反映了问题。"
         "孙某某受到撤销党内职务处分，钱某某受到党内警告处分，违纪款已全部收缴。",
    people=[("孙某某", "和平村党支部书记", "subject"), ("钱某某", "村出纳", "subject"), ("周某某", "村民", "other")],
    amounts=[("48.6万元", 486_000.0, "involved", "村“两委”"), ("6320元", 6320.0, "involved", "钱某某")],
    sanctions=[("撤销党内职务", "孙某某"), ("党内警告", "钱某某")],
    categories=[("collective_assets", "私分")], domains=[("collective_assets", "集体资金")],
    regions=[("和平村", "village")], dates=[("2019年至2021年", "2019", "2021")],
)
# A fee charged at a rate per household, a sum recovered, and a county-wide statistic in the
# same case: only the 1.62万元 taken is the case's sum.
FEE_RATE = dict(
    text="二、某县某乡石桥村村委会主任吴某违规收费问题。2020年，吴某按每户30元的标准向540户村民收取卫生费，"
         "共收取1.62万元用于村里吃喝。该乡今年以来共查处此类问题12起，涉及金额260万元。吴某受到政务警告处分，"
         "追回违规收取的费用1.62万元。",
    people=[("吴某", "石桥村村委会主任", "subject")],
    amounts=[("30元", 30.0, "rate", "吴某"), ("1.62万元", 16_200.0, "involved", "吴某"), ("260万元", 2_600_000.0, "statistic"),
             ("1.62万元", 16_200.0, "recovered", "吴某")],
    sanctions=[("政务警告", "吴某")],
    categories=[("collective_assets", "违规收费")], domains=[("collective_assets", "收费")],
    regions=[("石桥村", "village")], dates=[("2020年", "2020", "")],
)
# A briber and a relative beside the official: neither counts among the people.
BRIBE = dict(
    text="三、某县某镇建设办主任郑某受贿问题。2018年，包工头冯某为承揽村道工程，向郑某行贿3万元；郑某还为其妻弟陈某违规办理"
         "危房改造补助。郑某受到开除党籍处分。",
    people=[("郑某", "建设办主任", "subject"), ("冯某", "包工头", "other"), ("陈某", "", "other")],
    amounts=[("3万元", 30_000.0, "involved", "郑某")],
    sanctions=[("开除党籍", "郑某")],
    categories=[("collective_assets", "受贿")], domains=[("collective_assets", "工程")],
    regions=[], dates=[("2018年", "2018", "")],
)
# A problem an inspection found: a large sum, no sanction yet.
FINDING = dict(
    text="（一）集体“三资”管理混乱问题。巡察发现，某镇12个村违规出借集体资金，涉及金额850万元，部分村账目不清。",
    people=[],
    amounts=[("850万元", 8_500_000.0, "involved")],
    sanctions=[],
    categories=[("collective_assets", "违规出借")], domains=[("collective_assets", "集体资金")],
    regions=[], dates=[],
)


def role_documents() -> list[Document]:
    """A notice of the three cases above and an inspection report with one finding."""
    return [
        build_document("county-2022-collective-assets", [SHARED_OUT, FEE_RATE, BRIBE],
                       title="关于3起农村集体“三资”管理典型问题的通报"),
        build_document("county-2022-inspection-feedback", [FINDING], title="关于巡察某镇党委的反馈意见",
                       doc_type="inspection_report"),
    ]


# Cases for a document fit to send (issue 12, "A document fit to send").
# Traditional script with ASCII punctuation, corner quotes and a quote inside a quote, as a
# Hong Kong or Taiwan outlet republishes a notice.
TRAD_ASCII = dict(
    text="六、廣東省某縣某鎮石角村黨支部書記、村委會主任陳某虛報冒領低保金問題。2019年至2021年,陳某以「照顧困難戶」為名,"
         "將其兩名親屬納入低保,虛報冒領低保金3.6萬元,村民稱其為\"「低保專業戶」的保護傘\"。2022年3月,陳某受到黨內嚴重警告處分。",
    people=[("陳某", "某鎮石角村黨支部書記、村委會主任")],
    amounts=[("3.6萬元", 36000.0, "involved")],
    sanctions=[("党内严重警告", "陳某")],
    categories=[("false_claims", "虛報冒領"), ("favoritism", "親屬")], domains=[("subsistence_allowance", "低保")],
    regions=[("廣東省", "province"), ("石角村", "village")],
    dates=[("2019年至2021年", "2019", "2021"), ("2022年3月", "2022-03", "")],
)
# A fee charged to enterprises by a law-enforcement office: the enterprise-fee measures apply.
FEE_ENTERPRISE = dict(
    text="七、某县市场监管局执法大队队长韩某违规向企业收费问题。2021年,韩某在执法检查中以“服务费”名义向12家个体工商户和企业收取费用"
         "4.8万元。韩某受到政务记过处分。",
    people=[("韩某", "县市场监管局执法大队队长", "subject")],
    amounts=[("4.8万元", 48_000.0, "involved", "韩某")],
    sanctions=[("政务记过", "韩某")],
    categories=[("extortion", "收取费用")], domains=[("fees_charges", "收费")],
    regions=[], dates=[("2021年", "2021", "")],
)
# A web page as saved: the extractor's fields are navigation, a byline and nothing; the text
# states the headline, the outlet and the publication date.
WEB_PAGE_HEAD = ("首页 > 新闻 > 纪检监察 > 正文\n"
                 "石角村党支部书记虚报冒领低保金被严重警告\n"
                 "发布时间:2022-04-08 10:15  来源:南方纪检网\n")


def web_page_document(path: str = "/tmp/leian-xyz123/saved/page.html") -> Document:
    """A saved web page with the TRAD_ASCII case; its fields as a poor extraction leaves them."""
    doc = build_document("page", [TRAD_ASCII], title="首页 > 新闻 > 纪检监察 > 正文")
    header = "首页 > 新闻 > 纪检监察 > 正文\n"
    shift = len(WEB_PAGE_HEAD) - len(header)
    doc.text = WEB_PAGE_HEAD + doc.text[len(header):]
    for c in doc.cases:
        c.start += shift
        c.end += shift
        for items in (c.people, c.amounts, c.sanctions, c.categories, c.domains, c.regions, c.dates):
            for it in items:
                if it.start >= 0:
                    it.start += shift
                    it.end += shift
    doc.path, doc.issuer, doc.date = path, "记者从", ""
    return doc
