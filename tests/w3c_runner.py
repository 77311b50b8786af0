"""Runner for the W3C SPARQL 1.1 HTTP test manifests (Protocol, Graph Store Protocol).

Each test's ``mf:action`` is an ``ht:Connection`` whose ``ht:requests`` list is replayed in
order against a live server; each ``ht:resp`` is checked for ``mf:expectedStatus`` (class or
exact code), ``mf:expectedFormat`` / ``mf:expectedBoolean`` (Protocol), the expected Content-Type
and an RDF body isomorphic to the expected one (GSP), and ``mf:expectedLocation`` templates.
Graph data (``ut:graphData``) is loaded through SPARQL Update with the token.
"""
from __future__ import annotations

import csv
import io
import json
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path

import requests
from rdflib import BNode, Graph, Literal, Namespace, URIRef
from rdflib.collection import Collection
from rdflib.compare import isomorphic
from rdflib.namespace import RDF, RDFS

MF = Namespace("http://www.w3.org/2001/sw/DataAccess/tests/test-manifest#")
HT = Namespace("http://www.w3.org/2011/http#")
HTS = Namespace("http://www.w3.org/2011/http-statusCodes#")
CNT = Namespace("http://www.w3.org/2011/content#")
UT = Namespace("http://www.w3.org/2009/sparql/tests/test-update#")

STATUS_NAMES = {"OK": 200, "Created": 201, "NoContent": 204, "NotFound": 404, "BadRequest": 400}
RESULT_TYPES = {
    "application/sparql-results+json", "application/json", "application/sparql-results+xml",
    "application/xml", "text/xml", "text/csv", "text/tab-separated-values",
}
RDF_TYPES = {
    "text/turtle": "turtle", "application/n-triples": "nt", "application/rdf+xml": "xml",
    "application/ld+json": "json-ld", "application/n-quads": "nquads", "application/trig": "trig",
}


@dataclass
class ManifestTest:
    iri: URIRef
    name: str
    graph_data: list[tuple[Path, str]]  # (file, graph IRI)
    requests: list[BNode]


@dataclass
class Outcome:
    test: ManifestTest
    failures: list[str] = field(default_factory=list)

    @property
    def passed(self) -> bool:
        return not self.failures


def load_manifest(path: Path) -> tuple[Graph, list[ManifestTest]]:
    """The tests of a manifest (following ``mf:include``), in manifest order."""
    graph = Graph().parse(path, format="turtle", publicID=path.resolve().as_uri())
    manifest = URIRef(path.resolve().as_uri())
    tests: list[ManifestTest] = []
    for include_list in graph.objects(manifest, MF.include):
        for included in Collection(graph, include_list):
            included_graph, included_tests = load_manifest(Path(str(included).removeprefix("file://")))
            graph += included_graph
            tests += included_tests
    for entries in graph.objects(manifest, MF.entries):
        for iri in Collection(graph, entries):
            graph_data = [
                (Path(str(graph.value(d, UT.graph)).removeprefix("file://")), str(graph.value(d, RDFS.label)))
                for d in graph.objects(iri, UT.graphData)
            ]
            action = graph.value(iri, MF.action)
            requests_list = list(Collection(graph, graph.value(action, HT.requests)))
            tests.append(ManifestTest(iri, str(graph.value(iri, MF.name)), graph_data, requests_list))
    return graph, tests


