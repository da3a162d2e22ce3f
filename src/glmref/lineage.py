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


MAX_DEPTH = 200  # generations shown below a root; real lineages are a few dozen deep


def _node(catalog, rid, highlight):
    rec = catalog.get(rid)
    return {"id": rid, "name": rec["name"], "name_zh": rec.get("name_zh"), "type": rec["type"],
            "date": ((rec.get("released") or rec.get("date")) or {}).get("value"),
            "organizations": [catalog.name_of(o) for o in rec.get("organizations", [])],
            "highlight": rid == highlight, "relation": None, "children": []}


def _children(catalog, rec):
    out, seen = [], set()
    for child, relation in ([(c, "successor") for c in rec.get("successors", [])]
                            + [(c, "based on") for c in rec.get("derived", [])]):
        if child not in seen and child in catalog:
            seen.add(child)
            out.append((child, relation))
    return out


def tree(catalog, rid, highlight=None):
    """{"id", "name", "date", "relation", "highlight", "children": [...]} from rid down. Each record is
    expanded once, where it is first reached in reading order; reached again (a model built on two siblings)
    it is a leaf marked `repeat`, so the tree grows with the number of records, not the number of paths. A
    link back to an ancestor is marked `loop`; below MAX_DEPTH generations a node is marked `truncated`.
    Iterative, so a long chain cannot exhaust the interpreter's stack."""
    root = _node(catalog, rid, highlight)
    expanded = {rid}
    parent_of = {rid: None}
    stack = [(root, child, relation, 1) for child, relation in reversed(_children(catalog, catalog.get(rid)))]
    while stack:
        parent, child, relation, depth = stack.pop()
        if child in expanded:
            ancestor, looped = parent["id"], False
            while ancestor is not None and not looped:
                looped = ancestor == child
                ancestor = parent_of.get(ancestor)
            parent["children"].append({"id": child, "name": catalog.name_of(child), "relation": relation,
                                       "loop" if looped else "repeat": True, "children": []})
            continue
        node = _node(catalog, child, highlight)
        node["relation"] = relation
        parent["children"].append(node)
        expanded.add(child)
        parent_of[child] = parent["id"]
        below = _children(catalog, catalog.get(child))
        if below and depth >= MAX_DEPTH:
            node["truncated"] = True
            continue
        stack.extend((node, c, r, depth + 1) for c, r in reversed(below))
    return root


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
