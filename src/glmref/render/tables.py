"""`list`, `compare` and `search` as Rich tables."""

from glmref.comparison import factor_text
from glmref.i18n import _
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
        human += f" ({p['active_human']} act.)"
    return human


def _modalities(view):
    m = view["modalities"]
    if not m:
        return "?"
    return f"{'+'.join(m['input'])}→{'+'.join(m['output'])}"


COLUMNS = (  # (header, getter, minimum terminal width at which the column is shown)
    ("name", lambda v: both_names(v["name"], v.get("name_zh")), 0),
    ("organization", _orgs, 0),
    ("date", lambda v: v["released"]["date"] if v["released"] else "?", 0),
    ("params", _params, 0),
    ("architecture", lambda v: (v["architecture"]["type"] + (" MoE" if v["architecture"]["moe"] else ""))
     if v["architecture"] else "?", 100),
    ("modalities", _modalities, 80),
    ("access", lambda v: ", ".join(v["access"]["types"]) if v["access"] else "?", 120),
    ("kind", lambda v: v["kind"], 140),
)


def model_table(views, width):
    table = _table()
    shown = [c for c in COLUMNS if width >= c[2]]
    for header, _getter, _width in shown:
        no_wrap = header in ("date", "params")
        if header == "organization" and width < 60:
            header = "org"
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
            block = Text(clean(_(row["label"])), style="bold cyan" if row["differs"] else "cyan")
            if not row["differs"]:
                block.append(f": {clean(row['values'][0])} (all)", style="dim")
                blocks.append(block)
                continue
            for view, value in zip(views, row["values"]):
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
                      *(text(v, style if not row["differs"] else "") for v in row["values"]))
    return Group(table, _growth_lines(views, growth))


def _growth_lines(views, growth):
    from rich.text import Text

    lines = Text(_("Growth") + "\n", style="bold")
    names = {v["id"]: v["name"] for v in views}
    for g in growth:
        lines.append(f"  {clean(names[g['from']])} → {clean(names[g['to']])}: ")
        lines.append(f"parameters {factor_text(g['parameters_factor'])}", style="bold")
        if g.get("compute_factor") is not None:
            lines.append(f", training compute {factor_text(g['compute_factor'])}", style="bold")
        if g["months"] is not None:
            lines.append(f", {g['months']} months later")
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
        why = "; ".join(f"{m['field']}: {_snippet(m['text'], 40 if narrow else 70)}" for m in reasons)
        name = both_names(h["name"], h.get("name_zh"))
        cells = [text(f"{h['score']:.0f}"), text(name, "bold")]
        if not narrow:
            cells.append(text(h["kind"] or h["type"]))
        table.add_row(*cells, text(why))
    return table


def _snippet(value, limit=70):
    value = clean(value)
    return value if len(value) <= limit else value[: limit - 1] + "…"


def check_table(rows):
    table = _table()
    for header in ("model", "field", "glmref", "file says", "where"):
        table.add_column(_(header), overflow="fold")
    for row in rows:
        table.add_row(text(row["name"], "bold"), text(row["field"]), text(f"{row['glmref']} ({row['glmref_source']})"),
                      text(row["other"], "yellow"), text(row["where"], "dim"))
    return table


def between_table(rows):
    """Where outside files disagree with each other about a model glmref has (glmref check A B …)."""
    table = _table()
    table.title = "Where the files disagree with each other"
    for header in ("model", "field", "values (source)"):
        table.add_column(header, overflow="fold")
    for row in rows:
        values = "\n".join(f"{v['value']} ({v['source']}, {v['where']})" for v in row["values"])
        table.add_row(text(row["name"], "bold"), text(row["field"]), text(values))
    return table
