"""`timeline` as a Rich tree: year, then month, then the models and milestones, with the eras marked."""

from glmref.render.text import both_names, clean, text
from glmref.values import format_size

MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def timeline_tree(grouped, eras, title="Timeline"):
    from rich.tree import Tree

    root = Tree(text(title, "bold"))
    pending = list(eras)
    for year in sorted(grouped):
        node = root
        while pending and pending[0]["from"][:4] <= year:
            era = pending.pop(0)
            span = f"{era['from']} – {era['to'] or 'now'}"
            label = text(f"▸ {both_names(era['name'], era.get('name_zh'))} ({span})",
                         "bold magenta")
            root.add(label)
        year_node = node.add(text(year, "bold"))
        months = grouped[year]
        for month in sorted(months, key=lambda m: m or "00"):
            parent = year_node if month is None else year_node.add(text(MONTHS[int(month) - 1], "cyan"))
            for event in months[month]:
                parent.add(_event_label(event))
    for era in pending:
        root.add(text(f"▸ {era['name']} ({era['from']} – {era['to'] or 'now'})", "bold magenta"))
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
        details.append(", ".join(event["organizations"]))
    if event.get("parameters"):
        details.append(format_size(event["parameters"]))
    if len(event["date"]) == 10:
        details.append(event["date"])
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
        label.append("  (link loops back: not followed)", style="red")
        return label
    if node.get("repeat"):
        label.append("  (shown above)", style="dim")
        return label
    details = []
    if node.get("organizations"):
        details.append(", ".join(node["organizations"]))
    if node.get("date"):
        details.append(node["date"])
    if details:
        label.append("  " + clean(" · ".join(details)), style="dim")
    if node.get("truncated"):
        label.append("  (descendants not shown: lineage deeper than the display limit)", style="yellow")
    return label
