"""OCR boxes → lines in reading order, punctuation widths from the room each mark takes (the
layout alone, on boxes as PP-OCR gives them: no OCR run here; the end-to-end readings are
in test_ocr.py)."""
from __future__ import annotations

from extractors.readers.ocr_engine import TextBox
from extractors.readers.ocr_layout import page_lines

EM = 33.0  # 12 pt at 200 dpi


def box(text: str, x0: float, top: float, widths: dict[str, float] | None = None) -> TextBox:
    """A run of text set from x0: Chinese characters 1 em, Latin and digits half, the marks
    in `widths` their own advance."""
    chars, x = [], x0
    for ch in text:
        w = (widths or {}).get(ch, EM if ord(ch) > 0x2e80 else EM / 2)
        chars.append((x + 0.1 * w, x + 0.9 * w))
        x += w
    return TextBox(text, (x0, top, x, top + EM), 0.99, chars)


def test_boxes_of_one_line_are_joined_left_to_right_and_lines_go_top_down():
    boxes = [box("第二行文字", 100, 160), box("新闻频道", 100, 100), box("正文", 400, 102)]
    assert [ln.text for ln in page_lines(boxes, 1600)] == ["新闻频道 正文", "第二行文字"]


def test_two_columns_are_read_one_after_the_other_below_a_title():
    title = box("某某县纪委监委关于两起典型问题的通报", 300, 60)
    left = [box(f"左栏第{i}行某某村违规问题", 100, 150 + 50 * i) for i in range(6)]
    right = [box(f"右栏第{i}行某某镇吃喝问题", 900, 150 + 50 * i) for i in range(6)]
    footer = box("以上问题均已整改到位，并在全县范围内通报，要求全县干部引以为戒", 300, 600)
    got = [ln.text for ln in page_lines(right + [footer] + left + [title], 1654)]
    assert got == [title.text] + [b.text for b in left] + [b.text for b in right] + [footer.text]


def test_a_table_row_is_not_taken_for_two_columns():
    rows = [box("序号", 100, 100 + 50 * i) for i in range(1)] + \
           [b for i in range(6) for b in (box(f"{i + 1}", 100, 150 + 50 * i), box(f"某某村书记王某{i}", 300, 150 + 50 * i),
                                          box("党内警告", 1000, 150 + 50 * i))]
    lines = page_lines(rows, 1654)
    assert [ln.text for ln in lines][1:3] == ["1 某某村书记王某0 党内警告", "2 某某村书记王某1 党内警告"]


def test_half_and_full_width_marks_by_the_room_they_take():
    half = {",": 0.3 * EM, ":": 0.3 * EM, "(": 0.35 * EM, ")": 0.35 * EM}
    # the recogniser read every mark full-width; the page says which are not
    lines = page_lines([
        box("低保资金，共计3.6万元，受到警告", 100, 100, {"，": 0.3 * EM}),
        box("违规吃喝，造成损失5800元，受到谈话", 100, 150),
        box("张某某（已退休）收受礼金：2019年9月1日16：30", 100, 200, {"（": 0.35 * EM, "）": 0.35 * EM}),
    ], 1654)
    assert [ln.text for ln in lines] == ["低保资金,共计3.6万元,受到警告", "违规吃喝，造成损失5800元，受到谈话",
                                         "张某某(已退休)收受礼金：2019年9月1日16:30"]
    assert half  # the widths used above


def test_marks_the_neighbours_do_not_tell_follow_the_page():
    half = {",": 0.3 * EM}
    lines = page_lines([box("甲乙丙丁,戊己庚辛,壬癸", 100, 100, half),
                        box("“某某”，一行之末，", 100, 150, {"，": 0.3 * EM})], 1654)
    assert lines[1].text == "“某某”,一行之末,"  # beside a quotation mark, at a line end: the page's way
