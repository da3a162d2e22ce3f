"""`show`: one record as a Rich card — a table of facts, each with a numbered reference to its source,
then where the sources disagree, then the numbered sources."""

from glmref.i18n import N_, _, date_zh, language, size_zh, word
from glmref.render.text import both_names, clean, text, wrap_cjk
from glmref.views import link_of

ACCESS_LABELS = {"open-weights": "open weights", "restricted-weights": "weights on request",
                 "api": "API", "product": "app", "closed": "closed"}


def access_word(value):
    """An access type as a card shows it: "open weights" in English, the vocabulary's word in Chinese."""
    return word("access", value) if language() == "zh" else ACCESS_LABELS.get(value, value)


def modalities_text(m, sep=", "):
    """text, image → text; in Chinese the modality words translated."""
    return f"{sep.join(word('modality', x) for x in m['input'])} → {sep.join(word('modality', x) for x in m['output'])}"


class _Refs:
    """Numbers sources in the order the card first cites them."""

    def __init__(self, sources):
        self.by_id = {s["id"]: s for s in sources}
        self.order = []

    def mark(self, sid):
        if not sid:
            return ""
        if sid not in self.order:
            self.order.append(sid)
        return f"[{self.order.index(sid) + 1}]"


NARROW = 60  # below this many columns the card stacks each label above its value
MAX_VALUE_WIDTH = 100  # wider text is hard to read


class _Rows:
    """The card's rows, laid out as a three-column table, or stacked on a narrow terminal."""

    def __init__(self, title):
        self.title, self.rows = title, []

    def add_row(self, label, value, ref):
        self.rows.append((label, value, ref))

    def __rich_console__(self, console, options):
        from rich import box
        from rich.padding import Padding
        from rich.table import Table

        if options.max_width >= NARROW:
            # fixed column widths: Rich then need not measure every cell, which is most of the drawing time
            from rich.cells import cell_len  # terminal columns: a Chinese character takes two

            label_width = max((cell_len(line) for label, _value, _ref in self.rows
                               for line in label.plain.split("\n")), default=1)
            value_width = min(options.max_width - label_width - 4, MAX_VALUE_WIDTH)
            table = Table(title=self.title, box=None, show_header=False, title_justify="left", padding=(0, 1))
            table.add_column("field", no_wrap=True, width=label_width)
            table.add_column("value", overflow="fold", width=value_width)
            for label, value, ref in self.rows:
                table.add_row(label, wrap_cjk(_with_ref(value, ref), value_width))
            yield table
        else:
            grid = Table.grid()
            grid.add_column(overflow="fold")
            grid.add_row(self.title)
            for label, value, ref in self.rows:
                grid.add_row(label)
                grid.add_row(Padding(wrap_cjk(_with_ref(value, ref), options.max_width - 2), (0, 0, 0, 2)))
            yield grid
        yield ""


def _with_ref(value, ref):
    """The value with its source reference after its first line: `175B [1]`."""
    if not ref:
        return value
    first, newline, rest = value.plain.partition("\n")
    out = value[: len(first)]
    out.append(" " + ref, style="dim")
    if newline:
        out.append("\n")
        out.append_text(value[len(first) + 1:])
    return out


def _table(title):
    return _Rows(title)


def _description(view):
    """The description in the chosen language: description_zh in Chinese where the record has one."""
    if language() == "zh" and view.get("description_zh"):
        return view["description_zh"]
    return view.get("description")


def _ref_name(ref):
    """A linked record's name; in Chinese its Chinese name first, where it has one."""
    return both_names(ref["name"], ref.get("name_zh")) if language() == "zh" else clean(ref["name"])


def _title(view):
    from rich.text import Text

    return Text(both_names(view["name"], view.get("name_zh")), style="bold")


def _disputed(view, field):
    return any(d["field"] == field and not d["estimate"] for d in view.get("disagreements", []))


def _row(table, refs, label, value, source=None, disputed=False):
    label = text(_(label), "bold cyan")
    if disputed:
        label.append("\n" + _("(disputed)"), style="yellow")
    table.add_row(label, text(value) if isinstance(value, str) else value, refs.mark(source))


