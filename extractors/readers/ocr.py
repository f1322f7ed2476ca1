"""OCR of page images (tesseract through tesserocr), for scanned PDF pages and image files.

Why tesserocr: it drives libtesseract in-process, so the Chinese model is loaded once per
worker instead of once per page (11-25 % more pages/s than the `tesseract` CLI or
pytesseract on the same images, the same text; README, Benchmarks → OCR). The language data is
Debian's (`tesseract-ocr-chi-sim`, `-chi-tra`; `scripts/system-deps.sh`).

Pages are OCR'd in a process pool bounded by the core count (a crash in the engine costs
one read, not the batch), each worker rendering its own page (pypdfium2) or image frame.
Results are cached by the file's sha256 (one JSON per file and settings), so a re-run reads
nothing again. Each page gives lines with their boxes (in points, as pdfplumber's), so the
PDF reader's furniture removal and paragraph re-joining apply unchanged, and a confidence.
"""
from __future__ import annotations

import contextvars
import hashlib
import itertools
import json
import logging
import os
import re
import sys
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from config.errors import ReadError
from extractors.filehash import sha256_file
from extractors.readers.ocr_text import clean_line, fix_quotes

log = logging.getLogger(__name__)

CACHE_VERSION = 1  # bump when what a cached page holds changes
INSTALL_HINT = ("OCR is not installed: run `bash scripts/system-deps.sh runtime` (as root), or "
                "`apt-get install tesseract-ocr tesseract-ocr-chi-sim tesseract-ocr-chi-tra` "
                "and `pip install tesserocr`")
TESSDATA_DIRS = ("/usr/share/tesseract-ocr/5/tessdata", "/usr/share/tesseract-ocr/4.00/tessdata",
                 "/usr/share/tessdata", "/usr/local/share/tessdata")

# Called with (file name, pages done, pages to do) as pages finish; set by a caller that
# shows its own progress (`leian ingest`), else a rich bar is shown on a terminal.
PAGE_PROGRESS: contextvars.ContextVar[Callable[[str, int, int], None] | None] = \
    contextvars.ContextVar("leian_ocr_page_progress", default=None)


# Pages this process had recognised and taken from the cache (for logs, tests and benchmarks).
STATS = {"recognised": 0, "cached": 0}


def default_cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "leian" / "ocr"


@dataclass(frozen=True)
class OcrOptions:
    """How pages without text are read (settings `ocr_*`, env LEIAN_OCR_*)."""

    enabled: bool = True
    # tesseract models tried in turn (a+b: both at once): a page read below `retry_below`
    # is read again with the next, and the more confident reading kept. A combined
    # chi_sim+chi_tra model mixes traditional characters into simplified text.
    languages: str = "chi_sim,chi_tra"
    retry_below: float = 85.0
    dpi: int = 300  # pages are rendered at this resolution for OCR
    min_confidence: float = 60.0  # a page below this mean word confidence (0-100) is flagged
    workers: int = 0  # processes; 0 = one per core
    cache_dir: str = ""  # "" = $XDG_CACHE_HOME/leian/ocr (~/.cache/leian/ocr)

    @classmethod
    def from_settings(cls, settings: object) -> OcrOptions:
        kw = {name: getattr(settings, f"ocr_{name}") for name in cls.__dataclass_fields__
              if getattr(settings, f"ocr_{name}", None) is not None}
        return cls(**kw)

    @property
    def cache_path(self) -> Path:
        return Path(self.cache_dir) if self.cache_dir else default_cache_dir()

    def pool_size(self, pages: int) -> int:
        return max(1, min(pages, self.workers or os.cpu_count() or 1))


@dataclass
class PageText:
    """One OCR'd page: lines as (text, x0, x1, top, bottom) in points, the page height in
    points, and the mean word confidence (0-100; None when no word was found)."""

    number: int
    height: float
    lines: list[tuple[str, float, float, float, float]] = field(default_factory=list)
    confidence: float | None = None


# ---------------------------------------------------------------------------- engine
def tessdata_dir() -> str:
    """Where the language models are (TESSDATA_PREFIX, else Debian's paths)."""
    env = os.environ.get("TESSDATA_PREFIX")
    for d in ([env] if env else []) + list(TESSDATA_DIRS):
        if d and Path(d, "chi_sim.traineddata").exists():
            return d
    return ""


