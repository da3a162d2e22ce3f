"""The command line: parse arguments, call the domain, hand the result to a renderer.

Start-up is this tool's performance (every TAB runs it), so this module imports only typer; the catalog,
rapidfuzz and Rich are imported inside the commands that need them."""

import os
import sys
from typing import List, Optional

import typer

from glmref import __version__
from glmref.errors import EXIT_NOT_FOUND, GlmrefError, UsageProblem
from glmref.i18n import _

app = typer.Typer(
    name="glmref",
    help="A reference for general large models: facts with their sources, and where sources disagree.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)

_extra_data: List[str] = []
_no_pager = [False]


# ---------------------------------------------------------------- completion


def _completion_catalog(ctx):
    from glmref.catalog import open_catalog

    root = ctx.find_root() if ctx is not None else None
    extra = (root.params.get("data") or []) if root is not None else []
    return open_catalog([str(p) for p in extra])


def _complete(candidates, incomplete):
    from glmref.names import normalize

    prefix = normalize(incomplete)
    for value, help_text, keys in candidates:
        if not prefix or any(k.startswith(prefix) for k in keys):
            yield value, help_text


def complete_name(ctx: typer.Context, incomplete: str):
    try:  # completion prints candidates or nothing: never an error
        given = set(ctx.params.get("names") or ())  # `compare GPT-2 GP<TAB>` does not offer GPT-2 again
        return [c for c in _complete(_completion_catalog(ctx).completion(), incomplete) if c[0] not in given]
    except Exception:
        return []


def complete_org(ctx: typer.Context, incomplete: str):
    try:
        return list(_complete(_completion_catalog(ctx).org_completion(), incomplete))
    except Exception:
        return []


def _complete_from(choices):
    def complete(incomplete: str):
        return [c for c in choices if c.startswith(incomplete)]

    return complete


# the enumerations are spelled out here rather than imported, so that completion stays cheap
MODALITY_CHOICES = ("text", "code", "image", "audio", "video", "3d", "signal", "action", "embedding")
ARCH_CHOICES = ("decoder-only", "encoder-only", "encoder-decoder", "dual-encoder", "diffusion", "lstm", "rnn",
                "feed-forward", "n-gram", "hybrid", "other", "undisclosed", "moe")
KIND_CHOICES = ("model", "model-family", "product", "system", "toolkit", "hardware")
ACCESS_CHOICES = ("open-weights", "restricted-weights", "api", "product", "closed")
SORT_CHOICES = ("date", "name", "params", "compute", "context", "org")
TYPE_CHOICES = ("model", "organization", "concept", "source")


# ---------------------------------------------------------------- shared options


def _version(value: bool):
    if value:
        typer.echo(f"glmref {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    data: Optional[List[str]] = typer.Option(
        None, "--data", metavar="PATH",
        help="Add records from a YAML file, an outside catalog (Epoch CSV, models.dev or OpenRouter JSON) "
             "or a directory of them (repeatable); also GLMREF_DATA.",
    ),
    no_pager: bool = typer.Option(False, "--no-pager", help="Never send long output to a pager."),
    lang: Optional[str] = typer.Option(None, "--lang", metavar="LANG",
                                       help="en or zh; default: GLMREF_LANG, then the locale (LANG, LC_ALL …)."),
    chinese_first: bool = typer.Option(False, "--zh", help="Short for --lang zh: Chinese labels, names first."),
    version: bool = typer.Option(False, "--version", callback=_version, is_eager=True, help="Show the version."),
):
    """A reference for general large models: facts with their sources, and where sources disagree."""
    _extra_data[:] = [str(p) for p in (data or [])]
    _no_pager[0] = no_pager
    from glmref import i18n

    if lang is not None and lang not in i18n.LANGUAGES:
        raise UsageProblem(_("--lang {value!r} is not one of: {choices}").format(
            value=lang, choices=", ".join(i18n.LANGUAGES)))
    chosen = "zh" if chinese_first else (lang or i18n.from_environment())
    i18n.use(chosen)
    zh = chosen == "zh"
    if zh or "glmref.render.text" in sys.modules:
        from glmref.render import text

        text.CHINESE_FIRST = zh
        text.ORG_NAMES_ZH.clear()


