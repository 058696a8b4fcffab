"""The ``vankien`` command.

    vankien lookup "Kết luận 43"            # loose input, ranked candidates
    vankien show 25-NQ/TW@XI               # the whole record, relations both ways
    vankien cite article.txt --format json # citations in a text, resolved and checked
    vankien check *.txt                    # file:line:col: code: message (suggestion)

Heavy modules load inside the commands that need them, so that a lookup starts fast.
"""

from __future__ import annotations

import csv
import json
import os
import sys

# The CLI uses no pydantic plugins; skipping their discovery saves a package-metadata scan at
# every start (an explicit setting in the environment still wins).
os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")

import click  # noqa: E402


class UserError(click.ClickException):
    """A clear message and exit status 2, never a traceback."""

    exit_code = 2


def _catalog(path: str | None = None):
    from directives import Catalog, CatalogError, DataFileError

    try:
        return Catalog.from_path(path) if path else Catalog.load()
    except (CatalogError, DataFileError, FileNotFoundError) as exc:
        raise UserError(str(exc)) from None


def _echo_json(obj) -> None:
    click.echo(json.dumps(obj, ensure_ascii=False, indent=2))


def _table(rows: list[list[str]], headers: list[str]) -> str:
    widths = [max(len(h), *(len(r[i]) for r in rows)) if rows else len(h)
              for i, h in enumerate(headers)]
    line = "  ".join(h.ljust(w) for h, w in zip(headers, widths))
    out = [line.rstrip(), "  ".join("-" * w for w in widths)]
    for r in rows:
        out.append("  ".join(c.ljust(w) for c, w in zip(r, widths)).rstrip())
    return "\n".join(out)


def _record_rows(cands) -> list[list[str]]:
    from directives import format_date
    from directives.formatting import shorten

    rows = []
    for c in cands:
        d = c.directive
        rows.append([d.id, format_date(d.date) if d.date else "?", d.body or "?",
                     d.verification.value, shorten(d.title, 70)])
    return rows


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="vankien", prog_name="vankien")
def main() -> None:
    """vankien — Communist Party of Vietnam documents and the citations between them."""


# -- catalog queries ----------------------------------------------------------------------------

@main.command()
@click.argument("query")
@click.option("--year", type=int, help="Only documents dated in this year.")
@click.option("--term", help="Only documents of this term (khóa), e.g. XI or 11.")
@click.option("--body", help="Prefer this body: BCHTW, BCT, BBT or a name such as 'Ban Bí thư'.")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table",
              show_default=True)
@click.option("--catalog", "catalog_path", type=click.Path(), help="Use this catalog folder.")
def lookup(query: str, year: int | None, term: str | None, body: str | None, fmt: str,
           catalog_path: str | None) -> None:
    """Find documents by a loose QUERY: "25-NQ/TW", "NQ 25", "nghi quyet 25", "KL43"."""
    from directives.catalog import parse_symbol

    cat = _catalog(catalog_path)
    symbol = parse_symbol(query) if not body else None
    try:
        if symbol:  # a plain symbol needs no citation engine (and starts faster)
            cands = cat.find(symbol[0], symbol[1], symbol[2], term=term, year=year)
        else:
            from citations.query import lookup as do_lookup

            cands = do_lookup(cat, query, year=year, term=term, body=body)
    except KeyError as exc:
        raise UserError(str(exc.args[0])) from None
    if not cands:
        from citations.query import suggestions

        sugg = suggestions(cat, query)
        msg = f"not found: {query!r}"
        if sugg:
            msg += "; did you mean: " + ", ".join(sugg)
        if fmt == "json":
            _echo_json([])
        click.echo(msg, err=True)
        sys.exit(1)
    if fmt == "json":
        _echo_json([dict(c.directive.to_record(), score=c.score) for c in cands])
        return
    if len(cands) > 1:
        click.echo(f"{len(cands)} documents match {query!r}, best first:")
    click.echo(_table(_record_rows(cands), ["id", "date", "body", "verification", "title"]))


