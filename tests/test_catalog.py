"""The bundled catalog and the loader's errors."""

from __future__ import annotations

import datetime as dt
import textwrap

import pytest

from directives import Catalog, CatalogError, format_citation

D = dt.date

LOOKUPS = [
    # (kind, number, filters, expected first id)
    ("NQ", 25, {}, "25-NQ/TW@XI"),
    ("NQ", 25, {"year": 2008}, "25-NQ/TW@X"),
    ("NQ", 25, {"year": 2003}, "25-NQ/TW@IX"),
    ("NQ", 25, {"term": "XI"}, "25-NQ/TW@XI"),
    ("NQ", 25, {"term": "khóa 10"}, "25-NQ/TW@X"),
    ("NQ", 25, {"date": D(2003, 3, 12)}, "25-NQ/TW@IX"),
    ("NQ", 25, {"date": D(2013, 6, 13)}, "25-NQ/TW@XI"),   # a typo'd day still finds it
    ("NQ", 24, {"year": 2003}, "24-NQ/TW@IX"),
    ("NQ", 24, {"year": 2013}, "24-NQ/TW@XI"),
    ("NQ", 11, {"term": "X"}, "11-NQ/TW@X"),
    ("NQ", 20, {"year": 2008}, "20-NQ/TW@X"),
    ("KL", 43, {"year": 2019}, "43-KL/TW@XII"),
    ("KL", 55, {"year": 2013}, "55-KL/TW@XI"),
    ("KL", 65, {"year": 2019}, "65-KL/TW@XII"),
    ("CT", 5, {"year": 2016}, "05-CT/TW@XII"),
    ("CT", 18, {"year": 2018}, "18-CT/TW@XII"),
    ("CT", 19, {"year": 2018}, "19-CT/TW@XII"),
    ("CT", 23, {"year": 2013}, "23-CT/TW@XI"),
    ("QĐ", 290, {}, "290-QĐ/TW@X"),
    ("QD", 23, {"year": 2021}, "23-QĐ/TW@XIII"),
    ("QĐ", 217, {}, "217-QĐ/TW@XI"),
    ("QĐ", 218, {}, "218-QĐ/TW@XI"),
    ("Quy định", 205, {}, "205-QĐ/TW@XII"),
]


@pytest.mark.parametrize("kind,number,filters,expected", LOOKUPS)
def test_find_first(catalog, kind, number, filters, expected):
    got = catalog.find(kind, number, **filters)
    assert got, f"nothing for {kind} {number} {filters}"
    assert got[0].directive.id == expected


def test_three_different_25_nq_tw(catalog):
    ids = [c.directive.id for c in catalog.find("NQ", 25)]
    assert {"25-NQ/TW@IX", "25-NQ/TW@X", "25-NQ/TW@XI"} <= set(ids)
    dates = {catalog.get(i).date for i in ("25-NQ/TW@IX", "25-NQ/TW@X", "25-NQ/TW@XI")}
    assert dates == {D(2003, 3, 12), D(2008, 7, 25), D(2013, 6, 3)}


SEED_FACTS = [
    ("25-NQ/TW@XI", D(2013, 6, 3), "BCHTW"),
    ("25-NQ/TW@X", D(2008, 7, 25), "BCHTW"),
    ("25-NQ/TW@IX", D(2003, 3, 12), "BCHTW"),
    ("24-NQ/TW@IX", D(2003, 3, 12), "BCHTW"),
    ("43-KL/TW@XII", D(2019, 1, 7), "BBT"),
    ("65-KL/TW@XII", D(2019, 10, 30), "BCT"),
    ("55-KL/TW@XI", D(2013, 1, 18), "BBT"),
    ("18-CT/TW@XII", D(2018, 1, 10), "BCT"),
    ("19-CT/TW@XII", D(2018, 1, 10), "BBT"),
    ("23-CT/TW@XI", D(2013, 1, 5), "BBT"),
    ("290-QĐ/TW@X", D(2010, 2, 25), "BCT"),
    ("23-QĐ/TW@XIII", D(2021, 7, 30), "BCT"),
    ("217-QĐ/TW@XI", D(2013, 12, 12), "BCT"),
    ("218-QĐ/TW@XI", D(2013, 12, 12), "BCT"),
    ("20-NQ/TW@X", D(2008, 1, 28), "BCHTW"),
]


