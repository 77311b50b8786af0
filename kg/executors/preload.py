"""Imported by the local pool's fork server (``--jobs N``): builds the extractor there once, so every
worker forked from the server starts with it already built (shared copy-on-write) instead of each
spending the extractor's start-up again."""
from kg.executors.unit import warm_up

warm_up()
