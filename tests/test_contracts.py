"""The contracts a newcomer reads are the ones the code keeps: each span layer's declared attributes match
what the annotators write, what docs/architecture.md lists and what the export schema describes."""

from __future__ import annotations

import json
import re
from importlib import resources
from pathlib import Path
from typing import NotRequired, get_args, get_origin, get_type_hints

import pytest

from kabar.model import (
    LAYER_ATTRS,
    Article,
    Doc,
    EntityOrigin,
    GroupStatus,
    ParagraphKind,
    Precision,
    QuantityAttrs,
    Stance,
    TimeAttrs,
)
from kabar.nlp import annotate, link_entities

ARCHITECTURE = Path(__file__).parents[1] / "docs" / "architecture.md"


def _keys(attrs_type: type) -> set[str]:
    return set(get_type_hints(attrs_type))


def _required_keys(attrs_type: type) -> set[str]:
    """Read from the annotations: model.py postpones them, so `__required_keys__` cannot see NotRequired."""
    hints = get_type_hints(attrs_type, include_extras=True)
    return {key for key, hint in hints.items() if get_origin(hint) is not NotRequired}


def _documented_layers() -> dict[str, set[str]]:
    """Layer → attribute names from the table under "Span layers": every backticked lower-case word of the
    attrs column names an attribute."""
    section = ARCHITECTURE.read_text("utf-8").split("## Span layers", 1)[1].split("\n## ", 1)[0]
    layers = {}
    for row in re.findall(r"^\| `(\w+)` \|[^|]*\|(.*)\|$", section, re.MULTILINE):
        layers[row[0]] = set(re.findall(r"`([a-z_]+)`", row[1]))
    return layers


def test_the_documented_layer_table_lists_exactly_the_declared_attributes():
    assert _documented_layers() == {layer: _keys(attrs) for layer, attrs in LAYER_ATTRS.items()}


def _schema() -> dict:
    return json.loads(resources.files("kabar.data").joinpath("story-export.schema.json").read_text("utf-8"))


def test_the_export_schema_describes_layer_attributes_as_declared():
    schema = _schema()
    defs = schema["$defs"]
    assert set(defs["quantity"]["properties"]) <= _keys(QuantityAttrs)
    assert set(defs["when"]["properties"]) <= _keys(TimeAttrs)
    assert defs["when"]["properties"]["precision"]["enum"] == list(get_args(Precision))
    items = {name: schema["properties"][name]["items"]["properties"] for name in ("articles", "claims", "claim_groups")}
    assert items["articles"]["paragraphs"]["items"]["properties"]["kind"]["enum"] == list(get_args(ParagraphKind))
    assert items["claims"]["stance"]["enum"] == list(get_args(Stance))
    assert items["claim_groups"]["status"]["enum"] == list(get_args(GroupStatus))


TEXT = ("JAKARTA, Warta Nusantara - Menteri Luar Negeri Retno Marsudi mengatakan sekitar 1.500 tentara Korea Utara "
        "tiba di Vladivostok pada Jumat (18/10/2024), menurut badan intelijen Korea Selatan (NIS).\n\n"
        "\"Kami tidak dapat mengonfirmasi laporan itu,\" kata Retno kepada AFP. Di hari yang sama, media Korea "
        "Selatan melaporkan ribuan tentara lain.")


@pytest.fixture(scope="module")
def annotated() -> Doc:
    doc = annotate(Article(id="t", source="t", text=TEXT, published=None, outlet="Warta Nusantara"))
    link_entities([doc])
    return doc


def test_every_span_carries_its_layers_declared_attributes(annotated: Doc):
    for layer, attrs_type in LAYER_ATTRS.items():
        spans = annotated.layer(layer)
        assert spans, f"the fixture text should give {layer}"
        for span in spans:
            assert _required_keys(attrs_type) <= set(span.attrs) <= _keys(attrs_type), (layer, span)


def test_entity_origins_are_the_declared_ones(annotated: Doc):
    assert {s.attrs["origin"] for s in annotated.layer("entities")} <= set(get_args(EntityOrigin))
