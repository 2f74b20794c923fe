"""Check PDF/A files with Apache PDFBox Preflight (its PDF/A-1b validator), many files per JVM.

Why PDFBox: Debian packages it (``libpdfbox2-java``), it is the validator the archive's
receivers are known to run, and it is strict about the details that make or break PDF/A-1b
(XMP namespaces, ICC version, xref form). Why batches: starting the JVM costs about a second,
a file costs tens of milliseconds, so validating an archive one file per JVM would be ~30x slower.

Preflight's "group" mode writes one XML report beside the list file and names each file only
by its base name, silently skipping unreadable paths. So each file is linked into a private
temp folder under a unique ASCII name; the report then maps back without ambiguity, whatever
the real names (Vietnamese, spaces, duplicates in different folders).

Not for the hot path of ``archivist process``: the tests and ``archivist verify --pdfa`` use it.
PDF/A-2b files are checked against 1b rules; expect only ``7.11.2 ... part must be 1`` there.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

JAVA_DIR = Path("/usr/share/java")
JARS = ("preflight.jar", "pdfbox2.jar", "fontbox2.jar", "xmpbox.jar", "commons-logging.jar",
        "javax.activation.jar", "jaxb-api.jar")
MAIN_CLASS = "org.apache.pdfbox.preflight.Validator_A1b"
CHUNK = 500  # files per JVM: bounds one run's time and memory, still ~1 JVM start per 500 files
PART_ONLY = "7.11.2 : Error on MetaData, part must be 1"  # what a valid PDF/A-2b file gets from the 1b check
#: The JVM's flags. A Preflight run is short (a second or two of one thread): the C2 compiler's work and the parallel
#: collector's threads cost more than they return there. Client compilation only and the serial collector take
#: about a quarter less CPU a call (0.65 against 0.89 s), the same verdicts (a file's lines where it breaks several
#: rules may come in another order; bench/RESULTS.md, "The suite's slowest tests, second round (session 48)").
JVM_FLAGS = ("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xshare:auto")


class PreflightError(Exception):
    """Preflight itself could not run (no Java, missing jars, crash, or an unreadable report)."""


def classpath() -> str:
    """The Java classpath: ``$ARCHIVIST_PREFLIGHT_CP`` if set, else Debian's jar locations."""
    return os.environ.get("ARCHIVIST_PREFLIGHT_CP") or os.pathsep.join(str(JAVA_DIR / j) for j in JARS)


def preflight_available() -> bool:
    """True when ``java`` is on PATH and every jar of the classpath exists."""
    if shutil.which("java") is None:
        return False
    return all(Path(p).is_file() for p in classpath().split(os.pathsep) if p)


def _violations(node: ET.Element) -> list[str]:
    """Violation lines of one <preflight> element, worded as Preflight's text mode prints them."""
    valid = node.findtext("isValid", "").strip().lower() == "true"
    lines = []
    for err in node.iter("error"):
        code = (err.findtext("code") or "").strip()
        details = " ".join((err.findtext("details") or "").split())
        count = int(err.get("count", "1") or 1)
        lines.append(f"{code} : {details}" + (f" (x{count})" if count > 1 else ""))
    if not valid and not lines:
        lines.append("Preflight: not valid (no details given)")
    return lines


def _run_chunk(paths: list[Path], timeout: float) -> dict[Path, list[str]]:
    with tempfile.TemporaryDirectory(prefix="archivist-preflight-") as tmp:
        folder = Path(tmp)
        names: dict[str, Path] = {}
        for i, p in enumerate(paths):
            name = f"f{i:06d}.pdf"
            os.symlink(p.resolve(), folder / name)
            names[name] = p
        listing = folder / "list.txt"
        listing.write_text("".join(f"{folder / n}\n" for n in names), encoding="ascii")
        try:
            proc = subprocess.run(["java", *JVM_FLAGS, "-cp", classpath(), MAIN_CLASS, "xml", "group", str(listing)],
                                  capture_output=True, text=True, timeout=timeout)
        except subprocess.TimeoutExpired:
            raise PreflightError(f"Preflight did not finish within {timeout:.0f} s") from None
        report = folder / "list.txt.preflight.xml"
        if not report.is_file():
            tail = (proc.stderr or proc.stdout).strip().splitlines()[-3:]
            raise PreflightError(f"Preflight wrote no report (exit {proc.returncode}): {' | '.join(tail)}")
        try:
            root = ET.parse(report).getroot()
        except ET.ParseError as e:
            raise PreflightError(f"Preflight's report is not readable XML ({e})") from None
        out: dict[Path, list[str]] = {}
        for node in root.iter("preflight"):
            p = names.get(node.get("name", ""))
            if p is not None:
                out[p] = _violations(node)
        for p in paths:
            out.setdefault(p, ["Preflight: no result for this file (it could not be read)"])
        return out


def validate_pdfa(paths: list[Path]) -> dict[Path, list[str]]:
    """Preflight every file; returns each path's violation lines (an empty list = valid PDF/A-1b).

    A path that does not exist gets one line saying so instead of stopping the batch.
    Raises :class:`PreflightError` if Preflight is not installed or fails as a whole.
    """
    if not paths:
        return {}
    if not preflight_available():
        raise PreflightError("PDFBox Preflight is not installed (apt-get install default-jre-headless "
                             "libpdfbox2-java libactivation-java libjaxb-api-java)")
    result: dict[Path, list[str]] = {}
    todo: list[Path] = []
    for p in dict.fromkeys(Path(p) for p in paths):
        if p.is_file():
            todo.append(p)
        else:
            result[p] = ["file not found"]
    for i in range(0, len(todo), CHUNK):
        chunk = todo[i:i + CHUNK]
        result.update(_run_chunk(chunk, timeout=120.0 + 2.0 * len(chunk)))
    return {p: result[p] for p in dict.fromkeys(Path(p) for p in paths)}


def only_part_complaint(violations: list[str]) -> bool:
    """True when the 1b check's only complaint is the PDF/A part number (a clean 2b file)."""
    return bool(violations) and all(v == PART_ONLY for v in violations)
