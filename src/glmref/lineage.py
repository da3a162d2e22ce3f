"""Lineage trees: a model (or language-model stage) and everything descended from it through predecessor,
based-on and fine-tuned-from links. Loops and dangling links in user data are reported, never followed."""


def _parents(rec):
    return ([rec["predecessor"]] if rec.get("predecessor") else []) + list(rec.get("based_on", []))


def root_of(catalog, rid):
    """Follow predecessor (then based-on) links up to the first record that has none."""
    seen = [rid]
    while True:
        parents = [p for p in _parents(catalog.get(seen[-1])) if p in catalog]
        if not parents or parents[0] in seen:
            return seen[-1]
        seen.append(parents[0])


def tree(catalog, rid, highlight=None, _path=()):
    """{"id", "name", "date", "relation", "highlight", "children": [...]} from rid down."""
    rec = catalog.get(rid)
    node = {"id": rid, "name": rec["name"], "name_zh": rec.get("name_zh"), "type": rec["type"],
            "date": ((rec.get("released") or rec.get("date")) or {}).get("value"),
            "organizations": [catalog.name_of(o) for o in rec.get("organizations", [])],
            "highlight": rid == highlight, "children": []}
    path = _path + (rid,)
    children = [(c, "successor") for c in rec.get("successors", [])] + [(c, "based on") for c in rec.get("derived", [])]
    seen = set()
    for child, relation in children:
        if child in seen or child not in catalog:
            continue
        seen.add(child)
        if child in path:
            node["children"].append({"id": child, "name": catalog.name_of(child), "relation": relation,
                                     "loop": True, "children": []})
            continue
        sub = tree(catalog, child, highlight, path)
        sub["relation"] = relation
        node["children"].append(sub)
    node.setdefault("relation", None)
    return node


def family_trees(catalog, query, fuzzy=True):
    """The trees of a family slug (one per root in the family: `gpt`, `llama`), or of a record from its lineage
    root, and the name a typo was corrected to (None when exact). A family name wins over a record of the same
    name, since the family includes that record."""
    from glmref.lookup import resolve

    families = catalog.families()
    slug = query.strip().lower()
    if slug in families:
        members = set(families[slug])
        roots = [m for m in families[slug] if not any(p in members for p in _parents(catalog.get(m)))]
        return [tree(catalog, r) for r in sorted(roots, key=lambda r: _date(catalog, r))], None
    found = resolve(catalog, query, types=("model", "concept"), fuzzy=fuzzy)
    trees = [tree(catalog, root_of(catalog, found.id), highlight=found.id)]
    return trees, (None if found.exact else found.matched)


def _date(catalog, rid):
    rec = catalog.get(rid)
    return ((rec.get("released") or rec.get("date")) or {}).get("value") or "9999"
