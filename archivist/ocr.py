"""OCR: the boundary around the OCR engine.

The pipeline only knows :class:`OcrEngine`: give it an upright grey page, get words with boxes
and confidences back. Two engines implement it, both Tesseract with the ``vie`` model:

- ``tesserocr`` (default): Tesseract's C++ API in-process. The model is loaded once per worker
  instead of once per page, and the page goes in as pixels, not as a file, which is what lets
  the whole pipeline run about as fast as the bare ``tesseract`` command.
- ``cli``: the ``tesseract`` command with TSV output, for machines where the Python binding is
  missing; slower, same words, without the characters the engine nearly read otherwise (``Word.rivals``).

Text is NFC-normalised here, once, so nothing downstream sees decomposed Vietnamese. The engine's look-alike code
points are made the characters the page prints once the page's rules are done (``pagework.as_stored``).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from dataclasses import replace
from pathlib import Path

import cv2
import numpy as np

from .blocks import WEAK_MEAN, Block, drop_specks, find_blocks, large, text_score
from .models import Word
from .ocrresult import (  # noqa: F401 - re-exported: their home is ocrresult; the page's rules and tests ask here
    LAYOUTS,
    RIVAL_MARGIN,
    OcrEngine,
    OcrResult,
    _layout,
    _rivals,
    _summarise,
    _unscale,
    nfc,
    text_from_words,
)
from .seals import Seal, clean_seals, find_seals, under_seal
from .tessdata import OcrError, cli_version, tessdata_dir

os.environ.setdefault("OMP_THREAD_LIMIT", "1")  # one worker = one core; parallelism comes from the pool

#: Pages scanned coarser than 240 dpi are enlarged to 250 dpi for OCR: measured on the samples, this
#: beats both no enlargement and enlargement to 300 dpi (which made Tesseract drop whole lines).
OCR_MIN_DPI = 240.0
OCR_TARGET_DPI = 250.0
#: ... except grey and colour pages scanned under this: read at their own dpi, they lost fewer words (0.93% ->
#: 0.61% word error on 124 pages at 150 dpi, 55 better and 24 worse) for 27% less OCR CPU, with 9 more right
#: values of 938 (but two more left empty without a flag; bench/RESULTS.md, "Engine CPU the pipeline does not
#: need (session 23)"). At 200 dpi they lose words unenlarged, and bilevel pages lose words at 150 dpi too
#: ("Bilevel pages: enlarge them under 240 dpi or not?", session 22).
GREY_OWN_DPI = 175.0
#: Tesseract 5 re-reads every doubtful line as white-on-black in case it is inverted. Archival
#: scans are dark text on paper, and the page reaching OCR has had its background flattened, so
#: the second reading never wins: turning it off saved 11% of OCR time on the bench pages with
#: the same word error (0.73% on 16 pages, both ways).
TESS_VARIABLES = {"tessedit_do_invert": "0", "lstm_choice_mode": "2", "lstm_choice_iterations": "2"}
#: ``lstm_choice_mode`` 2: the LSTM keeps, for each character, the other characters it weighed and how much
#: (the choice iterator); a digit whose rival digit came close, or a subject's letter whose rival letter did,
#: is the engine's own doubt (chardoubt.py). Same words either way.
#: ``lstm_choice_iterations``: how many times Tesseract decodes each line again, each time without the
#: characters found before, to find each character's next rival. That re-decoding, not the choices kept nor
#: archivist's walk of them, is what the choices cost: at Tesseract's default of 5, +10-15% OCR CPU; at 2,
#: +5-8%, with the same words and the same fields and flags on the bench sets. 1 was cheaper still and lost
#: a flag that a rival only the second decode finds had raised (``thôi:`` for ``thôn``: ``n`` behind ``:``)
#: (bench/choices_cost.py, bench/same_reading.py; bench/RESULTS.md, "The character choices' cost (session 22)").


def _scale_for(dpi: float, bilevel: bool = False) -> float:
    """How much the engine enlarges a page scanned at ``dpi``: to OCR_TARGET_DPI under OCR_MIN_DPI, but a grey
    or colour page (not ``bilevel``) under GREY_OWN_DPI not at all."""
    if dpi >= OCR_MIN_DPI or (not bilevel and dpi < GREY_OWN_DPI):
        return 1.0
    return OCR_TARGET_DPI / dpi


def _prepare(gray: np.ndarray, dpi: float, bilevel: bool = False) -> tuple[np.ndarray, float]:
    scale = _scale_for(dpi, bilevel)
    if scale != 1.0:
        gray = cv2.resize(gray, None, fx=scale, fy=scale, interpolation=cv2.INTER_CUBIC)
    return np.ascontiguousarray(gray), scale


class TesserocrEngine:
    """Tesseract through tesserocr, one API object per process."""

    name = "tesserocr"

    def __init__(self, lang: str = "vie", psm: int | None = None, variables: dict[str, str] | None = None,
                 init_variables: dict[str, str] | None = None, layout: str = "tesseract") -> None:
        """``psm``, ``variables`` and ``init_variables`` (read only when the model loads) override
        archivist's Tesseract settings; bench/ocr_settings.py times the alternatives with them.
        ``layout``: "tesseract" (its own page layout analysis) or "blocks" (:mod:`archivist.blocks`)."""
        import tesserocr

        self._tesserocr = tesserocr
        self.lang = lang
        self.layout = _layout(layout)
        self.psm = tesserocr.PSM.AUTO if psm is None else psm
        self.api = tesserocr.PyTessBaseAPI(path=tessdata_dir(), lang=lang, psm=self.psm,
                                           oem=tesserocr.OEM.LSTM_ONLY, variables=init_variables or {})
        self._variables = {**TESS_VARIABLES, **(variables or {})}
        #: Tesseract's own values of what archivist sets (and of the whitelist), for :meth:`read_alone`.
        self._defaults = {name: value for name in (*self._variables, "tessedit_char_whitelist")
                          if (value := self.api.GetVariableAsString(name)) is not None}
        for name, value in self._variables.items():
            self.api.SetVariable(name, value)

    def version(self) -> str:
        return f"tesseract {self._tesserocr.tesseract_version().split()[1]} (tesserocr)"

    def recognize(self, gray: np.ndarray, dpi: float, block: bool = False, bilevel: bool = False) -> OcrResult:
        found = find_blocks(gray, dpi) if self.layout == "blocks" and not block else None
        result = self._blocks(gray, dpi, found, bilevel) if found else None
        if result is None or result.mean_confidence < WEAK_MEAN:  # not blocks of text: Tesseract's analysis decides
            img, scale = self._set_image(gray, dpi, bilevel)
            psm = self._tesserocr.PSM.SINGLE_BLOCK if block else self.psm
            result = _summarise(self._read(scale, psm, img.shape[1], img.shape[0]), fix=True)
        self.api.Clear()
        return result

    def read_alone(self, img: np.ndarray, dpi: float, psm: int, whitelist: str = "") -> str:
        """The text of a small grey image read as a fresh Tesseract of this model reads it: Tesseract's own
        settings (not :data:`TESS_VARIABLES`), page segmentation mode ``psm``, only the characters of
        ``whitelist`` (all if empty), at ``dpi``, not enlarged. This engine's settings are put back after.

        Why on this engine's model rather than a Tesseract of its own: a second ``vie`` model loaded in every
        batch's fork server cost 0.06-0.07 CPU s (numberread.py's second readings of the number's box, which it
        read with one); read here with the same settings, the same crops gave the same text (bench/RESULTS.md,
        issue 16, "Per-format CPU, session 29")."""
        api = self.api
        for name, value in self._defaults.items():
            api.SetVariable(name, value)
        try:
            api.SetPageSegMode(psm)
            api.SetVariable("tessedit_char_whitelist", whitelist)
            h, w = img.shape
            api.SetImageBytes(np.ascontiguousarray(img).tobytes(), w, h, 1, w)
            api.SetSourceResolution(int(round(dpi)))
            return api.GetUTF8Text().strip()
        finally:
            for name, value in {**self._defaults, **self._variables}.items():
                api.SetVariable(name, value)
            api.SetPageSegMode(self.psm)
            api.Clear()

    def _set_image(self, gray: np.ndarray, dpi: float, bilevel: bool = False) -> tuple[np.ndarray, float]:
        img, scale = _prepare(gray, dpi, bilevel)
        h, w = img.shape
        self.api.SetImageBytes(img.tobytes(), w, h, 1, w)
        self.api.SetSourceResolution(int(round(dpi * scale)))
        return img, scale

    def _blocks(self, gray: np.ndarray, dpi: float, found: list[Block], bilevel: bool = False) -> OcrResult | None:
        """The page read block by block, on its pixels with any seal's light strokes painted out
        (:func:`archivist.seals.clean_seals`): a uniform block over a seal read its ring into the
        signer's lines, and lost or garbled the name (bench/RESULTS.md, issue 16 session 20)."""
        seals = find_seals(gray, dpi)
        img, scale = self._set_image(clean_seals(gray, seals), dpi, bilevel)
        words = self._read_blocks(found, dpi, scale, img.shape[1], img.shape[0], seals)
        return _summarise(words, fix=True) if words is not None else None

    def _read(self, scale: float, psm: int, w: int, h: int) -> list[Word]:
        """The words of the whole image at page segmentation mode ``psm``."""
        self.api.SetPageSegMode(psm)
        self.api.SetRectangle(0, 0, w, h)
        self.api.Recognize()
        return self._words(scale, 0)

    def _read_blocks(self, found: list[Block], dpi: float, scale: float, w: int, h: int,
                     seals: list[Seal] | None = None) -> list[Word] | None:
        """Each block's words in page coordinates, read as one uniform block (a block under one of ``seals``
        also as Tesseract's analysis reads it: :meth:`_sealed`), lines numbered on in reading order; None
        when a large block reads weakly or not at all (a seal and a signature over the signer's name:
        inside such a rectangle psm 6 and psm 3 both lost the name that Tesseract's analysis of the whole
        page keeps). Small ones (a stain, a mark, a lone signature) keep what they read, as Tesseract's
        own reading keeps its junk. Read bottom up, as signature blocks end a page, so such a page is
        given up early."""
        self.api.SetPageSegMode(self._tesserocr.PSM.SINGLE_BLOCK)
        per_block: list[list[Word]] = []
        for b in reversed(found):
            x0, y0 = int(b.x0 * scale), int(b.y0 * scale)
            self.api.SetRectangle(x0, y0, min(w, round(b.x1 * scale)) - x0, min(h, round(b.y1 * scale)) - y0)
            self.api.Recognize()
            got = self._words(scale, 0)
            if any(under_seal(b, s) for s in seals or ()):
                got = self._sealed(got, scale, dpi)
            if large(b, dpi) and (not got or np.mean([w.conf for w in got]) < WEAK_MEAN):
                return None
            per_block.append(got)
        words: list[Word] = []
        for got in reversed(per_block):
            first = words[-1].line + 1 if words else 0
            words += [replace(w, line=w.line + first) for w in got]
        return words

    def _sealed(self, uniform: list[Word], scale: float, dpi: float) -> list[Word]:
        """A block a seal overlaps, read again inside the same rectangle with Tesseract's own analysis (psm 3),
        and of the two, each without the seal's specks (:func:`archivist.blocks.drop_specks`), the one that scores
        more as text kept (:func:`archivist.blocks.text_score`; a tie keeps psm 6).

        Why: the seal's darker strokes (its star, its lettering) stay after :func:`clean_seals`, and a uniform
        block over them can lose whole lines: ``PHÓ CHỦ TỊCH`` and ``Hồ Bá Lợi`` read as ``TỊCH`` and nothing,
        where the analysis inside the rectangle sets the seal's pieces aside and keeps both (bench/RESULTS.md,
        "Blocks, third round (session 26)"). Only such blocks (one or two a sealed page) pay the second reading."""
        self.api.SetPageSegMode(self._tesserocr.PSM.AUTO)
        self.api.Recognize()
        analysed, uniform = drop_specks(self._words(scale, 0), dpi), drop_specks(uniform, dpi)
        self.api.SetPageSegMode(self._tesserocr.PSM.SINGLE_BLOCK)
        return analysed if text_score(analysed) > text_score(uniform) else uniform

    def _words(self, scale: float, first_line: int) -> list[Word]:
        """The words of the last recognition, lines numbered from ``first_line``, each with the characters
        the engine nearly read otherwise (:func:`_rivals`). Walked symbol by symbol: a word starts where
        the iterator says so, and its text, box and confidence are read there at word level."""
        t = self._tesserocr
        words: list[Word] = []
        line = first_line - 1
        it = self.api.GetIterator()
        sym, level = t.RIL.SYMBOL, t.RIL.WORD
        if it is None:
            return words
        current: Word | None = None
        rivals: list[tuple[int, str, float, float]] = []
        at = 0
        while True:
            if it.Empty(sym):
                if not it.Next(sym):
                    break
                continue
            if it.IsAtBeginningOf(level):
                if current is not None:
                    words.append(replace(current, rivals=tuple(rivals)))
                current, rivals, at = None, [], 0
                if it.IsAtBeginningOf(t.RIL.TEXTLINE):
                    line += 1
                text = it.GetUTF8Text(level)
                box = it.BoundingBox(level)
                if text and box:
                    bl = it.Baseline(t.RIL.TEXTLINE)
                    base = None
                    if bl:
                        (x1, y1), (x2, y2) = bl
                        base = int(round(((y1 + y2) / 2) / scale))
                    current = Word(nfc(text), round(float(it.Confidence(level)), 2), _unscale(box, scale),
                                   max(line, first_line), base)
            if current is not None:
                char = nfc(it.GetUTF8Text(sym) or "")
                rival = _rivals(char, it.GetChoiceIterator())
                if rival is not None:
                    rivals.append((at, *rival))
                at += len(char)
            if not it.Next(sym):
                break
        if current is not None:
            words.append(replace(current, rivals=tuple(rivals)))
        return words


