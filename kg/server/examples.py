"""Example queries over our RDF model, shown on the query page (and run by the tests, so they
stay valid as the model evolves). Every one is DISTINCT: in the union default graph a triple
stated by several documents is seen once per document graph."""
from __future__ import annotations

PREFIXES = """PREFIX kg: <https://w3id.org/kgcn/ontology#>
PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX dcterms: <http://purl.org/dc/terms/>
PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
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
    "2025 digital-economy targets by province, highest first": PREFIXES + """
SELECT DISTINCT ?province ?indicator ?comparator ?value ?unit ?policy ?number WHERE {
  ?target a kg:Target ; kg:year "2025"^^xsd:gYear ; kg:figureOf ?subject ;
          kg:indicator ?indicator ; kg:comparator ?comparator ; kg:value ?value ; kg:unit ?unit ;
          kg:statedIn ?p .
  ?p kg:level <https://w3id.org/kgcn/id/level/provincial> ; rdfs:label ?policy .
  ?subject rdfs:label ?subjectName .
  FILTER(CONTAINS(STR(?indicator), "数字经济") || CONTAINS(STR(?subjectName), "数字经济"))
  OPTIONAL { ?subject a kg:Region . BIND(?subjectName AS ?region) }
  OPTIONAL { ?p kg:appliesTo/rdfs:label ?appliesTo }
  OPTIONAL { ?target prov:wasDerivedFrom/dcterms:isPartOf/kg:isTextOf/dcterms:identifier ?number }
  BIND(COALESCE(?region, ?appliesTo) AS ?province)
  BIND(IF(STRSTARTS(?unit, "万亿"), 1e12, IF(STRSTARTS(?unit, "亿"), 1e8, IF(STRSTARTS(?unit, "万"), 1e4, 1))) AS ?scale)
  BIND(IF(?scale = 1, ?unit, REPLACE(?unit, "^(万亿|亿|万)", "")) AS ?baseUnit)
}
ORDER BY ?baseUnit DESC(?value * ?scale)
LIMIT 100""",
    "Policies with number, date, kind and level": PREFIXES + """
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
SELECT DISTINCT ?policy ?number ?issued ?kind ?level ?start ?end WHERE {
  ?p a kg:Policy ; rdfs:label ?policy ; dcterms:type ?kindConcept .
  OPTIONAL { ?kindConcept skos:prefLabel ?kindLabel FILTER(LANG(?kindLabel) = "zh") }
  BIND(COALESCE(?kindLabel, REPLACE(STR(?kindConcept), "^.*/", "")) AS ?kind)
  OPTIONAL { ?p dcterms:identifier ?number }
  OPTIONAL { ?p dcterms:issued ?issued }
  OPTIONAL { ?p kg:level ?levelConcept BIND(REPLACE(STR(?levelConcept), "^.*/", "") AS ?level) }
  OPTIONAL { ?p kg:periodStart ?start ; kg:periodEnd ?end }
}
ORDER BY DESC(?issued) ?policy
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
