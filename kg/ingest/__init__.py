"""Read input files and normalise their text: the first stage of the pipeline.

``iter_inputs`` lists the files under the paths a user gives, ``read_document`` turns one file
(.txt/.md in UTF-8 or GB18030, .html, .pdf) into a ``kg.model.Document`` with repaired text,
an offset map back to the source and its sentences.
"""
from kg.ingest.inputs import iter_inputs
from kg.ingest.normalise import normalise
from kg.ingest.reader import MEDIA_TYPES, read_document
from kg.ingest.sentences import split_sentences

__all__ = ["MEDIA_TYPES", "iter_inputs", "normalise", "read_document", "split_sentences"]
