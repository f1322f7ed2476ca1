"""Problem categories from cue rules in config/, with evidence spans."""
from __future__ import annotations

import pytest

from extractors.categories import combine, extract_categories, rule_categories, rules
from extractors.category_model import char_ngrams, features, load_model, shipped_model
from extractors.normalize import normalize


def _codes(text: str) -> set[str]:
    """What the cue rules alone find (the classifier is tested on its own below)."""
    return {c.code for c in rule_categories(normalize(text).text)}


def _all_codes(text: str, doc_type: str = "case_notice") -> set[str]:
    return {c.code for c in extract_categories(normalize(text).text, doc_type=doc_type)}


@pytest.mark.parametrize("text, code", [
    ("春节期间收受管理服务对象所送购物卡5000元", "gifts"),
    ("违规接受下属单位宴请", "banquets"),
    ("用公款大吃大喝，超标准接待", "banquets"),
    ("为儿子操办升学宴，收受礼金", "feasts"),
    ("大操大办父亲丧事", "feasts"),
    ("私自驾驶公务用车接送家人", "official_cars"),
    ("以考察学习为名组织到景区游玩", "junkets"),
    ("违规发放津贴补贴共计13万元", "allowances"),
    ("“两节”期间乱发物资补助", "allowances"),
    ("脱贫数据弄虚作假，应付检查", "formalism"),
    ("将低保金据为己有", "embezzlement"),
    ("虚报冒领危房改造补助资金", "false_claims"),
    ("明知不符合条件仍为其申报并违规领取补助", "false_claims"),
    ("截留挪用扶贫资金", "misappropriation"),
    ("办理低保时优亲厚友", "favoritism"),
    ("为李某（其母亲）申报高龄补贴", "favoritism"),
    ("向群众吃拿卡要，收取好处费", "extortion"),
    ("违规向村民收取卫生费", "extortion"),
    ("利用职务便利为他人谋取利益，收受财物", "bribery"),
    ("违规发包村道硬化工程，规避招标", "project_contracting"),
    ("擅自低价出租村集体资产", "collective_assets"),
    ("违规入股企业获取分红", "business_conflict"),
    ("在村委会换届中拉票贿选", "election_personnel"),
    ("审核把关不严，履职不力", "dereliction"),
    ("违规决策，滥用职权", "abuse_of_power"),
    ("充当黑恶势力保护伞", "umbrella"),
    ("违规审批宅基地，乱占耕地建房", "land_violation"),
])
def test_cue_phrases(text, code):
    assert code in _codes(text)


def test_traditional_text():
    assert _codes("違規收受禮金，公車私用") >= {"gifts", "official_cars"}


def test_several_categories_with_evidence():
    t = normalize("2019年，王某虚报冒领低保金2万元，并将其中5000元据为己有。").text
    cats = extract_categories(t)
    assert [c.code for c in cats] == ["false_claims", "embezzlement"]
    for c in cats:
        assert t[c.start:c.end] == c.evidence and c.label


def test_prohibitions_are_not_violations():
    assert "gifts" not in _codes("规定明确，严禁收受礼金。")


def test_collective_land_and_income_are_the_villages_assets():
    assert "collective_assets" in _codes("6个村民组普遍存在集体用地承包不规范、承包款未及时收缴等问题。")
    assert "collective_assets" in _codes("该组通过出租土地获得的集体收益长期未公布，也未向居民分配。")


def test_a_campaign_or_a_reports_heading_named_in_passing_is_no_category():
    # 三资清理工作 is the campaign, not a violation of the village's assets
    assert "collective_assets" not in _codes("县领导前往街道检查“三资”清理工作，该村为显示成绩虚报清理数据。")
    assert "collective_assets" in _codes("该村“三资”管理混乱，集体收入长期未入账。")
    # 党的组织路线 heads party-building findings; personnel only beside a word of selection
    assert "election_personnel" not in _codes("贯彻新时代党的组织路线有差距，基层党支部“三会一课”落实不到位。")
    assert "election_personnel" in _codes("执行新时代党的组织路线和选人用人方面有差距。")


def test_the_intent_of_a_fraud_is_no_embezzlement():
    # 以非法占有为目的 is how a court describes any fraud, an insurance fraud included
    assert _codes("被告人钱某以非法占有为目的，虚构住院病历骗取医保基金36万元。") == {"false_claims"}
    assert "embezzlement" in _codes("村会计孙某利用职务便利，非法占有村集体资金8万元。")


def test_a_case_never_goes_without_a_category():
    # the gold never leaves a case without one: `other` when nothing fits, whatever the doc type
    for doc_type in ("inspection_report", "case_notice", "article"):
        assert len(_all_codes("会议于上午九点召开。", doc_type)) >= 1
    assert _codes("财务管理不规范。") == set()


def test_cue_scan_alone_when_no_doc_type():
    # case splitting asks whether a passage names a problem at all: no fallback, no classifier
    assert extract_categories(normalize("会议于上午九点召开。").text, doc_type="") == []


def test_every_rule_names_a_taxonomy_code():
    r = rules()
    assert {x.code for x in r.rules} <= set(r.labels)
    assert len(r.rules) >= 20


@pytest.mark.parametrize("text, code", [
    ("违规使用公务加油卡为私家车加油", "official_cars"),
    ("利用职务便利为他人在工程结算方面谋取利益", "bribery"),
    ("违规持有非上市公司股份", "business_conflict"),
    ("违规从事营利活动", "business_conflict"),
    ("擅自占用集体土地建房", "land_violation"),
    ("履行监管职责不力，对下属违纪问题失察", "dereliction"),
    ("帮助亲属违规享受低保", "favoritism"),
    ("冒名顶替领取补贴", "false_claims"),
    ("侵吞集体资产", "embezzlement"),
    ("侵吞集体资产", "collective_assets"),
])
def test_more_phrasings(text, code):
    assert code in _codes(text)


