"""Example queries over our RDF model, shown on the query page (and run by the tests, so they
stay valid as the model evolves)."""
from __future__ import annotations

PREFIXES = """PREFIX kg: <https://w3id.org/kgcn/ontology#>
PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX dcterms: <http://purl.org/dc/terms/>
"""

EXAMPLES: dict[str, str] = {
    "Policies by issuer": PREFIXES + """
SELECT ?issuer ?issuerName ?policy ?policyName WHERE {
  ?policy kg:issuedBy ?issuer .
  ?policy rdfs:label ?policyName .
  ?issuer rdfs:label ?issuerName .
}
ORDER BY ?issuerName ?policyName
LIMIT 100""",
    "Industries a region develops": PREFIXES + """
SELECT ?region ?regionName ?industry ?industryName WHERE {
  ?region a kg:Region ; rdfs:label ?regionName ; kg:develops ?industry .
  ?industry a kg:Industry ; rdfs:label ?industryName .
}
ORDER BY ?regionName ?industryName
LIMIT 100""",
    "Evidence sentence of each fact": PREFIXES + """
SELECT ?headName ?relation ?tailName ?confidence ?sentence ?document WHERE {
  ?assertion a kg:Assertion ;
      rdf:subject ?head ; rdf:predicate ?relation ; rdf:object ?tail ;
      prov:wasDerivedFrom ?s .
  OPTIONAL { ?assertion kg:confidence ?confidence }
  ?s a kg:Sentence ; kg:text ?sentence ; dcterms:isPartOf ?document .
  ?head rdfs:label ?headName .
  ?tail rdfs:label ?tailName .
}
LIMIT 100""",
    "Entities by type": PREFIXES + """
SELECT ?type (COUNT(DISTINCT ?entity) AS ?entities) WHERE {
  VALUES ?type { kg:Policy kg:Region kg:Enterprise kg:Industry kg:Organization }
  ?entity a ?type .
}
GROUP BY ?type
ORDER BY DESC(?entities)""",
}
