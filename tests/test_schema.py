"""The published JSON Schema is current and agrees with the loader on real and broken files."""
from __future__ import annotations

import json

import jsonschema
import yaml
from conftest import FIXTURES, ROOT

from tools.hulp.schema import write_schemas


def test_published_schema_is_up_to_date(tmp_path):
    fresh = write_schemas(tmp_path)
    for path in fresh:
        committed = ROOT / "gemeenten" / "schema" / path.name
        assert committed.read_text(encoding="utf-8") == path.read_text(encoding="utf-8"), \
            "Run `python -m tools schema` and commit gemeenten/schema/."


def test_schema_accepts_real_and_fixture_municipalities():
    schema = json.loads((ROOT / "gemeenten/schema/gemeente.schema.json").read_text(encoding="utf-8"))
    files = [p for p in (ROOT / "gemeenten").glob("*.yml") if not p.name.startswith("_")]
    files += [p for p in (FIXTURES / "gemeenten-goed").glob("*.yml") if not p.name.startswith("_")]
    assert len(files) >= 5
    for path in files:
        doc = yaml.safe_load(path.read_text(encoding="utf-8"))
        doc = json.loads(json.dumps(doc, default=str))  # dates as strings, as an editor's YAML plugin sees them
        jsonschema.validate(doc, schema)


def test_schema_rejects_unknown_category_and_field():
    schema = json.loads((ROOT / "gemeenten/schema/gemeente.schema.json").read_text(encoding="utf-8"))
    doc = yaml.safe_load((FIXTURES / "gemeenten-goed/testdorp.yml").read_text(encoding="utf-8"))
    doc = json.loads(json.dumps(doc, default=str))
    doc["aanbod"][0]["categorieen"] = ["bestaat-niet"]
    validator = jsonschema.Draft202012Validator(schema)
    assert list(validator.iter_errors(doc))
    doc["aanbod"][0]["categorieen"] = ["mediation"]
    doc["aanbod"][0]["telefon"] = "076"
    assert list(validator.iter_errors(doc))
