"""End to end through ``archivist process``: two table documents of the HG set of seed 129 (``samples/generate.py
--seed 129 --docs 6 --groups all``), rendered as the set renders them (bench/RESULTS.md, "Table pages, the whole
page lost and the merged lines (session 40)").

- ``tables-25`` page 2: the reading ran ``- UBND huyện Lạng Giang;`` and ``- Lưu: VT.`` together into one line
  whose boxes cover both, and lost the second (10.8% of the page's words); now that line is read alone
  (archivist/unreadlines.py) and the recipients hold it.
- ``tables-29`` page 2: a report's ``II.`` and ``III.`` read ``H.`` and ``HI.``, its ``I.`` on page 1; now read
  back in the document's order (archivist/sectionpages.py)."""

from __future__ import annotations

import pytest

from archivist.metrics import bag_of_words_error
from tests.pdfcheck import assert_valid_pdfs
from tests.test_dateread_day_cli import processed


@pytest.mark.slow
def test_a_recipients_line_run_into_the_one_above_is_read_alone(tmp_path) -> None:  # noqa: ANN001
    ((rec, truth, pdf),) = processed(129, [24], tmp_path)
    assert truth["document"] == "tables-25-qd-182-nghia-hung"
    page, want = rec["pages"][1], truth["pages"][1]["text"]
    lines = page["text"].splitlines()
    assert "- Lưu: VT." in lines and "- UBND huyện Lạng Giang;" in " ".join(lines)
    assert bag_of_words_error(want, page["text"]) <= 0.03  # base: 0.108 (the line and `Hằng` read `Hàng`)
    meta = rec["metadata"]
    assert meta["recipients"][-1] == "Lưu: VT" and "recipients" not in meta["needs_review"]
    assert_valid_pdfs([pdf])


@pytest.mark.slow
def test_a_reports_section_numerals_read_in_the_documents_order(tmp_path) -> None:  # noqa: ANN001
    ((rec, truth, pdf),) = processed(129, [28], tmp_path)
    assert truth["document"] == "tables-29-bc-082-phuoc-thien"
    first = rec["pages"][0]["text"].splitlines()
    assert any(line.startswith("I. ") for line in first)  # the order starts on page 1
    second = rec["pages"][1]["text"].splitlines()
    assert "II. TỒN TẠI, HẠN CHẾ VÀ NGUYÊN NHÂN" in second and "III. PHƯƠNG HƯỚNG, NHIỆM VỤ THỜI GIAN TỚI" in second
    assert not [line for line in second if line.startswith(("H. ", "HI. "))]
    assert_valid_pdfs([pdf])
