"""Posts and units of the people in a case, reduced so that alike posts count together.

"山西省河曲县鹿固乡辉塔村党支部原书记" and "長埫口鎮白三洲村黨支部書記" are both a
村党支部书记; "云南省宣威市龙潭镇陆泉村原党总支书记、村委会主任" holds two posts.
The canonical post table is data (config/post_groups.yaml).
"""
from __future__ import annotations

import re
from functools import lru_cache

from config import load_yaml
from search.text import simplify

# A named place: a few Han characters ending in an administrative level.
_LEVELS = ("自治区", "自治州", "自治县", "地区", "街道", "社区", "居委会", "新区", "省", "市", "州",
           "盟", "县", "区", "旗", "乡", "镇", "村")
# Words that cannot be part of a place name (县政府常务副县长 is no place called 县政府常务副).
_NOT_PLACE = re.compile(r"政府|党|委|局|办|常务|副|人民|机关|公司")
_PLACE = re.compile(r"^([\u4e00-\u9fff]{1,7}?)(" + "|".join(_LEVELS) + r")")
# After a place, these begin an organ named after that place (尖扎县委 = 县委), so the level stays.
_ORGAN_AFTER_PLACE = re.compile(r"^(委|政府|人大|政协|纪委|监委|党委|党工委|人民|法院|检察院|妇联|团委)")
# Words a level character makes with its neighbour: 住房和城乡建设局, 乡村振兴局, 市场监管局.
_NOT_A_BOUNDARY = frozenset({"城乡", "乡村", "城市", "城区", "市区", "市场", "市政", "市直", "县直", "省直",
                             "区域", "县域", "镇街", "乡镇", "村级", "县级", "市级", "区级", "省级", "镇级", "乡级"})
# How the name of an organisation ends (成都金牛高新技术产业园区管委会, 公车定点维修公司).
_ORGAN_END = re.compile(r"(委会|委员会|局|办|办公室|所|站|中心|公司|院|校|学校|村|镇|乡|街道|社区|委|厅|处|科|馆|队|会|部|行|社)$")
_DROP = re.compile(r"(时任|原任|前任|现任|曾任|原|前)(?=[\u4e00-\u9fff])|^该")
_PARENS = re.compile(r"[（(][^）)]*[）)]")
_SPLIT = re.compile(r"[、,，;；/]|兼任|兼")
_QUOTES = re.compile(r"[“”\"'‘’《》]")
# The role at the end of a single post: what remains when the unit is taken off.
_ROLE = re.compile(
    r"(党组织|党支部|党总支|党委|党组|党工委|支部|总支|纪委|纪检|监委会|村委会|居委会)?"
    r"(第一|常务)?(副)?(书记|主任|委员|局长|镇长|乡长|县长|市长|区长|主席|组长|站长|所长|校长|院长|"
    r"科长|处长|馆长|经理|总经理|董事长|理事长|会计|出纳|报账员|文书|干部|工作人员|职工|工程师|"
    r"调研员|成员|常委|会长|队长|秘书长|部长|厅长|主管|专干|网格员|管理员)$"
)


@lru_cache(maxsize=1)
def _post_table() -> tuple[tuple[str, tuple[re.Pattern[str], ...]], ...]:
    data = load_yaml("post_groups.yaml")
    return tuple((row["post"], tuple(re.compile(p) for p in row["patterns"])) for row in data["posts"])


def _reduce_places(post: str) -> str:
    """Replace leading named places by their level, keeping only the last level:
    "山西省河曲县鹿固乡辉塔村党支部书记" → "村党支部书记"."""
    level = ""
    rest = post
    while True:
        if rest.startswith(("社区", "街道", "居委会")):
            break  # a level without a name: 社区居委会主任
        m = _PLACE.match(rest)
        if not m:
            break
        after = rest[m.end():]
        if not after or _NOT_PLACE.search(m.group(1)) or after[0] in "长副" \
                or m.group(0)[-2:] in _NOT_A_BOUNDARY or (m.group(2)[-1] + after[0]) in _NOT_A_BOUNDARY:
            break
        if _ORGAN_AFTER_PLACE.match(after):
            # 尖扎县委常委 → 县委常委: the level belongs to the organ.
            level, rest = "", m.group(2) + after
            break
        level, rest = m.group(2), after
    if level and rest and rest[:2] not in _NOT_A_BOUNDARY \
            and (rest[0] in "省市州盟县区旗乡镇村" or rest.startswith(("街道", "社区"))):
        level = ""  # 张村镇党委书记: the later level wins
    if level == "居委会":
        level = "社区"
    return level + rest


def split_position(position: str) -> list[str]:
    """The single posts a position names, simplified, with 原/时任 and parentheses dropped."""
    text = _PARENS.sub("", simplify(position or ""))
    text = _QUOTES.sub("", text)
    text = _DROP.sub("", text).strip()
    return [p.strip() for p in _SPLIT.split(text) if p.strip()]


def canonical_post(single: str) -> str:
    """The canonical form of one post (already split): the table's label, or the post with
    named places reduced to their level."""
    reduced = _reduce_places(single)
    for label, patterns in _post_table():
        if any(p.search(reduced) for p in patterns):
            return label
    return reduced


def posts_of(position: str) -> list[str]:
    """Canonical posts of a position as written; several when a person holds several.

    A later post without a unit is in the first one's unit ("区发改局党组书记、局长" → 区发改局局长).
    """
    parts = split_position(position)
    out: list[str] = []
    unit = ""  # the first post's unit, places reduced: 区发改局党组书记 → 区发改局
    for i, part in enumerate(parts):
        reduced = _reduce_places(part)
        if i == 0:
            m = _ROLE.search(reduced)
            unit = reduced[: m.start()] if m else ""
        elif unit and _ROLE.fullmatch(reduced) and not reduced.startswith(unit[:1]):
            part = unit + reduced  # a bare role: 、局长 → 区发改局局长
        post = canonical_post(part)
        if post and post not in out:
            out.append(post)
    return out


def unit_of(position: str, organisation: str = "") -> str:
    """The unit a person works in: the extracted organisation, else the position without its
    role ("鹿固乡辉塔村党支部书记" → "鹿固乡辉塔村"); "" when the position names no unit."""
    if organisation:
        return simplify(organisation).strip()
    parts = split_position(position)
    if not parts:
        return ""
    first = parts[0]
    m = _ROLE.search(first)
    if m is None and not _ORGAN_END.search(first):
        return ""  # 村民, 群众: a person, not a unit
    unit = first[: m.start()] if m else first
    unit = re.sub(r"(党组织|党支部|党总支|党委|党组|支部|总支|村委会|居委会|机关)$", "", unit)
    # a bare level ("村", "区") or nothing names no unit
    if len(unit) < 2 or unit in _LEVELS:
        return ""
    return unit