def _chinese_org_names(catalog):
    """Trees name organizations by their English names; in Chinese the renderer is given the Chinese ones."""
    from glmref import i18n

    if i18n.language() == "zh":
        from glmref.render import text

        text.ORG_NAMES_ZH.update({o["name"]: o["name_zh"] for o in catalog.of_type("organization")
                                  if o.get("name_zh")})


def _catalog():
    from glmref.catalog import open_catalog

    skipped = []
    catalog = open_catalog(_extra_data, skipped)
    _skipped_notes(skipped)
    return catalog


def _reference():
    """The library API over this command's catalog: every command answers through it, so the CLI and
    `import glmref` cannot drift apart."""
    return _reference_to(_catalog())


def _reference_to(catalog):
    from glmref.api import Reference

    return Reference(catalog)


def _skipped_notes(skipped):
    for path in skipped:
        _note(_("skipping {path} (hidden, editor or not a regular file)").format(path=path))


def _note(message):
    """A message for the user on stderr, never on stdout; one line, every control or invisible character
    shown as an escape."""
    from glmref.safe import message as escape

    sys.stderr.write("glmref: " + escape(message) + "\n")


JSON_HELP = "Print one JSON document (fields in the README) instead of a table."
FORMAT_CHOICES = ("table", "json", "jsonl", "csv")
FormatOpt = typer.Option("table", "--format", "-F", metavar="FORMAT",
                         help="table, json (one document), jsonl (one object a line) or csv.",
                         autocompletion=_complete_from(FORMAT_CHOICES))


def _format(fmt, json_out):
    """The output format asked for: --json is short for --format json."""
    if fmt not in FORMAT_CHOICES:
        raise UsageProblem(_("{option} {value!r} is not one of: {choices}").format(
            option="--format", value=fmt, choices=", ".join(FORMAT_CHOICES)))
    if json_out and fmt not in ("table", "json"):
        raise UsageProblem(_("--json and --format {format} ask for different outputs; give one of them").format(
            format=fmt))
    return "json" if json_out else fmt

OrgOpt = typer.Option(None, "--org", "-o", help="Organization name or alias (repeatable).", autocompletion=complete_org)
CountryOpt = typer.Option(None, "--country", help="Country code or name: US, CN, China … (repeatable).")
YearOpt = typer.Option(None, "--year", "-y", help="A year or a range: 2020, 2019-2021.")
SinceOpt = typer.Option(None, "--since", help="Released on or after DATE (2020, 2020-05, 2020-05-28).")
UntilOpt = typer.Option(None, "--until", help="Released on or before DATE.")
ModalityOpt = typer.Option(None, "--modality", "-m", help="Input or output modality (repeatable).",
                           autocompletion=_complete_from(MODALITY_CHOICES))
ArchOpt = typer.Option(None, "--arch", "-a", help="Architecture, or 'moe' (repeatable).",
                       autocompletion=_complete_from(ARCH_CHOICES))
KindOpt = typer.Option(None, "--kind", "-k", help="model, product, system, toolkit … (repeatable).",
                       autocompletion=_complete_from(KIND_CHOICES))
FamilyOpt = typer.Option(None, "--family", "-f", help="Family: gpt, bert, llama, ernie … (repeatable).")
OpenOpt = typer.Option(False, "--open", help="Only models with open weights.")
AccessOpt = typer.Option(None, "--access", help="open-weights, restricted-weights, api, product, closed (repeatable).",
                         autocompletion=_complete_from(ACCESS_CHOICES))
MinParamsOpt = typer.Option(None, "--min-params", metavar="SIZE", help="At least SIZE parameters: 7B, 1.5T.")
MaxParamsOpt = typer.Option(None, "--max-params", metavar="SIZE", help="At most SIZE parameters.")
MinContextOpt = typer.Option(None, "--min-context", metavar="TOKENS", help="A context window of at least TOKENS: 128K, 1M.")


