"""Entity and relation extraction with a spaCy pipeline built on jieba segmentation."""
