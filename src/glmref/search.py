"""Ranked fuzzy search over names, aliases, organizations, what models introduced and descriptions,
with the reason each hit matched."""

from glmref.lookup import check_query

WEIGHTS = {"name": 1.0, "Chinese name": 1.0, "alias": 0.97, "organization": 0.85, "introduced": 0.8,
           "description": 0.75}
SHORT_FIELDS = ("name", "Chinese name", "alias", "organization")
THRESHOLD = 62


def search(catalog, query, limit=20, types=None):
    """Hits [{"id", "type", "name", "score", "matched": [{"field", "text"}]}], best first."""
    check_query(query, "query")
    from rapidfuzz import fuzz, process, utils

    needle = utils.default_process(query)
    if not needle:
        return []
    words = needle.split()
    corpus = catalog.search_corpus()
    scores = {}

    def hit(rid, field, text, score):
        weighted = score * WEIGHTS[field]
        entry = scores.setdefault(rid, {"score": 0.0, "matched": []})
        entry["score"] = max(entry["score"], weighted)
        if all(m["field"] != field or m["text"] != text for m in entry["matched"]):
            entry["matched"].append({"field": field, "text": text, "score": round(weighted, 1)})

    short = [(rid, field, text) for rid, field, text in corpus if field in SHORT_FIELDS]
    long = [(rid, field, text) for rid, field, text in corpus if field not in SHORT_FIELDS]
    for _, score, i in process.extract(needle, [t for _, _, t in short], scorer=fuzz.WRatio,
                                       processor=utils.default_process, limit=None, score_cutoff=THRESHOLD):
        rid, field, text = short[i]
        # a name that merely contains a short query ("T5" inside "GPT-5") is a weaker hit than the name itself
        if score < 100 and len(needle) <= 3:
            score = min(score, fuzz.ratio(needle, utils.default_process(text)))
        if score >= THRESHOLD:
            hit(rid, field, text, score)
    for rid, field, text in long:
        low = text.casefold()
        if all(w in low for w in words):
            hit(rid, field, text, 100 if len(words) > 1 or len(needle) >= 4 else 85)
    if len(needle) >= 5:
        for _, score, i in process.extract(needle, [t for _, _, t in long], scorer=fuzz.partial_ratio,
                                           processor=utils.default_process, limit=None, score_cutoff=88):
            rid, field, text = long[i]
            hit(rid, field, text, score * 0.9)
    hits = []
    for rid, entry in scores.items():
        rec = catalog.get(rid)
        if types and rec["type"] not in types:
            continue
        entry["matched"].sort(key=lambda m: -m["score"])
        hits.append({"id": rid, "type": rec["type"], "name": rec["name"], "name_zh": rec.get("name_zh"),
                     "kind": rec.get("kind"), "score": round(entry["score"], 1), "matched": entry["matched"][:3]})
    hits.sort(key=lambda h: (-h["score"], h["type"] != "model", h["name"].casefold()))
    return hits[:limit] if limit else hits
