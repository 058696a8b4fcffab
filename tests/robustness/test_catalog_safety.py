"""Catalog files: safe YAML only, every error located, and `catalog add` never loses data."""

from __future__ import annotations

import os

import pytest

from directives import Catalog, CatalogError
from directives.editing import AddError, add_entry

ENTRY = """\
- kind: NQ
  number: "24"
  issuer: TW
  body: BCHTW
  date: 2013-06-03
  term: XI
  sources:
    - url: https://example.org/24
# a comment the curator wrote about the next entry
- kind: NQ
  number: "29"
  issuer: TW
  date: 2013-11-04
  sources:
    - url: https://example.org/29
"""


def test_python_tags_are_refused(tmp_path):
    (tmp_path / "evil.yaml").write_text("- !!python/object/apply:os.system ['echo hi']\n", encoding="utf-8")
    with pytest.raises(CatalogError) as exc:
        Catalog.from_path(tmp_path, cache=False)
    assert "evil.yaml" in str(exc.value)


def test_add_inserts_sorted_and_keeps_every_other_byte(tmp_path):
    f = tmp_path / "central-XI.yaml"
    f.write_text(ENTRY, encoding="utf-8")
    path, new_id = add_entry("Nghị quyết số 25-NQ/TW", date="3/6/2013", body="BCHTW",
                             title="tăng cường và đổi mới sự lãnh đạo của Đảng đối với công tác dân vận",
                             sources=["https://example.org/25"], catalog_path=tmp_path)
    assert new_id == "25-NQ/TW@XI"
    text = f.read_text(encoding="utf-8")
    assert text.index('number: "24"') < text.index("number: '25'") < text.index('number: "29"')
    assert text.replace(text[text.index("- kind: NQ\n  number: '25'"):text.index("# a comment")], "") == ENTRY
    ids = [d.id for d in Catalog.from_path(tmp_path, cache=False)]
    assert ids == ["24-NQ/TW@XI", "25-NQ/TW@XI", "29-NQ/TW@XI"]


def test_add_refuses_duplicates_and_bad_facts(tmp_path):
    (tmp_path / "central-XI.yaml").write_text(ENTRY, encoding="utf-8")
    with pytest.raises(AddError, match="already in the catalog"):
        add_entry("Nghị quyết 24-NQ/TW", date="2013-06-03", sources=["x.org"], catalog_path=tmp_path)
    with pytest.raises(AddError, match="outside term"):
        add_entry("Nghị quyết 30-NQ/TW", date="2013-06-03", term="X", sources=["x.org"],
                  catalog_path=tmp_path)
    with pytest.raises(AddError, match="kind and number"):
        add_entry("hello", sources=["x.org"], catalog_path=tmp_path)


def test_a_crash_mid_write_leaves_the_old_file(tmp_path, monkeypatch):
    f = tmp_path / "central-XI.yaml"
    f.write_text(ENTRY, encoding="utf-8")

    def boom(*a, **k):
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", boom)
    with pytest.raises(OSError):
        add_entry("Nghị quyết số 25-NQ/TW", date="3/6/2013", sources=["https://e.org"],
                  catalog_path=tmp_path)
    assert f.read_text(encoding="utf-8") == ENTRY
    assert [p.name for p in tmp_path.iterdir()] == ["central-XI.yaml"]


def test_catalog_add_command(tmp_path):
    from click.testing import CliRunner

    from cli import main

    (tmp_path / "central-XI.yaml").write_text(ENTRY, encoding="utf-8")
    r = CliRunner().invoke(main, ["catalog", "add", "Kết luận số 100-KL/TW", "--date", "25/4/2014",
                                  "--source", "https://e.org", "--file", str(tmp_path / "central-XI.yaml")])
    assert r.exit_code == 0, r.output
    r = CliRunner().invoke(main, ["catalog", "validate", str(tmp_path)])
    assert r.exit_code == 0, r.output


GROUPED = """\
- kind: NQ
  number: "24"
  issuer: TW
  date: 2013-06-03
  sources:
    - url: https://example.org/24
- kind: CT
  number: "20"
  issuer: TW
  date: 2012-11-05
  sources:
    - url: https://example.org/ct20
- kind: CT
  number: "40"
  issuer: TW
  date: 2014-11-22
  sources:
    - url: https://example.org/ct40
- kind: KL
  number: "80"
  issuer: TW
  date: 2013-12-25
  sources:
    - url: https://example.org/kl80
"""


def test_add_keeps_the_files_own_kind_order(tmp_path):
    """Files group kinds as NQ, CT, KL…, not alphabetically: an entry joins its own kind."""
    f = tmp_path / "central-XI.yaml"
    f.write_text(GROUPED, encoding="utf-8")
    add_entry("Chỉ thị số 34-CT/TW", date="7/4/2014", body="BCT",
              sources=["https://example.org/ct34", "https://example.org/en|number,body"],
              catalog_path=tmp_path)
    add_entry("Chỉ thị số 45-CT/TW", date="1/2/2015", sources=["https://example.org/ct45"],
              catalog_path=tmp_path)
    add_entry("Quyết định số 99-QĐ/TW", date="1/3/2015", sources=["https://example.org/qd"],
              catalog_path=tmp_path)
    ids = [d.id for d in Catalog.from_path(tmp_path, cache=False)]  # the catalog sorts by key
    assert len(ids) == 7
    text = f.read_text(encoding="utf-8")
    order = [line.split("'")[1] if "'" in line else line.split('"')[1]
             for line in text.splitlines() if line.startswith("  number:")]
    assert order == ["24", "20", "34", "40", "45", "80", "99"]
    assert "date: 2014-04-07\n" in text  # a YAML date, not a quoted string
    assert "facts: [number, date, body]\n" in text and "facts: [number, body]\n" in text
