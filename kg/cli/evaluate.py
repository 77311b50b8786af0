"""CLI commands: evaluate (to be filled in by its owner)."""
import click

COMMANDS: list[click.Command] = []
