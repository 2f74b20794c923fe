"""The index on small archives of record files: matching, ranking, pages, filters, snippets, crash
recovery, reindex, the CLI. Every archive here is a few JSON records written in a temp folder."""

from __future__ import annotations

import json
import random
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from archivist import index as index_mod
from archivist.cli_search import open_cmd, reindex, search, show
from archivist.ftsquery import fts_all
from archivist.index import INDEX_FILE, Filters, SqliteIndex, document_rows
from archivist.indexing import index_archive, index_record_file, open_index
from archivist.query import QueryError, Ranker, parse

HEADER = "ỦY BAN NHÂN DÂN XÃ {c}\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
DOCS = {
    "doc-qd45": dict(type="Quyết định", number="45/QĐ-UBND", date="2019-03-12", commune="Tân Phú",
                     subject="Về việc phê duyệt kế hoạch cải cách hành chính năm 2019", pages=[
                         "Số: 45/QĐ-UBND\nQUYẾT ĐỊNH\nVề việc phê duyệt kế hoạch cải cách hành chính năm 2019",
                         "Điều 2. Quyết định này có hiệu lực kể từ ngày ký.",
                         "Điều 3. Ông Đinh Văn Hòa, công chức Văn phòng, chịu trách nhiệm thi hành./."]),
    "doc-qd46-ocr": dict(type="Quyết định", number="46/QĐ-UBND", date="2019-05-02", commune="Tân Phú",
                         subject=None, pages=["So: 46/QD-UBND\nQUYET DINH\nVe viec thanh lap to cong tac cai cach"]),
    "doc-bc12": dict(type="Báo cáo", number="12/BC-UBND", date="2020-06-30", commune="Bình Minh",
                     subject="Kết quả đăng ký khai sinh năm 2020", pages=[
                         "Số: 12/BC-UBND\nBÁO CÁO\nKết quả đăng ký khai sinh, khai tử. Căn cứ Quyết định số "
                         "45/QĐ-UBND; cải cách thủ tục, hành chính công."]),
    "doc-ks92": dict(type="Giấy khai sinh", number="92/KS", date="2018-01-20", commune="Bình Minh",
                     subject=None, retention="Vĩnh viễn", pages=["GIẤY KHAI SINH\nHọ và tên: Nguyễn Thị Lan"]),
    "doc-tb7": dict(type="Thông báo", number="7/TB-UBND", date=None, commune=None, subject=None,
                    dossier="hs-01", pages=["THÔNG BÁO Số: 7/Q.Đ-UBND ngày 2O19. Ông Định Công Hoà, thôn Đông."]),
    "doc-cv-ocr": dict(type=None, number=None, date="2017-07-07", commune=None, subject=None,
                       pages=["Can cu quyet dinh so 45/QD-UBND cua UBND huyen."]),
    "doc-empty": dict(type=None, number=None, date=None, commune=None, subject=None, pages=[""]),
}


def make_record(doc_id: str, d: dict) -> dict:
    issuer = f"ỦY BAN NHÂN DÂN XÃ {d['commune'].upper()}" if d.get("commune") else None
    pages = [{"number": i + 1, "text": (HEADER.format(c=d["commune"].upper()) if i == 0 and d["commune"] else "") + t,
              "source": {"path": f"/scans/{doc_id}/{i + 1}.jpg", "index": 0}} for i, t in enumerate(d["pages"])]
    return {"record_version": 1, "id": doc_id, "label": f"scans/{doc_id}", "source": {"paths": [f"/scans/{doc_id}"]},
            "output": {"pdf": f"documents/{doc_id}.pdf", "sha256": "0", "bytes": 1, "pdfa": "2b"},
            "page_count": len(pages), "pages": pages, "dossier": {"id": d["dossier"]} if d.get("dossier") else None,
            "metadata": {"type": d["type"], "number_symbol": d["number"], "date": d["date"], "issuer": issuer,
                         "subject": d["subject"], "place": f"Xã {d['commune']}" if d.get("commune") else None,
                         "retention": d.get("retention")}, "created": "2026-11-23T05:00:00Z"}


