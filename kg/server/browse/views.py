"""Blueprint ``browse``: search, the pages of entities and documents at their IRIs' local paths
(``/id/…``, HTML for browsers and RDF for linked-data clients), the neighbourhood graph as JSON,
and the labels the query page shows for IRIs."""
from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from flask import Blueprint, Response, current_app, jsonify, redirect, render_template, request, url_for
from pyoxigraph import NamedNode
from werkzeug.exceptions import BadRequest, NotAcceptable, NotFound

from kg.export.xml import TYPE_COLOR
from kg.graph.graph_index import GraphIndex
from kg.link.index import is_document_graph
from kg.model import ENTITY_TYPES
from kg.server import formats
from kg.server.auth import check_update_token
from kg.server.browse import describe, entities, search as searching
from kg.server.browse.document import document_view
from kg.server.browse.evidence import Reader
from kg.server.browse.labels import TYPE_LABEL, relation_label
from kg.server.browse.links import iri_for_path, local_path
from kg.server.browse.neighbourhood import MAX_HOPS, neighbourhood
from kg.server.params import one

bp = Blueprint("browse", __name__, template_folder="templates")

HTML = formats.Format("text/html", ("application/xhtml+xml",))
#: What /id/… answers in: a page for browsers, the description for RDF clients.
RESOURCE_FORMATS = (HTML, formats.TURTLE, formats.JSON_LD, formats.N_TRIPLES, formats.RDF_XML)
#: ``?format=`` names of the RDF formats, for links a browser can follow.
FORMAT_NAMES = {"turtle": formats.TURTLE, "jsonld": formats.JSON_LD, "ntriples": formats.N_TRIPLES,
                "rdfxml": formats.RDF_XML}
RDF_LINKS = (("turtle", "Turtle"), ("jsonld", "JSON-LD"), ("ntriples", "N-Triples"))
#: Evidence sentences shown per fact on an entity page.
MAX_EVIDENCE = 10
#: Most IRIs labelled in one /labels request.
MAX_LABELS = 5_000


@bp.app_context_processor
def template_helpers() -> dict:
    return {"local_path": local_path, "type_label": TYPE_LABEL, "relation_label": relation_label,
            "entity_types": ENTITY_TYPES}


@contextmanager
def index_db(state: Callable[[GraphIndex], Any] | None = None) -> Iterator:
    """A consistent read of the graph index for one request; with ``state``, also what ``state``
    tells of the index just before the read: yields (db, that)."""
    index = current_app.extensions["kg.graph_store"].current_index()
    before = state(index) if state is not None else None
    snapshot = index.snapshot()
    try:
        yield (snapshot.db, before) if state is not None else snapshot.db
    finally:
        snapshot.close()


def _store():
    return current_app.extensions["kg.graph_store"].store


def _wants_json() -> bool:
    if one("format") == "json":
        return True
    accept = request.accept_mimetypes
    return bool(accept) and accept.best_match(["text/html", "application/json"]) == "application/json"


def _int_arg(name: str, default: int, low: int, high: int) -> int:
    value = one(name)
    if not value:
        return default
    # ASCII digits only: "²" is a digit to str.isdigit but no number to int()
    if not (value.isascii() and value.isdigit()) or not low <= int(value) <= high:
        raise BadRequest(f"{name} must be a whole number from {low} to {high}, got {value!r}")
    return int(value)


# -- search ------------------------------------------------------------------------------------


