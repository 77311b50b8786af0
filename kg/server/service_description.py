"""The SPARQL 1.1 Service Description of this endpoint (sd: vocabulary), built from the
server's configuration so it states what this server really does (updates only when a token is
configured, federation only with --allow-service)."""
from __future__ import annotations

import pyoxigraph as ox

from kg.config import ServerConfig

SD = "http://www.w3.org/ns/sparql-service-description#"
FORMATS = "http://www.w3.org/ns/formats/"
RDF_TYPE = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
SD_PREFIXES = {"sd": SD, "formats": FORMATS}

RESULT_FORMATS = (
    "SPARQL_Results_JSON", "SPARQL_Results_XML", "SPARQL_Results_CSV", "SPARQL_Results_TSV",
    "Turtle", "N-Triples", "RDF_XML", "JSON-LD", "N-Quads", "TriG",
)
INPUT_FORMATS = ("Turtle", "N-Triples", "RDF_XML", "JSON-LD", "N-Quads", "TriG")


def service_description(endpoint: str, config: ServerConfig) -> list[ox.Triple]:
    """Triples describing the service at ``endpoint`` (the request URL of /sparql)."""
    service = ox.BlankNode("service")
    dataset = ox.BlankNode("dataset")
    default_graph = ox.BlankNode("defaultGraph")

    def sd(name: str) -> ox.NamedNode:
        return ox.NamedNode(SD + name)

    triples = [
        ox.Triple(service, RDF_TYPE, sd("Service")),
        ox.Triple(service, sd("endpoint"), ox.NamedNode(endpoint)),
        ox.Triple(service, sd("supportedLanguage"), sd("SPARQL11Query")),
        ox.Triple(service, sd("defaultDataset"), dataset),
        ox.Triple(dataset, RDF_TYPE, sd("Dataset")),
        ox.Triple(dataset, sd("defaultGraph"), default_graph),
        ox.Triple(default_graph, RDF_TYPE, sd("Graph")),
    ]
    if config.update_token:
        triples.append(ox.Triple(service, sd("supportedLanguage"), sd("SPARQL11Update")))
    if config.union_default_graph:
        triples.append(ox.Triple(service, sd("feature"), sd("UnionDefaultGraph")))
    if config.allow_service:
        triples.append(ox.Triple(service, sd("feature"), sd("BasicFederatedQuery")))
    triples += [ox.Triple(service, sd("resultFormat"), ox.NamedNode(FORMATS + f)) for f in RESULT_FORMATS]
    triples += [ox.Triple(service, sd("inputFormat"), ox.NamedNode(FORMATS + f)) for f in INPUT_FORMATS]
    return triples
