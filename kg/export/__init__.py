"""Exports of the graph: GraphML and GEXF for Gephi, and RDF serialisations."""
