"""GraphML and GEXF writers for Gephi: generators of text chunks, nodes first, then edges.

Each writer declares every attribute once with its type, then streams :class:`Selection` rows,
buffering a few thousand elements per chunk. Gephi reads colour only from integer ``r``/``g``/``b``
GraphML keys and from GEXF ``color`` elements, and node size from ``size``; edge ids are our own
counter, so parallel edges between one pair (different relations) stay distinct (networkx#4347).
"""
from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterator
from xml.sax.saxutils import escape

from kg.charsets import XML_FORBIDDEN
from kg.export.policy_facts import FIGURE_ATTRIBUTES, FIGURE_TYPE, POLICY_ATTRIBUTES
from kg.export.selection import DOCUMENT_TYPE, EdgeRow, Node, Selection
from kg.export.xml_names import escape_non_name_chars
from kg.vocab import ID

#: Node colour per type (Gephi shows these as is).
TYPE_COLOR: dict[str, tuple[int, int, int]] = {
    "Policy": (230, 85, 13),
    "Region": (49, 130, 189),
    "Enterprise": (49, 163, 84),
    "Industry": (117, 107, 177),
    "Organization": (214, 39, 40),
    DOCUMENT_TYPE: (150, 150, 150),
    FIGURE_TYPE["target"]: (253, 174, 107),
    FIGURE_TYPE["reported"]: (189, 189, 189),
}
#: Optional node attributes (policy facts, figures): name → GraphML type; written only when set.
#: Years are integers. A figure's value is a double, for Gephi's ranking and filters, and as
#: stated in ``value_exact``: a double keeps 15-17 digits, and networkx reads 780 as 780.0.
_FACT_TYPES = {**{name: "string" for name in (*POLICY_ATTRIBUTES, *FIGURE_ATTRIBUTES)},
               "period_start": "int", "period_end": "int", "year": "int", "value": "double", "value_exact": "string"}
#: GEXF's names of the GraphML types that differ.
_GEXF_TYPE = {"int": "integer"}
#: What an int attribute may hold (Gephi reads it as a Java int) and a double one.
_INT = re.compile(r"-?[0-9]{1,9}")
_DECIMAL = re.compile(r"[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)")
CHUNK = 2000  # elements per yielded chunk

_ATTR_ENTITIES = {'"': "&quot;", "\n": "&#10;", "\r": "&#13;", "\t": "&#9;"}
#: Characters XML 1.0 forbids even as character references, and a literal ``_`` that opens what
#: reads as an escape (``_x0041_``): both written ``_xHHHH_``, so ``_x([0-9A-Fa-f]{4})_`` → that
#: character undoes it (the XmlConvert.EncodeName convention the GraphML node ids use too).
_UNWRITABLE = re.compile(f"[{XML_FORBIDDEN}]|_(?=x[0-9A-Fa-f]{{4}}_)")
# Any character text() or attr() changes: most names have none, and skip the work.
_TEXT_SPECIAL = re.compile(f"[&<>]|{_UNWRITABLE.pattern}")
_ATTR_SPECIAL = re.compile(f"[&<>\"\n\r\t]|{_UNWRITABLE.pattern}")


class XmlEscaper:
    """Escapes values for XML 1.0 text and attributes, counting the characters XML cannot hold
    (written ``_xHHHH_`` rather than dropped), so the writer can say how many it wrote so."""

    def __init__(self) -> None:
        self.unwritable = 0

    def text(self, value: str) -> str:
        return escape(self._encode(value)) if _TEXT_SPECIAL.search(value) else value

    def attr(self, value: str) -> str:
        return escape(self._encode(value), _ATTR_ENTITIES) if _ATTR_SPECIAL.search(value) else value

    def _encode(self, value: str) -> str:
        return _UNWRITABLE.sub(self._encode_one, value)

    def _encode_one(self, match: re.Match) -> str:
        if match.group() != "_":
            self.unwritable += 1
        return f"_x{ord(match.group()):04X}_"

    def notice(self) -> str:
        """An XML comment ending the file when some characters were escaped, so a download says it too."""
        if not self.unwritable:
            return ""
        return (f"<!-- kg: {self.unwritable} character(s) XML 1.0 cannot hold are written _xHHHH_"
                " (their code point in hex) -->\n")


def node_size(degree: int) -> float:
    """Node size for Gephi: grows with the square root of the degree, so hubs stay readable."""
    return round(10.0 + 5.0 * math.sqrt(degree), 3)