@pytest.mark.parametrize("id_,date,body", SEED_FACTS)
def test_seed_documents_have_their_facts(catalog, id_, date, body):
    d = catalog.get(id_)
    assert (d.date, d.body) == (date, body)
    assert d.sources


RELATIONS = [
    ("43-KL/TW@XII", "continues", "25-NQ/TW@XI"),
    ("65-KL/TW@XII", "continues", "24-NQ/TW@IX"),
    ("18-CT/TW@XII", "continues", "25-NQ/TW@IX"),
    ("55-KL/TW@XI", "continues", "11-NQ/TW@X"),
    ("23-QĐ/TW@XIII", "replaces", "290-QĐ/TW@X"),
    ("67-KH/TU@thanh-pho-tra-vinh:2020-2025", "implements", "21-CT/TU@tra-vinh:2020-2025"),
]


@pytest.mark.parametrize("src,rtype,target", RELATIONS)
def test_relations(catalog, src, rtype, target):
    assert (rtype, target) in [(r.type, r.target) for r in catalog.get(src).relations]
    assert src in [s.id for s, _ in catalog.incoming(target)]


def test_get_is_loose_about_diacritics_and_case(catalog):
    assert catalog.get("23-qd/tw@xiii").id == "23-QĐ/TW@XIII"
    with pytest.raises(KeyError):
        catalog.get("999-NQ/TW@XI")


def test_search_ignores_diacritics(catalog):
    ids = [c.id for c in catalog.search("cong tac dan van trong tinh hinh moi")]
    assert "25-NQ/TW@XI" in ids[:5]


def test_format_citation(catalog):
    assert format_citation(catalog.get("43-KL/TW@XII"), with_title=False) == \
        "Kết luận số 43-KL/TW, ngày 07/01/2019 của Ban Bí thư (khóa XII)"


def test_every_entry_has_a_source_and_verified_ones_two_or_a_party_site(catalog):
    from directives.catalog import PARTY_SITES as party
    for d in catalog:
        assert d.sources, d.id
        if d.verification.value == "verified":
            ok = len({s.url for s in d.sources}) >= 2 or any(p in s.url for s in d.sources for p in party)
            assert ok, f"{d.id} is marked verified with one non-Party source"


def test_bundled_catalog_validates():
    cat, problems = Catalog.check_path(__import__("directives.paths").paths.catalog_dir())
    errors = [str(p) for p in problems if p.severity == "error"]
    assert errors == []
    assert len(cat) >= 150


# -- validation errors -------------------------------------------------------------------------

GOOD = """\
- kind: NQ
  number: "25"
  issuer: TW
  body: BCHTW
  date: 2013-06-03
  term: XI
  sources:
    - url: https://example.org/a
"""


def _write(tmp_path, text, name="central-XI.yaml"):
    p = tmp_path / name
    p.write_text(textwrap.dedent(text), encoding="utf-8")
    return p


BAD = [
    # (yaml text, substrings every one of which the message must contain)
    ("- kind: NQ\n  number: [25\n", ["invalid YAML", ":3"]),
    (GOOD.replace("kind: NQ", "kind: XX"), ["25-XX/TW@XI", "kind", "unknown kind 'XX'", ":1"]),
    (GOOD.replace('number: "25"', "number: 25a"), ["number", "digits", ":2"]),
    (GOOD.replace("date: 2013-06-03", "date: 2013-13-40"), ["date", ":5"]),
    (GOOD.replace("date: 2013-06-03", "date: 2019-06-03"), ["date 2019-06-03 is outside term XI", "XII"]),
    (GOOD.replace("    - url: https://example.org/a\n", ""), ["sources"]),
    (GOOD + "  colour: red\n", ["colour", "unknown field", ":9"]),
    (GOOD + "  relations:\n    - type: continues\n      target: 99-NQ/TW@XI\n",
     ["relation continues to unknown id '99-NQ/TW@XI'"]),
    (GOOD + "  relations:\n    - type: likes\n      target: 25-NQ/TW@XI\n", ["unknown relation type 'likes'"]),
    (GOOD + GOOD, ["duplicate key", "25-NQ/TW@XI"]),
    ("kind: NQ\n", ["expected a list of entries"]),
    ("- just a string\n", ["expected a mapping"]),
    (GOOD.replace("body: BCHTW", "body: BCHTW\n  body: BCT"), ["duplicate key 'body'", ":5"]),
    (GOOD.replace("issuer: TW", "issuer: TU"), ["locality"]),
    # A former id must not be a live one, and relations name the live id.
    (GOOD + GOOD.replace('number: "25"', 'number: "26"').replace("term: XI", "term: XI\n  former_ids: [25-NQ/TW@XI]"),
     ["26-NQ/TW@XI", "former_ids", "'25-NQ/TW@XI' is the id of another entry"]),
    (GOOD.replace("term: XI", "term: XI\n  former_ids: [24-NQ/TW@XI]")
     + GOOD.replace('number: "25"', 'number: "26"') + "  relations:\n    - type: continues\n      target: 24-NQ/TW@XI\n",
     ["relation continues to unknown id '24-NQ/TW@XI' (it is now '25-NQ/TW@XI': write that)"]),
]


