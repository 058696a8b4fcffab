"""The command line: exit codes, output shapes (JSON contracts other tools read)."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from cli import main

RECORD_KEYS = {"id", "kind", "number", "issuer_code", "body", "date", "term", "title", "sources",
               "relations"}
CITATION_KEYS = {"start", "end", "text", "form", "kind", "number", "issuer_code", "date", "body",
                 "term", "plenum", "title", "locality", "resolved", "confidence", "alternatives",
                 "issues"}


def run(*args, input=None):
    return CliRunner().invoke(main, list(args), input=input, catch_exceptions=False)


LOOKUP = [
    # (query, extra args, exit code, first id)
    ("25-NQ/TW", [], 0, "25-NQ/TW@XI"),
    ("NQ 25", ["--year", "2008"], 0, "25-NQ/TW@X"),
    ("nghi quyet 25", ["--term", "IX"], 0, "25-NQ/TW@IX"),
    ("Nghị quyết số 25-NQ/TW", ["--year", "2013"], 0, "25-NQ/TW@XI"),
    ("KL43", [], 0, "43-KL/TW@XII"),
    ("43/KL-TW", [], 0, "43-KL/TW@XII"),
    ("Kết luận 43", ["--body", "Ban Bí thư"], 0, "43-KL/TW@XII"),
    ("25-NQ/TW@X", [], 0, "25-NQ/TW@X"),
    ("Quy định 205", [], 0, "205-QĐ/TW@XII"),
    ("Nghị quyết Trung ương 7 khóa XI", [], 0, None),
    # A name people use, without a number.
    ("nghi quyet tam nong", [], 0, "26-NQ/TW@X"),
    ("Quy định nêu gương", [], 0, "08-QĐi/TW@XII"),
    ("05-QĐ/TW@XIV", [], 0, "05-QĐNS/TW@XIV"),  # a former id
]


@pytest.mark.parametrize("query,extra,code,first", LOOKUP)
def test_lookup_json(query, extra, code, first):
    r = run("lookup", query, *extra, "--format", "json")
    assert r.exit_code == code, r.output
    data = json.loads(r.stdout)
    assert isinstance(data, list) and data
    for rec in data:
        assert RECORD_KEYS <= set(rec)
        for rel in rec["relations"]:
            assert {"type", "target"} <= set(rel)
    if first:
        assert data[0]["id"] == first


def test_lookup_ambiguous_lists_all_best_first():
    r = run("lookup", "NQ 25")
    assert r.exit_code == 0
    assert "3 documents" in r.output or "documents match" in r.output
    assert r.output.index("25-NQ/TW@XI") < r.output.index("25-NQ/TW@X ")


def test_lookup_not_found_exits_1_with_suggestions():
    r = run("lookup", "Kết luận 9999")
    assert r.exit_code == 1
    assert "not found" in r.stderr and "did you mean" in r.stderr


def test_lookup_bad_body_is_a_clear_error():
    r = run("lookup", "NQ 25", "--body", "Ban Không Có")
    assert r.exit_code == 2
    assert "unknown body" in r.output


def test_show_both_directions():
    r = run("show", "25-NQ/TW@XI")
    assert r.exit_code == 0
    assert "43-KL/TW@XII" in r.output  # incoming: continued by KL 43
    r = run("show", "25-NQ/TW@XI", "--format", "json")
    rec = json.loads(r.stdout)
    assert {"type": "continues", "source": "43-KL/TW@XII"} in rec["incoming"]


def test_show_unknown():
    r = run("show", "999-NQ/TW@XI")
    assert r.exit_code == 1


def test_format():
    r = run("format", "43-KL/TW@XII")
    assert r.stdout.startswith("Kết luận số 43-KL/TW, ngày 07/01/2019 của Ban Bí thư (khóa XII) về ")


def test_search():
    r = run("search", "cong tac dan van", "--format", "json")
    assert r.exit_code == 0
    assert any(rec["id"] == "25-NQ/TW@XI" for rec in json.loads(r.stdout))


def test_cite_json_shape():
    text = ("Kết luận số 43-KL/TW ngày 07/01/2019 của Ban Chấp hành Trung ương về tiếp tục thực "
            "hiện Nghị quyết số 25-NQ/TW ngày 03/6/2013")
    r = run("cite", "-", "--format", "json", input=text.encode())
    assert r.exit_code == 0
    data = json.loads(r.stdout)
    assert set(data) == {"citations", "relations"}
    c0, c1 = data["citations"]
    assert CITATION_KEYS <= set(c0)
    assert text[c0["start"]:c0["end"]] == c0["text"]
    assert c0["resolved"]["id"] == "43-KL/TW@XII"
    assert {"id", "kind", "number", "issuer_code", "term", "date", "title", "body"} <= set(c0["resolved"])
    assert c0["issues"][0].startswith("body-mismatch: ")
    # The trích yếu as written, up to the next citation.
    assert (c0["title"], c1["title"]) == ("tiếp tục thực hiện", None)
    (rel,) = data["relations"]
    assert rel["type"] == "continues" and rel["cue"] == "về tiếp tục thực hiện"
    assert (rel["source"]["start"], rel["target"]["start"]) == (c0["start"], c1["start"])


@pytest.mark.parametrize("fmt", ["table", "jsonl", "csv"])
def test_cite_other_formats(fmt):
    r = run("cite", "-", "--format", fmt, input="Nghị quyết số 25-NQ/TW ngày 3/6/2013".encode())
    assert r.exit_code == 0
    assert "25-NQ/TW" in r.stdout


def test_check_exit_codes(tmp_path):
    bad = tmp_path / "bad.txt"
    bad.write_text("Mở đầu.\nTheo Kết luận số 43-KL/TW ngày 07/01/2019 của Ban Chấp hành Trung ương.\n",
                   encoding="utf-8")
    good = tmp_path / "good.txt"
    good.write_text("Theo Kết luận số 43-KL/TW ngày 7/1/2019 của Ban Bí thư.", encoding="utf-8")
    r = run("check", str(bad))
    assert r.exit_code == 1
    assert f"{bad}:2:6: body-mismatch: " in r.stdout
    assert "(của Ban Bí thư)" in r.stdout
    assert run("check", str(good)).exit_code == 0
    r = run("check", str(bad), "--format", "json")
    (item,) = json.loads(r.stdout)
    assert (item["line"], item["col"], item["code"]) == (2, 6, "body-mismatch")


def test_annotate_escapes(tmp_path):
    f = tmp_path / "a.txt"
    f.write_text('<script>alert(1)</script> "x" Kết luận số 43-KL/TW', encoding="utf-8")
    r = run("annotate", str(f), "--format", "html")
    assert "<script>alert" not in r.stdout
    assert "&lt;script&gt;" in r.stdout
    assert 'href="#43-KL/TW@XII"' in r.stdout
    r = run("annotate", str(f), "--format", "md")
    assert "](#43-KL/TW@XII" in r.stdout


def test_catalog_validate_and_stats():
    r = run("catalog", "validate")
    assert r.exit_code == 0, r.output
    r = run("catalog", "stats", "--format", "json")
    s = json.loads(r.stdout)
    assert s["total"] >= 150 and "NQ/TW@XI" in s["series_gaps"]


def test_catalog_validate_reports_bad_folder(tmp_path):
    (tmp_path / "x.yaml").write_text("- kind: ZZ\n  number: '1'\n  term: XI\n  sources: [{url: a.b}]\n",
                                     encoding="utf-8")
    r = run("catalog", "validate", str(tmp_path))
    assert r.exit_code == 1
    assert "x.yaml:1: 01-ZZ/TW@XI: kind: unknown kind 'ZZ'" in r.stdout


def test_cite_undecodable_input_is_a_clear_error(tmp_path):
    f = tmp_path / "bad.txt"
    f.write_bytes(b"Ngh\xff\xfe\x00\x00 quy\x81t")
    r = run("cite", str(f))
    assert r.exit_code == 2
    assert "bad.txt: byte 3" in r.output
    r = run("cite", str(f), "--errors", "replace")
    assert r.exit_code == 0 and "warning" in r.stderr


def test_bad_published_date():
    r = run("cite", "-", "--published", "hôm qua", input=b"x")
    assert r.exit_code == 2 and "--published: not a date" in r.output


def test_graph_command(tmp_path):
    r = run("graph", "--root", "25-NQ/TW@XI", "--depth", "1", "--format", "mermaid")
    assert r.exit_code == 0 and "continues" in r.stdout and "43-KL/TW@XII" in r.stdout
    r = run("graph", "--query", "lineage", "--root", "25-nq/tw@xi")
    assert "43-KL/TW@XII" in json.loads(r.stdout)["descendants"]
    out = tmp_path / "g.graphml"
    r = run("graph", "--format", "graphml", "-o", str(out), "--types", "continues,replaces")
    assert r.exit_code == 0 and out.stat().st_size > 1000
    r = run("graph", "--format", "png")
    assert r.exit_code == 2 and "needs an output file" in r.output
    r = run("graph", "--root", "nope", "--format", "dot")
    assert r.exit_code == 2 and "not in the graph" in r.output


def test_graph_from_text_without_catalog(tmp_path):
    f = tmp_path / "a.txt"
    f.write_text("Kết luận số 65-KL/TW ngày 30/10/2019 của Bộ Chính trị về tiếp tục thực hiện "
                 "Nghị quyết số 24-NQ/TW ngày 12/3/2003.", encoding="utf-8")
    r = run("graph", str(f), "--no-catalog", "--format", "json")
    data = json.loads(r.stdout)
    links = {(x["source"], x["target"], x["key"]) for x in data["links"]}
    assert ("65-KL/TW@XII", "24-NQ/TW@IX", "continues") in links


def test_show_suggests_neighbours_of_the_term_an_id_names():
    """No 40-NQ/TW in khóa XI: its neighbours in khóa XI come first, not 40-CT/TW of other terms."""
    r = run("show", "40-NQ/TW@XI")
    assert r.exit_code == 1
    sugg = r.stderr.split("did you mean: ")[1].split(", ")
    assert sugg[0].endswith("-NQ/TW@XI") and sugg[1].endswith("-NQ/TW@XI")
