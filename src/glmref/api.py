"""glmref as a Python library: the same answers as the command line's `--json`, as plain dicts and lists.

    >>> import glmref
    >>> glmref.get("GPT-3")["parameters"]["value"]
    175000000000
    >>> [m["name"] for m in glmref.models(org="DeepSeek", since="2025", limit=3)]

Lookups are exact (after folding case, spaces and punctuation): the library never answers with another
model's facts. A name that matches nothing raises `NotFound`, whose `suggestions` lists related names.
Nothing here imports Typer, click or Rich; the command line is a shell over these functions."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Dict, Iterable, List, Optional, Sequence, Union

from glmref.errors import NotFound, UsageProblem  # noqa: F401 - NotFound is part of what callers catch
from glmref.i18n import _

if TYPE_CHECKING:  # the shapes cost an import only to type checkers, not to every command
    from glmref.types import Comparison, LineageNode, Model, SearchHit, SourceRecord

Names = Union[str, Sequence[str], None]
Size = Union[str, int, None]



def _many(value: Names) -> List[str]:
    """A filter given as one string or as several."""
    if value is None:
        return []
    if isinstance(value, str):
        return [value]
    return [str(v) for v in value]


def _size_text(value: Size) -> Optional[str]:
    return None if value is None else str(value)


class Reference:
    """The catalog, as a library: packaged data plus any user data files it was opened with."""

    def __init__(self, catalog):
        self._catalog = catalog

    # -- lookups -------------------------------------------------------------------------------------

    def lookup(self, name: str, fuzzy: bool = False, types: Optional[Iterable[str]] = None):
        """(record view, correction): the record `name` names; with fuzzy=True an unmistakable typo is
        accepted and `correction` is the name it was read as (None when exact). Raises NotFound."""
        from glmref.lookup import resolve
        from glmref.views import record_view

        found = resolve(self._catalog, name, types=tuple(types) if types else None, fuzzy=fuzzy)
        view = record_view(self._catalog, self._catalog.get(found.id))
        return view, (None if found.exact else found.matched)

    def get(self, name: str) -> Model:
        """The record `name` names exactly (a model, organization, concept or source), as `glmref show NAME
        --json` prints it. Raises NotFound with `.suggestions`."""
        return self.lookup(name)[0]

    # -- selections ----------------------------------------------------------------------------------

    def select(self, fuzzy: bool = False, *, org: Names = None, country: Names = None,
               year: Union[str, int, None] = None, since: Union[str, int, None] = None,
               until: Union[str, int, None] = None, modality: Names = None, arch: Names = None, kind: Names = None,
               family: Names = None, open_weights: bool = False, access: Names = None, min_params: Size = None,
               max_params: Size = None, min_context: Size = None):
        """(records, corrections): the model records the filters keep, and the (typed, matched) names
        accepted as typos when fuzzy=True."""
        from glmref.query import Filters, select

        filters = Filters(org=_many(org), country=_many(country), year=None if year is None else str(year),
                          since=None if since is None else str(since), until=None if until is None else str(until),
                          modality=_many(modality), arch=_many(arch), kind=_many(kind), family=_many(family),
                          open_weights=bool(open_weights), access=_many(access), min_params=_size_text(min_params),
                          max_params=_size_text(max_params), min_context=_size_text(min_context))
        filters.fuzzy = fuzzy
        return select(self._catalog, filters), filters.corrections

    def models(self, *, sort: str = "date", reverse: bool = False, limit: Optional[int] = None,
               **filters: Any) -> List[Model]:
        """The models the filters keep, as `glmref list --json` prints them: oldest first unless `sort`
        (date, name, params, compute, context, org) says otherwise. Filters as `glmref list`: org, country,
        year (2020 or "2019-2021"), since, until, modality, arch, kind, family, open_weights, access,
        min_params ("7B"), max_params, min_context ("128K"); repeatable ones take a string or a list."""
        return self.model_list(fuzzy=False, sort=sort, reverse=reverse, limit=limit, **filters)[0]

    def model_list(self, fuzzy: bool = False, sort: str = "date", reverse: bool = False,
                   limit: Optional[int] = None, **filters: Any):
        """(model views, corrections): `models` with the typo corrections the command line reports."""
        from glmref.query import sort_models
        from glmref.views import model_view

        if limit is not None and (isinstance(limit, bool) or not isinstance(limit, int) or limit < 1):
            raise UsageProblem(_("limit must be a whole number of at least 1, not {value!r}").format(value=limit))
        records, corrections = self.select(fuzzy, **filters)
        records = sort_models(self._catalog, records, sort, reverse)[:limit]
        return [model_view(self._catalog, r) for r in records], corrections

    def search(self, text: str, *, limit: int = 20, types: Names = None) -> List[SearchHit]:
        """Ranked hits over names, aliases, organizations, descriptions and what models introduced, as
        `glmref search --json` prints them."""
        from glmref.textsearch import search as run_search

        kinds = _many(types)
        for t in kinds:
            if t not in ("model", "organization", "concept"):
                raise UsageProblem(_("{option} {value!r} is not one of: {choices}").format(
                    option="type", value=t, choices="model, organization, concept"))
        if isinstance(limit, bool) or not isinstance(limit, int) or limit < 1:
            raise UsageProblem(_("limit must be a whole number of at least 1, not {value!r}").format(value=limit))
        return run_search(self._catalog, text, limit=limit, types=kinds or None)

    # -- several models ------------------------------------------------------------------------------

    def compare_list(self, names: Sequence[str], fuzzy: bool = False):
        """(comparison, corrections) for `compare`; corrections are (typed, matched) pairs."""
        from glmref.comparison import comparison
        from glmref.lookup import resolve
        from glmref.views import model_view

        if len(names) < 2:
            raise UsageProblem(_("compare needs at least two model names"))
        if len(names) > 12:
            raise UsageProblem(_("compare takes at most 12 models, got {count}").format(count=len(names)))
        records, corrections = [], []
        for query in names:
            found = resolve(self._catalog, query, types=("model",), fuzzy=fuzzy)
            if not found.exact:
                corrections.append((query, found.matched))
            if any(r["id"] == found.id for r in records):
                raise UsageProblem(_("{typed!r} names {name}, which is already in the comparison").format(
                    typed=query, name=self._catalog.name_of(found.id)))
            records.append(self._catalog.get(found.id))
        rows, growth = comparison(self._catalog, records)
        views = [model_view(self._catalog, r) for r in records]
        return {"models": views, "rows": rows, "growth": growth}, corrections

    def compare(self, *names: str) -> Comparison:
        """Two to twelve models side by side, as `glmref compare A B --json` prints it: the models, the rows
        (with `differs`) and the growth from each to the next."""
        return self.compare_list(list(names))[0]

    def family_trees(self, name: str, fuzzy: bool = False):
        """(trees, correction) for `family`."""
        from glmref.lineage import family_trees
        from glmref.lookup import check_query

        check_query(name)
        return family_trees(self._catalog, name, fuzzy=fuzzy)

    def family(self, name: str) -> List[LineageNode]:
        """The lineage trees of a family slug (gpt, llama) or of a model's line, as `glmref family NAME
        --json` prints them."""
        return self.family_trees(name)[0]

    def cite(self, *names: str, format: str = "bibtex", org: Names = None, country: Names = None,
             year: Union[str, int, None] = None, family: Names = None) -> Union[str, List[SourceRecord]]:
        """The primary source of each named model (exact names only) and of the models the filters keep:
        BibTeX, APA or RIS text, or with format="json" the source records."""
        from glmref.citation import CITE_FORMATS, primary_sources, render
        from glmref.lookup import resolve
        from glmref.views import source_record_view

        if format not in CITE_FORMATS:
            raise UsageProblem(_("{option} {value!r} is not one of: {choices}").format(
                option="format", value=format, choices=", ".join(CITE_FORMATS)))
        records = [self._catalog.get(resolve(self._catalog, n, fuzzy=False).id) for n in names]
        if org or country or year or family:
            records += self.select(False, org=org, country=country, year=year, family=family)[0]
        elif not names:
            raise UsageProblem(_("cite needs names or a filter (org, country, year or family)"))
        sources = primary_sources(self._catalog, records)
        if format == "json":
            return [source_record_view(self._catalog, s) for s in sources]
        return render(sources, format) if sources else ""

    def stats(self) -> Dict[str, Any]:
        """How complete and current the catalog is, as `glmref stats --json` prints it."""
        from glmref.coverage import catalog_stats

        return catalog_stats(self._catalog)

    def names(self) -> List[str]:
        """The name of every record, in the catalog's order (what TAB completes)."""
        return [self._catalog.name_of(rid) for rid in self._catalog.ids()]


def open(data: Names = None) -> Reference:  # noqa: A001 - the name the README documents: glmref.open(...)
    """A Reference over the packaged catalog plus user data: YAML files in glmref's format, or an outside
    catalog (Epoch AI's CSV, models.dev's api.json, OpenRouter's model list), given as paths to files or
    directories. Raises DataError when a file does not validate."""
    from glmref.catalog import Catalog
    from glmref.store import load_index

    paths = _many(data)
    return Reference(Catalog(load_index(paths), rebuild=lambda: load_index(paths, trust_files=False)))


_packaged: List[Reference] = []


def packaged() -> Reference:
    """The packaged catalog, opened once per process. (GLMREF_DATA is a setting of the command line; the
    library reads user data only through `open`.)"""
    if not _packaged:
        _packaged.append(open())
    return _packaged[0]


def get(name: str) -> Model:
    return packaged().get(name)


def models(**kwargs: Any) -> List[Model]:
    return packaged().models(**kwargs)


def search(text: str, **kwargs: Any) -> List[SearchHit]:
    return packaged().search(text, **kwargs)


def compare(*names: str) -> Comparison:
    return packaged().compare(*names)


def family(name: str) -> List[LineageNode]:
    return packaged().family(name)


def cite(*names: str, **kwargs: Any) -> Union[str, List[SourceRecord]]:
    return packaged().cite(*names, **kwargs)


def stats() -> Dict[str, Any]:
    return packaged().stats()


for _f, _m in ((get, Reference.get), (models, Reference.models), (search, Reference.search),
               (compare, Reference.compare), (family, Reference.family), (cite, Reference.cite),
               (stats, Reference.stats)):
    _f.__doc__ = _m.__doc__ + " (Over the packaged catalog; see glmref.open for user data.)"
del _f, _m
