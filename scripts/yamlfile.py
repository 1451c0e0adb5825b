"""YAML loading that keeps line numbers, and JSON Schema validation that reports them."""
from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path
from typing import Any

import jsonschema
import yaml

from .problems import Problem


class LineDict(dict):
    line: int = 0
    key_lines: dict


class LineList(list):
    line: int = 0
    item_lines: list


class _Loader(yaml.SafeLoader):
    """SafeLoader that records 1-based line numbers on mappings, sequences and keys.
    Dates stay strings (`reviewed: 2026-11-23` is validated by the schema's `format: date`)."""


def _map(loader, node):
    loader.flatten_mapping(node)
    d = LineDict()
    d.line = node.start_mark.line + 1
    d.key_lines = {}
    for k_node, v_node in node.value:
        k = loader.construct_object(k_node, deep=True)
        d[k] = loader.construct_object(v_node, deep=True)
        d.key_lines[k] = k_node.start_mark.line + 1
    return d


def _seq(loader, node):
    lst = LineList(loader.construct_object(n, deep=True) for n in node.value)
    lst.line = node.start_mark.line + 1
    lst.item_lines = [n.start_mark.line + 1 for n in node.value]
    return lst


_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _map)
_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG, _seq)
# Keep dates as text: editors write ISO dates; the schema checks the format.
_Loader.yaml_implicit_resolvers = {
    k: [(tag, rx) for tag, rx in v if tag != "tag:yaml.org,2002:timestamp"]
    for k, v in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


FAST = getattr(yaml, "__with_libyaml__", False)

if FAST:
    class _CLoader(yaml.cyaml.CParser, _Loader):
        """The same loader on libyaml's C parser: its nodes carry the same marks, so the constructors above
        keep the same line numbers at a tenth of the time. Constructors, resolvers and methods of _Loader are
        inherited; only scanning, parsing and composing move to C."""

        def __init__(self, stream):
            yaml.cyaml.CParser.__init__(self, stream)
            yaml.constructor.SafeConstructor.__init__(self)
            yaml.resolver.Resolver.__init__(self)
else:  # PyYAML built without libyaml: same results, slower
    _CLoader = _Loader


def loads(text: str, path: str, line_offset: int = 0) -> tuple[Any, list[Problem]]:
    """Parse YAML text. Returns (data, problems); data is None on a syntax error."""
    try:
        try:
            data = yaml.load(text, Loader=_CLoader)  # noqa: S506 - SafeLoader subclasses
        except yaml.YAMLError:
            if _CLoader is _Loader:
                raise
            # libyaml words its errors differently: the pure-Python parser says what editors see (and tests assert)
            data = yaml.load(text, Loader=_Loader)  # noqa: S506
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None) or getattr(e, "context_mark", None)
        line = (mark.line + 1 if mark else 1) + line_offset
        what = getattr(e, "problem", None) or str(e)
        return None, [Problem(path, line, f"YAML syntax error: {what}")]
    if line_offset:
        _shift(data, line_offset)
    return data, []


_PARSED: dict = {}  # str(path) -> ((mtime_ns, size), data, problems): each file parsed once per change


def load(path: str | Path) -> tuple[Any, list[Problem]]:
    """A YAML file as (data, problems), parsed once per process and again only when the file changes
    (both language builds, every page that shows it, `make serve` rebuilds and the checks share one parse).
    The data is shared: treat it as read-only. The problems list is the caller's own."""
    p = Path(path)
    try:
        st = p.stat()
        stamp = (st.st_mtime_ns, st.st_size)
        hit = _PARSED.get(str(p))
        if hit and hit[0] == stamp:
            return hit[1], list(hit[2])
        text = p.read_text(encoding="utf-8")
    except OSError as e:
        return None, [Problem(str(p), 1, f"cannot read file: {e.strerror}")]
    data, problems = loads(text, str(p))
    _PARSED[str(p)] = (stamp, data, problems)
    return data, list(problems)


def _shift(node: Any, offset: int) -> None:
    if isinstance(node, LineDict):
        node.line += offset
        node.key_lines = {k: v + offset for k, v in node.key_lines.items()}
        for v in node.values():
            _shift(v, offset)
    elif isinstance(node, LineList):
        node.line += offset
        node.item_lines = [v + offset for v in node.item_lines]
        for v in node:
            _shift(v, offset)


def line_of(data: Any, path: list) -> int:
    """Best line for a JSON path (list of keys/indexes) inside loaded data."""
    node, line = data, getattr(data, "line", 1)
    for key in path:
        if isinstance(node, LineDict) and key in node:
            line = node.key_lines.get(key, line)
            node = node[key]
        elif isinstance(node, LineList) and isinstance(key, int) and key < len(node):
            line = node.item_lines[key]
            node = node[key]
        else:
            break
    return line


SCHEMA_DIR = Path(__file__).resolve().parent / "schemas"


@lru_cache(maxsize=None)
def schema(name: str) -> dict:
    """A JSON Schema by file name, from scripts/schemas/ or quizzes/."""
    for d in (SCHEMA_DIR, SCHEMA_DIR.parent.parent / "quizzes"):
        f = d / name
        if f.exists():
            return json.loads(f.read_text(encoding="utf-8"))
    raise FileNotFoundError(name)


def validate(data: Any, schema_name: str, path: str) -> list[Problem]:
    """Validate against a JSON Schema; each error becomes `path:line: message`.
    The schema's `errorMessage` (per property, in Swedish/English) replaces jsonschema's text when given."""
    validator = jsonschema.Draft202012Validator(schema(schema_name), format_checker=jsonschema.FormatChecker())
    out = []
    for err in sorted(validator.iter_errors(data), key=lambda e: list(map(str, e.absolute_path))):
        where = list(err.absolute_path)
        line = line_of(data, where)
        field = ".".join(str(p) for p in where) or "(top level)"
        msg = err.schema.get("errorMessage") if isinstance(err.schema, dict) else None
        if err.validator == "required":
            missing = err.message.split("'")[1] if "'" in err.message else err.message
            out.append(Problem(path, line, f"missing required field '{missing}'" + (f" in {field}" if where else "")))
        elif err.validator == "additionalProperties":
            out.append(Problem(path, line, f"{field}: {err.message}"))
        else:
            out.append(Problem(path, line, f"{field}: {msg or err.message}"))
    return out