class Runner:
    def __init__(self, graph: Graph, base: str, token: str, path_map: dict[str, str]) -> None:
        self.graph = graph
        self.base = base
        self.token = token
        self.path_map = path_map  # manifest path prefix → server path prefix

    def reset(self, test: ManifestTest) -> None:
        """Empty the store, then load the test's graph data (SPARQL Update, with the token)."""
        updates = ["DROP ALL"]
        for file, graph_iri in test.graph_data:
            updates.append(f"INSERT DATA {{ GRAPH <{graph_iri}> {{ {file.read_text('utf-8')} }} }}")
        response = requests.post(
            self.base + "/sparql", data=" ;\n".join(updates).encode("utf-8"), timeout=30,
            headers={"Content-Type": "application/sparql-update", "Authorization": f"Bearer {self.token}"},
        )
        response.raise_for_status()

    def run(self, test: ManifestTest) -> Outcome:
        self.reset(test)
        outcome = Outcome(test)
        templates: dict[str, str] = {}
        for number, request in enumerate(test.requests, 1):
            failures = self._run_request(request, templates)
            outcome.failures += [f"request {number}: {f}" for f in failures]
            if failures:
                break
        return outcome

    def _run_request(self, request: BNode, templates: dict[str, str]) -> list[str]:
        g = self.graph
        method = str(g.value(request, HT.methodName))
        path = self._substitute(str(g.value(request, HT.absolutePath)), templates)
        for prefix, replacement in self.path_map.items():
            if path.startswith(prefix):
                path = replacement + path[len(prefix):]
                break
        headers = {"Authorization": f"Bearer {self.token}"}
        for header in _list(g, g.value(request, HT.headers)):
            headers[str(g.value(header, HT.fieldName))] = str(g.value(header, HT.fieldValue))
        body = None
        content = g.value(request, HT.body)
        if content is not None:
            encoding = str(g.value(content, CNT.characterEncoding) or "UTF-8")
            body = self._substitute(str(g.value(content, CNT.chars)), templates).encode(encoding)
        url = self.base + path
        response = requests.request(method, url, data=body, headers=headers, timeout=30,
                                    allow_redirects=False)
        return self._check(g.value(request, HT.resp), response, templates, url)

    @staticmethod
    def _substitute(text: str, templates: dict[str, str]) -> str:
        for name, value in templates.items():
            text = text.replace(name, value)
        return text

    def _check(self, expected: BNode, response: requests.Response, templates: dict[str, str],
               url: str) -> list[str]:
        g = self.graph
        failures = []
        statuses = list(g.objects(expected, MF.expectedStatus))
        if statuses and not any(_status_matches(s, response.status_code) for s in statuses):
            wanted = ", ".join(str(s).split("#")[-1] for s in statuses)
            failures.append(f"{response.request.method} {url}: status {response.status_code} "
                            f"not in {wanted}: {response.text[:300]}")
            return failures
        location = g.value(expected, MF.expectedLocation)
        if location is not None:
            if "Location" not in response.headers:
                return failures + ["no Location header"]
            templates[str(location)] = response.headers["Location"]
        media = response.headers.get("Content-Type", "").split(";")[0].strip().lower()
        expected_format = g.value(expected, MF.expectedFormat)
        if expected_format is not None:
            failures += _check_format(str(expected_format), media, response,
                                      g.value(expected, MF.expectedBoolean))
        for header in _list(g, g.value(expected, HT.headers)):
            name = str(g.value(header, HT.fieldName))
            want = _normalise_header(str(g.value(header, HT.fieldValue)))
            got = _normalise_header(response.headers.get(name, ""))
            if want != got:
                failures.append(f"header {name}: {got!r} != {want!r}")
        expected_body = g.value(expected, HT.body)
        if expected_body is not None:
            want = Graph().parse(data=str(g.value(expected_body, CNT.chars)), format="turtle")
            got = Graph().parse(data=response.text, format=RDF_TYPES.get(media, "turtle"))
            if not isomorphic(want, got):
                failures.append(f"body not isomorphic to the expected graph:\n{response.text}")
        return failures


def _list(graph: Graph, head) -> list:
    return list(Collection(graph, head)) if head is not None else []


def _status_matches(expected: URIRef, code: int) -> bool:
    name = str(expected).split("#")[-1]
    if name.startswith("StatusCode") and name.endswith("xx"):
        return code // 100 == int(name[len("StatusCode")])
    return STATUS_NAMES[name] == code


def _normalise_header(value: str) -> str:
    return ";".join(part.strip().lower() for part in value.split(";"))


def _check_format(kind: str, media: str, response: requests.Response, expected_boolean) -> list[str]:
    if kind == "RDF":
        if media not in RDF_TYPES:
            return [f"RDF expected, got {media}"]
        Graph().parse(data=response.text, format=RDF_TYPES[media])
        return []
    if media not in RESULT_TYPES:
        return [f"SPARQL results expected, got {media}"]
    if kind == "boolean":
        if media in ("text/csv", "text/tab-separated-values"):
            return [f"boolean result cannot be {media}"]
        value = _parse_boolean(media, response.text)
        if expected_boolean is not None and value != Literal(expected_boolean).toPython():
            return [f"boolean {value} != expected {expected_boolean}"]
        return []
    if kind == "tabular":
        rows = _parse_tabular(media, response.text)
        return [] if rows is not None else ["no tabular results"]
    return [f"unknown expected format {kind}"]


def _parse_boolean(media: str, text: str) -> bool:
    if "json" in media:
        return json.loads(text)["boolean"]
    root = ET.fromstring(text)
    return root.find("{http://www.w3.org/2005/sparql-results#}boolean").text == "true"


def _parse_tabular(media: str, text: str) -> list | None:
    if "json" in media:
        data = json.loads(text)
        return data["results"]["bindings"] if "results" in data else None
    if "xml" in media:
        root = ET.fromstring(text)
        results = root.find("{http://www.w3.org/2005/sparql-results#}results")
        return list(results) if results is not None else None
    delimiter = "," if media == "text/csv" else "\t"
    return list(csv.reader(io.StringIO(text), delimiter=delimiter))


__all__ = ["RDF", "load_manifest", "Runner", "ManifestTest", "Outcome"]
