"""`list`, `compare` and `search` as Rich tables."""

from glmref.comparison import factor_text
from glmref.i18n import N_, _, language, word
from glmref.render import text as text_module
from glmref.render.text import both_names, clean, text


def _table(title=None, **kwargs):
    from rich import box
    from rich.table import Table

    return Table(title=title, box=box.SIMPLE_HEAD, title_justify="left", show_edge=False, **kwargs)


def _orgs(view):
    return ", ".join(o["name_zh"] if text_module.CHINESE_FIRST and o.get("name_zh") else o["name"]
                     for o in view["organizations"])


def _params(view):
    p = view["parameters"]
    if not p or p["status"] == "unknown":
        return "?"
    human = p["human"]
    if p.get("active_human"):
        human += _(" ({active} act.)").format(active=p["active_human"])
    return human


def _modalities(view):
    m = view["modalities"]
    if not m:
        return "?"
    return f"{'+'.join(word('modality', x) for x in m['input'])}→{'+'.join(word('modality', x) for x in m['output'])}"


COLUMNS = (  # (header, getter, minimum terminal width at which the column is shown)
    (N_("name"), lambda v: both_names(v["name"], v.get("name_zh")), 0),
    (N_("organization"), _orgs, 0),
    (N_("date"), lambda v: v["released"]["date"] if v["released"] else "?", 0),  # ISO in both languages: it aligns
    (N_("params"), _params, 0),
    (N_("architecture"), lambda v: (word("architecture", v["architecture"]["type"])
                                    + (" MoE" if v["architecture"]["moe"] else "")) if v["architecture"] else "?", 100),
    (N_("modalities"), _modalities, 80),
    (N_("access"), lambda v: ", ".join(word("access", a) for a in v["access"]["types"]) if v["access"] else "?", 120),
    (N_("kind"), lambda v: word("kind", v["kind"]), 140),
)


def _one_name(view):
    """On a narrow terminal one name: the Chinese one when Chinese comes first and there is one."""
    if text_module.CHINESE_FIRST and view.get("name_zh"):
        return clean(view["name_zh"])
    return clean(view["name"])


NARROW_LIST = 60  # below this the name column shows one name, not both


def model_table(views, width):
    table = _table()
    shown = [c for c in COLUMNS if width >= c[2]]
    if width < NARROW_LIST:
        shown = [(h, _one_name, w) if h == "name" else (h, g, w) for h, g, w in shown]
    for header, _getter, _width in shown:
        no_wrap = header in ("date", "params")
        if header == "organization" and width < 60:
            header = N_("org")
        table.add_column(_(header), overflow="fold", no_wrap=no_wrap)
    for view in views:
        table.add_row(*(text(getter(view)) for _header, getter, _width in shown))
    return table


def compare_table(views, rows, growth, width):
    from rich.console import Group
    from rich.text import Text

    if width < 22 + 16 * len(views):  # too narrow for a column per model: one block per row instead
        blocks = []
        for row in rows:
            values = [compare_value(row["field"], v) for v in row["values"]]
            block = Text(clean(_(row["label"])), style="bold cyan" if row["differs"] else "cyan")
            if not row["differs"]:
                block.append(_(": {value} (all)").format(value=clean(values[0])), style="dim")
                blocks.append(block)
                continue
            for view, value in zip(views, values):
                block.append(f"\n  {clean(view['name'])}: ", style="bold" if row["differs"] else "dim")
                block.append(clean(value), style="" if row["differs"] else "dim")
            blocks.append(block)
        return Group(*blocks, _growth_lines(views, growth))
    table = _table()
    table.add_column("", style="bold cyan", no_wrap=True)
    for view in views:
        table.add_column(text(view["name"], "bold"), overflow="fold")
    for row in rows:
        style = "yellow" if row["differs"] else "dim"
        table.add_row(text(_(row["label"]), "bold cyan" if row["differs"] else "cyan"),
                      *(text(compare_value(row["field"], v), style if not row["differs"] else "")
                        for v in row["values"]))
    return Group(table, _growth_lines(views, growth))