@main.command()
@click.argument("doc_id")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text",
              show_default=True)
def show(doc_id: str, fmt: str) -> None:
    """The whole record of DOC_ID (e.g. 25-NQ/TW@XI), with relations in both directions."""
    from directives import format_citation, format_date, get_vocabulary

    cat = _catalog()
    try:
        d = cat.get(doc_id)
    except KeyError:
        from citations.query import suggestions

        sugg = suggestions(cat, doc_id)
        click.echo(f"no document with id {doc_id!r}" +
                   (f"; did you mean: {', '.join(sugg)}" if sugg else ""), err=True)
        sys.exit(1)
    incoming = cat.incoming(d.id)
    if fmt == "json":
        rec = d.to_record()
        rec["incoming"] = [{"type": r.type, "source": s.id} for s, r in incoming]
        _echo_json(rec)
        return
    vocab = get_vocabulary()
    click.echo(format_citation(d))
    click.echo("")
    fields = [("id", d.id), ("kind", f"{d.kind} ({d.type_name})"), ("number", d.number),
              ("issuer", d.issuer), ("body", d.body_name), ("date", format_date(d.date) if d.date else None),
              ("term", d.term), ("plenum", d.plenum), ("locality", d.locality),
              ("local term", d.local_term), ("status", d.status.value),
              ("superseded by", d.superseded_by), ("verification", d.verification.value)]
    for k, v in fields:
        if v not in (None, ""):
            click.echo(f"{k:>14}: {v}")
    if d.title:
        click.echo(f"{'title':>14}: {d.title}")
    for a in d.aliases:
        click.echo(f"{'alias':>14}: {a}")
    for s in d.sources:
        click.echo(f"{'source':>14}: {s.url}" + (f"  [{', '.join(s.facts)}]" if s.facts else ""))
    for c in d.conflicts:
        click.echo(f"{'conflict':>14}: {c.field}: {' | '.join(c.values)}" + (f" — {c.note}" if c.note else ""))
    if d.relations or incoming:
        click.echo("\nrelations:")
    for r in d.relations:
        click.echo(f"  → {vocab.relation_type(r.type).label} {r.target}")
    for s, r in incoming:
        click.echo(f"  ← {vocab.relation_type(r.type).inverse_label} {s.id}")
    if d.note:
        click.echo(f"\nnote: {d.note}")


@main.command()
@click.argument("text", nargs=-1, required=True)
@click.option("--limit", default=10, show_default=True)
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table",
              show_default=True)
def search(text: tuple[str, ...], limit: int, fmt: str) -> None:
    """Fuzzy search of titles and aliases ("cong tac dan van" finds "công tác dân vận")."""
    cat = _catalog()
    hits = cat.search(" ".join(text), limit=limit)
    if fmt == "json":
        _echo_json([dict(c.directive.to_record(), score=c.score) for c in hits])
        return
    if not hits:
        click.echo("no match", err=True)
        sys.exit(1)
    rows = [[f"{c.score:.0f}"] + r for c, r in zip(hits, _record_rows(hits))]
    click.echo(_table(rows, ["score", "id", "date", "body", "verification", "title"]))


@main.command(name="format")
@click.argument("doc_id")
@click.option("--no-title", is_flag=True, help="Leave out the trích yếu.")
def format_(doc_id: str, no_title: bool) -> None:
    """The canonical Vietnamese citation of DOC_ID."""
    from directives import format_citation

    cat = _catalog()
    try:
        click.echo(format_citation(cat.get(doc_id), with_title=not no_title))
    except KeyError:
        click.echo(f"no document with id {doc_id!r}", err=True)
        sys.exit(1)


# -- catalog maintenance ------------------------------------------------------------------------

@main.group()
def catalog() -> None:
    """Check, count and grow the catalog."""