def _filters(org, country, year, since, until, modality, arch, kind, family, open_weights, access, min_params,
             max_params, min_context=None):
    from glmref.query import Filters

    return Filters(org=org, country=country, year=year, since=since, until=until, modality=modality, arch=arch,
                   kind=kind, family=family, open_weights=open_weights, access=access, min_params=min_params,
                   max_params=max_params, min_context=min_context)


def _select(catalog, filters, fmt):
    """The records the filters keep. Names in filters are corrected for typos only in table output, and
    each correction is named on stderr."""
    from glmref.query import select

    filters.fuzzy = fmt == "table"
    records = select(catalog, filters)
    _corrections(filters.corrections)
    return records


def _corrections(corrections):
    for typed, matched in corrections:
        _note(_("using {name} (closest match for {typed!r})").format(name=matched, typed=typed))


# ---------------------------------------------------------------- commands


@app.command()
def show(
    name: List[str] = typer.Argument(..., help="A model, organization, concept or source: any spelling.", metavar="NAME",
                                     autocompletion=complete_name, show_default=False),
    json_out: bool = typer.Option(False, "--json", help=JSON_HELP),
):
    """Show one record with every fact's source, and where sources disagree.

    Examples: glmref show GPT-3 · glmref show 文心一言 · glmref show chinchila · glmref show OpenAI --json
    """
    query = " ".join(name)
    view, correction = _reference().lookup(query, fuzzy=not json_out)  # a script never gets another model's facts
    if correction:
        _note(_("showing {name} (closest match for {typed!r})").format(name=correction, typed=query))
    if json_out:
        from glmref.render.jsonout import emit

        emit(view)
        return
    from glmref.render.card import card
    from glmref.render.console import out_console

    console = out_console()
    _page(console, card(view))


@app.command("list")
def list_models(
    org: Optional[List[str]] = OrgOpt, country: Optional[List[str]] = CountryOpt, year: Optional[str] = YearOpt,
    since: Optional[str] = SinceOpt, until: Optional[str] = UntilOpt, modality: Optional[List[str]] = ModalityOpt,
    arch: Optional[List[str]] = ArchOpt, kind: Optional[List[str]] = KindOpt, family: Optional[List[str]] = FamilyOpt,
    open_weights: bool = OpenOpt, access: Optional[List[str]] = AccessOpt, min_params: Optional[str] = MinParamsOpt,
    max_params: Optional[str] = MaxParamsOpt, min_context: Optional[str] = MinContextOpt,
    sort: str = typer.Option("date", "--sort", "-s", help="date, name, params, compute, context or org.",
                             autocompletion=_complete_from(SORT_CHOICES)),
    reverse: bool = typer.Option(False, "--reverse", "-r", help="Reverse the order."),
    limit: Optional[int] = typer.Option(None, "--limit", "-n", min=1, help="Show at most N models."),
    fmt: str = FormatOpt,
    json_out: bool = typer.Option(False, "--json", help=JSON_HELP),
):
    """List models, filtered and sorted.

    Examples:
      glmref list --org OpenAI
      glmref list --country CN --year 2021-2022
      glmref list --open --sort params -n 10
      glmref list --min-context 1M --since 2025
      glmref list --format csv > models.csv
    """
    fmt = _format(fmt, json_out)
    views, corrections = _reference().model_list(
        fuzzy=fmt == "table", sort=sort, reverse=reverse, limit=limit, org=org, country=country, year=year,
        since=since, until=until, modality=modality, arch=arch, kind=kind, family=family, open_weights=open_weights,
        access=access, min_params=min_params, max_params=max_params, min_context=min_context)
    _corrections(corrections)
    _print_items(fmt, views, "model_table", "model_row", "MODEL_COLUMNS", _("no model matches these filters"))


