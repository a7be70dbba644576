"""A JSON Schema compiled once into plain Python checks, for validating every export quickly.

jsonschema walks the schema again for every value it checks (for a 1,000-article export: 1.8 million
steps, about 15 CPU-seconds); compiled, each schema node becomes one closure that only looks at the data
(about ten times faster). Only the keywords the export contract uses are compiled; any other keyword stops
compilation, so a schema edit can never go silently unchecked. Tests hold this and jsonschema to the same
verdicts.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from jsonschema import ValidationError

Check = Callable[[Any], None]
"""Raises ValidationError (with the path inside the checked value) when the value breaks the schema."""

ANNOTATIONS = frozenset({"$schema", "$id", "$defs", "$comment", "title", "description", "examples", "default"})
"""Keywords that say what a value means without constraining it."""


def _is_type(kind: str, value: Any) -> bool:
    """JSON types as JSON Schema reads them: true is no number, 2.0 is an integer."""
    if kind == "integer":
        return (isinstance(value, int) and not isinstance(value, bool)) or (
            isinstance(value, float) and value.is_integer())
    if kind == "number":
        return isinstance(value, int | float) and not isinstance(value, bool)
    python = {"object": dict, "array": list, "string": str, "boolean": bool, "null": type(None)}[kind]
    return isinstance(value, python)


def _same(first: Any, second: Any) -> bool:
    """JSON equality: true is not 1."""
    return isinstance(first, bool) == isinstance(second, bool) and first == second


def compile_schema(schema: dict[str, Any]) -> Check:
    """One check for the whole schema; local references ("#/$defs/…") are resolved once, here."""
    compiled: dict[str, Check] = {}

    def resolve(reference: str) -> Check:
        if not reference.startswith("#"):
            raise ValueError(f"only local references compile, not {reference!r}")
        if reference not in compiled:
            target: Any = schema
            for part in filter(None, reference[1:].split("/")):
                target = target[part.replace("~1", "/").replace("~0", "~")]
            compiled[reference] = lambda value: None  # a reference to itself (recursion) finds this first
            check = node(target)
            compiled[reference] = check
        return lambda value: compiled[reference](value)

    def node(part: dict[str, Any]) -> Check:
        unknown = set(part) - ANNOTATIONS - set(KEYWORDS)
        if unknown:
            raise ValueError(f"schema keywords {sorted(unknown)} are not compiled")
        return _every([KEYWORDS[keyword](part[keyword], node, resolve) for keyword in part if keyword in KEYWORDS])

    return node(schema)


def _every(checks: list[Check]) -> Check:
    if len(checks) == 1:
        return checks[0]

    def check(value: Any) -> None:
        for inner in checks:
            inner(value)
    return check


Compile = Callable[[dict[str, Any]], Check]
Resolve = Callable[[str], Check]


def _type(kinds: str | list[str], node: Compile, resolve: Resolve) -> Check:
    allowed = [kinds] if isinstance(kinds, str) else kinds

    def check(value: Any) -> None:
        if not any(_is_type(kind, value) for kind in allowed):
            raise ValidationError(f"{value!r:.80} is not of type {' or '.join(allowed)}")
    return check


def _required(names: list[str], node: Compile, resolve: Resolve) -> Check:
    def check(value: Any) -> None:
        if isinstance(value, dict):
            for name in names:
                if name not in value:
                    raise ValidationError(f"{name!r} is a required property")
    return check


def _properties(schemas: dict[str, Any], node: Compile, resolve: Resolve) -> Check:
    checks = [(name, node(part)) for name, part in schemas.items()]

    def check(value: Any) -> None:
        if isinstance(value, dict):
            for name, inner in checks:
                if name in value:
                    try:
                        inner(value[name])
                    except ValidationError as error:
                        error.path.appendleft(name)
                        raise
    return check


def _items(schema: dict[str, Any], node: Compile, resolve: Resolve) -> Check:
    inner = node(schema)

    def check(value: Any) -> None:
        if isinstance(value, list):
            for index, item in enumerate(value):
                try:
                    inner(item)
                except ValidationError as error:
                    error.path.appendleft(index)
                    raise
    return check


def _enum(options: list[Any], node: Compile, resolve: Resolve) -> Check:
    def check(value: Any) -> None:
        if not any(_same(value, option) for option in options):
            raise ValidationError(f"{value!r:.80} is not one of {options}")
    return check


def _const(expected: Any, node: Compile, resolve: Resolve) -> Check:
    return _enum([expected], node, resolve)


def _minimum(bound: float, node: Compile, resolve: Resolve) -> Check:
    def check(value: Any) -> None:
        if _is_type("number", value) and value < bound:
            raise ValidationError(f"{value!r} is less than the minimum of {bound}")
    return check


def _min_length(bound: int, node: Compile, resolve: Resolve) -> Check:
    def check(value: Any) -> None:
        if isinstance(value, str) and len(value) < bound:
            raise ValidationError(f"{value!r} is shorter than {bound} characters")
    return check


def _min_items(bound: int, node: Compile, resolve: Resolve) -> Check:
    def check(value: Any) -> None:
        if isinstance(value, list) and len(value) < bound:
            raise ValidationError(f"an array of {len(value)} items is shorter than {bound}")
    return check


def _all_of(schemas: list[dict[str, Any]], node: Compile, resolve: Resolve) -> Check:
    return _every([node(part) for part in schemas])


def _reference(reference: str, node: Compile, resolve: Resolve) -> Check:
    return resolve(reference)


KEYWORDS: dict[str, Callable[[Any, Compile, Resolve], Check]] = {
    "type": _type,
    "required": _required,
    "properties": _properties,
    "items": _items,
    "enum": _enum,
    "const": _const,
    "minimum": _minimum,
    "minLength": _min_length,
    "minItems": _min_items,
    "allOf": _all_of,
    "$ref": _reference,
}
