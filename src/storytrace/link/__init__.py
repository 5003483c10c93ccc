"""Linking: passages, candidates, confirmation and stories."""