@app.command()
def compare(
    names: List[str] = typer.Argument(..., help="Two or more models.", metavar="NAME...", autocompletion=complete_name,
                                      show_default=False),
    json_out: bool = typer.Option(False, "--json", help=JSON_HELP),
):
    """Compare models side by side; rows that differ stand out, with the growth from each to the next.

    Examples: glmref compare GPT-2 GPT-3 GPT-4 · glmref compare LLaMA "Llama 2" --json
    """
    if len(names) < 2:  # before the catalog is opened
        raise UsageProblem(_("compare needs at least two model names"))
    catalog = _catalog()
    document, corrections = _reference_to(catalog).compare_list(names, fuzzy=not json_out)
    for typed, matched in corrections:
        _note(_("comparing {name} (closest match for {typed!r})").format(name=matched, typed=typed))
    if json_out:
        from glmref.render.jsonout import emit

        emit(document)
        return
    views, rows, growth = document["models"], document["rows"], document["growth"]
    from glmref.render.console import out_console
    from glmref.render.tables import compare_table

    _chinese_org_names(catalog)

    console = out_console()
    _page(console, compare_table(views, rows, growth, console.width))


@app.command()
def timeline(
    org: Optional[List[str]] = OrgOpt, country: Optional[List[str]] = CountryOpt, year: Optional[str] = YearOpt,
    since: Optional[str] = SinceOpt, until: Optional[str] = UntilOpt, modality: Optional[List[str]] = ModalityOpt,
    arch: Optional[List[str]] = ArchOpt, kind: Optional[List[str]] = KindOpt, family: Optional[List[str]] = FamilyOpt,
    open_weights: bool = OpenOpt, access: Optional[List[str]] = AccessOpt, min_params: Optional[str] = MinParamsOpt,
    max_params: Optional[str] = MaxParamsOpt,
    models_only: bool = typer.Option(False, "--models-only", help="Leave out ideas, milestones and eras."),
    plot: bool = typer.Option(False, "--plot", help="Draw parameters or compute (log scale) against release date."),
    y_axis: str = typer.Option("params", "--y", metavar="AXIS", help="What --plot draws: params or compute.",
                               autocompletion=_complete_from(("params", "compute"))),
    svg: Optional[str] = typer.Option(None, "--svg", metavar="FILE", help="Save the --plot chart as an SVG file."),
    fmt: str = FormatOpt,
    json_out: bool = typer.Option(False, "--json", help=JSON_HELP),
):
    """Models and milestones by year and month, with the eras of the field.

    Examples:
      glmref timeline
      glmref timeline --country CN --year 2021
      glmref timeline --family gpt --models-only
      glmref timeline --format csv
      glmref timeline --plot --svg scaling.svg
    """
    from glmref.timeline import timeline as build_timeline

    fmt = _format(fmt, json_out)
    catalog = _catalog()
    filters = _filters(org, country, year, since, until, modality, arch, kind, family, open_weights, access,
                       min_params, max_params)
    records = _select(catalog, filters, fmt)
    if plot or svg:
        _plot(catalog, records, svg, fmt, y_axis)
        return
    from glmref.query import date_bounds

    model_filters = any([org, country, modality, arch, kind, family, open_weights, access, min_params, max_params])
    start, end = date_bounds(filters)
    events, grouped, eras = build_timeline(catalog, records, not (models_only or model_filters), start, end)
    if fmt == "table":
        if events:
            from glmref.render.console import out_console
            from glmref.render.tree import timeline_tree

            _chinese_org_names(catalog)

            console = out_console()
            _page(console, timeline_tree(grouped, eras))
    elif fmt == "json":
        from glmref.render.jsonout import emit

        emit({"eras": eras, "events": events})
    else:
        from glmref.render import flat

        _emit(fmt, events, lambda: (flat.event_row(e) for e in events), flat.EVENT_COLUMNS)
    if not events:
        _note(_("nothing on the timeline matches these filters"))
        raise typer.Exit(EXIT_NOT_FOUND)


@app.command()
def search(
    query: List[str] = typer.Argument(..., help="Words to look for.", metavar="QUERY...", show_default=False),
    limit: int = typer.Option(20, "--limit", "-n", min=1, help="Show at most N hits."),
    record_type: Optional[List[str]] = typer.Option(None, "--type", "-t", help="model, organization or concept.",
                                                    autocompletion=_complete_from(TYPE_CHOICES)),
    fmt: str = FormatOpt,
    json_out: bool = typer.Option(False, "--json", help=JSON_HELP),
):
    """Ranked fuzzy search over names, aliases, organizations, descriptions and what models introduced.

    Examples:
      glmref search mixture of experts
      glmref search 百度
      glmref search few-shot --json
    """
    fmt = _format(fmt, json_out)
    for t in record_type or []:
        if t not in TYPE_CHOICES:
            raise UsageProblem(_("{option} {value!r} is not one of: {choices}").format(
                option="--type", value=t, choices=", ".join(TYPE_CHOICES)))
    text = " ".join(query)
    hits = _reference().search(text, limit=limit, types=record_type)
    _print_items(fmt, hits, "search_table", "search_row", "SEARCH_COLUMNS",
                _("nothing matches {query!r}").format(query=text))