@catalog.command()
@click.argument("path", required=False, type=click.Path())
@click.option("--strict", is_flag=True, help="Treat warnings as errors.")
def validate(path: str | None, strict: bool) -> None:
    """Report every problem in the catalog (the bundled one, or PATH)."""
    from directives import Catalog
    from directives.paths import catalog_dir

    target = path or str(catalog_dir())
    cat, problems = Catalog.check_path(target)
    errors = [p for p in problems if p.severity == "error"]
    warnings = [p for p in problems if p.severity != "error"]
    for p in problems:
        click.echo(str(p))
    click.echo(f"{len(cat)} entries, {len(errors)} error(s), {len(warnings)} warning(s) in {target}",
               err=True)
    if errors or (strict and warnings):
        sys.exit(1)


@catalog.command()
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text",
              show_default=True)
def stats(fmt: str) -> None:
    """Counts by term, kind, body and verification; relations; gaps in numbered series."""
    from directives.stats import catalog_stats, render_stats

    data = catalog_stats(_catalog())
    if fmt == "json":
        _echo_json(data)
    else:
        click.echo(render_stats(data))


@catalog.command()
@click.argument("citation")
@click.option("--date", "date_", help="Date (YYYY-MM-DD or DD/MM/YYYY).")
@click.option("--body", help="Body code (BCHTW, BCT, BBT…) or name.")
@click.option("--term", help="Term (khóa).")
@click.option("--title", help="Trích yếu, without the leading 'về'.")
@click.option("--alias", "aliases", multiple=True, help="A short name; repeatable.")
@click.option("--source", "sources", multiple=True, required=True,
              help="A URL, or URL|number,date,body when it gave only those facts; repeatable.")
@click.option("--verification", type=click.Choice(["verified", "single", "conflict", "unverified"]),
              default="single", show_default=True)
@click.option("--locality", help="Locality slug for local documents.")
@click.option("--local-term", help="Local term (nhiệm kỳ), e.g. 2020-2025.")
@click.option("--file", "file_", type=click.Path(), help="Catalog file to write (default: by term).")
def add(citation: str, date_: str | None, body: str | None, term: str | None, title: str | None,
        aliases: tuple[str, ...], sources: tuple[str, ...], verification: str,
        locality: str | None, local_term: str | None, file_: str | None) -> None:
    """Add an entry from a CITATION string such as "Kết luận số 43-KL/TW" and flags."""
    from directives.editing import AddError, add_entry

    try:
        path, entry_id = add_entry(citation, date=date_, body=body, term=term, title=title,
                                   aliases=list(aliases), sources=list(sources),
                                   verification=verification, locality=locality,
                                   local_term=local_term, file=file_)
    except AddError as exc:
        raise UserError(str(exc)) from None
    click.echo(f"added {entry_id} to {path}")


# -- citations in text --------------------------------------------------------------------------

def _articles(inputs, encoding, errors, published, locality):
    from citations.inputs import InputError, iter_articles, parse_date

    try:
        pub = parse_date(published, "--published") if published else None
    except InputError as exc:
        raise UserError(str(exc)) from None
    stdin_bytes = sys.stdin.buffer.read() if "-" in inputs else None
    skipped: list[str] = []
    try:
        for art in iter_articles(list(inputs), encoding=encoding, errors=errors,
                                 stdin_bytes=stdin_bytes, skipped=skipped):
            if pub and art.published is None:
                art.published = pub
            if locality and art.locality is None:
                art.locality = locality
            for w in art.warnings:
                click.echo(f"warning: {w}", err=True)
            yield art
    except InputError as exc:
        raise UserError(str(exc)) from None
    for s in skipped:
        click.echo(f"warning: {s}: binary file skipped", err=True)
    if skipped:
        click.echo(f"warning: {len(skipped)} binary file(s) skipped", err=True)


