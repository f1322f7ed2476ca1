"""Images of a notice (.png .jpg .jpeg .tif .tiff; a multi-page TIFF is one document): read
by OCR (extractors.readers.ocr), each frame a page, its lines going through the PDF
reader's furniture removal and paragraph re-joining. Refused with a reason: corrupt or
truncated image, too many pages, an image too large to decode safely, no text found.
"""
from __future__ import annotations

import logging
from pathlib import Path

from config.errors import ReadError
from extractors.readers import ReadLimits, ReadResult
from extractors.readers.ocr import mean_confidence, ocr_pages, ocr_warnings
from extractors.readers.pdf import _strip_furniture, ocr_lines, paragraphs_from_lines

log = logging.getLogger(__name__)

_MAGIC = (b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff", b"II*\x00", b"MM\x00*")


def _frames(path: Path, limits: ReadLimits) -> int:
    """How many pages (frames) the image has; checks that every frame decodes."""
    from PIL import Image, ImageSequence, UnidentifiedImageError

    try:
        with Image.open(path) as img:
            n = getattr(img, "n_frames", 1)
            if n > limits.max_pages:
                raise ReadError(path, f"too large: {n} pages (limit {limits.max_pages})")
            for frame in ImageSequence.Iterator(img):
                frame.load()
            return n
    except ReadError:
        raise
    except Image.DecompressionBombError as exc:
        raise ReadError(path, f"image too large to decode safely: {exc}") from exc
    except UnidentifiedImageError as exc:
        raise ReadError(path, "corrupt image: not a PNG, JPEG or TIFF Pillow can decode") from exc
    except (OSError, SyntaxError, ValueError, EOFError) as exc:  # truncated or damaged data
        raise ReadError(path, f"corrupt image: {exc}") from exc


class ImageReader:
    name = "image"
    extensions = (".png", ".jpg", ".jpeg", ".tif", ".tiff")

    def match(self, path: Path, head: bytes) -> bool:
        return path.suffix.lower() in self.extensions or head.startswith(_MAGIC)

    def read(self, path: Path, limits: ReadLimits) -> ReadResult:
        n = _frames(path, limits)
        if not limits.ocr.enabled:
            raise ReadError(path, "an image is read by OCR, which is turned off (setting ocr_enabled)")
        pages = ocr_pages(path, "image", list(range(n)), limits.ocr)
        if not any(p.lines for p in pages):
            raise ReadError(path, "no text found (OCR)")
        body, _ = _strip_furniture([(p.height, ocr_lines(p)) for p in pages])
        warnings = ocr_warnings(pages, limits.ocr, n)
        return ReadResult(text="\n".join(paragraphs_from_lines(body)), fmt="image", pages=n, warnings=warnings,
                          ocr_pages=[p.number for p in pages if p.lines], ocr_confidence=mean_confidence(pages))


READER = ImageReader()