def _growth_lines(views, growth):
    from rich.text import Text

    lines = Text(_("Growth") + "\n", style="bold")
    names = {v["id"]: v["name"] for v in views}
    for g in growth:
        lines.append(f"  {clean(names[g['from']])} → {clean(names[g['to']])}: ")
        factor = g["parameters_factor"]
        shown = factor_text(factor) if factor is not None else _("unknown")
        lines.append(_("parameters {factor}").format(factor=shown), style="bold")
        if g.get("compute_factor") is not None:
            lines.append(_(", training compute {factor}").format(factor=factor_text(g["compute_factor"])), style="bold")
        if g["months"] is not None:
            lines.append(_(", {months} months later").format(months=g["months"]))
        lines.append("\n")
    lines.rstrip()
    return lines


def search_table(hits, width=80):
    narrow = width < 70  # room for the name and one reason only
    table = _table()
    table.add_column(_("score"), justify="right", no_wrap=True)
    table.add_column(_("name"), overflow="fold", ratio=2 if narrow else None)
    if not narrow:
        table.add_column(_("type"), no_wrap=True)
    table.add_column(_("why it matched"), overflow="fold", ratio=3 if narrow else None)
    for h in hits:
        reasons = h["matched"][:1] if narrow else h["matched"]
        why = "; ".join(f"{word('field', m['field'])}: {_snippet(m['text'], 40 if narrow else 70)}" for m in reasons)
        name = both_names(h["name"], h.get("name_zh"))
        cells = [text(f"{h['score']:.0f}"), text(name, "bold")]
        if not narrow:
            cells.append(text(word("kind", h["kind"] or h["type"])))
        table.add_row(*cells, text(why))
    return table


def _snippet(value, limit=70):
    value = clean(value)
    return value if len(value) <= limit else value[: limit - 1] + "…"


def check_table(rows):
    table = _table()
    for header in (N_("model"), N_("field"), "glmref", N_("file says"), N_("where")):
        table.add_column(_(header), overflow="fold")
    for row in rows:
        table.add_row(text(row["name"], "bold"), text(word("field", row["field"])),
                      text(f"{row['glmref']} ({row['glmref_source']})"),
                      text(row["other"], "yellow"), text(row["where"], "dim"))
    return table


def between_table(rows):
    """Where outside files disagree with each other about a model glmref has (glmref check A B …)."""
    table = _table()
    table.title = _("Where the files disagree with each other")
    for header in (N_("model"), N_("field"), N_("values (source)")):
        table.add_column(_(header), overflow="fold")
    for row in rows:
        values = "\n".join(f"{v['value']} ({v['source']}, {v['where']})" for v in row["values"])
        table.add_row(text(row["name"], "bold"), text(word("field", row["field"])), text(values))
    return table


_COMPARE_WORDS = {"kind": "kind", "architecture": "architecture", "access": "access"}


def compare_value(field, value):
    """A comparison cell in the chosen language. The cells are the domain's text (what --json gives); in
    Chinese the vocabulary words in them are translated, and dates written the Chinese way."""
    if language() != "zh" or not value:
        return value
    from glmref.i18n import date_zh

    if value in ("unknown", "undisclosed", "—"):
        return word("status", value)
    if field in ("released", "knowledge_cutoff"):
        return date_zh(value)
    if field == "country":
        from glmref.schema import COUNTRIES

        return "、".join(word("country", COUNTRIES.get(c, c)) for c in value.split(", "))
    if field == "organizations":
        return text_module.org_names(value.split(", "))
    if field == "modalities":
        inputs, _arrow, outputs = value.partition(" → ")
        return " → ".join("、".join(word("modality", x) for x in side.split(", ")) for side in (inputs, outputs))
    if field == "architecture":
        moe = value.endswith(" (MoE)")
        plain = word("architecture", value[: -len(" (MoE)")] if moe else value)
        return plain + (_(", mixture of experts") if moe else "")
    if field == "access":
        return "、".join(word("access", x) for x in value.split(", "))
    if field == "training_compute" and value.endswith(" (estimate)"):
        return value[: -len(" (estimate)")] + _(" (estimate)")
    if field == "disputed":
        return "、".join(word("field", x) for x in value.split(", "))
    if field in _COMPARE_WORDS:
        return word(_COMPARE_WORDS[field], value)
    return value
