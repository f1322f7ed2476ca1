"""Hard-wrapped plain text (copied out of a PDF) is re-joined; ordinary text is left alone."""
from __future__ import annotations

from extractors.pipeline import extract_file
from extractors.readers import read_file
from extractors.readers.unwrap import columns, unwrap, wrap_width

# One notice, written as paragraphs (the way a web page or a Word file gives it).
PARAGRAPHS = [
    "某市纪委监委关于3起违反中央八项规定精神问题的通报",
    "　　今年以来，全市各级纪检监察机关紧盯节日节点，持续加大对享乐主义、奢靡之风的查处力度，现将3起典型问题通报如下。",
    "　　1.某县水利局原副局长刘建国违规收受礼金问题。2021年至2023年春节期间，刘建国先后收受多名工程承包商所送礼金，"
    "共计3.6万元。2024年3月，刘建国受到党内严重警告处分，违纪所得予以收缴。",
    "　　2.某街道办事处副主任钟丽华违规公款吃喝问题。2023年6月至12月，钟丽华先后5次安排在辖区一农家乐公款吃喝，"
    "相关费用11460元在街道财政报销。2024年4月，钟丽华受到党内警告处分；街道财政所所长赖文斌审核把关不严，受到批评教育。",
    "　　3.某镇党委书记谢天明违规操办婚宴问题。2023年10月，谢天明为女儿操办婚宴，宴请42桌，并收受管理服务对象礼金2.28万元。"
    "2024年2月，谢天明受到党内警告处分，违规收受的礼金已全部退还。",
    "　　各级党组织要切实扛起主体责任，紧盯重要节点，对享乐主义、奢靡之风露头就打、寸步不让。",
]


def _cut(text: str, width: int) -> list[str]:
    return [text[k:k + width] for k in range(0, len(text), width)]


def _hard_wrapped(width: int = 29) -> str:
    """The notice as a PDF copy gives it: lines of `width` characters, a page number and the
    running header in the middle of a paragraph."""
    lines: list[str] = []
    for p in PARAGRAPHS:
        lines += _cut(p, width)
    lines[9:9] = ["                        — 1 —", "某市纪委监委文件"]
    lines.insert(0, "某市纪委监委文件")
    return "\n".join(lines) + "\n                        — 2 —\n"


def test_a_hard_wrapped_copy_is_rejoined_into_its_paragraphs():
    wrapped = _hard_wrapped()
    assert "赖文斌" not in wrapped or "钟丽华受到党内警告处分" not in wrapped  # the copy really cuts words
    out = unwrap(wrapped)
    assert [ln for ln in out.split("\n") if ln.strip()] == PARAGRAPHS


def test_names_and_numbers_cut_by_a_wrap_are_whole_again():
    for width in (23, 26, 29, 31):
        out = unwrap(_hard_wrapped(width))
        for word in ("赖文斌", "11460元", "2.28万元", "2024年4月", "钟丽华"):
            assert word in out, (width, word)
        assert "— 1 —" not in out and "某市纪委监委文件" not in out


def test_text_that_is_not_wrapped_is_returned_unchanged():
    web = "\n".join(PARAGRAPHS) + "\n"
    assert unwrap(web) == web
    headings = "\n".join(["案例一：某县医院骗取医保基金案", "2023年，该院通过虚记诊疗项目等方式骗取医保基金28.6万元。处理结果：追回全部基金。",
                          "案例二：某县医保局监管不力问题", "2023年，该局对定点医疗机构日常巡查流于形式，导致医保基金损失6.3万元。处理结果：局长被诫勉。"])
    assert unwrap(headings) == headings
    table = "\n".join(["序号\t单位\t问题\t处理", *[f"{k}\t某县某镇卫生院第{k}分院\t虚记诊疗项目、串换药品套取医保基金{k}万元\t追回资金，院长受到政务警告处分"
                                               for k in range(1, 7)]])
    assert unwrap(table) == table


