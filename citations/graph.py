"""The document graph: how Party documents continue, implement and replace each other.

Nodes are documents (catalog ids; unresolved and local documents get stable ids of their own),
and text nodes when asked. Edges run from the newer document to the older one, keyed by relation
type, with their origin (``catalog``, ``text`` or both), the evidence (file, offsets, cue) and a
count of the texts that state them.

>>> g = build_graph()
>>> g.has_edge("43-KL/TW@XII", "25-NQ/TW@XI", key="continues")
True
>>> "43-KL/TW@XII" in lineage(g, "25-NQ/TW@XI")["descendants"]
True
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Iterable

import networkx as nx

from directives.catalog import Catalog
from directives.models import Directive

from .models import Citation

LINEAGE_TYPES = ("continues", "implements", "replaces", "amends", "guides", "promulgates",
                 "based_on")
KIND_COLOURS = {"NQ": "#c0392b", "KL": "#2471a3", "CT": "#1e8449", "QĐ": "#b9770e",
                "QĐi": "#b9770e", "HD": "#7d3c98", "KH": "#148f77", "TB": "#566573",
                "TEXT": "#aab7b8"}
EDGE_STYLES = {"continues": "solid", "implements": "dashed", "replaces": "bold",
               "amends": "dotted", "guides": "dashed", "promulgates": "dotted",
               "reviews": "dotted", "based_on": "dotted", "cites": "dotted"}


@dataclass
class TextSource:
    """A text to read relations from."""

    id: str
    text: str
    published: object = None
    locality: str | None = None
    html: bool | None = False


def _node_attrs(d: Directive) -> dict:
    return {
        "label": d.short_label(), "kind": d.kind, "number": d.number or "", "issuer": d.issuer,
        "term": d.term or "", "date": d.date.isoformat() if d.date else "", "title": d.title or "",
        "body": d.body_name or "", "locality": d.locality or "", "resolved": True,
        "verification": d.verification.value, "node_type": "document",
    }


def citation_node_id(c: Citation) -> str:
    """The graph id of what a citation names: its catalog id, or a stable id of its own."""
    if c.resolved is not None:
        return c.resolved.id
    num = f"{int(c.number):02d}" if c.number else "?"
    sym = f"{num}-{c.kind or '?'}/{c.issuer_code or '?'}"
    if c.locality:
        return f"{sym}@{c.locality}"
    if c.term:
        return f"{sym}@{c.term}"
    if c.date:
        return f"{sym}@{c.date.isoformat()}"
    return f"{sym}@?"


def _add_edge(g: nx.MultiDiGraph, src: str, tgt: str, rtype: str, origin: str,
              evidence: dict | None = None, years: int | None = None) -> None:
    if g.has_edge(src, tgt, key=rtype):
        e = g.edges[src, tgt, rtype]
        if origin not in e["origin"].split("+"):
            e["origin"] = "+".join(sorted(set(e["origin"].split("+")) | {origin}))
        if evidence is not None:
            e["evidence"].append(evidence)
            if origin == "text":
                e["count"] += 1
        return
    g.add_edge(src, tgt, key=rtype, type=rtype, origin=origin,
               evidence=[evidence] if evidence is not None else [],
               count=1 if origin == "text" else 0, years=years or 0)


def add_catalog(g: nx.MultiDiGraph, catalog: Catalog) -> nx.MultiDiGraph:
    for d in catalog:
        g.add_node(d.id, **_node_attrs(d))
    for d in catalog:
        for r in d.relations:
            if r.target not in g:
                continue
            _add_edge(g, d.id, r.target, r.type, "catalog",
                      {"source": r.source or "", "cue": r.evidence or ""}, r.years)
        if d.superseded_by and d.superseded_by in g:
            _add_edge(g, d.superseded_by, d.id, "replaces", "catalog",
                      {"source": "superseded_by", "cue": ""})
    return g


def add_text(g: nx.MultiDiGraph, source: TextSource, catalog: Catalog | None = None, *,
             cites: bool = False) -> nx.MultiDiGraph:
    """Add what one text says: its citations' documents and the relations between them."""
    from .api import analyze

    a = analyze(source.text, catalog=catalog, published=source.published,
                locality=source.locality, html=source.html)
    text_node = f"text:{source.id}"
    ids = []
    for c in a.citations:
        nid = citation_node_id(c)
        ids.append(nid)
        if nid not in g:
            if c.resolved is not None:
                g.add_node(nid, **_node_attrs(c.resolved))
            else:
                g.add_node(nid, label=f"{c.kind or '?'} {int(c.number) if c.number else '?'}",
                           kind=c.kind or "", number=c.number or "", issuer=c.issuer_code or "",
                           term=c.term or "", date=c.date.isoformat() if c.date else "",
                           title=c.title or "", body="", locality=c.locality or "",
                           resolved=False, verification="", node_type="document")
        g.nodes[nid]["cited"] = g.nodes[nid].get("cited", 0) + 1
    if cites or any(r.source is None for r in a.relations):
        g.add_node(text_node, label=source.id.replace("\\", "/").rsplit("/", 1)[-1], kind="TEXT", node_type="text", resolved=False,
                   number="", issuer="", term="", date="", title="", body="", locality="",
                   verification="")
    if cites:
        for c, nid in zip(a.citations, ids):
            _add_edge(g, text_node, nid, "cites", "text",
                      {"source": source.id, "start": c.start, "end": c.end, "cue": ""})
    for r in a.relations:
        t = a.citations[r.target]
        ev = {"source": source.id, "target_start": t.start, "target_end": t.end, "cue": r.cue}
        if r.source is None:
            _add_edge(g, text_node, ids[r.target], r.type, "text", ev, r.years)
            continue
        s = a.citations[r.source]
        ev.update(source_start=s.start, source_end=s.end)
        if ids[r.source] != ids[r.target]:
            _add_edge(g, ids[r.source], ids[r.target], r.type, "text", ev, r.years)
    return g


