"""Which fields a document's catalogue entry must hold, and what a reviewer reads when one was not found.

A value left empty is not a wrong value, yet the catalogue entry it leaves incomplete must not go out unseen:
Circular 02/2019 asks every document's number, symbol, date, type, subject and issuing body, and Decree 30 puts a
place-and-date line, the signer's position (with ``TM.``/``KT.`` where a body signs through its head) and a
recipients list on the administrative documents it governs. Which fields a type carries is data
(archivist/data/doctypes.json: a kind's ``expected_fields``, a type's ``expects`` or ``lacks``), so a minutes, a
contract or a citizen's petition is not sent to review for a line its form never prints. The parent body is never
required: Decree 30 prints it only where the issuing body has one ("nếu có"), and the catalogue does not ask it.
"""

from __future__ import annotations

from .doctypes import load_table

NOT_FOUND = "not found on the document"

#: why the catalogue needs a field a document lacks, and where on the page a reviewer finds it
NEEDED = {
    "number_symbol": "the catalogue needs the document's number and symbol; read them from the 'Số:' line",
    "date": "the catalogue needs the document's date; read it from the place-and-date line",
    "issuer": "the catalogue needs the issuing body; read it from the page",
    "subject": "the catalogue needs the subject; read it from under the document's title (a letter's 'V/v' line; "
               "a civil-status form's is its title)",
    "signer": "the catalogue needs who signed; read the name under the signature",
    "place": "Decree 30 puts a place-and-date line on this type; read the place before 'ngày'",
    "signer_position": "Decree 30 puts the signer's position over the signature; read it from the page",
    "authority": "this type is signed on the body's behalf (TM., KT., TL., TUQ.); read it over the signer's position",
    "recipients": "Decree 30 puts a recipients list ('Nơi nhận') on this type; read it from the page's foot",
    "person": "a civil-status record is catalogued under its person; read the name from the page",
    "event_date": "a civil-status record needs the date of the event it registers; read it from the page",
    "book": "a civil-status record is registered in a book; read it from the 'Quyển số:' line",
    "entry": "a civil-status record is registered under an entry number; read it from the 'Số:' line (a "
             "register's leaf: its first row's)",
}


#: a register's pages (``SỔ ĐĂNG KÝ KHAI SINH``) are a book's leaves, not documents signed one by one: a leaf without
#: a place-and-date line or a signature is whole (on seeds 86-124 the reader finds no place on any of 118 leaves)
REGISTER_FORMS = ("Sổ đăng ký", "Sổ")
REGISTER_FREE = frozenset({"place", "signer", "signer_position"})
#: the forms of a civil-status record made from its register (an extract, a certificate, a leaf of the book): each
#: prints its book (``Quyển số:``) and its entry (``Số:``); the truth holds both on every civil-status record of the
#: 81 sets session 43 read (265 records, 86 of them leaves). A declaration (``Tờ khai``) is written before there is
#: an entry, and a form not told (a title unread, a ``QUYẾT ĐỊNH`` on a parentage) is not asked for them
#: (hundred-and-forty-first round: 4 books and 3 entries not found went unflagged on session 42's sets)
REGISTERED_FORMS = ("Trích lục", "Sổ đăng ký", "Sổ", "Giấy chứng nhận", "Giấy xác nhận", "Giấy")
REGISTERED = frozenset({"book", "entry"})
#: a civil-status record's subject is its form's title (``Trích lục khai sinh``: archivist/subject.py), held by the
#: truth on all 265 civil-status records of the 81 sets of session 43; a title misread past matching (``TRÍCH LIC KHAT
#: STIWN``, fresh HG266 faded-13-khai-sinh-8) left it empty and unflagged (hundred-and-forty-third round)
CIVIL_SUBJECT = frozenset({"subject"})
#: a civil-status extract (``TRÍCH LỤC KHAI SINH (BẢN SAO)``: Circular 04/2020/TT-BTP's forms) prints its own number
#: in its header (``Số: 81/TLKS-BS``), apart from the entry it copies; the truth holds it on every extract the
#: generator makes. Session 45's sealed HG299 faded-15-khai-sinh-34 left it empty and unflagged (session 46). A
#: certificate or a declaration is not asked for one: its ``Số:`` is the entry's, or it has none
EXTRACT_FORMS = ("Trích lục",)
EXTRACT_NUMBER = frozenset({"number_symbol"})


def required_fields(type_name: str, kind: str, form: str | None = None) -> set[str]:
    """The fields a document of ``type_name`` (of ``kind``, printed as ``form``: archivist/classify.py) must hold:
    its type's, else its kind's (none for a page whose type could not be told: the type itself is then what a
    person reviews), less what a register's leaf does not print; a civil-status record's subject (its title), and
    its book and entry where its form is made from the register, and an extract's own number."""
    fields = set(load_table().expected_fields(type_name, kind))
    if kind == "civil_status":
        fields |= CIVIL_SUBJECT | (REGISTERED if form in REGISTERED_FORMS else frozenset())
        fields |= EXTRACT_NUMBER if form in EXTRACT_FORMS else frozenset()
    return fields - REGISTER_FREE if form in REGISTER_FORMS else fields


def missing_reason(name: str) -> str:
    """What the review sheet says of a field stored empty: that it was not found, and why the catalogue needs it."""
    return f"{NOT_FOUND}: {NEEDED[name]}" if name in NEEDED else NOT_FOUND
