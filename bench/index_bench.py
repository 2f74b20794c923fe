"""Index benchmark: build the SQLite FTS5 index over N synthetic pages and time a fixed query mix.

    .venv/bin/python -m bench.index_bench --pages 10000 100000 1000000

Pages are generated text in the vocabulary of commune records (about 250 words each, with
diacritics), indexed through the same ``SqliteIndex.upsert_document`` path the pipeline uses,
in documents of 1-4 pages. Reports build time, index size and p50/p95 search latency.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from archivist.index import Filters, SqliteIndex  # noqa: E402

COMMUNES = [("Tân Phú", "Định Quán"), ("Phước Thiền", "Nhơn Trạch"), ("Hòa Bình", "Chợ Gạo"),
            ("Long Hưng", "Châu Thành"), ("Yên Thịnh", "Yên Mô"), ("Mỹ Lộc", "Can Lộc"),
            ("Quỳnh Hậu", "Quỳnh Lưu"), ("Đông Sơn", "Thủy Nguyên")]
SURNAMES = "Nguyễn Trần Lê Phạm Hoàng Huỳnh Phan Vũ Võ Đặng Bùi Đỗ Hồ Ngô Dương".split()
GIVEN = "An Bình Cường Dũng Hùng Hải Lan Mai Nga Phúc Quang Sơn Tâm Thảo Trung Tuấn Vinh Yến".split()
HAMLETS = ["ấp Bình Lợi", "ấp Tân Hòa", "thôn Đông", "thôn Trung Hậu", "xóm Mới", "ấp Phú Thạnh"]
# type: (code, title, subjects)
TYPES = {"Quyết định": ("QĐ", "QUYẾT ĐỊNH", ["Về việc phê duyệt kế hoạch cải cách hành chính"]),
         "Thông báo": ("TB", "THÔNG BÁO", ["Về việc tổ chức tiếp công dân định kỳ"]),
         "Báo cáo": ("BC", "BÁO CÁO", ["Tình hình thực hiện nhiệm vụ phát triển kinh tế - xã hội"]),
         "Tờ trình": ("TTr", "TỜ TRÌNH", ["Về việc đề nghị phê duyệt dự toán kinh phí"]),
         "Kế hoạch": ("KH", "KẾ HOẠCH", ["Triển khai công tác chuyển đổi số trên địa bàn xã"]),
         "Biên bản": ("BB", "BIÊN BẢN", ["Họp xét duyệt hộ nghèo, hộ cận nghèo"]),
         "Công văn": (None, None, ["V/v tăng cường công tác quản lý đất đai trên địa bàn"])}
BODY_SENTENCES = [
    "Rà soát, thống kê số hộ gia đình, cá nhân đang sử dụng đất tại {hamlet} và báo cáo kết quả trước ngày {d3}.",
    "Tuyên truyền, phổ biến pháp luật về hộ tịch, đất đai và xây dựng đến toàn thể nhân dân trên địa bàn xã.",
    "Kinh phí thực hiện từ nguồn ngân sách xã năm {y} với tổng số tiền {money} đồng.",
    "Tổng số hộ được rà soát là {hh} hộ, trong đó có {poor} hộ nghèo và {near} hộ cận nghèo.",
    "Diện tích lúa vụ Đông Xuân đạt {area} ha, năng suất bình quân {yield_} tạ mỗi héc-ta.",
    "Giao công chức Địa chính - Xây dựng kiểm tra thực địa và lập hồ sơ theo quy định.",
    "Đồng chí {person} được phân công theo dõi, tổng hợp kết quả và báo cáo định kỳ hằng tháng.",
    "Thực hiện tốt công tác tiếp công dân, giải quyết đơn thư khiếu nại, tố cáo ngay từ cơ sở.",
    "Đẩy mạnh ứng dụng công nghệ thông tin trong giải quyết thủ tục hành chính cho người dân.",
    "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015 và Quyết định số 45/QĐ-UBND.",
]

QUERIES = ["quyet dinh", "Quyết định", '"cải cách hành chính"', "khai*", "45/QĐ-UBND", "ho ngheo NOT can",
           "ke hoach OR to trinh", "dat dai thua", "nguyen van", "bien ban hop"]
FILTERED = [("ubnd", Filters(type="bao cao")), ("dat", Filters(date_from="2015-01-01", date_to="2015-12-31"))]


def _page(r: random.Random, doc_type: str, number: int) -> str:
    code = TYPES[doc_type][0] or "UBND"
    commune, district = r.choice(COMMUNES)
    words = [f"ỦY BAN NHÂN DÂN XÃ {commune.upper()} Số: {number}/{code}-UBND {TYPES[doc_type][1] or ''}"]
    while sum(len(w.split()) for w in words) < 250:
        s = r.choice(BODY_SENTENCES)
        words.append(s.replace("{hamlet}", r.choice(HAMLETS)).replace("{person}", f"{r.choice(SURNAMES)} "
                                                                                    f"{r.choice(GIVEN)}")
                     .replace("{y}", str(r.randint(2005, 2025))).replace("{d3}", "12/03/2019")
                     .replace("{money}", "12.000.000").replace("{hh}", "1200").replace("{poor}", "40")
                     .replace("{near}", "61").replace("{area}", "310,5").replace("{yield_}", "61,2"))
    words.append(district)
    return " ".join(words)


def build(n_pages: int, folder: Path, seed: int = 1) -> tuple[SqliteIndex, float]:
    r = random.Random(seed)
    idx = SqliteIndex(folder / "index.sqlite")
    types = list(TYPES)
    t0 = time.perf_counter()
    done, doc = 0, 0
    idx.db.execute("BEGIN")
    while done < n_pages:
        k = min(r.randint(1, 4), n_pages - done)
        t = r.choice(types)
        num = r.randint(1, 300)
        y = r.randint(2005, 2025)
        rec = {"id": f"doc-{doc:08d}", "page_count": k, "source": {"paths": [f"/scans/{doc}.jpg"]},
               "output": {"pdf": f"documents/doc-{doc:08d}.pdf"},
               "metadata": {"type": t, "number_symbol": f"{num}/{TYPES[t][0] or 'UBND'}-UBND",
                            "date": f"{y}-{r.randint(1, 12):02d}-{r.randint(1, 28):02d}", "subject": TYPES[t][2][0],
                            "issuer": "ỦY BAN NHÂN DÂN XÃ " + r.choice(COMMUNES)[0].upper()},
               "pages": [{"number": i + 1, "text": _page(r, t, num)} for i in range(k)]}
        idx.upsert_document(rec, record_sha="x", record_mtime=0, transaction=False)
        done += k
        doc += 1
        if doc % 2000 == 0:
            idx.db.execute("COMMIT")
            idx.db.execute("BEGIN")
    idx.db.execute("COMMIT")
    idx.db.execute("INSERT INTO pages(pages) VALUES ('optimize')")
    return idx, time.perf_counter() - t0


def latency(idx: SqliteIndex, rounds: int = 5) -> dict:
    times = []
    for _ in range(rounds):
        for q in QUERIES:
            t = time.perf_counter()
            idx.search(q, limit=20)
            times.append(time.perf_counter() - t)
        for q, f in FILTERED:
            t = time.perf_counter()
            idx.search(q, f, limit=20)
            times.append(time.perf_counter() - t)
    times.sort()
    return {"p50_ms": round(1000 * statistics.median(times), 2),
            "p95_ms": round(1000 * times[int(0.95 * (len(times) - 1))], 2), "queries": len(times)}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--pages", type=int, nargs="+", default=[10_000, 100_000])
    ap.add_argument("--out", type=Path, default=ROOT / "bench" / "out" / "index.json")
    args = ap.parse_args(argv)
    results = []
    for n in args.pages:
        with tempfile.TemporaryDirectory(prefix="archivist-index-bench-") as d:
            idx, secs = build(n, Path(d))
            size = sum(p.stat().st_size for p in Path(d).iterdir())
            lat = latency(idx)
            idx.close()
        row = {"pages": n, "build_s": round(secs, 1), "pages_per_s": round(n / secs),
               "index_mb": round(size / 2**20, 1), **lat}
        print(json.dumps(row), flush=True)
        results.append(row)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps({"queries": QUERIES, "results": results}, ensure_ascii=False, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
