"""Kabar: turns a pile of news articles into a sourced picture of each story."""

__version__ = "0.1.0"
