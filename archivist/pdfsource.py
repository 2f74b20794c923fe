"""Read scanned pages out of PDFs.

A scanner's PDF page is almost always one image drawn over the whole page. Then the image is
taken as it is: JPEG, grey or RGB Flate and CCITT G4 data pass through untouched, other encodings
(JBIG2, JPEG 2000, CMYK, palette, 16-bit, masks) are decoded once and stored losslessly
(archivist/payload.py). Any other page (several
images, an image drawn rotated or sheared, a /Rotate entry, vector art) is rendered with PDFium
at the image's own resolution, so what is OCR'd is what a reader sees.

A page with no image and no text (ruled lines, a drawn plot map, a blank separator sheet) is
rendered too, not refused: the archive keeps what a reader sees, and the pipeline flags the
page as having no text. Refusing it would leave out a whole multi-page PDF for one blank page.

Error messages about one page do not repeat its number: the pipeline names the page.
"""

from __future__ import annotations

import io
import re
import unicodedata
from pathlib import Path
from typing import TYPE_CHECKING

import pikepdf
from pikepdf import PdfImage

from .loaded import (
    DAMAGED_PDF_ADVICE,
    ENCRYPTED_ADVICE,
    MAX_PIXELS,
    TOO_LARGE_ADVICE,
    IngestError,
    LoadedPage,
    loaded_image,
)
from .models import PageRef, Word
from .payload import encode_lossless, pdf_image_payload

if TYPE_CHECKING:
    from PIL import Image

RENDER_DPI_MIN = 200.0
_CID = re.compile(r"(\(cid:\d+\))+")  # what pdfminer gives for a glyph it has no Unicode for
RENDER_DPI_MAX = 400.0


def _qpdf_reason(path, e: Exception) -> str:
    """qpdf's message on one line, without the file name it starts with (the report names the file)."""
    text = " ".join(str(e).split()) or type(e).__name__
    for prefix in (f"{path}: ", f"{Path(path).name}: "):
        text = text.replace(prefix, "")
    return text[:120]


def _open(path) -> pikepdf.Pdf:
    try:
        return pikepdf.open(path)
    except pikepdf.PasswordError:
        raise IngestError("the PDF is encrypted with a password", ENCRYPTED_ADVICE) from None
    except pikepdf.PdfError as e:
        raise IngestError(f"the PDF is damaged and cannot be read ({_qpdf_reason(path, e)})",
                          DAMAGED_PDF_ADVICE) from None
    except OSError as e:
        raise IngestError(f"cannot read the PDF ({e.strerror or e})") from None


def pdf_page_count(path) -> int:
    with _open(path) as pdf:
        try:
            n = len(pdf.pages)
        except pikepdf.PdfError as e:
            raise IngestError(f"the PDF is damaged and its pages cannot be found ({_qpdf_reason(path, e)})",
                              DAMAGED_PDF_ADVICE) from None
        if n == 0:
            raise IngestError("the PDF has no pages (it may be damaged)", DAMAGED_PDF_ADVICE)
        return n


TEXT_OPS = "Tj TJ ' \""
#: How deep form XObjects may nest before the search gives up (a loop is caught earlier, by identity).
MAX_FORM_DEPTH = 12


def _shows_string(operands: list) -> bool:
    for o in operands:
        if isinstance(o, pikepdf.String) and bytes(o).strip():
            return True
        if isinstance(o, pikepdf.Array) and any(isinstance(x, pikepdf.String) and bytes(x).strip() for x in o):
            return True
    return False


def _forms_with_text(stream: pikepdf.Object | pikepdf.Page, resources: pikepdf.Object, seen: set, depth: int) -> bool:
    """True when ``stream`` shows text itself or through a form XObject it paints, at any depth."""
    for operands, op in pikepdf.parse_content_stream(stream, TEXT_OPS + " Do"):
        if str(op) != "Do":
            if _shows_string(operands):
                return True
            continue
        xobj = resources.get("/XObject", {}).get(str(operands[0])) if operands else None
        if not isinstance(xobj, pikepdf.Stream) or xobj.get("/Subtype") != "/Form" or depth >= MAX_FORM_DEPTH:
            continue
        key = xobj.objgen if xobj.is_indirect else id(xobj)
        if key in seen:
            continue
        seen.add(key)
        if _forms_with_text(xobj, xobj.get("/Resources", resources), seen, depth + 1):
            return True
    return False


