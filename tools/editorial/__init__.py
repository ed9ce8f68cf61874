"""Layer 3: editors' pages and reports: coverage, translation status."""
