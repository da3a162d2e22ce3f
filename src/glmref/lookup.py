"""Resolving what a person types to one record. An exact match after folding (case, width, spaces and
hyphens, aliases, API ids, Chinese names) is the only match machine output accepts. Human output also
accepts an unmistakable typo of exactly one name (the rule at `is_typo`), and the caller says so on stderr.
`GPT-5` is never GPT-4 or T5, `DistilBERT` never BERT, `LLaVA` never LLaMA: another name is not a typo."""

import re

from glmref.errors import NotFound, UsageProblem
from glmref.i18n import N_, _
from glmref.names import normalize, version_parts

MAX_QUERY = 200
SUGGESTIONS = 5
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")


class Resolution:
    __slots__ = ("id", "exact", "matched")

    def __init__(self, rid, exact, matched):
        self.id, self.exact, self.matched = rid, exact, matched


def check_query(text, what=N_("name")):
    """Refuse input no name can be: empty, control characters, absurd length."""
    if text is None or not text.strip():
        raise UsageProblem(_("empty {what}: give a model, organization or concept name").format(what=_(what)))
    if len(text) > MAX_QUERY:
        raise UsageProblem(_("{what} is {length} characters long; names are at most {limit}").format(
            what=_(what), length=len(text), limit=MAX_QUERY))
    if _CONTROL.search(text):
        raise UsageProblem(_("{what} contains control characters").format(what=_(what)))


# The typo rule. Only one wrong, missing, extra or swapped Latin letter, neither the first nor the last,
# inside a word of at least MIN_TYPO_LENGTH letters, not next to a number, with the same version numbers,
# is an unmistakable typo. Everything else is another name:
# a letter against a digit (GPT-J / GPT-1), a letter added or removed at either end (mT5 / T5, BLOOMZ / BLOOM,
# XGLM / GLM, ERNIE-ViLG / ERNIE-ViL), and any change to a short name (LLaVA / LLaMA, OLMo / ELMo, PaLI /
# PaLM), because new models are named exactly that way. tests/test_lookup.py runs the rule over every pair
# of names in the catalog and over real model names the catalog lacks.
MIN_TYPO_LENGTH = 6
_LATIN = frozenset("abcdefghijklmnopqrstuvwxyz")
_CJK = r"[\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff\uac00-\ud7af]"  # compiled on first use, as are the
_STEM = r"[^\W\d_]+"  # patterns below: an exact `show` never needs them
MAX_TYPOS = 1


def _letters(text):
    return re.sub(r"[\d.]+", "#", text)


def _inner_edit(a, b):
    """True when a and b differ by one edit inside the name: a wrong letter, two neighbours swapped, or a
    letter dropped or doubled, that is neither the first nor the last."""
    if len(a) == len(b):
        diff = [i for i, (x, y) in enumerate(zip(a, b)) if x != y]
        if not diff or len(diff) > 2:
            return False
        if len(diff) == 2 and not (diff[1] == diff[0] + 1 and a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]]):
            return False
        # never the first or the last letter: names that differ only there are usually different models
        # (Command A / Command R, PanGu-α / PanGu-Σ)
        return diff[0] > 0 and diff[-1] < len(a) - 1
    short, long = sorted((a, b), key=len)
    if len(long) - len(short) != 1:
        return False
    prefix = 0
    while prefix < len(short) and short[prefix] == long[prefix]:
        prefix += 1
    suffix = 0
    while suffix < len(short) and short[-1 - suffix] == long[-1 - suffix]:
        suffix += 1
    if prefix + suffix < len(short):
        return False
    first, last = len(long) - 1 - suffix, prefix  # the extra letter may sit anywhere in [first, last]
    return first > 0 and last < len(long) - 1


