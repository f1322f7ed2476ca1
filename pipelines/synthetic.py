"""Synthetic corpus generator: realistic, varied case notices and inspection reports with
their ground truth, for benchmarks of every store backend (and the demo's bulk).

Notices vary what real ones vary: the issuing level (county, city, province), the title and
opening, numbering (一、 / （一） / 1.), posts from village to county bureau, names written
in full or anonymised (张某 / 张某某), the problem and its wording (several phrasings per
problem category, each tied to its field of work), amounts in many forms (3.2万元, 32000元,
12万余元, 三万五千元, ranges), dates and periods, and the sanctions with their many
phrasings. A share of cases are *republished*: a city or province notice repeats a county's
case with its region prefixed, a clause reworded or names anonymised — the near-duplicates
the store must recognise as one incident.

    from pipelines.synthetic import generate, to_document, write_corpus
    for sd in generate(n_docs=100, seed=7): doc = to_document(sd)      # Documents with fields
    write_corpus("bench-corpus/", n_docs=1000, seed=7)                # .txt files on disk

`python -m pipelines.synthetic OUT_DIR --docs N` writes files from the command line.
"""
from __future__ import annotations

import argparse
import hashlib
import random
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from extractors.model import Amount, Case, Category, DateMention, Document, Domain, Person, Region, Sanction, case_id

PROVINCES = {
    "河南省": {"周口市": ["太康县", "西华县", "郸城县"], "信阳市": ["光山县", "固始县", "商城县"]},
    "湖南省": {"湘潭市": ["湘潭县", "韶山市", "湘乡市"], "邵阳市": ["隆回县", "洞口县", "新宁县"]},
    "四川省": {"南充市": ["仪陇县", "营山县", "蓬安县"], "宜宾市": ["屏山县", "高县", "珙县"]},
    "安徽省": {"蚌埠市": ["怀远县", "五河县", "固镇县"], "阜阳市": ["临泉县", "太和县", "阜南县"]},
    "广西壮族自治区": {"百色市": ["田东县", "德保县", "那坡县"], "河池市": ["南丹县", "天峨县", "凤山县"]},
    "湖北省": {"荆州市": ["公安县", "监利市", "江陵县"], "黄冈市": ["红安县", "罗田县", "英山县"]},
    "贵州省": {"毕节市": ["大方县", "金沙县", "织金县"], "铜仁市": ["江口县", "石阡县", "思南县"]},
    "江西省": {"赣州市": ["于都县", "兴国县", "宁都县"], "吉安市": ["永丰县", "泰和县", "遂川县"]},
}
TOWN_ROOTS = ["城关", "河西", "青石", "柳林", "白沙", "龙泉", "新安", "大坪", "黄土", "石门", "马鞍", "桃源",
              "永兴", "长岭", "清水", "金鸡", "双河", "高桥", "团结", "凤凰"]
VILLAGE_ROOTS = ["东坝", "南湾", "北岭", "西沟", "杨柳", "李家", "高坡", "新庄", "三合", "红星", "王庄", "塘坊",
                 "五里", "岔河", "竹林", "枫树", "沙坪", "店子", "罗湾", "白果"]
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾萧田董潘袁蔡蒋余于杜叶程魏苏吕丁任卢姚沈钟姜崔谭陆范汪廖石金韦贾夏付方邹熊白孟秦邱侯江尹薛闫段雷龙黎史陶贺毛郝顾龚邵万覃武钱戴严欧莫孔向常汤康易乔赖文"
GIVEN = "国建明华文志军平海东伟德永林春光金秀英兰芳军红小玉桂立新庆学忠家宏正友福连成俊雄全勇涛超斌丽敏静强磊洋艳勇杰娟霞刚健"

VILLAGE_POSTS = ["党支部书记", "党支部书记、村委会主任", "村委会主任", "村委会副主任", "会计", "报账员",
                 "村监委会主任", "党总支书记", "党支部原书记", "村委会原主任", "文书", "村民小组组长"]
TOWN_POSTS = ["党委书记", "党委副书记、{head}", "人大主席", "财政所所长", "民政办主任", "党委副书记",
              "{head}", "农业服务中心主任", "扶贫工作站站长", "纪委书记", "党委委员、副{head}", "社会事务办工作人员"]