def _appearances(page: pikepdf.Page) -> list[pikepdf.Object]:
    """The normal appearance streams of the page's visible annotations (filled-in fields, stamps, notes)."""
    out = []
    for annot in page.obj.get("/Annots", []):
        if not isinstance(annot, pikepdf.Dictionary) or int(annot.get("/F", 0)) & 2:  # 2: hidden
            continue
        normal = annot.get("/AP", {}).get("/N") if isinstance(annot.get("/AP"), pikepdf.Dictionary) else None
        if isinstance(normal, pikepdf.Dictionary) and not isinstance(normal, pikepdf.Stream):
            normal = normal.get(str(annot.get("/AS", "")))  # a state dictionary: the state shown
        if isinstance(normal, pikepdf.Stream):
            out.append(normal)
    return out


def text_sources(page: pikepdf.Page) -> list[str]:
    """Where the page shows text of its own: its content, form XObjects it paints, annotations.

    Why all three: a page is taken for a scan unless it has text, and a scan is OCR'd; text inside a
    form XObject (a stamp, a template filled in by software) or an annotation's appearance (a filled
    form field, a "received" stamp) is exact, and OCR would only garble it (2017-Jan-22 -> 201 7-Jan-22).
    """
    found = []
    try:
        resources = page.obj.get("/Resources", pikepdf.Dictionary())
        for operands, _op in pikepdf.parse_content_stream(page, TEXT_OPS):
            if _shows_string(operands):
                found.append("page")
                break
        if not found and _forms_with_text(page, resources, set(), 0):
            found.append("form XObject")
        seen: set = set()
        if any(_forms_with_text(ap, ap.get("/Resources", resources), seen, 0) for ap in _appearances(page)):
            found.append("annotation")
    except (pikepdf.PdfError, TypeError, ValueError):
        return found
    return found


def page_has_text(page: pikepdf.Page) -> bool:
    """True when the page shows text itself (born-digital), so its OCR would only add noise."""
    return bool(text_sources(page))


def _images(page: pikepdf.Page) -> dict[str, pikepdf.Object]:
    """The image XObjects the page itself names (not those inside forms)."""
    try:
        xobjs = page.obj.get("/Resources", {}).get("/XObject", {})
        return {str(k): v for k, v in xobjs.items() if v.get("/Subtype") == "/Image"}
    except (pikepdf.PdfError, AttributeError):
        return {}


def _single_full_page_image(page: pikepdf.Page) -> tuple[str, pikepdf.Object] | None:
    """The page's only image if the content just paints it upright over the whole page."""
    if page.obj.get("/Rotate", 0) % 360:
        return None
    images = _images(page)
    if len(images) != 1:
        return None
    (name, img), = images.items()
    ops = pikepdf.parse_content_stream(page)
    box = [float(v) for v in page.mediabox]
    pw, ph = box[2] - box[0], box[3] - box[1]
    cm = None
    for operands, op in ops:
        o = str(op)
        if o == "cm":
            cm = [float(v) for v in operands]
        elif o == "Do":
            if cm is None or abs(cm[1]) > 1e-6 or abs(cm[2]) > 1e-6:
                return None
            if abs(abs(cm[0]) - pw) > 2 or abs(abs(cm[3]) - ph) > 2 or cm[0] < 0 or cm[3] < 0:
                return None
        elif o in {"Tj", "TJ", "BI", "re", "f", "S", "sh"}:
            return None
    return name, img


def load_pdf_page(ref: PageRef, force_ocr: bool = False) -> LoadedPage:
    """One PDF page: its own text if it has some (unless ``force_ocr``), else its scan or a rendering."""
    with _open(ref.path) as pdf:
        if ref.index >= len(pdf.pages):
            raise IngestError(f"the PDF has no page {ref.index + 1}")
        page = pdf.pages[ref.index]
        box = [float(v) for v in page.mediabox]
        pw_in, ph_in = (box[2] - box[0]) / 72.0, (box[3] - box[1]) / 72.0
        if pw_in <= 0 or ph_in <= 0:
            raise IngestError("the page has an empty page box", DAMAGED_PDF_ADVICE)
        sources = text_sources(page)
        notes = []
        if sources:
            where = "" if sources == ["page"] else f" (in {' and '.join(s for s in sources if s != 'page')})"
            if force_ocr:
                notes.append(f"the PDF page has text of its own{where}: OCR'd it as asked (--force-ocr)")
            else:
                page_text = _own_text(ref, page, pw_in, ph_in, where)
                if page_text.words is not None:
                    return page_text
                notes = page_text.notes
        try:
            found = _single_full_page_image(page)
        except pikepdf.PdfError:  # a content stream qpdf cannot parse: PDFium may still draw it
            found = None
        if found is not None:
            _name, img = found
            w, h = int(img.Width), int(img.Height)
            if w * h > MAX_PIXELS:
                raise IngestError(f"the page holds a {w}x{h} image, over the {MAX_PIXELS // 1_000_000} MP limit",
                                  TOO_LARGE_ADVICE)
            try:
                pil = PdfImage(img).as_pil_image()
                out = loaded_image(pil, pdf_image_payload(img, pil), w / pw_in, h / ph_in, True)
            except Exception:  # noqa: BLE001 - e.g. JBIG2 without jbig2dec: PDFium decodes it itself
                out = _render(ref, page, pw_in, ph_in)
        else:
            out = _render(ref, page, pw_in, ph_in)
        out.notes.extend(notes)
        return out


