"""Write a searchable PDF/A (1b or 2b) straight from the scan's own image bytes and the OCR words.

Why pikepdf by hand rather than Ghostscript or OCRmyPDF: the scan's JPEG goes in byte for byte
(no generation loss, the PDF is about the size of the input), the corrected geometry is one
``cm`` matrix instead of re-encoded pixels, and a page costs milliseconds, so this runs per
document in the hot path. Validation (PDFBox Preflight) lives in :mod:`archivist.preflight`.

Page = white background, then the original image drawn through
:func:`archivist.geometry.pdf_image_matrix` (the same transform preprocess used to make the
image OCR read), then an invisible text layer (render mode 3, written by :mod:`archivist.textlayer`)
in Tesseract's "GlyphLessFont": a Type0/Identity-H font whose CIDs are UTF-16 code units, every
CID drawn with the one empty glyph of Tesseract's ``pdf.ttf``, 500/1000 em wide.

The PDF/A plumbing (each item was seen to matter for PDFBox Preflight): PDF 1.4 header, classic
xref table (no object or xref streams), trailer /ID, a v2 OutputIntent (grey or sRGB), and XMP that
declares every namespace on its one ``rdf:Description`` and agrees with the Info dictionary. No CIDSet:
PDF/A-1 (6.3.5) asks one of font *subsets* (a ``ABCDEF+`` name: OCRmyPDF's fail Preflight without it),
and the whole of pdf.ttf's glyphs is embedded under its own name (Preflight 1b valid without, session 24).
"""

from __future__ import annotations

import functools
import os
import unicodedata
import zlib
from collections.abc import Iterable, Sequence
from datetime import datetime
from pathlib import Path

import pikepdf
from pikepdf import Array, Dictionary, Name

from .geometry import corrected_size, pdf_image_matrix
from .models import PageResult
from .pdfwrite import image_xobject, save_pdf
from .sfnt import keep_tables
from .spool import SpooledImages
from .textlayer import CHAR_WIDTH, DESCENT, HYPHEN_END_UNICODE, clean_text, text_layer

FONT_CANDIDATES = ("/usr/share/tesseract-ocr/5/tessdata/pdf.ttf",
                   "/usr/share/tesseract-ocr/4.00/tessdata/pdf.ttf",
                   "/usr/share/tessdata/pdf.ttf", "/usr/local/share/tessdata/pdf.ttf")
#: Output intent profiles: (file, components, identifier). A document whose page images are all grey or
#: bilevel gets the grey one (424 bytes against sRGB's 6,922: ~2.2 KB less per PDF once compressed);
#: any colour image needs sRGB, since PDF/A allows DeviceRGB only under an RGB output intent. Both come
#: from Debian's icc-profiles-free; the grey one maps grey values to CIE lightness L*, which is what
#: a scanner's grey levels are meant to look like (perceptually even), and it is ICC version 2.
ICC_PROFILES = {"rgb": ("/usr/share/color/icc/sRGB.icc", 3, "sRGB IEC61966-2.1"),
                "grey": ("/usr/share/color/icc/Gray-CIE_L.icc", 1, "Gray CIE*L")}
LEVELS = {"1b": ("1", "1.4"), "2b": ("2", "1.7")}


class PdfaError(Exception):
    """A PDF/A could not be written (missing font/ICC resource, or a page without geometry)."""


def _find(candidates: Iterable[str], env: str | None = None, name: str = "") -> Path:
    paths = [Path(os.environ[env]) / name] if env and os.environ.get(env) else []
    paths += [Path(c) for c in candidates]
    for p in paths:
        if p.is_file():
            return p
    raise PdfaError(f"{name or 'resource'} not found (looked in {', '.join(map(str, paths))})")


@functools.cache
def _font_program() -> tuple[bytes, int]:
    """Flate-compressed pdf.ttf (the tables a PDF reads: :mod:`archivist.sfnt`) and its raw length, once per process."""
    data = keep_tables(_find(FONT_CANDIDATES, "TESSDATA_PREFIX", "pdf.ttf").read_bytes())
    return zlib.compress(data, 9), len(data)


@functools.cache
def _icc_profile(kind: str = "rgb") -> bytes:
    """Flate-compressed output intent profile. PDF/A-1 needs an ICC v2 profile (Preflight rejects v4)."""
    candidate, components, _ = ICC_PROFILES[kind]
    path = _find((candidate,), None, Path(candidate).name)
    data = path.read_bytes()
    if len(data) < 128 or data[8] != 2:
        raise PdfaError(f"{path} is not a version-2 ICC profile, which PDF/A-1 requires")
    if data[16:20] != (b"GRAY" if components == 1 else b"RGB "):
        raise PdfaError(f"{path} is not a {kind} ICC profile")
    return zlib.compress(data, 9)