def test_the_wrap_width_counts_han_characters_twice():
    assert columns("赖文斌ab1") == 9
    assert wrap_width(["短行"] * 10) is None
    assert wrap_width(_cut(PARAGRAPHS[2] + PARAGRAPHS[3] + PARAGRAPHS[4], 20)) == (len, 20)
    han_only = "".join(ch for ch in PARAGRAPHS[2] + PARAGRAPHS[3] if "\u4e00" <= ch <= "\u9fff")
    assert wrap_width(_cut(han_only, 20)) == (columns, 40)


def test_the_text_reader_unwraps_a_gbk_copy_and_the_people_come_out_whole(tmp_path):
    path = tmp_path / "通报.txt"
    path.write_bytes(_hard_wrapped(27).encode("gbk"))
    assert read_file(path).text.count("\n") < 12
    people = {p.name for c in extract_file(path).cases for p in c.people}
    assert {"刘建国", "钟丽华", "赖文斌", "谢天明"} <= people


def test_a_page_break_with_blank_lines_and_a_running_header_inside_a_sentence_is_closed():
    # the page's last line is short (the sentence goes on), blank lines around the page number,
    # the header repeated at the top of the next page
    body = ("　　巡察组指出，一是落实主体责任有差距，会议记录存在补记问题；二是集体资金管理混乱，村集体资金存在白条入账"
            "问题，涉及金额3.2万元；村委会收取的承包费1.8万元未及时上缴，坐收坐支用于日常开支；村集体所有的林地承包合同"
            "到期后未经村民代表大会表决即续签。三是低保评定不公开，村干部近亲属4户享受低保待遇，群众反映强烈。")
    lines = ["某县委巡察工作领导小组办公室", "某巡办〔2021〕9号", ""] + _cut(body, 31)
    k = next(i for i, ln in enumerate(lines) if "村集体所有" in ln)
    cut = lines[k].index("村集体所有") + 3
    lines[k:k + 1] = [lines[k][:cut], "", "　　　　　　　　— 1 —", "", "某县委巡察工作领导小组办公室", lines[k][cut:]]
    out = unwrap("\n".join(lines) + "\n")
    assert "村集体所有的林地" in out and "— 1 —" not in out
    assert out.count("某县委巡察工作领导小组办公室") == 0 or out.startswith("某县委巡察工作领导小组办公室")
    assert [ln for ln in out.split("\n") if ln.strip()][-1].endswith("群众反映强烈。")


def _ragged(width_cycle: tuple[int, ...] = (16, 20, 17, 24, 15, 19, 22, 18)) -> str:
    """The notice wrapped by hand at no one width: each line as long as the next number in
    the cycle, cut wherever that falls."""
    lines: list[str] = []
    k = 0
    for p in PARAGRAPHS:
        pos = 0
        while pos < len(p):
            w = width_cycle[k % len(width_cycle)]
            lines.append(p[pos:pos + w])
            pos += w
            k += 1
    return "\n".join(lines)


def test_a_text_wrapped_by_hand_at_no_one_width_is_rejoined():
    wrapped = _ragged()
    assert wrap_width(wrapped.split("\n")) is not None
    out = unwrap(wrapped)
    assert [ln for ln in out.split("\n") if ln.strip()] == PARAGRAPHS


def test_short_lines_that_end_their_sentences_are_not_ragged_wrapping():
    lines = ["某县纪委监委通报", "2023年，王某违规收受礼金。", "2024年，李某公车私用。", "张某违规操办婚宴。",
             "赵某违规发放补贴。", "钱某接受宴请。", "孙某违规兼职取酬。", "各级党组织要引以为戒。"]
    text = "\n".join(lines)
    assert unwrap(text) == text


def test_a_page_with_furniture_and_a_list_of_headlines_is_not_ragged_wrapping():
    links = [f"某省某市原副市长某某某严重违纪违法被开除党籍和公职　2022-11-{k:02d}" for k in range(10, 20)]
    text = "\n".join(["当前位置：首页 > 要闻 > 审查调查 > 党纪政务处分", "来源：某某网站　发布时间：2022-11-18　字号：大 中 小　打印",
                      *PARAGRAPHS, "分享到：微信 新浪微博 QQ空间", *links])
    assert unwrap(text) == text
