"""CLI commands: ``kg extract`` (one file, no store) and ``kg eval`` (dev-gold score table, or --cv K cross-validation)."""
from __future__ import annotations

from pathlib import Path

import click

from kg.cli.display import one_line
from kg.cli.option_checks import not_empty_path
from kg.errors import KgError


@click.command("extract")
@click.argument("file", type=click.Path(), callback=not_empty_path)
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True,
              help="table for reading, json for tools and the scorer.")
def extract_command(file: Path, fmt: str) -> None:
    """Extract entities and relations from FILE and print them (nothing is stored)."""
    from kg.exact_numbers import json_text
    from kg.extract import Extractor, extraction_to_json
    from kg.ingest import read_document

    if not file.exists():
        raise KgError(f"{one_line(str(file))}: no such file")
    if file.is_dir():  # was 'unsupported file type without extension'
        raise KgError(f"{one_line(str(file))}: a folder: kg extract reads one file (kg build reads folders)")
    document = read_document(file)
    result = extraction_to_json(Extractor().extract(document))
    for note in document.notes:  # what reading and extracting dropped
        click.echo(f"kg: warning: {one_line(document.source)}: {note}", err=True)
    if fmt == "json":
        click.echo(json_text(result, ensure_ascii=False, indent=1))
        return
    click.echo(f"{one_line(result['source'])}: {len(result['entities'])} entities, {len(result['relations'])} relations")
    for entity in sorted(result["entities"], key=lambda e: (e["type"], e["name"])):
        aliases = f"  (= {'、'.join(entity['aliases'])})" if entity["aliases"] else ""
        click.echo(f"  {entity['type']:<13} {entity['name']}{aliases}  ×{len(entity['mentions'])}")
    for rel in result["relations"]:
        click.echo(f"  {rel['head']} —{rel['relation']}→ {rel['tail']}  [{rel['confidence']:.2f}]")


@click.command("eval")
@click.option("--gold-dir", type=click.Path(file_okay=False), default="../shared/eval/dev-gold", callback=not_empty_path,
              show_default=True, help="Folder of gold JSON files.")
@click.option("--corpus", type=click.Path(file_okay=False), default="../shared/corpus", callback=not_empty_path,
              show_default=True, help="Folder holding the files the gold names.")
@click.option("--scorer", type=click.Path(dir_okay=False), default=None, callback=not_empty_path,
              help="score.py to use (default: beside the gold folder).")
@click.option("--misses", is_flag=True, help="Also list missed and spurious entities.")
@click.option("--cv", "folds", type=int, default=None,
              help="K-fold cross-validation by document on --data: train on K-1 folds, score the other.")
@click.option("--data", type=click.Path(file_okay=False), default="../shared/train", callback=not_empty_path,
              show_default=True, help="Annotated folder (texts beside their gold) for --cv.")
@click.option("--seed", type=int, default=0, show_default=True, help="Seed of the fold assignment (--cv).")
def eval_command(gold_dir: Path, corpus: Path, scorer: Path | None, misses: bool, folds: int | None, data: Path,
                 seed: int) -> None:
    """Score extraction against dev gold: per-type P/R/F1 and chars/s; or cross-validate (--cv K)."""
    from kg.extract.evaluate import evaluate, format_report

    if folds is not None:
        from kg.train.cv import cross_validate, format_cross_validation

        scorer_path = scorer or gold_dir.parent / "score.py"
        result = cross_validate(data, folds, seed, scorer_path, log=lambda line: click.echo(line, err=True))
        click.echo(format_cross_validation(result, show_misses=misses))
        return
    if not gold_dir.is_dir():
        raise KgError(f"{gold_dir}: no such gold folder")
    if not corpus.is_dir():
        raise KgError(f"{corpus}: no such corpus folder")
    click.echo(format_report(evaluate(gold_dir, corpus, scorer), show_misses=misses))


COMMANDS: list[click.Command] = [extract_command, eval_command]
