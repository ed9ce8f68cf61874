"""Layer 4: test versions for co-creation groups."""