def test_benefits_paid_to_the_public_are_not_staff_allowances():
    assert "allowances" not in _codes("熊某违规发放惠农补贴问题。")
    assert "allowances" not in _codes("村干部违规发放高龄补贴给不符合条件的人员。")
    assert "allowances" in _codes("局机关违规发放加班补贴、值班补贴共计7.8万元。")


def test_approvals_for_ineligible_firms_are_not_false_claims():
    assert _codes("违规为不符合条件的企业办理用地审批手续，造成损失260万元。") == {"abuse_of_power"}


def test_inflated_figures_are_formalism_not_false_claims():
    assert _codes("为应付考核验收，授意工作人员虚增贫困户收入数据。") == {"formalism"}
    assert "false_claims" in _codes("虚增工程量套取资金12万元。")


def test_drunk_driving_is_other_not_banquets():
    assert _codes("饮酒后驾驶私家车，被公安交警部门查获，属醉酒驾驶。") == {"other"}
    assert "banquets" in _codes("工作日午间在农家乐饮酒。")


def test_occupied_cars_and_travel_reimbursed_as_business():
    assert _codes("吴某长期占用一辆公务用车用于上下班及处理个人事务。") == {"official_cars"}
    assert "junkets" in _codes("将个人外出旅游产生的住宿费、交通费等共计2.7万元，以出差名义在单位报销。")


def test_money_recovered_after_the_fact_is_not_staff_allowances():
    assert "allowances" not in _codes("廖某违规为其弟弟办理农机购置补贴手续。违规发放的补贴资金已追回。")


def test_kickbacks_are_bribery():
    assert "bribery" in _codes("利用药品采购职务便利，收受医药代表回扣共计15.8万元。")


def test_personnel_favours_are_election_personnel():
    assert "election_personnel" in _codes("违反组织原则，在干部选拔任用工作中为他人谋取利益。")
    assert "election_personnel" in _codes("在职级晋升中为下属打招呼。")


@pytest.mark.parametrize("text, expected", [
    # someone else's misconduct a duty failure let happen: the case is the failure
    ("林晓峰对本单位医保基金监管工作疏于管理，导致下属单位工作人员骗取医保基金问题长期未被发现。", {"dereliction"}),
    ("王某对下属违规发放津贴补贴问题失察，负有领导责任。", {"dereliction"}),
    ("该局局长履职不力，致使所属中心挪用专项资金问题未能及时纠正。", {"dereliction"}),
    ("丁某某把关不严，导致6名已死亡人员的亲属冒领养老保险金21.3万元未被及时发现。被冒领的养老保险金已全部追回。",
     {"dereliction"}),
    ("失职失责导致养老保险基金被骗取问题。", {"dereliction"}),
    # what a failed check let others do, told after 致使/导致 without 未被发现
    ("镇民政办主任赵某某在低保审批中把关不严，致使5户不符合条件人员享受低保待遇，受到警告处分。", {"dereliction"}),
    ("股长钱某在项目验收时未认真核实工程量，导致施工方虚报工程量，多结算工程款18万元。", {"dereliction"}),
    # …but only the clause after 致使/导致: the subject's own act after it stays his
    ("主任邹某在补贴发放中审核不严，导致重复发放补贴2000多元，同时为其亲属违规申报补贴八千元。", {"dereliction", "favoritism"}),
    # the subject's own act with a consequence stays what it is
    ("张某为其出具证明材料，致使何某违规领取临时救助金2100元。", {"false_claims"}),
    ("李某虚报冒领低保金3万元，导致群众不满。", {"false_claims"}),
])
def test_misconduct_a_failure_let_happen_is_not_the_case_category(text, expected):
    assert _codes(text) == expected


# ---- general phenomena the cues missed on unseen notices (sentences written for these tests)

@pytest.mark.parametrize("text", [
    "某民营医院通过虚构诊疗项目、串换药品等方式骗取医保基金38万元。",
    "该诊所采取挂床住院的手段，套用参保人员信息结算费用。",
    "某卫生院以免费体检为名诱导老年人住院，骗取医疗保障基金。",
    "一家药店为他人盗刷医保卡购买日用品。",
    "该医院伪造病历，虚增住院天数。",
])
def test_medical_insurance_fraud_by_institutions_is_false_claims(text):
    assert "false_claims" in _codes(text)


def test_inflated_statistics_are_formalism_not_false_claims():
    assert _codes("该县为争取项目，夸大招商数据，虚报工业产值。") == {"formalism"}
    assert "false_claims" in _codes("该村虚报贫困户人数领取补助。")


def test_money_used_for_oneself_alone_does_not_say_embezzlement():
    assert _codes("将截留的租金挪用，用于个人开支。") == {"misappropriation"}


def test_defrauding_the_insurance_fund_is_not_embezzlement():
    assert "embezzlement" not in _codes("某诊所骗取医保基金12万元。")
    assert "embezzlement" in _codes("村会计骗取村集体补偿款后据为己有。")


@pytest.mark.parametrize("text, code", [
    ("他在帮助某公司承接业务后，先后收受对方所送好处费共计6万元。", "bribery"),
    ("该站长非法收受“辛苦费”3000元。", "bribery"),
    ("包工头为承揽工程，多次给予其现金以求关照。", "bribery"),
    ("他在为商人办理审批手续提供帮助后，收受对方钱物。", "bribery"),
    ("出纳将代收的租金归个人所有。", "embezzlement"),
    ("把应发给五保户的钱装进了自己腰包。", "embezzlement"),
    ("将专项经费挪为己用，半年后才归还。", "misappropriation"),
    ("擅自出借集体资金给亲戚经营养殖场。", "misappropriation"),
    ("以他人名义骗领种粮补贴。", "false_claims"),
    ("申报时多报种植面积领取补贴。", "false_claims"),
    ("同一张发票重复报销差旅费。", "false_claims"),
])
def test_bribery_and_embezzlement_told_in_prose(text, code):
    assert code in _codes(text)


