"""The page stage: decode, orient, deskew and OCR one page, in a worker process (or inline).

Why a module of its own: the fork server (archivist/warm.py) imports this before it forks the workers, and a
worker unpickles its task function from here. Neither needs the document stage (the store, its schemas and
jsonschema, pikepdf, the spool, the discovery of inputs): kept out of this module, they stay out of the fork
server's start-up, which every batch pays before its first page (bench/RESULTS.md, issue 16, session 21).
:mod:`archivist.pipeline` re-exports what callers use.
"""

from __future__ import annotations

from dataclasses import replace

import numpy as np

from . import dateread, markheight, nameread, namezone, notext, numberread, preprocess, restore, ruledtilt
from .cells import read_prepared
from .cputime import StageClock
from .datewords import correct_date_words
from .fadedends import faded_ends
from .fadedglyphs import faded_glyphs
from .fadedmotto import faded_headings
from .fadedphrases import faded_phrases
from .fadedread import keep_first_readings, reread_faded
from .fadedsymbols import faded_symbols
from .fadedwords import faded_words
from .footorder import footer_order
from .headleft import header_left_rest
from .headorder import header_order
from .hookread import reread_hooks
from .ingest import IngestError, load_page, page_where
from .labelread import read_labels
from .lateline import late_lines
from .lineorder import faded_lines
from .models import STANDARD_DPI, Failure, PageResult, PageTask, Settings, Word
from .ocr import OcrEngine, OcrError, OcrResult, make_engine, nfc, text_from_words
from .ocrfix import text_of
from .orient import PDF_TEXT, TOO_LITTLE_TEXT, Oriented, orient
from .osd import Osd
from .pagenumber import add_page_number
from .preview import make_preview
from .signgap import Parsed, drop_gap_strokes
from .spanread import reread_spans
from .speckcolon import speck_colons
from .speckdash import put_back_dashes
from .speckdigits import drop_speck_digits
from .speckjoin import join_speck_numbers
from .speckjunk import drop_speck_letters
from .specklone import drop_lone_specks
from .speckread import late_stops, reread_specks
from .specksmall import speck_case
from .specksplit import split_speck_joins
from .textnorm import read_text
from .typedbar import typed_bars
from .typedbowl import typed_bowls
from .typedcaps import typed_capitals
from .typedcase import typed_case
from .typedchi import typed_chis
from .typedcolon import drop_stroke_colons
from .typedcross import typed_crosses
from .typeddash import typed_dashes
from .typedfinal import typed_finals
from .typedflag import typed_flags
from .typedfoot import typed_feet
from .typedlong import typed_long
from .typedone import typed_ones
from .typedopen import typed_openings
from .typedpair import typed_pairs
from .typedphrase import typed_phrases
from .typedread import reread_typed
from .typedring import typed_rings
from .typedrival import typed_rivals
from .typedroom import typed_rooms
from .typedsix import typed_sixes
from .typedspine import typed_spines
from .typedsplit import typed_splits
from .typedstem import typed_stems
from .typedstroke import typed_strokes
from .typedtail import typed_tails
from .typedupper import typed_upper
from .typedzero import typed_zeros
from .unitmarks import unit_marks
from .unreadblocks import page_blocks, read_unread
from .unreadlines import read_lines

__all__ = ["PageTask", "build_word_tables", "init_worker", "preload_engine", "process_page"]


_ENGINE: OcrEngine | None = None
_OSD: Osd | None = None


def _engine(name: str, lang: str, layout: str = "tesseract") -> OcrEngine:
    global _ENGINE
    if _ENGINE is None or _ENGINE.name != name or getattr(_ENGINE, "lang", lang) != lang:
        _ENGINE = make_engine(name, lang, layout)
    _ENGINE.layout = layout if _ENGINE.name == "tesserocr" else "tesseract"  # the model stays loaded
    return _ENGINE