def build_graph(catalog: Catalog | None = None, texts: Iterable[TextSource] = (), *,
                include_catalog: bool = True, cites: bool = False) -> nx.MultiDiGraph:
    """A graph from the catalog, from texts, or both."""
    from .resolve import default_catalog

    catalog = catalog if catalog is not None else default_catalog()
    g = nx.MultiDiGraph(name="vankien")
    if include_catalog:
        add_catalog(g, catalog)
    for t in texts:
        add_text(g, t, catalog, cites=cites)
    return g


# -- queries ----------------------------------------------------------------------------------

def _typed_view(g: nx.MultiDiGraph, types: Iterable[str] | None = None) -> nx.DiGraph:
    types = set(types or LINEAGE_TYPES)
    h = nx.DiGraph()
    h.add_nodes_from(n for n, a in g.nodes(data=True) if a.get("node_type") != "text")
    for u, v, k in g.edges(keys=True):
        if k in types and u in h and v in h:
            h.add_edge(u, v)
    return h


def lineage(g: nx.MultiDiGraph, node: str, types: Iterable[str] | None = None) -> dict:
    """What descends from ``node`` (continues / implements / replaces it, transitively) and
    what it descends from."""
    h = _typed_view(g, types)
    if node not in h:
        raise KeyError(f"{node!r} is not in the graph")
    return {"descendants": sorted(nx.ancestors(h, node)), "ancestors": sorted(nx.descendants(h, node))}


def shortest_chain(g: nx.MultiDiGraph, a: str, b: str, types: Iterable[str] | None = None) -> list[str]:
    """The shortest chain of relations between two documents, either direction."""
    h = _typed_view(g, types).to_undirected()
    try:
        return nx.shortest_path(h, a, b)
    except (nx.NetworkXNoPath, nx.NodeNotFound):
        return []


def most_cited(g: nx.MultiDiGraph, n: int = 10) -> list[tuple[str, int]]:
    counts = [(node, a.get("cited", 0)) for node, a in g.nodes(data=True) if a.get("cited")]
    return sorted(counts, key=lambda x: (-x[1], x[0]))[:n]


def isolated(g: nx.MultiDiGraph) -> list[str]:
    """Documents with no known relation."""
    return sorted(n for n, a in g.nodes(data=True)
                  if a.get("node_type") != "text"
                  and not any(k != "cites" for _, _, k in g.in_edges(n, keys=True))
                  and not any(k != "cites" for _, _, k in g.out_edges(n, keys=True)))


def subgraph(g: nx.MultiDiGraph, root: str | None = None, depth: int | None = None,
             types: Iterable[str] | None = None) -> nx.MultiDiGraph:
    """The part of ``g`` within ``depth`` relations of ``root``, keeping only ``types``."""
    types = set(types) if types else None
    h = nx.MultiDiGraph()
    h.graph.update(g.graph)
    keep_edges = [(u, v, k, d) for u, v, k, d in g.edges(keys=True, data=True)
                  if types is None or k in types]
    if root is None:
        nodes = set(g.nodes) if types is None else {x for u, v, _, _ in keep_edges for x in (u, v)}
    else:
        if root not in g:
            raise KeyError(f"{root!r} is not in the graph")
        # Walk document-to-document relations only: a text that reviews twenty documents
        # would otherwise join them all into one neighbourhood.
        is_text = {n for n, a in g.nodes(data=True) if a.get("node_type") == "text"}
        und = nx.Graph()
        und.add_node(root)
        und.add_edges_from((u, v) for u, v, _, _ in keep_edges if u not in is_text and v not in is_text)
        nodes = set(nx.single_source_shortest_path_length(und, root, cutoff=depth))
        nodes |= {u for u, v, _, _ in keep_edges if u in is_text and v in nodes}
    h.add_nodes_from((n, dict(g.nodes[n])) for n in nodes)
    for u, v, k, d in keep_edges:
        if u in nodes and v in nodes:
            h.add_edge(u, v, key=k, **{**d, "evidence": list(d.get("evidence", []))})
    return h


# -- serialisation helpers (shared by exports and round trips) ---------------------------------

def flat_copy(g: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """A copy whose attributes are all scalars (evidence as JSON text), for GraphML / GEXF."""
    h = nx.MultiDiGraph()
    h.graph.update({k: v for k, v in g.graph.items() if isinstance(v, (str, int, float, bool))})
    for n, a in g.nodes(data=True):
        h.add_node(n, **{k: _scalar(v) for k, v in a.items()})
    for u, v, k, a in g.edges(keys=True, data=True):
        h.add_edge(u, v, key=k, **{kk: _scalar(vv) for kk, vv in a.items()})
    return h


def _scalar(v):
    if isinstance(v, (list, dict)):
        return json.dumps(v, ensure_ascii=False, sort_keys=True)
    if v is None:
        return ""
    return v


def unflatten(g: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """Undo :func:`flat_copy` after reading GraphML back."""
    for _, _, a in g.edges(data=True):
        if isinstance(a.get("evidence"), str):
            a["evidence"] = json.loads(a["evidence"]) if a["evidence"] else []
    return g