def write_record(archive: Path, rec: dict) -> Path:
    path = archive / "documents" / f"{rec['id']}.json"
    path.write_text(json.dumps(rec, ensure_ascii=False), encoding="utf-8")
    (archive / rec["output"]["pdf"]).write_bytes(b"%PDF-1.7\n")
    return path


@pytest.fixture
def archive(tmp_path: Path) -> Path:
    a = tmp_path / "archive"
    (a / "documents").mkdir(parents=True)
    for doc_id, d in DOCS.items():
        write_record(a, make_record(doc_id, d))
    index_archive(a)  # a new index is built from the records on open
    with open_index(a) as idx:
        assert idx.document_ids() == sorted(DOCS)
    return a


def find(archive: Path, q: str, **filters: str) -> list:
    with open_index(archive) as idx:
        return idx.search(q, Filters(**filters), limit=100)


def pages(hits: list) -> list[tuple[str, int]]:
    return [(h.doc_id, h.page) for h in hits]


def test_with_or_without_diacritics_and_exact_first(archive: Path) -> None:
    plain, marked, upper = (find(archive, q) for q in ("quyet dinh", "Quyết định", "QUYẾT ĐỊNH"))
    assert {h.doc_id for h in plain} == {h.doc_id for h in marked} == {"doc-qd45", "doc-qd46-ocr", "doc-bc12",
                                                                       "doc-cv-ocr"}
    assert pages(marked) == pages(upper)
    assert pages(marked)[-1] == ("doc-cv-ocr", 1) and all(h.exact for h in marked[:-1])  # OCR lost its marks
    assert not any(h.exact for h in plain)
    assert set(pages(plain)[:2]) == {("doc-qd45", 1), ("doc-qd46-ocr", 1)}  # the type weighs most
    assert [h.doc_id for h in find(archive, "Đinh")][:1] == ["doc-qd45"]  # Đinh before định
    assert {h.doc_id for h in find(archive, "hoà")} == {h.doc_id for h in find(archive, "HÒA")}


def test_phrase_prefix_boolean_and_page_hits(archive: Path) -> None:
    assert pages(find(archive, '"cải cách hành chính"')) == [("doc-qd45", 1)]  # bc12 has the words apart
    assert pages(find(archive, '"cai cach"'))[:1] == [("doc-qd45", 1)]
    assert {h.doc_id for h in find(archive, "khai*")} == {"doc-bc12", "doc-ks92"}
    assert pages(find(archive, '"chịu trách nhiệm"')) == [("doc-qd45", 3)]
    assert {h.doc_id for h in find(archive, 'khai sinh NOT "khai tử"')} == {"doc-ks92"}
    assert find(archive, "khai sinh NOT khai tử") == []  # NOT takes one word: khai
    assert {h.doc_id for h in find(archive, "lan OR hoa")} == {"doc-ks92", "doc-qd45", "doc-bc12", "doc-qd46-ocr",
                                                               "doc-tb7"}  # CỘNG HÒA is on every first page
    assert find(archive, "khong co tu nay") == []


@pytest.mark.parametrize("q", ["45/QĐ-UBND", "45/QD-UBND", "45/qd-ubnd", "45/Q.Đ-UBND", "số 45/QĐ-UBND"])
def test_number_and_symbol_as_typed(archive: Path, q: str) -> None:
    hits = find(archive, q)
    assert pages(hits)[0] == ("doc-qd45", 1) and {h.doc_id for h in hits} == {"doc-qd45", "doc-bc12", "doc-cv-ocr"}
    assert [hits[0].snippet[a:b] for a, b in hits[0].highlights][-3:] == ["45", "QĐ", "UBND"]