def preload_engine() -> None:
    """Load the default engine in this process (the fork server's, archivist/warm.py), so the workers
    forked from it have the model in memory. Anything wrong here is left for the first page to report."""
    try:
        default = Settings()
        engine = _engine(default.ocr_engine, default.lang, default.layout)
        build_word_tables()
        if not numberread.reads_crops(engine):  # the number's second readings need a Tesseract of their own
            numberread.preload()
    except Exception:  # noqa: BLE001 - an exception here would stop the fork server itself
        pass


def build_word_tables() -> None:
    """Build the OCR post-correction's word tables (syllables, their folded and attested forms, the phrase
    lexicon, the act types, the issuers' codes) now. Each is built on first use; done in the fork server, the
    workers forked from it have them instead of each building them on its first page (0.07-0.1 CPU s a worker,
    paid again by every batch)."""
    from importlib import import_module

    from . import doctypes, ocrfix, phrasefix, syllables

    import_module(f"{__package__}.recipients")  # datewords imports it on its first call
    syllables.folded_syllables(), syllables.attested(), doctypes.load_table()
    ocrfix.type_words(), ocrfix._by_toneless(), phrasefix._phrases(), phrasefix._openings(), phrasefix._gaps()


def _osd() -> Osd:
    global _OSD
    if _OSD is None:
        _OSD = Osd()
    return _OSD


def process_page(task: PageTask) -> PageResult | Failure:
    """Decode, orient, deskew and OCR one page. Never raises: a failure comes back as data."""
    where = page_where(task.ref)
    try:
        clock = StageClock(("load", "preprocess", "ocr", "number", "orient", "preview"))
        page = load_page(task.ref, task.force_ocr)
        clock.lap("load")
        verdict, number_reading, date_reading, mark_heights, engine = None, None, None, [], None
        name_reading, name_zone = None, None
        preps: list[tuple[np.ndarray, restore.Prepared]] = []  # each reading's image, for the number's box
        if page.words is not None:  # born-digital: its own text is exact, and its pages are upright
            corr, upright = preprocess.Correction(0, 0.0, 1.0, bool(page.words)), page.gray
            clock.lap("preprocess")
            ocr, decision, evidence, notes = text_from_words(page.words), PDF_TEXT, {}, []
        else:
            found = ruledtilt.detect(page.gray, page.dpi)
            clock.lap("preprocess")
            engine = _engine(task.engine, task.lang, task.layout)
            bilevel = page.payload.bpc == 1  # a 1-bit scan is enlarged under 240 dpi, a grey one not under 175
            done = orient(page.gray, page.dpi, found, lambda up: _read(engine, up, page.dpi, bilevel, preps), _osd(),
                          page.exif_orientation)
            corr, upright, ocr = done.correction, done.upright, done.ocr
            clock.take("orient", done.seconds_checking, done.cpu_checking)
            decision, evidence, notes = done.decision, done.evidence, [*done.warnings, *done.camera_warnings]
            verdict = notext.judge(ocr)
            if not verdict.readable:  # an image only: nothing read, nothing to guess from
                ocr, notes = OcrResult(), no_text_notes(done, verdict)
            else:  # a block of text the page's reading left out whole (a signature block beside its seal)
                ocr = in_reading_order(_unread(engine, ocr, upright, preps, bilevel))
        clock.lap("ocr")
        prep = next((p for up, p in preps if up is upright), None)  # None on a page with its own text
        parsed = None  # the page's footer and the words it was found on, for the signature's gap not to parse it again
        if prep is not None and ocr.words:
            header = numberread.page_header(task.number, ocr.words)  # the number's and the date's, parsed once
            number_reading = numberread.read_number(task.number, ocr.words, upright, page.dpi, prep, engine, header)
            date_reading = dateread.read_date(task.number, ocr.words, upright, page.dpi, prep, engine, header)
            date_reading = keep_first_readings(date_reading, prep)  # a faded year's first reading: 0s misread
            footer = nameread.page_footer(task.number, ocr.words, header[0])  # found once for the name and its zone
            parsed = (ocr.words, footer)
            if footer is not None:  # without a signature block neither has a line to read
                name_reading = nameread.read_name(task.number, ocr.words, upright, page.dpi, prep, engine, header,
                                                  footer)
                name_zone = namezone.read_zone(task.number, ocr.words, upright, page.dpi, prep, engine, header[0],
                                               footer)
            mark_heights = markheight.measure_marks(ocr.words, upright)  # a name's `ầ`: its grave in the pixels
        preps.clear()
        ocr = ocr if page.words is not None else as_stored(ocr)  # the engine's look-alikes; a PDF's own text is exact
        ocr = ocr if page.words is not None else without_gap_strokes(task.number, ocr, parsed)  # a signature's strokes
        clock.lap("number")
        preview = make_preview(upright, page.payload, corr.orientation, corr.skew, page.colour)
        clock.lap("preview")
    except IngestError as e:
        return Failure(where, str(e), "ingest")
    except OcrError as e:
        return Failure(where, str(e), "ocr")
    except MemoryError:
        return Failure(where, "not enough memory to process this page", "preprocess")
    except Exception as e:  # noqa: BLE001 - one bad page must not stop the batch; the reason is reported
        return Failure(where, f"unexpected error: {type(e).__name__}: {e}", "preprocess")
    warnings = []
    dpi_x, dpi_y = page.dpi_xy or (page.dpi, page.dpi)
    shown_dpi = f"{dpi_x:.0f}" if round(dpi_x) == round(dpi_y) else f"{dpi_x:.0f}x{dpi_y:.0f}"
    if not page.dpi_known:
        warnings.append(page.assumed_dpi())
    elif min(dpi_x, dpi_y) < STANDARD_DPI - 0.5:
        warnings.append(f"scanned at {shown_dpi} dpi, below the {STANDARD_DPI:.0f} dpi digitization standard")
    warnings.extend([*notes, *ocr.notes])
    if not ocr.words and (verdict is None or verdict.readable):
        warnings.append("no text found on the page")
    warnings.extend(page.notes)
    h, w = upright.shape
    return PageResult(
        number=task.number, source=task.ref, width=w, height=h, dpi=round(page.dpi, 2), dpi_xy=page.dpi_xy,
        orientation=corr.orientation, skew=corr.skew, orientation_confidence=corr.orientation_confidence,
        mean_confidence=ocr.mean_confidence, text=ocr.text, words=ocr.words,
        timings=clock.timings(),
        warnings=warnings, image=page.payload, preview=preview, orientation_decision=decision,
        orientation_evidence=evidence, deskew=_deskew(corr) if page.words is None else {},
        number_reading=number_reading, mark_heights=mark_heights, date_reading=date_reading,
        source_format=page.source_format,
        name_reading=name_reading, name_zone=name_zone,
    )


