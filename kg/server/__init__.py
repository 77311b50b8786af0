"""The Flask SPARQL 1.1 endpoint."""
