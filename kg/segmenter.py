"""jieba, the word segmenter that normalising, extraction and training share.

Loaded once and quietly: jieba writes "Building prefix dict… Loading model cost 1.3 seconds" to
stderr at its first use, which no command may print. Every stage initialises it through here.
"""
from __future__ import annotations

import logging
from functools import lru_cache


@lru_cache(maxsize=1)
def jieba_tokenizer():  # type: ignore[no-untyped-def]
    """jieba's default tokenizer with its dictionary loaded, its start-up messages silenced."""
    import jieba

    jieba.setLogLevel(logging.WARNING)
    jieba.initialize()
    return jieba.dt