def intent_kind(pages: Sequence[PageResult]) -> str:
    """``grey`` when no page image is in colour (grey, bilevel, or no image at all), else ``rgb``."""
    return "rgb" if any(p.image is not None and p.image.colorspace != "DeviceGray" for p in pages) else "grey"


@functools.cache
def _cid_to_gid() -> bytes:
    """CIDToGIDMap (every CID -> glyph 1, the one empty glyph), Flate-compressed once."""
    return zlib.compress(b"\x00\x01" * 65536, 9)


@functools.lru_cache(maxsize=64)
def _to_unicode(blocks: frozenset[int], hyphen_end: bool = False) -> bytes:
    """ToUnicode CMap (CID = UTF-16 code unit) for the 256-code blocks (high bytes) a document uses.

    Why not all 248 blocks: that CMap is 1.7 KB compressed in every PDF, while Vietnamese text uses
    a handful (Latin, Latin Extended, combining marks, Latin Extended Additional, punctuation), ~0.1 KB.
    A code the document never shows needs no mapping; reading only needs the ones it does.
    """
    ranges = [f"<{hi:02X}00> <{hi:02X}FF> <{hi:02X}00>" for hi in sorted(blocks) if not 0xD8 <= hi <= 0xDF]
    out = []
    for i in range(0, len(ranges), 100):  # a CMap block holds at most 100 entries
        chunk = ranges[i:i + 100]
        out.append(f"{len(chunk)} beginbfrange\n" + "\n".join(chunk) + "\nendbfrange")
    if hyphen_end:
        out.append(f"1 beginbfchar\n{HYPHEN_END_UNICODE}\nendbfchar")
    cmap = ("/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
            "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
            "/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n"
            "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n" + "\n".join(out) +
            "\nendcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n")
    return zlib.compress(cmap.encode("ascii"), 9)


def _flate_stream(pdf: pikepdf.Pdf, compressed: bytes, **keys: object) -> pikepdf.Stream:
    s = pikepdf.Stream(pdf, b"")
    s.write(compressed, filter=Name.FlateDecode)
    for k, v in keys.items():
        s[f"/{k}"] = v
    return s


def _glyphless_font(pdf: pikepdf.Pdf, pages: Sequence[PageResult]) -> pikepdf.Object:
    font_data, font_len = _font_program()
    texts = [clean_text(w.text) for p in pages for w in p.words]
    to_unicode = _to_unicode(frozenset(ord(c) >> 8 for t in texts for c in t), any(t.endswith("-") for t in texts))
    descriptor = Dictionary(
        Type=Name.FontDescriptor, FontName=Name.GlyphLessFont, Flags=5,  # FixedPitch + Symbolic
        FontBBox=Array([0, 0, int(1000 * CHAR_WIDTH), 1000]), ItalicAngle=0, Ascent=1000,
        Descent=-DESCENT, CapHeight=1000, StemV=80,
        FontFile2=pdf.make_indirect(_flate_stream(pdf, font_data, Length1=font_len)))
    cidfont = Dictionary(
        Type=Name.Font, Subtype=Name.CIDFontType2, BaseFont=Name.GlyphLessFont,
        CIDSystemInfo=Dictionary(Registry=pikepdf.String("Adobe"), Ordering=pikepdf.String("Identity"),
                                 Supplement=0),
        FontDescriptor=pdf.make_indirect(descriptor), DW=int(1000 * CHAR_WIDTH),
        CIDToGIDMap=pdf.make_indirect(_flate_stream(pdf, _cid_to_gid())))
    return pdf.make_indirect(Dictionary(
        Type=Name.Font, Subtype=Name.Type0, BaseFont=Name.GlyphLessFont, Encoding=Name("/Identity-H"),
        DescendantFonts=Array([cidfont]),  # direct, as the output intent: two objects (~80 bytes) fewer
        ToUnicode=pdf.make_indirect(_flate_stream(pdf, to_unicode))))


def _meta(text: str) -> str:
    """Metadata text as both the Info dictionary and XMP will hold it: NFC, no XML-illegal controls.

    Preflight compares the two copies, so whatever is dropped must be dropped from both.
    """
    text = unicodedata.normalize("NFC", text)
    return "".join(c for c in text if c >= " " or c in "\t\n\r")


