"""Encodings, binary files, hostile input, injection: clear answers, nothing lost."""

from __future__ import annotations

import html.parser
import json

import pytest
from click.testing import CliRunner

from citations import extract
from citations.annotate import annotate
from citations.export import to_html
from citations.graph import build_graph
from cli import main

TEXT = "Theo Kết luận số 43-KL/TW ngày 7/1/2019 của Ban Bí thư."


def cp1258(text: str) -> bytes:
    """Windows-1258 writes tone marks as combining characters after the (precomposed) vowel."""
    import unicodedata

    out = b""
    for ch in text:
        try:
            out += ch.encode("cp1258")
        except UnicodeEncodeError:
            d = unicodedata.normalize("NFD", ch)
            tones = "".join(c for c in d if c in "\u0300\u0301\u0303\u0309\u0323")
            base = unicodedata.normalize("NFC", "".join(c for c in d if c not in tones))
            out += base.encode("cp1258") + tones.encode("cp1258")
    return out


def run(*args, input=None):
    return CliRunner().invoke(main, list(args), input=input, catch_exceptions=False)


@pytest.mark.parametrize("encoding,data", [
    ("utf-8", TEXT.encode("utf-8")),
    ("utf-8 BOM", b"\xef\xbb\xbf" + TEXT.encode("utf-8")),
    ("utf-16 BOM", TEXT.encode("utf-16")),
    ("windows-1258", cp1258(TEXT)),
])
def test_encodings_are_read(tmp_path, encoding, data):
    f = tmp_path / "a.txt"
    f.write_bytes(data)
    r = run("cite", str(f), "--format", "json")
    assert r.exit_code == 0, r.output
    (c,) = json.loads(r.stdout)["citations"]
    assert c["resolved"]["id"] == "43-KL/TW@XII"


def test_undecodable_bytes_name_file_and_offset(tmp_path):
    f = tmp_path / "x.txt"
    f.write_bytes(b"abc\x00\xff\xfe\x81\x8d")
    r = run("cite", str(f))
    assert r.exit_code == 2
    assert "x.txt: byte" in r.output and "Traceback" not in r.output
    r = run("cite", str(f), "--errors", "replace", "--format", "json")
    assert r.exit_code == 0 and "warning" in r.stderr


def test_binary_files_in_a_folder_are_skipped_and_counted(tmp_path):
    (tmp_path / "good.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "bin.txt").write_bytes(b"\x00\x01\x02" * 100)
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "more.md").write_text("Chỉ thị số 05-CT/TW", encoding="utf-8")
    r = run("cite", str(tmp_path), "--format", "jsonl")
    assert r.exit_code == 0
    lines = [json.loads(x) for x in r.stdout.splitlines()]
    assert [len(x["citations"]) for x in lines] == [1, 1]
    assert "bin.txt: binary file skipped" in r.stderr and "1 binary file(s) skipped" in r.stderr


def test_jsonl_input_errors_name_the_line(tmp_path):
    f = tmp_path / "c.jsonl"
    f.write_text('{"id": "a", "text": "NQ 25"}\n{"id": "b", "text": 5}\n', encoding="utf-8")
    r = run("cite", str(f), "--format", "jsonl")
    assert r.exit_code == 2
    assert "c.jsonl:2" in r.output


HOSTILE = [
    "1234567890/" * 50_000,
    "25 - 25 – 25—NQ " * 30_000,
    "Nghị quyết Nghị quyết số " * 20_000,
    "Chỉ thị số 05-CT/TW ngày 15/5/2016 " * 5_000,
    "<div>" * 20_000 + "Kết luận số 43-KL/TW" + "</div>" * 20_000,
    "(" * 100_000,
    "số " * 100_000,
]


@pytest.mark.parametrize("text", HOSTILE, ids=lambda t: t[:20])
def test_hostile_input_completes_with_valid_spans(text):
    for c in extract(text, html=text.startswith("<div>")):
        assert text[c.start:c.end] == c.text


class _Elements(html.parser.HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags = []
        self.attrs = []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self.attrs += [k for k, _ in attrs]


EVIL = '<script>alert(1)</script> "><img src=x onerror=alert(2)> \' Kết luận số 43-KL/TW'


def test_annotate_html_has_no_injected_element():
    page = annotate(EVIL, extract(EVIL), fmt="html")
    p = _Elements()
    p.feed(page)
    assert "script" not in p.tags and "img" not in p.tags
    assert "onerror" not in p.attrs


def test_graph_page_has_no_injected_element(catalog):
    g = build_graph(catalog)
    g.add_node(EVIL, label=EVIL, title=EVIL, kind="NQ")
    page = to_html(g)
    p = _Elements()
    p.feed(page)
    assert p.tags.count("script") == 2 and "img" not in p.tags
    assert "onerror" not in p.attrs


def test_jsonl_half_surrogate_becomes_a_replacement_character(tmp_path):
    """A JSON "\\ud83d" cut from its pair cannot be written out again as UTF-8: it is read as
    U+FFFD, one for one (offsets hold), with a warning naming file and line; a whole pair
    ("\\ud83d\\ude00") is an emoji like any other."""
    from citations.inputs import iter_articles

    f = tmp_path / "a.jsonl"
    f.write_text('{"id": "a", "text": "ab\\ud83d K\\u1ebft lu\\u1eadn s\\u1ed1 43-KL/TW"}\n'
                 '{"id": "b", "text": "ab\\ud83d\\ude00 Kết luận số 43-KL/TW"}\n', encoding="utf-8")
    a, b = iter_articles([str(f)])
    assert a.text == "ab\ufffd Kết luận số 43-KL/TW"
    assert any(f"{f}:1" in w and "U+FFFD" in w for w in a.warnings)
    assert b.text == "ab\U0001F600 Kết luận số 43-KL/TW" and not b.warnings
    out = tmp_path / "a.html"
    r = CliRunner().invoke(main, ["annotate", str(f), "-o", str(out)])
    assert r.exit_code == 0, r.output
    assert "43-KL/TW" in out.read_text(encoding="utf-8")