def _progress(arts, inputs):
    """Articles, MB, MB/s and ETA on stderr while reading, when stderr is a terminal."""
    import time

    if not sys.stderr.isatty():
        yield from arts
        return
    total = 0
    for i in inputs:
        if i != "-" and os.path.isfile(i):
            total += os.path.getsize(i)
        elif i != "-" and os.path.isdir(i):
            for root, _, files in os.walk(i):
                total += sum(os.path.getsize(os.path.join(root, f)) for f in files)
    t0 = time.perf_counter()
    done = 0
    n = 0
    for art in arts:
        yield art
        n += 1
        done += len(art.text.encode("utf-8"))
        dt = max(time.perf_counter() - t0, 1e-6)
        rate = done / 1e6 / dt
        eta = f", ETA {max(0.0, (total - done) / 1e6 / rate):.0f}s" if total and rate else ""
        sys.stderr.write(f"\r{n} articles, {done / 1e6:.1f} MB, {rate:.1f} MB/s{eta}   ")
    sys.stderr.write("\n")


_input_options = [
    click.option("--published", help="Publication date of the text (YYYY-MM-DD or DD/MM/YYYY)."),
    click.option("--locality", help="Locality of the text, for local documents (e.g. tra-vinh)."),
    click.option("--encoding", default="auto", show_default=True,
                 help="Input encoding: auto (UTF-8/BOM/UTF-16/Windows-1258) or a codec name."),
    click.option("--errors", type=click.Choice(["strict", "replace"]), default="strict",
                 show_default=True, help="What to do with undecodable bytes."),
]


def input_options(f):
    for opt in reversed(_input_options):
        f = opt(f)
    return f


@main.command()
@click.argument("inputs", nargs=-1, required=True)
@click.option("--format", "fmt", type=click.Choice(["table", "json", "jsonl", "csv"]),
              default="table", show_default=True)
@click.option("--jobs", type=int, default=0, show_default=True,
              help="Processes to use (0 = all cores).")
@input_options
def cite(inputs, fmt, jobs, published, locality, encoding, errors) -> None:
    """Find, resolve and check every Party citation in INPUTS (files, folders, .jsonl, -)."""
    from citations.corpus import analyze_articles, jsonl_line
    from directives.formatting import shorten

    arts = _progress(_articles(inputs, encoding, errors, published, locality), inputs)
    multi = len(inputs) > 1 or any(i != "-" and os.path.isdir(i) for i in inputs) \
        or any(i.endswith(".jsonl") for i in inputs)
    out = sys.stdout
    if fmt == "jsonl":
        for line in analyze_articles(arts, jobs=jobs, work=jsonl_line):
            out.write(line + "\n")
        return
    results = analyze_articles(arts, jobs=jobs)
    if fmt == "json":
        collected = [(a, r) for a, r in results]
        if multi:
            _echo_json({"articles": [dict(id=a, **r) for a, r in collected]})
        else:
            _echo_json(collected[0][1] if collected else {"citations": [], "relations": []})
        return
    if fmt == "csv":
        w = csv.writer(out)
        w.writerow(["article", "start", "end", "text", "form", "kind", "number", "issuer_code",
                    "date", "body", "term", "resolved_id", "confidence", "issues"])
        for art_id, r in results:
            for c in r["citations"]:
                w.writerow([art_id, c["start"], c["end"], c["text"], c["form"], c["kind"],
                            c["number"], c["issuer_code"], c["date"], c["body"], c["term"],
                            (c["resolved"] or {}).get("id"), c["confidence"], " | ".join(c["issues"])])
        return
    for art_id, r in results:
        if multi:
            click.echo(f"== {art_id}")
        rows = [[f"{c['start']}-{c['end']}", c["form"], shorten(c["text"].replace("\n", " "), 50),
                 (c["resolved"] or {}).get("id") or "-", f"{c['confidence']:.2f}",
                 "; ".join(i.split(":")[0] for i in c["issues"])] for c in r["citations"]]
        click.echo(_table(rows, ["span", "form", "text", "resolved", "conf", "issues"]))
        for rel in r["relations"]:
            src = rel["source"]
            s = f"{src.get('id') or src['start']}" if src else "(this text)"
            t = rel["target"].get("id") or rel["target"]["start"]
            click.echo(f"  {s} —{rel['type']}→ {t}  [{rel['cue']}]")


