"""The size and quality of the report's page images, without the code that makes them.

Why a module of its own: the workers make these images (archivist/preview.py, with OpenCV) and the HTML
report shows them or renders the missing ones with pdftoppm at the same size (archivist/htmlreport.py).
The report ran in the main process, which reads no page, and imported preview.py, so OpenCV, for these two
numbers alone (bench/RESULTS.md, issue 16, session 24).
"""

PAGE_PX = 480  #: width of the page images of the report's detail view
QUALITY = 70  #: JPEG quality of those images (pdftoppm's fallback uses the same)
