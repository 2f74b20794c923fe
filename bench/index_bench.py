"""Benchmark of the full-text index: build time, size and search latency at 10k, 100k and 1M pages.

Pages are generated (deterministically, seed 7): commune records with the national header, a
number and symbol, a subject, sentences of administrative wording, people's names, and random
Vietnamese syllables drawn from a Zipf distribution for the long tail of the vocabulary; some
documents use old-style tone placement (``hoà``) and some pages have lost their diacritics, as OCR
of poor scans does. About 280 words (1.3 kB) per page, 1–4 pages per document.

Records are turned into index rows (tokenized and folded, :func:`archivist.index.document_rows`) in
worker processes and written by the main process through the index's own ``write``, 500 documents
per transaction, then each FTS5 table is optimized. Searches go through ``SqliteIndex.search``
(ranking and snippets included), each query of a fixed mix once to warm up, then ``--rounds`` times.

    .venv/bin/python bench/index_bench.py --pages 10000 100000 1000000 --write
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import sqlite3
import statistics
import sys
import time
from collections import deque
from itertools import islice
from multiprocessing import Pool
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from archivist.index import WINDOW, DocRow, Filters, SqliteIndex, document_rows  # noqa: E402

WORKDIR = Path(os.environ.get("INDEX_BENCH_DIR", "/tmp/archivist-index-bench"))
BATCH = 500
SECTION = "## Index and search (issue 4)"

TYPES = [("Quyết định", "QĐ", "QUYẾT ĐỊNH", ["Về việc phê duyệt kế hoạch cải cách hành chính năm {y}",
                                            "Về việc công nhận danh hiệu Gia đình văn hóa năm {y}"]),
         ("Báo cáo", "BC", "BÁO CÁO", ["Kết quả công tác cải cách hành chính năm {y}",
                                       "Tình hình thực hiện nhiệm vụ phát triển kinh tế - xã hội năm {y}"]),
         ("Biên bản", "BB", "BIÊN BẢN", ["Họp xét duyệt hộ nghèo, hộ cận nghèo năm {y}"]),
         ("Tờ trình", "TTr", "TỜ TRÌNH", ["Về việc đề nghị phê duyệt dự toán kinh phí sửa chữa trụ sở năm {y}"]),
         ("Kế hoạch", "KH", "KẾ HOẠCH", ["Triển khai công tác chuyển đổi số trên địa bàn xã năm {y}"]),
         ("Thông báo", "TB", "THÔNG BÁO", ["Về việc tổ chức tiếp công dân định kỳ tháng {m} năm {y}"]),
         ("Công văn", "UBND-VP", None, ["V/v tăng cường công tác quản lý đất đai trên địa bàn"]),
         ("Giấy khai sinh", "KS", "GIẤY KHAI SINH", ["Đăng ký khai sinh cho trẻ em sinh năm {y}"])]
COMMUNES = ("Tân Phú, Bình Minh, Hòa Bình, Long Hưng, Yên Thịnh, Mỹ Lộc, Quỳnh Hậu, Đông Sơn, Vĩnh Thanh, Xuân "
            "Trường, Nghĩa Hưng, Phước Thiền, Thạnh Lợi, An Hòa, Đức Hòa, Tam Hiệp, Hưng Đạo, Lạc Long, Định Công, "
            "Thủy Xuân").split(", ")
SURNAMES = "Nguyễn Nguyễn Nguyễn Trần Trần Lê Phạm Hoàng Huỳnh Phan Vũ Võ Đặng Bùi Đỗ Hồ Ngô Dương Đinh Lý".split()
MIDDLE = "Văn Văn Thị Thị Hữu Đức Minh Ngọc Thanh Xuân Quốc Kim".split()
GIVEN = ("An Bình Cường Dũng Hùng Hải Lan Mai Nga Phúc Quang Sơn Tâm Thảo Trung Tuấn Vinh Yến Hạnh Nhung Hiếu Hòa "
         "Thủy Khoa Định").split()
SENTENCES = [
    "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;",
    "Căn cứ Quyết định số {n}/QĐ-UBND ngày {d} của Ủy ban nhân dân huyện;",
    "Rà soát, thống kê số hộ gia đình, cá nhân đang sử dụng đất tại thôn {h} và báo cáo kết quả.",
    "Tuyên truyền, phổ biến pháp luật về hộ tịch, đất đai và xây dựng đến toàn thể nhân dân trên địa bàn xã.",
    "Kinh phí thực hiện từ nguồn ngân sách xã năm {y} với tổng số tiền {money} đồng.",
    "Tổng số hộ được rà soát là {n} hộ, trong đó có {k} hộ nghèo và {j} hộ cận nghèo.",
    "Đồng chí {person} được phân công theo dõi, tổng hợp kết quả và báo cáo định kỳ hằng tháng.",
    "Đẩy mạnh ứng dụng công nghệ thông tin trong giải quyết thủ tục hành chính cho người dân.",
    "Duy trì hoạt động của bộ phận một cửa, công khai thủ tục hành chính tại trụ sở Ủy ban nhân dân xã.",
    "Thực hiện tốt công tác tiếp công dân, giải quyết đơn thư khiếu nại, tố cáo ngay từ cơ sở.",
    "Công an xã chủ trì bảo đảm an ninh trật tự, an toàn giao thông trong thời gian tổ chức.",
    "Giao công chức Địa chính - Xây dựng kiểm tra thực địa và lập hồ sơ theo quy định.",
    "Ông {person}, sinh năm {y}, thường trú tại thôn {h}, xã {c}.",
    "Diện tích lúa vụ Đông Xuân đạt {n} ha, năng suất bình quân {k} tạ mỗi héc-ta.",
    "Điều {k}. Quyết định này có hiệu lực kể từ ngày ký.",
]
_VOWELS = {"a": "àáảãạ", "ă": "ằắẳẵặ", "â": "ầấẩẫậ", "e": "èéẻẽẹ", "ê": "ềếểễệ", "i": "ìíỉĩị", "o": "òóỏõọ",
           "ô": "ồốổỗộ", "ơ": "ờớởỡợ", "u": "ùúủũụ", "ư": "ừứửữự", "y": "ỳýỷỹỵ"}
_ONSETS = "b c ch d đ g gi h k kh l m n ng nh p ph qu r s t th tr v x".split() + [""]
_RIMES = "a ai ao an ang anh at ac ăn ăng ân âu e en em êt ênh i ia im in inh it o oi on ong ôi ôn ông ơi ơn u ui un " \
         "ung ưa ươn ương uyên oan oang".split()


def _syllable(r: random.Random) -> str:
    rime = r.choice(_RIMES)
    i = max(k for k, ch in enumerate(rime) if ch in _VOWELS)
    tone = r.randrange(6)
    return r.choice(_ONSETS) + rime[:i] + (_VOWELS[rime[i]][tone - 1] if tone else rime[i]) + rime[i + 1:]


class Corpus:
    """Deterministic synthetic records: document ``i`` is the same whatever the batch or process."""

    def __init__(self, seed: int = 7) -> None:
        r = random.Random(seed)
        self.vocab = sorted({_syllable(r) for _ in range(30000)})
        r.shuffle(self.vocab)
        total, self.cum = 0.0, []
        for rank in range(len(self.vocab)):
            total += 1 / (rank + 1) ** 0.9
            self.cum.append(total)
        self.seed = seed

    def record(self, i: int) -> dict:
        r = random.Random(self.seed * 1_000_003 + i)
        typ, code, title, subjects = TYPES[i % len(TYPES)]
        commune = COMMUNES[r.randrange(len(COMMUNES))]
        y = r.randint(1995, 2024)
        number = f"{r.randint(1, 250)}/{code}" if code.startswith("UBND") else f"{r.randint(1, 250)}/{code}-UBND"
        subject = r.choice(subjects).format(y=y, m=r.randint(1, 12))
        fill = {"person": lambda: f"{r.choice(SURNAMES)} {r.choice(MIDDLE)} {r.choice(GIVEN)}",
                "n": lambda: str(r.randint(1, 400)), "k": lambda: str(r.randint(1, 60)),
                "j": lambda: str(r.randint(1, 60)), "y": lambda: str(r.randint(1940, 2024)),
                "d": lambda: f"{r.randint(1, 28)}/{r.randint(1, 12)}/{y}", "h": lambda: r.choice(COMMUNES),
                "c": lambda: commune, "money": lambda: f"{r.randint(10, 900)}.000.000"}
        pages = []
        for p in range(r.choice((1, 1, 1, 2, 2, 3, 4))):
            lines = [f"ỦY BAN NHÂN DÂN XÃ {commune.upper()}", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                     "Độc lập - Tự do - Hạnh phúc", f"Số: {number}", f"{commune}, ngày {r.randint(1, 28)} tháng "
                     f"{r.randint(1, 12)} năm {y}", title or "", subject] if p == 0 else []
            words = sum(len(x.split()) for x in lines)
            while words < 280:
                if r.random() < 0.45:
                    s = r.choice(SENTENCES)
                    s = s.format(**{k: f() for k, f in fill.items() if "{" + k + "}" in s})
                else:
                    s = " ".join(r.choices(self.vocab, cum_weights=self.cum, k=r.randint(6, 18))).capitalize() + "."
                lines.append(s)
                words += len(s.split())
            text = "\n".join(lines)
            if i % 3 == 0:  # old-style tone placement
                text = text.replace("Hòa", "Hoà").replace("hòa", "hoà").replace("Thủy", "Thuỷ").replace("ủy", "uỷ")
            if r.random() < 0.08:  # a page OCR'd without its marks
                import unicodedata
                text = "".join(c for c in unicodedata.normalize("NFD", text.replace("Đ", "D").replace("đ", "d"))
                               if not unicodedata.combining(c))
            pages.append({"number": p + 1, "text": text, "source": {"path": f"/scans/{i:07d}/{p + 1:03d}.jpg"}})
        return {"record_version": 1, "id": f"doc-{i:08d}", "label": f"scans/{i:07d}",
                "source": {"paths": [f"/scans/{i:07d}"]}, "output": {"pdf": f"documents/doc-{i:08d}.pdf"},
                "page_count": len(pages), "pages": pages, "dossier": {"id": f"hs-{i // 20:06d}"},
                "metadata": {"type": typ, "number_symbol": number, "date": f"{y}-{r.randint(1, 12):02d}-"
                             f"{r.randint(1, 28):02d}", "issuer": f"ỦY BAN NHÂN DÂN XÃ {commune.upper()}",
                             "subject": subject, "place": f"Xã {commune}", "retention": "10 năm"}}


_CORPUS: Corpus | None = None


def _rows(span: tuple[int, int]) -> list[DocRow]:
    global _CORPUS
    _CORPUS = _CORPUS or Corpus()
    return [document_rows(_CORPUS.record(i)) for i in range(*span)]


def build(path: Path, pages: int, workers: int) -> dict:
    """Index documents until ``pages`` pages; returns timings and sizes."""
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    idx = SqliteIndex(path, bulk=True)
    done_pages = docs = 0
    t0 = time.perf_counter()
    spans = iter((k, k + BATCH) for k in range(0, pages, BATCH))  # a document has at least one page
    with Pool(workers) as pool:  # at most 2 batches ahead per worker: memory stays bounded
        pending = deque(pool.apply_async(_rows, (span,)) for span in islice(spans, 2 * workers))
        while pending and done_pages < pages:
            take = []
            for d in pending.popleft().get():
                if done_pages >= pages:
                    break
                take.append(d)
                done_pages += len(d.pages)
            idx.write(take)
            docs += len(take)
            pending.extend(pool.apply_async(_rows, (span,)) for span in islice(spans, 1))
    t1 = time.perf_counter()
    idx.optimize()
    idx.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    t2 = time.perf_counter()
    sizes = {}
    for name, size in idx.db.execute("SELECT name, sum(pgsize) FROM dbstat GROUP BY name"):
        group = "text" if name == "pages" else name.split("_")[0]
        sizes[group] = sizes.get(group, 0) + size
    idx.close()
    return {"pages": done_pages, "documents": docs, "insert_s": round(t1 - t0, 1), "optimize_s": round(t2 - t1, 1),
            "bytes": path.stat().st_size, "sizes": sizes}


def query_mix(idx: SqliteIndex) -> list[tuple[str, str, Filters]]:
    """The fixed mix: common and rare words, with and without diacritics, phrases, prefixes,
    numbers, booleans and each filter (a dossier id of the middle of the corpus)."""
    (dossier,) = idx.db.execute("SELECT dossier FROM documents ORDER BY docno LIMIT 1 OFFSET "
                                "(SELECT count(*) / 2 FROM documents)").fetchone()
    f = Filters
    return [("common word, no marks", "quyet dinh", f()), ("common word, marks", "Quyết định", f()),
            ("phrase on most pages", '"ủy ban nhân dân"', f()), ("phrase", '"cải cách hành chính"', f()),
            ("prefix", "khai*", f()), ("short prefix", "ch*", f()), ("number/symbol", "45/QĐ-UBND", f()),
            ("number/symbol, no marks", "45/QD-UBND", f()), ("name phrase", '"Nguyễn Văn An"', f()),
            ("name, no marks", "nguyen thi lan", f()), ("OR", "hộ nghèo OR cận nghèo", f()),
            ("NOT", "đất đai NOT xây dựng", f()), ("rare marked vs common folded", "Đinh", f()),
            ("rare word", "thuyên", f()), ("type filter", "ubnd", f(type="bien ban")),
            ("date filter", "quyet dinh", f(date_from="2015", date_to="2016")),
            ("commune filter", "ngân sách", f(commune="tan phu")),
            ("issuer filter", "tiếp công dân", f(issuer="xa yen thinh")),
            ("dossier filter", "kinh phí", f(dossier=dossier)), ("all filters", "hộ nghèo", f(
                type="bien ban", date_from="2000", date_to="2020", commune="long hung", retention="10 nam"))]


def measure(path: Path, rounds: int) -> dict:
    idx = SqliteIndex(path)
    mix = query_mix(idx)
    load = os.getloadavg()[0]
    cold, warm, per = [], [], {}
    for rnd in range(rounds + 1):
        for label, q, filters in mix:
            t = time.perf_counter()
            hits = idx.search(q, filters, limit=20)
            ms = (time.perf_counter() - t) * 1000
            (cold if rnd == 0 else warm).append(ms)
            per.setdefault(label, {"query": q, "filters": {k: v for k, v in vars(filters).items() if v},
                                   "hits": len(hits), "ms": []})["ms"].append(round(ms, 2))
    corpus, upserts = Corpus(), []  # what the pipeline pays per document: replace one in its transaction
    for i in range(0, 50, 5):
        rec = corpus.record(i)
        t = time.perf_counter()
        idx.upsert_document(rec)
        upserts.append((time.perf_counter() - t) * 1000)
    idx.close()

    def pct(xs: list[float], p: float) -> float:
        return round(statistics.quantiles(xs, n=100, method="inclusive")[p - 1], 1)

    return {"p50_ms": pct(warm, 50), "p95_ms": pct(warm, 95), "max_ms": round(max(warm), 1),
            "first_pass_p95_ms": pct(cold, 95), "upsert_ms": round(statistics.median(upserts), 1),
            "load": round(max(load, os.getloadavg()[0]), 1), "queries": per}


def markdown(results: list[dict], command: str) -> str:
    lines = [SECTION, "", f"Command: `{command}` (SQLite {sqlite3.sqlite_version}, Python {platform.python_version()}, "
             f"{os.cpu_count()} cores; {results[0]['workers']} worker processes prepare rows, one writes).", "",
             f"Synthetic commune records (see bench/index_bench.py), about 280 words per page. Latency: "
             f"`SqliteIndex.search` with ranking and snippets, limit 20, {len(results[0]['queries'])} queries, "
             "one warm-up pass (its p95 is 'first pass') then timed passes. Ranking is exact when a query "
             f"matches fewer than {WINDOW} pages; beyond that it ranks the newest {WINDOW} matches plus the newest "
             f"{WINDOW} matching on type/number/subject plus (typed with diacritics) the newest {WINDOW} exact "
             "matches — see archivist/index.py. The machine was shared with other work: the 1-minute load "
             f"average while searching was up to {', '.join(str(r.get('load', '?')) for r in results)} (per size) "
             "on 2 cores; the figures are wall-clock and include that contention.", "",
             "| pages | documents | build (insert + optimize) | pages/s | index size | bytes/page | pages table / fts "
             "/ mfts / xfts / other (MB) | search p50 | p95 | max | first pass p95 | upsert one document |",
             "|---|---|---|---|---|---|---|---|---|---|---|---|"]
    for r in results:
        s = {k: v / 2**20 for k, v in r["sizes"].items()}
        other = sum(v for k, v in s.items() if k not in ("text", "fts", "mfts", "xfts"))
        total = r["insert_s"] + r["optimize_s"]
        lines.append(f"| {r['pages']:,} | {r['documents']:,} | {total:.0f} s ({r['insert_s']:.0f} + "
                     f"{r['optimize_s']:.0f}) | {r['pages'] / total:,.0f} | {r['bytes'] / 2**30:.2f} GiB | "
                     f"{r['bytes'] / r['pages']:,.0f} | {s.get('text', 0):,.0f} / {s.get('fts', 0):,.0f} / "
                     f"{s.get('mfts', 0):,.0f} / {s.get('xfts', 0):,.0f} / {other:,.0f} | {r['p50_ms']} ms | "
                     f"{r['p95_ms']} ms | {r['max_ms']} ms | {r['first_pass_p95_ms']} ms | "
                     f"{r.get('upsert_ms', '–')} ms |")
    big = results[-1]
    lines += ["", f"Per query at {big['pages']:,} pages (median of the timed passes):", "",
              "| query | | filters | hits | median ms |", "|---|---|---|---|---|"]
    for label, q in big["queries"].items():
        filters = ", ".join(f"{k}={v}" for k, v in q["filters"].items())
        lines.append(f"| {label} | `{q['query']}` | {filters} | {q['hits']} | {statistics.median(q['ms'][1:]):.1f} |")
    return "\n".join(lines) + "\n"


def write_section(text: str, path: Path = ROOT / "bench" / "RESULTS.md") -> None:
    """Replace (or add) this benchmark's section of RESULTS.md, leaving the other sections alone."""
    old = path.read_text(encoding="utf-8") if path.exists() else ""
    if "\n## Index and search" in "\n" + old:
        head, rest = ("\n" + old).split("\n## Index and search", 1)
        head = head[1:] + ("\n" if head[1:] else "")
        nxt = rest.find("\n## ")
        new = head + text + ("\n" + rest[nxt + 1:] if nxt >= 0 else "")
    else:
        new = (old.rstrip("\n") + "\n\n" if old.strip() else "") + text
    path.write_text(new, encoding="utf-8")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--pages", type=int, nargs="+", default=[10_000, 100_000])
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--workers", type=int, default=max(1, (os.cpu_count() or 2)))
    ap.add_argument("--reuse", action="store_true", help="measure existing indexes in the work folder again")
    ap.add_argument("--write", action="store_true", help="update the 'Index and search' section of RESULTS.md "
                                                         "from every size measured in the work folder")
    args = ap.parse_args()
    WORKDIR.mkdir(parents=True, exist_ok=True)
    for n in args.pages:
        path = WORKDIR / f"index-{n}.sqlite"
        out = WORKDIR / f"result-{n}.json"
        if args.reuse and out.exists():
            res = json.loads(out.read_text())
        else:
            res = build(path, n, args.workers)
            res["workers"] = args.workers
            print(f"{n:>9,} pages: built in {res['insert_s']} + {res['optimize_s']} s, "
                  f"{res['bytes'] / 2**20:,.0f} MB", flush=True)
        res["requested"] = n  # the corpus of --pages n (documents of 1-4 pages overshoot it slightly)
        res.update(measure(path, args.rounds))
        out.write_text(json.dumps(res, ensure_ascii=False, indent=1))
        print(f"{n:>9,} pages: p50 {res['p50_ms']} ms, p95 {res['p95_ms']} ms, max {res['max_ms']} ms", flush=True)
    if args.write:
        results = sorted((json.loads(p.read_text()) for p in WORKDIR.glob("result-*.json")), key=lambda r: r["pages"])
        sizes = " ".join(str(r.get("requested", r["pages"])) for r in results)
        write_section(markdown(results, f".venv/bin/python bench/index_bench.py --pages {sizes} --write"))


if __name__ == "__main__":
    main()
