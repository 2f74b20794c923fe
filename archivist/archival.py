"""The record's ``archival`` object: the document-level input fields of Circular 02/2019/TT-BNV.

Derived, never typed in: the commit path (archivist/commit.py) fills it from the metadata, the
retention and the dossier the document belongs to, every time a record is written, so that a
corrected type or date can never leave a stale archival field behind.
"""

from __future__ import annotations

from .models import STANDARD_DPI, below_standard
from .record import replaced_by
from .retention import retention_for
from .schemas import known_type
from .toreview import review_fields

#: Vietnamese labels of the metadata fields a person may be asked to confirm (for the Ghi chú line).
REVIEW_LABELS = {"fonds": "phông", "type": "tên loại", "number": "số", "symbol": "ký hiệu",
                 "number_symbol": "số, ký hiệu",
                 "date": "ngày tháng", "issuer": "cơ quan ban hành", "subject": "trích yếu", "signer": "người ký",
                 "person": "người được đăng ký", "event_date": "ngày sự kiện", "book": "quyển số",
                 "entry": "số đăng ký", "entries": "các dòng sổ đăng ký", "recipients": "nơi nhận",
                 "place": "địa danh", "signer_position": "chức vụ người ký", "authority": "thẩm quyền ký",
                 "parent_issuer": "cơ quan chủ quản", "language": "ngôn ngữ", "page_count": "số trang"}
KIND_KEYWORDS = {"civil_status": "hộ tịch", "land": "đất đai", "petition": "đơn thư"}


def archival_fields(record: dict, *, dossier_code: str | None = None, sequence: int | None = None,
                    access: str | None = None) -> dict:
    """The record's ``archival`` object (Circular 02/2019/TT-BNV document fields) from its metadata.

    ``dossier_code`` and ``sequence`` (the document's place in its dossier) make the identifier
    ``<dossier code>.<sequence>``; left out, both stay null until the dossier is numbered. The
    access regime is ``access``, else the one of the retention series (restricted for civil
    status, land and petitions: they hold personal data), else public. Reliability is
    ``digitized``: archivist makes its PDFs from scans. Autograph, physical condition and
    information code are for a person to give and stay null.
    """
    meta = record.get("metadata") or {}
    if access is None:
        access = (meta.get("retention") or {}).get("access")
    if access is None:
        access = retention_for(record).access
    typ = known_type(meta)
    keywords = [k for k in (typ, meta.get("number_symbol"), KIND_KEYWORDS.get(meta.get("kind") or "")) if k]
    notes = []
    review = [REVIEW_LABELS.get(f, f) for f in review_fields(record)]
    if review:
        notes.append("Cần kiểm tra: " + ", ".join(dict.fromkeys(review)))
    low = [p["number"] for p in record.get("pages", []) if below_standard(p)]
    if low:
        notes.append(f"Trang {', '.join(map(str, low))} quét dưới {STANDARD_DPI:.0f} dpi")
    if later := replaced_by(record):  # archivist/supersede.py: the Ghi chú says which version replaces which
        notes.append(f"Đã được thay thế bởi bản {later}")
    if record.get("supersedes"):
        notes.append(f"Thay thế bản {', '.join(record['supersedes'])}")
    return {
        "identifier": f"{dossier_code}.{sequence}" if dossier_code and sequence else None,
        "dossier_code": dossier_code,
        "sheet": (record.get("boundary") or {}).get("start_page") or 1,
        "page_count": record.get("page_count") or len(record.get("pages", [])) or 1,
        "number": meta.get("number"),
        "symbol": meta.get("symbol"),
        "date": meta.get("date"),
        "type": typ,
        "subject": meta.get("subject"),
        "issuer": meta.get("issuer"),
        "language": meta.get("language") or "vi",
        "information_code": None,
        "keywords": list(dict.fromkeys(keywords)),
        "access_regime": access,
        "reliability": "digitized",
        "autograph": None,
        "physical_condition": None,
        "notes": "; ".join(notes) or None,
    }
