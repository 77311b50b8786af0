"""Server log lines stay one line each, whatever a client sent.

A request's path, a query's text, a header or an upload's file name reach the log as sent (the path
percent-decoded): a ``\\n`` or ``\\r`` in one began a line of the client's making (log injection), an ESC
a terminal sequence, a bidirectional override made the rest of the line read reversed. The filter
writes those characters as escapes (``\\n``, ``\\x1b``, ``\\u202e``) in each record's message: put on
every kg.server logger it holds for whichever handler records them, and ``kg serve`` puts it on its
own handler too, for the records of waitress's loggers (a disconnected client's path).
"""
from __future__ import annotations

import logging
import re
import traceback
from collections.abc import Iterator
from types import TracebackType

from kg.charsets import BIDI_CONTROLS, NONCHARACTERS

#: What a page must not print as is: controls but tab and line breaks, bidirectional marks, embeddings,
#: overrides and isolates (a file name's U+202E makes the rest of its line read reversed), non-characters.
INVISIBLE = f"\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f{BIDI_CONTROLS}{NONCHARACTERS}"
#: ...and what a log line must not hold either: whatever ends a line or moves to another column.
_NOT_IN_A_LINE = re.compile(f"[{INVISIBLE}\t\n\r\u2028\u2029]")


def escaped(text: str, pattern: re.Pattern[str] = _NOT_IN_A_LINE) -> str:
    """``text`` with the characters ``pattern`` finds written as Python escapes (ASCII only, so a
    second pass changes nothing)."""
    return pattern.sub(lambda found: found.group().encode("unicode_escape").decode("ascii"), text)


def one_line_traceback(exc_info: tuple[type[BaseException], BaseException, TracebackType | None]) -> str:
    """The traceback ``logging.Formatter.formatException`` writes, each exception's own text (its
    message, which can carry a client's text, and notes) written on one line: the frames are the
    server's code, each its lines, but a message's ``\\r\\n`` would begin a line of the client's making."""
    text = "".join(traceback.format_exception(*exc_info))
    shown_texts = {"".join(traceback.format_exception_only(type(error), error)) for error in _chain(exc_info[1])}
    for shown in sorted(shown_texts, key=len, reverse=True):  # one holding another: the longer first
        text = text.replace(shown, escaped(shown.removesuffix("\n")) + "\n")
    return text.removesuffix("\n")


def _chain(error: BaseException | None) -> Iterator[BaseException]:
    """``error`` and the exceptions it was raised from or while handling (an exception group's members
    print each line after a ``|``, which no log line begins with)."""
    seen: set[int] = set()
    pending = [error]
    while pending:
        current = pending.pop()
        if current is None or id(current) in seen:
            continue
        seen.add(id(current))
        yield current
        pending += [current.__cause__, current.__context__]


class OneLine(logging.Filter):
    """Escapes what would break a record's message out of its line (see the module's doc). The
    message is formatted here, once, so whatever argument carried the client's text is covered; a
    logged traceback is formatted here too (handlers then print ``exc_text`` as it is), its
    exceptions' messages escaped."""

    def filter(self, record: logging.LogRecord) -> bool:
        if record.exc_info and record.exc_info[1] is not None and not record.exc_text:
            record.exc_text = one_line_traceback(record.exc_info)
        try:
            message = record.getMessage()
        except (TypeError, ValueError):  # arguments that do not fit the format: logging reports that itself
            return True
        one_line = escaped(message)
        if one_line != message:
            record.msg, record.args = one_line, None
        return True


ONE_LINE = OneLine()


def server_logger(name: str) -> logging.Logger:
    """The logger called ``name``, its records' messages kept to one line."""
    logger = logging.getLogger(name)
    logger.addFilter(ONE_LINE)
    return logger
