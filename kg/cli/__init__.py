"""The ``kg`` command line. One module per command family; this one wires them and owns error
reporting: a user error (a usage error too) is one line on stderr and exit status 1, a traceback
only with --debug."""
from __future__ import annotations

import errno
import sys
from typing import NoReturn

import click

from kg.cli.display import one_line
from kg.errors import KgError

COMMAND_MODULES = ("build", "link", "serve", "export", "extract", "train")


def _usage_error(ctx: click.Context, err: click.UsageError) -> NoReturn:
    """Click's three-line usage report as one line, exit status 1, as every other user error."""
    where = err.ctx.command_path if err.ctx else ctx.command_path
    message = " ".join(err.format_message().split())
    click.echo(f"kg: error: {message} (see '{where} --help')", err=True)
    ctx.exit(1)


class KgGroup(click.Group):
    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        if not args and self.no_args_is_help:
            return super().parse_args(ctx, args)  # bare `kg`: the help, as click shows it
        try:
            return super().parse_args(ctx, args)
        except click.UsageError as err:
            _usage_error(ctx, err)

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except click.UsageError as err:
            _usage_error(ctx, err)
        except (click.exceptions.Exit, click.exceptions.Abort, click.ClickException, BrokenPipeError):
            raise  # click reports these itself (a closed pipe quietly, as Unix tools do)
        except KgError as err:
            if ctx.obj and ctx.obj.get("debug"):
                raise
            click.echo(f"kg: error: {err}", err=True)  # a syntax error's caret line is meant
            ctx.exit(1)
        except OSError as err:
            if ctx.obj and ctx.obj.get("debug"):
                raise
            click.echo(f"kg: error: {os_error_line(err)}", err=True)
            ctx.exit(1)
        except Exception as err:  # noqa: BLE001 — last resort: one line, never a traceback
            if ctx.obj and ctx.obj.get("debug"):
                raise
            click.echo(f"kg: error: {type(err).__name__}: {one_line(str(err))} (run with --debug for details)", err=True)
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


try:
    _register()
except KgError as err:  # a bad $KG_… setting, read as the commands import kg.config
    click.echo(f"kg: error: {err}", err=True)
    sys.exit(1)


#: Errors of a write that found no room: without a file name, the output (or the store) could not be written.
_NO_ROOM = frozenset({errno.ENOSPC, errno.EDQUOT, errno.EFBIG})


def os_error_line(err: OSError) -> str:
    """What the system refused, in one line: the path and its reason (a file in a folder its user
    may not open: 'PATH: Permission denied'), or a write's (standard output on a full disk)."""
    reason = err.strerror or one_line(str(err))
    if err.filename is not None:
        return f"{one_line(str(err.filename))}: {reason}"
    return f"cannot write: {reason}" if err.errno in _NO_ROOM else reason


def main() -> None:
    for argument in sys.argv[1:]:
        _check_text(argument)
    try:
        cli(prog_name="kg")
    except OSError as err:  # --help or --version written to a full disk, before any command runs
        click.echo(f"kg: error: {os_error_line(err)}", err=True)
        sys.exit(1)


def _check_text(argument: str) -> None:
    """An argument must be text: bytes that are not UTF-8 reach Python as surrogates, which no
    query, literal, IRI or printed name can hold (each failed its own way, deep inside)."""
    try:
        argument.encode("utf-8")
    except UnicodeEncodeError as err:
        raw = argument.encode("utf-8", "surrogateescape")[err.start:err.start + 1]
        click.echo(f"kg: error: argument {argument!r} is not UTF-8 text (byte 0x{raw.hex()})", err=True)
        sys.exit(1)


if __name__ == "__main__":
    sys.exit(main())