def _day(date):
    """A date as the reader writes it: 2020-05-28, or 2020年5月28日 in Chinese."""
    return date_zh(date) if language() == "zh" else date


def _dated(date, event):
    return _("{date} ({event})").format(date=_day(date), event=word("event", event))


def _released(view):
    r = view["released"]
    return _dated(r["date"], r["event"]) + (f" — {r['note']}" if r.get("note") else "")


def _parameters(view, refs):
    p = view["parameters"]
    if p is None or p["status"] == "unknown":
        line = text(_("unknown"), "dim")
    else:
        line = text(p["human"] if p["status"] == "disclosed" else word("status", p["human"]),
                    "bold" if p["status"] == "disclosed" else "italic")
        if language() == "zh" and p.get("value"):
            line.append(f"（{size_zh(p['value'])}）")
        if p.get("active_human"):
            line.append(_(" total, {active} active").format(active=clean(p["active_human"])))
        if len(p.get("sizes_human") or []) > 1:
            line.append(_("  (sizes: {sizes})").format(sizes=", ".join(p["sizes_human"])), style="dim")
        if p.get("note"):
            line.append(f"\n{clean(p['note'])}", style="dim")
    for d in view["disagreements"]:
        if d["field"] == "parameters" and d["estimate"]:
            line.append("\n" + _("estimate: {value} per {source}").format(
                value=clean(d["claimed"]),
                source=clean(d["source_short"]) + (f", {clean(d['where'])}" if d.get("where") else ""))
                + f" {refs.mark(d['source'])}", style="magenta")
    return line


def _note(fact):
    return f" — {fact['note']}" if fact.get("note") else ""


LIFECYCLE_LABELS = (("legacy", N_("legacy since {date}")), ("deprecated", N_("deprecated {date}")),
                    ("retired", N_("retired {date}")))


def _lifecycle(life):
    parts = [_(label).format(date=_day(life[key])) for key, label in LIFECYCLE_LABELS if life.get(key)]
    return word("status", life["status"]) + _(": ") + _(", ").join(parts) + _note(life)


def _compute(fl):
    if fl["status"] != "disclosed":
        return word("status", fl["human"]) + _note(fl)
    value = fl["human"]
    if fl.get("estimate"):
        value += (_(" (estimate, {confidence})").format(confidence=word("confidence", fl["confidence"]).lower())
                  if fl.get("confidence") else _(" (estimate)"))
    return value + _note(fl)


