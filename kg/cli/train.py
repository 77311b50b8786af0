"""CLI command: ``kg train`` — regenerate the weakly labelled data and retrain the name tagger."""
from __future__ import annotations

from pathlib import Path

import click


@click.command("train")
@click.option("--out", type=click.Path(path_type=Path, file_okay=False), default=None,
              help="Folder to write the model to (default: the packaged model, kg/extract/model).")
@click.option("--seed", type=int, default=0, show_default=True, help="Seed of data generation and training.")
@click.option("--sentences", type=click.IntRange(min=50), default=None,
              help="Generated training paragraphs (default: the shipped model's setting).")
@click.option("--epochs", type=click.IntRange(min=1), default=None, help="Passes over the data.")
def train_command(out: Path | None, seed: int, sentences: int | None, epochs: int | None) -> None:
    """Generate weakly labelled sentences (templates + reference data + the rules' own labels)
    and train the name tagger that proposes firms and sectors no list holds."""
    from kg.config import NER_MODEL_DIR
    from kg.train.trainer import TrainSettings, train

    settings = TrainSettings(seed=seed)
    if sentences is not None:
        settings.sentences = sentences
        settings.dev_sentences = max(50, min(settings.dev_sentences, sentences // 10))
    if epochs is not None:
        settings.epochs = epochs
    target = out or NER_MODEL_DIR
    train(target, settings, log=lambda line: click.echo(line, err=True))
    click.echo(str(target))


COMMANDS: list[click.Command] = [train_command]