def missing_reason(languages: str) -> str:
    """Why OCR cannot run here, with how to install it ("" when it can)."""
    try:
        import tesserocr  # noqa: F401
    except ImportError:
        return INSTALL_HINT
    data = tessdata_dir()
    missing = [lang for lang in re.split(r"[+,]", languages)
               if not data or not Path(data, f"{lang}.traineddata").exists()]
    return f"OCR language data {', '.join(missing)} missing; {INSTALL_HINT}" if missing else ""


def check_available(path: Path, languages: str) -> None:
    """Raise ReadError (naming the file) with how to install OCR when it is missing."""
    reason = missing_reason(languages)
    if reason:
        raise ReadError(path, f"cannot OCR it: {reason}")


@lru_cache(maxsize=2)
def _api(languages: str):
    """One tesseract engine per process and language set (loading a model takes ~0.1-0.3 s)."""
    import tesserocr

    return tesserocr.PyTessBaseAPI(path=tessdata_dir(), lang=languages, psm=tesserocr.PSM.AUTO)


def _scan_dpi(page) -> float:
    """The resolution of the largest image on a PDF page (a scan's own), 0 if none."""
    import pypdfium2.raw as pdfium_c

    best = (0, 0.0)
    for obj in page.get_objects(filter=(pdfium_c.FPDF_PAGEOBJ_IMAGE,), max_depth=2):
        meta = obj.get_metadata()
        best = max(best, (meta.width * meta.height, float(meta.horizontal_dpi or 0)))
    return best[1]


def _upscaled(image, own_dpi: float, dpi: int):
    """A scan below `dpi` resized to it with Lanczos: tesseract reads a 200-dpi scan so
    resized far better than the renderer's own scaling of it (scripts/bench_ocr.py)."""
    from PIL import Image

    if own_dpi and own_dpi < dpi * 0.95:
        f = dpi / own_dpi
        return image.resize((round(image.width * f), round(image.height * f)), Image.Resampling.LANCZOS), dpi
    return image, own_dpi or dpi


def _load_image(source: str, kind: str, index: int, dpi: int):
    """The page's image (grayscale, at `dpi` or its own higher resolution) and how many
    points one pixel is."""
    from PIL import Image, ImageSequence

    if kind == "pdf":
        import pypdfium2 as pdfium

        pdf = pdfium.PdfDocument(source)
        try:
            page = pdf[index]
            own = _scan_dpi(page)
            render_dpi = own if 100 <= own < dpi else dpi  # a low-resolution scan at its own grid
            image = page.render(scale=render_dpi / 72, grayscale=True).to_pil()
        finally:
            pdf.close()
        image, at = _upscaled(image, render_dpi, dpi)
        return image, 72 / at
    with Image.open(source) as img:
        frame = ImageSequence.Iterator(img)[index]
        res = frame.info.get("dpi") or (0, 0)
        own = float(res[0]) if res and res[0] and float(res[0]) >= 50 else 0.0
        image, at = _upscaled(frame.convert("L"), own, dpi)
    return image, 72 / (at or dpi)


def ocr_page(source: str, kind: str, index: int, dpi: int, languages: str, retry_below: float = 85.0) -> PageText:
    """OCR one page (a PDF page index, or an image frame): lines with boxes and confidence,
    from the first language model, or a later one when that reads it with more confidence."""
    image, scale = _load_image(source, kind, index, dpi)
    best: PageText | None = None
    for lang in languages.split(","):
        page = _recognise(_api(lang.strip()), image, scale, index + 1)
        page.lines = fix_quotes(sorted(page.lines + _dropped_lines(_api(lang.strip()), image, scale, page.lines),
                                       key=lambda ln: ln[3]))
        if best is None or (page.confidence or 0) > (best.confidence or 0):
            best = page
        if (best.confidence or 0) >= retry_below or not best.lines:
            break
    assert best is not None
    return best


def _recognise(api, image, scale: float, number: int) -> PageText:
    import tesserocr

    api.SetImage(image)
    api.Recognize()
    lines: list[tuple[str, float, float, float, float]] = []
    words: list[str] = []
    box = [0, 0, 0, 0]
    weighted = chars = 0.0

    def flush() -> None:
        text = clean_line(" ".join(words))
        if text:
            lines.append((text, box[0] * scale, box[2] * scale, box[1] * scale, box[3] * scale))

    level = tesserocr.RIL.WORD
    it = api.GetIterator()
    if it is not None:
        for word in tesserocr.iterate_level(it, level):
            try:
                text = word.GetUTF8Text(level)
            except RuntimeError:  # tesserocr's "No text returned": a blob that is no word
                continue
            bbox = word.BoundingBox(level)
            if not text or not text.strip() or bbox is None:
                continue
            if word.IsAtBeginningOf(tesserocr.RIL.TEXTLINE) and words:
                flush()
                words = []
            if not words:
                box = list(bbox)
            else:
                box = [min(box[0], bbox[0]), min(box[1], bbox[1]), max(box[2], bbox[2]), max(box[3], bbox[3])]
            words.append(text.strip())
            n = len(text.strip())
            weighted += word.Confidence(level) * n
            chars += n
        if words:
            flush()
    api.Clear()
    return PageText(number, image.height * scale, lines, round(weighted / chars, 1) if chars else None)


