"""`glmref stats` as Rich tables: counts, then per-field completeness."""

from glmref.i18n import N_, _, date_zh, language, word
from glmref.render.text import clean, org_names, text


def _table(title, **kwargs):
    from rich import box
    from rich.table import Table

    return Table(title=title, box=box.SIMPLE_HEAD, title_justify="left", show_edge=False, **kwargs)


def stats_view(stats, width):
    from rich.console import Group

    r = stats["records"]
    newest = stats["newest"]
    head = text(_("{models} models, {organizations} organizations, {concepts} concepts, {sources} sources; "
                  "models from {developers} developers").format(
        models=r["model"], organizations=r["organization"], concepts=r["concept"], sources=r["source"],
        developers=stats["developers"]), "bold")
    if newest:
        date = date_zh(newest["date"]) if language() == "zh" else newest["date"]
        head.append("\n" + _("newest release: {name} ({date})").format(name=clean(newest["name"]), date=date))
    kinds = _(", ").join(_("{kind} {count}").format(kind=word("kind", k), count=n)
                         for k, n in stats["models_by_kind"].items())
    head.append("\n" + _("models by kind: {kinds}").format(kinds=kinds))

    fields = _table(_("Completeness of model records (%)"))
    narrow = width < 60  # room for the field and two shares only
    fields.add_column(_("field"), overflow="fold")
    headers = (N_("known"), N_("unknown")) if narrow else (N_("filled"), N_("est."), N_("undiscl."), N_("unknown"),
                                                          N_("of"))
    for header in headers:
        fields.add_column(_(header), justify="left" if header == "of" else "right", no_wrap=True)
    for f in stats["fields"]:
        p = f["percent"]
        unknown = text(f"{p['unknown']:.1f}", "yellow" if p["unknown"] > 10 else "")
        if narrow:
            fields.add_row(_(f["label"]), f"{f['known_percent']:.1f}", unknown)
        else:
            fields.add_row(_(f["label"]), f"{p['filled']:.1f}", f"{p['estimated']:.1f}", f"{p['undisclosed']:.1f}",
                           unknown, f"{f['records']} {_(f['scope_short'])}")

    years = _table(_("Models by year"))
    years.add_column(_("year"))
    years.add_column(_("models"), justify="right")
    for year, n in stats["models_by_year"].items():
        years.add_row(_(year) if year == "unknown" else year, str(n))

    devs = _table(_("Models by developer (lead organization)"))
    devs.add_column(_("developer"), overflow="fold")
    devs.add_column(_("models"), justify="right")
    for d in stats["models_by_developer"]:
        devs.add_row(text(org_names([d["name"]])), str(d["models"]))

    if width >= 100:
        from rich.columns import Columns

        return Group(head, text(""), fields, Columns([years, devs], padding=(0, 4)))
    return Group(head, text(""), fields, years, devs)