COUNTY_POSTS = ["县民政局局长", "县教育局副局长", "县住房和城乡建设局科长", "县人力资源和社会保障局工作人员",
                "县农业农村局副局长", "县卫生健康局局长", "县医疗保障局股长", "县交通运输局副局长", "县自然资源局所长",
                "县水利局总工程师", "县城市管理局副局长", "县财政局股长", "县市场监管局所长", "县国有资产投资公司总经理",
                "县人民医院院长", "县第一中学校长", "县乡村振兴局副局长", "县林业局站长"]

# (category, domain, phrasings). Slots: {who} {name} {amount} {amount2} {n} {period} {place} {item}
PROBLEMS = [
    ("false_claims", "subsistence_allowance", [
        "{who}{name}在低保评审中弄虚作假，{period}将{n}户不符合条件的亲属虚报为低保户，冒领低保金{amount}。",
        "{period}，{who}{name}利用负责低保审核的职务便利，采取虚报人口、伪造材料等方式，骗取低保金{amount}。",
        "{who}{name}{period}虚报冒领低保金{amount}，其中为本人及家庭成员违规办理低保{n}人。"]),
    ("false_claims", "dilapidated_housing", [
        "{who}{name}伙同他人虚报危房改造户{n}户，{period}骗取危房改造补助资金{amount}。",
        "{period}，{who}{name}以虚构危房、重复申报等手段套取农村危房改造补助资金{amount}，据为己有。"]),
    ("false_claims", "farm_subsidies", [
        "{who}{name}{period}虚报耕地面积，冒领耕地地力保护补贴{amount}。",
        "{period}，{who}{name}通过虚报农机购置数量套取农机购置补贴{amount}，并将其中{amount2}用于个人开支。"]),
    ("embezzlement", "elderly_subsidies", [
        "{who}{name}利用代发高龄补贴的职务便利，{period}截取{n}名老人的高龄补贴共计{amount}据为己有。",
        "{period}，{who}{name}侵吞{n}名村民的养老保险金{amount}，用于偿还个人债务。"]),
    ("embezzlement", "collective_assets", [
        "{who}{name}{period}利用职务便利，侵占村集体土地流转收益{amount}。",
        "{period}，{who}{name}采取收入不入账的方式，贪污村集体资金{amount}。"]),
    ("misappropriation", "poverty_alleviation", [
        "{who}{name}{period}擅自将产业扶贫资金{amount}挪用于归还镇政府欠款，导致{n}个扶贫项目资金拨付滞后。",
        "{period}，{who}{name}挪用扶贫专项资金{amount}用于个人投资理财，案发前已归还{amount2}。"]),
    ("misappropriation", "social_assistance", [
        "{who}{name}截留临时救助金{amount}，{period}未按规定发放给{n}户困难群众。",
        "{period}，{who}{name}将上级拨付的救灾款{amount}挪作他用。"]),
    ("favoritism", "subsistence_allowance", [
        "{who}{name}在低保评定中优亲厚友，{period}违规为其{n}名亲属办理低保，领取低保金{amount}。",
        "{period}，{who}{name}利用职务便利为亲属违规办理特困供养，造成财政资金损失{amount}。"]),
    ("extortion", "dilapidated_housing", [
        "{who}{name}在办理危房改造验收时吃拿卡要，{period}向{n}户群众索要“好处费”共计{amount}。",
        "{period}，{who}{name}以办理手续为由向群众收取好处费{amount}。"]),
    ("bribery", "construction_projects", [
        "{who}{name}利用职务便利，在工程项目承揽、工程款拨付等方面为他人谋取利益，{period}非法收受他人财物共计{amount}。",
        "{period}，{who}{name}收受工程承包商所送现金、购物卡共计{amount}，为其承揽{n}个工程项目提供帮助。"]),
    ("project_contracting", "construction_projects", [
        "{who}{name}{period}违规插手村级工程项目，将{n}个项目肢解发包给其亲属，涉及金额{amount}。",
        "{period}，{who}{name}规避招标，将投资{amount}的道路硬化工程直接发包给个人承建。"]),
    ("collective_assets", "collective_assets", [
        "{who}{name}{period}违规处置村集体资产，将集体鱼塘低价发包，造成集体经济损失{amount}。",
        "{period}，{who}{name}设立账外账，将村集体收入{amount}存入私人账户管理。"]),
    ("gifts", "official_reception", [
        "{who}{name}{period}多次收受管理服务对象所送礼金、购物卡，共计{amount}。",
        "{period}春节期间，{who}{name}违规收受下属单位赠送的礼品礼金，折合人民币{amount}。"]),
    ("banquets", "official_reception", [
        "{period}，{who}{name}违规组织公款吃喝，在私人会所宴请{n}人，花费{amount}。",
        "{who}{name}{period}接受管理服务对象宴请，并在工作日午餐饮酒，相关费用{amount}由对方支付。"]),
    ("feasts", "weddings_funerals", [
        "{who}{name}{period}为其子操办升学宴，宴请{n}桌，收受礼金{amount}。",
        "{period}，{who}{name}违规操办其女婚礼，大操大办，借机收受管理服务对象礼金{amount}。"]),
    ("official_cars", "official_cars", [
        "{who}{name}{period}多次公车私用，驾驶公务用车办理私事，产生费用{amount}。",
        "{period}，{who}{name}违规使用公务用车接送家属，私车公养报销油费{amount}。"]),
    ("junkets", "travel", [
        "{period}，{who}{name}以考察学习为名组织{n}人变相公款旅游，花费公款{amount}。",
        "{who}{name}{period}借培训之机到景区参观游览，相关费用{amount}在单位报销。"]),
    ("allowances", "allowances_benefits", [
        "{who}{name}{period}违规向单位职工发放津贴补贴{amount}。",
        "{period}，{who}{name}以加班补助名义违规发放福利，共计{amount}，涉及{n}人。"]),
    ("formalism", "poverty_alleviation", [
        "{who}{name}在脱贫攻坚工作中搞形式主义，{period}弄虚作假、编造帮扶台账{n}份，应付上级检查。",
        "{period}，{who}{name}履行帮扶责任不到位，对{n}户贫困户情况一问三不知，帮扶工作走过场。"]),
    ("dereliction", "subsistence_allowance", [
        "{who}{name}履职不力，对低保对象审核把关不严，{period}导致{n}户不符合条件人员违规享受低保，造成资金损失{amount}。",
        "{period}，{who}{name}监管不力，致使辖区内出现虚报冒领问题，涉及金额{amount}。"]),
    ("dereliction", "medical_insurance", [
        "{who}{name}对医保基金监管失职失责，{period}致使定点医院违规骗取医保基金{amount}。"]),
    ("abuse_of_power", "farmland", [
        "{who}{name}{period}滥用职权，违规审批宅基地{n}宗，涉及违法占用耕地。",
        "{period}，{who}{name}超越职权违规为{n}户村民办理建房审批手续。"]),
    ("land_violation", "farmland", [
        "{who}{name}{period}违规占用基本农田建设厂房，非农建设占地{n}亩。"]),
    ("business_conflict", "construction_projects", [
        "{who}{name}{period}违规入股其亲属经营的建材公司，获取分红{amount}。"]),
    ("election_personnel", "personnel", [
        "{who}{name}在村级组织换届中拉票贿选，{period}向{n}名党员赠送现金共计{amount}。"]),
    ("umbrella", "safety", [
        "{who}{name}充当黑恶势力“保护伞”，{period}多次为其通风报信，收受好处费{amount}。"]),
]

