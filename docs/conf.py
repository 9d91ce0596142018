"""Sphinx configuration of the rrma_groups documentation.

Build it with warnings as errors, as CI does::

    python -m sphinx -W --keep-going -b html docs docs/_build/html

The pages are MyST Markdown. The home page and the French pages come first (the library's users
are French networks), English pages sit beside them in ``en/``, the Arabic quick start in ``ar/``,
and the API reference (generated from the docstrings, in English) in ``reference/``. Every
example in them is executed by ``tests/test_docs.py``: see ``contributing.md``.
"""

from __future__ import annotations

import shutil
import sys
from importlib.metadata import version as _version
from pathlib import Path
from typing import Any

DOCS = Path(__file__).resolve().parent
ROOT = DOCS.parent
sys.path.insert(0, str(DOCS / "_ext"))

project = "rrma_groups"
author = "rrma_groups contributors"
copyright = "rrma_groups contributors"
release = _version("rrma-groups")
version = ".".join(release.split(".")[:2])

# French: the home page and most readers are French. Sphinx has one interface language per
# site, so the English and Arabic pages show French navigation words ("Rechercher"); their
# content, and their lang/dir attributes, are their own.
language = "fr"

extensions = [
    "myst_parser",
    "sphinx.ext.autodoc",
    "sphinx.ext.viewcode",
    "rrma_docs",  # _ext/rrma_docs.py: model fields, problem codes, command help
]

source_suffix = {".md": "markdown"}
root_doc = "index"
exclude_patterns = ["_build", "README.md", "Thumbs.db", ".DS_Store"]

myst_enable_extensions = ["colon_fence", "deflist", "fieldlist"]
myst_heading_anchors = 3

# --- API reference ----------------------------------------------------------------------------
autodoc_member_order = "bysource"
autodoc_typehints = "description"
autodoc_typehints_format = "short"
autodoc_class_signature = "separated"
# Pydantic's own machinery is not the library's API.
autodoc_default_options: dict[str, Any] = {
    "exclude-members": ",".join(
        [
            "model_config",
            "model_fields",
            "model_computed_fields",
            "model_post_init",
            "model_extra",
            "model_fields_set",
        ]
    ),
}

# --- HTML -------------------------------------------------------------------------------------
html_theme = "furo"
html_title = f"rrma_groups {release}"
html_static_path = ["_static"]
html_css_files = ["rrma.css"]
html_show_sourcelink = False


def _publish_schema(app: Any, exception: Exception | None) -> None:
    """Put the JSON Schema where its ``$id`` says it lives: ``schema/v1/group.schema.json``.

    Editors with TOML schema support (Taplo, Even Better TOML) fetch it from there when a file
    starts with ``#:schema https://.../schema/v1/group.schema.json``; the files of ``rrma-groups
    new`` point to a copy written beside them, ``#:schema ./group.schema.json``.
    """
    if exception is not None or app.builder.format != "html":
        return
    target = Path(app.outdir) / "schema" / "v1"
    target.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(ROOT / "schema" / "group.schema.json", target / "group.schema.json")


def setup(app: Any) -> None:
    app.connect("build-finished", _publish_schema)
