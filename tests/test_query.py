"""The query language: parsing, clean one-line errors, evaluation on token strings, snippets."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from archivist.query import (
    And,
    Collection,
    Not,
    Or,
    QueryError,
    Ranker,
    Term,
    all_terms,
    make_snippet,
    pad,
    parse,
    positive_terms,
)
from archivist.textnorm import exact_tokens, fold_tokens


def T(*words: str, prefix: bool = False) -> Term:  # noqa: N802 - reads like the AST it builds
    return Term(tuple(words), prefix)


@pytest.mark.parametrize("query, tree", [
    ("quyet dinh", And((T("quyet"), T("dinh")))),
    ("Quyết  Định", And((T("quyết"), T("định")))),
    ('"cải cách hành chính"', T("cải", "cách", "hành", "chính")),
    ("“cải cách”", T("cải", "cách")),
    ('"cải cách hành*"', T("cải", "cách", "hành", prefix=True)),
    ("khai*", T("khai", prefix=True)),
    ("45/QĐ-UBND", T("45", "qđ", "ubnd")),
    ("45/QD-UBND", T("45", "qd", "ubnd")),
    ("Số: 45/Q.Đ-UBND", And((T("số"), T("45", "qđ", "ubnd")))),
    ("a OR b c", Or((T("a"), And((T("b"), T("c")))))),
    ("(a OR b) AND c", And((Or((T("a"), T("b"))), T("c")))),
    ("ubnd NOT quyet", And((T("ubnd"), Not(T("quyet"))))),
    ("ubnd -khen", And((T("ubnd"), Not(T("khen"))))),
    ("Độc lập - Tự do", And((T("độc"), T("lập"), T("tự"), T("do")))),  # a lone dash is punctuation
    ("hoà", T("hòa")),  # tone placement normalised like the index
    ("and or not", And((T("and"), T("or"), T("not")))),  # operators are upper case only
])
def test_parse(query: str, tree: object) -> None:
    assert parse(query) == tree


@pytest.mark.parametrize("bad, says", [
    ('"cải cách', "quotation mark"), ("AND ubnd", "AND needs"), ("ubnd AND", "AND needs"), ("ubnd OR", "OR needs"),
    ("OR ubnd", "OR needs"), ("NOT", "NOT needs"), ("NOT ubnd", "NOT only excludes"), ("a OR NOT b", "NOT only"),
    ("(ubnd", "not closed"), ("ubnd)", "no opening"), ("()", "parenthesis holds nothing"), ("   ", "empty"),
    ("", "empty"), ("***", "nothing to search"), ("- / .", "nothing to search"), ("k*", "at least 2"),
    ('""', "phrase is empty"), ("(" * 20 + "a" + ")" * 20, "nests"), ("a " * 30, "more than"),
    ("x" * 1001, "too long"), ("a NOT NOT b", "NOT needs"),
])
def test_malformed_queries_get_one_line_errors(bad: str, says: str) -> None:
    with pytest.raises(QueryError) as e:
        parse(bad)
    assert says in str(e.value) and "\n" not in str(e.value)


QUERY_PARTS = st.sampled_from(['"', "(", ")", "*", "-", "AND", "OR", "NOT", "quyết", "định", "45/QĐ-UBND", "khai*",
                               " ", "  ", "“", "đ", "x", "\n", "\t", "\\", "'", ";", "%", "_"])


@settings(max_examples=400, deadline=None)
@given(st.text(max_size=80) | st.lists(QUERY_PARTS, max_size=25).map("".join) |
       st.lists(QUERY_PARTS, max_size=25).map(" ".join))
def test_parser_never_raises_anything_but_query_error(q: str) -> None:
    try:
        node = parse(q)
    except QueryError as e:
        assert str(e) and "\n" not in str(e)
        return
    assert positive_terms(node)
    for term in all_terms(node):
        assert term.words and all(w and " " not in w and '"' not in w for w in term.words)


def _coll(**df: int) -> Collection:
    return Collection(pages=100, avg_body=10.0, avg_meta=5.0, df=df)


def _field(text: str) -> tuple[str, str]:
    ex = exact_tokens(text)
    return pad(fold_tokens(ex)), pad(ex)


def test_ranker_matches_phrases_prefixes_and_not() -> None:
    body, exact = _field("Căn cứ Quyết định số 45/QĐ-UBND về cải cách hành chính")
    assert Ranker(parse('"cai cach hanh chinh"'), _coll()).score("", body) is not None
    assert Ranker(parse('"hanh cai cach"'), _coll()).score("", body) is None
    assert Ranker(parse("khai* OR cach"), _coll()).score("", body) is not None
    assert Ranker(parse("hanh*"), _coll()).score("", body) is not None
    assert Ranker(parse("quyet NOT 45/QD-UBND"), _coll()).score("", body) is None
    assert Ranker(parse("45/qd-ubnd"), _coll()).score("", body) is not None
    exact_n, _ = Ranker(parse("Quyết định"), _coll()).score("", body, "", exact)
    assert exact_n == 2  # two words typed with marks, both on the page as typed
    assert Ranker(parse("Quyet Đinh"), _coll()).score("", body, "", exact)[0] == 0


def test_ranker_weights_rare_words_and_the_meta_field() -> None:
    meta, _ = _field("Quyết định về cải cách")
    body, _ = _field("cải cách hành chính và quyết định")
    r = Ranker(parse("cai cach"), _coll(cai=2, cach=2))
    common = Ranker(parse("cai cach"), _coll(cai=90, cach=90))
    assert r.score("", body)[1] > common.score("", body)[1] > 0
    assert r.score(meta, body)[1] > 2 * r.score("", body)[1]


def test_snippet_highlights_the_words_as_written() -> None:
    text = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do\nQUYẾT ĐỊNH\n" + "một hai ba " * 20 + "Ông Đinh Văn An."
    body, exact = _field(text)
    snip, spans = make_snippet(text, positive_terms(parse("quyet dinh")), body, exact)
    assert [snip[a:b] for a, b in spans] == ["QUYẾT", "ĐỊNH"] and "\n" not in snip
    snip, spans = make_snippet(text, positive_terms(parse("Đinh")), body, exact)
    assert [snip[a:b] for a, b in spans] == ["Đinh"] and snip.startswith("… ") and snip.endswith("An.")
    snip, spans = make_snippet(text, positive_terms(parse("nothing")), body, exact)
    assert snip.startswith("CỘNG HÒA") and snip.endswith(" …") and not spans
    assert make_snippet("", positive_terms(parse("x"))) == ("", [])
