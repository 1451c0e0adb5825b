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
        line = k_node.start_mark.line + 1
        if k in d.key_lines:  # YAML keeps the last value silently; an editor loses the first
            loader.duplicates.append((line, k, d.key_lines[k]))
            continue
        d[k] = loader.construct_object(v_node, deep=True)
        d.key_lines[k] = line
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


# PyYAML's wording, and what an editor should do instead (first match wins).
_PLAIN = (
    ("cannot start any token", "a tab or a character YAML does not allow here: indent with spaces (never tabs), and put text that starts with @, ` or % in quotes"),
    ("mapping values are not allowed", "a ':' where a new field cannot start: put a text that contains ': ' in quotes, or check the indentation of this line"),
    ("could not find expected ':'", "a line is not 'field: value': add the ':' after the field name, or put a text that runs over several lines in quotes"),
    ("did not find expected key", "this line is indented differently from the fields around it: line it up with them (spaces, not tabs)"),
    ("did not find expected '-' indicator", "this list item is indented differently from the items above it: line up its '-' with theirs"),
    ("expected <block end>", "this line is indented differently from the lines around it: line it up with them"),
    ("found unexpected end of stream", "a quotation mark is not closed: add the closing \" or '"),
    ("found unknown escape character", "a backslash inside \"double quotes\": write \\\\ or use 'single quotes'"),
    ("found undefined alias", "a '*' starts this value: put the text in quotes"),
    ("found character that cannot start any token", "a character YAML does not allow here: put the text in quotes"),
    ("expected the node content", "a value is missing or starts with a character YAML does not allow: put the text in quotes"),
    ("while scanning a quoted scalar", "a quotation mark is not closed: add the closing \" or '"),
    ("expected ',' or '}'", "a {...} value is not closed or has a ',' too many: check the braces, or put the text in quotes"),
    ("expected ',' or ']'", "a [...] list is not closed or has a ',' too many: check the brackets, or put the text in quotes"),
)


def plain_yaml_error(e: yaml.YAMLError) -> str:
    raw = " ".join(str(x) for x in (getattr(e, "context", None), getattr(e, "problem", None)) if x) or str(e)
    for needle, advice in _PLAIN:
        if needle in raw:
            return f"the YAML here cannot be read: {advice}"
    return f"the YAML here cannot be read ({raw}): check the indentation and put texts with special characters in quotes"


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


def _parse(loader_class, text: str):
    loader = loader_class(text)
    loader.duplicates = []
    try:
        return loader.get_single_data(), loader.duplicates
    finally:
        loader.dispose()


def loads(text: str, path: str, line_offset: int = 0) -> tuple[Any, list[Problem]]:
    """Parse YAML text. Returns (data, problems); data is None on a syntax error.
    A key written twice in one mapping is a problem (YAML itself would keep the last value silently)."""
    try:
        try:
            data, duplicates = _parse(_CLoader, text)
        except yaml.YAMLError:
            if _CLoader is _Loader:
                raise
            # libyaml words its errors differently: the pure-Python parser finds the same place and words it
            data, duplicates = _parse(_Loader, text)
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None) or getattr(e, "context_mark", None)
        line = (mark.line + 1 if mark else 1) + line_offset
        return None, [Problem(path, line, plain_yaml_error(e))]
    problems = [Problem(path, line + line_offset,
                        f"'{key}' is written twice in the same block (first on line {first + line_offset}): "
                        f"keep one of them and delete the other, only one value can be used")
                for line, key, first in duplicates]
    if line_offset:
        _shift(data, line_offset)
    return data, problems


BOM = "\ufeff"


def read_source(path: str | Path) -> tuple[str | None, list[Problem]]:
    """A text file as the editor saved it: UTF-8, with or without a byte-order mark (removed, as MkDocs does).
    Anything else is one problem naming this file and the line of the first unreadable byte."""
    p = Path(path)
    try:
        raw = p.read_bytes()
    except OSError as e:
        return None, [Problem(str(p), 1, f"cannot read the file: {e.strerror}")]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as e:
        line = raw[: e.start].count(b"\n") + 1
        return None, [Problem(str(p), line, f"the file is not saved as UTF-8 (the character on this line, byte 0x{raw[e.start]:02x}, "
                                             f"is in another encoding, e.g. Latin-1): in your editor choose 'Save with encoding' "
                                             f"UTF-8, check that å, ä and ö look right, and save again")]
    text = text.replace("\r\n", "\n")  # Windows line ends read as Python's text mode (and MkDocs) reads them
    return text[1:] if text.startswith(BOM) else text, []


_PARSED: dict = {}  # str(path) -> ((mtime_ns, size), data, problems): each file parsed once per change


def load(path: str | Path) -> tuple[Any, list[Problem]]:
    """A YAML file as (data, problems), parsed once per process and again only when the file changes
    (both language builds, every page that shows it, `make serve` rebuilds and the checks share one parse).
    The data is shared: treat it as read-only. The problems list is the caller's own."""
    p = Path(path)
    try:
        st = p.stat()
    except OSError as e:
        return None, [Problem(str(p), 1, f"cannot read the file: {e.strerror}")]
    stamp = (st.st_mtime_ns, st.st_size)
    hit = _PARSED.get(str(p))
    if hit and hit[0] == stamp:
        return hit[1], list(hit[2])
    text, problems = read_source(p)
    if text is None:
        return None, problems
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
        elif err.validator == "format" and err.validator_value == "date":
            out.append(Problem(path, line, f"{field}: '{err.instance}' is not a real date: write a date that exists, "
                                            f"as YYYY-MM-DD (year, month 01-12, day), e.g. 2026-11-23"))
        elif err.validator == "additionalProperties":
            out.append(Problem(path, line, f"{field}: {err.message}"))
        else:
            out.append(Problem(path, line, f"{field}: {msg or err.message}"))
    return out
