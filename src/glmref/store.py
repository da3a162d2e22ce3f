"""Where the catalog comes from: the packaged data files, the user's data files, and the compiled index.

YAML is parsed only when the data changes. The index is keyed by a hash of the content of every data
file (and glmref's version), so an edited file can never be answered from a stale index. The packaged
data ships with its index (data/index.glmref); user data is compiled into a cache file, written
atomically (parallel first runs each write a whole file and the last rename wins), and a cache that is
corrupt, unreadable or unwritable is ignored: the index is then compiled in memory."""

import marshal
import os
import sys
import time

from glmref import __version__
from glmref.errors import UsageProblem
from glmref.i18n import _

DATA_DIR = os.path.join(os.path.dirname(os.path.abspath(__file__)), "data")
SHIPPED_INDEX = os.path.join(DATA_DIR, "index.glmref")
DATA_SUFFIXES = (".yaml", ".yml")
USER_SUFFIXES = DATA_SUFFIXES + (".csv", ".json")  # outside catalogs: Epoch AI, models.dev, OpenRouter
KEEP_CACHE_FILES = 8


def packaged_files():
    found = []
    for root, dirs, files in os.walk(DATA_DIR):
        dirs.sort()
        found.extend(os.path.join(root, f) for f in sorted(files) if f.endswith(DATA_SUFFIXES))
    return found


def _is_regular(path):
    """A regular file (a FIFO would hang the read, a device never end it); links to one count."""
    import stat

    try:
        return stat.S_ISREG(os.stat(path).st_mode)
    except OSError:
        return False


def _skipped(name):
    """Hidden and editor files: .x.yaml, Emacs locks (.#x.yaml), macOS resource forks (._x.yaml), backups (x~)."""
    return name.startswith(".") or name.endswith("~")


def user_files(paths, skipped=None):
    """Expand user data paths (files or directories of YAML and CSV files) in the order given. Inside a
    directory only regular data files are read; hidden and editor files are passed over and, when `skipped`
    is a list, appended to it for the caller to report. Symbolically linked subdirectories are followed
    (each real directory once, so a link cycle ends); a directory that cannot be read is an error, never a
    silent gap. The same file named twice (directly and through its directory, or by two spellings) is read
    once."""
    found, seen = [], set()

    def add(p):
        real = os.path.realpath(p)
        if real not in seen:
            seen.add(real)
            found.append(p)

    def unreadable(error):
        raise UsageProblem(_("cannot read data directory {path}: {reason}").format(
            path=error.filename, reason=error.strerror or error))

    for path in paths:
        if not path or not path.strip():
            raise UsageProblem(_("empty data path"))
        if os.path.isdir(path):
            walked = set()
            for root, dirs, files in os.walk(path, onerror=unreadable, followlinks=True):
                real = os.path.realpath(root)
                if real in walked:
                    dirs[:] = []
                    continue
                walked.add(real)
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for f in sorted(files):
                    if not f.lower().endswith(USER_SUFFIXES):
                        continue
                    full = os.path.join(root, f)
                    if _skipped(f) or not _is_regular(full):
                        if skipped is not None:
                            skipped.append(full)
                        continue
                    add(full)
        elif _is_regular(path):
            add(path)
        elif os.path.exists(path):
            raise UsageProblem(_("data path is not a file or directory: {path}").format(path=path))
        else:
            raise UsageProblem(_("data path does not exist: {path}").format(path=path))
    return found


def data_paths_from_env(environ=None):
    value = (environ if environ is not None else os.environ).get("GLMREF_DATA", "")
    return [p for p in value.split(os.pathsep) if p.strip()]


MAX_FILE_BYTES = 64 * 1024 * 1024  # no data file is near this; a larger one is refused before it fills memory