def no_text_notes(done: Oriented, verdict: notext.Verdict) -> list[str]:
    """The warnings of a page kept as an image only. Its orientation warning stays, first: "uncertain" tells the
    reader the page holds text the tool could not turn upright, which "no text found" alone would deny (a sideways
    table page of HG123, session 36). "Too little text to tell which way is up" is what "no text found" says better."""
    kept = done.warnings if done.decision != TOO_LITTLE_TEXT else []
    return [*kept, *done.camera_warnings, verdict.message()]


def _deskew(corr: preprocess.Correction) -> dict:
    """What the record says about the tilt: measured, applied or not, and why not."""
    out = {"measured": corr.measured_skew, "applied": bool(corr.skew), "sharpness": corr.sharpness}
    if corr.deskew_note:
        out["reason"] = corr.deskew_note
    return out


def _read(engine: OcrEngine, upright: np.ndarray, dpi: float, bilevel: bool = False,
          preps: list[tuple[np.ndarray, restore.Prepared]] | None = None) -> OcrResult:
    """The OCR of a page turned upright: on the restored image (restore.py), tables cell by cell (cells.py),
    the page number Tesseract's layout leaves out read on its own (pagenumber.py), in the page's own pixels
    (``bilevel``: scanned 1 bit, which decides its enlargement, archivist/ocr.py). The prepared image is kept in
    ``preps`` with the page it was made from: the number's box is read again from the one the OCR kept."""
    prep = restore.prepare(upright, dpi)  # flattened, specks and rules out (never the stored image)
    if preps is not None:
        preps.append((upright, prep))
    ocr = read_prepared(engine, prep.image, prep.dpi, prep.grids, prep.plain, prep.restored, bilevel)
    ocr = reread_hooks(engine, ocr, prep.unsmoothed, prep.dpi)  # a speckled page's hooks over a circumflex
    ocr = reread_specks(engine, ocr, prep.unsmoothed, prep.image, prep.dpi)  # its specks read as marks
    ocr = reread_spans(engine, ocr, prep.unsmoothed, prep.image, prep.dpi)  # its words broken or spoilt, read again
    ocr = speck_case(ocr, prep.unsmoothed, prep.image)  # its small letters read as capitals, told by their height
    ocr = speck_colons(ocr, prep.unsmoothed, prep.image)  # a speck read as a colon inside a word, told by its one dot
    ocr = drop_lone_specks(ocr, prep.unsmoothed, prep.image)  # and one read as a mark of its own, by its box and ink
    ocr = drop_speck_letters(ocr, prep.unsmoothed, prep.image)  # one read as letters, lower than any letter's ink
    ocr = drop_speck_digits(ocr, prep.unsmoothed, prep.image)  # and one read with a digit (9n, 0y), by the same
    ocr = put_back_dashes(ocr, prep.unsmoothed, prep.image)  # a list's dash it left out, by its bar and the list's
    ocr = late_stops(ocr, prep.unsmoothed)  # a stop the steps above read again left in mid-sentence (công. theo)
    ocr = split_speck_joins(ocr, prep.unsmoothed, prep.image)  # two words a speck joined (Hải-Xuân), by the gap
    ocr = join_speck_numbers(ocr, prep.unsmoothed)  # and a symbol, date or sum it broke (135/KH- UBND), by grammar
    ocr = reread_faded(engine, ocr, prep)  # a faded page's zeros, hooks and odd letters
    ocr = faded_glyphs(ocr, prep)  # its section numerals (#ƒ. for II.) and typed first letters' case, by glyph
    ocr = faded_lines(ocr, prep)  # a body line's right part, read after the lines under it, put back on its line
    ocr = faded_ends(ocr, prep)  # a paragraph's closing stop read as a comma (xã, for xã.), by glyph and place
    ocr = faded_headings(ocr, prep)  # the national title's and motto's words a letter off (VIỆT RAM, Độc lận)
    ocr = faded_symbols(ocr, prep)  # a 0 read Ø or € in a number (Ø1, 20€5), the note's c read € ((b/€);)
    ocr = faded_words(ocr, prep)  # words their place tells: a date's nắm, Luật Thỉ đua, the place-date's xã, UBMD
    ocr = faded_phrases(ocr, prep)  # fixed words phrasefix leaves for their capitals: Điêu 1., Vê việc, KẾT QUÁ
    ocr = reread_typed(engine, ocr, prep.typed_before, prep.dpi, restore.ADOPTED.typed_thicken)  # a typed page's 0s
    ocr = typed_case(ocr, prep.typed_before)  # its first letters' case as their glyphs show it (lập read Lập)
    ocr = drop_stroke_colons(ocr, prep.typed_before)  # and a colon read in a broken last letter's cell (nhân:)
    ocr = typed_capitals(engine, ocr, prep.typed_before, prep.dpi)  # a tall first glyph read small (châu, xiến)
    ocr = typed_upper(ocr, prep.typed_before)  # capitals read small, told by their bodies (PHổ, văn)
    ocr = typed_feet(ocr, prep.typed_before)  # a capital I read T, told by its foot (HỘT)
    ocr = typed_rings(ocr, prep.typed_before)  # an o read e in a word none uses, told by its bar (thên)
    ocr = typed_pairs(ocr, prep.typed_before)  # and in a syllable making no word with its neighbours (mệt số)
    ocr = typed_chis(ocr, prep.typed_before)  # a chi read chỉ where its neighbours write chi, told by the i's dot
    ocr = typed_finals(ocr, prep.typed_before)  # a final n read r, told by its right stem (dâr)
    ocr = typed_flags(ocr, prep.typed_before)  # an l read t making no word with its neighbours, told by its flag
    ocr = typed_bars(ocr, prep.typed_before)  # an l read t opening a word (tà, tập), told by no bar and its top;
    # inside a set phrase, the phrase's b or d on the same bare stem (Ủy tan nhân dân)
    ocr = typed_stems(ocr, prep.typed_before)  # an m read n told by its third stem (năn), an h read n (chínn)
    ocr = typed_openings(ocr, prep.typed_before)  # an h opening a word read n (nuy), a b read h (hiên bản)
    ocr = typed_tails(ocr, prep.typed_before)  # a final p read n (tổng hợn), told by its descender
    ocr = typed_splits(ocr, prep.typed_before)  # a word broken at a worn h (ni ất), joined by its boxes' gap
    ocr = typed_strokes(ocr, prep.typed_before)  # a d read đ (đo), an đ read d, told by the ascender's stroke
    ocr = typed_ones(ocr, prep.typed_before)  # an item's 1. read 4., told by the 1's foot
    ocr = typed_crosses(ocr, prep.typed_before)  # a capital Đ read b, told by the D's top stroke (bộc lập)
    ocr = typed_zeros(ocr, prep.typed_before)  # a 6, 8 or 9 whose glyph shows the typed zero's dot (2089)
    ocr = typed_sixes(ocr, prep.typed_before)  # an 8 among digits whose glyph is open at its top right (189/KH)
    ocr = typed_dashes(ocr, prep.typed_before)  # a list's dash it left out, by its bar and the list's
    ocr = typed_phrases(ocr, prep.typed_before)  # a word none uses a glyph off a set phrase's (Ủy ban nhên dân)
    ocr = typed_spines(ocr, prep.typed_before)  # a c read s making a word (sông tác), told by the c's open middle
    ocr = typed_rivals(ocr, prep.typed_before)  # a syllable making no word, the engine's rival making one (thời tiếc)
    ocr = typed_long(ocr, prep.typed_before)  # a word in use a letter off a long set phrase's (Ủy ban nhân sân)
    ocr = typed_rooms(ocr, prep.typed_before)  # a long set phrase's word a letter short, its room kept (ban hân dân)
    ocr = typed_bowls(ocr, prep.typed_before)  # an o read c making no word (báo các), told by the o's closed bowl
    ocr = correct_date_slots(ocr)  # a date's year word those rules left misread (tháng 8 năn 2010)
    ocr = unit_marks(ocr)  # any page's unit name after xã, huyện a mark off from the one unit of its level listed
    seen = prep.image if prep.plain is None else prep.plain  # a typed page's top rows: paper in ``image``
    ocr = restore.on_page(add_page_number(engine, seen, prep.dpi, ocr, bilevel), prep.scale)
    return restore.faint_reading(ocr, prep)  # a faint page noted, the paper grain its contrast raised dropped


