"""Layer 3: security and privacy of the built site (the gates use its HTML scanner)."""
