"""Entity linking: one node per real-world entity across documents.

``Linker(store).link(extraction)`` resolves an extraction's entities against the store's nodes
before the extraction is written; ``resolve_name`` answers which node a name denotes;
``unmerge`` undoes a wrong merge.
"""
from kg.link.linker import DocumentLinks, EntityLink, Linker, resolve_name
from kg.link.merge import Unmerge, unmerge

__all__ = ["Linker", "DocumentLinks", "EntityLink", "resolve_name", "unmerge", "Unmerge"]
