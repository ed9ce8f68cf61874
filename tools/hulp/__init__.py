"""Layer 1: the help data: model, loading and validation, JSON Schema, rendering, referral blocks."""
