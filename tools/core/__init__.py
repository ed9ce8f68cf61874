"""Layer 0: what every other layer uses: findings, the string table, text helpers, content pages, git history."""