@pytest.mark.parametrize("text, code", [
    ("该镇卫生院疫情防控工作落实不力，隔离点管理松懈。", "dereliction"),
    ("社区对独居老人多次求助不闻不问，漠视群众冷暖。", "dereliction"),
    ("有的党组织管党治党宽松软，主体意识不强。", "dereliction"),
    ("部分村党建工作弱化，基层党组织软弱涣散。", "dereliction"),
    ("一些干部不担当不作为，遇事推诿。", "formalism"),
    ("有的干部为官不为、庸懒散问题突出。", "formalism"),
    ("选人用人问题仍有发生。", "election_personnel"),
    ("干部选拔任用程序不规范，干部人事档案管理混乱。", "election_personnel"),
    ("个别单位违规借调干部，超职数配备领导。", "election_personnel"),
])
def test_duty_failures_and_abstract_inspection_findings(text, code):
    assert code in _codes(text)


def test_prohibited_epidemic_lapse_wording_is_not_a_finding():
    assert "dereliction" not in _codes("要求各单位严禁疫情防控工作松懈。")


# ---- the classifier

def test_character_ngrams_fold_digits_and_skip_punctuation():
    grams = char_ngrams("收受12万元，好处")
    assert grams["收受"] == 1 and grams["0万"] == 1 and "12" not in grams and grams["好处"] == 1
    assert "元，" not in grams and "元好" not in grams


def test_features_mark_words_and_rule_codes():
    f = features("收受好处", words=["收受", "好处", "了"], rule_codes=["bribery"])
    assert f["W:收受"] == 1 and "W:了" not in f and f["R:bribery"] == 1


def test_combine_keeps_rules_adds_sure_codes_and_fills_empty_cases():
    s = {"add_threshold": 0.7, "fill_threshold": 0.3}
    assert combine(["gifts"], {"gifts": 0.9, "banquets": 0.8, "junkets": 0.5}, s) == ["gifts", "banquets"]
    assert combine([], {"gifts": 0.4, "banquets": 0.2}, s) == ["gifts"]
    assert combine([], {"gifts": 0.2}, s) == []


def test_shipped_model_loads_and_labels_a_text():
    model = shipped_model()
    assert model is not None, "config/category_model.json is missing (scripts/train_categories.py)"
    assert set(model.classes) <= set(rules().labels)
    text = normalize("某村党支部书记利用职务便利，虚报冒领危房改造补助资金，并收受施工方好处费。").text
    proba = model.proba(text, rule_codes=[c.code for c in rule_categories(text)])
    assert set(proba) == set(model.classes)
    assert all(0.0 <= p <= 1.0 for p in proba.values())
    top = max(proba, key=proba.get)
    assert top in {"false_claims", "bribery"}


def test_model_file_round_trip(tmp_path):
    data = {"classes": ["gifts", "banquets"], "vocabulary": ["礼金", "宴请"], "idf": [1.0, 1.0],
            "weights": [{"0": 3.0}, {"1": 3.0}], "intercepts": [-1.0, -1.0], "ngram_sizes": [2]}
    p = tmp_path / "m.json"
    import json
    p.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    m = load_model(p)
    proba = m.proba("收受礼金")
    assert proba["gifts"] > 0.8 and proba["banquets"] < 0.5


def test_a_kickback_taken_is_bribery_not_extortion_of_the_public():
    """好处费 taken from a contractor is a bribe; only demanding it of the public (索要) or
    charging fees (收取…费) is extortion."""
    taken = "某村党支部书记周某在村道硬化工程中为承包商提供帮助，先后收受好处费共计6万元。"
    assert "bribery" in _codes(taken) and "extortion" not in _codes(taken)
    demanded = "某镇林业站站长吴某某在办理林木采伐许可时，向群众索要好处费3000元。"
    assert "extortion" in _codes(demanded)
    fees = "某村委会在办理低保申请时向群众收取材料费、工本费共计8400元。"
    assert "extortion" in _codes(fees)


def test_cars_borrowed_from_those_one_oversees_and_perks_in_kind():
    assert "official_cars" in _codes("2022年至2023年，王某某多次借用管理服务对象的越野车办理私事。")
    assert "allowances" in _codes("2021年中秋节前，某局违规发放月饼、粽子等实物，共计1.2万元。")


def test_interfering_in_a_project_is_contracting_not_abuse_of_power():
    project = "2020年以来，某镇副镇长何某某违规插手辖区道路硬化工程项目，指定其亲属承揽。"
    assert "project_contracting" in _codes(project) and "abuse_of_power" not in _codes(project)
    assert "abuse_of_power" in _codes("某局局长冯某违规干预下属单位的行政执法活动，造成不良影响。")
    assert "banquets" in _codes("王某某在工作日中午接受辖区内某餐饮企业负责人安排的宴请并饮酒。")


def test_relatives_who_do_not_qualify_money_held_back_and_paid_trips():
    relatives = "某村党支部书记覃某为不符合条件的堂兄一家办理易地搬迁安置手续。"
    assert "favoritism" in _codes(relatives) and "false_claims" not in _codes(relatives)
    strangers = "某村会计将不符合条件的8户村民纳入低保范围，套取低保金2.4万元。"
    assert "false_claims" in _codes(strangers)
    held = "某财政所所长把应发农户的补贴压在手里，先后将23万元转入亲属账户用于购买理财产品。"
    assert "misappropriation" in _codes(held)
    spent = "某村文书套取补贴资金9万元，用于偿还个人债务。"  # embezzled and spent: not a loan of it
    assert "misappropriation" not in _codes(spent)
    assert "junkets" in _codes("某财政所所长参加某施工企业出资安排的旅游活动。")


