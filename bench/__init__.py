"""Benchmarks for the search index (not tests): see bench/run.py and docs/zoeken.md."""
