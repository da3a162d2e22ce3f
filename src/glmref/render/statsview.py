"""`glmref stats` as Rich tables: counts, then per-field completeness."""

from glmref.render.text import clean, text


def _table(title, **kwargs):
    from rich import box
    from rich.table import Table

    return Table(title=title, box=box.SIMPLE_HEAD, title_justify="left", show_edge=False, **kwargs)


def stats_view(stats, width):
    from rich.console import Group

    r = stats["records"]
    newest = stats["newest"]
    head = text(f"{r['model']} models, {r['organization']} organizations, {r['concept']} concepts, "
                f"{r['source']} sources; models from {stats['developers']} developers", "bold")
    if newest:
        head.append(f"\nnewest release: {clean(newest['name'])} ({newest['date']})")
    kinds = ", ".join(f"{k} {n}" for k, n in stats["models_by_kind"].items())
    head.append(f"\nmodels by kind: {kinds}")

    fields = _table("Completeness of model records (%)")
    narrow = width < 60  # room for the field and two shares only
    fields.add_column("field", overflow="fold")
    for header in (("known", "unknown") if narrow else ("filled", "est.", "undiscl.", "unknown", "of")):
        fields.add_column(header, justify="left" if header == "of" else "right", no_wrap=True)
    for f in stats["fields"]:
        p = f["percent"]
        unknown = text(f"{p['unknown']:.1f}", "yellow" if p["unknown"] > 10 else "")
        if narrow:
            fields.add_row(f["label"], f"{f['known_percent']:.1f}", unknown)
        else:
            fields.add_row(f["label"], f"{p['filled']:.1f}", f"{p['estimated']:.1f}", f"{p['undisclosed']:.1f}",
                           unknown, f"{f['records']} {f['scope_short']}")

    years = _table("Models by year")
    years.add_column("year")
    years.add_column("models", justify="right")
    for year, n in stats["models_by_year"].items():
        years.add_row(year, str(n))

    devs = _table("Models by developer (lead organization)")
    devs.add_column("developer", overflow="fold")
    devs.add_column("models", justify="right")
    for d in stats["models_by_developer"]:
        devs.add_row(text(d["name"]), str(d["models"]))

    if width >= 100:
        from rich.columns import Columns

        return Group(head, text(""), fields, Columns([years, devs], padding=(0, 4)))
    return Group(head, text(""), fields, years, devs)
