"""archivist: scanned Vietnamese commune records in, searchable PDF/A archive out."""

__version__ = "0.1.0"
