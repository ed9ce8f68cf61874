"""Relatie & Scheiding site tools: load and validate data, generate pages, check content.

Everything here is plain Python without MkDocs imports, so that the logic can be tested on its
own and the site can move to another engine later. MkDocs hooks in ``hooks/`` only adapt events.
"""