@bp.get("/search")
def search() -> Response:
    text = (one("q") or "").strip()
    if len(text) > searching.MAX_QUERY_LENGTH:
        raise BadRequest(f"the search text is longer than {searching.MAX_QUERY_LENGTH} characters")
    entity_type = one("type") or None
    if entity_type is not None and entity_type not in ENTITY_TYPES:
        raise BadRequest(f"unknown type {entity_type!r} (choose from {', '.join(ENTITY_TYPES)})")
    limit = _int_arg("limit", searching.DEFAULT_LIMIT, 1, searching.MAX_LIMIT)
    page = _int_arg("page", 1, 1, 10_000)
    searcher = current_app.extensions.setdefault("kg.searcher", searching.Searcher())
    with index_db(searcher.state) as (db, state):
        results = searcher.search(state, db, text, entity_type=entity_type, limit=limit, offset=(page - 1) * limit)
    if _wants_json():
        response = jsonify({"query": text, "type": entity_type, "total": results.total, "results": [{
            "iri": hit.entity.iri, "url": local_path(hit.entity.iri), "label": hit.entity.label,
            "type": hit.entity.type, "aliases": list(hit.entity.aliases), "degree": hit.entity.degree,
            "match": hit.match, "matched_name": hit.matched_name} for hit in results.hits]})
        response.vary.add("Accept")
        return response
    return _html(render_template("browse/search.html", q=text, type=entity_type, results=results, page=page,
                                 limit=limit))


# -- /id/…: entities, documents, any other resource of ours -----------------------------------


@bp.get("/id/<path:path>")
def resource(path: str) -> Response:
    if (name := one("format")) is not None:
        fmt = FORMAT_NAMES.get(name)
        if fmt is None:
            raise BadRequest(f"format must be one of {', '.join(FORMAT_NAMES)}")
    else:
        fmt = formats.negotiate(request.accept_mimetypes, RESOURCE_FORMATS)
    if fmt is None:
        raise NotAcceptable("this resource is available as " + ", ".join(f.media_type for f in RESOURCE_FORMATS))
    iri = iri_for_path(path)
    try:
        NamedNode(iri)
    except ValueError:  # a guard: iri_segment percent-encodes what no IRI holds (/id/%FF, U+FFFD), pyoxigraph checks again
        raise NotFound(f"nothing is known about {iri}: it is no IRI") from None
    kind, _, rest = path.partition("/")
    if kind == "document" and "/" not in rest:
        return _document(iri, fmt)
    with index_db() as db:
        card = entities.card(db, iri)
        if card is not None and fmt is HTML:
            return _entity_page(db, card)
    description = describe.describe_resource(_store(), iri)
    if not description.triples:
        raise NotFound(f"nothing is known about {iri}")
    if fmt is HTML:
        rows = [[(term.value, isinstance(term, NamedNode)) for term in (t.subject, t.predicate, t.object)]
                for t in description.triples]
        return _html(render_template("browse/resource.html", iri=iri, rows=rows))
    return _rdf(fmt, description.triples, truncated=description.truncated)


def _rdf(fmt: formats.Format, triples, *, truncated: bool = False) -> Response:
    response = Response(formats.serialize_triples(fmt, triples, describe.DESCRIPTION_PREFIXES),
                        content_type=fmt.content_type)
    response.vary.add("Accept")
    if truncated:
        response.headers["X-KG-Truncated"] = "true"
    return response


def _html(body: str) -> Response:
    response = Response(body, content_type="text/html; charset=utf-8")
    response.vary.add("Accept")
    return response


