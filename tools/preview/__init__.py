"""Layer 3: test versions for co-creation groups."""
