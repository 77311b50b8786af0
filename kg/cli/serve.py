"""CLI commands: serve (to be filled in by its owner)."""
import click

COMMANDS: list[click.Command] = []
