"""Training of the statistical name tagger that extraction ships (``kg/extract/model``).

    kg train [--out DIR] [--seed N]                 # regenerate the data and retrain
    from kg.train.trainer import TrainSettings, train
    report = train(Path("model"), TrainSettings(seed=0))

``kg.train.generate`` writes weakly labelled paragraphs from templates, the reference data and
composed names (no scored document is read); ``kg.train.trainer`` trains a spaCy Tagger with BIO
labels over jieba words and saves it. The same seed, code and reference data give the same
weights byte for byte.
"""