class TesseractCliEngine:
    """The ``tesseract`` command, TSV output. Slower (model load per page) but needs no binding.

    It always reads a page with Tesseract's own layout analysis (psm 3): the command cannot be handed
    rectangles, so ``layout`` is accepted for the common signature and the engine says "tesseract"."""

    name = "cli"
    layout = "tesseract"

    def __init__(self, lang: str = "vie", layout: str = "tesseract") -> None:
        if not shutil.which("tesseract"):
            raise OcrError("the tesseract command is not installed: apt install tesseract-ocr")
        _layout(layout)
        self.lang = lang

    def version(self) -> str:
        return cli_version()

    def recognize(self, gray: np.ndarray, dpi: float, block: bool = False, bilevel: bool = False) -> OcrResult:
        img, scale = _prepare(gray, dpi, bilevel)
        with tempfile.TemporaryDirectory(prefix="archivist-ocr-") as d:
            png = Path(d, "page.png")
            cv2.imwrite(str(png), img)
            config = [a for k, v in TESS_VARIABLES.items() for a in ("-c", f"{k}={v}")]
            psm = ["--psm", "6"] if block else []
            proc = subprocess.run(["tesseract", str(png), "-", "-l", self.lang, "--dpi", str(int(dpi * scale)),
                                   *psm, *config, "tsv"], capture_output=True, text=True,
                                  env={**os.environ, "OMP_THREAD_LIMIT": "1"})
        if proc.returncode != 0:
            raise OcrError(f"tesseract failed: {proc.stderr.strip().splitlines()[-1:] or proc.returncode}")
        words: list[Word] = []
        lines: dict[tuple[int, int, int], int] = {}
        for row in proc.stdout.splitlines()[1:]:
            cols = row.split("\t")
            if len(cols) < 12 or cols[0] != "5" or not cols[11].strip():
                continue
            idx = lines.setdefault((int(cols[2]), int(cols[3]), int(cols[4])), len(lines))
            x, y, w, h = (int(v) for v in cols[6:10])
            words.append(Word(nfc(cols[11]), float(cols[10]), _unscale((x, y, x + w, y + h), scale), idx))
        return _summarise(words, fix=True)


ENGINES = {"tesserocr": TesserocrEngine, "cli": TesseractCliEngine}


def make_engine(name: str = "tesserocr", lang: str = "vie", layout: str = "tesseract") -> OcrEngine:
    """Build an engine by name, falling back to the CLI if the binding is not importable."""
    if name == "tesserocr":
        try:
            return TesserocrEngine(lang, layout=layout)
        except ImportError:
            return TesseractCliEngine(lang, layout)
    try:
        return ENGINES[name](lang, layout=layout)
    except KeyError:
        raise OcrError(f"unknown OCR engine {name!r}; choose one of {', '.join(ENGINES)}") from None