def _entity_page(db, card: entities.Card) -> Response:
    groups = entities.groups(db, card.id)
    group = None
    if key := one("group"):
        group = next((g for g in groups if g.key == key), None)
        if group is None:
            raise NotFound(f"{card.label} has no facts in group {key!r}")
    total = group.count if group else sum(g.count for g in groups)
    pages = max(1, -(-total // entities.PAGE_SIZE))
    page = _int_arg("page", 1, 1, pages)
    facts = entities.facts(db, card.id, group=group, page=page - 1)
    reader = Reader(_store())
    evidence = [reader.evidence(fact.triple(card.iri), by_object=_by_object(card, fact))[:MAX_EVIDENCE] for fact in facts]
    return _html(render_template("browse/entity.html", entity=card, groups=groups, group=group, total=total,
                                 page=page, pages=pages, facts=list(zip(facts, evidence)), rdf_formats=RDF_LINKS))


def _by_object(card: entities.Card, fact: entities.Fact) -> bool:
    """Look a fact's evidence up from its end with fewer relations."""
    head_degree, tail_degree = (card.degree, fact.other.degree) if fact.outgoing else (fact.other.degree, card.degree)
    return tail_degree <= head_degree


def _document(iri: str, fmt: formats.Format) -> Response:
    if fmt is not HTML:
        triples = describe.describe_document(_store(), iri)
        if not triples:
            raise NotFound(f"no document {iri} in the store")
        return _rdf(fmt, triples)
    view = document_view(_store(), iri)
    if view is None:
        raise NotFound(f"no document {iri} in the store")
    return _html(render_template("browse/document.html", doc=view, removed=request.args.get("removed")))


@bp.post("/id/document/<sha256>/remove")
def remove_document(sha256: str) -> Response:
    """The document page's remove form: the update token comes as a form field."""
    from kg.server.documents import remove_document as remove

    check_update_token(form_field="token")
    removed = remove(sha256)
    return redirect(url_for("browse.search", removed=sha256, statements=removed), code=303)


@bp.get("/browse/types.css")
def type_styles() -> Response:
    """The colour of each entity type, as the exports give it (kg.export.xml.TYPE_COLOR)."""
    rules = [f".type-{t} {{ --type-color: rgb{TYPE_COLOR[t]}; }}" for t in ENTITY_TYPES]
    response = Response("\n".join(rules) + "\n", content_type="text/css; charset=utf-8")
    response.cache_control.max_age = 3600
    return response


# -- JSON for the pages' scripts ---------------------------------------------------------------


@bp.get("/graph/neighbourhood")
def neighbourhood_graph() -> Response:
    iri = one("iri") or ""
    hops = _int_arg("hops", 1, 1, MAX_HOPS)
    with index_db() as db:
        card = entities.card(db, iri)
        if card is None:
            raise NotFound(f"no entity {iri!r} in the graph")
        return jsonify(neighbourhood(db, card, hops).to_json())


@bp.post("/graph/labels")
def labels() -> Response:
    """Labels and pages of the IRIs of ours among those posted (``{"iris": [...]}``)."""
    body = request.get_json(silent=True)
    iris = body.get("iris") if isinstance(body, dict) else None
    if not isinstance(iris, list) or not all(isinstance(i, str) for i in iris):
        raise BadRequest('send JSON {"iris": ["…", …]}')
    if not all(_is_unicode(i) for i in iris):  # JSON may escape half a surrogate pair: "\ud800"
        raise BadRequest("an IRI holds a lone surrogate (such as \\ud800): no IRI does")
    if len(iris) > MAX_LABELS:
        raise BadRequest(f"at most {MAX_LABELS} IRIs per request")
    found = {}
    with index_db() as db:
        for start in range(0, len(iris), 500):
            batch = list(dict.fromkeys(iris[start:start + 500]))
            rows = db.execute(f"SELECT iri, id FROM node WHERE iri IN ({', '.join('?' * len(batch))})", batch).fetchall()
            cards = entities.cards(db, [node for _, node in rows])
            found.update({iri: {"label": cards[node].label, "type": cards[node].type, "url": local_path(iri)}
                          for iri, node in rows if node in cards})
    wanted = {iri for iri in iris if is_document_graph(iri)}
    documents = {document["iri"]: document for document in current_app.extensions["kg.graph_store"].documents()
                 if document["iri"] in wanted} if wanted else {}
    found.update({iri: {"label": document["source"] or iri.rsplit("/", 1)[-1], "type": "Document", "url": local_path(iri)}
                  for iri, document in documents.items()})
    return jsonify(found)


def _is_unicode(text: str) -> bool:
    """Whether ``text`` is Unicode text, which its SQLite look-up takes (no lone surrogate)."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True