def _f(v: float) -> str:
    s = f"{v:.3f}".rstrip("0").rstrip(".")
    return s if s not in ("-0", "") else "0"


def page_content(page: PageResult, has_image: bool) -> bytes:
    """The whole page's content stream: white ground, the corrected scan, the invisible words."""
    k = 72.0 / page.dpi
    pw, ph = page.width * k, page.height * k
    ops = [f"q 1 g 0 0 {_f(pw)} {_f(ph)} re f Q"]
    if has_image:
        ow, oh = corrected_size(page.width, page.height, page.orientation)
        m = pdf_image_matrix(ow, oh, page.width, page.height, page.orientation, page.skew, page.dpi)
        ops.append(f"q 0 0 {_f(pw)} {_f(ph)} re W n {' '.join(f'{v:.5f}' for v in m)} cm /Im0 Do Q")
    layer = text_layer(page.words, page.width, page.height, page.dpi)
    return "\n".join(ops).encode("ascii") + (b"\n" + layer if layer else b"")


def escape(text: str) -> str:
    """``&``, ``<`` and ``>`` as XML entities, as ``xml.sax.saxutils.escape`` writes them (in the same order).

    Why not that function: importing ``xml.sax.saxutils`` brings ``urllib.request``, ``http.client`` and ``ssl``
    into the main process, 0.026 CPU s on every batch for three replacements (bench/RESULTS.md, issue 16,
    session 26)."""
    return text.replace("&", "&amp;").replace(">", "&gt;").replace("<", "&lt;")


