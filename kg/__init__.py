"""kg: a knowledge-graph builder and SPARQL service for Chinese policy and economic documents.

Data flows one way, and the sub-packages follow it:
read & normalise (``kg.ingest``) → extract (``kg.extract``) → link (``kg.link``)
→ write graph (``kg.graph``) → serve (``kg.server``) / export (``kg.export``).
"""

__version__ = "0.1.0"