def test_ocr_variants_of_a_symbol_are_found(archive: Path) -> None:
    assert pages(find(archive, "7/QĐ-UBND")) == [("doc-tb7", 1)]  # written 7/Q.Đ-UBND by the OCR
    assert pages(find(archive, "2019 dong")) == [("doc-tb7", 1)]  # 2O19 read as 2019


def test_hit_fields_and_snippet(archive: Path) -> None:
    (hit,) = find(archive, '"chịu trách nhiệm"')
    assert (hit.type, hit.number, hit.date, hit.commune) == ("Quyết định", "45/QĐ-UBND", "2019-03-12", "Xã Tân Phú")
    assert hit.subject.startswith("Về việc") and hit.pdf == "documents/doc-qd45.pdf"
    assert hit.source == "/scans/doc-qd45/3.jpg" and hit.score > 0
    assert [hit.snippet[a:b] for a, b in hit.highlights] == ["chịu", "trách", "nhiệm"]
    (qd,) = [h for h in find(archive, "quyet dinh") if h.page == 1 and h.doc_id == "doc-qd45"]
    assert [qd.snippet[a:b] for a, b in qd.highlights] == ["QUYẾT", "ĐỊNH"]


def test_filters(archive: Path) -> None:
    assert {h.doc_id for h in find(archive, "ubnd", type="quyet dinh")} == {"doc-qd45", "doc-qd46-ocr"}
    assert {h.doc_id for h in find(archive, "ubnd", type="QUYẾT ĐỊNH")} == {"doc-qd45", "doc-qd46-ocr"}
    assert {h.doc_id for h in find(archive, "viet nam", date_from="2019-04", date_to="2020")} == {"doc-qd46-ocr",
                                                                                                 "doc-bc12"}
    assert {h.doc_id for h in find(archive, "viet nam", date_to="2019-03-12")} == {"doc-qd45", "doc-ks92"}
    assert {h.doc_id for h in find(archive, "viet nam", issuer="tan phu")} == {"doc-qd45", "doc-qd46-ocr"}
    assert {h.doc_id for h in find(archive, "viet nam", issuer="PHÚ TÂN")} == {"doc-qd45", "doc-qd46-ocr"}  # words
    assert not find(archive, "viet nam", issuer="tan binh")
    for commune in ("binh minh", "Xã Bình Minh", "BÌNH MINH"):
        assert {h.doc_id for h in find(archive, "viet nam", commune=commune)} == {"doc-bc12", "doc-ks92"}
    assert {h.doc_id for h in find(archive, "lan", retention="vinh vien")} == {"doc-ks92"}
    assert pages(find(archive, "hoa", dossier="hs-01")) == [("doc-tb7", 1)]
    assert not find(archive, "hoa", dossier="hs-99")
    with pytest.raises(ValueError, match="not a date"):
        find(archive, "hoa", date_from="12/03/2019")


def test_user_text_is_never_sql(archive: Path) -> None:
    for q in ["x'); DROP TABLE documents; --", "x'; DROP TABLE documents; --", 'a" OR "1"="1', "NEAR(a b)",
              "body:abc", "^abc", "a + b", "%_", "ubnd*)"]:
        try:
            find(archive, q)
        except QueryError:
            pass
    find(archive, "hoa", type="'; DROP TABLE pages; --", issuer="%", commune="' OR 1=1 --", dossier="x' OR '1'='1")
    assert len(find(archive, "viet nam")) == 4


def test_upsert_is_idempotent_and_replaces(archive: Path) -> None:
    rec = make_record("doc-qd45", DOCS["doc-qd45"])
    with open_index(archive) as idx:
        before = (idx.page_row_count(), idx.collection(["ubnd", "dieu"]), pages(idx.search("ubnd")))
        idx.upsert_document(rec)
        idx.upsert_document(rec)
        assert (idx.page_row_count(), idx.collection(["ubnd", "dieu"]), pages(idx.search("ubnd"))) == before
        rec["pages"] = rec["pages"][:1]
        rec["metadata"]["date"] = "2021-01-01"  # a new date moves the document's keys
        idx.upsert_document(rec)
        assert idx.page_row_count() == before[0] - 2 and not idx.search('"chịu trách nhiệm"')
        assert [h.date for h in idx.search("45/QĐ-UBND")][:1] == ["2021-01-01"]
        idx.delete_document("doc-qd45")
        idx.delete_document("doc-qd45")
        assert "doc-qd45" not in idx.document_ids() and idx.page_row_count() == before[0] - 3
        assert idx.db.execute("SELECT count(*) FROM terms WHERE df <= 0").fetchone()[0] == 0
        idx.db.execute("INSERT INTO fts(fts) VALUES ('integrity-check')")


