"""Corpus mode: many inputs, JSONL streaming, processes, and the Dask helper."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from cli import main

ARTICLES = [
    {"id": "a1", "text": "Kết luận số 43-KL/TW ngày 7/1/2019 của Ban Bí thư.", "published": "2023-01-19"},
    {"id": "a2", "text": "Không có gì.", "published": "2023-01-20"},
    {"id": "a3", "text": "Tổng kết 15 năm thực hiện Nghị quyết số 25-NQ/TW.", "published": "2023-06-01",
     "locality": "binh-phuoc"},
    {"id": "a4", "text": "Quyết định 217, 218-QĐ/TW ngày 12/12/2013 của Bộ Chính trị."},
]


@pytest.fixture
def corpus(tmp_path):
    p = tmp_path / "c.jsonl"
    p.write_text("\n".join(json.dumps(a, ensure_ascii=False) for a in ARTICLES) + "\n", encoding="utf-8")
    return p


def _cite(path, jobs):
    r = CliRunner().invoke(main, ["cite", str(path), "--format", "jsonl", "--jobs", str(jobs)])
    assert r.exit_code == 0, r.output
    return r.stdout.splitlines()


def test_jsonl_in_order_and_the_same_with_processes(corpus):
    one = _cite(corpus, 1)
    two = _cite(corpus, 2)
    assert one == two
    rows = [json.loads(x) for x in one]
    assert [r["id"] for r in rows] == ["a1", "a2", "a3", "a4"]
    assert rows[2]["citations"][0]["resolved"]["id"] == "25-NQ/TW@X"  # 2023 − 15 years
    assert rows[2]["relations"][0] == {"source": None, "target": {"start": 26, "end": 48, "id": "25-NQ/TW@X"},
                                       "type": "reviews", "cue": "15 năm thực hiện", "years": 15}


def test_dask_partitions_give_the_same_lines(corpus):
    db = pytest.importorskip("dask.bag")
    from citations.corpus import map_jsonl_partition

    expected = _cite(corpus, 1)
    bag = db.read_text(str(corpus), blocksize=120).map_partitions(map_jsonl_partition)
    got = bag.compute(scheduler="processes", num_workers=2)
    assert list(got) == expected


def test_stats_command(corpus, tmp_path):
    chart = tmp_path / "top.png"
    r = CliRunner().invoke(main, ["stats", str(corpus), "--format", "json", "--chart", str(chart)])
    assert r.exit_code == 0, r.output
    data = json.loads(r.stdout)
    assert data["articles"] == 4 and data["citations"] == 4
    assert data["most_cited"][0]["count"] == 1
    assert chart.read_bytes()[:4] == b"\x89PNG"


def test_dask_local_cluster_gives_the_same_lines(corpus):
    distributed = pytest.importorskip("distributed")
    db = pytest.importorskip("dask.bag")
    from citations.corpus import map_jsonl_partition

    expected = _cite(corpus, 1)
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=None) as cluster, \
            distributed.Client(cluster) as client:
        bag = db.read_text(str(corpus), blocksize=120).map_partitions(map_jsonl_partition)
        got = client.compute(bag).result()
    assert list(got) == expected


def test_stats_name_unresolved_plenum_citations_by_plenum():
    from citations.corpus_stats import CorpusStats

    s = CorpusStats()
    s.add("a", {"citations": [
        {"form": "plenum", "kind": "NQ", "number": None, "issuer_code": "TW", "plenum": 7,
         "term": "XI", "resolved": None},
        {"form": "full", "kind": "NQ", "number": "102", "issuer_code": "TW", "resolved": None}],
        "relations": []}, published="2024-06-01")
    assert dict(s.top(5)) == {"NQ TW7 khóa XI (unresolved)": 1, "102-NQ/TW (unresolved)": 1}
