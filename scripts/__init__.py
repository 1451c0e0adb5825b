"""Site logic: plain Python, no mkdocs import. Hooks in overrides/hooks/ and the CLI call into it."""
