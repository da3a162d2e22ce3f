"""Text from data files, made safe for a terminal: control characters (escape sequences, OSC 8 links,
bells, carriage returns) are removed, and strings become rich Text objects so `[bold]` or `[/]` in a
record is shown as written, never read as markup."""

import re

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2066-\u2069]")


def clean(value) -> str:
    return _CONTROL.sub("", str(value)).replace("\t", " ")


def text(value, style=None):
    from rich.text import Text

    return Text(clean(value), style=style or "")


CHINESE_FIRST = False  # set by --zh / GLMREF_LANG=zh


def both_names(name, name_zh):
    """The English and Chinese names in the order the user chose."""
    if not name_zh:
        return clean(name)
    return f"{clean(name_zh)} {clean(name)}" if CHINESE_FIRST else f"{clean(name)} {clean(name_zh)}"
