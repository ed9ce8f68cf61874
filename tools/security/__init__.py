"""Layer 3: security and privacy of the built site."""
