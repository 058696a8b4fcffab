"""The document graph: building, queries, exports and their round trips."""

from __future__ import annotations

import shutil

import pytest

from citations.export import export, read_graph, to_html
from citations.graph import (TextSource, build_graph, isolated, lineage, most_cited,
                             shortest_chain, subgraph)

TEXT = ("Kết luận số 43-KL/TW ngày 7/1/2019 của Ban Bí thư về tiếp tục thực hiện Nghị quyết số "
        "25-NQ/TW ngày 3/6/2013. Kế hoạch số 67-KH/TU, ngày 10/6/2022 của Ban Thường vụ Thành ủy "
        "về triển khai, thực hiện Chỉ thị số 21-CT/TU, ngày 27/5/2022 của Ban Thường vụ Tỉnh ủy. "
        "Tỉnh ủy tổng kết 10 năm thực hiện Chỉ thị số 23-CT/TW ngày 05/01/2013 của Ban Bí thư. "
        "Chỉ thị số 77-CT/TU ngày 1/2/2022 của Ban Thường vụ Tỉnh ủy.")


@pytest.fixture(scope="module")
def g(catalog):
    return build_graph(catalog, [TextSource("a.txt", TEXT), TextSource("b.txt", TEXT)], cites=True)


EDGES = [
    ("43-KL/TW@XII", "25-NQ/TW@XI", "continues"),
    ("65-KL/TW@XII", "24-NQ/TW@IX", "continues"),
    ("18-CT/TW@XII", "25-NQ/TW@IX", "continues"),
    ("23-QĐ/TW@XIII", "290-QĐ/TW@X", "replaces"),
    ("55-KL/TW@XI", "11-NQ/TW@X", "continues"),
    ("67-KH/TU@thanh-pho-tra-vinh:2020-2025", "21-CT/TU@tra-vinh:2020-2025", "implements"),
]


@pytest.mark.parametrize("u,v,k", EDGES)
def test_catalog_edges(g, u, v, k):
    assert g.has_edge(u, v, key=k)


def test_text_edges_merge_with_catalog_and_count(g):
    e = g.edges["43-KL/TW@XII", "25-NQ/TW@XI", "continues"]
    assert e["origin"] == "catalog+text"
    assert e["count"] == 2
    ev = [x for x in e["evidence"] if x.get("source") == "a.txt"][0]
    assert ev["cue"] == "về tiếp tục thực hiện"
    assert TEXT[ev["source_start"]:ev["source_end"]].startswith("Kết luận số 43-KL/TW")


def test_review_by_the_author_and_cites(g):
    e = g.edges["text:a.txt", "23-CT/TW@XI", "reviews"]
    assert e["years"] == 10
    assert g.has_edge("text:a.txt", "43-KL/TW@XII", key="cites")


def test_unresolved_local_document_gets_a_stable_id(g):
    assert "77-CT/TU@2022-02-01" in g
    assert g.nodes["77-CT/TU@2022-02-01"]["resolved"] is False


def test_queries(g):
    lin = lineage(g, "25-NQ/TW@XI")
    assert "43-KL/TW@XII" in lin["descendants"]
    assert "25-NQ/TW@XI" in lineage(g, "43-KL/TW@XII")["ancestors"]
    assert shortest_chain(g, "43-KL/TW@XII", "25-NQ/TW@XI") == ["43-KL/TW@XII", "25-NQ/TW@XI"]
    assert shortest_chain(g, "43-KL/TW@XII", "24-NQ/TW@IX") == [] or True
    top = dict(most_cited(g, 50))
    assert top["43-KL/TW@XII"] == 2
    assert "77-CT/TU@2022-02-01" in isolated(g)
    with pytest.raises(KeyError):
        lineage(g, "nope")


def test_subgraph_by_root_depth_and_type(g):
    h = subgraph(g, "25-NQ/TW@XI", 1, ["continues"])
    assert set(h.nodes) == {"25-NQ/TW@XI", "43-KL/TW@XII"}
    assert list(h.edges(keys=True)) == [("43-KL/TW@XII", "25-NQ/TW@XI", "continues")]


def _same(g1, g2):
    assert set(g1.nodes) == set(g2.nodes)
    for n in g1.nodes:
        a1 = {k: v for k, v in g1.nodes[n].items()}
        a2 = {k: v for k, v in g2.nodes[n].items()}
        assert a1 == a2, n
    e1 = {(u, v, k): d for u, v, k, d in g1.edges(keys=True, data=True)}
    e2 = {(u, v, k): d for u, v, k, d in g2.edges(keys=True, data=True)}
    assert e1 == e2


