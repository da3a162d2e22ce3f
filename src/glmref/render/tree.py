"""`timeline` as a Rich tree: year, then month, then the models and milestones, with the eras marked."""

from glmref.i18n import N_, _, date_zh, language
from glmref.render.text import both_names, clean, org_names, text
from glmref.values import format_size

MONTHS = (N_("Jan"), N_("Feb"), N_("Mar"), N_("Apr"), N_("May"), N_("Jun"), N_("Jul"), N_("Aug"), N_("Sep"),
          N_("Oct"), N_("Nov"), N_("Dec"))


def _day(date):
    return date_zh(date) if language() == "zh" else date


def _span(start, end):
    until = _day(end) if end else _("now")
    return f"{_day(start)} – {until}"


def timeline_tree(grouped, eras, title=N_("Timeline")):
    from rich.tree import Tree

    root = Tree(text(_(title), "bold"))
    pending = list(eras)
    for year in sorted(grouped):
        node = root
        while pending and pending[0]["from"][:4] <= year:
            era = pending.pop(0)
            span = _span(era["from"], era["to"])
            label = text(f"▸ {both_names(era['name'], era.get('name_zh'))} ({span})",
                         "bold magenta")
            root.add(label)
        year_node = node.add(text(f"{year}年" if language() == "zh" else year, "bold"))
        months = grouped[year]
        for month in sorted(months, key=lambda m: m or "00"):
            parent = year_node if month is None else year_node.add(text(_(MONTHS[int(month) - 1]), "cyan"))
            for event in months[month]:
                parent.add(_event_label(event))
    for era in pending:
        root.add(text(f"▸ {both_names(era['name'], era.get('name_zh'))} ({_span(era['from'], era['to'])})",
                      "bold magenta"))
    return root


def _event_label(event):
    from rich.text import Text

    label = Text()
    if event["type"] == "concept":
        label.append("◆ ", style="magenta")
        label.append(both_names(event["name"], event.get("name_zh")), style="italic")
    else:
        label.append(both_names(event["name"], event.get("name_zh")), style="bold")
    details = []
    if event["organizations"]:
        details.append(org_names(event["organizations"]))
    if event.get("parameters"):
        details.append(format_size(event["parameters"]))
    if len(event["date"]) == 10:
        details.append(_day(event["date"]))
    if details:
        label.append("  " + clean(" · ".join(details)), style="dim")
    return label


def lineage_tree(node):
    """A lineage tree (glmref.lineage.tree) as a Rich tree."""
    from rich.tree import Tree

    root = Tree(_lineage_label(node))
    _add_children(root, node)
    return root


def _add_children(branch, node):
    stack = [(branch, node)]  # iterative: a lineage may be deeper than Python's recursion limit
    while stack:
        branch, node = stack.pop()
        for child in node["children"]:
            stack.append((branch.add(_lineage_label(child)), child))


def _lineage_label(node):
    from rich.text import Text

    label = Text()
    if node.get("relation") == "based on":
        label.append("↳ ", style="cyan")
    label.append(both_names(node["name"], node.get("name_zh")), style="bold reverse" if node.get("highlight") else "bold")
    if node.get("loop"):
        label.append("  " + _("(link loops back: not followed)"), style="red")
        return label
    if node.get("repeat"):
        label.append("  " + _("(shown above)"), style="dim")
        return label
    details = []
    if node.get("organizations"):
        details.append(org_names(node["organizations"]))
    if node.get("date"):
        details.append(_day(node["date"]))
    if details:
        label.append("  " + clean(" · ".join(details)), style="dim")
    if node.get("truncated"):
        label.append("  " + _("(descendants not shown: lineage deeper than the display limit)"), style="yellow")
    return label
