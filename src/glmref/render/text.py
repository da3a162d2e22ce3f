"""Text from data files, made safe for a terminal: control characters (escape sequences, OSC 8 links,
bells, carriage returns) are removed, and strings become rich Text objects so `[bold]` or `[/]` in a
record is shown as written, never read as markup."""

from glmref.cjk import has_cjk, is_cjk, tokens as _tokens  # noqa: F401  (renderers import them from here)
from glmref.safe import terminal as clean  # noqa: F401  (the one sanitiser, under the name renderers use)


def text(value, style=None):
    from rich.text import Text

    return Text(clean(value), style=style or "")


CHINESE_FIRST = False  # set by --zh / GLMREF_LANG=zh
ORG_NAMES_ZH = {}  # organization name -> Chinese name, for trees whose nodes carry names only (set in Chinese)


def org_names(names):
    """Organization names as the reader expects them: the Chinese name first where there is one."""
    if not CHINESE_FIRST:
        return ", ".join(names)
    return "、".join(ORG_NAMES_ZH.get(n) or n for n in names)


def both_names(name, name_zh):
    """The English and Chinese names in the order the user chose."""
    if not name_zh:
        return clean(name)
    return f"{clean(name_zh)} {clean(name)}" if CHINESE_FIRST else f"{clean(name)} {clean(name_zh)}"


# Chinese and Japanese text may break between any two characters, but Rich breaks lines only at spaces and
# moves a whole unbroken run of Chinese to the next line. CJK text is therefore broken here: at spaces, and
# between CJK characters, never before closing punctuation, and Latin words are kept whole.
_NO_LINE_START = set("，。、；：？！）」』】》〉”’,.;:!?)]%")


def _units(plain, width):
    """(start, end, cells, is_space) of the pieces a line may break between: a space run, a CJK character
    (with closing punctuation glued to it), a Latin word (cut by cells when longer than the line)."""
    from rich.cells import cell_len

    units = []
    for s, e, tok in _tokens(plain):
        if tok.isspace():
            units.append([s, e, cell_len(tok), True])
        elif tok[0] in _NO_LINE_START and units and not units[-1][3] and units[-1][2] + cell_len(tok) <= width:
            units[-1][1], units[-1][2] = e, units[-1][2] + cell_len(tok)
        else:
            piece_start, cells = s, 0
            for k, ch in enumerate(tok):
                w = cell_len(ch)
                if cells and cells + w > width:
                    units.append([piece_start, s + k, cells, False])
                    piece_start, cells = s + k, 0
                cells += w
            units.append([piece_start, e, cells, False])
    return units


def _line_spans(plain, width):
    """(start, end) of each line of `plain` (one paragraph) at `width` terminal cells."""
    lines, start, end, used, space = [], None, None, 0, 0
    for s, e, cells, is_space in _units(plain, width):
        if is_space:
            space = cells if start is not None else 0
            continue
        if start is not None and used + space + cells > width:
            lines.append((start, end))
            start, used = s, cells
        elif start is None:
            start, used = s, cells
        else:
            used += space + cells
        end, space = e, 0
    if start is not None:
        lines.append((start, end))
    return lines or [(0, 0)]


def wrap_cjk(value, width):
    """A rich Text with CJK in it, broken into lines of at most `width` cells (styles kept); other text as is."""
    plain = value.plain
    if width < 4 or not has_cjk(plain):
        return value
    from rich.text import Text

    out, offset = Text(), 0
    for n, paragraph in enumerate(plain.split("\n")):
        if n:
            out.append("\n")
        for k, (a, b) in enumerate(_line_spans(paragraph, width)):
            if k:
                out.append("\n")
            out.append_text(value[offset + a: offset + b])
        offset += len(paragraph) + 1
    return out