@pytest.mark.parametrize("text", ["镇农技站站长长期雇人顶岗，本人很少到岗", "某村党支部副书记花钱请人代为履行职责"])
def test_duty_left_to_a_paid_stand_in_is_dereliction(text):
    assert "dereliction" in [c.code for c in extract_categories(text)]


@pytest.mark.parametrize("text,code", [
    # checks not made, problems let pass (the official who had to check)
    ("县农业局项目股股长在验收中不认真核实，在虚假验收单上签字。", "dereliction"),
    ("乡财政所所长疏于监管，会计多次挪用代管资金。", "dereliction"),
    ("质监站站长对桥梁护栏不达标问题未予指出。", "dereliction"),
    ("科长仅凭企业报送的材料即予拨付补贴。", "dereliction"),
    ("上轮巡察反馈的问题整改不彻底，部分问题反弹。", "dereliction"),
    # work for show
    ("为基层减负工作不够扎实，督查检查仍然过多。", "formalism"),
    ("部分支部会议记录存在事后补记现象。", "formalism"),
    # public money lent out, a relative's firm, relatives favoured
    ("镇长安排财政所将80万元专项资金“借”给一家企业周转。", "misappropriation"),
    ("其妻子注册了一家咨询公司，专门为申请资质的企业提供辅导。", "business_conflict"),
    ("该主任违规为其表弟等3户增加安置面积。", "favoritism"),
    ("站长把单位的皮卡车停在自家小区，用于接送孩子，累计私用30余次。", "official_cars"),
    ("局长在未经集体研究的情况下，决定将资金转入某公司。", "abuse_of_power"),
    ("副局长先后向多名管理服务对象“借钱”共计40万元，至今未还。", "bribery"),
    ("为填补赌资窟窿，他四处借钱。", "other"),
    ("某中心卫生院超标准收费、重复收费，涉及医保基金6万元。", "false_claims"),
])
def test_phenomena_of_unseen_notices_get_their_category(text, code):
    assert code in [c.code for c in extract_categories(text)]


def test_a_clinic_over_billing_is_no_extortion_but_an_official_demanding_fees_is():
    assert "extortion" not in [c.code for c in extract_categories("某诊所重复收费、分解收费，违规金额3万元。")]
    assert "extortion" in [c.code for c in extract_categories("镇城建办主任向建房村民违规收费每户2000元。")]


def test_claims_a_duty_failure_let_others_make_are_not_the_case_own():
    codes = [c.code for c in extract_categories(
        "社保所所长审核失职，导致5名去世人员的养老金被其亲属继续冒领。")]
    assert codes == ["dereliction"]


@pytest.mark.parametrize("text,code", [
    ("该局盲目建设“网红打卡点”，建成后长期闲置。", "formalism"),
    ("将个人赴外地旅游的住宿费用以“考察学习”名义在单位报销。", "false_claims"),
    ("违规将其本人及其女婿名下不符合条件的房屋列入改造名单。", "favoritism"),
    ("多次违规使用公款在内部食堂宴请。", "banquets"),
])
def test_more_phenomena_of_unseen_notices_get_their_category(text, code):
    assert code in [c.code for c in extract_categories(text)]


@pytest.mark.parametrize("text,code", [
    ("大队长对群众举报的违法占地问题未依法依规查处，仅下发一纸通知便不了了之。", "dereliction"),
    ("副镇长未实地核查即上报“已整改到位”。", "dereliction"),
    ("院长对科室违规收费明知而默许。", "dereliction"),
    ("对该机构负有日常监管责任的卫生院副院长受到政务警告处分。", "dereliction"),
    ("部分项目台账数据与实际进度不符，存在“纸面推进”现象。", "formalism"),
    ("部分河段巡河记录存在补签、代签现象。", "formalism"),
    ("乡党委副书记以走访慰问为名，使用公款购买土特产赠送给上级部门工作人员。", "gifts"),
    ("村支书将村级道路工程直接发包给其妻弟，涉及工程款41万元。", "favoritism"),
    ("采购部经理违规插手物资采购，帮助特定供应商中标。", "project_contracting"),
    ("城中村违法建设管控不力，新增违建2万平方米。", "land_violation"),
])
def test_duty_failures_paper_work_and_favours_of_unseen_notices(text, code):
    assert code in [c.code for c in extract_categories(text)]


def test_interference_in_procurement_is_not_abuse_of_power_and_a_bribe_field_is_no_land_case():
    assert "abuse_of_power" not in [c.code for c in extract_categories("采购部经理违规插手物资采购。")]
    assert "land_violation" not in [c.code for c in extract_categories(
        "利用职务便利，在违法建设查处、广告审批等方面为他人谋取利益，收受财物。")]


@pytest.mark.parametrize("text,code", [
    ("窗口工作人员对待群众冷硬横推，均以材料不全为由推诿。", "formalism"),
    ("法官违规过问、干预他人承办的执行案件。", "abuse_of_power"),
    ("民警工作日中午饮酒后驾驶警用车辆外出。", "official_cars"),
    ("书记员违规向律师泄露案件审理信息。", "other"),
    ("教师在校外组织本校学生有偿补课，收取补课费1.56万元。", "business_conflict"),
    ("2018年村级组织换届中，个别村存在违规推荐候选人问题。", "election_personnel"),
])
def test_more_unseen_phenomena_get_their_category(text, code):
    assert code in [c.code for c in extract_categories(text)]


def test_paid_tutoring_is_no_extortion_and_what_a_check_failed_to_find_is_not_the_checker_s():
    assert "extortion" not in [c.code for c in extract_categories("教师组织学生有偿补课，收取补课费2万元。")]
    codes = [c.code for c in extract_categories(
        "股长在稽核检查中失职，未发现某民营医院串换药品、分解住院等违规问题，致使基金损失23万元。")]
    assert "dereliction" in codes and "false_claims" not in codes