def _read(path):
    try:
        with open(path, "rb") as f:
            data = f.read(MAX_FILE_BYTES + 1)  # bounded even if the file grows while it is read
    except OSError as e:
        raise UsageProblem(_("cannot read data file {path}: {reason}").format(
            path=path, reason=e.strerror or e)) from None
    if len(data) > MAX_FILE_BYTES:
        raise UsageProblem(_("data file {path} is larger than {limit} MiB; glmref reads files up to that size").format(
            path=path, limit=MAX_FILE_BYTES // (1024 * 1024)))
    return data


def _blake2b(**kwargs):
    try:  # the bare C module: importing hashlib would load OpenSSL, a cost paid on every call and TAB
        from _blake2 import blake2b
    except ImportError:  # pragma: no cover - interpreters without the built-in module
        from hashlib import blake2b
    return blake2b(**kwargs)


def _digest(parts):
    from glmref.indexfile import LAYOUT

    h = _blake2b(digest_size=16)
    h.update(f"glmref {__version__} layout {LAYOUT} python-marshal {marshal.version}\0".encode())
    for name, data in parts:
        h.update(name.encode("utf-8", "surrogateescape") + b"\0" + len(data).to_bytes(8, "little") + data)
    return h.hexdigest()


def cache_dir():
    """Where compiled indexes are cached: GLMREF_CACHE_DIR, else $XDG_CACHE_HOME/glmref, else ~/.cache/glmref.
    Only absolute paths count (a relative one would put the cache in whatever directory glmref runs in, as
    the XDG specification also says); with none, glmref runs without a cache and returns None."""
    explicit = os.environ.get("GLMREF_CACHE_DIR")
    if explicit:
        return explicit if os.path.isabs(explicit) else None
    xdg = os.environ.get("XDG_CACHE_HOME")
    if xdg and os.path.isabs(xdg):
        return os.path.join(xdg, "glmref")
    home = os.environ.get("HOME") if os.name != "nt" else os.path.expanduser("~")
    if home and os.path.isabs(home):
        return os.path.join(home, ".cache", "glmref")
    return None


def _in_cache(name):
    directory = cache_dir()
    return os.path.join(directory, name) if directory else None


def _load_index(path, key):
    """The index at path if it is whole and made for key; None otherwise (missing, corrupt, other key)."""
    from glmref.indexfile import CorruptIndex, open_file

    if path is None or os.path.islink(path):  # no cache, or a link someone planted: never follow it
        return None
    try:
        index = open_file(path)
    except CorruptIndex:
        return None
    if index is None or index.key != key:
        return None
    return index


def _write_index(path, data, prune="index-"):
    """Write atomically: a whole file under a fresh temporary name, then a rename. False if it cannot be
    written. The temporary file is created exclusively (mkstemp: O_EXCL, so a symlink planted under a
    predictable name is never followed) and the rename replaces a link at `path` rather than its target."""
    if path is None:
        return False
    import tempfile

    directory = os.path.dirname(path)
    tmp = None
    try:
        os.makedirs(directory, mode=0o700, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=directory, prefix=os.path.basename(path) + ".", suffix=".tmp")
        with os.fdopen(fd, "wb") as f:
            f.write(data)
        os.replace(tmp, path)
    except OSError:
        if tmp:
            try:
                os.unlink(tmp)
            except OSError:
                pass
        return False
    if prune:
        _prune(directory, prune, keep=path)
    return True


def _prune(directory, prefix, keep):
    """Keep the newest KEEP_CACHE_FILES files of one kind, so edits of big user files cannot fill the disk."""
    try:
        entries = [os.path.join(directory, n) for n in os.listdir(directory)
                   if n.startswith(prefix) and not n.endswith(".tmp")]
        entries.sort(key=lambda p: os.stat(p).st_mtime, reverse=True)
        for old in entries[KEEP_CACHE_FILES:]:
            if old != keep:
                os.unlink(old)
    except OSError:
        pass


RACY_NS = 2_000_000_000  # a file changed this close to when its stats were recorded is hashed again


def _stats(paths):
    out = []
    for p in paths:
        st = os.stat(p)
        # ctime too: `cp -p`, `tar -x` and `unzip -o` restore size and mtime but cannot set ctime
        out.append((p, st.st_size, st.st_mtime_ns, st.st_ino, st.st_ctime_ns))
    return out


def _content_key(paths, names, memo_name):
    """The content key of data files without reading them when nothing changed since the last call.

    The key is remembered in the cache directory with each file's size, modification time and inode, and
    reused while those stay the same. As git does for its index, a file modified within RACY_NS of the moment
    the stats were recorded is not trusted: it could have changed again within the clock's resolution. Any
    doubt means reading and hashing the files."""
    stats = _stats(paths)
    memo_path = _in_cache(memo_name)
    try:
        if memo_path is None or os.path.islink(memo_path):
            raise OSError("no cache")
        with open(memo_path, "rb") as f:
            memo = marshal.loads(f.read())
        if memo["stats"] == stats and all(st[2] < memo["written"] - RACY_NS and st[4] < memo["written"] - RACY_NS
                                          for st in stats):
            return memo["key"]
    except (OSError, ValueError, EOFError, TypeError, KeyError):
        pass
    key = _digest([(name, _read(p)) for name, p in zip(names, paths)])
    if _stats(paths) == stats:  # unchanged while hashing
        prune = "user-key-" if memo_name.startswith("user-key-") else None
        _write_index(memo_path, marshal.dumps({"stats": stats, "key": key, "written": time.time_ns()}), prune=prune)
    return key


def _packaged_key():
    paths = packaged_files()
    return _content_key(paths, [os.path.relpath(p, DATA_DIR) for p in paths], "packaged-key")


def load_index(extra_paths=(), trust_files=True, skipped=None):
    """The compiled index for the packaged data plus user data paths. Raises DataError or UsageProblem.
    With trust_files=False the index files on disk are passed over and the index is compiled anew.
    Files passed over in user directories are appended to `skipped` (see user_files)."""
    user_paths = user_files(extra_paths, skipped)
    packaged_paths = packaged_files()
    if trust_files:
        if not user_paths:
            index = _load_index(SHIPPED_INDEX, _packaged_key())
            if index is not None:
                return index
        names = [os.path.relpath(p, DATA_DIR) for p in packaged_paths] + ["user:" + p for p in user_paths]
        memo = "user-key-" + _digest([("paths", "\0".join(os.path.abspath(p) for p in user_paths).encode(
            "utf-8", "surrogateescape"))])
        key = _content_key(packaged_paths + user_paths, names, memo)
        index = _load_index(_in_cache(f"index-{key}.glmref"), key)
        if index is not None:
            return index
    packaged = [(os.path.relpath(p, DATA_DIR), _read(p)) for p in packaged_paths]
    users = [(p, _read(p)) for p in user_paths]
    key = _digest(packaged + [("user:" + p, d) for p, d in users])
    cached = _in_cache(f"index-{key}.glmref")
    from glmref.build import compile_index
    from glmref.indexfile import IndexFile, encode

    files = [(os.path.join("glmref", "data", p), d, False) for p, d in packaged] + [(p, d, True) for p, d in users]
    data = encode(compile_index(files, key))
    _write_index(cached, data)
    return IndexFile(data)


def write_shipped_index():
    """Compile the packaged data into data/index.glmref (run after editing the packaged data)."""
    packaged = [(os.path.relpath(p, DATA_DIR), _read(p)) for p in packaged_files()]
    from glmref.build import compile_index
    from glmref.indexfile import encode

    key = _digest(packaged)
    files = [(os.path.join("glmref", "data", p), d, False) for p, d in packaged]
    index = compile_index(files, key)
    with open(SHIPPED_INDEX, "wb") as f:
        f.write(encode(index))
    return index


if __name__ == "__main__":  # python -m glmref.store: rebuild the shipped index
    from glmref.errors import DataError

    try:
        built = write_shipped_index()
    except DataError as e:
        print(e.message, file=sys.stderr)
        for line in e.details:
            print(line, file=sys.stderr)
        sys.exit(2)
    print(f"wrote {SHIPPED_INDEX}: {built['counts']}")
