"""CLI command: ``kg train`` — retrain the name tagger and, from annotated documents, the relation classifier."""
from __future__ import annotations

import os
from pathlib import Path

import click

from kg.cli.option_checks import not_empty_path
from kg.errors import KgError


@click.command("train")
@click.option("--data", type=click.Path(file_okay=False), default=None, callback=not_empty_path,
              help="Annotated documents (texts beside their gold, e.g. ../shared/train) to train the relation "
                   "classifier on; without it only the tagger is trained.")
@click.option("--out", type=click.Path(file_okay=False), default=None, callback=not_empty_path,
              help="Folder to write the model to (default: the packaged model, kg/extract/model, with --force).")
@click.option("--force", is_flag=True, help="Overwrite the packaged model when no --out is given.")
@click.option("--seed", type=int, default=0, show_default=True, help="Seed of data generation and training.")
@click.option("--scorer", type=click.Path(dir_okay=False), default=None, callback=not_empty_path,
              help="The shared score.py whose matching labels the pairs (default: DATA/../eval/score.py).")
@click.option("--sentences", type=click.IntRange(min=50), default=None,
              help="Generated training paragraphs (default: the shipped model's setting).")
@click.option("--epochs", type=click.IntRange(min=1), default=None, help="Passes over the data.")
@click.option("--keep-tagger", is_flag=True,
              help="Train only the learned decisions (--data), over the tagger already in the model folder.")
def train_command(data: Path | None, out: Path | None, force: bool, seed: int, scorer: Path | None,
                  sentences: int | None, epochs: int | None, keep_tagger: bool) -> None:
    """Train the name tagger that proposes firms and sectors no list holds (on generated weakly
    labelled sentences) and, with --data, the entity decision (which proposed names to add) and the
    relation classifier over the entities they and the rules find. The same data, code and seed
    give the same bytes."""
    from kg.config import NER_MODEL_DIR
    from kg.train.corpus import load_annotated
    from kg.train.entities import train_entity_model
    from kg.train.relations import train_relation_model
    from kg.train.trainer import TAGGER, TrainSettings, train

    if out is None and not force:
        raise KgError(f"refusing to overwrite the packaged model in {NER_MODEL_DIR}: give --out DIR, or --force")
    scorer_path = scorer or (data.parent / "eval" / "score.py" if data else None)
    if data is not None and not data.is_dir():
        raise KgError(f"{data}: no such training folder")
    if scorer_path is not None and not scorer_path.is_file():
        raise KgError(f"scorer not found: {scorer_path} (give --scorer)")
    if data is not None:
        load_annotated(data)  # a folder without gold is an error now, not after the tagger's minutes
    settings = TrainSettings(seed=seed)
    if sentences is not None:
        settings.sentences = sentences
        settings.dev_sentences = max(50, min(settings.dev_sentences, sentences // 10))
    if epochs is not None:
        settings.epochs = epochs
    target = out or NER_MODEL_DIR
    if keep_tagger and (data is None or not (target / TAGGER).is_dir()):
        raise KgError(f"--keep-tagger needs --data and a tagger in {target}")
    _writable_folder(target)
    log = lambda line: click.echo(line, err=True)  # noqa: E731
    if not keep_tagger:
        train(target, settings, log=log)
    if data is not None:
        entities = train_entity_model(data, target, scorer_path, log=log)
        log(f"entity decision: {', '.join(sorted(entities.weights))} -> {entities.save(target)}")
        model = train_relation_model(data, target, scorer_path, log=log)
        log(f"relation classifier: {', '.join(sorted(model.weights))} -> {model.save(target)}")
    click.echo(str(target))


def _writable_folder(folder: Path) -> None:
    """Make ``folder``, or refuse it in one line now: a folder that cannot be made (--out /proc/x, or
    under a file) failed only when the model was saved, after the training's minutes, as a bare
    'FileNotFoundError'."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as err:
        raise KgError(f"cannot write the model to {folder}: {err.strerror or err}") from None
    if not os.access(folder, os.W_OK):
        raise KgError(f"cannot write the model to {folder}: permission denied")


COMMANDS: list[click.Command] = [train_command]
