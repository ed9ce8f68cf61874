"""Layer 4: editors' pages and reports: coverage, translation status."""
