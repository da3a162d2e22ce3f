"""The scaling chart drawn in the terminal with Rich (a character grid at the console's width), and as an
SVG file for slides and pages. Both take the points and scales from glmref.chart."""

from glmref.i18n import _
from glmref.render.text import clean
from glmref.values import format_size

MARKS = "●▲■◆★✚▼◼"
COLOURS = ("cyan", "magenta", "green", "yellow", "blue", "red", "bright_cyan", "bright_magenta")
SVG_COLOURS = ("#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b", "#e377c2", "#17becf")


def _families(pts):
    order = []
    for p in pts:
        if p["family"] not in order:
            order.append(p["family"])
    return {f: i for i, f in enumerate(order)}


def terminal_chart(pts, xs, ys, width, height=20, axis_title="Parameters"):
    from rich.console import Group
    from rich.text import Text

    families = _families(pts)
    left = 7  # room for the y labels
    cols = max(20, width - left - 1)
    grid = [[(" ", "")] * cols for _ in range(height)]

    def place(p):
        col = round((p["x"] - xs[0]) / (xs[1] - xs[0]) * (cols - 1))
        row = height - 1 - round((p["y"] - ys[0]) / (ys[1] - ys[0]) * (height - 1))
        return row, col

    for p in pts:
        row, col = place(p)
        i = families[p["family"]] % len(MARKS)
        grid[row][col] = (MARKS[i], COLOURS[i])
    for p in pts:  # labels for the landmarks, where they do not cover a mark or another label
        if not p["landmark"]:
            continue
        row, col = place(p)
        label = " " + clean(p["name"])
        if col + len(label) >= cols:
            label = clean(p["name"]) + " "
            col = col - len(label)
        start = col + 1
        if start < 0 or any(grid[row][c][0] != " " for c in range(start, min(cols, start + len(label)))):
            continue
        for k, ch in enumerate(label):
            if start + k < cols:
                grid[row][start + k] = (ch, "bold")
    ticks = {height - 1 - round((power - ys[0]) / (ys[1] - ys[0]) * (height - 1)): power
             for power in range(ys[0], ys[1] + 1)}
    lines = []
    for r in range(height):
        line = Text(f"{_tick(ticks[r], axis_title):>6}┤" if r in ticks else "      │", style="dim")
        for ch, style in grid[r]:
            line.append(ch, style=style)
        lines.append(line)
    axis = Text(" " * (left - 1) + "└" + "─" * cols, style="dim")
    years = Text(" " * left, style="dim")
    span = xs[1] - xs[0]
    step = max(1, round(span / max(1, cols // 8)))
    labels = [" "] * cols
    for year in range(xs[0], xs[1] + 1, step):
        col = min(round((year - xs[0]) / span * (cols - 1)), cols - 4)
        if all(c == " " for c in labels[max(0, col - 1):col + 5]):
            labels[col:col + 4] = list(str(year))
    years.append("".join(labels))
    legend = Text("  ")
    for family, i in families.items():
        legend.append(MARKS[i % len(MARKS)] + " ", style=COLOURS[i % len(COLOURS)])
        legend.append(clean(family) + "  ")
    title = Text(_("{axis} (log scale) by release date; labelled: each new record").format(axis=_(axis_title)),
                 style="bold")
    return Group(title, *lines, axis, years, legend)


def _tick(power, axis_title):
    """An axis label: sizes for parameters (175B), powers of ten for compute (1e23)."""
    return format_size(10 ** power) if axis_title == "Parameters" else f"1e{power}"


def _esc(text):
    from glmref.safe import xml_text

    return xml_text(text)


def svg_chart(pts, xs, ys, width=960, height=560, axis_title="Parameters"):
    """A standalone SVG document of the chart."""
    families = _families(pts)
    ml, mr, mt, mb = 70, 30, 40, 70
    pw, ph = width - ml - mr, height - mt - mb

    def px(x):
        return ml + (x - xs[0]) / (xs[1] - xs[0]) * pw

    def py(y):
        return mt + ph - (y - ys[0]) / (ys[1] - ys[0]) * ph

    title = _("{axis} (log scale) by release date").format(axis=_(axis_title))
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
           f'viewBox="0 0 {width} {height}" font-family="sans-serif" font-size="12">',
           f'<rect width="{width}" height="{height}" fill="white"/>',
           f'<text x="{ml}" y="24" font-size="15" font-weight="bold">{_esc(title)}</text>']
    for power in range(ys[0], ys[1] + 1):
        y = py(power)
        out.append(f'<line x1="{ml}" y1="{y:.1f}" x2="{ml + pw}" y2="{y:.1f}" stroke="#ddd"/>')
        out.append(f'<text x="{ml - 8}" y="{y + 4:.1f}" text-anchor="end">{_tick(power, axis_title)}</text>')
    for year in range(xs[0], xs[1] + 1):
        x = px(year)
        out.append(f'<line x1="{x:.1f}" y1="{mt}" x2="{x:.1f}" y2="{mt + ph}" stroke="#eee"/>')
        out.append(f'<text x="{x:.1f}" y="{mt + ph + 18}" text-anchor="middle">{year}</text>')
    out.append(f'<rect x="{ml}" y="{mt}" width="{pw}" height="{ph}" fill="none" stroke="#888"/>')
    for p in pts:
        colour = SVG_COLOURS[families[p["family"]] % len(SVG_COLOURS)]
        x, y = px(p["x"]), py(p["y"])
        out.append(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="4.5" fill="{colour}" fill-opacity="0.85">'
                   f'<title>{_esc(p["name"])}: {_esc(p["label"])}, {p["date"]}</title></circle>')
        if p["landmark"]:
            out.append(f'<text x="{x + 7:.1f}" y="{y - 6:.1f}" font-weight="bold">{_esc(p["name"])}</text>')
    lx = ml
    for family, i in families.items():
        colour = SVG_COLOURS[i % len(SVG_COLOURS)]
        out.append(f'<circle cx="{lx + 5}" cy="{height - 22}" r="5" fill="{colour}"/>')
        out.append(f'<text x="{lx + 14}" y="{height - 18}">{_esc(family)}</text>')
        lx += 24 + 7 * len(family)
        if lx > width - 80:
            break
    out.append("</svg>")
    return "\n".join(out) + "\n"
