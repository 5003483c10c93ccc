"""Derivation: within a story, which version came from which, and how."""