def correct_date_slots(ocr: OcrResult) -> OcrResult:
    """``ocr`` with :func:`archivist.datewords.correct_date_words` run again once the glyph rules have read a typed or
    faded page's words back: its first run (:func:`archivist.ocrfix.fix_words`) sees the words before them, and a
    date's year word was seen left misread after them on typed pages (``tháng 8 năn 2010``, ``tháng 6 nằm 2008``)."""
    words = correct_date_words(ocr.words)
    if all(a.text == b.text for a, b in zip(words, ocr.words, strict=True)):
        return ocr
    return replace(ocr, words=words, text=nfc(text_of(words)).strip())


def in_reading_order(ocr: OcrResult) -> OcrResult:
    """``ocr`` with a line read after the lines under it put back where it stands (:mod:`archivist.lateline`: a
    body's last line cut off by a seal), its header's two columns one after the other (:mod:`archivist.headorder`:
    Tesseract reads a header line by line across both; :mod:`archivist.headleft`: the ``V/v`` subject read after the
    national title's column), and its footer's (:mod:`archivist.footorder`: the recipients beside the
    signature block), its text made again from the words in their new order. Once the page's
    way up is known, before the number, date and name are read again from the lines."""
    words = footer_order(header_left_rest(header_order(late_lines(ocr.words))))
    if words is ocr.words:
        return ocr
    return replace(ocr, words=words, text=nfc(text_of(words)).strip())


