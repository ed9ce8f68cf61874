"""Layer 4: the quality gates: source checks, built-site links, external links."""
