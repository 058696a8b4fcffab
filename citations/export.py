"""Graph exports people can open: GraphML, GEXF, node-link JSON, DOT, Mermaid, SVG, PNG and a
self-contained interactive HTML page.

>>> from citations.graph import build_graph, subgraph
>>> g = subgraph(build_graph(), root="25-NQ/TW@XI", depth=1)
>>> "25-NQ/TW@XI" in to_mermaid(g) and "continues" in to_mermaid(g)
True
"""

from __future__ import annotations

import html
import json
import re
import shutil
import subprocess
from pathlib import Path

import networkx as nx

from .graph import EDGE_STYLES, KIND_COLOURS, flat_copy, unflatten

FORMATS = ("graphml", "gexf", "json", "dot", "mermaid", "svg", "png", "html")


# -- data formats -------------------------------------------------------------------------------

def to_graphml(g: nx.MultiDiGraph, path: str | Path) -> None:
    nx.write_graphml(flat_copy(g), str(path), encoding="utf-8")


def to_gexf(g: nx.MultiDiGraph, path: str | Path) -> None:
    nx.write_gexf(flat_copy(g), str(path), encoding="utf-8")


def to_node_link(g: nx.MultiDiGraph) -> dict:
    return nx.node_link_data(g, edges="links")


def read_graph(path: str | Path) -> nx.MultiDiGraph:
    """Read a GraphML or node-link JSON export back, with every attribute as written."""
    p = Path(path)
    if p.suffix == ".json":
        data = json.loads(p.read_text(encoding="utf-8"))
        return nx.node_link_graph(data, directed=True, multigraph=True, edges="links")
    if p.suffix == ".gexf":
        return unflatten(nx.MultiDiGraph(nx.read_gexf(str(p))))
    g = nx.read_graphml(str(p), force_multigraph=True)
    return unflatten(nx.MultiDiGraph(g))


def _dot_id(s: str) -> str:
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def to_dot(g: nx.MultiDiGraph) -> str:
    lines = ["digraph vankien {", '  rankdir=RL; node [shape=box, style="rounded,filled", '
             'fontname="DejaVu Sans", fontcolor=white];']
    for n, a in g.nodes(data=True):
        colour = KIND_COLOURS.get(a.get("kind", ""), "#5d6d7e")
        tip = (a.get("title") or "")[:200]
        lines.append(f"  {_dot_id(n)} [label={_dot_id(a.get('label', n))}, fillcolor={_dot_id(colour)}, "
                     f"tooltip={_dot_id(tip)}];")
    for u, v, k, a in g.edges(keys=True, data=True):
        style = EDGE_STYLES.get(k, "solid")
        lines.append(f"  {_dot_id(u)} -> {_dot_id(v)} [label={_dot_id(k)}, style={style}];")
    lines.append("}")
    return "\n".join(lines) + "\n"


def to_mermaid(g: nx.MultiDiGraph) -> str:
    ids = {n: f"n{i}" for i, n in enumerate(sorted(g.nodes))}
    lines = ["graph RL"]
    for n in sorted(g.nodes):
        label = g.nodes[n].get("label", n).replace('"', "'")
        lines.append(f'  {ids[n]}["{label}<br/><small>{n}</small>"]')
    arrows = {"continues": "-->", "implements": "-.->", "replaces": "==>"}
    for u, v, k in sorted(g.edges(keys=True)):
        lines.append(f"  {ids[u]} {arrows.get(k, '-->')}|{k}| {ids[v]}")
    for kind, colour in KIND_COLOURS.items():
        members = [ids[n] for n in g.nodes if g.nodes[n].get("kind") == kind]
        if members:
            cls = "k" + re.sub(r"\W", "", kind.encode("ascii", "ignore").decode() or "x")
            lines.append(f"  classDef {cls} fill:{colour},color:#fff")
            lines.append(f"  class {','.join(members)} {cls}")
    return "\n".join(lines) + "\n"


# -- pictures -------------------------------------------------------------------------------------

def _label(a: dict, n: str) -> str:
    label = a.get("label", n)
    return label if len(label) <= 22 else label[:21] + "…"


