"""Name normalisation shared by the index builder and the lookup: the form in which `GPT 3`, `gpt-3`,
`ＧＰＴ－３` and `GPT_3` are the same name."""

import re
import unicodedata

_SEPARATORS = re.compile(r"[\s\-_·•・/,:;'\"()\[\]{}]+")
_NUMBERS = re.compile(r"\d+(?:\.\d+)*")


def normalize(name: str) -> str:
    """Fold width (NFKC), case, and separators; keep letters, digits, dots and CJK."""
    text = unicodedata.normalize("NFKC", name).casefold()
    return _SEPARATORS.sub("", text).strip(".")


def version_parts(name: str) -> tuple:
    """The numbers in a name, each without trailing '.0' groups: 'ERNIE 3.0' -> ('3',); 'GPT-3.5' -> ('3.5',)."""
    parts = []
    for number in _NUMBERS.findall(unicodedata.normalize("NFKC", name)):
        groups = number.split(".")
        while len(groups) > 1 and groups[-1].strip("0") == "":
            groups.pop()
        parts.append(".".join(g.lstrip("0") or "0" for g in groups))
    return tuple(parts)


_word_patterns = []  # compiled on first use: these Unicode classes cost milliseconds that `show` never needs


def fold_words(text: str, split_cjk=True) -> list:
    """The words of a text for search: width- and case-folded; CJK text (no spaces) also split per character."""
    if not _word_patterns:
        _word_patterns.extend((re.compile(r"[^\W_]+"), re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")))
    word_re, cjk_re = _word_patterns
    folded = unicodedata.normalize("NFKC", text).casefold()
    out = []
    for word in word_re.findall(folded):
        out.append(word)
        if split_cjk and cjk_re.search(word) and len(word) > 1:
            out.extend(ch for ch in word if cjk_re.match(ch))
    return out