@pytest.mark.parametrize("text, code", [
    ("周某以“管网产权不清”“需层层报批”为由推诿拖延，12天后才组织抢修。", "formalism"),
    ("违反规定在其妻弟实际控制的公司“挂名”担任技术顾问，先后领取报酬18万元。", "business_conflict"),
    ("授意工作人员将其外甥的笔试成绩由61分调高至78分，使其被录用。", "election_personnel"),
    ("在村“两委”换届中为涉恶人员当选提供帮助，仍违规为其出具资格审查合格意见。", "election_personnel"),
    ("下属企业重大事项决策不规范，违规对外出借资金1.8亿元。", "abuse_of_power"),
])
def test_phrasings_of_batch_eight(text, code):
    assert code in _codes(text)


def test_the_guests_of_a_feast_are_the_feast_not_banquets():
    assert _codes("吴某为儿子操办升学宴，宴请亲友、同事及下属学校负责人等28桌，收受礼金1.86万元。") == {"feasts", "gifts"}
    # a report's item listing both problems side by side keeps both
    both = _codes("镇机关存在超标准公务接待现象，以“值班补助”名义违规发放补贴，党员干部操办婚丧喜庆事宜报告制度执行不严。")
    assert {"banquets", "feasts"} <= both


def test_what_was_extorted_is_not_gifts():
    assert _codes("徐某在执法检查中吃拿卡要，多次以“关照”为名向商户索要烟酒，收受商户所送香烟礼品。") == {"extortion"}


def test_a_yield_to_an_unknown_code_is_a_config_error():
    from config import load_yaml
    from config.errors import ConfigError
    from extractors.categories import build_category_rules

    cfg = load_yaml("category_rules.yaml")
    cfg = {**cfg, "categories": {**cfg["categories"], "banquets": {**cfg["categories"]["banquets"], "yields_to": ["feast"]}}}
    with pytest.raises(ConfigError, match="yields_to"):
        build_category_rules(cfg, load_yaml("taxonomy.yaml"))


def test_relatives_put_on_a_list_they_do_not_qualify_for_are_favoritism_not_false_claims():
    assert _codes("吴某在低保审核中优亲厚友，违规为其堂兄等3户不符合条件的家庭办理低保，致使上述家庭多领取低保金4.12万元。") \
        == {"favoritism"}
    # claims made up by the official himself stay false claims
    assert "false_claims" in _codes("吴某优亲厚友为其堂兄办理低保，并虚报冒领危房改造补助资金2万元。")


def test_a_village_collective_is_named_without_its_assets_being_at_stake():
    assert "collective_assets" in _codes("擅自将村集体所有的3口鱼塘以每年2000元的价格发包给他人。")
    assert "collective_assets" in _codes("在村集体林地流转时私下低价发包给外地客商。")
    assert "collective_assets" in _codes("采取减少村集体占地亩数、增加个人占地亩数方式将补偿款近6万元占为己有。")
    assert "collective_assets" not in _codes("驻村工作队对村集体议事程序指导不够，会议记录存在补记现象。")


def test_inventing_pretexts_is_extortion_only_when_fees_are_charged():
    assert "extortion" in _codes("某所巧立名目收取群众“加急费”共计3万元。")
    assert "extortion" not in _codes("某中心巧立名目，以“加班补助”名义向在编职工违规发放津贴补贴23.7万元。")


def test_records_written_up_after_the_fact_and_lax_management_in_reports():
    assert "formalism" in _codes("部分村党组织“三会一课”制度执行不到位，会议记录存在补记现象。")
    assert "dereliction" in _codes("干部教育管理不严，个别干部工作日上班期间擅离岗位。")
    assert "dereliction" in _codes("镇党委对班子成员日常监督偏软。")


def test_collective_economy_projects_are_not_collective_assets_at_stake():
    assert "collective_assets" not in _codes("部分村集体经济发展项目前期论证不充分，2个项目建成后长期闲置。")
    assert "collective_assets" in _codes("村干部将集体经济组织的收益12万元存入个人账户。")


def test_fees_collected_and_kept_are_not_extortion_and_a_relative_of_staff_is_favoritism():
    assert "extortion" not in _codes("周某某将收取的鱼塘承包费7.5万元存入个人银行账户，用于个人开支。")
    got = _codes("3户不符合条件的家庭违规享受公共租赁住房，其中1户系住房保障服务中心工作人员曾某某的亲属。")
    assert "favoritism" in got and "false_claims" not in got


def test_a_feast_in_the_headline_and_its_guests_in_the_text():
    assert "banquets" not in _codes("儿子升学大摆宴席，科长丢了“帽子”\n吴某为儿子操办升学宴，宴请亲友、同事等28桌。")


@pytest.mark.parametrize("text, code", [
    ("欧阳志强违规在某物业公司兼职并领取报酬共计9.6万元。", "business_conflict"),
    ("有3所学校从校长亲属经营的商店采购食材共计67.4万元。", "business_conflict"),
    ("义务教育阶段“大班额”问题化解不力。", "dereliction"),
    ("副镇长在未实地查看的情况下，即在23户危房改造户验收表上签字确认。", "dereliction"),
])
def test_phrasings_of_batch_ten(text, code):
    assert code in _codes(text)


def test_gifts_taken_are_not_a_bribe_unless_the_text_says_more():
    assert _codes("逢年过节收受管理服务对象所送红包礼金共计2.8万元。") == {"gifts"}
    assert {"gifts", "bribery"} <= _codes("利用职务便利为他人谋取利益，收受对方所送礼金和购物卡共计12万元。")