def layout(g: nx.MultiDiGraph) -> dict[str, tuple[float, float, float]]:
    """A pure-Python layout: time runs left to right (a column per year, texts last), and each
    node gets (centre x, centre y, width)."""
    years = sorted({(a.get("date") or "")[:4] or "~" for _, a in g.nodes(data=True)})
    col = {y: i for i, y in enumerate(years)}
    used: dict[int, int] = {}
    pos = {}
    order = sorted(g.nodes, key=lambda n: (g.nodes[n].get("date") or "9999", g.nodes[n].get("kind", ""), n))
    for n in order:
        c = col[(g.nodes[n].get("date") or "")[:4] or "~"]
        r = used.get(c, 0)
        used[c] = r + 1
        w = max(90.0, 7.2 * len(_label(g.nodes[n], n)) + 20)
        pos[n] = (90 + c * 230.0, 110 + r * 64.0, w)  # room above the first row for arcs
    return pos


def _endpoints(pos, u, v):
    (x1, y1, w1), (x2, y2, w2) = pos[u], pos[v]
    if abs(x1 - x2) < 1:
        return (x1, y1 + (16 if y2 > y1 else -16)), (x2, y2 + (-16 if y2 > y1 else 16))
    s = 1 if x2 > x1 else -1
    return (x1 + s * w1 / 2, y1), (x2 - s * w2 / 2, y2)


def _blocked(pos, u, v, p1, p2) -> bool:
    """Whether the straight line from ``p1`` to ``p2`` crosses a node other than ``u``, ``v``."""
    for n, (x, y, w) in pos.items():
        if n in (u, v):
            continue
        for i in range(1, 20):
            t = i / 20
            px, py = p1[0] + t * (p2[0] - p1[0]), p1[1] + t * (p2[1] - p1[1])
            if abs(px - x) <= w / 2 + 4 and abs(py - y) <= 20:
                return True
    return False


def _routes(g: nx.MultiDiGraph, pos) -> list[tuple[str, str, str, tuple, tuple | None, tuple, tuple]]:
    """(u, v, type, start, control point or None, end, label point) for every edge. An edge
    that would run behind another node, or that shares its two ends with another edge, is
    drawn as an arc, each one further out, so that no relation reads as another's."""
    seen: dict[frozenset, int] = {}
    out = []
    for u, v, k in g.edges(keys=True):
        p1, p2 = _endpoints(pos, u, v)
        pair = frozenset((u, v))
        i = seen.get(pair, 0)
        seen[pair] = i + 1
        if i == 0 and not _blocked(pos, u, v, p1, p2):
            out.append((u, v, k, p1, None, p2, ((p1[0] + p2[0]) / 2, (p1[1] + p2[1]) / 2 - 4)))
            continue
        # Bulge above the row (the rows below hold the other documents of a year); a longer
        # edge bulges higher, so that arcs of different lengths part.
        mx, my = (p1[0] + p2[0]) / 2, (p1[1] + p2[1]) / 2
        c = (mx, my - 50 - 0.12 * abs(p2[0] - p1[0]) - 36 * i)
        label = (0.25 * p1[0] + 0.5 * c[0] + 0.25 * p2[0], 0.25 * p1[1] + 0.5 * c[1] + 0.25 * p2[1] - 4)
        out.append((u, v, k, p1, c, p2, label))
    return _unstack_labels(out, pos)


def _unstack_labels(routes: list, pos) -> list:
    """Move a label up, a line at a time, while it would sit on a node or on a label already
    placed."""
    # (centre x, centre y, half width, half height) of what a label must not cover
    placed = [(x, y, w / 2, 16 + 6) for x, y, w in pos.values()]
    out = []
    for u, v, k, p1, c, p2, (lx, ly) in routes:
        half = 3.2 * len(k) + 4
        for _ in range(8):
            if not any(abs(lx - x) < half + hw and abs(ly - y) < 6 + hh for x, y, hw, hh in placed):
                break
            ly -= 11
        placed.append((lx, ly, half, 5))
        out.append((u, v, k, p1, c, p2, (lx, ly)))
    return out