def as_stored(ocr: OcrResult) -> OcrResult:
    """An OCR'd page's reading as it is stored: each word's text and the page's as :func:`archivist.textnorm.read_text`
    gives them (``⁄`` read for ``/``), a rival's offset moved where a word lost a doubled stroke before it (rivals are
    letters and digits). The record, the index and the PDF's text layer are all made from these words.

    Why after the page's rules and not where the words are made: the rules read the engine's characters, and one
    tells them apart (a typed word holding a ``/`` is a code, left as read; one holding a ``⁄`` is read again:
    ``X⁄Ã`` read ``XÃ``, seed 294; bench/RESULTS.md, issue 16, session 44)."""
    words = [_stored(w) for w in ocr.words]
    labelled = read_labels(words)  # a header's ``Sẽ:`` before its number: ``Số:`` (:mod:`archivist.labelread`)
    if all(a is b for a, b in zip(labelled, ocr.words, strict=True)):
        return ocr
    if labelled is not words:
        return replace(ocr, words=labelled, text=nfc(text_of(labelled)).strip())
    return replace(ocr, words=words, text=read_text(ocr.text))


def without_gap_strokes(number: int, ocr: OcrResult, parsed: Parsed | None = None) -> OcrResult:
    """``ocr`` without the signature's strokes and the seal's pieces read as tokens in its signature block's gap
    (:mod:`archivist.signgap`), its text made again from the words left; the same object when none is there. Last,
    on the words as stored: the number, date and name were read again before, from the page's lines as the engine
    gave them, and the footer the gap is found from is the one the fields will parse: ``parsed`` (the page's footer
    found before, :data:`archivist.signgap.Parsed`) is taken only when the words as stored are the words it was found
    on, unchanged."""
    words = drop_gap_strokes(number, ocr.words, parsed)
    if words is ocr.words:
        return ocr
    return replace(ocr, words=words, text=nfc(text_of(words)).strip())