@pytest.mark.parametrize("text, code", [
    ("推进城镇老旧小区改造统筹不力，部分项目进度滞后。", "dereliction"),
    ("部分“三重一大”事项未经党委会研究即由院长办公会决定。", "abuse_of_power"),
    ("2022年修建村组道路未按规定公开比选，由时任村党支部书记的亲属承建。", "project_contracting"),
    ("2022年修建村组道路未按规定公开比选，由时任村党支部书记的亲属承建。", "favoritism"),
])
def test_phrasings_of_batch_eleven(text, code):
    assert code in _codes(text)


@pytest.mark.parametrize("text, code", [
    ("该校将食堂结余资金以“加班补助”“值班补贴”名义发放给教职工，共计9.64万元。", "allowances"),
    ("将村集体山林土地流转收入存入个人账户，长期挪作个人使用。", "misappropriation"),
    ("个别项目存在先建后批现象。", "project_contracting"),
    ("对施工单位围标串标问题监管缺位。", "dereliction"),
    ("个别干部借调时间过长。", "election_personnel"),
    ("套取学生伙食费45720元，其中部分用于教职工聚餐。", "banquets"),
    ("以“选位费”名义向村民收取费用3.6万元，未纳入村集体账目管理。", "collective_assets"),
])
def test_phrasings_of_batch_thirteen(text, code):
    assert code in _codes(text)


def test_records_made_up_for_an_inspection_are_formalism_not_a_claim_for_money():
    got = _codes("为应付上级考核，孟某授意工作人员在未实地走访的情况下，编造入户走访记录、收入台账等资料320余份。")
    assert "formalism" in got and "false_claims" not in got
    assert "false_claims" in _codes("通过编造不实材料为3户农户“争取”到危房改造补助款4.8万元。")


@pytest.mark.parametrize("text, code", [
    ("许昌市某区生态环境分局应付中央生态环境保护督察问题。", "formalism"),
    ("将总投资48.6万元的项目拆分为3个小项目，规避公开招标，交由其妻弟承建。", "project_contracting"),
    ("将总投资48.6万元的项目拆分为3个小项目，规避公开招标，交由其妻弟承建。", "favoritism"),
    ("审核流于形式，存在同一台农机重复申领补贴的情况。", "false_claims"),
    ("个别村党支部会议记录雷同。", "formalism"),
])
def test_phrasings_of_batch_twelve(text, code):
    assert code in _codes(text)


def test_combine_drops_a_rule_code_the_classifier_finds_very_unlikely_but_never_the_last():
    s = {"add_threshold": 1.1, "fill_threshold": 1.1, "drop_threshold": 0.05}
    assert combine(["dereliction", "false_claims"], {"dereliction": 0.9, "false_claims": 0.01}, s) == ["dereliction"]
    assert combine(["false_claims"], {"false_claims": 0.01}, s) == ["false_claims"]
    assert combine(["gifts", "banquets"], {"gifts": 0.02, "banquets": 0.01}, s) == ["gifts"]
    # a code the classifier does not know stays
    assert combine(["umbrella", "bribery"], {"bribery": 0.9}, s) == ["umbrella", "bribery"]
    assert combine(["gifts", "banquets"], {"gifts": 0.9, "banquets": 0.01}, {**s, "drop_threshold": 0.0}) == ["gifts", "banquets"]


def test_sham_rectification_beside_unfinished_rectification_is_formalism_only():
    sham = "上轮巡视反馈的12个问题中，仍有3个问题整改不到位，个别单位搞“纸面整改”“虚假整改”。"
    assert "formalism" in _codes(sham) and "dereliction" not in _codes(sham)
    # unfinished rectification alone stays a duty not done
    assert "dereliction" in _codes("上轮巡视反馈的12个问题中，仍有3个问题整改不到位。")
    # a sham rectification in another item of the case does not take the other item's dereliction
    two = "一是对下属单位疏于监管，3个项目长期未验收；二是搞“纸面整改”，台账材料弄虚作假。"
    assert {"dereliction", "formalism"} <= _codes(two)


@pytest.mark.parametrize("text, code", [
    ("某站站长驾驶单位公车接送孩子，还开公车回老家参加婚礼", "official_cars"),
    ("会计胡某多次用单位加油卡给私家车加油", "official_cars"),
    ("局里让下属单位出资购买一辆商务车专供局长使用", "official_cars"),
    ("出纳把代收的学费先拿去炒股，半年后才归还", "misappropriation"),
    ("村主任把集体资产租金拿去还个人房贷", "misappropriation"),
    ("人事科长在教师招聘中为亲属打招呼、降低报名条件", "election_personnel"),
    ("干预下属医院招聘，安排其外甥入职", "election_personnel"),
    ("离任前突击调整干部12名", "election_personnel"),
    ("镇长一人拍板将集体林地低价出租", "abuse_of_power"),
    ("办公室主任把单位公务接待“安排”到其弟弟开的饭店", "business_conflict"),
])
def test_everyday_wordings_of_the_rarer_categories(text, code):
    assert code in _codes(text)


def test_diners_policy_money_lent_for_profit_and_a_failed_acceptance_check():
    """陪餐 is banquets only as too many diners (a canteen-safety rule is not); 营利活动 after
    用于/进行 is what misappropriated money was used for, not business; a contractor's inflated
    quantities a failed acceptance check let through are not the checker's false claim."""
    assert "banquets" in _codes("公务接待超标准，陪餐人数超过规定2倍，花费3600元")
    assert "banquets" not in _codes("校长收受食堂承包商财物8万元。全县学校要严格落实校领导陪餐制度")
    assert "business_conflict" in _codes("违规从事营利活动，在其亲属公司兼职")
    codes = _codes("将集体分红资金9万元截留存入个人账户，其中3万元出借他人用于营利活动")
    assert "business_conflict" not in codes and "misappropriation" in codes
    codes = _codes("刘某在项目验收中未按规定进行实地查验，仅凭施工方资料签字确认，致使施工方虚增工程量多结算工程款26万元")
    assert "false_claims" not in codes