def graphml_id(iri: str) -> str:
    """A GraphML node id (xs:NMTOKEN) for ``iri``: readable and one-to-one.

    Our data namespace is dropped and ``/`` becomes ``:`` (``region:江苏省``); any character
    that is not an XML 1.0 fourth-edition name character (what libxml2 checks) is written
    ``_xHHHH_``, ``_`` included so the mapping stays reversible (``kg.export.xml_names``). The
    full IRI is kept in the ``iri`` attribute.
    """
    base = str(ID)
    rest = iri[len(base):] if iri.startswith(base) else iri
    return escape_non_name_chars(rest.replace("/", ":"))


def _number(value: float) -> str:
    return repr(float(value))


def _facts(attributes: dict[str, str]) -> Iterator[tuple[str, str]]:
    """A node's facts as written: a year only if it is an integer and a value as a double only if it
    is a decimal number (a raw update may have stored anything; a reader fails on such a text under
    its type), and the value as stated always."""
    for name, text in attributes.items():
        if name == "value":
            yield "value_exact", text
        kind = _FACT_TYPES[name]
        if kind == "string" or (_INT if kind == "int" else _DECIMAL).fullmatch(text):
            yield name, text


# -- GraphML ---------------------------------------------------------------------------------------

_GRAPHML_KEYS = (
    # (id, for, attr.name, attr.type)
    ("label", "node", "label", "string"),
    ("type", "node", "type", "string"),
    ("iri", "node", "iri", "string"),
    ("aliases", "node", "aliases", "string"),
    ("documents", "node", "documents", "int"),
    ("degree", "node", "degree", "int"),
    ("r", "node", "r", "int"),
    ("g", "node", "g", "int"),
    ("b", "node", "b", "int"),
    ("size", "node", "size", "double"),
    *((name, "node", name, kind) for name, kind in _FACT_TYPES.items()),
    ("edge_label", "edge", "label", "string"),
    ("relation", "edge", "relation", "string"),
    ("weight", "edge", "weight", "int"),
    ("confidence", "edge", "confidence", "double"),
)


def graphml(selection: Selection, escaper: XmlEscaper | None = None) -> Iterator[str]:
    esc = escaper or XmlEscaper()
    yield ('<?xml version="1.0" encoding="UTF-8"?>\n'
           '<graphml xmlns="http://graphml.graphdrawing.org/xmlns"'
           ' xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"'
           ' xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns'
           ' http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">\n')
    yield "".join(f'  <key id="{k}" for="{f}" attr.name="{n}" attr.type="{t}"/>\n'
                  for k, f, n, t in _GRAPHML_KEYS)
    yield '  <graph id="kg" edgedefault="directed">\n'
    ids: dict[int, str] = {}  # node key → its id
    try:
        yield from _chunks(_graphml_node(node, ids, esc) for node in selection.nodes())
        yield from _edge_chunks(selection, ids, _graphml_edges)
    finally:  # a client gone mid-download releases the index snapshot too
        selection.close()
    yield "  </graph>\n</graphml>\n" + esc.notice()


def _graphml_node(node: Node, ids: dict[int, str], esc: XmlEscaper) -> str:
    node_id = ids[node.key] = graphml_id(node.iri)  # name characters and _xHHHH_ only
    r, g, b = TYPE_COLOR[node.type]
    return (
        f'    <node id="{node_id}">'
        f'<data key="label">{esc.text(node.label)}</data>'
        f'<data key="type">{node.type}</data>'
        f'<data key="iri">{esc.text(node.iri)}</data>'
        f'<data key="aliases">{esc.text("|".join(node.aliases))}</data>'
        f'<data key="documents">{node.documents}</data>'
        f'<data key="degree">{node.degree}</data>'
        f'<data key="r">{r}</data><data key="g">{g}</data><data key="b">{b}</data>'
        f'<data key="size">{_number(node_size(node.degree))}</data>'
        + "".join(f'<data key="{name}">{esc.text(value)}</data>' for name, value in _facts(node.attributes))
        + '</node>\n'
    )


def _graphml_edges(batch: list[EdgeRow], n: int, ids: dict[int, str]) -> str:
    """The hot loop of a big export: one f-string per edge, no intermediate objects (str.format
    takes twice as long). The weight is a count (documents, mentions): an int, which Gephi reads
    as a weight as it does a double."""
    return "".join([
        f'    <edge id="e{n + i}" source="{ids[head]}" target="{ids[tail]}">'
        f'<data key="edge_label">{relation}</data><data key="relation">{relation}</data>'
        f'<data key="weight">{weight}</data><data key="confidence">{confidence!r}</data></edge>\n'
        for i, (head, relation, tail, weight, confidence) in enumerate(batch)])


# -- GEXF ------------------------------------------------------------------------------------------

