"""Long output through a pager when it is read on a terminal, as git does: `less -FRX` unless GLMREF_PAGER
or PAGER say otherwise. Never when stdout is a pipe or a file, and never with --no-pager."""

import os
import shlex
import subprocess
import sys


def _pager_command():
    command = os.environ.get("GLMREF_PAGER", os.environ.get("PAGER", "less"))
    if not command.strip() or command.strip() == "cat":
        return None
    try:
        words = shlex.split(command)
    except ValueError:  # unbalanced quotes: no pager rather than a crash
        return None
    if not words:
        return None
    env = dict(os.environ)
    if os.path.basename(words[0]) == "less" and "LESS" not in env:
        env["LESS"] = "FRX"  # quit if one screen, keep colour, leave the text on screen
    return words, env


def print_paged(console, renderable, enabled=True):
    if not (enabled and console.is_terminal and sys.stdin.isatty()):
        console.print(renderable)
        return
    with console.capture() as capture:
        console.print(renderable)
    text = capture.get()
    pager = _pager_command()
    if pager is None or text.count("\n") < console.height:
        sys.stdout.write(text)
        return
    words, env = pager
    try:
        process = subprocess.Popen(words, stdin=subprocess.PIPE, env=env)
    except OSError:
        sys.stdout.write(text)
        return
    try:
        process.communicate(text.encode(sys.stdout.encoding or "utf-8", "replace"))
    except (BrokenPipeError, KeyboardInterrupt):
        pass
