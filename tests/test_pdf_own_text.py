"""A PDF page's own text, wherever it sits: the page's content, a form XObject (nested), an
annotation's appearance stream. Such a page keeps its text (exact: ``2017-Jan-22`` must not come
back from OCR as ``201 7-Jan-22``) and says so; a page OCR'd although it has text says why."""

from __future__ import annotations

import json
from pathlib import Path

import pikepdf
import pytest
from pikepdf import Array, Dictionary, Name

from archivist.pdfsource import text_sources
from archivist.pipeline import Settings, process
from tests.pdfcheck import assert_valid_pdfs


def _helvetica(pdf: pikepdf.Pdf) -> pikepdf.Object:
    return pdf.make_indirect(Dictionary(Type=Name.Font, Subtype=Name.Type1, BaseFont=Name.Helvetica,
                                        Encoding=Name.WinAnsiEncoding))


def _form(pdf: pikepdf.Pdf, content: bytes, bbox: list[int], resources: Dictionary) -> pikepdf.Object:
    form = pikepdf.Stream(pdf, content)
    form.Type, form.Subtype = Name.XObject, Name.Form
    form.BBox, form.Resources = Array(bbox), resources
    return pdf.make_indirect(form)


def _page(pdf: pikepdf.Pdf, content: bytes, resources: Dictionary, **extra) -> None:
    pdf.pages.append(pikepdf.Page(Dictionary(Type=Name.Page, MediaBox=Array([0, 0, 420, 300]), Resources=resources,
                                             Contents=pdf.make_indirect(pikepdf.Stream(pdf, content)), **extra)))


def form_pdf(path: Path) -> None:
    """'Received 2017-Jan-22' in a form XObject painted by another form XObject painted by the page."""
    pdf = pikepdf.new()
    inner = _form(pdf, b"BT /F1 20 Tf 0 10 Td (Received 2017-Jan-22) Tj ET", [0, 0, 300, 40],
                  Dictionary(Font=Dictionary(F1=_helvetica(pdf))))
    outer = _form(pdf, b"q 1 0 0 1 0 0 cm /Fm0 Do Q", [0, 0, 400, 100], Dictionary(XObject=Dictionary(Fm0=inner)))
    _page(pdf, b"q 1 0 0 1 40 200 cm /Fx Do Q", Dictionary(XObject=Dictionary(Fx=outer)))
    pdf.save(path)


def annotation_pdf(path: Path) -> None:
    """A stamp annotation whose appearance says 'Approved 2019-Mar-05'; the page content is empty."""
    pdf = pikepdf.new()
    ap = _form(pdf, b"BT /F1 18 Tf 2 8 Td (Approved 2019-Mar-05) Tj ET", [0, 0, 260, 30],
               Dictionary(Font=Dictionary(F1=_helvetica(pdf))))
    annot = pdf.make_indirect(Dictionary(Type=Name.Annot, Subtype=Name.FreeText, Rect=Array([40, 150, 300, 180]),
                                         Contents=pikepdf.String("Approved 2019-Mar-05"), F=4,
                                         DA=pikepdf.String("/Helv 18 Tf 0 g"), AP=Dictionary(N=ap)))
    _page(pdf, b"", Dictionary(), Annots=Array([annot]))
    pdf.save(path)


def unmapped_pdf(path: Path) -> None:
    """Text in a composite font with no Unicode mapping: its characters cannot be read as letters."""
    pdf = pikepdf.new()
    cid = pdf.make_indirect(Dictionary(
        Type=Name.Font, Subtype=Name.CIDFontType2, BaseFont=Name("/ArialMT"), CIDToGIDMap=Name.Identity,
        CIDSystemInfo=Dictionary(Registry=pikepdf.String("Adobe"), Ordering=pikepdf.String("Identity"), Supplement=0),
        FontDescriptor=pdf.make_indirect(Dictionary(Type=Name.FontDescriptor, FontName=Name("/ArialMT"), Flags=32,
                                                    FontBBox=Array([0, -200, 1000, 900]), ItalicAngle=0, Ascent=900,
                                                    Descent=-200, CapHeight=700, StemV=80))))
    font = pdf.make_indirect(Dictionary(Type=Name.Font, Subtype=Name.Type0, BaseFont=Name("/ArialMT"),
                                        Encoding=Name("/Identity-H"), DescendantFonts=Array([cid])))
    _page(pdf, b"BT /F1 24 Tf 40 150 Td <002B00480044004F0057004B> Tj ET", Dictionary(Font=Dictionary(F1=font)))
    pdf.save(path)


