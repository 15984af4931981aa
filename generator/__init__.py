"""Sociale Kaart: a static site generator for a municipality's social map."""

__version__ = "0.1.0"
