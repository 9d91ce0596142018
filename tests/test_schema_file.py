"""The JSON Schema published in the repository, and the example files that point editors to it.

``schema/group.schema.json`` is what editors with TOML schema support (Taplo, Even Better TOML)
read to complete and check fields as people type. It is generated from the models; this test
regenerates it and fails when the committed file was stale, so that the next commit carries the
fresh one. ``rrma-groups schema -o schema/group.schema.json`` writes the same bytes.
"""

from __future__ import annotations

import json
import re
import tomllib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from builders import as_json
from rrma_groups import CountryGroup, GroupValidationError, LocaleError, json_schema, loads
from rrma_groups.examples import example_text
from rrma_groups.io import SCHEMA_LINE

ROOT = Path(__file__).resolve().parent.parent
SCHEMA_FILE = ROOT / "schema" / "group.schema.json"
EXAMPLES = ROOT / "examples"

# "Nom de la rencontre. — Title of the meeting.": French first, as the files' writers read it.
BILINGUAL = re.compile(r"[^—]+\. — [^—]+\.")


def schema_text() -> str:
    """The schema as ``rrma-groups schema`` prints it."""
    return json.dumps(json_schema(), ensure_ascii=False, indent=2) + "\n"


def properties(schema: dict[str, Any]) -> Iterator[tuple[str, dict[str, Any]]]:
    """Every property of every object in the schema, as ``Model.field`` and its subschema.

    A definition that offers other forms beside its table (an objective given as its text alone)
    holds its properties in one of its ``anyOf`` branches.
    """
    for name, sub in schema.get("properties", {}).items():
        yield f"CountryGroup.{name}", sub
    for model, definition in schema.get("$defs", {}).items():
        for form in [definition, *definition.get("anyOf", [])]:
            for name, sub in form.get("properties", {}).items():
                yield f"{model}.{name}", sub


class TestPublishedSchema:
    def test_file_is_up_to_date(self) -> None:
        """The committed schema equals the generated one (a stale file is rewritten, then fails)."""
        fresh = schema_text()
        current = SCHEMA_FILE.read_text(encoding="utf-8") if SCHEMA_FILE.exists() else None
        if current != fresh:
            SCHEMA_FILE.parent.mkdir(exist_ok=True)
            SCHEMA_FILE.write_text(fresh, encoding="utf-8")
            pytest.fail(
                f"{SCHEMA_FILE.relative_to(ROOT)} was stale and has been regenerated: commit it"
            )

    def test_file_is_a_json_schema_with_its_id(self) -> None:
        """The file declares its dialect and the address it is published at."""
        schema = json.loads(schema_text())
        assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
        assert schema["$id"].endswith("/schema/v1/group.schema.json")

    def test_every_field_is_described(self) -> None:
        """Every field of every model has a description, for the editor's tooltip."""
        bare = [name for name, sub in properties(json_schema()) if "description" not in sub]
        assert bare == []

    def test_descriptions_are_in_french_then_english(self) -> None:
        """Each description is 'Français. — English.': two sentences around an em dash."""
        odd = [
            f"{name}: {sub['description']}"
            for name, sub in properties(json_schema())
            if "description" in sub and not BILINGUAL.fullmatch(sub["description"])
        ]
        assert odd == []

    @pytest.mark.parametrize(
        ("model", "form"),
        [
            ("AgendaItem", "time"),
            ("AgendaItem", "duration"),
            ("Series", "time"),
        ],
    )
    def test_time_shorthands_are_properties(self, model: str, form: str) -> None:
        """The shorthands the loader reads are named in the schema, with a description."""
        assert "description" in json_schema()["$defs"][model]["properties"][form]

    def test_fragments_are_definitions_beside_the_models(self) -> None:
        """The types' big fragments (patterns of languages, times, texts) are written once, in
        $defs, beside the models' definitions, none of which they replace."""
        models = CountryGroup.model_json_schema(mode="validation")["$defs"]
        definitions = json_schema()["$defs"]
        fragments = {"Text", "TextLine", "LanguageCode", "TimeOfDay", "TimeRange", "Date"}
        assert fragments <= definitions.keys()
        assert not fragments & models.keys()
        assert models.keys() <= definitions.keys()
        assert "x-rrma-groups-definition" not in schema_text()

    def test_times_and_dates_are_text(self) -> None:
        """No RFC 3339 format on times and dates: '14h00' and '04/11/2016' are valid in files."""
        text = schema_text()
        assert '"format": "time"' not in text
        assert '"format": "date"' not in text


def without_descriptions(node: Any) -> Any:
    """The schema with every description left out: what it accepts, not how it reads."""
    if isinstance(node, dict):
        return {k: without_descriptions(v) for k, v in node.items() if k != "description"}
    if isinstance(node, list):
        return [without_descriptions(v) for v in node]
    return node