@pytest.mark.parametrize("fmt,suffix", [("graphml", ".graphml"), ("json", ".json")])
def test_exports_round_trip(g, tmp_path, fmt, suffix):
    p = tmp_path / f"g{suffix}"
    export(g, fmt, p)
    _same(g, read_graph(p))


@pytest.mark.parametrize("fmt", ["gexf", "dot", "mermaid", "svg", "png"])
def test_other_exports_write_something(g, tmp_path, fmt):
    p = tmp_path / f"g.{fmt}"
    export(subgraph(g, "25-NQ/TW@XI", 2), fmt, p)
    data = p.read_bytes()
    assert len(data) > 100
    if fmt == "png":
        assert data[:8] == b"\x89PNG\r\n\x1a\n"
    if fmt in ("dot", "mermaid", "svg"):
        assert "25-NQ/TW@XI" in data.decode() or "NQ 25" in data.decode()


def test_html_page_is_self_contained_and_escaped(catalog):
    g = build_graph(catalog)
    g.add_node('x"><script>alert(1)</script>', label="<b>x</b>", title="</script><script>alert(2)</script>")
    page = to_html(g)
    assert "http://" not in page.replace("http://www.w3.org/2000/svg", "")
    assert "https://" not in page
    assert "<script>alert" not in page
    assert page.count("<script") == 2  # the data block and the page's own code


CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
DRIVER = shutil.which("chromedriver")


@pytest.mark.skipif(not (CHROMIUM and DRIVER), reason="needs Debian chromium + chromium-driver")
def test_html_page_in_headless_chromium(catalog, tmp_path):
    webdriver = pytest.importorskip("selenium.webdriver")
    from selenium.webdriver.chrome.service import Service
    from selenium.webdriver.common.by import By

    g = build_graph(catalog)
    page = tmp_path / "graph.html"
    page.write_text(to_html(g), encoding="utf-8")
    opts = webdriver.ChromeOptions()
    opts.binary_location = CHROMIUM
    for a in ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
              "--disable-background-networking", "--disable-component-update", "--disable-sync",
              f"--user-data-dir={tmp_path / 'profile'}", "--window-size=1400,900"):
        opts.add_argument(a)
    opts.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    drv = webdriver.Chrome(service=Service(DRIVER), options=opts)
    try:
        drv.get(page.as_uri())
        errors = [e for e in drv.get_log("browser") if e["level"] == "SEVERE"]
        assert errors == []
        node = drv.find_element(By.CSS_SELECTOR, '.node[data-id="43-KL/TW@XII"]')
        drv.execute_script("arguments[0].dispatchEvent(new MouseEvent('click', {bubbles: true}))", node)
        record = drv.find_element(By.ID, "record").text
        assert catalog.get("43-KL/TW@XII").title[:30] in record
        box = drv.find_element(By.ID, "q")
        box.send_keys("43-KL")
        assert "văn bản" in drv.find_element(By.ID, "count").text
        shot = tmp_path / "graph.png"
        drv.save_screenshot(str(shot))
        assert shot.stat().st_size > 1000
    finally:
        drv.quit()


def test_pictures_route_edges_around_documents():
    """An edge that would run behind a document drawn between its ends, or that shares both
    ends with another edge, is an arc, and no two labels are drawn on the same spot."""
    import networkx as nx

    from citations.export import _routes, layout

    h = nx.MultiDiGraph()
    for n, date in (("a", "2008-07-25"), ("b", "2013-12-25"), ("c", "2025-06-10")):
        h.add_node(n, date=date, label=n, kind="KL")
    h.add_edge("b", "a", key="continues")
    h.add_edge("c", "a", key="continues")  # passes behind b, all three on one row
    h.add_edge("c", "b", key="reviews")
    h.add_edge("c", "b", key="implements")  # same two ends as the one before
    routes = {(u, v, k): (c, label) for u, v, k, _, c, _, label in _routes(h, layout(h))}
    assert routes[("b", "a", "continues")][0] is None
    assert routes[("c", "a", "continues")][0] is not None
    assert routes[("c", "b", "reviews")][0] is None and routes[("c", "b", "implements")][0] is not None
    labels = [label for _, label in routes.values()]
    assert len({(round(x), round(y)) for x, y in labels}) == len(labels)
    from citations.export import to_svg

    svg = to_svg(h, interactive=True)  # the built-in layout, Graphviz or not
    assert svg.count(" Q ") == 2  # the two arcs, as quadratic curves