@pytest.mark.parametrize("text,needles", BAD)
def test_bad_catalog_files_name_file_line_entry_field(tmp_path, text, needles):
    p = _write(tmp_path, text)
    with pytest.raises(CatalogError) as exc:
        Catalog.from_path(tmp_path)
    msg = str(exc.value)
    assert str(p) in msg
    for n in needles:
        assert n in msg, msg


def test_several_errors_are_reported_together(tmp_path):
    _write(tmp_path, GOOD.replace("kind: NQ", "kind: XX"), "a.yaml")
    _write(tmp_path, GOOD.replace("date: 2013-06-03", "date: 2019-06-03"), "b.yaml")
    with pytest.raises(CatalogError) as exc:
        Catalog.from_path(tmp_path)
    assert len(exc.value.problems) == 2


def _entry(kind, number):
    return GOOD.replace("kind: NQ", f"kind: {kind}").replace('number: "25"', f'number: "{number}"')


ORDER = [
    # (entries in file order, the warnings expected: (entry, field))
    ([("NQ", 25), ("NQ", 26), ("CT", 3), ("KL", 1)], []),
    ([("NQ", 26), ("NQ", 25)], [("25-NQ/TW@XI", "number")]),
    ([("NQ", 9), ("NQ", 10)], []),  # numbers compare as numbers, not strings
    ([("NQ", 25), ("CT", 3), ("NQ", 26)], [("26-NQ/TW@XI", "kind")]),
]


@pytest.mark.parametrize("entries, expected", ORDER)
def test_file_order_warnings(tmp_path, entries, expected):
    _write(tmp_path, "".join(_entry(k, n) for k, n in entries))
    cat, problems = Catalog.check_path(tmp_path)
    got = [(p.entry, p.field) for p in problems if p.field in ("kind", "number")]
    assert got == expected
    assert all(p.severity == "warning" for p in problems)


def test_bundled_catalog_files_are_in_order():
    cat, problems = Catalog.check_path(__import__("directives.paths").paths.catalog_dir())
    assert [str(p) for p in problems if p.field in ("kind", "number")] == []


def test_good_file_loads(tmp_path):
    _write(tmp_path, GOOD)
    cat = Catalog.from_path(tmp_path)
    assert [d.id for d in cat] == ["25-NQ/TW@XI"]


def test_congress_day_document_takes_the_new_term(tmp_path):
    _write(tmp_path, GOOD.replace("date: 2013-06-03", "date: 2016-01-27").replace("  term: XI\n", ""))
    (d,) = list(Catalog.from_path(tmp_path))
    assert d.term == "XII" and d.id == "25-NQ/TW@XII"


def test_committed_json_schema_matches_the_model():
    import json
    from pathlib import Path

    from directives.models import Directive

    committed = json.loads((Path(__file__).resolve().parents[1] / "data" / "schema.json").read_text(encoding="utf-8"))
    assert committed == json.loads(json.dumps(Directive.model_json_schema())), \
        "data/schema.json is stale: regenerate it from Directive.model_json_schema()"


def test_a_re_keyed_entry_is_still_found_by_its_former_id(catalog):
    """05-QĐ/TW@XIV became 05-QĐNS/TW@XIV when QĐNS (personnel decisions, numbered apart) became
    a kind; ids never change once published, so the old one still leads to it."""
    assert catalog.get("05-QĐ/TW@XIV").id == "05-QĐNS/TW@XIV"
    assert catalog.get("05-qd/tw@xiv").id == "05-QĐNS/TW@XIV"
    assert "05-QĐ/TW@XIV" in catalog
