"""The in-memory catalog: one compiled index per process, records decoded only when asked for."""

import marshal

from glmref.names import normalize


class Catalog:
    def __init__(self, index):
        self._index = index
        self._records = index["records"]
        self._decoded = {}

    def __contains__(self, rid):
        return rid in self._records

    def get(self, rid):
        rec = self._decoded.get(rid)
        if rec is None:
            rec = marshal.loads(self._records[rid])
            self._decoded[rid] = rec
        return rec

    def exact(self, text):
        """The id that text names exactly (after normalisation), or None."""
        return self._index["names"].get(normalize(text))

    def name_table(self):
        return self._index["names"]

    def models(self):
        """Every model record, in release order."""
        return [self.get(rid) for rid in self._index["models"]]

    def of_type(self, record_type):
        return [self.get(rid) for rid in self._records if self.get(rid)["type"] == record_type]

    def completion(self):
        return self._index["completion"]

    def org_completion(self):
        return self._index["org_completion"]

    def search_corpus(self):
        return self._index["search"]

    def counts(self):
        return dict(self._index["counts"])

    def name_of(self, rid):
        return self.get(rid)["name"] if rid in self._records else rid


_catalog = None


def open_catalog(extra_paths=()):
    """The catalog for this process (packaged data plus extra_paths and GLMREF_DATA), built once."""
    global _catalog
    if _catalog is None:
        from glmref.store import data_paths_from_env, load_index

        _catalog = Catalog(load_index(list(data_paths_from_env()) + list(extra_paths)))
    return _catalog


def reset():
    """Forget the process catalog (tests open catalogs with different data)."""
    global _catalog
    _catalog = None
