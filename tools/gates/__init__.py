"""Layer 3: the quality gates: source checks, built-site links, external links."""