SANCTIONS = [  # (labels, phrasings)
    (["党内警告"], ["{name}受到党内警告处分。", "给予{name}党内警告处分。", "{name}被给予党内警告处分。"]),
    (["党内严重警告"], ["{name}受到党内严重警告处分。", "给予{name}党内严重警告处分，收缴其违纪所得。"]),
    (["撤销党内职务"], ["{name}受到撤销党内职务处分。", "给予{name}撤销党内职务处分。"]),
    (["留党察看"], ["{name}受到留党察看一年处分。", "给予{name}留党察看二年处分。"]),
    (["开除党籍"], ["{name}受到开除党籍处分。", "给予{name}开除党籍处分，收缴其违纪所得。"]),
    (["开除党籍", "政务开除"], ["{name}被开除党籍、开除公职。", "给予{name}开除党籍、开除公职处分。"]),
    (["开除党籍", "移送检察机关"], ["{name}受到开除党籍处分，涉嫌犯罪问题移送检察机关依法审查起诉。",
                                    "{name}被开除党籍，其涉嫌犯罪问题被移送司法机关依法处理。"]),
    (["政务警告"], ["{name}受到政务警告处分。", "给予{name}政务警告处分。"]),
    (["政务记过"], ["{name}受到政务记过处分。", "给予{name}政务记过处分，违规资金已全部追回。"]),
    (["政务记大过"], ["{name}受到政务记大过处分。"]),
    (["政务撤职"], ["{name}受到政务撤职处分。", "给予{name}撤职处分。"]),
    (["诫勉"], ["{name}受到诫勉处理。", "对{name}进行诫勉谈话。"]),
    (["通报批评"], ["{name}被通报批评。"]),
    (["党内警告", "政务记过"], ["{name}受到党内警告、政务记过处分。"]),
    (["党内严重警告", "政务降级"], ["{name}受到党内严重警告、政务降级处分。"]),
]

