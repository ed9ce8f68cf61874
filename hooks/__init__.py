"""MkDocs hooks: thin adapters from MkDocs events to tools/ (importable as a package for shared helpers)."""
