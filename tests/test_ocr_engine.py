"""The OCR engine boundary (archivist.ocr): real Tesseract with the vie model on a generated page."""

from __future__ import annotations

import numpy as np
import pytest
import tesserocr

from archivist.metrics import bag_of_words_error
from archivist.ocr import TESS_VARIABLES, TesserocrEngine
from tests.textpage import text_page


def test_engine_reads_the_page_with_archivists_settings_or_overrides() -> None:
    im, lines = text_page(dpi=200, seed=5, lines=8)
    gray = np.asarray(im)
    default = TesserocrEngine()
    assert default.api.GetPageSegMode() == tesserocr.PSM.AUTO
    assert all(default.api.GetVariableAsString(k) == v for k, v in TESS_VARIABLES.items())
    block = TesserocrEngine(psm=tesserocr.PSM.SINGLE_BLOCK, variables={"thresholding_method": "2"},
                            init_variables={"load_freq_dawg": "0"})
    assert block.api.GetPageSegMode() == tesserocr.PSM.SINGLE_BLOCK
    assert block.api.GetVariableAsString("thresholding_method") == "2"
    assert block.api.GetVariableAsString("load_freq_dawg") in ("0", "false")
    assert block.api.GetVariableAsString("tessedit_do_invert") == TESS_VARIABLES["tessedit_do_invert"]
    for engine in (default, block):
        result = engine.recognize(gray, 200.0)
        assert bag_of_words_error("\n".join(lines), result.text) < 0.05
        assert result.words and all(w.text for w in result.words)


def test_grey_pages_under_175_dpi_are_read_at_their_own_dpi_bilevel_ones_enlarged() -> None:
    """Session 23 (bench/RESULTS.md, "Engine CPU the pipeline does not need"): a grey or colour page scanned
    under GREY_OWN_DPI reads better and 27% cheaper at its own dpi; a 1-bit page does not, nor a grey page at
    200 dpi: those are still enlarged to 250 dpi."""
    from archivist.ocr import GREY_OWN_DPI, OCR_TARGET_DPI, _scale_for

    assert GREY_OWN_DPI == 175.0
    assert _scale_for(150.0) == 1.0
    assert _scale_for(150.0, bilevel=True) == OCR_TARGET_DPI / 150.0
    assert _scale_for(200.0) == _scale_for(200.0, bilevel=True) == OCR_TARGET_DPI / 200.0
    assert _scale_for(300.0) == _scale_for(300.0, bilevel=True) == 1.0


def test_the_pipeline_tells_the_engine_which_scans_are_bilevel(tmp_path, monkeypatch) -> None:  # noqa: ANN001
    """The 1-bit payload decides the enlargement (archivist/pagework.py): a 150 dpi grey PNG is read at 150 dpi,
    the same page as a 1-bit PNG at 250, and both read well. The engine and the pages are real; the spy only
    records the scale ``ocr._prepare`` chose."""
    from archivist import ocr
    from archivist.models import PageRef
    from archivist.pagework import PageTask, process_page

    im, lines = text_page(dpi=150, seed=3, lines=10)
    im.save(tmp_path / "grey.png", dpi=(150, 150))
    im.point(lambda v: 255 if v > 128 else 0).convert("1").save(tmp_path / "bilevel.png", dpi=(150, 150))
    chosen: list[float] = []
    real = ocr._prepare

    def spy(gray, dpi, bilevel=False):  # noqa: ANN001, ANN202
        img, scale = real(gray, dpi, bilevel)
        chosen.append(scale)
        return img, scale

    monkeypatch.setattr(ocr, "_prepare", spy)
    for name, scale in (("grey.png", 1.0), ("bilevel.png", ocr.OCR_TARGET_DPI / 150.0)):
        chosen.clear()
        page = process_page(PageTask(0, 1, PageRef(tmp_path / name, "image"), "tesserocr", "vie"))
        assert (page.image.bpc == 1) == (name == "bilevel.png")
        assert chosen and all(c == pytest.approx(scale, rel=1e-3) for c in chosen), name  # PNG: dots per metre
        assert bag_of_words_error("\n".join(lines), page.text) < 0.05, name
