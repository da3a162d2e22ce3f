"""Help pages and command-line errors in the chosen language.

Typer builds help from English strings: command docstrings and each option's `help`. In Chinese, each of
those strings is looked up in the message catalog once the click command is built, so the English path pays
nothing and translators find every help text in the .po file (scripts/messages.py lists them). The words
Typer and click add themselves (the panel titles, "Usage:", "[default: …]", their usage errors) are
translated here too."""

import re

from glmref.i18n import N_, _


def help_strings(command):
    """Every help text of a click command and its subcommands, in the order a help page shows them."""
    seen, out, stack = set(), [], [command]
    while stack:
        cmd = stack.pop(0)
        for text in [cmd.help, cmd.short_help, cmd.epilog] + [getattr(p, "help", None) for p in cmd.params]:
            if text and text not in seen:
                seen.add(text)
                out.append(text)
        stack.extend(getattr(cmd, "commands", {}).values())
    return out


def localize(command, with_help_page):
    """Translate the help of `command` (a click command or group) and its subcommands in place.
    `with_help_page`: a help page will be printed, so Typer's own panel titles are translated as well (only
    then, as that means importing Typer's help renderer)."""
    stack = [command]
    while stack:
        cmd = stack.pop(0)
        for attr in ("help", "short_help", "epilog"):
            if getattr(cmd, attr, None):
                setattr(cmd, attr, _(getattr(cmd, attr)))
        for param in cmd.params:
            if getattr(param, "help", None):
                param.help = _(param.help)
        if getattr(cmd, "options_metavar", None) == "[OPTIONS]":
            cmd.options_metavar = _("[OPTIONS]")
        if getattr(cmd, "subcommand_metavar", None):
            cmd.subcommand_metavar = _(cmd.subcommand_metavar)
        cmd.context_class = _context_class(cmd.context_class)
        _translate_help_option(cmd)
        stack.extend(getattr(cmd, "commands", {}).values())
    if with_help_page:
        from typer import rich_utils

        _originals.update({name: getattr(rich_utils, name) for name, _english in _TYPER_WORDS
                           if name not in _originals})
        _originals.setdefault("_make_rich_text", rich_utils._make_rich_text)
        for name, english in _TYPER_WORDS:
            setattr(rich_utils, name, _(english))
        _fold_long_runs(rich_utils)


def reflow(command):
    """Join the lines of each prose paragraph in the help of `command` and its subcommands, in place.
    Typer keeps a docstring's line breaks, so a paragraph wrapped in the source came out ragged on a
    narrower or wider terminal; joined, Rich wraps it at the terminal's edge. A paragraph with indented
    lines (the examples) keeps its layout."""
    stack = [command]
    while stack:
        cmd = stack.pop(0)
        for attr in ("help", "epilog"):
            text = getattr(cmd, attr, None)
            if text:
                setattr(cmd, attr, "\n\n".join(_joined(p) for p in text.split("\n\n")))
        stack.extend(getattr(cmd, "commands", {}).values())


def _joined(paragraph):
    lines = paragraph.strip("\n").split("\n")
    if paragraph.startswith("\b") or any(line[:1].isspace() for line in lines[1:]):
        return paragraph
    from glmref.render.text import is_cjk

    out = lines[0].rstrip()
    for line in lines[1:]:
        line = line.strip()
        # Chinese runs on without a space; Latin words need one
        out += line if out and line and is_cjk(out[-1]) and is_cjk(line[0]) else " " + line
    return out


_originals = {}  # Typer's own values of what localize() replaced, for restore()


def restore():
    """Undo localize()'s changes to Typer's help renderer (an English call after a Chinese one in the same
    process, as in the library or the tests)."""
    if _originals:
        from typer import rich_utils

        for name, value in _originals.items():
            setattr(rich_utils, name, value)
        _originals.clear()


