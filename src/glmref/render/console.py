"""The consoles glmref prints through: results to stdout, messages to stderr. Rich decides colour from the
terminal and honours NO_COLOR, FORCE_COLOR and TERM=dumb; output that is not a terminal gets no colour."""

import sys


def out_console():
    from rich.console import Console

    return Console(file=sys.stdout, highlight=False, soft_wrap=False, emoji=False)


def ascii_only(stream):
    encoding = (getattr(stream, "encoding", None) or "ascii").lower().replace("-", "").replace("_", "")
    return not encoding.startswith("utf")
