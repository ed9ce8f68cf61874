"""MkDocs adapter: templates compiled once per process (hooks/build.py CompiledTemplates)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from hooks.build import COMPILED_TEMPLATES

if TYPE_CHECKING:
    import jinja2
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files


def on_env(env: jinja2.Environment, *, config: MkDocsConfig, files: Files) -> jinja2.Environment | None:
    env.bytecode_cache = COMPILED_TEMPLATES
    return env