@main.command()
@click.argument("inputs", nargs=-1, required=True)
@click.option("--format", "fmt", type=click.Choice(["text", "json", "diff"]), default="text",
              show_default=True,
              help="diff: a unified diff that corrects every flagged fact the catalog can put "
                   "right (dates, bodies, khóa, symbols), for review and `patch -p1`.")
@input_options
def check(inputs, fmt, published, locality, encoding, errors) -> None:
    """Lint INPUTS: file:line:col: code: message (suggestion). Exit 1 when anything is flagged."""
    from citations.api import analyze

    flagged = 0
    report = []
    for art in _articles(inputs, encoding, errors, published, locality):
        a = analyze(art.text, published=art.published, locality=art.locality, html=art.html)
        if fmt == "diff":
            flagged += sum(len(c.issues) for c in a.citations)
            _echo_diff(art.id, art.text, a.citations)
            continue
        for c in a.citations:
            line = art.text.count("\n", 0, c.start) + 1
            col = c.start - (art.text.rfind("\n", 0, c.start) + 1) + 1
            for issue in c.issues:
                flagged += 1
                item = {"file": art.id, "line": line, "col": col, "start": c.start, "end": c.end,
                        "text": c.text, "code": issue.code, "message": issue.message,
                        "suggestion": issue.suggestion,
                        "fix": issue.fix.to_json() if issue.fix else None,
                        "resolved": c.resolved.id if c.resolved else None}
                report.append(item)
                if fmt == "text":
                    sug = f" ({issue.suggestion})" if issue.suggestion else ""
                    click.echo(f"{art.id}:{line}:{col}: {issue.code}: {issue.message}{sug}")
    if fmt == "json":
        _echo_json(report)
    sys.exit(1 if flagged else 0)


def _patch_lines(s: str) -> list[str]:
    # Lines as patch sees them: split at "\n" only (str.splitlines also splits at "\r",
    # U+2028, form feeds and other breaks that patch keeps inside a line).
    parts = s.split("\n")
    return [x + "\n" for x in parts[:-1]] + ([parts[-1]] if parts[-1] else [])


def _echo_diff(name: str, text: str, citations) -> None:
    import difflib

    from citations.annotate import corrected

    fixed = corrected(text, citations)
    if fixed == text:
        return
    for line in difflib.unified_diff(_patch_lines(text), _patch_lines(fixed), f"a/{name}", f"b/{name}"):
        # A last line with no line break gets patch's marker, or the next line would join it.
        click.echo(line if line.endswith("\n") else line + "\n\\ No newline at end of file\n",
                   nl=False)


@main.command()
@click.argument("input_", metavar="INPUT")
@click.option("--format", "fmt", type=click.Choice(["html", "md"]), default="html",
              show_default=True)
@click.option("-o", "--output", type=click.Path(), help="Write here instead of stdout.")
@input_options
def annotate(input_, fmt, output, published, locality, encoding, errors) -> None:
    """INPUT with every citation marked and linked to its record."""
    from citations.annotate import annotate as do_annotate
    from citations.api import analyze

    arts = list(_articles([input_], encoding, errors, published, locality))
    if not arts:
        raise UserError(f"{input_}: nothing to annotate")
    art = arts[0]
    a = analyze(art.text, published=art.published, locality=art.locality, html=art.html)
    page = do_annotate(art.text, a.citations, fmt=fmt, title=os.path.basename(art.id))
    if output:
        with open(output, "w", encoding="utf-8") as fh:
            fh.write(page)
    else:
        click.echo(page, nl=False)


