"""The compiled export contract gives jsonschema's verdicts, on the real schema and on broken documents."""

import copy

import jsonschema
import pytest

from kabar import export
from kabar.contract import compile_schema
from tests.test_export import _two_stories

BREAKAGES: dict[str, object] = {"deleted": ..., "null": None, "integer": 7, "negative": -1, "string": "x", "true": True, "list": [],
             "empty string": "", "float": 2.5}


def _paths(node, path=()):
    """Every place in a document: each key of each object and each item of each list."""
    if isinstance(node, dict):
        for key, value in node.items():
            yield path + (key,)
            yield from _paths(value, path + (key,))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield path + (index,)
            yield from _paths(value, path + (index,))


def _broken(document, path, replacement):
    broken = copy.deepcopy(document)
    parent = broken
    for step in path[:-1]:
        parent = parent[step]
    if replacement is ...:
        del parent[path[-1]]
    else:
        parent[path[-1]] = replacement
    return broken


def test_compiled_contract_agrees_with_jsonschema_on_every_breakage():
    schema = export.load_schema()
    check, reference = compile_schema(schema), jsonschema.Draft202012Validator(schema)
    document = export.to_json(_two_stories())
    check(document)
    verdicts = []
    for path in _paths(document):
        for replacement in BREAKAGES.values():
            broken = _broken(document, path, replacement)
            try:
                check(broken)
                ours = True
            except jsonschema.ValidationError:
                ours = False
            assert ours == reference.is_valid(broken), (path, replacement)
            verdicts.append(ours)
    assert verdicts.count(False) > 100  # the breakages do break the contract, often


def test_a_breakage_names_where_it_is():
    document = export.to_json(_two_stories())
    document["claims"][1]["evidence"][0]["start"] = -1
    with pytest.raises(jsonschema.ValidationError) as caught:
        export.validate(document)
    assert list(caught.value.path) == ["claims", 1, "evidence", 0, "start"]


def test_a_keyword_it_cannot_check_stops_compilation():
    with pytest.raises(ValueError, match="pattern"):
        compile_schema({"type": "object", "properties": {"id": {"type": "string", "pattern": "^a-"}}})


def test_references_resolve_including_one_to_itself():
    check = compile_schema({"$defs": {"node": {"type": "object", "properties": {"child": {"$ref": "#/$defs/node"}},
                                               "required": ["name"]}},
                            "$ref": "#/$defs/node"})
    check({"name": "a", "child": {"name": "b"}})
    with pytest.raises(jsonschema.ValidationError):
        check({"name": "a", "child": {"child": {"name": "c"}}})