def _own_text(ref: PageRef, page: pikepdf.Page, pw_in: float, ph_in: float, where: str) -> LoadedPage:
    """The page rendered, with its own text as words; ``words`` is None (and a note says why) when
    that text cannot be read as characters, so that the caller OCRs the page instead."""
    out = _render(ref, page, pw_in, ph_in)
    try:
        words = _pdf_words(ref, page, out.dpi)
    except Exception as e:  # noqa: BLE001 - text that cannot be extracted is OCR'd like a scan
        out.notes.append(f"the PDF page has text of its own{where} but it could not be extracted "
                         f"({type(e).__name__}); OCR'd it instead")
        return out
    readable = [w for w in words if not _CID.fullmatch(w.text) and "\ufffd" not in w.text]
    if not words:
        out.notes.append(f"the PDF page has text of its own{where} but no words could be extracted from it; "
                         "OCR'd it instead")
        return out
    if len(readable) < len(words) / 2:
        out.notes.append(f"the PDF page has text of its own{where} but its characters cannot be read as letters "
                         "(no Unicode mapping); OCR'd it instead")
        return out
    out.words = words
    out.notes.append(f"the PDF page already has text{where}: kept it instead of OCR (use --force-ocr to OCR it)")
    return out


def _pdf_words(ref: PageRef, page: pikepdf.Page, dpi: float) -> list[Word]:
    """The page's own text as words with pixel boxes at ``dpi`` (born-digital PDFs: exact, no OCR).

    pdfplumber reads text in form XObjects but not annotations, so a page with annotations is
    copied alone into a small PDF in memory with them flattened into its content first.
    """
    import pdfplumber

    src: Path | io.BytesIO = ref.path
    index = ref.index
    if _appearances(page):
        one = pikepdf.new()
        one.pages.append(page)
        one.flatten_annotations("all")
        src, index = io.BytesIO(), 0
        one.save(src)
        src.seek(0)
    k = dpi / 72.0
    words: list[Word] = []
    with pdfplumber.open(src) as pdf:
        line, last_top = -1, None
        for w in pdf.pages[index].extract_words(use_text_flow=True, keep_blank_chars=False):
            if last_top is None or abs(w["top"] - last_top) > 0.5 * (w["bottom"] - w["top"]):
                line += 1
                last_top = w["top"]
            box = (int(w["x0"] * k), int(w["top"] * k), int(round(w["x1"] * k)), int(round(w["bottom"] * k)))
            words.append(Word(unicodedata.normalize("NFC", w["text"]), 100.0, box, line))
    return words


def render_pdf_page(path: Path | str, index: int, dpi: float) -> Image.Image:
    """Page ``index`` (0-based; past the end: the last page) as PDFium draws it, at ``dpi``.

    Ingest's fallback for pages that are not one plain image, and the review step's thumbnails.
    """
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(str(path))
    try:
        return doc[min(index, len(doc) - 1)].render(scale=dpi / 72.0).to_pil()
    finally:
        doc.close()


def _render(ref: PageRef, page: pikepdf.Page, pw_in: float, ph_in: float) -> LoadedPage:
    """Rasterise a page PDFium's way, at the resolution of its largest image (200-400 dpi)."""
    dpi = RENDER_DPI_MIN
    for img in _images(page).values():
        dpi = max(dpi, min(RENDER_DPI_MAX, int(img.Width) / max(pw_in, ph_in, 1e-3)))
    if pw_in * ph_in * dpi * dpi > MAX_PIXELS:
        raise IngestError(f"the page is too large to render ({pw_in:.0f}x{ph_in:.0f} in)", TOO_LARGE_ADVICE)
    try:
        pil = render_pdf_page(ref.path, ref.index, dpi).convert("RGB")
    except Exception as e:  # noqa: BLE001 - PDFium raises its own error types
        raise IngestError(f"the page cannot be rendered ({_qpdf_reason(ref.path, e)})", DAMAGED_PDF_ADVICE) from None
    return loaded_image(pil, encode_lossless(pil), dpi, dpi, True)
