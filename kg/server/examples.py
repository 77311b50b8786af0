"""Example queries over our RDF model, shown on the query page (and run by the tests, so they
stay valid as the model evolves). Every one is DISTINCT: in the union default graph a triple
stated by several documents is seen once per document graph."""
from __future__ import annotations

PREFIXES = """PREFIX kg: <https://w3id.org/kgcn/ontology#>
PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX dcterms: <http://purl.org/dc/terms/>
"""

EXAMPLES: dict[str, str] = {
    "Policies by issuer": PREFIXES + """
SELECT DISTINCT ?issuer ?issuerName ?policy ?policyName WHERE {
  ?policy kg:issuedBy ?issuer .
  ?policy rdfs:label ?policyName .
  ?issuer rdfs:label ?issuerName .
}
ORDER BY ?issuerName ?policyName
LIMIT 100""",
    "Industries a region develops": PREFIXES + """
SELECT DISTINCT ?region ?regionName ?industry ?industryName WHERE {
  ?region a kg:Region ; rdfs:label ?regionName ; kg:develops ?industry .
  ?industry a kg:Industry ; rdfs:label ?industryName .
}
ORDER BY ?regionName ?industryName
LIMIT 100""",
    "Evidence sentence of each fact": PREFIXES + """
SELECT DISTINCT ?head ?relation ?tail ?confidence ?sentence ?document ?file WHERE {
  ?assertion a kg:Assertion ;
      rdf:subject ?head ; rdf:predicate ?relation ; rdf:object ?tail ;
      prov:wasDerivedFrom ?s .
  OPTIONAL { ?assertion kg:confidence ?confidence }
  ?s a kg:Sentence ; kg:text ?sentence ; kg:start ?start ; dcterms:isPartOf ?document .
  OPTIONAL { ?document dcterms:source ?file }
}
ORDER BY ?file ?start ?relation
LIMIT 100""",
    "Entities by type": PREFIXES + """
SELECT ?type (COUNT(DISTINCT ?entity) AS ?entities) WHERE {
  VALUES ?type { kg:Policy kg:Region kg:Enterprise kg:Industry kg:Organization }
  ?entity a ?type .
}
GROUP BY ?type
ORDER BY DESC(?entities)""",
}

#: How the query page names each example.
EXAMPLE_TITLES: dict[str, str] = {
    "Policies by issuer": "各机构发布的政策",
    "Industries a region develops": "各地区发展的产业",
    "Evidence sentence of each fact": "每条事实的原文句子",
    "Entities by type": "各类型实体数量",
}
