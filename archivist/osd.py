"""Tesseract's orientation and script detection (OSD): a second opinion on which way is up.

Why a second opinion: archivist's own up/down test (where ink sits around each line's x-height
band, :mod:`archivist.preprocess`) is fast and right on typeset pages, but it decided alone and
turned maps, a one-bit typewritten page and a picture upside down. OSD classifies individual
characters in all four orientations with Tesseract's legacy shape classifier (``osd.traineddata``),
an independent kind of evidence. :mod:`archivist.orient` weighs the two and, when they disagree
or either is weak, reads the page both ways.

OSD is asked about the page as archivist's own test would turn it, so its answer is a further
clockwise turn (0 means "it agrees"). It costs about 0.3 s of CPU on a text page, so it is only
asked when the cheap evidence is not already conclusive.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import cv2
import numpy as np

from .tessdata import model_dir


@dataclass
class OsdResult:
    turned: int  # how far the image given is turned clockwise: 0/90/180/270
    confidence: float  # Tesseract's orientation confidence (about 2 is weak, over 5 strong)
    script: str  # e.g. "Latin"


_UNLOADED = object()


class Osd:
    """One OSD model per process (tesserocr), or the ``tesseract --psm 0`` command without the binding.

    The model is loaded when OSD is first asked, not when the object is made: every worker makes one for its
    pages, and loading ``osd.traineddata`` costs 0.06-0.07 CPU s, while OSD is asked only of a page whose
    own evidence is weak (none of the 48 pages of the per-format corpus): a cost of every worker of every
    batch for nothing (bench/RESULTS.md, "A batch's fixed cost, third round (session 30)").
    """

    def __init__(self) -> None:
        self.path = model_dir("osd")
        self._api: object = _UNLOADED

    @property
    def api(self) -> Any:
        """The OSD model (tesserocr's ``PyTessBaseAPI``), loaded on first use; None when it cannot be (no
        binding or no model: the command is used instead)."""
        if self._api is _UNLOADED:
            self._api = self._load()
        return self._api

    @api.setter
    def api(self, value: Any) -> None:
        """None takes the command's way (as without the binding)."""
        self._api = value

    def _load(self) -> Any:
        if self.path is None:
            return None
        try:
            import tesserocr

            return tesserocr.PyTessBaseAPI(path=self.path, lang="osd", psm=tesserocr.PSM.OSD_ONLY,
                                           oem=tesserocr.OEM.TESSERACT_ONLY)
        except (ImportError, RuntimeError):
            return None

    @property
    def available(self) -> bool:
        return self.path is not None and (self.api is not None or shutil.which("tesseract") is not None)

    def detect(self, gray: np.ndarray, dpi: float) -> OsdResult | None:
        """OSD's view of ``gray`` (uint8); None when it finds too few characters to say anything."""
        if not self.available:
            return None
        if self.api is None:
            return self._detect_cli(gray, dpi)
        h, w = gray.shape
        self.api.SetImageBytes(np.ascontiguousarray(gray).tobytes(), w, h, 1, w)
        self.api.SetSourceResolution(int(round(dpi)))
        try:
            r = self.api.DetectOrientationScript()
        finally:
            self.api.Clear()
        if not r:
            return None
        return OsdResult(int(r["orient_deg"]) % 360, round(float(r["orient_conf"]), 2), str(r["script_name"]))

    def _detect_cli(self, gray: np.ndarray, dpi: float) -> OsdResult | None:
        with tempfile.TemporaryDirectory(prefix="archivist-osd-") as d:
            png = Path(d, "page.png")
            cv2.imwrite(str(png), gray)
            proc = subprocess.run(["tesseract", str(png), "stdout", "--psm", "0", "--dpi", str(int(round(dpi))),
                                   "--tessdata-dir", str(self.path)], capture_output=True, text=True,
                                  env={**os.environ, "OMP_THREAD_LIMIT": "1"})
        turned = re.search(r"Orientation in degrees: (\d+)", proc.stdout)
        conf = re.search(r"Orientation confidence: ([\d.]+)", proc.stdout)
        script = re.search(r"Script: (\S+)", proc.stdout)
        if proc.returncode != 0 or not turned or not conf:
            return None
        return OsdResult(int(turned.group(1)) % 360, float(conf.group(1)), script.group(1) if script else "")
