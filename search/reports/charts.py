"""Charts of a summary drawn with matplotlib in a CJK font (WenQuanYi Zen Hei when installed).

Without a font that has Chinese glyphs every label would be a row of boxes, so the font is
looked up once and registered with matplotlib's font manager; the charts are PNG files.
"""
from __future__ import annotations

import logging
from functools import lru_cache
from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
from matplotlib import font_manager  # noqa: E402
from matplotlib.ticker import MaxNLocator  # noqa: E402

log = logging.getLogger(__name__)
# wqy-zenhei is one weight (500): matplotlib would warn on every label that 400 is missing
logging.getLogger("matplotlib.font_manager").setLevel(logging.ERROR)

CJK_FONT_FILES = (
    "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
    "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
    "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
    "C:/Windows/Fonts/simhei.ttf",
    "C:/Windows/Fonts/msyh.ttc",
    "/System/Library/Fonts/PingFang.ttc",
)
BAR = "#9e1b1b"  # the dark red of official reports
GRID = "#d9d9d9"


@lru_cache(maxsize=1)
def cjk_font() -> str:
    """Register the first CJK font found and return its family name ('' when none)."""
    for f in CJK_FONT_FILES:
        if Path(f).exists():
            font_manager.fontManager.addfont(f)
            name = font_manager.FontProperties(fname=f).get_name()
            log.debug("charts: CJK font %s from %s", name, f)
            return name
    log.warning("charts: no CJK font found (install fonts-wqy-zenhei); Chinese labels may show as boxes")
    return ""


def bar_chart(labels: list[str], values: list[int], path: Path, *, title: str, unit: str = "起") -> Path:
    """A horizontal bar chart, largest on top, each bar labelled with its value."""
    font = cjk_font()
    with plt.rc_context({"font.family": [font, "DejaVu Sans"] if font else ["DejaVu Sans"],
                         "axes.unicode_minus": False}):
        height = max(1.8, 0.42 * len(labels) + 0.9)
        fig, ax = plt.subplots(figsize=(6.3, height), dpi=200)
        ys = list(range(len(labels)))[::-1]
        ax.barh(ys, values, color=BAR, height=0.6)
        ax.set_yticks(ys, labels, fontsize=10)
        top = max(values, default=1)
        for y, v in zip(ys, values):
            ax.text(v + top * 0.01, y, f"{v}{unit}", va="center", fontsize=9)
        ax.set_xlim(0, top * 1.15 + 0.5)
        locator = ax.xaxis.get_major_locator()
        assert isinstance(locator, MaxNLocator)  # matplotlib's default AutoLocator is one
        locator.set_params(integer=True)
        ax.grid(axis="x", color=GRID, linewidth=0.6)
        ax.set_axisbelow(True)
        for side in ("top", "right"):
            ax.spines[side].set_visible(False)
        ax.set_title(title, fontsize=12, pad=8)
        fig.tight_layout()
        path.parent.mkdir(parents=True, exist_ok=True)
        fig.savefig(path, format="png")
        plt.close(fig)
    return path