@app.command()
def family(
    name: List[str] = typer.Argument(..., help="A model, a family (gpt, llama, ernie …) or an LM-lineage stage.",
                                     metavar="NAME", autocompletion=complete_name, show_default=False),
    json_out: bool = typer.Option(False, "--json", help=JSON_HELP),
):
    """The lineage tree of a model or family: predecessors, successors and models built on them.

    Examples:
      glmref family GPT-3
      glmref family llama
      glmref family n-gram-lm
    """
    from glmref.lookup import check_query

    query = " ".join(name)
    check_query(query)  # before the catalog is opened
    catalog = _catalog()
    trees, correction = _reference_to(catalog).family_trees(query, fuzzy=not json_out)
    if correction:
        _note(_("showing the family of {name} (closest match for {typed!r})").format(name=correction, typed=query))
    if json_out:
        from glmref.render.jsonout import emit

        emit(trees)
        return
    from rich.console import Group

    from glmref.render.console import out_console
    from glmref.render.tree import lineage_tree

    _chinese_org_names(catalog)

    _page(out_console(), Group(*(lineage_tree(t) for t in trees)))


@app.command()
def cite(
    names: Optional[List[str]] = typer.Argument(None, help="Models, concepts or sources to cite.", metavar="[NAME]...",
                                                autocompletion=complete_name, show_default=False),
    org: Optional[List[str]] = OrgOpt, country: Optional[List[str]] = CountryOpt, year: Optional[str] = YearOpt,
    family_: Optional[List[str]] = FamilyOpt,
    fmt: str = typer.Option("bibtex", "--format", "-F", metavar="FORMAT", help="bibtex, apa, ris or json.",
                            autocompletion=_complete_from(("bibtex", "apa", "ris", "json"))),
):
    """The primary source of each model, as a bibliography ready to paste.

    Examples:
      glmref cite GPT-3
      glmref cite GPT-3 PaLM LLaMA --format apa
      glmref cite --org Baidu --format ris
    """
    from glmref.citation import CITE_FORMATS

    if fmt not in CITE_FORMATS:
        raise UsageProblem(_("{option} {value!r} is not one of: {choices}").format(
            option="--format", value=fmt, choices=", ".join(CITE_FORMATS)))
    if not names and not (org or country or year or family_):
        raise UsageProblem(_("cite needs names or a filter such as --org"))
    # a bibliography is pasted into papers unread: only exact records, never a guess
    result = _reference().cite(*(names or []), format=fmt, org=org, country=country, year=year, family=family_)
    if not result:
        _note(_("nothing to cite: no record matches"))
        raise typer.Exit(EXIT_NOT_FOUND)
    if fmt == "json":
        from glmref.render.jsonout import emit

        emit(result)
    else:
        sys.stdout.write(result)


@app.command()
def stats(json_out: bool = typer.Option(False, "--json", help=JSON_HELP)):
    """How complete and current the catalog is.

    Records by kind, year and developer, and for each field the share of models where it is filled,
    estimated, undisclosed or unknown.

    Examples: glmref stats · glmref stats --json | jq '.fields[] | {field, known_percent}'
    """
    catalog = _catalog()
    result = _reference_to(catalog).stats()
    if json_out:
        from glmref.render.jsonout import emit

        emit(result)
        return
    from glmref.render.console import out_console
    from glmref.render.statsview import stats_view

    _chinese_org_names(catalog)

    console = out_console()
    _page(console, stats_view(result, console.width))


