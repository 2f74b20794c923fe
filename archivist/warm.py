"""Imported by the fork server before it forks any page worker (archivist/forkstart.py ``PRELOAD``).

Why a module: the fork server can only be told names of modules to import. Importing this imports the
page stage (archivist/pagework.py: not the document stage, 0.07 CPU s less), loads Tesseract's model and
builds the OCR post-correction's word tables in the server, so every worker forked from it starts with
them in memory instead of making them on its first page. What is loaded is then frozen out of the
garbage collector (archivist/gcpause.py): a worker's collections would otherwise walk, and so copy page by
page, the objects it shares with the server.
"""

from . import gcpause

# The collector is off while the server loads (as Python's gc docs advise for a process that forks without
# exec): what it loads lives as long as the server, and its ~80 collections here cost 0.02 CPU s a batch to free
# 710 small objects (140 KiB of functions and classes left over by imports), which now stay frozen with the rest
# (a full collection to free them costs the same 0.02 s). Frozen at the end and on again: every worker forked
# from the server collects its pages' garbage as before.
_COLLECTING = gcpause.pause()
try:
    # NumPy's submodules the page stage reaches on every worker's first page, imported lazily by NumPy: its random
    # generator (preprocess.detect's sample of points), its FFT (typewritten's pitch) and masked arrays (np.unique
    # under np.percentile): 0.013 CPU s a worker, paid here once instead (tests/test_worker_costs.py)
    import numpy.fft  # noqa: F401
    import numpy.ma  # noqa: F401
    import numpy.random  # noqa: F401

    from . import executor  # noqa: F401 - each worker's own loop (executor._worker_main) is unpickled from it
    from .pagework import preload_engine

    preload_engine()
finally:
    gcpause.resume(_COLLECTING)