def test_a_failed_write_changes_nothing(archive: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    with open_index(archive) as idx:
        before = pages(idx.search("quyet dinh"))

        real = SqliteIndex._fts

        def boom(self: SqliteIndex, rows: list, sign: int, *counts: object) -> None:
            if sign > 0:  # the old rows are already deleted, the new ones half written
                raise OSError("disk full")
            real(self, rows, sign, *counts)

        monkeypatch.setattr(SqliteIndex, "_fts", boom)
        with pytest.raises(OSError):
            idx.upsert_document(make_record("doc-qd45", DOCS["doc-qd45"]))  # deletes, then fails
    with open_index(archive) as idx:
        assert pages(idx.search("quyet dinh")) == before


def test_reconcile_after_a_crash(archive: Path) -> None:
    docs = archive / "documents"
    assert index_archive(archive) == 0  # nothing changed: only file stats were read
    (docs / "doc-bc12.json").unlink()
    write_record(archive, make_record("doc-new", DOCS["doc-ks92"] | {"pages": ["Biên bản họp thôn"]}))
    (docs / "notes.json").write_text("{}")  # not a record: ignored
    assert index_archive(archive) == 2
    with open_index(archive) as idx:
        assert "doc-bc12" not in idx.document_ids() and "doc-new" in idx.document_ids()
    rec = json.loads((docs / "doc-new.json").read_text())
    rec["pages"][0]["text"] = "Biên bản nghiệm thu"
    (docs / "doc-new.json").write_text(json.dumps(rec, ensure_ascii=False))
    index_record_file(archive, docs / "doc-new.json")
    assert index_archive(archive) == 0 and pages(find(archive, "nghiem thu")) == [("doc-new", 1)]


QUERIES = ["quyet dinh", "Quyết định", '"cộng hòa"', "khai*", "ubnd NOT quyet", "bao cao OR thong bao", "45/QD-UBND",
           "hoa", "Đinh"]


def _snapshot(archive: Path) -> dict:
    with open_index(archive) as idx:
        return {q: [(h.doc_id, h.page, h.score, h.snippet) for h in idx.search(q)] for q in QUERIES}


def test_reindex_gives_identical_results(archive: Path, tmp_path: Path) -> None:
    before = _snapshot(archive)
    for f in archive.glob(INDEX_FILE + "*"):
        f.unlink()
    assert CliRunner().invoke(reindex, ["--archive", str(archive)]).exit_code == 0
    assert _snapshot(archive) == before
    other = tmp_path / "reversed"  # documents indexed one by one in another order
    (other / "documents").mkdir(parents=True)
    for p in sorted((archive / "documents").glob("*.json"), reverse=True):
        write_record(other, json.loads(p.read_text()))
        index_record_file(other, other / "documents" / p.name)
    assert _snapshot(other) == before


def test_an_index_of_another_version_or_deleted_is_rebuilt(archive: Path) -> None:
    before = _snapshot(archive)
    for f in archive.glob(INDEX_FILE + "*"):
        f.unlink()
    assert _snapshot(archive) == before
    db = sqlite3.connect(archive / INDEX_FILE)
    db.execute("PRAGMA user_version = 1")
    db.execute("CREATE TABLE stale (x)")
    db.commit()
    db.close()
    assert _snapshot(archive) == before


def test_broad_queries_keep_exact_and_field_matches_first(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Beyond the window, the newest matches are ranked with the best-placed older ones: an old
    document typed exactly or matching in its type still comes first."""
    idx = SqliteIndex(tmp_path / INDEX_FILE)
    recs = [make_record(f"doc-{y}", dict(type="Biên bản", number=f"{y}/BB", date=f"{y}-01-01", commune="An Hòa",
                                         subject=None, pages=["Ong Dinh Van Hoa dinh cu tai thon."])) for y in
            range(2000, 2030)]
    recs[0]["pages"][0]["text"] = recs[0]["pages"][0]["text"].replace("Ong Dinh Van Hoa dinh cu tai thon",
                                                                      "Ông Đinh Văn Hòa định cư tại thôn")
    # the oldest is the only exact one
    recs[1]["metadata"]["type"] = "Quyết định"  # and the second oldest the only decision
    idx.write([document_rows(r) for r in recs])
    monkeypatch.setattr(index_mod, "WINDOW", 5)
    assert idx.search("Đinh")[0].doc_id == "doc-2000"
    assert idx.search("dinh")[0].doc_id == "doc-2001"
    assert len(idx.search("hoa", limit=40)) == 30  # paging past the window widens it
    monkeypatch.setattr(index_mod, "WINDOW", 100)
    assert [h.doc_id for h in idx.search("thon", limit=3)] == ["doc-2029", "doc-2028", "doc-2027"]  # ties: newest


def test_descending_scans_over_large_keys_lose_nothing(tmp_path: Path) -> None:
    """SQLite 3.40's FTS5 drops rows from descending phrase scans when rowids pass 2**56: keys stay below."""
    r = random.Random(3)
    idx = SqliteIndex(tmp_path / INDEX_FILE)
    words = "quyet dinh so qd ubnd hoa binh".split()
    recs = [make_record(f"doc-{i}", dict(type=None, number=None, date=f"{r.randint(1950, 2070)}-01-0{r.randint(1, 9)}",
                                         commune=None, subject=None, pages=[" ".join(r.choices(words, k=30))] * 3))
            for i in range(300)]
    idx.write([document_rows(x) for x in recs])
    idx.optimize()
    assert idx.db.execute("SELECT max(key) FROM pages").fetchone()[0] < 2**56
    for q in ('"quyet dinh"', '"so qd ubnd"', "hoa*", "quyet NOT binh"):
        node = parse(q)
        rows = idx.db.execute("SELECT key, meta, body FROM pages ORDER BY key DESC").fetchall()
        truth = [k for k, m, b in rows if Ranker(node, idx.collection([])).score(m, b)]
        assert idx.retrieve("all", node, Filters(), 10**6) == truth


WORDS = ["quyết", "định", "dinh", "hòa", "hoa", "ubnd", "45", "khai", "sinh"]


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.sampled_from(WORDS + ['"quyết định"', "khai*", "quye*", '"quyet di*"', "OR", "NOT", "45/QĐ-UBND",
                                         "(", ")"]),
                min_size=1, max_size=6).map(" ".join))