@app.command()
def check(
    paths: List[str] = typer.Argument(..., help="Outside catalogs or glmref YAML files to compare.", metavar="FILE...",
                                      show_default=False),
    json_out: bool = typer.Option(False, "--json", help=JSON_HELP),
):
    """Where outside catalogs disagree with glmref, and with each other.

    Lists every model where a FILE disagrees with the packaged catalog — parameters, date, organization,
    context window, max output, knowledge cutoff — and, given several files, where they disagree with each
    other. FILE: Epoch AI's CSV, models.dev's api.json, OpenRouter's model list, or a glmref YAML file.

    Sizes within 3% and dates that agree at the precision both give are not disagreements; OpenRouter's
    listing dates are never compared with release dates. Exit 0 whether or not there are disagreements.

    Examples:
      glmref check notable_ai_models.csv
      glmref check models-dev.json openrouter-models.json notable_ai_models.csv
      glmref check colleague-models.yaml --json
    """
    from glmref.catalog import Catalog
    from glmref.check import check_many
    from glmref.store import _read, load_index, user_files

    files = []
    for path in paths:
        if os.path.isdir(path):
            raise UsageProblem(_("check takes files, not a directory: {path}").format(path=path))
        files += [(f, _read(f)) for f in user_files([path])]
    report = check_many(Catalog(load_index()), files)
    rows, between = report["disagreements"], report["between_files"]
    if json_out:
        from glmref.render.jsonout import emit

        emit(dict({"files": [f for f, _ in files]}, **report))
        return
    if rows or between:
        from rich.console import Group

        from glmref.render.console import out_console
        from glmref.render.tables import between_table, check_table

        parts = ([check_table(rows)] if rows else []) + ([between_table(between)] if between else [])
        _page(out_console(), Group(*parts))
    summary = [_("{disagreements} disagreement(s) in {matched} model(s) glmref also has").format(
        disagreements=len(rows), matched=report["matched"]),
        _("{unmatched} model(s) in the file(s) are not in glmref").format(unmatched=len(report["unmatched"]))]
    if len(files) > 1:
        summary.append(_("{fields} field(s) where the files disagree with each other").format(fields=len(between)))
    if report["variants"]:
        summary.append(_("{variants} variant(s) of glmref's models (other sizes, dated snapshots) not compared").format(
            variants=len(report["variants"])))
    _note(_("; ").join(summary))


@app.command()
def validate(
    paths: List[str] = typer.Argument(..., help="YAML data files or directories to check.", metavar="PATH...", show_default=False),
    json_out: bool = typer.Option(False, "--json", help=JSON_HELP),
):
    """Check data files against the schema and the catalog, without using them.

    Every problem is printed as file:line:column: record id: field: what is wrong; exit 2 if any.
    """
    from glmref.validate import validate_paths

    skipped = []
    problems, checked = validate_paths(paths, skipped)
    _skipped_notes(skipped)
    if json_out:
        from glmref.render.jsonout import emit

        emit({"files": checked, "problems": [_problem_dict(p) for p in problems]})
    else:
        for p in problems:
            sys.stderr.write(f"{p}\n")  # Problem.__str__ escapes what came from the file
        if not problems:
            sys.stdout.write(_("ok: {files} file(s) valid").format(files=len(checked)) + "\n")
    if problems:
        _note(_("{problems} problem(s) in {files} file(s)").format(problems=len(problems),
                                                                   files=len({p.file for p in problems})))
        raise typer.Exit(2)