def _ink_bands(image) -> list[tuple[int, int]]:
    """Rows of the page holding ink, as (top, bottom) pixel bands (a line of text each)."""
    import numpy as np

    ink = (np.asarray(image) < 128).sum(axis=1) > 2
    bands, start = [], None
    for y, on in enumerate(ink.tolist() + [False]):
        if on and start is None:
            start = y
        elif not on and start is not None:
            bands.append((start, y))
            start = None
    return bands


def _dropped_lines(api, image, scale: float, lines: list) -> list[tuple[str, float, float, float, float]]:
    """Lines tesseract's layout analysis left out (it drops some short lines of dense
    characters, e.g. a paragraph's last line in traditional script): bands of ink the
    size of a text line that no recognised line covers, each read as one line."""
    if not lines:
        return []
    heights = sorted(ln[4] - ln[3] for ln in lines)
    size = heights[len(heights) // 2] / scale  # the body's line height, in pixels
    covered = [(ln[3] / scale, ln[4] / scale) for ln in lines]
    found = []
    for top, bottom in _ink_bands(image):
        h = bottom - top
        if not 0.6 * size <= h <= 1.6 * size:
            continue
        if any(min(bottom, b) - max(top, t) > 0.3 * h for t, b in covered):
            continue
        found += _read_line(api, image, top, bottom, scale)
    api.Clear()
    return found


def _read_line(api, image, top: int, bottom: int, scale: float) -> list[tuple[str, float, float, float, float]]:
    """One band of ink read as a single line: cropped to its ink, tried at a few sizes
    (the fast LSTM models return nothing for some lines at one size and read them well
    at another); [] when no size gives a confident reading."""
    import numpy as np
    import tesserocr
    from PIL import Image

    cols = np.nonzero((np.asarray(image.crop((0, top, image.width, bottom))) < 128).any(axis=0))[0]
    if not len(cols):
        return []
    api.SetPageSegMode(tesserocr.PSM.SINGLE_LINE)
    try:
        for pad, f in itertools.product((0.2, 0.35, 0.5), (1.0, 0.8, 1.25, 0.9, 1.1, 0.7)):
            margin = int(pad * (bottom - top))
            crop = image.crop((max(0, int(cols[0]) - margin), max(0, top - margin),
                               min(image.width, int(cols[-1]) + margin), min(image.height, bottom + margin)))
            api.SetImage(crop if f == 1.0 else crop.resize((round(crop.width * f), round(crop.height * f)),
                                                             Image.Resampling.LANCZOS))
            text = clean_line(api.GetUTF8Text())
            if text and api.MeanTextConf() >= 60:
                return [(text, int(cols[0]) * scale, int(cols[-1]) * scale, top * scale, bottom * scale)]
    finally:
        api.SetPageSegMode(tesserocr.PSM.AUTO)
    return []


# ---------------------------------------------------------------------------- cache
def _cache_file(opts: OcrOptions, digest: str) -> Path:
    key = hashlib.sha1(f"{CACHE_VERSION}|{opts.languages}|{opts.retry_below}|{opts.dpi}".encode()).hexdigest()[:10]
    return opts.cache_path / digest[:2] / f"{digest}-{key}.json"


def _cache_read(cache: Path) -> dict[int, PageText]:
    try:
        data = json.loads(cache.read_text(encoding="utf-8"))
        return {int(k): PageText(int(k), v["height"], [tuple(ln) for ln in v["lines"]], v["confidence"])
                for k, v in data["pages"].items()}
    except FileNotFoundError:
        return {}
    except (OSError, ValueError, KeyError, TypeError) as exc:  # a damaged cache is redone, not trusted
        log.warning("OCR cache %s unreadable (%s); pages are OCR'd again", cache, exc)
        return {}


def _cache_write(cache: Path, pages: dict[int, PageText]) -> None:
    data = {"pages": {str(n): {"height": p.height, "lines": p.lines, "confidence": p.confidence}
                      for n, p in sorted(pages.items())}}
    try:
        cache.parent.mkdir(parents=True, exist_ok=True)
        tmp = cache.with_suffix(f".{os.getpid()}.tmp")
        tmp.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
        tmp.replace(cache)
    except OSError as exc:  # OCR still worked; only the next run pays again
        log.warning("cannot write the OCR cache %s: %s", cache, exc)


# ---------------------------------------------------------------------------- running
class _Progress:
    """Per-page progress: the caller's hook, else a rich bar on a terminal, else nothing."""

    def __init__(self, name: str, total: int):
        self.name, self.total, self.done = name, total, 0
        self.hook = PAGE_PROGRESS.get()
        self.bar = None
        if self.hook is None and total > 1 and sys.stderr.isatty():
            from rich.console import Console
            from rich.markup import escape
            from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

            self.bar = Progress(TextColumn(f"OCR {escape(name[:40])}"), BarColumn(), MofNCompleteColumn(),
                                TimeRemainingColumn(), console=Console(stderr=True), transient=True)
            self.task = self.bar.add_task("", total=total)
            self.bar.start()

    def step(self) -> None:
        self.done += 1
        if self.hook is not None:
            self.hook(self.name, self.done, self.total)
        elif self.bar is not None:
            self.bar.update(self.task, advance=1)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.stop()


def ocr_pages(path: Path, kind: str, indices: list[int], opts: OcrOptions) -> list[PageText]:
    """OCR the given pages (0-based PDF page or image frame indices) of a file, from the
    cache where it has them, the rest in parallel; pages in the order asked."""
    check_available(path, opts.languages)
    cache = _cache_file(opts, sha256_file(path))
    known = _cache_read(cache)
    todo = [i for i in indices if i + 1 not in known]
    STATS["cached"] += len(indices) - len(todo)
    if todo:
        progress = _Progress(path.name, len(todo))
        try:
            args = [(str(path), kind, i, opts.dpi, opts.languages, opts.retry_below) for i in todo]
            workers = opts.pool_size(len(todo))
            if workers == 1:
                for a in args:
                    page = ocr_page(*a)
                    known[page.number] = page
                    progress.step()
            else:
                import multiprocessing

                with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("spawn"),
                                         initializer=_worker_init) as pool:
                    for page in pool.map(ocr_page, *zip(*args)):
                        known[page.number] = page
                        progress.step()
        except ReadError:
            raise
        except Exception as exc:  # the engine or the renderer failed on this file
            log.info("OCR of %s failed", path, exc_info=True)
            raise ReadError(path, f"OCR failed: {type(exc).__name__}: {exc}") from exc
        finally:
            progress.close()
        STATS["recognised"] += len(todo)
        _cache_write(cache, known)
    return [known[i + 1] for i in indices]


