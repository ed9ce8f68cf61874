"""Layer 2: content features beside the help data: glossary output, co-creation notes, search index."""
