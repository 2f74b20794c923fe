"""The OCR engine boundary (archivist.ocr): real Tesseract with the vie model on a generated page."""

from __future__ import annotations

import numpy as np
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
