"""Imported by the fork server before it forks any page worker (archivist/executor.py ``PRELOAD``).

Why a module: the fork server can only be told names of modules to import. Importing this imports the
page stage and loads Tesseract's model into the server (0.3-0.4 s), so every worker forked from it
starts with both in memory instead of loading the model on its first page.
"""

from .pipeline import preload_engine

preload_engine()