def _word_lengths(text):
    """For each character of normalize(text), the length of the run of letters it belongs to (0 for a digit
    or dot): the words a person typed, as separators and numbers divide them."""
    import unicodedata

    from glmref.names import _SEPARATORS

    out, run = [], []
    for ch in unicodedata.normalize("NFKC", text).casefold():
        if _SEPARATORS.fullmatch(ch) or not ch.isalpha():
            out.extend([len(run)] * len(run))
            run = []
            if not _SEPARATORS.fullmatch(ch):
                out.append(0)
        else:
            run.append(ch)
    out.extend([len(run)] * len(run))
    return out


def _edit_at(a, b):
    """Where in a the single edit between a and b is (a's index), assuming _inner_edit(a, b)."""
    i = 0
    while i < min(len(a), len(b)) and a[i] == b[i]:
        i += 1
    return i if len(a) >= len(b) else i - 1  # a dropped letter: the word of the letter before the gap


def is_typo(query, name, typed=None):
    """Whether `query` is an unmistakable typo of `name` (both normalized; `typed` is the query as typed,
    for its word boundaries): the rule above."""
    if query == name or min(len(query), len(name)) < MIN_TYPO_LENGTH:
        return False
    if re.search(_CJK, query) or re.search(_CJK, name):
        return False  # one character of Chinese is a word: 编码器 (encoder) and 解码器 (decoder)
    if version_parts(query) != version_parts(name):
        return False
    a, b = _letters(query), _letters(name)
    if "#" in a or "#" in b:
        # the numbers are equal; the edit must not touch them or sit next to one (GPT-4o / GPT-4)
        if re.sub(r"[^#]", "", a) != re.sub(r"[^#]", "", b):
            return False
    if not _inner_edit(a, b):
        return False
    # the edit must fall inside a word of MIN_TYPO_LENGTH letters or more: BART-large is not BERT-Large
    lengths = _word_lengths(typed) if typed is not None else None
    if lengths is None or len(lengths) != len(query):
        lengths = [len(m.group()) for m in re.finditer(r"[^\W\d_]+|[\d.]", query) for _ in m.group()]
        lengths = [n if query[i].isalpha() else 0 for i, n in enumerate(lengths)]
    at = _edit_at(query, name)
    dropped = len(query) < len(name)
    if not 0 <= at < len(lengths) or lengths[at] + (1 if dropped else 0) < MIN_TYPO_LENGTH:
        return False
    # the edited letter must be a Latin letter (PanGu-α and PanGu-Σ are two models) and not next to a number
    # ("4o" and "4" are two models)
    for i in range(max(len(a), len(b))):
        if i < len(a) and i < len(b) and a[i] != b[i]:
            near = a[max(0, i - 1): i + 2] + b[max(0, i - 1): i + 2]
            return "#" not in near and a[i] in _LATIN and b[i] in _LATIN
    return "#" not in a[-2:] + b[-2:]


def resolve(catalog, text, types=None, fuzzy=True):
    """Resolve text to a record id. `fuzzy=False` (machine output) accepts only an exact name after folding;
    otherwise an unmistakable typo of exactly one name is accepted too, and the caller names the correction.
    Raises NotFound (with related suggestions) when no single record fits."""
    check_query(text)
    rid = catalog.exact(text)
    if rid is not None and (types is None or catalog.get(rid)["type"] in types):
        return Resolution(rid, True, text)
    query = normalize(text)
    if not query:
        raise NotFound(_("no record is named {name!r}").format(name=text))
    if fuzzy:
        typos = {}
        for name, owner in catalog.name_table().items():
            if types is not None and catalog.get(owner)["type"] not in types:
                continue
            if is_typo(query, name, text):
                typos.setdefault(owner, name)
        if len(typos) == 1:
            (owner,) = typos
            return Resolution(owner, False, catalog.get(owner)["name"])
        if len(typos) > 1:
            names = [catalog.get(o)["name"] for o in list(typos)[:SUGGESTIONS]]
            raise NotFound(_("{name!r} is ambiguous").format(name=text),
                           [_("did you mean: {names}").format(names=", ".join(names))], names)
    names = suggestions(catalog, text, types)
    raise NotFound(_("no record is named {name!r}").format(name=text), _suggest(text, names), names)


