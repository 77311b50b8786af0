"""Hostile RDF bodies for the parser limits of kg.graph.rdf_input, and the memory cap of child
processes that try hostile input (where unguarded code would crash, abort or eat the machine's memory)."""
from __future__ import annotations

import resource

#: "Billion laughs" in RDF/XML: nine entities of ten uses each, 10^10 characters once expanded.
LAUGHS = ('<?xml version="1.0"?><!DOCTYPE rdf:RDF [<!ENTITY a0 "aaaaaaaaaa">'
          + "".join(f'<!ENTITY a{i} "' + f"&a{i - 1};" * 10 + '">' for i in range(1, 10))
          + ']><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:x="http://example.org/">'
          '<rdf:Description rdf:about="http://example.org/a"><x:p>&a9;</x:p></rdf:Description></rdf:RDF>')


def limit_memory() -> None:
    """A child's address space capped at 3 GB: the 10 GB pyoxigraph asked for LAUGHS fails there."""
    resource.setrlimit(resource.RLIMIT_AS, (3 << 30, 3 << 30))