def model_card(view):
    from rich.console import Group

    refs = _Refs(view["sources"])
    table = _table(_title(view))
    kind = word("kind", view["kind"])
    if view.get("family"):
        kind += _(" · family {family}").format(family=view["family"])
    _row(table, refs, N_("kind"), kind)
    if view.get("aliases"):
        _row(table, refs, N_("also called"), ", ".join(view["aliases"]))
    orgs = _(", ").join(both_names(o["name"], o.get("name_zh")) + _(" ({country})").format(
        country=word("country", o["country_name"])) for o in view["organizations"])
    _row(table, refs, N_("organization"), orgs, disputed=_disputed(view, "organizations"))
    api = view.get("api_ids")
    if api:
        _row(table, refs, N_("API ids"), ", ".join(api["ids"]) + _note(api), api["source"])
    if view["released"]:
        _row(table, refs, N_("released"), _released(view), view["released"]["source"], _disputed(view, "released"))
    else:
        _row(table, refs, N_("released"), text(_("unknown"), "dim"))
    life = view.get("lifecycle")
    if life:
        _row(table, refs, N_("lifecycle"), _lifecycle(life), life["source"])
    p = view["parameters"]
    _row(table, refs, N_("parameters"), _parameters(view, refs), p["source"] if p else None, _disputed(view, "parameters"))
    t = view["training_tokens"]
    if t:
        shown = t["human"] if t["status"] == "disclosed" else word("status", t["status"])
        _row(table, refs, N_("training tokens"), shown + _note(t), t["source"], _disputed(view, "training_tokens"))
    fl = view.get("training_compute")
    if fl and fl["status"] != "unknown":
        _row(table, refs, N_("training compute"), _compute(fl), fl["source"], _disputed(view, "training_compute"))
    c = view["context_window"]
    if c:
        shown = _("{count} tokens").format(count=f"{c['value']:,}") if c["value"] else word("status", c["status"])
        _row(table, refs, N_("context window"), shown + _note(c), c["source"], _disputed(view, "context_window"))
    o = view.get("max_output_tokens")
    if o:
        _row(table, refs, N_("max output"), _("{count} tokens").format(count=f"{o['value']:,}") + _note(o), o["source"],
             _disputed(view, "max_output_tokens"))
    k = view["knowledge_cutoff"]
    if k:
        cutoff = _day(k["date"]) + (_(" (training data to {date})").format(date=_day(k["training_data"]))
                                    if k.get("training_data") else "")
        _row(table, refs, N_("knowledge cutoff"), cutoff + _note(k), k["source"], _disputed(view, "knowledge_cutoff"))
    a = view["architecture"]
    if a:
        arch = (word("architecture", a["type"]) + (_(", mixture of experts") if a["moe"] else "")
                + (f" — {a['note']}" if a.get("note") else ""))
        _row(table, refs, N_("architecture"), arch, a["source"], _disputed(view, "architecture"))
    else:
        _row(table, refs, N_("architecture"), text(_("unknown"), "dim"))
    m = view["modalities"]
    if m:
        _row(table, refs, N_("modalities"), modalities_text(m, _(", ")), m["source"],
             _disputed(view, "modalities"))
    acc = view["access"]
    if acc:
        value = _(", ").join(access_word(x) for x in acc["types"])
        if acc.get("license"):
            value += _(" ({license})").format(license=acc["license"])
        if acc.get("note"):
            value += f" — {acc['note']}"
        _row(table, refs, N_("access"), value, acc["source"], _disputed(view, "access"))
    if view["predecessor"]:
        _row(table, refs, N_("predecessor"), _ref_name(view["predecessor"]))
    if view["successors"]:
        _row(table, refs, N_("successors"), _(", ").join(_ref_name(s) for s in view["successors"]))
    if view["based_on"]:
        _row(table, refs, N_("based on"), _(", ").join(_ref_name(s) for s in view["based_on"]))
    if view["introduced"]:
        _row(table, refs, N_("introduced"), "\n".join(f"• {i}" for i in view["introduced"]))
    if view["concepts"]:
        _row(table, refs, N_("ideas"), _(", ").join(_ref_name(s) for s in view["concepts"]))
    if _description(view):
        _row(table, refs, N_("about"), _description(view))
    if view.get("origin"):
        _row(table, refs, N_("from file"), view["origin"])
    return Group(table, *_disagreement_block(view, refs), _sources_block(view, refs))


class _Block:
    """A title and rows of (label, body) with a hanging indent, the label column sized to its widest label."""

    def __init__(self, title, style):
        self.title, self.rows = text(title, style), []

    def add_row(self, label, body):
        self.rows.append((label, body))

    def __rich_console__(self, console, options):
        from rich.table import Table

        from rich.cells import cell_len

        label_width = max((cell_len(label.plain) for label, _body in self.rows), default=1)
        body_width = max(1, min(options.max_width - label_width - 1, MAX_VALUE_WIDTH + 20))
        grid = Table.grid(padding=(0, 1))
        grid.add_column(no_wrap=True, width=label_width)
        grid.add_column(overflow="fold", width=body_width)
        for label, body in self.rows:
            grid.add_row(label, wrap_cjk(body, body_width))
        yield self.title
        yield grid


def _disagreement_block(view, refs):
    lines = [d for d in view.get("disagreements", []) if not d["estimate"]]
    if not lines:
        return []
    from rich.console import Group

    grid = _Block(_("Sources disagree"), "bold yellow")
    for d in lines:
        where = f", {d['where']}" if d.get("where") else ""
        canonical_ref = refs.mark(d["canonical_source"]) if d.get("canonical_source") else ""
        source = f"{d['source_short']}{where} {refs.mark(d['source'])}"
        if d["field"] in ("description", "name", "kind"):  # prose: the claim alone, the card shows ours
            body = text(_("{source} says: {claim}").format(source=source, claim=d["claimed"]))
        else:
            body = text(_("{source} says {claim}; the primary source {ref} gives {canonical}.").format(
                source=source, claim=d["claimed"], ref=canonical_ref, canonical=d["canonical"]))
        if d.get("note"):
            body.append("\n" + clean(d["note"]), style="dim")
        grid.add_row(text("  " + word("field", d["field"]), "yellow"), body)
    return [Group(grid, text(""))]