DOC_OPENINGS = [
    "为进一步严明纪律规矩，持续深化整治群众身边不正之风和腐败问题，现将{n}起典型问题通报如下：",
    "近日，{issuer}对{n}起侵害群众利益的不正之风和腐败问题进行公开通报。具体如下：",
    "日前，经{issuer}批准，对近期查处的{n}起违反中央八项规定精神问题予以通报曝光。",
    "{issuer}持续加大监督执纪问责力度，严肃查处了一批典型案件。现将其中{n}起典型案例通报如下。",
]
DOC_CLOSINGS = [
    "各级党组织要以案为鉴、以案促改，切实履行全面从严治党主体责任。",
    "上述问题严重侵害群众利益，必须坚决纠治。各级纪检监察机关要聚焦民生领域，持续开展专项整治。",
    "全县广大党员干部要引以为戒，严守纪律规矩，对顶风违纪行为发现一起、查处一起、通报一起。",
]
NUMBERING = [lambda i: "一二三四五六七八九十"[i - 1] + "、", lambda i: f"（{'一二三四五六七八九十'[i - 1]}）",
             lambda i: f"{i}．", lambda i: f"{i}."]
CN_DIGITS = "零一二三四五六七八九"


@dataclass
class Incident:
    """One synthetic incident, the unit that republications copy."""

    id: str
    province: str
    city: str
    county: str
    town: str
    village: str
    name: str
    anonymous: str
    post: str
    category: str
    domain: str
    problem: str  # the problem sentence without the person
    body_parts: list[str]
    sanction_labels: list[str]
    sanction_text: str
    amounts: list[tuple[str, float]]
    dates: list[tuple[str, str]]  # (text, ISO value)
    year: int


@dataclass
class SyntheticCase:
    text: str
    incident: str
    people: list[tuple[str, str]]  # (name, position)
    amounts: list[tuple[str, float]]
    sanctions: list[str]
    categories: list[str]
    domains: list[str]
    regions: list[tuple[str, str]]  # (name, level)
    dates: list[tuple[str, str]]
    republished: bool = False


@dataclass
class SyntheticDoc:
    name: str
    title: str
    issuer: str
    doc_type: str
    date: str
    text: str = ""
    cases: list[SyntheticCase] = field(default_factory=list)
    case_spans: list[tuple[int, int]] = field(default_factory=list)


def _cn_number(n: int) -> str:
    """Chinese numerals for 1..99999 (三万五千)."""
    units = [(10000, "万"), (1000, "千"), (100, "百"), (10, "十")]
    out, zero = "", False
    for value, unit in units:
        d, n = divmod(n, value)
        if d:
            if zero and out:
                out += "零"
            out += CN_DIGITS[d] + unit
            zero = False
        elif out:
            zero = True
    if n:
        out += ("零" if zero and out else "") + CN_DIGITS[n]
    return out or "零"


