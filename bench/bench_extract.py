"""Extraction throughput over ../shared/corpus: chars/s per core, beside jieba's cut alone.

Run as ``python -m bench.bench_extract``. The target is >= 50,000 normalised chars/s on one
core; jieba segmentation (the floor of any jieba-based pipeline) is timed on the same text in the
same run, and the ratio is printed.
"""
from __future__ import annotations

import sys
import time
from pathlib import Path

CORPUS = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus"
TARGET = 50_000


def main(corpus: Path = CORPUS) -> int:
    import jieba

    from kg.extract import Extractor
    from kg.ingest import read_document

    files = sorted(p for p in corpus.iterdir() if p.is_file())
    if not files:
        print(f"no corpus files under {corpus}", file=sys.stderr)
        return 1
    documents = [read_document(p) for p in files]
    chars = sum(len(d.text) for d in documents)
    extractor = Extractor()  # loading (reference, jieba dictionary) is not part of throughput
    extractor.extract(documents[0])

    began = time.process_time()
    relations = entities = 0
    for document in documents:
        extraction = extractor.extract(document)
        entities += len(extraction.entities)
        relations += len(extraction.relations)
    extract_seconds = time.process_time() - began

    began = time.process_time()
    for document in documents:
        for _ in jieba.cut(document.text):
            pass
    jieba_seconds = time.process_time() - began

    extract_rate = chars / extract_seconds
    jieba_rate = chars / jieba_seconds
    print(f"corpus: {len(documents)} files, {chars:,} chars; {entities} entities, {relations} relations")
    print(f"kg extract : {extract_rate:>10,.0f} chars/s per core (CPU {extract_seconds:.2f} s)")
    print(f"jieba cut  : {jieba_rate:>10,.0f} chars/s per core (CPU {jieba_seconds:.2f} s)")
    print(f"ratio      : extraction runs at {extract_rate / jieba_rate:.2f}× jieba's cut; "
          f"target {TARGET:,} chars/s {'met' if extract_rate >= TARGET else 'NOT met'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
