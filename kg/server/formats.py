"""Content negotiation and serialisation of SPARQL results and RDF graphs.

SELECT results are serialised here, in Python, one solution at a time, rather than by
``QuerySolutions.serialize``: the endpoint must check the query deadline and the row cap between
solutions, which a single call into pyoxigraph cannot do. Graph results go through
``pyoxigraph.serialize`` fed by a generator that makes the same checks.
"""
from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from xml.parsers import expat
from xml.sax.saxutils import escape, quoteattr

import pyoxigraph as ox
from werkzeug.datastructures import MIMEAccept

from kg.charsets import XML_FORBIDDEN

XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
RDF_LANG_STRING = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"
_NOT_IN_XML = re.compile(f"[{XML_FORBIDDEN}]")
_ASK_ANOTHER = ": ask for another format (JSON, Turtle, N-Triples)"


class NotXml(Exception):
    """A result XML 1.0 cannot hold: a character it forbids even escaped (U+0001 or U+FFFE in a literal
    an update stored), or, in RDF/XML, a predicate no element can be named after (http://example.org/123).
    Oxigraph and the writers here wrote them as they were: a 200 answer no XML parser reads. The app
    answers it 406, as the query processes do."""


@dataclass(frozen=True)
class Format:
    media_type: str  # the canonical type we answer with
    aliases: tuple[str, ...] = ()  # other types a client may ask for

    @property
    def content_type(self) -> str:
        return f"{self.media_type}; charset=utf-8"


JSON = Format("application/sparql-results+json", ("application/json",))
XML = Format("application/sparql-results+xml", ("application/xml", "text/xml"))
CSV = Format("text/csv")
TSV = Format("text/tab-separated-values")
#: Result formats in order of preference when a client accepts anything.
SOLUTION_FORMATS = (JSON, XML, CSV, TSV)
BOOLEAN_FORMATS = (JSON, XML)

TURTLE = Format("text/turtle", ("application/x-turtle",))
N_TRIPLES = Format("application/n-triples", ("text/plain",))
RDF_XML = Format("application/rdf+xml")
JSON_LD = Format("application/ld+json")
N_QUADS = Format("application/n-quads", ("text/x-nquads",))
TRIG = Format("application/trig")
GRAPH_FORMATS = (TURTLE, N_TRIPLES, RDF_XML, JSON_LD, N_QUADS, TRIG)
RDF_FORMAT = {
    TURTLE: ox.RdfFormat.TURTLE,
    N_TRIPLES: ox.RdfFormat.N_TRIPLES,
    RDF_XML: ox.RdfFormat.RDF_XML,
    JSON_LD: ox.RdfFormat.JSON_LD,
    N_QUADS: ox.RdfFormat.N_QUADS,
    TRIG: ox.RdfFormat.TRIG,
}
DATASET_FORMATS = (TRIG, N_QUADS)


def negotiate(accept: MIMEAccept, offered: Iterable[Format]) -> Format | None:
    """The offered format the client prefers (q-values, wildcards); the first offered one when
    the client sent no Accept header; None when nothing offered is acceptable (→ 406)."""
    offered = tuple(offered)
    if not accept:
        return offered[0]
    # Parameters such as "; charset=utf-8" do not change which syntax a client wants.
    accept = MIMEAccept([(value.split(";")[0].strip(), quality) for value, quality in accept])
    by_type = {t: f for f in offered for t in (f.media_type, *f.aliases)}
    best = accept.best_match(list(by_type))
    return by_type[best] if best else None


def parse_rdf_format(content_type: str | None) -> ox.RdfFormat | None:
    """The RDF syntax of a request body from its Content-Type (parameters ignored)."""
    if not content_type:
        return None
    media = content_type.split(";")[0].strip().lower()
    for fmt in GRAPH_FORMATS:
        if media in (fmt.media_type, *fmt.aliases):
            return RDF_FORMAT[fmt]
    return None


# -- SELECT ---------------------------------------------------------------------------------------


def serialize_solutions(fmt: Format, variables: list[str], rows: Iterator[list]) -> bytes:
    """``rows`` (lists of terms or None, in ``variables`` order) in ``fmt``."""
    writer = {JSON: _json_solutions, XML: _xml_solutions, CSV: _csv_solutions, TSV: _tsv_solutions}
    return writer[fmt](variables, rows).encode("utf-8")


def serialize_boolean(fmt: Format, value: bool) -> bytes:
    if fmt is XML:
        return (
            '<?xml version="1.0"?>\n<sparql xmlns="http://www.w3.org/2005/sparql-results#">'
            f"<head/><boolean>{'true' if value else 'false'}</boolean></sparql>\n"
        ).encode()
    return json.dumps({"head": {}, "boolean": value}).encode()


def _json_term(term) -> dict:
    if isinstance(term, ox.NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, ox.BlankNode):
        return {"type": "bnode", "value": term.value}
    if isinstance(term, ox.Literal):
        out = {"type": "literal", "value": term.value}
        if term.language:
            out["xml:lang"] = term.language
        elif term.datatype.value != XSD_STRING:
            out["datatype"] = term.datatype.value
        return out
    return {  # RDF 1.2 triple term
        "type": "triple",
        "value": {k: _json_term(getattr(term, k)) for k in ("subject", "predicate", "object")},
    }