def amount_text(rng: random.Random, value: float) -> tuple[str, float]:
    """An amount as notices write it, and its value in yuan."""
    style = rng.random()
    if value >= 10000 and style < 0.45:
        wan = round(value / 10000, rng.choice([1, 2]))
        return (f"{wan:g}万元", wan * 10000)
    if value >= 10000 and style < 0.6:
        wan = int(value // 10000)
        return (f"{wan}万余元", wan * 10000.0)
    if 1000 <= value < 100000 and style < 0.7 and int(value) % 100 == 0:
        return (f"{_cn_number(int(value))}元", float(int(value)))
    if style < 0.85:
        return (f"{int(value)}元", float(int(value)))
    return (f"{int(value):,}元".replace(",", ""), float(int(value)))


def _person(rng: random.Random) -> tuple[str, str]:
    surname = rng.choice(SURNAMES)
    given = "".join(rng.choice(GIVEN) for _ in range(rng.choice([1, 2, 2])))
    return surname + given, surname + rng.choice(["某", "某某"])


def _period(rng: random.Random, year: int) -> tuple[str, list[tuple[str, str]]]:
    kind = rng.random()
    if kind < 0.35:
        start = year - rng.randint(1, 4)
        return f"{start}年至{year}年", [(f"{start}年至{year}年", str(year))]
    if kind < 0.65:
        m = rng.randint(1, 12)
        return f"{year}年{m}月", [(f"{year}年{m}月", f"{year}-{m:02d}")]
    if kind < 0.8:
        m1, m2 = rng.randint(1, 6), rng.randint(7, 12)
        start = year - rng.randint(0, 2)
        return (f"{start}年{m1}月至{year}年{m2}月", [(f"{start}年{m1}月至{year}年{m2}月", f"{year}-{m2:02d}")])
    return f"{year}年", [(f"{year}年", str(year))]


def _incident(rng: random.Random, n: int) -> Incident:
    province = rng.choice(list(PROVINCES))
    city = rng.choice(list(PROVINCES[province]))
    county = rng.choice(PROVINCES[province][city])
    town = rng.choice(TOWN_ROOTS) + rng.choice(["镇", "镇", "乡", "街道"])
    village = rng.choice(VILLAGE_ROOTS) + "村"
    category, domain, phrasings = rng.choice(PROBLEMS)
    level = rng.random()
    if level < 0.5:
        post = town + village + rng.choice(VILLAGE_POSTS)
    elif level < 0.8:
        head = {"镇": "镇长", "乡": "乡长"}.get(town[-1], "街道办事处主任")
        post = town + rng.choice(TOWN_POSTS).format(head=head)
    else:
        post = county + rng.choice(COUNTY_POSTS)[1:]
    name, anonymous = _person(rng)
    use_name = anonymous if rng.random() < 0.45 else name
    year = rng.randint(2013, 2024)
    period, dates = _period(rng, year)
    small = category in ("banquets", "official_cars", "gifts", "allowances", "feasts", "junkets", "extortion",
                         "favoritism", "false_claims", "election_personnel")
    magnitude = rng.choice([2000, 8000, 30000, 60000] if small else [30000, 120000, 600000, 3000000])
    value = round(rng.uniform(0.3, 3.0) * magnitude, -2)
    a1 = amount_text(rng, value)
    a2 = amount_text(rng, round(value * rng.uniform(0.2, 0.8), -2))
    template = rng.choice(phrasings)
    n_units = rng.randint(2, 15)
    who = post if rng.random() < 0.4 else ""
    problem = template.format(who=who, name=use_name, amount=a1[0], amount2=a2[0], n=n_units, period=period,
                              place=village, item="")
    amounts = [a1] + ([a2] if "{amount2}" in template else [])
    if "{amount}" not in template:
        amounts = []
    labels, sanction_phr = rng.choice(SANCTIONS)
    sanction_year = min(2025, year + rng.choice([0, 1, 1, 2]))
    sanction_text = sanction_phr[rng.randrange(len(sanction_phr))].format(name=use_name)
    if rng.random() < 0.6:
        when = f"{sanction_year}年{rng.randint(1, 12)}月"
        sanction_text = when + "，" + sanction_text
        dates = dates + [(when, f"{sanction_year}-{int(when.split('年')[1].rstrip('月')):02d}")]
    extras = []
    lead = rng.random()
    if lead < 0.25:
        problem = "经查，" + problem
    elif lead < 0.4:
        problem = rng.choice(["该问题线索系巡察移交。", "该问题系群众来信反映。", "该问题系审计发现。"]) + problem
    if rng.random() < 0.35:
        extras.append(rng.choice([f"{use_name}的行为严重损害了群众切身利益。", "其行为违反了廉洁纪律。",
                                  f"{use_name}对其违纪违法事实供认不讳，并主动退缴违纪款项。",
                                  "造成了不良社会影响。", f"案发后，{use_name}退缴了全部违纪所得。"]))
    if rng.random() < 0.3:
        extras.append(rng.choice(["违纪款项已全部退缴。", "相关资金已追回并退还群众。", "其所在单位党组织负责人被诫勉谈话。",
                                  "对负有管理责任的镇党委书记进行约谈。", "违规资金已全部收缴。"]))
    title = f"{post}{use_name}{_short(category)}问题"
    return Incident(id=f"inc{n:07d}", province=province, city=city, county=county, town=town, village=village,
                    name=use_name, anonymous=anonymous, post=post, category=category, domain=domain,
                    problem=title, body_parts=[problem] + extras, sanction_labels=labels,
                    sanction_text=sanction_text, amounts=amounts, dates=dates, year=year)


_SHORT = {"false_claims": "虚报冒领", "embezzlement": "贪污侵占", "misappropriation": "截留挪用",
          "favoritism": "优亲厚友", "extortion": "吃拿卡要", "bribery": "受贿", "project_contracting": "违规插手工程项目",
          "collective_assets": "违规处置集体资产", "gifts": "违规收受礼品礼金", "banquets": "违规吃喝",
          "feasts": "违规操办婚丧喜庆事宜", "official_cars": "公车私用", "junkets": "公款旅游",
          "allowances": "违规发放津贴补贴", "formalism": "形式主义", "dereliction": "失职失责",
          "abuse_of_power": "滥用职权", "land_violation": "违规占用耕地", "business_conflict": "违规经商办企业",
          "election_personnel": "破坏换届选举纪律", "umbrella": "充当黑恶势力保护伞"}


def _short(category: str) -> str:
    return _SHORT.get(category, "违纪违法")


def _render(inc: Incident, level: str, rng: random.Random, copy: bool) -> SyntheticCase:
    """The case as a notice of `level` (county/city/province) writes it."""
    prefix = {"county": "", "city": inc.county, "province": inc.city + inc.county}[level]
    if inc.problem.startswith(inc.county):
        prefix = prefix.replace(inc.county, "")
    title = prefix + inc.problem
    body = list(inc.body_parts)
    sanction = inc.sanction_text
    name = inc.name
    if copy:  # a republication rewords a little
        if rng.random() < 0.5:
            sanction = sanction.replace("受到", "被给予", 1)
        if rng.random() < 0.3 and len(body) > 1:
            body = body[:1]
        if rng.random() < 0.3 and inc.name != inc.anonymous:
            title = title.replace(inc.name, inc.anonymous)
            body = [b.replace(inc.name, inc.anonymous) for b in body]
            sanction = sanction.replace(inc.name, inc.anonymous)
            name = inc.anonymous
    text = title + "。" + "".join(body) + sanction
    regions = [(inc.county, "county")]
    if level != "county":
        regions.append((inc.city, "city"))
    return SyntheticCase(text=text, incident=inc.id, people=[(name, inc.post)], amounts=list(inc.amounts),
                         sanctions=list(inc.sanction_labels), categories=[inc.category], domains=[inc.domain],
                         regions=regions, dates=list(inc.dates), republished=copy)


def _report(rng: random.Random, n: int) -> SyntheticDoc:
    """An inspection feedback report: problems by area, few names, no sanctions."""
    province = rng.choice(list(PROVINCES))
    city = rng.choice(list(PROVINCES[province]))
    county = rng.choice(PROVINCES[province][city])
    unit = county + rng.choice(["民政局", "农业农村局", "教育局", "卫生健康局", "住房和城乡建设局", "医疗保障局", "水利局"])
    year = rng.randint(2016, 2024)
    doc = SyntheticDoc(name=f"report-{n:06d}", title=f"中共{county}委第{rng.randint(1, 6)}巡察组关于巡察{unit}党组的反馈意见",
                       issuer=f"中共{county}委巡察工作领导小组办公室", doc_type="inspection_report",
                       date=f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}")
    findings = [
        ("formalism", "poverty_alleviation", "落实上级决策部署有偏差，部分工作停留在文件上、会议上，{n}项整改任务台账造假、数据失真，存在形式主义问题。"),
        ("dereliction", "subsistence_allowance", "履行监管职责不到位，对下属单位资金使用审核把关不严，{n}笔共计{amount}的支出缺少审批手续。"),
        ("allowances", "allowances_benefits", "违反中央八项规定精神问题仍有发生，{year}年违规发放节日福利{amount}。"),
        ("project_contracting", "construction_projects", "工程项目管理不规范，{n}个项目未经招标直接发包，涉及资金{amount}。"),
        ("collective_assets", "collective_assets", "国有资产管理混乱，{n}处房产长期出租未收租金，造成损失{amount}。"),
        ("election_personnel", "personnel", "选人用人工作不严格，{n}名干部任职前未按规定进行考察公示。"),
    ]
    picked = rng.sample(findings, rng.randint(2, 4))
    parts = [doc.title, f"根据县委统一部署，{year}年{rng.randint(1, 12)}月，县委第{rng.randint(1, 6)}巡察组对{unit}党组进行了常规巡察。"
             "巡察发现的主要问题如下："]
    for i, (cat, dom, tpl) in enumerate(picked, 1):
        a = amount_text(rng, round(rng.uniform(0.5, 50) * 10000, -2))
        subject = rng.choice([unit + "党组", unit, unit.replace(county, "") + "党组", "该局"])
        text = NUMBERING[0](i) + subject + tpl.format(n=rng.randint(2, 30), amount=a[0], year=year)
        doc.cases.append(SyntheticCase(text=text, incident=f"{doc.name}-{i}", people=[],
                                       amounts=[a] if "{amount}" in tpl else [], sanctions=[], categories=[cat],
                                       domains=[dom], regions=[(county, "county")], dates=[(f"{year}年", str(year))]))
        parts.append(text)
    parts.append(f"针对上述问题，{unit}党组要认真研究制定整改方案，整改情况于两个月内报送县委巡察办。")
    return _assemble(doc, parts)


def _assemble(doc: SyntheticDoc, parts: list[str]) -> SyntheticDoc:
    text, spans, ci = "", [], 0
    for part in parts:
        start = len(text)
        text += part + "\n"
        if ci < len(doc.cases) and part.endswith(doc.cases[ci].text):
            spans.append((start + len(part) - len(doc.cases[ci].text), start + len(part)))
            ci += 1
    doc.text = text
    doc.case_spans = spans
    return doc


def generate(n_docs: int = 100, seed: int = 7, republish: float = 0.12,
             report_share: float = 0.15) -> Iterator[SyntheticDoc]:
    """`n_docs` synthetic documents (about 3.3 cases each), deterministic for a seed."""
    rng = random.Random(seed)
    recent: list[Incident] = []
    incidents = 0
    for n in range(n_docs):
        if rng.random() < report_share:
            yield _report(rng, n)
            continue
        level = rng.choice(["county", "county", "city", "province"])
        k = rng.randint(1, 7)
        cases: list[SyntheticCase] = []
        for _ in range(k):
            earlier = [i for i in recent[-300:-k] if i.id not in {c.incident for c in cases}]
            if earlier and level != "county" and rng.random() < republish * 3:
                inc = rng.choice(earlier)
                cases.append(_render(inc, level, rng, copy=True))
            else:
                incidents += 1
                inc = _incident(rng, incidents)
                recent.append(inc)
                cases.append(_render(inc, level, rng, copy=False))
        recent = recent[-300:]
        first = cases[0]
        place = first.regions[-1][0] if level != "province" else rng.choice(list(PROVINCES))
        issuer = {"county": f"中共{place}纪委 {place}监委", "city": f"中共{place}纪委 {place}监委",
                  "province": f"{place}纪委监委"}[level]
        years = [int(d[1][:4]) for c in cases for d in c.dates]
        year = max(years) if years else 2020
        date = f"{min(year + 1, 2025)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        title = rng.choice(["关于{k}起侵害群众利益问题典型案例的通报", "{issuer}公开曝光{k}起典型问题",
                            "关于{k}起违反中央八项规定精神问题的通报", "{issuer}通报{k}起群众身边不正之风和腐败问题"]
                           ).format(k=k if k > 1 else "一", issuer=issuer.split(" ")[-1])
        doc = SyntheticDoc(name=f"notice-{n:06d}", title=title, issuer=issuer, doc_type="case_notice", date=date,
                           cases=cases)
        numbering = rng.choice(NUMBERING)
        parts = [title, rng.choice(DOC_OPENINGS).format(n=k, issuer=issuer.split(" ")[-1])]
        for i, c in enumerate(cases, 1):
            parts.append(numbering(i) + c.text)
        parts.append(rng.choice(DOC_CLOSINGS))
        parts.append(f"{issuer}\n{date[:4]}年{int(date[5:7])}月{int(date[8:])}日")
        yield _assemble(doc, parts)