def _fold_long_runs(rich_utils):
    """Chinese has no spaces to wrap at, and Rich cuts a run longer than its table column with "…"; the help
    texts of Typer's panels are made to fold at the column's edge instead, between characters as the cards
    break them (closing punctuation never starts a line)."""
    make = rich_utils._make_rich_text
    if getattr(make, "_glmref_folding", False):
        return
    from rich.text import Text

    class ChineseText(Text):
        __slots__ = ()

        def wrap(self, console, width, **kwargs):
            from glmref.render.text import wrap_cjk

            return Text.wrap(wrap_cjk(self, width), console, width, **kwargs)

    def folding(**kwargs):
        rendered = make(**kwargs)
        if type(rendered) is Text:
            rendered.__class__ = ChineseText
        if hasattr(rendered, "overflow"):
            rendered.overflow = "fold"
        return rendered

    folding._glmref_folding = True
    rich_utils._make_rich_text = folding


HELP_OPTION = N_("Show this message and exit.")  # click's own help text of --help


def _translate_help_option(cmd):
    """click makes each command's --help option only when it is first asked for, with English help."""
    make = cmd.get_help_option

    def get_help_option(ctx):
        option = make(ctx)
        if option is not None and option.help == HELP_OPTION:
            option.help = _(HELP_OPTION)
        return option

    cmd.get_help_option = get_help_option


_TYPER_WORDS = (("ARGUMENTS_PANEL_TITLE", N_("Arguments")), ("OPTIONS_PANEL_TITLE", N_("Options")),
                ("COMMANDS_PANEL_TITLE", N_("Commands")), ("DEFAULT_STRING", N_("[default: {}]")),
                ("REQUIRED_LONG_STRING", N_("[required]")), ("ENVVAR_STRING", N_("[env var: {}]")),
                ("DEPRECATED_STRING", N_("(deprecated) ")))


def _context_class(base):
    """A click context whose help formatter writes the translated "Usage:" prefix."""
    if getattr(base, "_glmref_localized", False):
        return base
    formatter_base = base.formatter_class

    class Formatter(formatter_base):
        def write_usage(self, prog, args="", prefix=None):
            super().write_usage(prog, args, _("Usage: ") if prefix is None else prefix)

    return type("LocalizedContext", (base,), {"formatter_class": Formatter, "_glmref_localized": True})


# click's usage errors, as the vendored click and Typer word them, the more specific form of each first;
# the groups are kept as they are
CLICK_ERRORS = (
    (r"No such option: (?P<name>\S+) Did you mean (?P<possibility>\S+)\?",
     N_("No such option: {name} Did you mean {possibility}?")),
    (r"No such option: (?P<name>\S+) \(Possible options: (?P<possibilities>.+)\)",
     N_("No such option: {name} (Possible options: {possibilities})")),
    (r"No such option: (?P<name>\S+)", N_("No such option: {name}")),
    (r"Invalid value for (?P<hint>.+?): '(?P<value>.*)' is not a valid (?:integer|int range)\.",
     N_("Invalid value for {hint}: '{value}' is not a whole number.")),
    (r"Invalid value for (?P<hint>.+?): (?P<value>\S+) is not in the range (?P<range>\S+)\.",
     N_("Invalid value for {hint}: {value} is not in the range {range}.")),
    (r"Invalid value for (?P<hint>.+?): (?P<message>.*)", N_("Invalid value for {hint}: {message}")),
    (r"No such command '(?P<name>.*)'\.", N_("No such command '{name}'.")),
    (r"Missing argument '(?P<name>[^']+)'\.", N_("Missing argument '{name}'.")),
    (r"Missing option '(?P<name>[^']+)'\.", N_("Missing option '{name}'.")),
    (r"Missing command\.", N_("Missing command.")),
    (r"Option '(?P<name>[^']+)' requires an argument\.", N_("Option '{name}' requires an argument.")),
    (r"Option '(?P<name>[^']+)' does not take a value\.", N_("Option '{name}' does not take a value.")),
    (r"Got unexpected extra arguments? \((?P<args>.*)\)", N_("Got unexpected extra argument(s) ({args})")),
)
_CLICK_PATTERNS = [(re.compile(pattern + r"\Z", re.S), message) for pattern, message in CLICK_ERRORS]


def click_error(message):
    """A usage error of click's in the chosen language (as it is when the catalog has no translation)."""
    for pattern, english in _CLICK_PATTERNS:  # the more specific forms come first
        m = pattern.match(message)
        if m:
            translated = _(english)
            if translated == english:
                return message
            return translated.format(**m.groupdict())
    return message
