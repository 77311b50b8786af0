"""RDF graph building, the Oxigraph store and SHACL validation."""