def _canvas(pos) -> tuple[float, float]:
    w = max([x + ww / 2 for x, _, ww in pos.values()] + [300]) + 40
    h = max([y for _, y, _ in pos.values()] + [100]) + 110
    return w, h


def to_svg(g: nx.MultiDiGraph, *, interactive: bool = False) -> str:
    """SVG through Graphviz when it is installed, else the pure-Python layout."""
    if not interactive and shutil.which("dot"):
        try:
            out = subprocess.run(["dot", "-Tsvg"], input=to_dot(g).encode(), capture_output=True,
                                 timeout=60, check=True)
            return out.stdout.decode("utf-8")
        except (subprocess.SubprocessError, OSError):
            pass
    pos = layout(g)
    w, h = _canvas(pos)
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{w:.0f}" height="{h:.0f}" '
             f'viewBox="0 0 {w:.0f} {h:.0f}" font-family="DejaVu Sans, sans-serif" font-size="12">',
             '<defs><marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" '
             'markerHeight="7" orient="auto-start-reverse"><path d="M 0 0 L 10 5 L 0 10 z" '
             'fill="#444"/></marker></defs>', '<g id="viewport">']
    dash = {"dashed": "6,4", "dotted": "2,3", "solid": "", "bold": ""}
    for u, v, k, (x1, y1), c, (x2, y2), (lx, ly) in _routes(g, pos):
        style = EDGE_STYLES.get(k, "solid")
        width = 2.5 if style == "bold" else 1.3
        via = f"Q {c[0]:.0f} {c[1]:.0f} " if c else "L "
        parts.append(f'<g class="edge" data-type="{html.escape(k)}"><path d="M {x1:.0f} {y1:.0f} '
                     f'{via}{x2:.0f} {y2:.0f}" fill="none" stroke="#444" stroke-width="{width}" '
                     f'stroke-dasharray="{dash[style]}" marker-end="url(#arrow)"/>'
                     f'<text x="{lx:.0f}" y="{ly:.0f}" text-anchor="middle" '
                     f'font-size="10" fill="#333">{html.escape(k)}</text></g>')
    for n, a in g.nodes(data=True):
        x, y, bw = pos[n]
        colour = KIND_COLOURS.get(a.get("kind", ""), "#5d6d7e")
        title = html.escape(f"{n} — {a.get('title', '')}")
        parts.append(f'<g class="node" data-id="{html.escape(n, quote=True)}" '
                     f'transform="translate({x - bw / 2:.0f},{y - 16:.0f})" style="cursor:pointer">'
                     f'<title>{title}</title><rect width="{bw:.0f}" height="32" rx="8" fill="{colour}"/>'
                     f'<text x="{bw / 2:.0f}" y="20" text-anchor="middle" fill="#fff">'
                     f'{html.escape(_label(a, n))}</text></g>')
    kinds = sorted({a.get("kind", "") for _, a in g.nodes(data=True)} & set(KIND_COLOURS))
    lx = 20.0
    for k in kinds:
        parts.append(f'<rect x="{lx:.0f}" y="{h - 40:.0f}" width="14" height="14" fill="{KIND_COLOURS[k]}"/>'
                     f'<text x="{lx + 18:.0f}" y="{h - 28:.0f}">{html.escape(k)}</text>')
        lx += 70
    parts.append("</g></svg>")
    return "\n".join(parts) + "\n"


