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


def loads(text: str, path: str, line_offset: int = 0) -> tuple[Any, list[Problem]]:
    """Parse YAML text. Returns (data, problems); data is None on a syntax error."""
    try:
        data = yaml.load(text, Loader=_Loader)  # noqa: S506 - SafeLoader subclass
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None) or getattr(e, "context_mark", None)
        line = (mark.line + 1 if mark else 1) + line_offset
        what = getattr(e, "problem", None) or str(e)
        return None, [Problem(path, line, f"YAML syntax error: {what}")]
    if line_offset:
        _shift(data, line_offset)
    return data, []


def load(path: str | Path) -> tuple[Any, list[Problem]]:
    p = Path(path)
    try:
        text = p.read_text(encoding="utf-8")
    except OSError as e:
        return None, [Problem(str(p), 1, f"cannot read file: {e.strerror}")]
    return loads(text, str(p))


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