def _worker_init() -> None:
    os.environ.setdefault("OMP_THREAD_LIMIT", "1")  # one core per worker: the pool is the parallelism


def confidence_warnings(pages: list[PageText], opts: OcrOptions) -> list[str]:
    """One warning per page whose OCR confidence is below the floor."""
    return [f"page {p.number}: OCR confidence {p.confidence:.0f} below {opts.min_confidence:.0f}; "
            "check its text against the scan" for p in pages
            if p.lines and p.confidence is not None and p.confidence < opts.min_confidence]


def mean_confidence(pages: list[PageText]) -> float | None:
    """Mean confidence of the pages with text, weighted by their characters."""
    sized = [(p.confidence, sum(len(ln[0]) for ln in p.lines)) for p in pages if p.confidence is not None]
    total = sum(n for _, n in sized)
    return round(sum(c * n for c, n in sized) / total, 1) if total else None



def ocr_warnings(pages: list[PageText], opts: OcrOptions, total: int) -> list[str]:
    """What a reader of the case output should know: which pages were OCR'd, and at what
    confidence; a page below the floor gets its own warning."""
    read = [p.number for p in pages if p.lines]
    if not read:
        return [f"pages without text, none found by OCR: {', '.join(str(p.number) for p in pages[:20])}"]
    conf = mean_confidence(pages)
    shown = ", ".join(map(str, read[:20])) + (" …" if len(read) > 20 else "")
    return ([f"OCR: {len(read)} of {total} pages read by OCR ({shown}), mean confidence {conf:.0f}"]
            + confidence_warnings(pages, opts))
