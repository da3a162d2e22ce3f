"""Text from data files, made safe for a terminal: control characters (escape sequences, OSC 8 links,
bells, carriage returns) are removed, and strings become rich Text objects so `[bold]` or `[/]` in a
record is shown as written, never read as markup."""

from glmref.safe import terminal as clean  # noqa: F401  (the one sanitiser, under the name renderers use)


def text(value, style=None):
    from rich.text import Text

    return Text(clean(value), style=style or "")


CHINESE_FIRST = False  # set by --zh / GLMREF_LANG=zh


def both_names(name, name_zh):
    """The English and Chinese names in the order the user chose."""
    if not name_zh:
        return clean(name)
    return f"{clean(name_zh)} {clean(name)}" if CHINESE_FIRST else f"{clean(name)} {clean(name_zh)}"
