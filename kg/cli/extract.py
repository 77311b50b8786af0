"""CLI commands: extract, eval, train (to be filled in by its owner)."""
import click

COMMANDS: list[click.Command] = []