def test_index_and_ranker_agree_on_what_matches(archive: Path, q: str) -> None:
    """The FTS5 expression and the Python evaluator are two readings of one query: same pages."""
    try:
        node = parse(q)
    except QueryError:
        return
    with open_index(archive) as idx:
        rows = idx.db.execute("SELECT key, meta, body FROM pages").fetchall()
        truth = {k for k, m, b in rows if Ranker(node, idx.collection([])).score(m, b)}
        assert set(idx.retrieve("all", node, Filters(), 1000)) == truth, fts_all(node)


def test_long_prefixes_expand_to_the_same_pages_as_fts5(archive: Path) -> None:
    """A prefix longer than the prefix index is sent as its words ORed (fast); FTS5's own reading agrees."""
    with open_index(archive) as idx:
        for q in ("khai*", "quye*", '"quyet di*"', "zzzz*"):
            node = parse(q)
            own = {r[0] for r in idx.db.execute("SELECT rowid FROM fts WHERE fts MATCH ?", (fts_all(node),))}
            assert set(idx.retrieve("all", node, Filters(), 10**6)) == own, q
        assert idx._expand("quye") and idx._expand("qu") is None and idx._expand("zzzz") is None


@pytest.mark.slow
def test_the_postgresql_backend_finds_the_same_pages(archive: Path, tmp_path: Path) -> None:
    """archivist.index_pg ranks in PostgreSQL but reads rows, tokens and filters from this module."""
    from tests.pgserver import pg_bin, postgres_server

    if pg_bin() is None:
        pytest.skip("PostgreSQL is not installed")
    filters = [Filters(), Filters(type="quyet dinh"), Filters(issuer="tan phu"), Filters(date_to="2019-12"),
               Filters(retention="vinh vien"), Filters(dossier="HS-01"), Filters(commune="Xã Bình Minh")]
    with postgres_server(tmp_path / "pg") as url, open_index(archive, url) as pg:
        assert pg.rebuild() == len(DOCS)
        for q in [*QUERIES, "7/QĐ-UBND", 'khai sinh NOT "khai tử"']:
            for f in filters:
                assert {(h.doc_id, h.page) for h in pg.search(q, f, limit=100)} == set(pages(find(archive, q, **{
                    k: v for k, v in vars(f).items() if v}))), (q, f)
        assert [pg.search("quyet dinh")[0].snippet[a:b] for a, b in pg.search("quyet dinh")[0].highlights]


