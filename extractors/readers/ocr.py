"""OCR of page images (PP-OCR through rapidocr, extractors.readers.ocr_engine), for scanned
PDF pages and image files.

Pages are OCR'd in a process pool bounded by the core count (a crash in the engine costs
one read, not the batch), each worker rendering its own page (pypdfium2: a scan at its own
resolution) or image frame. Results are cached by the file's sha256 and the engine's
version and models (one JSON per file and settings), so a re-run reads nothing again and a
new engine reads everything again. Each page gives lines in reading order with their boxes
(in points, as pdfplumber's; extractors.readers.ocr_layout), so the PDF reader's furniture
removal and paragraph re-joining apply unchanged, and a confidence.
"""
from __future__ import annotations

import contextvars
import hashlib
import json
import logging
import os
import sys
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from config.errors import ReadError
from extractors.filehash import sha256_file
from extractors.readers import ocr_engine
from extractors.readers.ocr_layout import page_lines
from extractors.readers.ocr_text import clean_line, fix_quotes, one_script

log = logging.getLogger(__name__)

CACHE_VERSION = 2  # bump when what a cached page holds changes

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
    dpi: int = 200  # pages without a scan image (drawn text) are rendered at this resolution
    min_confidence: float = 90.0  # a page below this mean character confidence (0-100) is flagged
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
    points, and the mean character confidence (0-100; None when no text was found)."""

    number: int
    height: float
    lines: list[tuple[str, float, float, float, float]] = field(default_factory=list)
    confidence: float | None = None


# ---------------------------------------------------------------------------- engine
def missing_reason() -> str:
    """Why OCR cannot run here, with how to install it ("" when it can)."""
    return ocr_engine.missing_reason()


def check_available(path: Path) -> None:
    """Raise ReadError (naming the file) with how to install OCR when it is missing."""
    reason = missing_reason()
    if reason:
        raise ReadError(path, f"cannot OCR it: {reason}")


def _scan_dpi(page) -> float:
    """The resolution of the largest image on a PDF page (a scan's own), 0 if none."""
    import pypdfium2.raw as pdfium_c

    best = (0, 0.0)
    for obj in page.get_objects(filter=(pdfium_c.FPDF_PAGEOBJ_IMAGE,), max_depth=2):
        meta = obj.get_metadata()
        best = max(best, (meta.width * meta.height, float(meta.horizontal_dpi or 0)))
    return best[1]


def _load_image(source: str, kind: str, index: int, dpi: int):
    """The page's image (grayscale) and how many points one pixel is. A scanned PDF page is
    rendered at its scan's own resolution (150-400 dpi; resampling only blurs it), a page of
    drawn text at `dpi`; an image file is taken as it is."""
    from PIL import Image, ImageSequence

    if kind == "pdf":
        import pypdfium2 as pdfium

        pdf = pdfium.PdfDocument(source)
        try:
            page = pdf[index]
            own = _scan_dpi(page)
            at = min(max(own, 150), 400) if own else dpi
            image = page.render(scale=at / 72, grayscale=True).to_pil()
        finally:
            pdf.close()
        return image, 72 / at
    with Image.open(source) as img:
        frame = ImageSequence.Iterator(img)[index]
        res = frame.info.get("dpi") or (0, 0)
        own = float(res[0]) if res and res[0] and float(res[0]) >= 50 else float(dpi)
        image = frame.convert("L")
    return image, 72 / own


TURN_BELOW = 80.0  # a page read with less confidence is tried turned (a scan fed sideways or upside down)


def ocr_page(source: str, kind: str, index: int, dpi: int) -> PageText:
    """OCR one page (a PDF page index, or an image frame): lines in reading order with
    their boxes in points, and the mean character confidence. A page read with little
    confidence (or none) is read again turned 180°, 90° and 270°, and the most confident
    reading kept."""
    image, scale = _load_image(source, kind, index, dpi)
    best = _read(image, scale, index + 1)
    if (best.confidence or 0) < TURN_BELOW:
        from PIL import Image

        for turn in (Image.Transpose.ROTATE_180, Image.Transpose.ROTATE_90, Image.Transpose.ROTATE_270):
            page = _read(image.transpose(turn), scale, index + 1)
            if (page.confidence or 0) > (best.confidence or 0) + 5:
                best = page
            if (best.confidence or 0) >= TURN_BELOW:
                break
    return best


def _read(image, scale: float, number: int) -> PageText:
    lines = page_lines(ocr_engine.recognise(image), image.width)
    out = [(clean_line(ln.text), ln.x0 * scale, ln.x1 * scale, ln.top * scale, ln.bottom * scale) for ln in lines]
    kept = [(ln, o) for ln, o in zip(lines, out) if o[0]]
    chars = sum(len(o[0]) for _, o in kept)
    conf = round(100 * sum(ln.score * len(o[0]) for ln, o in kept) / chars, 1) if chars else None
    return PageText(number, image.height * scale, one_script(fix_quotes([o for _, o in kept])), conf)


# ---------------------------------------------------------------------------- cache
def _cache_file(opts: OcrOptions, digest: str) -> Path:
    key = hashlib.sha1(f"{CACHE_VERSION}|{ocr_engine.engine_id()}|{opts.dpi}".encode()).hexdigest()[:10]
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
    check_available(path)
    cache = _cache_file(opts, sha256_file(path))
    known = _cache_read(cache)
    todo = [i for i in indices if i + 1 not in known]
    STATS["cached"] += len(indices) - len(todo)
    if todo:
        progress = _Progress(path.name, len(todo))
        try:
            args = [(str(path), kind, i, opts.dpi) for i in todo]
            workers = opts.pool_size(len(todo))
            if workers == 1:
                for a in args:
                    page = ocr_page(*a)
                    known[page.number] = page
                    progress.step()
            else:
                import multiprocessing

                with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("spawn"),
                                         initializer=_worker_init, initargs=(_threads(workers),)) as pool:
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


def _threads(workers: int) -> int:
    """onnxruntime threads for each of `workers` processes: the cores shared out."""
    return max(1, (os.cpu_count() or 1) // workers)


def _worker_init(threads: int) -> None:
    os.environ["LEIAN_OCR_THREADS"] = str(threads)  # the pool is the parallelism; no oversubscription


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
