"""A decoded page, as the readers of scans (archivist/ingest.py for image files, archivist/pdfsource.py
for PDF pages) hand it to the page stage, and the error they raise on a file they cannot read.

A leaf of the ingest stage, so that the two readers share it without importing each other. OpenCV and
NumPy are imported where they are used: the main process imports this module (discovery counts pages through
ingest.py) but decodes no page, and they were the only reason it loaded them (bench/RESULTS.md, issue 16,
sessions 24 and 26).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from PIL import Image

from .geometry import square_grid
from .models import ImagePayload, Word
from .payload import flatten

if TYPE_CHECKING:
    import numpy as np

#: Beyond this many pixels a page is refused before decoding (60000x60000 bombs, broken headers).
#: 200 MP is an A0 sheet at 600 dpi, far past any commune record.
MAX_PIXELS = 200_000_000


#: What the archivist can do about a file that cannot be read; it ends the one-line reason (``…; <advice>``).
#: Why: a reason alone ("the JPEG image is damaged or truncated") tells a commune's archivist what is wrong but
#: not what to do next, and the batch report is read by people who are not programmers.
EMPTY_ADVICE = "copy it again from the scanner, or scan the page again"
DAMAGED_IMAGE_ADVICE = "save it again from the scanner software, or scan the page again"
DAMAGED_PHOTO_ADVICE = "copy it again from the phone, or photograph the page again"
DAMAGED_PDF_ADVICE = "save it again from the scanner software, or scan the pages again"
ENCRYPTED_ADVICE = "ask for the password and save an unlocked copy"
NOT_A_SCAN_ADVICE = "move it out of the scans folder, or put the page's scan in its place"
TOO_LARGE_ADVICE = "split it, or scan it again at 300 dpi"


class IngestError(Exception):
    """A file that cannot be read as scans; the message is the one-line reason shown to the user, ending in
    what to do about it (``advice``, one of the ``*_ADVICE`` lines) where there is something to do."""

    def __init__(self, reason: str, advice: str = "") -> None:
        super().__init__(f"{reason}; {advice}" if advice else reason)


@dataclass
class LoadedPage:
    """A decoded page: grey pixels for analysis and OCR, and what to embed in the PDF."""

    gray: np.ndarray  # uint8, H x W, on square pixels (see :func:`loaded`)
    payload: ImagePayload
    dpi: float  # of ``gray``
    dpi_known: bool
    #: Words a born-digital PDF page already carries as text (pixel boxes at ``dpi``); OCR is skipped.
    words: list[Word] | None = None
    #: A resolution the file records but no scanner makes (10,000 dpi); ``dpi`` is then the default.
    implausible_dpi: float | None = None
    dpi_xy: tuple[float, float] | None = None  # the scan's own horizontal and vertical resolution
    #: A reduced copy of a colour page that is not a JPEG, for its report image (archivist/preview.py).
    colour: np.ndarray | None = None
    notes: list[str] = field(default_factory=list)  # what the page's warnings must say about how it was read
    #: The photo's EXIF Orientation (1-8; archivist/exiforient.py) of a JPEG, TIFF, PNG or WebP page.
    exif_orientation: int | None = None
    #: The source's format as the record names it (JPEG, PNG, TIFF, HEIC, PDF, ...; archivist/ingest.py).
    source_format: str = ""

    def assumed_dpi(self) -> str:
        """The warning for a page whose ``dpi`` is assumed: say whether the file had none or a wrong one."""
        if self.implausible_dpi is not None:
            return f"resolution recorded as {self.implausible_dpi:g} dpi, implausible; assumed {self.dpi:.0f} dpi"
        return f"resolution not recorded in the file; assumed {self.dpi:.0f} dpi"


def loaded(gray: np.ndarray, payload: ImagePayload, dpi_x: float, dpi_y: float, known: bool,
           implausible_dpi: float | None = None, colour: np.ndarray | None = None) -> LoadedPage:
    """A decoded page whose grey pixels are on the square grid (:func:`archivist.geometry.square_grid`).

    Only the pixels that are analysed and OCR'd are stretched; the payload (what the PDF embeds)
    stays the scan's own, and the PDF draws it onto the same grid, so the page keeps the scanner's
    proportions and the words found on the grid land on the scan's words.
    """
    h, w = gray.shape
    sw, sh, dpi = square_grid(w, h, dpi_x, dpi_y)
    if (sw, sh) != (w, h):
        import cv2

        gray = cv2.resize(gray, (sw, sh), interpolation=cv2.INTER_LINEAR)
    return LoadedPage(gray, payload, dpi, known, implausible_dpi=implausible_dpi,
                      dpi_xy=(round(dpi_x, 2), round(dpi_y, 2)), colour=colour)


def loaded_image(im: Image.Image, payload: ImagePayload, dpi_x: float, dpi_y: float, known: bool,
                 implausible_dpi: float | None = None) -> LoadedPage:
    """:func:`loaded` for a decoded PIL image, with a small colour copy where the report needs one."""
    import numpy as np

    from .preview import colour_copy

    flat = flatten(im)
    if flat.mode != "RGB":
        return loaded(gray_of(flat), payload, dpi_x, dpi_y, known, implausible_dpi)
    rgb = np.asarray(flat)  # copied out of Pillow once (17 ms on a 300 dpi colour page), used twice
    return loaded(_gray_of_rgb(rgb), payload, dpi_x, dpi_y, known, implausible_dpi, colour_copy(rgb, payload))


def loaded_pixels(pixels: np.ndarray, payload: ImagePayload, dpi_x: float, dpi_y: float, known: bool,
                  implausible_dpi: float | None = None) -> LoadedPage:
    """:func:`loaded` for pixels OpenCV decoded: grey (H x W) or colour in OpenCV's order (H x W x 3, BGR).

    The same grey and the same colour copy as :func:`loaded_image` makes from Pillow's RGB: OpenCV's grey
    weights each channel as it is named whatever the order, and the reduction works channel by channel, so
    reducing and then swapping to RGB equals swapping and then reducing (tests/test_png_decode.py)."""
    if pixels.ndim == 2:
        return loaded(pixels, payload, dpi_x, dpi_y, known, implausible_dpi)
    import cv2

    from .preview import colour_copy

    small = colour_copy(pixels, payload)
    return loaded(cv2.cvtColor(pixels, cv2.COLOR_BGR2GRAY), payload, dpi_x, dpi_y, known, implausible_dpi,
                  None if small is None else cv2.cvtColor(small, cv2.COLOR_BGR2RGB))


def gray_of(im: Image.Image) -> np.ndarray:
    """Grey pixels for analysis and OCR. RGB goes through OpenCV: Pillow's conversion took 0.12 s on
    a 300 dpi A4 page, OpenCV's (the same weights, ±1 level of rounding) a tenth of that."""
    import numpy as np

    if im.mode == "L":
        return np.asarray(im)
    if im.mode == "1":
        return np.asarray(im.convert("L"))
    im = flatten(im)
    if im.mode == "RGB":
        return _gray_of_rgb(np.asarray(im))
    return np.asarray(im.convert("L"))


def _gray_of_rgb(rgb: np.ndarray) -> np.ndarray:
    import cv2

    return cv2.cvtColor(rgb, cv2.COLOR_RGB2GRAY)