def looping_pdf(path: Path) -> None:
    """A form XObject that paints itself (a malformed file): the search must end, finding no text."""
    pdf = pikepdf.new()
    form = _form(pdf, b"0 0 10 10 re f /Me Do", [0, 0, 100, 100], Dictionary())
    form.Resources = Dictionary(XObject=Dictionary(Me=form))
    _page(pdf, b"/Fx Do", Dictionary(XObject=Dictionary(Fx=form)))
    pdf.save(path)


def test_text_sources_look_inside_forms_and_annotations(tmp_path: Path) -> None:
    for make, want in ((form_pdf, ["form XObject"]), (annotation_pdf, ["annotation"]), (unmapped_pdf, ["page"]),
                       (looping_pdf, [])):
        path = tmp_path / f"{make.__name__}.pdf"
        make(path)
        with pikepdf.open(path) as pdf:
            assert text_sources(pdf.pages[0]) == want, make.__name__


@pytest.fixture(scope="module")
def batches(tmp_path_factory: pytest.TempPathFactory) -> dict:
    root = tmp_path_factory.mktemp("owntext")
    scans = root / "scans"
    scans.mkdir()
    for make in (form_pdf, annotation_pdf, unmapped_pdf):
        make(scans / f"{make.__name__.removesuffix('_pdf')}.pdf")
    out = {}
    for force in (False, True):
        archive = root / f"archive-{force}"
        process([scans], archive, Settings(workers=1, pdfa="1b", force_ocr=force))
        out[force] = (archive, {Path(r["label"]).stem: r["pages"][0] for r in (
            json.loads(p.read_text(encoding="utf-8")) for p in (archive / "documents").glob("*.json"))})
    return out


@pytest.mark.slow
def test_text_in_a_form_xobject_is_kept_exactly(batches: dict) -> None:
    page = batches[False][1]["form"]
    assert [w[0] for w in page["words"]] == ["Received", "2017-Jan-22"]
    assert page["orientation_decision"] == "the PDF page's own text"
    assert any("already has text (in form XObject): kept it" in w for w in page["warnings"])


@pytest.mark.slow
def test_text_of_an_annotation_is_kept_exactly(batches: dict) -> None:
    page = batches[False][1]["annotation"]
    assert [w[0] for w in page["words"]] == ["Approved", "2019-Mar-05"]
    assert any("already has text (in annotation): kept it" in w for w in page["warnings"])


@pytest.mark.slow
def test_page_ocrd_although_it_has_text_says_why(batches: dict) -> None:
    unmapped = batches[False][1]["unmapped"]
    assert any("cannot be read as letters" in w and "OCR'd it instead" in w for w in unmapped["warnings"])
    assert unmapped["orientation_decision"] != "the PDF page's own text"
    for name in ("form", "annotation"):
        forced = batches[True][1][name]
        assert any("OCR'd it as asked (--force-ocr)" in w for w in forced["warnings"]), name
        assert all(w[1] < 100 for w in forced["words"])  # OCR confidences, not the PDF's exact text


@pytest.mark.slow
def test_outputs_pass_preflight(batches: dict) -> None:
    pdfs = [p for archive, _ in batches.values() for p in sorted((archive / "documents").glob("*.pdf"))]
    assert len(pdfs) == 6
    assert_valid_pdfs(pdfs)
