"""Make docs/report.png, the README's picture of report.html, from an archive's report in headless Chromium.

How it was made before (by hand, with tests/browser.py at its 1280x1600 window) it showed only the page's top, which
ended before the failures and the warnings; this takes the whole page at the same width, so every section shows.
Run it on the archive ``make run`` makes (the samples' merged commune):

    .venv/bin/python scripts/report_screenshot.py archive-out docs/report.png

It needs Debian's chromium (scripts/setup-system.sh installs it) and writes nothing but the PNG.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tests.browser import Browser  # noqa: E402 - after the checkout is on the path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("archive", type=Path, help="the archive whose report.html to show, e.g. archive-out")
    parser.add_argument("out", type=Path, help="the PNG to write, e.g. docs/report.png")
    parser.add_argument("--width", type=int, default=1280, help="the window's width in CSS pixels (default 1280)")
    args = parser.parse_args()
    report = args.archive / "report.html"
    if not report.is_file():
        sys.exit(f"error: {report} does not exist: run 'archivist process' (or 'archivist report') on the archive")
    with Browser(width=args.width) as page:
        page.navigate(report.resolve().as_uri())
        page.screenshot(args.out, full_page=True)
    print(args.out)


if __name__ == "__main__":
    main()
