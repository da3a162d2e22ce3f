"""The compiled index and its cache: never a wrong answer from a stale, corrupt or half-written cache."""

import glob
import os
import subprocess
import sys

import pytest

from glmref import store
from glmref.indexfile import CorruptIndex, IndexFile, encode

MODEL = """schema: 1
sources: [{{id: my-src, short: Mine 2025, title: My notes, kind: website, date: "2025", url: "https://example.org/"}}]
organizations: [{{id: my-lab, name: My Lab, country: US, kind: lab, sources: [my-src]}}]
models:
  - id: my-model
    name: My Model
    kind: model
    organizations: [my-lab]
    parameters: {{value: {size}, source: my-src}}
    sources: [my-src]
"""


def user_file(tmp_path, size="7B"):
    path = tmp_path / "mine.yaml"
    path.write_text(MODEL.format(size=size), encoding="utf-8")
    return path


def cache_files(tmp_path):
    return glob.glob(str(tmp_path / "cache" / "index-*.glmref"))


def test_shipped_index_matches_the_packaged_data():
    packaged = [(os.path.relpath(p, store.DATA_DIR), store._read(p)) for p in store.packaged_files()]
    index = store._load_index(store.SHIPPED_INDEX, store._digest(packaged))
    assert index is not None, "src/glmref/data/index.glmref is stale: run python -m glmref.store"


def test_user_data_is_cached_and_an_edit_is_never_answered_from_the_stale_cache(cli, tmp_path):
    path = user_file(tmp_path, "7B")
    assert cli("--data", str(path), "show", "My Model", "--json").json()["parameters"]["human"] == "7B"
    assert len(cache_files(tmp_path)) == 1
    path.write_text(MODEL.format(size="9B"), encoding="utf-8")  # same length, same second
    assert cli("--data", str(path), "show", "My Model", "--json").json()["parameters"]["human"] == "9B"


