"""Training of the statistical name tagger that extraction ships (``kg/extract/model``).

    kg train --out DIR [--data DIR] [--seed N]      # regenerate the data and retrain (--force: the shipped model)
    from kg.train.trainer import TrainSettings, train
    report = train(Path("model"), TrainSettings(seed=0))

With ``--data`` (annotated documents, e.g. ../shared/train), ``kg.train.relations`` then trains the
learned decisions of ``kg.extract.relation_model`` (which industry words name sectors, which entity
pairs are related) over what rules + that tagger find; ``kg.train.cv`` cross-validates them by
document (``kg eval --cv K``), ``kg.train.corpus`` reads the folder and makes the folds.

``kg.train.generate`` writes weakly labelled paragraphs from templates, the reference data and
composed names (no scored document is read); ``kg.train.trainer`` trains a spaCy Tagger with BIO
labels over jieba words and saves it. The same seed, code and reference data give the same
weights byte for byte.
"""
