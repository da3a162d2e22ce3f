"""The compiled index on disk, laid out so a command reads only what it uses.

    magic (8 bytes) | header length (8) | header (marshal) | sections ...

Every section and record carries a CRC-32 that is checked when it is read.

The header holds the data key, counts, and the offset of every section. Names and record offsets are
split into buckets by a CRC of the key, so `show NAME` reads the header, one name bucket, one offset
bucket and the few records it shows, whatever the size of the catalog. Records stay marshal-encoded until
asked for. A file that is short, has the wrong magic or fails to decode is reported as CorruptIndex."""

import marshal
import zlib

# LAYOUT is part of every index key: bump it whenever glmref.build or this module changes what is stored,
# so that no index written by another layout is ever taken for a current one.
LAYOUT = 7
MAGIC = b"GLMREF\x00" + bytes([LAYOUT])
_BUCKET_SIZE = 64


class CorruptIndex(Exception):
    pass


def _bucket(text, count):
    return zlib.crc32(text.encode("utf-8", "surrogatepass")) % count


def _split(table, count):
    buckets = [{} for _ in range(count)]
    for key, value in table.items():
        buckets[_bucket(key, count)][key] = value
    return buckets


def encode(index):
    """Bytes of the index built by glmref.build.compile_index."""
    chunks, offsets = [], {}
    position = 0

    def put(name, obj=None, raw=None):
        nonlocal position
        data = raw if raw is not None else marshal.dumps(obj)
        offsets[name] = (position, len(data), zlib.crc32(data))
        chunks.append(data)
        position += len(data)

    names = index["names"]
    name_count = max(1, len(names) // _BUCKET_SIZE)
    for i, bucket in enumerate(_split(names, name_count)):
        put(f"n{i}", bucket)
    record_places = {}
    for rid, data in index["records"].items():
        record_places[rid] = (position, len(data), zlib.crc32(data))
        chunks.append(data)
        position += len(data)
    record_count = max(1, len(record_places) // _BUCKET_SIZE)
    for i, bucket in enumerate(_split(record_places, record_count)):
        put(f"r{i}", bucket)
    for name, obj in index["sections"].items():
        put(name, obj)
    header = marshal.dumps({"key": index["key"], "counts": index["counts"], "name_buckets": name_count,
                            "record_buckets": record_count, "offsets": offsets, "size": position})
    return MAGIC + len(header).to_bytes(8, "little") + header + b"".join(chunks)


class IndexFile:
    """Read access to an encoded index held in memory or mapped from a file."""

    def __init__(self, buffer):
        self._buf = buffer
        if len(buffer) < 16 or bytes(buffer[:8]) != MAGIC:
            raise CorruptIndex("not a glmref index")
        length = int.from_bytes(buffer[8:16], "little")
        try:
            self.header = marshal.loads(buffer[16:16 + length])
            self._base = 16 + length
            ok = isinstance(self.header, dict) and len(buffer) == self._base + self.header["size"]
        except (ValueError, EOFError, TypeError, KeyError):
            ok = False
        if not ok:
            raise CorruptIndex("index file is damaged")
        self.key = self.header["key"]
        self._cache = {}

    def _load(self, start, length, crc):
        data = self._buf[self._base + start:self._base + start + length]
        if zlib.crc32(data) != crc:  # every part is checked as it is read: damage never becomes an answer
            raise CorruptIndex("index file is damaged")
        try:
            return marshal.loads(data)
        except (ValueError, EOFError, TypeError) as e:
            raise CorruptIndex(f"index file is damaged: {e}") from None

    def section(self, name):
        if name not in self._cache:
            try:
                place = self.header["offsets"][name]
            except KeyError:
                raise CorruptIndex(f"index file has no section {name!r}") from None
            self._cache[name] = self._load(*place)
        return self._cache[name]

    def name(self, normalized):
        return self.section(f"n{_bucket(normalized, self.header['name_buckets'])}").get(normalized)

    def all_names(self):
        table = {}
        for i in range(self.header["name_buckets"]):
            table.update(self.section(f"n{i}"))
        return table

    def has_record(self, rid):
        return rid in self.section(f"r{_bucket(rid, self.header['record_buckets'])}")

    def record(self, rid):
        place = self.section(f"r{_bucket(rid, self.header['record_buckets'])}").get(rid)
        if place is None:
            raise KeyError(rid)
        return self._load(*place)


def open_file(path):
    """IndexFile over a file (memory-mapped where possible); None if missing, CorruptIndex if damaged."""
    try:
        with open(path, "rb") as f:
            try:
                import mmap

                buffer = memoryview(mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ))
            except (ValueError, OSError):
                buffer = f.read()
    except OSError:
        return None
    return IndexFile(buffer)
