"""The OCR engine: PaddleOCR's PP-OCRv6 models (text detection, recognition) run by
onnxruntime through the `rapidocr` package, whose wheel ships the models (nothing is
downloaded at run time; the model files are named explicitly so a missing one is an error,
never a download).

PP-OCR's per-line direction classifier is not used: on upright document pages it now and
then took a long line for an upside-down one and turned it, which then read as nonsense
(one line in the corpus); a page's orientation is judged whole instead
(extractors.readers.ocr: a page read with low confidence is tried turned).

Why PP-OCR and not tesseract: on the corpus renderings it misreads about a tenth as many
characters as Debian's tesseract models (README, Benchmarks → OCR), and it reads simplified
and traditional script with one model.

`recognise(image)` gives the text boxes of a page image: each box's text, its corners, its
confidence (0-1) and its characters' horizontal extents (for telling a half-width comma
from a full-width one; extractors.readers.ocr_layout).
"""
from __future__ import annotations

import logging
import os
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

log = logging.getLogger(__name__)

PACKAGE = "rapidocr"
# The models the rapidocr wheel ships (PP-OCRv6 small detection and recognition, Chinese
# and English, simplified and traditional).
MODELS = {"Det": "PP-OCRv6_det_small.onnx", "Rec": "PP-OCRv6_rec_small.onnx"}
INSTALL_HINT = ("OCR is not installed: run `bash scripts/install.sh`, or "
                "`pip install 'rapidocr==3.10.0' 'onnxruntime>=1.17,<2'`")


@dataclass
class TextBox:
    """One detected run of text: its text, its box (x0, top, x1, bottom in pixels), the
    recogniser's confidence (0-1) and each character's (x0, x1) in pixels."""

    text: str
    box: tuple[float, float, float, float]
    score: float
    chars: list[tuple[float, float]]


def models_dir() -> Path | None:
    """The folder of the packaged models (None when rapidocr is not installed)."""
    try:
        import rapidocr
    except ImportError:
        return None
    return Path(rapidocr.__file__).parent / "models"


def engine_id() -> str:
    """What the OCR cache is keyed by: the package's version and its models."""
    from importlib.metadata import version

    return f"{PACKAGE}-{version(PACKAGE)}:{'+'.join(MODELS.values())}"


def missing_reason() -> str:
    """Why OCR cannot run here, with how to install it ("" when it can)."""
    folder = models_dir()
    if folder is None:
        return INSTALL_HINT
    try:
        import onnxruntime  # noqa: F401
    except ImportError:
        return INSTALL_HINT
    missing = [name for name in MODELS.values() if not (folder / name).is_file()]
    return f"OCR models {', '.join(missing)} missing from {folder}; {INSTALL_HINT}" if missing else ""


@lru_cache(maxsize=1)
def _engine(threads: int):
    """One engine per process (models load on first use, ~0.5 s)."""
    from rapidocr import RapidOCR

    folder = models_dir()
    # its "text detection result is empty" on a blank page is a warning on stderr: only errors
    params: dict[str, object] = {"Global.log_level": "error", "Global.use_cls": False}
    for task, name in MODELS.items():
        params[f"{task}.model_path"] = str(folder / name)  # type: ignore[operator]
    if threads:
        params["EngineConfig.onnxruntime.intra_op_num_threads"] = threads
        params["EngineConfig.onnxruntime.inter_op_num_threads"] = 1
    return RapidOCR(params=params)


def threads_per_worker() -> int:
    """onnxruntime threads in this process: set by the pool (LEIAN_OCR_THREADS), else all cores."""
    return int(os.environ.get("LEIAN_OCR_THREADS", "0") or 0)


def recognise(image) -> list[TextBox]:
    """The text boxes of a page image (a PIL image, any mode), in no particular order."""
    import numpy as np

    rgb = np.asarray(image.convert("RGB"))
    out = _engine(threads_per_worker())(rgb, return_word_box=True, return_single_char_box=True)
    if out.boxes is None or not out.txts:
        return []
    words = out.word_results if out.word_results and len(out.word_results) == len(out.txts) else None
    boxes = []
    for k, (quad, text, score) in enumerate(zip(out.boxes, out.txts, out.scores)):
        q = np.asarray(quad, dtype=float)
        box = (float(q[:, 0].min()), float(q[:, 1].min()), float(q[:, 0].max()), float(q[:, 1].max()))
        chars: list[tuple[float, float]] = []
        if words is not None:
            per_char = [np.asarray(b, dtype=float) for _, _, b in words[k] if b is not None]
            if len(per_char) == len(text.replace(" ", "")):
                chars = _aligned(text, [(float(b[:, 0].min()), float(b[:, 0].max())) for b in per_char])
        boxes.append(TextBox(text, box, float(score), chars))
    return boxes


def _aligned(text: str, spans: list[tuple[float, float]]) -> list[tuple[float, float]]:
    """Character extents for every character of `text`, a space getting the gap it fills."""
    out: list[tuple[float, float]] = []
    it = iter(spans)
    for ch in text:
        if ch == " ":
            end = out[-1][1] if out else 0.0
            out.append((end, end))
        else:
            out.append(next(it))
    return out