def _json_solutions(variables: list[str], rows: Iterator[list]) -> str:
    parts = []
    for row in rows:
        binding = {v: _json_term(t) for v, t in zip(variables, row) if t is not None}
        parts.append(json.dumps(binding, ensure_ascii=False))
    head = json.dumps({"vars": variables}, ensure_ascii=False)
    return f'{{"head":{head},"results":{{"bindings":[\n' + ",\n".join(parts) + "\n]}}\n"


def _xml_term(term) -> str:
    if isinstance(term, ox.NamedNode):
        return f"<uri>{escape(_xml_text(term.value))}</uri>"
    if isinstance(term, ox.BlankNode):
        return f"<bnode>{escape(term.value)}</bnode>"
    if isinstance(term, ox.Literal):
        value = escape(_xml_text(term.value))
        if term.language:
            return f"<literal xml:lang={quoteattr(term.language)}>{value}</literal>"
        if term.datatype.value != XSD_STRING:
            return f"<literal datatype={quoteattr(_xml_text(term.datatype.value))}>{value}</literal>"
        return f"<literal>{value}</literal>"
    inner = "".join(
        f"<{k}>{_xml_term(getattr(term, k))}</{k}>" for k in ("subject", "predicate", "object")
    )
    return f"<triple>{inner}</triple>"


def _xml_text(text: str) -> str:
    """``text``, unless XML 1.0 cannot hold it (:class:`NotXml`)."""
    if found := _NOT_IN_XML.search(text):
        raise NotXml(f"the result holds U+{ord(found.group()):04X}, which XML cannot hold even escaped{_ASK_ANOTHER}")
    return text


def _xml_solutions(variables: list[str], rows: Iterator[list]) -> str:
    out = [
        '<?xml version="1.0"?>\n<sparql xmlns="http://www.w3.org/2005/sparql-results#"><head>',
        *(f"<variable name={quoteattr(v)}/>" for v in variables),
        "</head><results>\n",
    ]
    for row in rows:
        out.append("<result>")
        out.extend(
            f"<binding name={quoteattr(v)}>{_xml_term(t)}</binding>"
            for v, t in zip(variables, row)
            if t is not None
        )
        out.append("</result>\n")
    out.append("</results></sparql>\n")
    return "".join(out)


def _csv_value(term) -> str:
    if term is None:
        return ""
    value = f"_:{term.value}" if isinstance(term, ox.BlankNode) else getattr(term, "value", str(term))
    if any(c in value for c in ',"\r\n'):
        value = '"' + value.replace('"', '""') + '"'
    return value


def _csv_solutions(variables: list[str], rows: Iterator[list]) -> str:
    lines = [",".join(variables)]
    lines.extend(",".join(_csv_value(t) for t in row) for row in rows)
    return "\r\n".join(lines) + "\r\n"


def _tsv_solutions(variables: list[str], rows: Iterator[list]) -> str:
    lines = ["\t".join(f"?{v}" for v in variables)]
    lines.extend("\t".join("" if t is None else str(t) for t in row) for row in rows)
    return "\n".join(lines) + "\n"


# -- graphs ---------------------------------------------------------------------------------------


def serialize_triples(fmt: Format, triples: Iterable[ox.Triple], prefixes: dict[str, str]) -> bytes:
    """Triples in ``fmt``; quad formats get them in the default graph."""
    data: Iterable = triples
    if fmt in DATASET_FORMATS:
        data = (ox.Quad(t.subject, t.predicate, t.object, ox.DefaultGraph()) for t in triples)
    return _serialize(fmt, data, prefixes)


def serialize_quads(fmt: Format, quads: Iterable[ox.Quad], prefixes: dict[str, str]) -> bytes:
    """Quads in ``fmt``; triple formats accept only quads of one graph (the caller's job)."""
    data: Iterable = quads
    if fmt not in DATASET_FORMATS:
        data = (q.triple for q in quads)
    return _serialize(fmt, data, prefixes)


def _serialize(fmt: Format, data: Iterable, prefixes: dict[str, str]) -> bytes:
    use_prefixes = prefixes if fmt in (TURTLE, TRIG, RDF_XML) else None
    if fmt is RDF_XML:
        data = (_fit_for_rdf_xml(triple) for triple in data)
    return ox.serialize(data, format=RDF_FORMAT[fmt], prefixes=use_prefixes) or b""


def _fit_for_rdf_xml(triple: ox.Triple) -> ox.Triple:
    """``triple``, unless RDF/XML cannot write it (:class:`NotXml`)."""
    for term in (triple.subject, triple.predicate, triple.object):
        if isinstance(term, ox.Triple):
            _fit_for_rdf_xml(term)
        elif isinstance(term, ox.Literal):
            for text in (term.value, term.datatype.value):
                _xml_text(text)
        else:
            _xml_text(term.value)
    if not _names_an_element(triple.predicate.value):
        raise NotXml(f"RDF/XML cannot write the predicate <{triple.predicate.value}>, which ends in no XML name"
                     + _ASK_ANOTHER)
    return triple


@lru_cache(maxsize=1024)
def _names_an_element(predicate: str) -> bool:
    """Whether Oxigraph's RDF/XML writer makes an element of ``predicate``: it splits off the XML name
    the IRI ends with, and wrote ``<oxprefix:`` when there is none (…/123, …/, …#)."""
    written = ox.serialize([ox.Triple(ox.NamedNode("http://example.org/s"), ox.NamedNode(predicate), ox.Literal(""))],
                           format=ox.RdfFormat.RDF_XML)
    try:
        expat.ParserCreate(namespace_separator=" ").Parse(written, True)  # names checked as XML namespaces do
    except expat.ExpatError:
        return False
    return True
