"""Resolving what a person types to one record: an exact match after normalisation wins; otherwise a
fuzzy match is taken only when it is a clear typo of exactly one name with the same version numbers and no
added part. `GPT-5` is never GPT-4 or T5, `DistilBERT` never BERT and `GPT-4o mini` never GPT-4o: a different
version or an added word is not a typo."""

import re

from glmref.errors import NotFound, UsageProblem
from glmref.names import normalize, version_parts

MAX_QUERY = 200
SUGGESTIONS = 5
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")


class Resolution:
    __slots__ = ("id", "exact", "matched")

    def __init__(self, rid, exact, matched):
        self.id, self.exact, self.matched = rid, exact, matched


def check_query(text, what="name"):
    """Refuse input no name can be: empty, control characters, absurd length."""
    if text is None or not text.strip():
        raise UsageProblem(f"empty {what}: give a model, organization or concept name")
    if len(text) > MAX_QUERY:
        raise UsageProblem(f"{what} is {len(text)} characters long; names are at most {MAX_QUERY}")
    if _CONTROL.search(text):
        raise UsageProblem(f"{what} contains control characters")


# One edit (a wrong, missing, extra or swapped letter) is a typo; two edits as often make another name
# ("Switch Transformers" and "Switch Transformer-aa"), so beyond one glmref asks instead of guessing.
MAX_TYPOS = 1


def _added_part(a, b):
    """True when one name is the other plus a part at the start or end: `DistilBERT`/`BERT`, `GPT-4o`/`GPT-4`,
    `Qwen2.5-VL`/`Qwen2.5`. Such a name is another model, not a typo; a single dropped letter is still a typo
    (`lama` for `llama`), except a letter after a version number (`4o`)."""
    short, long = sorted((a, b), key=len)
    if short == long:
        return False
    if long.startswith(short):
        extra, before = long[len(short):], short[-1:]
    elif long.endswith(short):
        extra, before = long[: len(long) - len(short)], ""
    else:
        return False
    return len(extra) >= 2 or before == "#"


def _letters(text):
    return re.sub(r"[\d.]+", "#", text)


def resolve(catalog, text, types=None):
    """Resolve text to a record id. Raises NotFound (with suggestions) when no single record fits."""
    check_query(text)
    rid = catalog.exact(text)
    if rid is not None and (types is None or catalog.get(rid)["type"] in types):
        return Resolution(rid, True, text)
    query = normalize(text)
    if not query:
        raise NotFound(f"no record is named {text!r}")
    from rapidfuzz.distance import OSA

    table = catalog.name_table()
    versions = version_parts(text)
    letters = _letters(query)
    limit = MAX_TYPOS
    typos = {}
    for name, owner in table.items():
        if types is not None and catalog.get(owner)["type"] not in types:
            continue
        if version_parts(name) != versions:
            continue
        distance = OSA.distance(letters, _letters(name), score_cutoff=limit)
        if distance <= limit and not _added_part(letters, _letters(name)):
            best = typos.get(owner)
            if best is None or distance < best[0]:
                typos[owner] = (distance, name)
    if typos:
        ranked = sorted(typos.items(), key=lambda kv: kv[1][0])
        if len(ranked) == 1 or ranked[0][1][0] < ranked[1][1][0]:
            owner, (distance, name) = ranked[0]
            return Resolution(owner, False, catalog.get(owner)["name"])
        names = [catalog.get(o)["name"] for o, _ in ranked[:SUGGESTIONS]]
        raise NotFound(f"{text!r} is ambiguous", [f"did you mean: {', '.join(names)}"])
    raise NotFound(f"no record is named {text!r}", _suggest(catalog, text, types))


def suggestions(catalog, text, types=None, limit=SUGGESTIONS):
    """The names closest to text, for 'did you mean' lines."""
    from rapidfuzz import fuzz, process

    query = normalize(text)
    if not query:
        return []
    owners, choices = [], []
    for name, owner in catalog.name_table().items():
        if types is None or catalog.get(owner)["type"] in types:
            owners.append(owner)
            choices.append(name)
    seen, out = set(), []
    for _, score, i in process.extract(query, choices, scorer=fuzz.WRatio, limit=limit * 4, score_cutoff=72):
        owner = owners[i]
        if owner not in seen and catalog.get(owner)["type"] != "source":
            seen.add(owner)
            out.append(catalog.get(owner)["name"])
        if len(out) == limit:
            break
    return out


def _suggest(catalog, text, types):
    names = suggestions(catalog, text, types)
    return [f"did you mean: {', '.join(names)}"] if names else ["try: glmref search " + _shell_word(text)]


def _shell_word(text):
    return text if re.fullmatch(r"[\w.\-]+", text) else "'" + text.replace("'", "'\\''") + "'"