@pytest.mark.parametrize("damage", ["garbage", "truncated", "flipped", "empty"])
def test_a_damaged_cache_is_ignored_and_replaced(cli, tmp_path, damage):
    path = user_file(tmp_path)
    assert cli("--data", str(path), "show", "My Model").code == 0
    (cached,) = cache_files(tmp_path)
    data = open(cached, "rb").read()
    if damage == "garbage":
        data = b"\x00garbage" * 100
    elif damage == "truncated":
        data = data[: len(data) // 2]
    elif damage == "flipped":  # same length: only the checksums can tell
        middle = len(data) * 3 // 4
        data = data[:middle] + bytes(b ^ 0x55 for b in data[middle:middle + 64]) + data[middle + 64:]
    else:
        data = b""
    open(cached, "wb").write(data)
    r = cli("--data", str(path), "show", "My Model", "--json")
    assert r.code == 0 and r.err == ""
    assert r.json()["parameters"]["human"] == "7B"
    r = cli("--data", str(path), "list", "--json")
    assert r.code == 0 and any(m["id"] == "my-model" for m in r.json())


def test_every_part_of_the_index_is_checked_when_read():
    from glmref.build import compile_index

    files = [(p, store._read(p), False) for p in store.packaged_files()]
    data = bytearray(encode(compile_index(files, "k")))
    index = IndexFile(bytes(data))
    rid = index.section("models")[0]
    start, length, _ = index.section(f"r{__import__('zlib').crc32(rid.encode()) % index.header['record_buckets']}")[rid]
    pos = index._base + start + length // 2
    data[pos] ^= 0xFF
    damaged = IndexFile(bytes(data))
    with pytest.raises(CorruptIndex):
        damaged.record(rid)


def test_an_unwritable_cache_directory_is_no_error(cli, tmp_path, monkeypatch):
    blocked = tmp_path / "blocked"
    blocked.write_text("a file where the cache directory would be")
    monkeypatch.setenv("GLMREF_CACHE_DIR", str(blocked / "cache"))
    path = user_file(tmp_path)
    r = cli("--data", str(path), "show", "My Model", "--json")
    assert r.code == 0 and r.err == "" and r.json()["id"] == "my-model"


def test_parallel_cold_starts_all_answer_and_leave_one_good_cache(tmp_path):
    path = user_file(tmp_path)
    env = dict(os.environ, GLMREF_CACHE_DIR=str(tmp_path / "cache"), GLMREF_DATA=str(path))
    procs = [subprocess.Popen([sys.executable, "-m", "glmref", "show", "My Model", "--json"], env=env,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE) for _ in range(6)]
    results = [p.communicate(timeout=120) + (p.returncode,) for p in procs]
    assert all(code == 0 and b'"my-model"' in out and err == b"" for out, err, code in results), results
    assert len(cache_files(tmp_path)) == 1
    assert not glob.glob(str(tmp_path / "cache" / "*.tmp"))
    key = os.path.basename(cache_files(tmp_path)[0])[len("index-"):-len(".glmref")]
    assert store._load_index(cache_files(tmp_path)[0], key) is not None


def test_old_cache_files_are_pruned(cli, tmp_path):
    path = user_file(tmp_path)
    for i in range(store.KEEP_CACHE_FILES + 3):
        path.write_text(MODEL.format(size=f"{i + 1}B"), encoding="utf-8")
        assert cli("--data", str(path), "show", "My Model").code == 0
    assert len(cache_files(tmp_path)) <= store.KEEP_CACHE_FILES


def test_packaged_key_is_remembered_by_file_stats_and_never_stale(tmp_path, monkeypatch):
    import shutil
    import time

    data = tmp_path / "data"
    shutil.copytree(store.DATA_DIR, data)
    monkeypatch.setattr(store, "DATA_DIR", str(data))

    def content_key():
        return store._digest([(os.path.relpath(p, str(data)), store._read(p)) for p in store.packaged_files()])

    first = store._packaged_key()
    assert first == content_key()
    # make the files look old, so the remembered key is trusted on the next call
    old = time.time_ns() - 10 * store.RACY_NS
    for p in store.packaged_files():
        os.utime(p, ns=(old, old))
    monkeypatch.setattr(store, "RACY_NS", 0)  # ctime cannot be set back; the files did change before the memo
    assert store._packaged_key() == content_key()
    expected, calls = content_key(), []
    monkeypatch.setattr(store, "_read", lambda p: calls.append(p) or open(p, "rb").read())
    assert store._packaged_key() == expected and calls == []  # trusted: nothing read
    target = store.packaged_files()[0]
    text = open(target, encoding="utf-8").read()
    open(target, "w", encoding="utf-8").write(text.replace("schema: 1", "schema: 1 "))
    assert store._packaged_key() == content_key() != first  # an edit is always seen


# ------------------------------------------------------------------ the cache directory, hostile or missing


@pytest.mark.parametrize("env", [{"HOME": None, "XDG_CACHE_HOME": None},
                                 {"XDG_CACHE_HOME": "rel", "HOME": None},
                                 {"GLMREF_CACHE_DIR": "relative-cache"}])
def test_no_cache_directory_is_made_relative_to_where_glmref_runs(tmp_path, env):
    data = user_file(tmp_path)
    work = tmp_path / "cwd"
    work.mkdir()
    full = {k: v for k, v in os.environ.items() if k not in ("GLMREF_CACHE_DIR", "XDG_CACHE_HOME", "HOME")}
    full.update({k: v for k, v in env.items() if v is not None})
    p = subprocess.run([sys.executable, "-m", "glmref", "--data", str(data), "show", "my-model", "--json"],
                       cwd=work, env=full, capture_output=True, timeout=60)
    assert p.returncode == 0, p.stderr
    assert list(work.iterdir()) == []  # no ./~/.cache, ./rel or ./relative-cache


def test_a_planted_symlink_in_the_cache_never_makes_glmref_write_elsewhere(cli, tmp_path, monkeypatch):
    cache = tmp_path / "cache"
    cache.mkdir()
    monkeypatch.setenv("GLMREF_CACHE_DIR", str(cache))
    victim = tmp_path / "victim.txt"
    victim.write_text("precious", encoding="utf-8")
    data = user_file(tmp_path)
    # plant links under every name glmref could write: the memo, the index, and the old predictable tmp names
    paths = [data]
    key_names = ["user-key-" + store._digest([("paths", os.path.abspath(str(data)).encode())])]
    for name in key_names + [n + f".{os.getpid()}.tmp" for n in key_names]:
        os.symlink(victim, cache / name)
    r = cli("--data", str(data), "show", "my-model", "--json")
    assert r.code == 0, r
    assert victim.read_text(encoding="utf-8") == "precious"
    assert paths


def test_content_replaced_with_size_mtime_and_inode_kept_is_noticed(cli, tmp_path):
    """cp -p, tar -x and unzip -o restore size and modification time; the key also watches ctime."""
    data = user_file(tmp_path, "7B")
    assert cli("--data", str(data), "show", "my-model", "--json").json()["parameters"]["value"] == 7 * 10**9
    st = os.stat(data)
    with open(data, "r+", encoding="utf-8") as f:  # same inode, same length
        text = f.read()
        f.seek(0)
        f.write(text.replace("7B", "8B"))
    os.utime(data, ns=(st.st_atime_ns, st.st_mtime_ns))
    assert os.stat(data).st_size == st.st_size and os.stat(data).st_ino == st.st_ino
    assert cli("--data", str(data), "show", "my-model", "--json").json()["parameters"]["value"] == 8 * 10**9