def test_profit_for_a_relatives_business_is_business_conflict_not_favoritism():
    codes = _codes("违反廉洁纪律，利用职务上的影响为其亲属经营活动谋取利益")
    assert "business_conflict" in codes and "favoritism" not in codes
    assert "favoritism" in _codes("违规为其亲属办理农村低保")


@pytest.mark.parametrize("text", [
    "某村原党支部书记邝立成长期把持村级政权，利用手中权力包揽村里大小工程。",
    "某公安局原副局长祁美兰帮助涉黑组织在某区非法垄断土方工程，收受好处费。",
    "尤文斌自2015年以来，利用该村建设厂房等项目，收受贿赂6万余元。",
])
def test_works_taken_over_or_sold_for_bribes_are_project_contracting(text):
    assert "project_contracting" in _codes(text)


@pytest.mark.parametrize("text, want, not_want", [
    # the matters a bribe-taker did favours in name where the favours went, not further problems
    ("被告人聂某利用担任某市市长等职务上的便利，在工程承揽、职务晋升、荣誉表彰等方面提供帮助，非法收受他人财物。",
     "bribery", ("project_contracting", "election_personnel")),
    ("张某利用职务便利，为他人在企业经营、项目审批、干部选拔任用等方面谋取利益，收受财物。",
     "bribery", ("business_conflict", "election_personnel")),
    # outside that wording the same matters are problems of their own
    ("李某违规插手工程项目，为亲属承揽工程提供帮助。", "project_contracting", ()),
    ("某局党组在干部选拔任用中违规打招呼，为他人职务晋升提供帮助。", "election_personnel", ()),
])
def test_the_domains_of_a_bribe_takers_favours_are_not_problems_of_their_own(text, want, not_want):
    codes = _codes(text)
    assert want in codes and not set(not_want) & set(codes)


@pytest.mark.parametrize("text, codes", [
    ("被告人张某在项目审批等事项上提供帮助，索取、非法收受他人财物逾1亿元。", ["bribery"]),
    ("王某另主动向他人索取贿款800万元。", ["bribery"]),
    ("村干部李某向危房改造户索要好处费2000元。", ["extortion"]),
])
def test_demanding_a_bribe_is_bribery_and_demanding_fees_of_the_public_is_extortion(text, codes):
    assert _codes(text) == set(codes)


@pytest.mark.parametrize("text", [
    "某局副局长王某违反“双报到”规定，擅自离岗回家，未按要求在防控卡点带班值守，受到党内警告处分。",
    "第一书记李某擅自离开防汛值守岗位，被通报批评。",
    "某镇干部张某在防汛期间擅离职守，受到政务警告处分。",
])
def test_a_post_left_while_on_duty_is_dereliction(text):
    assert "dereliction" in _codes(text)
    assert "dereliction" not in _codes("某局违规发放未在岗值班补贴3万元。")


def test_a_fee_collected_is_extortion_only_when_taken_from_the_people_served():
    assert "extortion" not in _codes("某工作站利用收取并保管的校舍租金、教材费折扣款等资金设置账外账，违规发放津补贴34万元。")
    assert "extortion" in _codes("某村党支部书记向村民收取宅基地审批费共计2万元。")
    assert "extortion" in _codes("某所工作人员以各种名目违规收费，刁难办事群众。")


def test_other_is_given_only_when_nothing_else_fits():
    assert _all_codes("某局财务人员周某挪用公款820万元，用于网络赌博。") == {"misappropriation"}
    assert _all_codes("某局干部王某多次参与赌博，被给予党内警告处分。") == {"other"}


@pytest.mark.parametrize("text", [
    "4月20日，某电网有限责任公司原工会主席邝立成被通报接受审查调查。",
    "某省粮食和物资储备局原局长尤文斌被查。",
    "2019年5月10日，某自治区公安厅原党委委员、副厅长孟立伟被开除党籍。",
    "6月，某区医疗保障局局长王传平主动交代问题。",
    "1月30日，某商业大学原党委常委、副校长高晓虹严重违纪违法被开除党籍和公职。",
])
def test_an_official_reported_only_as_fallen_is_other(text):
    """No conduct told, only the fall: `other`, not the classifier's guess from the sector."""
    assert [c.code for c in extract_categories(text)] == ["other"]


def test_a_fallen_officials_told_conduct_still_counts():
    text = "某县交通局原局长邝立成被查。经查，邝立成利用职务便利收受工程老板所送现金20万元，为其承揽工程提供帮助。"
    assert "bribery" in [c.code for c in extract_categories(text)]


def test_combine_without_fill_leaves_an_uncued_case_empty():
    proba = {"bribery": 0.3, "dereliction": 0.2}
    assert combine([], proba, {"fill_threshold": 0.0}) == ["bribery"]
    assert combine([], proba, {"fill_threshold": 0.0}, fill=False) == []


@pytest.mark.parametrize("text", [
    "村委委员邝立成在疫情防控卡点值班期间饮酒，被给予党内严重警告处分。",
    "某村第一书记祁美兰落实扶贫工作不力，受到诫勉。",
])
def test_a_duty_neglected_is_dereliction(text):
    assert "dereliction" in [c.code for c in extract_categories(text)]


@pytest.mark.parametrize("text", [
    "某分局局长曾某到省厅汇报工作，晚餐时组织专家唐某等9人在某酒楼吃喝，消费高档菜品，共花费8748元。",
    "某局副局长张某借报送资料之机，邀请家人在某酒楼用中餐消费3619元，并以单位名义开具发票。",
])
def test_a_restaurant_meal_told_with_its_bill_is_banquets(text):
    assert "banquets" in _codes(text)


