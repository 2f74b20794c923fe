"""The metadata of a document, read from its OCR'd pages: number/symbol, date, place, issuer, subject,
signer, recipients, and for civil-status records the person, event date, register book and entry.

Each value is a :class:`Field` that says how sure it is and where on which page it was read, because
the archive's metadata is legal evidence: a value the extractor is unsure of is listed in
``Metadata.needs_review`` for a person to confirm rather than silently filed. Values are written as
the record prints them, with the OCR's known slips undone (``QD`` -> ``QĐ`` in a symbol, ``O`` -> ``0`` in
a number, marks restored where the same words appear marked elsewhere in the document).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from .agreement import flag_date_line, flag_disagreeing, flag_number_year, flag_subject_year
from .bookyear import flag_book_year, flag_entry_loop, flag_entry_zero
from .calibration import threshold_for
from .chardoubt import flag_doubted
from .civil import civil_fields
from .classify import THRESHOLD, Classification, PageText, analysed, classify_layout
from .codeflags import flag_codes
from .communenear import flag_place_near
from .confirmations import confirm_agreeing, register_year
from .crosscheck import check
from .crossflags import flag_crossed
from .datecheck import flag_contradicted, flag_faded_year
from .datefield import MIN_YEAR, date_field, placedate
from .dateread import flag_date_reread
from .dates import format_date, parse_date
from .dayword import flag_day_word
from .deputyflags import flag_deputy
from .faintflags import flag_faint
from .fields import Field, missing
from .headless import flag_headless_date
from .language import detect_language
from .levelcomma import flag_level_comma
from .listflags import flag_list
from .listlossflags import flag_list_loss
from .lostwords import flag_lost
from .markheight import flag_marks
from .marks import MarkRestorer
from .nameread import flag_name_reread
from .namerival import flag_name_rivals
from .nametwin import flag_name_twins
from .namezone import zone_signer
from .numsym import format_number_symbol, parse_number_symbol
from .pagezero import flag_page_zero
from .parentflags import flag_parent_and_stub
from .partfields import ODD_FACTOR, _issuer_fields, _name_of, _number_fields, _signer_fields, _with_checks
from .recipients import typed_under_circular55
from .registerpages import read_register
from .registerplace import fill_register_place
from .required import required_fields
from .secondsigner import flag_party_heading, flag_second_signer, flag_under_second_heading
from .sideflags import flag_beside
from .signerline import line_signer
from .slipflags import flag_slips
from .structflags import flag_structure
from .subject import form_title, subject_field
from .subjectcase import flag_small_start
from .subjectday import flag_subject_day
from .subjectrun import flag_run_on
from .subjectword import flag_subject_word
from .twiceflags import flag_twice
from .typeflags import flag_type
from .wordingflags import flag_wording

__all__ = ["Field", "Metadata", "PageText", "extract", "format_date", "format_number_symbol", "parse_date",
           "parse_number_symbol"]

DOUBTABLE = ("issuer", "parent_issuer", "place", "subject", "signer", "person")
DOUBT_FACTOR = 0.75


@dataclass
class Metadata:
    """The metadata of one document, each value a :class:`Field`. ``number`` is the number alone
    (``45``), ``symbol`` the symbol (``QĐ-UBND``), ``number_symbol`` both as written canonically
    (``45/QĐ-UBND``); ``person``, ``event_date``, ``book`` and ``entry`` are set for civil-status
    records only. ``needs_review`` names the fields a person should confirm: expected for the type
    but missing, or found with a confidence below the threshold."""

    number: Field = field(default_factory=missing)
    symbol: Field = field(default_factory=missing)
    number_symbol: Field = field(default_factory=missing)
    date: Field = field(default_factory=missing)
    place: Field = field(default_factory=missing)
    issuer: Field = field(default_factory=missing)
    parent_issuer: Field = field(default_factory=missing)
    subject: Field = field(default_factory=missing)
    signer: Field = field(default_factory=missing)
    signer_position: Field = field(default_factory=missing)
    authority: Field = field(default_factory=missing)
    recipients: Field = field(default_factory=lambda: Field([], 0.0))
    page_count: Field = field(default_factory=missing)
    language: Field = field(default_factory=missing)
    person: Field | None = None
    event_date: Field | None = None
    book: Field | None = None
    entry: Field | None = None
    needs_review: list[str] = field(default_factory=list)
    classification: Classification | None = None
    #: a register printed as a table: its rows (archivist/registers.py), each with its own confidence and review
    entries: list[dict[str, Any]] | None = None

    def fields(self) -> dict[str, Field]:
        names = [n for n in self.__dataclass_fields__ if n not in ("needs_review", "classification", "entries")]
        return {n: getattr(self, n) for n in names if getattr(self, n) is not None}

    def values(self) -> dict[str, Any]:
        """Plain values by field name (what an archive record stores and searches)."""
        return {n: f.value for n, f in self.fields().items()}

    def to_dict(self) -> dict[str, Any]:
        """For JSON: the plain values and the document type at the top, each field's confidence and
        provenance under ``fields``, and the names that need review."""
        c = self.classification
        out: dict[str, Any] = {"type": c.type if c else None, "type_code": c.code if c else None,
                               "kind": c.kind if c else None}
        out.update(self.values())
        out["fields"] = {n: f.to_dict() for n, f in self.fields().items()}
        out["needs_review"] = list(self.needs_review)
        if self.entries:
            out["entries"] = self.entries
        return out


# --- the whole -----------------------------------------------------------------------------------

def extract(pages: list[PageText], classification: Classification | None = None,
            threshold: float = THRESHOLD) -> Metadata:
    """The metadata of the document made of ``pages`` (classified first if no ``classification``)."""
    doc = analysed(pages)
    cls = classification or classify_layout(doc)
    texts = [ln.text for page in doc.pages for ln in page]
    text = "\n".join(texts)  # the document's lines as one text, for the checks that search it
    restore = MarkRestorer(texts)
    years = {int(y) for y in re.findall(r"(?<!\d)(?:19|20)\d\d(?!\d)", text)}
    found: dict[str, Field] = {}
    found.update(_number_fields(doc, cls, pages))
    if (ns := doc.header.number) and ns.number and ns.number.value.year:
        years.add(int(ns.number.value.year))
    pd = placedate(doc)
    book = register_year(doc.header.title.title if doc.header.title else None,
                         [ln.folded for ln in doc.pages[0]] if doc.pages else [])
    found["date"] = date_field(doc, pd, years, book)
    found.update(_issuer_fields(doc, pd, restore))
    found["subject"] = _with_checks(subj := subject_field(doc, restore), subj.changes, subj.read or subj.source_text)
    if isinstance(subj.value, str) and any(not MIN_YEAR <= int(y) <= date.today().year + 1
                                           for y in re.findall(r"(?<!\d)\d{4}(?!\d)", subj.value)):
        subj.confidence = round(subj.confidence * ODD_FACTOR, 3)  # năm 2998: a digit misread
    found.update(_signer_fields(doc, restore, not typed_under_circular55(found["date"].value, texts)))
    if "signer" not in found and (zoned := line_signer(doc.footer, doc.pages, texts)  # its line not read as a name
                                  or zone_signer(doc.footer, pages)) is not None:
        zoned.value = restore.restore(zoned.value)  # the name under the strokes the page's reading left out
        found["signer"] = zoned
    found["page_count"] = Field(len(pages), 1.0)
    lang, lconf = detect_language(text)
    found["language"] = Field(lang, lconf)
    entries: list[dict[str, Any]] = []
    if cls.kind == "civil_status":
        entries = read_register(pages, restore)  # a register printed as a table: its rows
        found.update(civil_fields(doc, cls, found["date"], restore, entries))
    for name in DOUBTABLE:  # the document spells these words two ways: a wrong mark is likely, flag it
        f = found.get(name)
        if f is not None and isinstance(f.value, str) and any(map(restore.doubtful, (f.value, _name_of(f.value)))):
            f.confidence = round(f.confidence * DOUBT_FACTOR, 3)
    check(found, restore, doc.footer)
    flag_wording(found)  # a body's fixed wording misread (restored), a capital or a name's mark no word takes
    flag_structure(found)  # a body's name of two lines or with its head misread, a recipient's word no word uses
    answered = confirm_agreeing(found, restore.doubtful, text)  # a second reading elsewhere agrees
    judged = {name: f for name, f in found.items() if name not in answered}  # its words answered: none judged
    if form_title(doc, subj):  # the table's words, as sure as the type its title decided: no pixel judged
        subj.confidence = round(min(0.8, cls.confidence), 3)
        del judged["subject"]
    flag_faint(judged, pages)  # a faded page's weakly read words: its values for review
    flag_doubted(judged, pages)  # a character the engine nearly read as another: its value for review
    flag_twice(found, pages)  # one printed word read twice from one place (two boxes overlapping)
    flag_list(found, doc.footer, pages)  # a recipients list with an item misread, lost or taken from elsewhere
    flag_list_loss(found, doc.footer, pages)  # a two-row list's row lost; a code after 'Lưu: VT,' read as marks
    flag_lost(found, pages)  # a subject's word lost in a gap of its line, a list's formula misread
    flag_codes(found)  # a number's code 'UB' cut short, a level word misread after a code or capitalised in text
    flag_type(found, cls)  # a number's type part that is no type's code; an untold type's empty common fields
    flag_beside(found, doc.footer, pages)  # a list row's tail left as a stray; a typed number read again otherwise
    flag_deputy(found, doc.footer, pages)  # a position without PHÓ under which the signature column holds PHÓ/KT
    flag_second_signer(found)  # a signer stored from a secretary's block (THƯ KÝ): minutes keep the chair's
    flag_under_second_heading(found, doc.footer, pages)  # its name under THƯ KÝ printed in its column, not stored
    flag_contradicted(found["date"], texts, book is not None)  # a date the document's own text contradicts
    flag_book_year(found.get("event_date"), book)  # a register's event date out of its book's year
    flag_entry_zero(found.get("entry"), found.get("book"))  # an entry's 6, 8 or 9 beside a book whose 0 was misread
    flag_entry_loop(found.get("entry"), found.get("book"), pages)  # ... or whose 0 read as a loop digit was set back
    flag_headless_date(found["date"], doc, pd)  # a date read on a first page with no header: running text
    flag_number_year(found)  # the year inside the number is not the date's
    flag_page_zero(found, pages)  # a number's loop digit its glyph cannot tell, the date's year showing 0s misread
    flag_subject_year(found, text)  # the subject's year and the date's: one misread
    flag_subject_word(found, pages)  # a subject's weak word the body writes otherwise between the same words
    flag_subject_day(found)  # a subject naming a day no calendar has (`62/9`): a digit misread
    flag_faded_year(found["date"], text, pages)  # a year read once on a faint page, its 9 or 6 a faded 0
    flag_date_line(found, "\n".join(ln.text for ln in doc.pages[0][:doc.header.end]) if doc.pages else "")  # header
    flag_date_reread(found["date"], pages)  # the date's year or day read again, twice another
    flag_day_word(found["date"], pages)  # the day's word with a letter in it (`Z7`) or a lone digit before it
    flag_name_reread(found.get("signer"), pages)  # the signer's line read again gave another listed name
    flag_disagreeing(found, texts, pages)  # the place, signer or number read otherwise elsewhere on the page
    flag_place_near(found, texts)  # a place one letter from the unit the page's other lines name, never itself
    flag_party_heading(found)  # a party's heading (ĐẠI DIỆN BÊN A) stored as the position
    flag_name_twins(found, texts, pages)  # a name written elsewhere with other marks, or a weak surname one letter off
    flag_marks(found, pages)  # a name's `ầ` whose mark is too low for a grave over a circumflex (the pixels)
    flag_name_rivals(found, pages)  # a name word restored while the engine's other letter spells another name
    flag_level_comma(found)  # two unit levels side by side with no comma (`thôn ấp`): a comma lost to a speck
    flag_parent_and_stub(found)  # a parent issuer no higher than its issuer; a subject's bare `gi`
    flag_slips(found, texts)  # a date of 2011 on a page in Circular 55's spelling; a subject's glued or capital slip
    flag_run_on(found, doc)  # a subject under a title with a later line as wide as the body's: the body run in
    flag_crossed(found, text, pages)  # a field another puts in doubt: a read-back date, a subject's name line, a glyph
    fill_register_place(found, cls.form, threshold)  # a register leaf prints no place: its book's, the issuer's commune
    flag_small_start(found)  # a subject, body's or person's name stored opening small: its capital read small
    meta = Metadata(classification=cls, entries=entries or None, **found)
    meta.needs_review = _to_review(meta, required_fields(cls.type, cls.kind, cls.form), threshold)
    if any(e["review"] or e["confidence"] < threshold for e in entries):
        meta.needs_review.append("entries")  # a register row a person must confirm (each says why)
    return meta


def _to_review(meta: Metadata, expected: set[str], threshold: float) -> list[str]:
    """Fields expected for the type but missing, fields found with a confidence below ``threshold`` (a type
    that has no signer or subject is not flagged for lacking one), and any field, found or not, whose
    ``review`` says why (an empty parent issuer under an unread line is no proof there is none)."""
    out = []
    for name, f in meta.fields().items():
        empty = f.value in (None, "", [])
        if (name in expected or not empty or f.review) and (empty or f.confidence < threshold_for(name, threshold)
                                                             or f.review):
            out.append(name)
    return out + sorted(n for n in expected if n not in meta.fields())
