"""The ``kg`` command line. One module per command family; this one wires them and owns error
reporting: a user error is one line on stderr and exit status 1, a traceback only with --debug."""
from __future__ import annotations

import sys

import click

from kg.errors import KgError

COMMAND_MODULES = ("build", "link", "serve", "export", "extract", "train")


class KgGroup(click.Group):
    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except (click.exceptions.Exit, click.exceptions.Abort, click.ClickException, BrokenPipeError):
            raise  # click reports these itself (a closed pipe quietly, as Unix tools do)
        except KgError as err:
            if ctx.obj and ctx.obj.get("debug"):
                raise
            click.echo(f"kg: error: {err}", err=True)
            ctx.exit(1)
        except Exception as err:  # noqa: BLE001 — last resort: one line, never a traceback
            if ctx.obj and ctx.obj.get("debug"):
                raise
            click.echo(f"kg: error: {type(err).__name__}: {err} (run with --debug for details)", err=True)
            ctx.exit(1)


@click.group(cls=KgGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--debug", is_flag=True, help="Show full tracebacks on errors.")
@click.version_option(package_name="kg")
@click.pass_context
def cli(ctx: click.Context, debug: bool) -> None:
    """Build, link, query, serve and export a knowledge graph of Chinese policy documents."""
    ctx.ensure_object(dict)
    ctx.obj["debug"] = debug


def _register() -> None:
    from importlib import import_module

    for name in COMMAND_MODULES:
        module = import_module(f"kg.cli.{name}")
        for command in module.COMMANDS:
            cli.add_command(command)


_register()


def main() -> None:
    cli(prog_name="kg")


if __name__ == "__main__":
    sys.exit(main())