def _stored(word: Word) -> Word:
    text = read_text(word.text)
    if text == word.text:
        return word
    rivals = word.rivals
    if len(text) != len(word.text):
        rivals = tuple((len(read_text(word.text[:at])), *rest) for at, *rest in rivals)
    return replace(word, text=text, rivals=rivals)


def _unread(engine: OcrEngine, ocr: OcrResult, upright: np.ndarray,
            preps: list[tuple[np.ndarray, restore.Prepared]], bilevel: bool) -> OcrResult:
    """The upright page's reading with the blocks it left unread read alone (:mod:`archivist.unreadblocks`), then the
    lines it skipped inside the blocks it read (:mod:`archivist.unreadlines`), on the
    image its reading was made from. Only once the page's way up is known: the other ways' readings are the
    orientation's evidence, and are not added to."""
    prep = next((p for up, p in preps if up is upright), None)
    if prep is None:
        return ocr
    seen = prep.image if prep.plain is None else prep.plain
    found = page_blocks(seen, prep.dpi, ocr.words)  # the page's text blocks, found once for both
    ocr = read_unread(engine, ocr, seen, prep.dpi, prep.scale, bilevel, found)
    return read_lines(engine, ocr, seen, prep.dpi, prep.scale, bilevel, found)  # a line skipped in a block it read


def init_worker() -> None:
    """Keep each worker on one core: parallelism comes from the pool, not from OpenMP or OpenCV."""
    import os

    import cv2

    os.environ["OMP_THREAD_LIMIT"] = "1"
    cv2.setNumThreads(1)
