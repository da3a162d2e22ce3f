"""The consoles glmref prints through: results to stdout, messages to stderr. Rich decides colour from the
terminal and honours NO_COLOR, FORCE_COLOR and TERM=dumb; output that is not a terminal gets no colour."""

import os
import sys


def _width():
    """COLUMNS when it is a usable number; 0, negative or junk count as unset (Rich would print nothing)."""
    value = os.environ.get("COLUMNS", "")
    try:
        width = int(value)
    except ValueError:
        return None
    return width if width > 0 else None


def out_console():
    from rich.console import Console

    width = _width()
    if width is None:
        os.environ.pop("COLUMNS", None)  # Rich reads it too
    return Console(file=sys.stdout, highlight=False, soft_wrap=False, emoji=False, width=width)


def ascii_only(stream):
    encoding = (getattr(stream, "encoding", None) or "ascii").lower().replace("-", "").replace("_", "")
    return not encoding.startswith("utf")