def _pdf_date(d: datetime) -> str:
    off = d.utcoffset()
    minutes = int(off.total_seconds() // 60) if off is not None else 0
    sign = "+" if minutes >= 0 else "-"
    return d.strftime("D:%Y%m%d%H%M%S") + f"{sign}{abs(minutes) // 60:02d}'{abs(minutes) % 60:02d}'"


def _xmp_date(d: datetime) -> str:
    return d.isoformat(timespec="seconds")


def xmp_packet(part: str, *, title: str, created: datetime, language: str, producer: str,
               keywords: str | None, subject: str | None, author: str | None) -> bytes:
    """XMP with every namespace on the one rdf:Description (PDFBox's strict parser needs that).

    No padding and no indentation: padding lets a tool rewrite the packet in place, but archivist
    rebuilds it whole (:func:`archivist.review.rewrite_pdf_metadata`), and PDF/A keeps the packet
    uncompressed, so the 1 KB of spaces it had were 1 KB of every PDF, and the line breaks and
    indentation between the elements another ~90 bytes (XML needs no whitespace between elements)."""
    props = [f"<pdfaid:part>{part}</pdfaid:part>", "<pdfaid:conformance>B</pdfaid:conformance>",
             "<dc:format>application/pdf</dc:format>",
             f'<dc:title><rdf:Alt><rdf:li xml:lang="x-default">{escape(title)}</rdf:li></rdf:Alt></dc:title>',
             f"<dc:language><rdf:Bag><rdf:li>{escape(language)}</rdf:li></rdf:Bag></dc:language>"]
    if author:
        props.append(f"<dc:creator><rdf:Seq><rdf:li>{escape(author)}</rdf:li></rdf:Seq></dc:creator>")
    if subject:
        props.append(f'<dc:description><rdf:Alt><rdf:li xml:lang="x-default">{escape(subject)}</rdf:li>'
                     f"</rdf:Alt></dc:description>")
    date = _xmp_date(created)
    props += [f"<xmp:CreateDate>{date}</xmp:CreateDate>", f"<xmp:ModifyDate>{date}</xmp:ModifyDate>",
              f"<xmp:MetadataDate>{date}</xmp:MetadataDate>",
              f"<pdf:Producer>{escape(producer)}</pdf:Producer>"]
    if keywords:
        props.append(f"<pdf:Keywords>{escape(keywords)}</pdf:Keywords>")
    xml = ('<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>'
           '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
           '<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/"'
           ' xmlns:xmp="http://ns.adobe.com/xap/1.0/" xmlns:pdf="http://ns.adobe.com/pdf/1.3/"'
           ' xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/">' + "".join(props) +
           '</rdf:Description></rdf:RDF></x:xmpmeta><?xpacket end="w"?>')
    return xml.encode("utf-8")


def write_pdfa(pages: list[PageResult], out_path: Path, *, level: str = "2b", title: str, created: datetime,
               language: str = "vi", producer: str, keywords: str | Sequence[str] | None = None,
               subject: str | None = None, author: str | None = None) -> None:
    """Write ``pages`` as one PDF/A-``level`` file at ``out_path``, atomically.

    ``created`` should carry a time zone (PDF/A dates in Info and XMP must agree, zone included);
    a naive datetime is taken as local time. The file appears complete or not at all.
    """
    if level not in LEVELS:
        raise ValueError(f"PDF/A level must be one of {sorted(LEVELS)}, not {level!r}")
    if not pages:
        raise PdfaError("a document needs at least one page")
    part, version = LEVELS[level]
    created = created.replace(microsecond=0)
    if created.tzinfo is None:
        created = created.astimezone()
    if keywords is not None and not isinstance(keywords, str):
        keywords = ", ".join(keywords)
    title, producer, language = _meta(title), _meta(producer), _meta(language)
    keywords, subject, author = (_meta(v) if v else None for v in (keywords, subject, author))

    pdf = pikepdf.new()
    spooled = SpooledImages()
    try:
        _add_pages(pdf, pages, spooled)
        _finish_pdfa(pdf, part, version, out_path, intent_kind(pages), title=title, created=created, language=language,
                     producer=producer, keywords=keywords, subject=subject, author=author)
    finally:
        pdf.close()
        spooled.close()


def _add_pages(pdf: pikepdf.Pdf, pages: list[PageResult], spooled: SpooledImages) -> None:
    font = _glyphless_font(pdf, pages)
    for page in pages:
        if page.width <= 0 or page.height <= 0 or page.dpi <= 0:
            raise PdfaError(f"page {page.number} has no usable size "
                            f"({page.width}x{page.height} px at {page.dpi} dpi)")
        k = 72.0 / page.dpi
        resources = Dictionary(Font=Dictionary(F0=font))
        if page.image is not None:
            image = (spooled.copy(pdf, page.image) if page.image.spool is not None
                     else image_xobject(pdf, page.image))
            resources.XObject = Dictionary(Im0=image)
        content = zlib.compress(page_content(page, page.image is not None), 9)
        pdf_page = pikepdf.Page(Dictionary(
            Type=Name.Page, MediaBox=Array([0, 0, round(page.width * k, 3), round(page.height * k, 3)]),
            Resources=resources, Contents=pdf.make_indirect(_flate_stream(pdf, content))))
        pdf.pages.append(pdf_page)


def _finish_pdfa(pdf: pikepdf.Pdf, part: str, version: str, out_path: Path, intent: str, *, title: str,
                 created: datetime, language: str, producer: str, keywords: str | None, subject: str | None,
                 author: str | None) -> None:
    """Info, XMP, language and output intent (what PDF/A asks of the document), then save."""
    date = pikepdf.String(_pdf_date(created))
    info = Dictionary(Title=pikepdf.String(title), Producer=pikepdf.String(producer), CreationDate=date,
                      ModDate=date)
    if keywords:
        info.Keywords = pikepdf.String(keywords)
    if subject:
        info.Subject = pikepdf.String(subject)
    if author:
        info.Author = pikepdf.String(author)
    pdf.trailer.Info = pdf.make_indirect(info)
    packet = xmp_packet(part, title=title, created=created, language=language, producer=producer,
                        keywords=keywords, subject=subject, author=author)
    xmp = pikepdf.Stream(pdf, packet)
    xmp.Type, xmp.Subtype = Name.Metadata, Name.XML
    pdf.Root.Metadata = pdf.make_indirect(xmp)
    pdf.Root.Lang = pikepdf.String(language)
    try:
        profile = _icc_profile(intent)
    except PdfaError:  # no grey profile on this PC: sRGB is valid for grey pages too, only larger
        if intent != "grey":
            raise
        intent, profile = "rgb", _icc_profile("rgb")
    _, components, ident = ICC_PROFILES[intent]
    icc = pdf.make_indirect(_flate_stream(pdf, profile, N=components))
    name = pikepdf.String(ident)
    pdf.Root.OutputIntents = Array([Dictionary(
        Type=Name.OutputIntent, S=Name.GTS_PDFA1, OutputConditionIdentifier=name, Info=name,
        RegistryName=pikepdf.String("http://www.color.org"), DestOutputProfile=icc)])
    save_pdf(pdf, out_path, version)
