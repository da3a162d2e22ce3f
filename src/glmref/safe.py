"""The one sanitiser every output path uses. Text from data files (and from the user's own arguments)
must never reach a terminal, a file format or a spreadsheet as control sequences or injected structure:

- terminals: control characters (ESC sequences, OSC 52 clipboard writes, OSC 8 links, BEL, CR) and the
  Unicode bidi and format characters that reorder or hide text are removed (`terminal`), or shown as
  escapes in messages (`message`), where the user needs to see what was there;
- line-based formats (RIS, BibTeX, APA, CSV cells): additionally one line, so a newline in a title cannot
  start a second record (`one_line`);
- spreadsheets: a cell that would start a formula (=, +, -, @, tab, CR) is prefixed with ' (`csv_cell`);
- XML (SVG): characters XML 1.0 forbids (most C0 controls, U+FFFE, U+FFFF, lone surrogates) are removed and
  markup escaped (`xml_text`).
JSON needs none of this: the encoder escapes control characters itself."""

import re

# C0 except tab and newline, DEL, C1, zero-width and directional marks, bidi embeddings and isolates,
# line and paragraph separators
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff]")
_ANY_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u200b-\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff]")
_XML_INVALID = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def terminal(value) -> str:
    """Text safe to print: controls removed, tabs as spaces; newlines kept."""
    return _CONTROL.sub("", str(value)).replace("\t", " ")


def one_line(value) -> str:
    """Text safe for a line-based format: controls removed and every run of whitespace one space."""
    return " ".join(_ANY_CONTROL.sub(" ", str(value)).split())


def message(value) -> str:
    """A message for stderr: one line, every control or invisible character shown as an escape."""

    def esc(m):
        code = ord(m.group())
        return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"

    return _ANY_CONTROL.sub(esc, str(value))


def csv_cell(value):
    """A CSV cell: numbers pass through; text is one line, and never a live spreadsheet formula."""
    if value is None or isinstance(value, (bool, int, float)):
        return value
    text = one_line(value)
    return "'" + text if text.startswith(_FORMULA_START) else text


def xml_text(value) -> str:
    text = _XML_INVALID.sub("", one_line(value))
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")


def has_control(value) -> bool:
    """Whether text holds a control, bidi or format character (data that must be refused, like a URL)."""
    return bool(_ANY_CONTROL.search(str(value)))