#: The namespace the GEXF 1.2 schema we validate against (../shared/eval/schemas/gexf.xsd) declares.
GEXF_NS = "http://www.gexf.net/1.2draft"
#: The viz module's namespace (colour, size, position, shape), imported by that schema.
GEXF_VIZ_NS = f"{GEXF_NS}/viz"
_GEXF_NODE_ATTRIBUTES = (("type", "string"), ("iri", "string"), ("aliases", "string"),
                         ("documents", "integer"), ("degree", "integer"),
                         *((name, _GEXF_TYPE.get(kind, kind)) for name, kind in _FACT_TYPES.items()))
_GEXF_EDGE_ATTRIBUTES = (("relation", "string"), ("confidence", "double"))


def gexf(selection: Selection, escaper: XmlEscaper | None = None) -> Iterator[str]:
    """GEXF 1.2 without layout. Colour and size are ``viz:color``/``viz:size`` in the viz namespace,
    as the GEXF primer and Gephi write them and networkx and graphology read them; ``<graph>`` has
    no ``name``, which the schema rejects."""
    esc = escaper or XmlEscaper()
    yield ('<?xml version="1.0" encoding="UTF-8"?>\n'
           f'<gexf xmlns="{GEXF_NS}" xmlns:viz="{GEXF_VIZ_NS}" version="1.2">\n'
           '  <meta><creator>kg</creator><description>Knowledge graph of Chinese policy documents'
           '</description></meta>\n'
           '  <graph defaultedgetype="directed" mode="static">\n')
    for cls, attributes in (("node", _GEXF_NODE_ATTRIBUTES), ("edge", _GEXF_EDGE_ATTRIBUTES)):
        yield f'    <attributes class="{cls}" mode="static">\n'
        yield "".join(f'      <attribute id="{name}" title="{name}" type="{kind}"/>\n'
                      for name, kind in attributes)
        yield "    </attributes>\n"
    yield f'    <nodes count="{selection.node_count}">\n'
    ids: dict[int, str] = {}  # node key → its IRI (the GEXF id), escaped for an attribute value
    try:
        yield from _chunks(_gexf_node(node, ids, esc) for node in selection.nodes())
        yield "    </nodes>\n    <edges>\n"
        yield from _edge_chunks(selection, ids, _gexf_edges)
    finally:  # a client gone mid-download releases the index snapshot too
        selection.close()
    yield "    </edges>\n  </graph>\n</gexf>\n" + esc.notice()


def _gexf_node(node: Node, ids: dict[int, str], esc: XmlEscaper) -> str:
    node_id = ids[node.key] = esc.attr(node.iri)
    r, g, b = TYPE_COLOR[node.type]
    return (
        f'      <node id="{node_id}" label="{esc.attr(node.label)}"><attvalues>'
        f'<attvalue for="type" value="{node.type}"/>'
        f'<attvalue for="iri" value="{node_id}"/>'
        f'<attvalue for="aliases" value="{esc.attr("|".join(node.aliases))}"/>'
        f'<attvalue for="documents" value="{node.documents}"/>'
        f'<attvalue for="degree" value="{node.degree}"/>'
        + "".join(f'<attvalue for="{name}" value="{esc.attr(value)}"/>' for name, value in _facts(node.attributes))
        + '</attvalues>'
        f'<viz:color r="{r}" g="{g}" b="{b}"/><viz:size value="{_number(node_size(node.degree))}"/>'
        '</node>\n'
    )


def _gexf_edges(batch: list[EdgeRow], n: int, ids: dict[int, str]) -> str:
    return "".join([
        f'      <edge id="e{n + i}" source="{ids[head]}" target="{ids[tail]}"'
        f' label="{relation}" weight="{weight}"><attvalues>'
        f'<attvalue for="relation" value="{relation}"/>'
        f'<attvalue for="confidence" value="{confidence!r}"/></attvalues></edge>\n'
        for i, (head, relation, tail, weight, confidence) in enumerate(batch)])


def _edge_chunks(selection: Selection, ids: dict[int, str],
                 write: Callable[[list[EdgeRow], int, dict[int, str]], str]) -> Iterator[str]:
    """One chunk per batch of edges, numbered e0, e1, … across batches."""
    n = 0
    for batch in selection.edge_batches():
        yield write(batch, n, ids)
        n += len(batch)


def _chunks(elements: Iterator[str]) -> Iterator[str]:
    buffer: list[str] = []
    for element in elements:
        buffer.append(element)
        if len(buffer) >= CHUNK:
            yield "".join(buffer)
            buffer.clear()
    if buffer:
        yield "".join(buffer)
