"""SPARQL text analysis that pyoxigraph does not expose: a lexer that follows the SPARQL 1.1
grammar's terminals, and the complexity limits checked before a query reaches the engine."""
