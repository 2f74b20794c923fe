"""Which way is up: a page is turned only on strong evidence, from several signals.

Why: archivist's own up/down test (:mod:`archivist.preprocess`) once decided alone and turned
upright pages over -- a one-bit typewritten page, maps, a picture, a ruled table -- with nothing
said. A page turned over is lost to search and to the reader, so it is better kept as scanned
and flagged for a person than turned on a guess.

The signals, cheapest first:

1. archivist's own test: where ink sits around each line's x-height band (its confidence, and
   how many lines it measured);
2. the OCR of the page as that test turns it, which the pipeline needs anyway: a page read the
   right way up gives most words at high confidence (mean 83-96 on the generated and bench pages),
   the wrong way far fewer (mean 42-71);
3. Tesseract's OSD (:mod:`archivist.osd`), asked only when 1 or 2 is weak;
4. the page read the other ways (turned half round, as OSD says, as scanned), likewise.

When 1 and 2 are strong the page is done: no extra cost. Otherwise the readings decide: one must
read clearly better than every other (mean word confidence MARGIN higher) and well (STRONG_MEAN, or
less if a confident OSD says the same), and a confident OSD must not contradict it. A page with
too few words read well whichever way (maps, photographs, drawings, handwriting, stamps) is kept as
scanned and says so; a page whose signals disagree is kept as scanned and flagged as uncertain -- save
one case: a page that reads as no text at all as scanned and reads (MIN_GOOD words read well, no rival) one
other way only is turned that way, at a low confidence and still flagged as uncertain. Kept as scanned, such
a page loses every word ("no text found"); turned, it keeps what was read the one way it reads. A sideways
table continuation page of the sealed set HG123 read 7 words well at mean 72 turned 90, none any other way,
and was kept sideways with no text (bench/RESULTS.md, session 36).

A photo's camera orientation tag (:mod:`archivist.exiforient`) comes last: a page with too little text whose
tag names a turn is turned as the phone showed it, and still flagged. It does not settle an uncertain page:
there the page has text and its readings contradict each other, and a page photographed from above as it lies
on a desk, the usual way, is the very case where a phone's tag (set by gravity, the phone held flat) is least
reliable; a page kept as scanned and flagged costs a reviewer a look, one turned wrong on the tag costs the
same look and reads upside down until then. Against a confident reading the tag is only evidence.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from functools import cached_property

import numpy as np

from . import exiforient, notext, preprocess
from .cputime import cpu_seconds
from .models import Word
from .ocr import OcrResult
from .osd import Osd

#: Own-test confidence under which its answer needs checking (the old "uncertain" line).
OWN_STRONG = 0.3
#: A word read at this confidence or more counts as read well.
GOOD_WORD = 80.0
#: A reading that is, alone, proof of the right way up: mean confidence and words read well.
STRONG_MEAN = 75.0
STRONG_GOOD = 15
#: Fewer words read well than this in every reading: too little text to judge.
MIN_GOOD = 5
#: The winning reading's mean confidence must beat every rival reading (one with at least a third as
#: many words read well) by this.
MARGIN = 15.0
#: OSD answers at least this confident add their orientation to the readings ...
OSD_CANDIDATE = 1.0
#: ... and one this confident that contradicts the readings makes the page uncertain, while one that
#: agrees lets a reading below STRONG_MEAN decide.
OSD_STRONG = 5.0

UPRIGHT, TURNED = "upright", "turned"
TOO_LITTLE_TEXT = "kept as scanned: too little text"
UNCERTAIN = "kept as scanned: uncertain"
CAMERA = "turned as the camera recorded it"
ONLY_WAY = "turned: the only way it reads"
#: The orientation confidence of a page turned the only way it reads: low, below OWN_STRONG.
ONLY_WAY_CONFIDENCE = 0.1
ONLY_WAY_WARNING = ("page orientation uncertain (its text reads one way only, and weakly): turned that way; "
                    "check which way is up")
PDF_TEXT = "the PDF page's own text"


@dataclass
class Reading:
    """The page corrected one way and what the OCR read there."""

    orientation: int
    skew: float
    upright: np.ndarray
    ocr: OcrResult

    @cached_property
    def lying(self) -> list[Word]:
        """The words read along horizontal lines. Tesseract finds vertical lines of text and reads them
        turned (a whole sideways page read 93.6 on average), so words whose box is taller than wide are
        no evidence that this way is up; words of one or two characters are too short to tell."""
        return [w for w in self.ocr.words
                if sum(c.isalnum() for c in w.text) >= 3 and w.bbox[2] - w.bbox[0] > w.bbox[3] - w.bbox[1]]

    @property
    def good(self) -> int:
        return sum(1 for w in self.lying if w.conf >= GOOD_WORD)

    @property
    def mean(self) -> float:
        words = self.lying
        return sum(w.conf for w in words) / len(words) if words else 0.0

    def strong(self) -> bool:
        return self.mean >= STRONG_MEAN and self.good >= STRONG_GOOD

    def evidence(self) -> dict:
        return {"orientation": self.orientation, "mean_confidence": round(self.mean, 2), "good_words": self.good}


@dataclass
class Oriented:
    """The decision for one page, the corrected image it implies and its OCR."""

    correction: preprocess.Correction
    upright: np.ndarray
    ocr: OcrResult
    decision: str
    evidence: dict
    warnings: list[str] = field(default_factory=list)
    #: what the camera's tag made of the page (turned by it; or a mirrored tag not used): said even on a page
    #: with no readable text, whose "too little text" warning the "no text found" one replaces (an uncertain
    #: page's warning stays: archivist/pagework.py ``no_text_notes``)
    camera_warnings: list[str] = field(default_factory=list)
    seconds_checking: float = 0.0  # OSD and the extra readings (0 on the common case)
    cpu_checking: float = 0.0  # the same in CPU seconds (archivist/cputime.py)


ReadFn = Callable[[np.ndarray], OcrResult]


def _reading(gray: np.ndarray, orientation: int, skew: float, read: ReadFn) -> Reading:
    upright = preprocess.apply(gray, preprocess.Correction(orientation, skew, 0.0, True))
    return Reading(orientation, skew, upright, read(upright))


def _own(found: preprocess.Correction) -> dict:
    return {"orientation": found.orientation, "confidence": found.orientation_confidence, "lines": found.lines}


def orient(gray: np.ndarray, dpi: float, found: preprocess.Correction, read: ReadFn, osd: Osd | None,
           camera: int | None = None) -> Oriented:
    """Decide the page's orientation from ``found`` (archivist's own test), its reading, and if need be
    OSD and readings the other ways; ``camera``, the photo's EXIF Orientation (1-8), only where the text
    cannot tell. ``read`` OCRs an upright-corrected image (the pipeline's OCR)."""
    out = _orient(gray, dpi, found, read, osd, camera)
    if camera is not None:
        decided = out.correction.orientation if out.decision in (UPRIGHT, TURNED, ONLY_WAY) else None
        out.evidence["camera"] = exiforient.evidence(camera, decided)
    return out


def _orient(gray: np.ndarray, dpi: float, found: preprocess.Correction, read: ReadFn, osd: Osd | None,
            camera: int | None) -> Oriented:
    first = _reading(gray, found.orientation, found.skew, read)
    evidence: dict = {"own": _own(found), "reads": [first.evidence()]}
    if not found.has_text:  # a blank or near-blank page: nothing to turn by
        return _kept(gray, found, {0: first}, evidence, TOO_LITTLE_TEXT, read, camera)
    if found.orientation_confidence >= OWN_STRONG and first.strong():
        corr = replace(found, orientation_confidence=1.0)
        return Oriented(corr, first.upright, first.ocr, TURNED if found.orientation else UPRIGHT, evidence)
    t0, c0 = time.perf_counter(), cpu_seconds()
    told = osd.detect(first.upright, dpi) if osd is not None else None
    candidates = [found.orientation, (found.orientation + 180) % 360]
    if told is not None:
        osd_says = (found.orientation + told.turned) % 360
        evidence["osd"] = {"orientation": osd_says, "confidence": told.confidence, "script": told.script}
        if told.confidence >= OSD_CANDIDATE:
            candidates.append(osd_says)
    else:
        evidence["osd"] = {"orientation": None, "confidence": 0.0, "script": ""}
    candidates.append(0)
    reads = {found.orientation: first}
    for o in dict.fromkeys(candidates):
        if o not in reads:
            reads[o] = _reading(gray, o, found.skew, read)
    evidence["reads"] = [r.evidence() for r in reads.values()]
    out = _judge(gray, found, reads, told, evidence, read, camera)
    out.seconds_checking = time.perf_counter() - t0
    out.cpu_checking = cpu_seconds() - c0
    return out


def _judge(gray: np.ndarray, found: preprocess.Correction, reads: dict[int, Reading], told, evidence: dict,
           read: ReadFn, camera: int | None) -> Oriented:
    """The readings decide, if one is clearly best and a confident OSD does not say otherwise."""
    readable = sorted((r for r in reads.values() if r.good >= MIN_GOOD), key=lambda r: r.mean, reverse=True)
    if not readable:
        return _kept(gray, found, reads, evidence, TOO_LITTLE_TEXT, read, camera)
    best = readable[0]
    # a rival is any other reading with a fair share of words read well (a stray label read turned is not)
    rivals = [r.mean for r in reads.values() if r is not best and r.good >= max(1.0, best.good / 3)]
    margin = best.mean - max(rivals, default=0.0)
    osd_sure = told is not None and told.confidence >= OSD_STRONG
    osd_agrees = osd_sure and (found.orientation + told.turned) % 360 == best.orientation
    # a reading below STRONG_MEAN (odd type, a coarse scan) still decides when a confident OSD says the same
    if margin < MARGIN or (osd_sure and not osd_agrees):
        return _kept(gray, found, reads, evidence, UNCERTAIN, read, camera)
    if best.mean < STRONG_MEAN and not osd_agrees:
        if len(readable) == 1 and not rivals and not notext.judge(reads[0].ocr).readable:
            corr = replace(found, orientation=best.orientation, orientation_confidence=ONLY_WAY_CONFIDENCE)
            return Oriented(corr, best.upright, best.ocr, ONLY_WAY, evidence, [ONLY_WAY_WARNING])
        return _kept(gray, found, reads, evidence, UNCERTAIN, read, camera)
    conf = round(min(1.0, margin / (2 * MARGIN)), 3)
    corr = replace(found, orientation=best.orientation, orientation_confidence=conf)
    return Oriented(corr, best.upright, best.ocr, TURNED if best.orientation else UPRIGHT, evidence)


def _kept(gray: np.ndarray, found: preprocess.Correction, reads: dict[int, Reading], evidence: dict, decision: str,
          read: ReadFn, camera: int | None = None) -> Oriented:
    """The page as scanned (not turned), or on too little text as the camera's tag says (``camera``); not deskewed
    either when it has too little text to tilt by."""
    skew, note = found.skew, found.deskew_note
    if decision == TOO_LITTLE_TEXT and skew:
        skew, note = 0.0, "not deskewed: too little text to measure a tilt on"
    turn = (exiforient.camera_turn(camera) if decision == TOO_LITTLE_TEXT else None) or 0
    if turn and camera is not None:  # the phone showed the page turned (its tag 1 is as scanned already)
        decision = CAMERA
    kept = reads.get(turn)
    if kept is None or kept.skew != skew:
        kept = _reading(gray, turn, skew, read)
    corr = replace(found, orientation=turn, skew=skew, orientation_confidence=0.0, deskew_note=note)
    if decision == CAMERA and camera is not None:
        return Oriented(corr, kept.upright, kept.ocr, decision, evidence, camera_warnings=[
            exiforient.turned_warning(camera)])
    cam = [exiforient.mirrored_warning(camera)] if camera in exiforient.MIRRORED else []
    warnings = []
    if decision == UNCERTAIN:
        warnings.append("page orientation uncertain (its signals disagree): kept as scanned; check which way is up")
    elif kept.ocr.words:
        warnings.append("too little text to tell which way is up: kept as scanned")
    return Oriented(corr, kept.upright, kept.ocr, decision, evidence, warnings, cam)