def _plot(catalog, records, svg_path, fmt, axis="params"):
    from glmref.chart import AXES, points, scales

    if axis not in AXES:
        raise UsageProblem(_("{option} {value!r} is not one of: {choices}").format(
            option="--y", value=axis, choices=", ".join(AXES)))
    if fmt not in ("table", "json"):  # checked before any file is written
        raise UsageProblem(_("--plot draws a chart; use --json for its points"))
    pts = points(catalog, records, axis)
    if not pts:
        _note(_("no model with a known size and date matches these filters") if axis == "params"
              else _("no model with a known training compute and date matches these filters"))
        raise typer.Exit(EXIT_NOT_FOUND)
    title = AXES[axis][1]
    xs, ys = scales(pts)
    if svg_path:
        from glmref.render.plot import svg_chart

        try:
            with open(svg_path, "w", encoding="utf-8") as f:
                f.write(svg_chart(pts, xs, ys, axis_title=title))
        except OSError as e:
            raise UsageProblem(_("cannot write {path}: {reason}").format(path=svg_path, reason=e.strerror or e)) from None
        _note(_("wrote {path} ({models} models)").format(path=svg_path, models=len(pts)))
    if fmt == "json":
        from glmref.render.jsonout import emit

        emit({"points": pts, "x_range": list(xs), "log10_y_range": list(ys)})
    elif fmt != "table":
        raise UsageProblem(_("--plot draws a chart; use --json for its points"))
    elif not svg_path:
        from glmref.render.console import out_console
        from glmref.render.plot import terminal_chart

        console = out_console()
        console.print(terminal_chart(pts, xs, ys, console.width, axis_title=title))


def _print_items(fmt, items, table_name, row_name, columns_name, empty_message):
    """A list of items as a table (renderer `render.tables.<table_name>`) or as json, jsonl or csv rows
    (`render.flat.<row_name>`); exit 1 with a message when there are none."""
    if fmt == "table":
        if items:
            from glmref.render import tables
            from glmref.render.console import out_console

            console = out_console()
            _page(console, getattr(tables, table_name)(items, console.width))
    else:
        from glmref.render import flat

        row = getattr(flat, row_name)
        _emit(fmt, items, lambda: (row(i) for i in items), getattr(flat, columns_name))
    if not items:
        _note(empty_message)
        raise typer.Exit(EXIT_NOT_FOUND)


def _emit(fmt, document, rows, columns):
    """Machine output: the whole document as JSON, one item a line (jsonl), or flat rows (csv)."""
    from glmref.render import flat
    from glmref.render.jsonout import emit

    if fmt == "json":
        emit(document)
    elif fmt == "jsonl":
        flat.emit_jsonl(document)
    else:
        flat.emit_csv(rows(), columns)


def _page(console, renderable):
    """Print, through a pager when on a terminal and taller than it (like git); never when piped."""
    from glmref.render.pager import print_paged

    print_paged(console, renderable, enabled=not _no_pager[0])


def _problem_dict(p):
    return {k: getattr(p, k) for k in ("file", "line", "column", "record", "field", "message")}


# ---------------------------------------------------------------- entry point


def _click_exceptions():
    try:
        from typer._click import exceptions  # typer 0.28 vendors click
    except ImportError:  # pragma: no cover - other typer versions use click itself
        from click import exceptions
    return exceptions


def _quiet_broken_pipe():
    """The reader went away (`glmref list | head`): end quietly, as a pipe expects."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass
    sys.exit(0)


def _invoked_command(argv):
    """The subcommand a command line (or a completion request) names, or None."""
    words = argv
    if os.environ.get("_GLMREF_COMPLETE"):
        words = os.environ.get("COMP_WORDS", "").split()[1:]
        cword = os.environ.get("COMP_CWORD", "")
        if not cword.isdigit() or int(cword) <= 1:
            return None  # completing the subcommand itself needs them all
    skip = False
    for word in words:
        if skip:
            skip = False
        elif word == "--data":
            skip = True
        elif not word.startswith("-"):
            return word
    return None


def _language_for(argv):
    """The language of this call, known before the command line is parsed (help pages are built first):
    --lang or --zh before the subcommand, else GLMREF_LANG and the locale. An unknown --lang is left to the
    option's own check, which reports it."""
    from glmref import i18n

    words = argv
    if os.environ.get("_GLMREF_COMPLETE"):
        words = os.environ.get("COMP_WORDS", "").split()[1:]
    for i, word in enumerate(words):
        if word == "--zh":
            return "zh"
        value = words[i + 1] if word == "--lang" and i + 1 < len(words) else (
            word[len("--lang="):] if word.startswith("--lang=") else None)
        if value in i18n.LANGUAGES:
            return value
        if not word.startswith("-") and (i == 0 or words[i - 1] not in ("--data", "--lang")):
            break  # the subcommand: the global options come before it
    return i18n.from_environment()