def test_cli(archive: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    run = CliRunner().invoke
    res = run(search, ["quyet dinh", "--archive", str(archive)])
    assert res.exit_code == 0 and res.output.splitlines()[0].split("\t")[:2] == ["doc-qd46-ocr", "1"]
    assert str((archive / "documents" / "doc-qd46-ocr.pdf").resolve()) in res.output
    res = run(search, ["45/QD-UBND", "--archive", str(archive), "--json", "--limit", "1", "--offset", "1"])
    (hit,) = json.loads(res.output)
    assert hit["doc_id"] == "doc-cv-ocr" and hit["page"] == 1 and hit["highlights"] and Path(hit["pdf"]).is_absolute()
    res = run(search, ["khong co", "--archive", str(archive), "--type", "bien ban"])
    assert res.exit_code == 0 and res.output.startswith("No documents match 'khong co'")
    for bad in (['"cải cách'], ["NOT"], ["ubnd", "--from", "hôm qua"], ["x", "--archive", "/nonexistent"]):
        res = run(search, [*bad, "--archive", str(archive)] if "--archive" not in bad else bad)
        assert res.exit_code == 2 and "Traceback" not in res.output
    for bad in (['"cải cách'], ["NOT"], ["(ubnd"], ["ubnd", "--from", "hôm qua"]):
        res = run(search, [*bad, "--archive", str(archive)])
        assert res.exit_code == 2 and len(res.output.strip().splitlines()) == 1 and res.output.startswith("error: ")
    assert "cannot read the query" in run(search, ["(ubnd", "--archive", str(archive)]).output
    monkeypatch.setattr("sys.stdout.isatty", lambda: True, raising=False)
    assert "doc-qd45" in run(search, ["quyet dinh", "--archive", str(archive)]).output
    shown = json.loads(run(show, ["doc-ks92", "--archive", str(archive)]).output)
    assert shown["id"] == "doc-ks92" and "text" not in shown["pages"][0]
    res = run(open_cmd, ["doc-qd45", "--page", "3", "--archive", str(archive)])
    assert res.output.strip() == f"{(archive / 'documents' / 'doc-qd45.pdf').resolve()}\t3"
    assert run(open_cmd, ["doc-qd45", "--page", "4", "--archive", str(archive)]).exit_code == 2
    assert run(show, ["doc-nope", "--archive", str(archive)]).exit_code == 2
