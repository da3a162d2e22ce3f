"""Reading YAML data files safely, keeping the line and column of every value.

The reader is driven by PyYAML's event stream, not its constructors: no tag can build an object or run
code, anchors and aliases are refused (so an alias bomb cannot expand), nesting depth and file size are
bounded, duplicate keys are errors, and dates stay text. Every value it returns remembers where it was
written, so validation errors can name `file:line:column`."""

import re

from glmref.i18n import _

MAX_FILE_BYTES = 16 * 1024 * 1024
MAX_DEPTH = 32

_INT = re.compile(r"^[-+]?(0|[1-9][0-9_]*)$")
_FLOAT = re.compile(r"^[-+]?([0-9][0-9_]*)?\.[0-9]+([eE][-+]?[0-9]+)?$|^[-+]?[0-9][0-9_]*[eE][-+]?[0-9]+$")
_NULL = {"", "~", "null", "Null", "NULL"}
_TRUE = {"true", "True", "TRUE"}
_FALSE = {"false", "False", "FALSE"}


class YamlProblem(Exception):
    def __init__(self, message, line=1, column=1):
        super().__init__(message)
        self.message, self.line, self.column = message, line, column


class Map(dict):
    """A mapping that remembers the position of each key (`pos[key]`) and of itself (`at`)."""

    __slots__ = ("pos", "at")


class Seq(list):
    """A sequence that remembers the position of each item (`pos[i]`) and of itself (`at`)."""

    __slots__ = ("pos", "at")


def _scalar(event):
    value = event.value
    if event.tag not in (None, "!"):
        raise YamlProblem(_("tag {tag!r} is not allowed in data files").format(tag=event.tag), *_where(event))
    if event.style or not event.implicit[0]:
        return value  # quoted or block scalars are always text
    if value in _NULL:
        return None
    if value in _TRUE:
        return True
    if value in _FALSE:
        return False
    if _INT.match(value):
        digits = value.replace("_", "")
        if len(digits.lstrip("+-")) > 30:  # no value in the data is near 10^30; this also keeps int() bounded
            raise YamlProblem(_("number with {digits} digits is too large for any field").format(
                digits=len(digits)), *_where(event))
        return int(digits)
    if _FLOAT.match(value):
        return float(value.replace("_", ""))
    return value


def _where(event):
    mark = event.start_mark
    return (mark.line + 1, mark.column + 1)


def read_yaml_bytes(data: bytes):
    """Parse one YAML document from bytes. Returns (value, (line, column)); raises YamlProblem."""
    import yaml

    if len(data) > MAX_FILE_BYTES:
        raise YamlProblem(_("file is larger than {limit} MiB").format(limit=MAX_FILE_BYTES // (1024 * 1024)))
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as e:
        line = data[: e.start].count(b"\n") + 1
        column = e.start - (data.rfind(b"\n", 0, e.start) + 1) + 1
        raise YamlProblem(_("not valid UTF-8 (byte 0x{byte:02x})").format(byte=data[e.start]), line, column) from None
    if text.startswith("\ufeff"):
        text = text[1:]
    if not text.strip():
        raise YamlProblem(_("file is empty"))
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    stack = []  # containers being built: [container, pending_key or None]
    root = None
    documents = 0
    try:
        for event in yaml.parse(text, Loader=loader):
            kind = type(event).__name__
            if kind == "DocumentStartEvent":
                documents += 1
                if documents > 1:
                    raise YamlProblem(_("a data file holds one YAML document; found a second '---'"), *_where(event))
                continue
            if kind in ("StreamStartEvent", "StreamEndEvent", "DocumentEndEvent"):
                continue
            if kind == "AliasEvent":
                raise YamlProblem(_("YAML aliases (*name) are not allowed in data files"), *_where(event))
            if getattr(event, "anchor", None):
                raise YamlProblem(_("YAML anchors (&name) are not allowed in data files"), *_where(event))
            if kind in ("MappingEndEvent", "SequenceEndEvent"):
                done = stack.pop()[0]
                if stack:
                    _add(stack, done, done.at)
                else:
                    root = done
                continue
            if kind in ("MappingStartEvent", "SequenceStartEvent"):
                if event.tag not in (None, "!", "tag:yaml.org,2002:map", "tag:yaml.org,2002:seq"):
                    raise YamlProblem(_("tag {tag!r} is not allowed in data files").format(
                        tag=event.tag), *_where(event))
                if len(stack) >= MAX_DEPTH:
                    raise YamlProblem(_("nested deeper than {limit} levels").format(
                        limit=MAX_DEPTH), *_where(event))
                node = Map() if kind == "MappingStartEvent" else Seq()
                node.pos = {} if isinstance(node, Map) else []
                node.at = _where(event)
                stack.append([node, None])
                continue
            # ScalarEvent
            value = _scalar(event)
            if not stack:
                root = value
                continue
            _add(stack, value, _where(event))
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None) or getattr(e, "context_mark", None)
        problem = getattr(e, "problem", None) or str(e)
        line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        raise YamlProblem(_("not valid YAML: {problem}").format(problem=problem), line, column) from None
    except RecursionError:
        raise YamlProblem(_("nested deeper than {limit} levels").format(limit=MAX_DEPTH)) from None
    return root


def _add(stack, value, at):
    top = stack[-1]
    container = top[0]
    if isinstance(container, Seq):
        container.append(value)
        container.pos.append(at)
        return
    if top[1] is None:
        if isinstance(value, (Map, Seq)):
            raise YamlProblem(_("a mapping key must be plain text"), *at)
        key = "null" if value is None else str(value) if not isinstance(value, str) else value
        if key in container:
            line, column = at
            first = container.pos[key][0]
            raise YamlProblem(_("duplicate key {key!r} (first at line {first})").format(
                key=key, first=first), line, column)
        top[1] = (key, at)
        return
    key, key_at = top[1]
    container[key] = value
    container.pos[key] = at if not isinstance(value, (Map, Seq)) else key_at
    top[1] = None