def to_png(g: nx.MultiDiGraph, path: str | Path) -> None:
    """PNG through Graphviz when installed, else matplotlib with the same layout."""
    if shutil.which("dot"):
        try:
            subprocess.run(["dot", "-Tpng", "-o", str(path)], input=to_dot(g).encode(),
                           capture_output=True, timeout=60, check=True)
            return
        except (subprocess.SubprocessError, OSError):
            pass
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    from matplotlib.patches import FancyArrowPatch, FancyBboxPatch, Patch
    from matplotlib.path import Path as MplPath

    pos = layout(g)
    w, h = _canvas(pos)
    fig = plt.figure(figsize=(max(4, w / 100), max(3, h / 100)), dpi=110)
    ax = fig.add_axes([0, 0, 1, 1])
    ax.set_xlim(0, w)
    ax.set_ylim(h, 0)
    ax.axis("off")
    ls = {"dashed": "--", "dotted": ":", "solid": "-", "bold": "-"}
    for u, v, k, p1, c, p2, (lx, ly) in _routes(g, pos):
        style = EDGE_STYLES.get(k, "solid")
        shape = dict(path=MplPath([p1, c, p2], [MplPath.MOVETO, MplPath.CURVE3, MplPath.CURVE3])) \
            if c else dict(posA=p1, posB=p2)
        ax.add_patch(FancyArrowPatch(**shape, arrowstyle="-|>", mutation_scale=14,
                                     linestyle=ls[style], linewidth=2.4 if style == "bold" else 1.2,
                                     color="#444", shrinkA=0, shrinkB=0))
        ax.text(lx, ly - 1, k, ha="center", va="bottom", fontsize=8, color="#333")
    for n, a in g.nodes(data=True):
        x, y, bw = pos[n]
        ax.add_patch(FancyBboxPatch((x - bw / 2, y - 15), bw, 30, boxstyle="round,pad=0,rounding_size=8",
                                    color=KIND_COLOURS.get(a.get("kind", ""), "#5d6d7e")))
        ax.text(x, y, _label(a, n), ha="center", va="center", color="white", fontsize=9)
    kinds = sorted({a.get("kind", "") for _, a in g.nodes(data=True)} & set(KIND_COLOURS))
    ax.legend(handles=[Patch(color=KIND_COLOURS[k], label=k) for k in kinds], loc="lower left",
              ncol=max(1, len(kinds)), frameon=False, fontsize=8)
    fig.savefig(str(path))
    plt.close(fig)


_PAGE = """<!DOCTYPE html>
<html lang="vi"><head><meta charset="utf-8"><title>__TITLE__</title>
<style>
body{margin:0;font-family:system-ui,"DejaVu Sans",sans-serif;display:flex;height:100vh}
#canvas{flex:1;overflow:hidden;background:#fafafa;cursor:grab}
#side{width:340px;padding:12px;border-left:1px solid #ddd;overflow:auto}
#side h2{font-size:16px;margin:.3em 0} #side dl{font-size:13px} #side dt{font-weight:bold;margin-top:6px}
.node.hit rect{stroke:#f1c40f;stroke-width:4} .node.dim{opacity:.25} .node.sel rect{stroke:#111;stroke-width:3}
input{width:100%;padding:6px;box-sizing:border-box}
</style></head><body>
<div id="canvas">__SVG__</div>
<div id="side"><input id="q" placeholder="Tìm văn bản: số, ký hiệu, tên…" aria-label="search">
<p id="count"></p><div id="record"><p>Bấm vào một văn bản để xem thông tin.</p></div>
<p style="font-size:12px;color:#666">Kéo để di chuyển, cuộn để phóng to.</p></div>
<script type="application/json" id="vk-data">__DATA__</script>
<script>
(function(){
  var data = JSON.parse(document.getElementById('vk-data').textContent);
  var svg = document.querySelector('#canvas svg'), vp = document.getElementById('viewport');
  var s = 1, tx = 0, ty = 0, drag = null;
  function apply(){ vp.setAttribute('transform','translate('+tx+','+ty+') scale('+s+')'); }
  document.getElementById('canvas').addEventListener('wheel', function(e){
    e.preventDefault(); var f = e.deltaY < 0 ? 1.1 : 1/1.1; s = Math.max(0.1, Math.min(8, s*f)); apply(); }, {passive:false});
  svg.addEventListener('mousedown', function(e){ drag = [e.clientX - tx, e.clientY - ty]; });
  window.addEventListener('mousemove', function(e){ if(drag){ tx = e.clientX - drag[0]; ty = e.clientY - drag[1]; apply(); } });
  window.addEventListener('mouseup', function(){ drag = null; });
  function el(tag, text){ var x = document.createElement(tag); x.textContent = text; return x; }
  function show(id){
    var r = data.nodes[id], box = document.getElementById('record'); box.textContent = '';
    if(!r){ return; }
    box.appendChild(el('h2', r.label + ' — ' + id));
    var dl = document.createElement('dl');
    [['Trích yếu', r.title], ['Ngày', r.date], ['Cơ quan', r.body], ['Khóa', r.term],
     ['Kiểm chứng', r.verification]].forEach(function(p){ if(p[1]){ dl.appendChild(el('dt', p[0])); dl.appendChild(el('dd', p[1])); } });
    var rels = data.edges[id] || [];
    if(rels.length){ dl.appendChild(el('dt', 'Quan hệ')); }
    rels.forEach(function(e){ dl.appendChild(el('dd', e)); });
    box.appendChild(dl);
    document.querySelectorAll('.node.sel').forEach(function(x){ x.classList.remove('sel'); });
    var node = document.querySelector('.node[data-id="' + CSS.escape(id) + '"]');
    if(node){ node.classList.add('sel'); }
  }
  function centre(n){
    var m = /translate\\(([-\\d.]+),([-\\d.]+)\\)/.exec(n.getAttribute('transform') || '');
    if(!m){ return; }
    var box = document.getElementById('canvas').getBoundingClientRect();
    tx = box.width / 2 - s * (parseFloat(m[1]) + 60); ty = box.height / 2 - s * parseFloat(m[2]); apply();
  }
  document.querySelectorAll('.node').forEach(function(n){
    n.addEventListener('click', function(e){ e.stopPropagation(); show(n.getAttribute('data-id')); });
  });
  function fold(t){ return t.normalize('NFD').replace(/[\\u0300-\\u036f]/g,'').replace(/[đĐ]/g,'d').toLowerCase(); }
  document.getElementById('q').addEventListener('input', function(){
    var q = fold(this.value.trim()), hits = 0;
    document.querySelectorAll('.node').forEach(function(n){
      var id = n.getAttribute('data-id'), r = data.nodes[id] || {};
      var hit = q && fold(id + ' ' + (r.label||'') + ' ' + (r.title||'')).indexOf(q) >= 0;
      n.classList.toggle('hit', !!hit); n.classList.toggle('dim', !!q && !hit); if(hit){ hits++; }
    });
    document.getElementById('count').textContent = q ? hits + ' văn bản' : '';
    var first = document.querySelector('.node.hit');
    if(first){ centre(first); }
  });
  window.vankienShow = show;
})();
</script></body></html>
"""