def _sources_block(view, refs):
    for s in view["sources"]:  # sources the fields did not cite still belong to the record
        refs.mark(s["id"])
    grid = _Block(_("Sources"), "bold")
    for n, sid in enumerate(refs.order, 1):
        s = refs.by_id.get(sid, {"id": sid, "short": sid})
        body = text(s.get("short") or sid, "bold")
        if s.get("title"):
            body.append(" — " + clean(s["title"]))
        if s.get("date"):
            body.append(_(" ({date})").format(date=clean(s["date"])), style="dim")
        link = link_of(s)
        if link:
            body.append("\n" + clean(link), style="blue")
        elif s.get("citation"):
            body.append("\n" + clean(s["citation"]), style="dim")
        grid.add_row(text(f"  [{n}]", "dim"), body)
    return grid


def organization_card(view):
    from rich.console import Group

    refs = _Refs(view["sources"])
    table = _table(_title(view))
    _row(table, refs, N_("kind"), word("kind", view["kind"]))
    if view.get("aliases"):
        _row(table, refs, N_("also called"), ", ".join(view["aliases"]))
    _row(table, refs, N_("country"), _("{country} ({code})").format(country=word("country", view["country_name"]),
                                                               code=view["country"]))
    if view.get("parent"):
        _row(table, refs, N_("part of"), _ref_name(view["parent"]))
    if view.get("url"):
        _row(table, refs, N_("website"), view["url"])
    if _description(view):
        _row(table, refs, N_("about"), _description(view))
    if view["models"]:
        _row(table, refs, N_("models"), _(", ").join(_ref_name(m) for m in view["models"]))
    if view.get("origin"):
        _row(table, refs, N_("from file"), view["origin"])
    return Group(table, _sources_block(view, refs))


def concept_card(view):
    from rich.console import Group

    refs = _Refs(view["sources"])
    table = _table(_title(view))
    _row(table, refs, N_("kind"), word("kind", view["kind"]))
    if view.get("aliases"):
        _row(table, refs, N_("also called"), ", ".join(view["aliases"]))
    if view.get("date"):
        d = view["date"]
        _row(table, refs, N_("appeared"), _dated(d["date"], d["event"]), d["source"], _disputed(view, "released"))
    if view.get("period"):
        p = view["period"]
        until = _day(p["to"]) if p.get("to") else _("now")
        _row(table, refs, N_("period"), f"{_day(p['from'])} – {until}", p["source"])
    for label, key in ((N_("part of"), "parent"), (N_("followed"), "predecessor")):
        if view.get(key):
            _row(table, refs, label, _ref_name(view[key]))
    if view.get("successors"):
        _row(table, refs, N_("followed by"), _(", ").join(_ref_name(s) for s in view["successors"]))
    if view.get("related"):
        _row(table, refs, N_("related"), _(", ").join(_ref_name(s) for s in view["related"]))
    if _description(view):
        _row(table, refs, N_("about"), _description(view))
    if view.get("origin"):
        _row(table, refs, N_("from file"), view["origin"])
    return Group(table, *_disagreement_block(view, refs), _sources_block(view, refs))


def source_card(view):
    refs = _Refs([])
    table = _table(text(view["short"], "bold"))
    for label, key in ((N_("title"), "title"), (N_("translated"), "title_en"), (N_("kind"), "kind"),
                       (N_("date"), "date"), (N_("publisher"), "publisher"), (N_("link"), "link"),
                       (N_("citation"), "citation")):
        if view.get(key):
            _row(table, refs, label, word("kind", view[key]) if key == "kind" else view[key])
    if view.get("authors"):
        _row(table, refs, N_("authors"), ", ".join(view["authors"]))
    return table


def card(view):
    return {"model": model_card, "organization": organization_card, "concept": concept_card,
            "source": source_card}[view["type"]](view)