@main.command(name="stats")
@click.argument("inputs", nargs=-1, required=True)
@click.option("--top", default=20, show_default=True, help="How many documents to list.")
@click.option("--chart", type=click.Path(), help="Write a PNG chart of the top documents by year.")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.option("--jobs", type=int, default=1, show_default=True, help="Processes (0 = all cores).")
@input_options
def corpus_stats(inputs, top, chart, fmt, jobs, published, locality, encoding, errors) -> None:
    """Most cited documents, citations per year and locality, over a corpus (INPUTS)."""
    from citations.corpus import analyze_articles
    from citations.corpus_stats import CorpusStats

    st = CorpusStats()
    for art_id, r in analyze_articles(_articles(inputs, encoding, errors, published, locality), jobs=jobs):
        st.add(art_id, r)
    if chart:
        st.chart(chart)
    data = st.to_json(top)
    if fmt == "json":
        _echo_json(data)
        return
    click.echo(f"{data['articles']} articles, {data['citations']} citations "
               f"({data['unresolved']} unresolved)")
    click.echo(_table([[str(x["count"]), x["id"]] for x in data["most_cited"]], ["count", "document"]))
    click.echo("by year: " + ", ".join(f"{k} {v}" for k, v in data["by_year"].items()))
    click.echo("by locality: " + ", ".join(f"{k} {v}" for k, v in data["by_locality"].items()))


@main.command()
@click.argument("sources", nargs=-1)
@click.option("--root", help="Only the part of the graph around this document id.")
@click.option("--depth", type=int, default=None, help="How many relations away from --root.")
@click.option("--types", help="Relation types to keep, comma-separated (continues,implements…).")
@click.option("--format", "fmt", type=click.Choice(["graphml", "gexf", "json", "dot", "mermaid",
                                                    "svg", "png", "html"]),
              default="mermaid", show_default=True)
@click.option("-o", "--output", type=click.Path(), help="Output file (needed for graphml, gexf, png).")
@click.option("--no-catalog", is_flag=True, help="Only relations read from SOURCES.")
@click.option("--cites", is_flag=True, help="Add text nodes with 'cites' edges to what they cite.")
@click.option("--query", type=click.Choice(["lineage", "most-cited", "isolated", "chain"]),
              help="Print a query result instead of exporting.")
@click.option("--to", "to_id", help="Second document for --query chain.")
@input_options
def graph(sources, root, depth, types, fmt, output, no_catalog, cites, query, to_id, published,
          locality, encoding, errors) -> None:
    """The graph of documents and their relations, from the catalog and/or SOURCES."""
    from citations.export import export
    from citations.graph import (TextSource, build_graph, isolated, lineage, most_cited,
                                 shortest_chain, subgraph)

    cat = _catalog()
    texts = [TextSource(a.id, a.text, a.published, a.locality, a.html)
             for a in _articles(sources, encoding, errors, published, locality)] if sources else []
    g = build_graph(cat, texts, include_catalog=not no_catalog, cites=cites)
    root_id = (cat.resolve_id(root) or root) if root else None
    type_list = [t.strip() for t in types.split(",")] if types else None
    if query:
        try:
            if query == "lineage":
                if not root_id:
                    raise UserError("--query lineage needs --root")
                _echo_json(lineage(g, root_id, type_list))
            elif query == "chain":
                if not (root_id and to_id):
                    raise UserError("--query chain needs --root and --to")
                _echo_json(shortest_chain(g, root_id, cat.resolve_id(to_id) or to_id, type_list))
            elif query == "most-cited":
                _echo_json(most_cited(g, 20))
            else:
                _echo_json(isolated(g))
        except KeyError as exc:
            raise UserError(str(exc.args[0])) from None
        return
    try:
        if root_id or type_list:
            g = subgraph(g, root_id, depth, type_list)
        text = export(g, fmt, output)
    except (KeyError, ValueError) as exc:
        raise UserError(str(exc.args[0])) from None
    if text is not None:
        click.echo(text, nl=False)
    else:
        click.echo(f"wrote {g.number_of_nodes()} documents and {g.number_of_edges()} relations to {output}",
                   err=True)


if __name__ == "__main__":  # pragma: no cover
    main()
