"""The `glmref` command's entry point. It imports nothing heavy itself, so that an interrupt while the
command line (Typer, click) is still being imported ends as an interrupt: one line on stderr and exit 130,
never a traceback."""

import sys


def _interrupted():
    try:
        sys.stderr.write("glmref: " + _message("interrupted") + "\n")
    except (AttributeError, OSError, ValueError):
        pass
    sys.exit(130)


def _message(text):
    """`text` in the language of the call, if that can be known this early; English otherwise."""
    try:
        from glmref import i18n

        if "--zh" in sys.argv[1:] or i18n.from_environment() == "zh":
            i18n.use("zh")
            return i18n._(text)
    except Exception:  # an interrupt or a broken install must still end with a message
        pass
    return text


def main():
    if sys.stdout is None:  # started with stdout closed (`glmref show X >&-`): nothing can be printed
        if sys.stderr is not None:
            sys.stderr.write("glmref: " + _message("error: standard output is closed") + "\n")
        sys.exit(2)
    try:
        from glmref.cli import main as cli_main
    except KeyboardInterrupt:
        _interrupted()
    try:
        cli_main()
    except KeyboardInterrupt:  # between cli.main's own handlers (start-up, exit)
        _interrupted()