class TestDescriptionLanguages:
    @pytest.mark.parametrize(
        ("lang", "description"),
        [
            (None, "Nom du groupe pays. — Name of the country group."),
            ("fr", "Nom du groupe pays."),
            ("ar", "اسم مجموعة البلد."),
            ("ar-MA", "اسم مجموعة البلد."),
            ("en", "Name of the country group."),
        ],
    )
    def test_a_field_is_described_in_the_language(self, lang: str | None, description: str) -> None:
        """json_schema(lang) describes fields in that language; without it, French then English."""
        assert json_schema(lang)["properties"]["name"]["description"] == description

    @pytest.mark.parametrize("lang", ["fr", "ar"])
    def test_every_field_is_translated(self, lang: str) -> None:
        """No field keeps its English description in French or Arabic."""
        english = dict(properties(json_schema("en")))
        same = [
            name
            for name, sub in properties(json_schema(lang))
            if sub["description"] == english[name]["description"]
        ]
        assert same == []

    @pytest.mark.parametrize("lang", ["fr", "ar", "en"])
    def test_only_descriptions_change(self, lang: str) -> None:
        """Types, patterns, defaults and examples are the same in every language."""
        assert without_descriptions(json_schema(lang)) == without_descriptions(json_schema())

    @pytest.mark.parametrize("lang", ["fr", "ar"])
    def test_models_keep_their_english_docstrings(self, lang: str) -> None:
        """A model's own description is its docstring, in English whatever the language."""
        translated, published = json_schema(lang), json_schema()
        assert translated["description"] == published["description"]
        for name, definition in published["$defs"].items():
            assert translated["$defs"][name].get("description") == definition.get("description")
        # MembershipPolicy's docstring is also the words of a field's description.
        assert published["$defs"]["MembershipPolicy"]["description"] == "Who may join the group."

    def test_french_descriptions_follow_french_typography(self) -> None:
        """Typographic apostrophe, and a no-break space before : ; ? ! and inside « »."""
        odd = [
            f"{name}: {french}"
            for name, sub in properties(json_schema("fr"))
            if re.search(r"'| [:;?!]|« | »", french := sub["description"])
        ]
        assert odd == []

    @pytest.mark.parametrize("lang", ["xx", "not a language"])
    def test_an_unknown_language_is_refused(self, lang: str) -> None:
        """A language CLDR does not know raises LocaleError, as elsewhere in the library."""
        with pytest.raises(LocaleError):
            json_schema(lang)


class TestSchemaLines:
    @pytest.mark.parametrize("name", ["groupe_pays_maroc.toml", "groupe_pays_senegal.toml"])
    def test_example_starts_with_schema_line(self, name: str) -> None:
        """The examples' first line points editors to the schema file, relative to them."""
        path = EXAMPLES / name
        first = path.read_text(encoding="utf-8").splitlines()[0]
        assert first.startswith("#:schema ")
        target = (path.parent / first.removeprefix("#:schema ").strip()).resolve()
        assert target == SCHEMA_FILE

    @pytest.mark.parametrize("name", ["maroc", "senegal"])
    def test_bundled_examples_point_beside_them(self, name: str) -> None:
        """The bundled examples, copied by 'rrma-groups new --example' with the schema beside
        the copy, point to it there: no path of the repository fits every copy."""
        assert example_text(name).splitlines()[0] == SCHEMA_LINE == "#:schema ./group.schema.json"


@pytest.mark.parametrize("name", ["groupe_pays_maroc.toml", "groupe_pays_senegal.toml"])
def test_examples_pass_the_published_schema(name: str) -> None:
    """An editor checking an example against the schema finds nothing to complain about."""
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads(schema_text())
    data = as_json(tomllib.loads((EXAMPLES / name).read_text(encoding="utf-8")))
    errors = [
        f"{'/'.join(map(str, e.path))}: {e.message}"
        for e in jsonschema.Draft202012Validator(schema).iter_errors(data)
    ]
    assert errors == []


def group_with(**fields: Any) -> dict[str, Any]:
    """A minimal group (as JSON data) with ``fields`` added."""
    return {"id": "g", "name": "G", "country": "SN", "network": {"id": "n", "name": "N"}, **fields}


def item(**fields: Any) -> dict[str, Any]:
    """A group whose one meeting has one agenda item with ``fields``."""
    meeting = {"id": "m", "title": "M", "date": "14/03/2025", "agenda": [fields]}
    return group_with(meetings=[meeting])


@pytest.mark.parametrize(
    ("data", "valid"),
    [
        (item(title="A", time="14h00 - 14h15"), True),
        (item(title="A", start="14h00", duration=15), True),
        (item(title="A", start="14:00:00", end="3 pm"), True),
        (item(title="A"), False),
        (item(title="A", time="14h00 - 14h15", start="14h00"), False),
        (item(title="A", time="14h00 - 14h15", duration=15), False),
        (item(title="A", start="14h00", end="14h15", duration=15), False),
        (group_with(objectives=["Créer un espace d'échanges", {"fr": "x", "ar": "y"}]), True),
        (group_with(objectives=[{"text": "x", "id": "o1"}]), True),
        (group_with(objectives=[{"id": "o1"}]), False),
    ],
)
def test_the_schema_agrees_with_the_loader(data: dict[str, Any], valid: bool) -> None:
    """What loading accepts the schema accepts, and the shorthands' conflicts it refuses too."""
    jsonschema = pytest.importorskip("jsonschema")
    errors = list(jsonschema.Draft202012Validator(json.loads(schema_text())).iter_errors(data))
    try:
        loads(json.dumps(data), "json")
    except GroupValidationError:
        loaded = False
    else:
        loaded = True
    assert (not errors, loaded) == (valid, valid)
