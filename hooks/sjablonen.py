"""MkDocs adapter: templates compiled once per process (hooks/build.py CompiledTemplates)."""

from __future__ import annotations

from hooks.build import COMPILED_TEMPLATES


def on_env(env, config, files):
    env.bytecode_cache = COMPILED_TEMPLATES
    return env
