"""The in-memory catalog over a compiled index: built once per process, reading only the parts a
command uses and decoding records only when asked for."""

from glmref.names import normalize


class _Index:
    """An IndexFile that, if it turns out to be damaged part-way, is replaced by a freshly compiled one."""

    def __init__(self, index, rebuild):
        self._index, self._rebuild = index, rebuild

    def __getattr__(self, name):
        attr = getattr(self._index, name)
        if not callable(attr):
            return attr

        def guarded(*args):
            from glmref.indexfile import CorruptIndex

            try:
                return attr(*args)
            except CorruptIndex:
                if self._rebuild is None:
                    raise
                self._index, self._rebuild = self._rebuild(), None
                return getattr(self._index, name)(*args)

        return guarded


class Catalog:
    def __init__(self, index, rebuild=None):
        self._index = _Index(index, rebuild)  # a glmref.indexfile.IndexFile
        self._decoded = {}

    def __contains__(self, rid):
        return rid in self._decoded or self._index.has_record(rid)

    def get(self, rid):
        rec = self._decoded.get(rid)
        if rec is None:
            rec = self._decoded[rid] = self._index.record(rid)
        return rec

    def exact(self, text):
        """The id that text names exactly (after normalisation), or None."""
        return self._index.name(normalize(text))

    def name_table(self):
        """Every normalized name with the id it names (the fuzzy path reads it whole)."""
        return self._index.all_names()

    def ids(self, record_type=None):
        types = self._index.section("types")
        if record_type is not None:
            return list(types.get(record_type, []))
        return [rid for ids in types.values() for rid in ids]

    def models(self):
        """Every model record, in release order."""
        return [self.get(rid) for rid in self._index.section("models")]

    def of_type(self, record_type):
        return [self.get(rid) for rid in self.ids(record_type)]

    def families(self):
        return self._index.section("families")

    def completion(self):
        return self._index.section("completion")

    def org_completion(self):
        return self._index.section("org_completion")

    def search_section(self, name):
        return self._index.section(name)

    def counts(self):
        return dict(self._index.header["counts"])

    def name_of(self, rid):
        return self.get(rid)["name"] if rid in self else rid


_catalog = None


def open_catalog(extra_paths=(), skipped=None):
    """The catalog for this process (packaged data plus GLMREF_DATA and extra_paths), built once. Files
    passed over in user data directories are appended to `skipped`."""
    global _catalog
    if _catalog is None:
        from glmref.store import data_paths_from_env, load_index

        paths = list(data_paths_from_env()) + list(extra_paths)
        _catalog = Catalog(load_index(paths, skipped=skipped), rebuild=lambda: load_index(paths, trust_files=False))
    return _catalog


def reset():
    """Forget the process catalog (tests open catalogs with different data)."""
    global _catalog
    _catalog = None
