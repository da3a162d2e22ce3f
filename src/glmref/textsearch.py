"""Ranked fuzzy search over names, aliases, organizations, what models introduced and descriptions,
with the reason each hit matched. Scoring runs over the compact search sections of the index; only the
records shown are decoded."""

from glmref.i18n import N_
from glmref.lookup import check_query
from glmref.names import fold_words

SHORT_FIELDS = ("name", "Chinese name", "alias", "organization")  # the index stores positions in these
LONG_FIELDS = ("introduced", "description")
WEIGHTS = {"name": 1.0, "Chinese name": 1.0, "alias": 0.97, "organization": 0.85, "introduced": 0.8,
           "description": 0.75}
THRESHOLD = 75
STOPWORDS = {"the", "and", "for", "with", "from", "model", "models", "language", "large"}


def _word_matches(word, vocabulary):
    """Vocabulary words that count as the query word: itself, words it begins (3+ letters), close spellings."""
    from rapidfuzz import fuzz, process

    found = {word: 100} if word in vocabulary else {}
    if len(word) >= 3:
        for v in vocabulary:
            if v.startswith(word) and v not in found:
                found[v] = 90
    if len(word) >= 5:
        for v, score, _ in process.extract(word, list(vocabulary), scorer=fuzz.ratio, limit=20, score_cutoff=85):
            found.setdefault(v, score * 0.9)
    return found


def search(catalog, query, limit=20, types=None):
    """Hits [{"id", "type", "name", "name_zh", "kind", "score", "matched": [{"field", "text", "score"}]}]."""
    check_query(query, N_("query"))
    from rapidfuzz import fuzz, process

    words = fold_words(query)
    if not words:
        return []
    needle = " ".join(fold_words(query, split_cjk=False))  # names are matched whole, 百度 is not 百 and 度
    short = catalog.search_section("search_short")
    ids = short["ids"]
    best = {}  # record index -> score
    reasons = {}  # record index -> [(score, field, text or None)]

    def hit(n, field, text, score):
        weighted = score * WEIGHTS[field]
        if weighted > best.get(n, 0):
            best[n] = weighted
        reasons.setdefault(n, []).append((weighted, field, text))

    keys = short["key"]
    if len(needle) <= 3:
        # a short query is a name or the start of a word of one ("GPT" in "GPT-3", not "T5" in "GPT-5"):
        # word prefixes and close spellings, cheaper and less noisy than WRatio's partial matching
        prefix = " " + needle
        matches = {i: (100 if key == needle else 90) for i, key in enumerate(keys) if prefix in " " + key}
        for _, score, i in process.extract(needle, keys, scorer=fuzz.ratio, processor=None, limit=None,
                                           score_cutoff=THRESHOLD):
            matches.setdefault(i, score)
    else:
        matches = {i: score for _, score, i in process.extract(needle, keys, scorer=fuzz.WRatio, processor=None,
                                                               limit=None, score_cutoff=THRESHOLD)}
        significant = [w for w in words if len(w) >= 3 and w not in STOPWORDS]
        if len(words) > 1:
            # WRatio rewards one shared word ("of"); a name must contain every significant word, or be close
            # to the whole query letter for letter
            for i in list(matches):
                key_words = " " + keys[i]
                if not all(" " + w[:4] in key_words for w in significant):
                    score = fuzz.ratio(needle, keys[i])
                    if score >= THRESHOLD:
                        matches[i] = score
                    else:
                        del matches[i]
    for i, score in matches.items():
        hit(short["owner"][i], SHORT_FIELDS[short["field"][i]], short["text"][i], score)

    vocabulary = catalog.search_section("search_words")
    per_word = []
    for word in dict.fromkeys(words):
        codes = {}
        for v, score in _word_matches(word, vocabulary).items():
            for code in vocabulary[v]:
                if score > codes.get(code, 0):
                    codes[code] = score
        per_word.append(codes)
    if per_word:
        common = set(per_word[0]).intersection(*per_word[1:])  # every query word must occur in the text
        for code in common:
            score = min(w[code] for w in per_word)
            hit(code // len(LONG_FIELDS), LONG_FIELDS[code % len(LONG_FIELDS)], None, score)

    model_ids = set(catalog.ids("model"))
    ranked = sorted(best, key=lambda n: (-best[n], ids[n] not in model_ids, ids[n]))
    hits = []
    for n in ranked:
        rec = catalog.get(ids[n])
        if types and rec["type"] not in types:
            continue
        matched = []
        for score, field, text in sorted(reasons[n], key=lambda r: -r[0]):
            text = text if text is not None else _long_text(rec, field, words)
            if all(m["field"] != field or m["text"] != text for m in matched):
                matched.append({"field": field, "text": text, "score": round(score, 1)})
        hits.append({"id": rec["id"], "type": rec["type"], "name": rec["name"], "name_zh": rec.get("name_zh"),
                     "kind": rec.get("kind"), "score": round(best[n], 1), "matched": matched[:3]})
        if limit and len(hits) == limit:
            break
    return hits


def _long_text(rec, field, words):
    """The introduced item or description that matched, for the 'why' column."""
    texts = rec.get("introduced", []) if field == "introduced" else [rec.get("description") or ""]
    for text in texts:
        folded = " ".join(fold_words(text))
        if all(w[:3] in folded for w in words):
            return text
    return texts[0] if texts else ""