def to_document(sd: SyntheticDoc) -> Document:
    """The Document (with cases and fields, spans into the document text) a perfect
    extractor would produce for a synthetic document."""
    doc_id = hashlib.sha256(sd.text.encode("utf-8")).hexdigest()
    doc = Document(id=doc_id, path=f"synthetic/{sd.name}.txt", title=sd.title, doc_type=sd.doc_type,  # type: ignore[arg-type]
                   issuer=sd.issuer, date=sd.date, text=sd.text, extractor_version="synthetic")
    for i, (sc, (start, end)) in enumerate(zip(sd.cases, sd.case_spans), 1):
        def span(s: str, text: str = sc.text, base: int = start) -> tuple[int, int]:
            at = text.find(s)
            return (base + at, base + at + len(s)) if at >= 0 else (-1, -1)

        doc.cases.append(Case(
            id=case_id(doc_id, i), doc_id=doc_id, ordinal=i, text=sc.text, start=start, end=end,
            people=[Person(name=nm, position=pos, anonymised="某" in nm, start=span(nm)[0], end=span(nm)[1])
                    for nm, pos in sc.people],
            amounts=[Amount(text=t, value=v, approximate="余" in t, start=span(t)[0], end=span(t)[1])
                     for t, v in sc.amounts],
            sanctions=[Sanction(label=lb) for lb in sc.sanctions],
            categories=[Category(code=c) for c in sc.categories],
            domains=[Domain(code=d) for d in sc.domains],
            regions=[Region(name=nm, level=lv, normalized=nm, start=span(nm)[0], end=span(nm)[1])  # type: ignore[arg-type]
                     for nm, lv in sc.regions],
            dates=[DateMention(text=t, value=v, start=span(t)[0], end=span(t)[1]) for t, v in sc.dates],
        ))
    return doc


def write_corpus(folder: str | Path, n_docs: int, seed: int = 7) -> list[Path]:
    """Write `n_docs` synthetic documents as UTF-8 .txt files; returns their paths."""
    out = Path(folder)
    out.mkdir(parents=True, exist_ok=True)
    paths = []
    for sd in generate(n_docs, seed):
        p = out / f"{sd.name}.txt"
        p.write_text(sd.text, encoding="utf-8")
        paths.append(p)
    return paths


def main() -> None:
    ap = argparse.ArgumentParser(description="Write a synthetic corpus of case notices and inspection reports.")
    ap.add_argument("folder")
    ap.add_argument("--docs", type=int, default=1000)
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args()
    paths = write_corpus(args.folder, args.docs, args.seed)
    print(f"wrote {len(paths)} documents to {args.folder}")


if __name__ == "__main__":
    main()