@pytest.mark.parametrize("text, code", [
    ("经查，某某接受可能影响公正执行公务的宴请和旅游安排，违规收受礼品礼金。", "junkets"),
    ("经查，某某长期接受滑雪和旅游安排。", "junkets"),
    ("某区法院原院长某某超标准、超编制购买使用公务用车。", "official_cars"),
    ("经查，某某违规拥有非上市公司股份，搞权钱交易。", "business_conflict"),
    ("经查，某某安排亲属不实际工作而获取薪酬。", "business_conflict"),
    ("经查，某某不按规定报告个人有关事项，徇私录用调整提拔干部。", "election_personnel"),
])
def test_the_commissions_wording_of_a_conduct_maps_to_its_category(text, code):
    """The central commission's notices name conduct in set phrases (接受…宴请和旅游安排, 违规拥有非上市
    公司股份, 徇私录用调整提拔干部): each is the category the phrase describes."""
    assert code in _codes(text)


@pytest.mark.parametrize("text, code", [
    ("经查，某小学原校长克扣学生伙食费3.2万元。", "embezzlement"),
    ("经查，某粮库原主任侵吞升溢粮、虚假报支费用。", "false_claims"),
])
def test_withholding_what_is_owed_and_false_expense_claims(text, code):
    """克扣学生伙食费 keeps back money owed to others (embezzlement); 虚假报支 claims expenses that
    were never incurred (false_claims)."""
    assert code in _codes(text)


@pytest.mark.parametrize("text", [
    "2023年5月，某县文旅局干部张某在工作中存在问题，受到党内警告处分。",
    "某市科技局原副局长李某某的问题，经查属实，受到党内严重警告处分。",
])
def test_a_case_naming_no_conduct_is_other_not_the_classifiers_faint_guess(text):
    """With no cue and no code the shipped classifier gives as much as 0.1 (its fill threshold),
    the case is `other`: on real text such faint guesses were mostly wrong, `other` mostly right."""
    model = shipped_model()
    assert model is not None and model.settings["fill_threshold"] >= 0.1
    proba = model.proba(normalize(text).text, rule_codes=[])
    assert max(proba.values()) < model.settings["fill_threshold"]
    assert [c.code for c in extract_categories(text)] == ["other"]


@pytest.mark.parametrize("text, code", [
    ("某区安监大队大队长周某在女儿尚未收到录取通知书时即举办学子宴，宴请同事和管理服务对象。", "feasts"),
    ("某镇干部刘某中餐喝酒后满脸通红参加全镇工作会议，被当场停职。", "banquets"),
    ("某街道社区书记孙某用公款购买贺年卡寄送给辖区单位负责人，受到党内警告处分。", "gifts"),
])
def test_wordings_of_feasts_drinking_and_gifts(text, code):
    assert code in _codes(text)


def test_an_incident_someone_answers_for_is_a_duty_failure_when_nothing_else_fits():
    text = ("经国务院调查组调查，对这起问题疫苗事件负有领导责任的副市长郑某某被免职，"
            "市药监局局长冯某某被责令辞职。")
    cats = extract_categories(text)
    assert [c.code for c in cats] == ["dereliction"] and cats[0].evidence
    # beside a code the cues find, it says who answers for that, nothing more
    text2 = "某局局长王某某收受他人财物28万元，对本单位违规发放补贴问题负有主要领导责任，被开除党籍。"
    assert "dereliction" not in _codes(text2)


def test_a_slush_fund_is_money_diverted_and_what_it_paid_is_found_by_its_own_cues():
    assert _codes("某县水利站站长钱某某将收取的水费不入账，私设“小金库”12万元。") == {"misappropriation"}
    got = _codes("某局私设“小金库”，用于违规发放节日补贴6万元。")
    assert {"misappropriation", "allowances"} <= got


@pytest.mark.parametrize("text, has, hasnt", [
    # a birthday's red envelopes demanded in a chat group are gifts, not 吃拿卡要
    ("某所职工吴某某过生日时在工作群向下属索要微信红包，受到政务警告处分。", "gifts", "extortion"),
    # kickbacks demanded by a doctor are the bribe
    ("某医院科室主任陈某某多次向医药代表索要回扣，收受贿赂共计20万元。", "bribery", "extortion"),
    # a project charging villagers too much, then pocketing it, is no 吃拿卡要
    ("某村支书赵某某向每户多收取自筹款500元，并将多收取的4万元据为己有。", "embezzlement", "extortion"),
    # 多收集 is collecting more, no fee at all
    ("某卫生院院长让职工多收集医保卡，虚构住院骗取医保基金。", "false_claims", "extortion"),
])
def test_demands_and_overcharges_that_are_no_extortion(text, has, hasnt):
    got = _codes(text)
    assert has in got and hasnt not in got


def test_a_fee_demanded_from_the_people_served_is_still_extortion():
    assert "extortion" in _codes("某村原主任刘某某向危改户索要好处费每户500元。")


@pytest.mark.parametrize("text", [
    "审查期间，某局原局长吴某某伪造证据、订立攻守同盟，对抗组织审查。",
    "某林场职工陆某某伪造林木采伐许可证，导致违规采伐林木。",
    "为使行程在形式上符合规定，某局还伪造了一日游活动方案和参加人员名单。",
])
def test_forging_evidence_a_permit_or_a_plan_is_no_false_claim(text):
    assert "false_claims" not in _codes(text)


def test_forging_records_to_draw_money_is_a_false_claim():
    assert "false_claims" in _codes("某村支书张某某伪造申报材料，为其母亲领取危房改造补助2万元。")


@pytest.mark.parametrize("text", [
    "某农商银行原董事长顾某违法发放贷款1.7亿元，造成重大损失。",
    "省联社原主任罗某凭借领导意志违规放贷，形成大量不良贷款。",
    "某区部分学校强制学生订购教辅材料，每生收取80元。",
    "某部原部长傅某利用职务便利徇私枉法，包庇他人。",
])
def test_lending_against_the_rules_bending_the_law_and_forcing_purchases_are_abuse_of_power(text):
    assert "abuse_of_power" in _codes(text)