def _asks_for_help(argv):
    if os.environ.get("_GLMREF_COMPLETE"):  # a TAB press prints candidates, never a help page
        return False
    return not argv or any(word in ("--help", "-h") for word in argv)


def _command_for(argv):
    """The click command for this call. Typer converts every registered function on start-up; when the
    call names a subcommand, a group with just that one is built instead, which is what `show` and each
    TAB press pay for. Help and unknown commands get the full group."""
    name = _invoked_command(argv)
    chosen = [c for c in app.registered_commands if (c.name or c.callback.__name__.replace("_", "-")) == name]
    if not chosen:
        return typer.main.get_command(app)
    single = typer.Typer(**{k: getattr(app.info, k) for k in ("name", "help", "no_args_is_help", "context_settings")},
                         pretty_exceptions_enable=False, add_completion=True)
    single.registered_callback = app.registered_callback
    single.registered_commands = chosen
    return typer.main.get_command(single)


def _localized_command(argv):
    """The click command for this call, its help in the language of the call."""
    from glmref import i18n

    command = _command_for(argv)
    help_page = _asks_for_help(argv)
    if _language_for(argv) == "zh":
        from glmref.helptext import localize

        i18n.use("zh")  # messages raised before the --lang option is parsed are in Chinese too
        localize(command, with_help_page=help_page)
    else:
        i18n.use("en")
        if "glmref.helptext" in sys.modules:  # a Chinese call earlier in this process
            sys.modules["glmref.helptext"].restore()
    if help_page:
        from glmref.helptext import reflow

        reflow(command)
    return command


def main(argv=None):
    for stream in (sys.stdout, sys.stderr):
        try:  # a terminal that cannot show a character gets '?', not a UnicodeEncodeError
            stream.reconfigure(errors="replace")
        except (AttributeError, ValueError):
            pass
    argv = list(sys.argv[1:] if argv is None else argv)
    exceptions = _click_exceptions()
    try:
        command = _localized_command(argv)
        code = command.main(args=argv, prog_name="glmref", standalone_mode=False)
        if code == 130:  # Typer turns Ctrl-C inside a command into a silent Exit(130)
            _note(_("interrupted"))
        sys.stdout.flush()
    except BrokenPipeError:
        _quiet_broken_pipe()
    except GlmrefError as e:
        _report(e)
        code = e.exit_code
    except exceptions.UsageError as e:
        from glmref.helptext import click_error

        hint = _(" (see '{command} --help')").format(command=e.ctx.command_path) if e.ctx is not None else ""
        _note(_("error: {message}").format(message=click_error(_one_line(e.format_message()))) + hint)
        code = 2
    except exceptions.ClickException as e:
        _note(_("error: {message}").format(message=_one_line(e.format_message())))
        code = e.exit_code
    except (typer.Abort, KeyboardInterrupt):
        _note(_("interrupted"))
        code = 130
    except OSError as e:
        if getattr(e, "errno", None) == 32:  # EPIPE surfaced as a plain OSError
            _quiet_broken_pipe()
        _note(_("error: {message}").format(message=e))
        code = 2
    except Exception as e:  # a bug: one line and a distinct code, the traceback only when asked for
        if os.environ.get("GLMREF_DEBUG"):
            raise
        _note(_("internal error: {error} (set GLMREF_DEBUG=1 for the traceback, and please report it)").format(
            error=f"{type(e).__name__}: {e}"))
        code = 3
    sys.exit(code if isinstance(code, int) else 0)


def _one_line(message):
    return " ".join(message.split())


def _report(error):
    from glmref.errors import DataError

    if isinstance(error, DataError):
        _note(_("error: {message}").format(message=error.message))
        shown = error.details[:50]
        from glmref.safe import message as escape

        for line in shown:
            sys.stderr.write(f"  {escape(line)}\n")
        if len(error.details) > len(shown):
            sys.stderr.write("  " + _("… and {more} more (glmref validate lists them all)").format(
                more=len(error.details) - len(shown)) + "\n")
        return
    detail = f"; {'; '.join(error.details)}" if error.details else ""
    _note(f"{error.message}{detail}")