def to_html(g: nx.MultiDiGraph, title: str = "vankien — đồ thị văn bản") -> str:
    """One self-contained page (no network): pan, zoom, search, click a document for its record."""
    nodes = {n: {k: a.get(k, "") for k in ("label", "title", "date", "body", "term", "verification")}
             for n, a in g.nodes(data=True)}
    edges: dict[str, list[str]] = {}
    for u, v, k in g.edges(keys=True):
        edges.setdefault(u, []).append(f"→ {k} {v}")
        edges.setdefault(v, []).append(f"← {k} {u}")
    data = json.dumps({"nodes": nodes, "edges": edges}, ensure_ascii=False)
    # Keep the JSON inside its <script> element whatever the titles contain.
    data = data.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return (_PAGE.replace("__TITLE__", html.escape(title))
            .replace("__SVG__", to_svg(g, interactive=True))
            .replace("__DATA__", data))


def export(g: nx.MultiDiGraph, fmt: str, path: str | Path | None) -> str | None:
    """Write ``g`` as ``fmt`` to ``path`` (text formats return the text when path is None)."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r} (one of {', '.join(FORMATS)})")
    if fmt in ("graphml", "gexf", "png") and path is None:
        raise ValueError(f"--format {fmt} needs an output file (-o)")
    if fmt == "graphml":
        to_graphml(g, path)
        return None
    if fmt == "gexf":
        to_gexf(g, path)
        return None
    if fmt == "png":
        to_png(g, path)
        return None
    text = {"json": lambda: json.dumps(to_node_link(g), ensure_ascii=False, indent=1, default=str),
            "dot": lambda: to_dot(g), "mermaid": lambda: to_mermaid(g), "svg": lambda: to_svg(g),
            "html": lambda: to_html(g)}[fmt]()
    if path is None:
        return text
    Path(path).write_text(text, encoding="utf-8")
    return None