def _stem(text):
    """The first word of a name, without its numbers: 'GPT-J' -> 'gpt', 'Qwen3.7' -> 'qwen', 'mT5' -> 'mt'."""
    import unicodedata

    m = re.search(_STEM, unicodedata.normalize("NFKC", text).casefold())
    return m.group() if m else ""


CLOSE_SPELLING = 80  # fuzz.ratio at which an unrelated name is still offered as a close spelling


def _closeness(query, stem, name):
    """(related, score) of a normalized name to a query: related when it shares the query's first word or a
    prefix of three letters or more, or is one edit away; score is the spelling similarity (0-100)."""
    from rapidfuzz import fuzz
    from rapidfuzz.distance import OSA

    related = (len(stem) >= 2 and _stem(name) == stem) or (
        min(len(query), len(name)) >= 3 and (name.startswith(query) or query.startswith(name))) or (
        len(query) >= 3 and OSA.distance(query, name, score_cutoff=1) <= 1)
    return related, fuzz.ratio(query, name)


def suggestions(catalog, text, types=None, limit=SUGGESTIONS):
    """Names related to text, for 'did you mean' lines: first those of the same family or sharing a prefix
    (GPT-J -> GPT-1, GPT-2 …), then close spellings; models before other records; nothing merely because a
    long description happens to contain the letters."""
    query = normalize(text)
    if not query:
        return []
    stem = _stem(text)
    words = _name_words(text)
    best, shared, display_stem = {}, {}, {}
    for name, owner in catalog.name_table().items():
        rec = catalog.get(owner)
        rec_type = rec["type"]
        if rec_type == "source" or (types is not None and rec_type not in types):
            continue
        related, score = _closeness(query, stem, name)
        if not related and len(stem) >= 2:
            # the display name keeps the spaces that normalized names drop: 'Claude Opus 5' begins with 'Claude'
            if owner not in display_stem:
                display_stem[owner] = _stem(rec["name"])
            related = display_stem[owner] == stem
        if not related and score < CLOSE_SPELLING:
            continue
        if owner not in shared:
            shared[owner] = _shared_words(words, _name_words(rec["name"]))
        rank = (0 if related else 1, -shared[owner], 0 if rec_type == "model" else 1, -score)
        if owner not in best or rank < best[owner]:
            best[owner] = rank
    ranked = sorted(best, key=lambda o: (best[o], catalog.get(o)["name"]))
    return [catalog.get(o)["name"] for o in ranked[:limit]]


def _name_words(text):
    """The words and version numbers of a name: 'Claude Opus 4.0' -> {'claude', 'opus', '4'}."""
    import unicodedata

    folded = unicodedata.normalize("NFKC", text).casefold()
    return set(re.findall(r"[^\W\d_]+", folded)) | set(version_parts(folded))


def _shared_words(wanted, words):
    """How many of a query's words a name has, a version of the same major number counting half ('Claude 5'
    and Claude Opus 5.5): a spelling score alone ranks 'Claude' and 'Claude 2' above 'Claude Opus 5'."""
    count = 0.0
    for w in wanted:
        if w in words:
            count += 1
        elif w[0].isdigit() and any(n[0].isdigit() and n.split(".")[0] == w.split(".")[0] for n in words):
            count += 0.5
    return count


def related_words(text, words, limit=SUGGESTIONS):
    """Of a plain list of words (family slugs), those related to text as suggestions() relates names."""
    query, stem = normalize(text), _stem(text)
    scored = []
    for w in words:
        related, score = _closeness(query, stem, normalize(w))
        if related or score >= CLOSE_SPELLING:
            scored.append((0 if related else 1, -score, w))
    return [w for _related, _score, w in sorted(scored)[:limit]]


def _suggest(text, names):
    if names:
        return [_("did you mean: {names}").format(names=", ".join(names))]
    return [_("nothing close; try: {command}").format(command="glmref search " + _shell_word(text))]


def _shell_word(text):
    return text if re.fullmatch(r"[\w.\-]+", text) else "'" + text.replace("'", "'\\''") + "'"
