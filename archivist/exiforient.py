"""The camera's orientation tag (EXIF 0x0112): how a phone says which way up it held a photo.

Why: phones store the sensor's pixels as they come and write "turn 90° to view" in this tag, which every
viewer honours. archivist turns a page by its text (:mod:`archivist.orient`); a page with too little text to
judge (a photo of a map, a plan, a note with a stamp and a signature) was kept as scanned, that is sideways,
though the person who took it saw it upright on the phone. The tag is read once, when the page is decoded
(the header is already parsed: no second decode), and used only where the text cannot decide: a phone held
flat over a page on a desk records a tag from gravity, often wrong, so a confident reading of the text
always wins over it.

Where the tag is read: a JPEG's EXIF block (a phone's multi-picture JPEG's too), a TIFF frame's own directory, a
PNG's ``eXIf`` chunk and a WebP's EXIF chunk (phones and messaging apps save screenshots and forwarded photos so).
Never from a HEIF (an iPhone's HEIC): there the turn is a transform of the picture that the decoder has already
applied, and the Exif tag repeats it; read as well, it would turn the page twice (archivist/heif.py says more).

The values (TIFF 6.0 and EXIF 2.3): 1 upright; 3 upside down; 6 the picture must be turned 90° clockwise to
view; 8 90° counter-clockwise. 2, 4, 5 and 7 add a mirror: a scan or a photo of paper is never mirrored, so
they are no usable tag (a program that flipped the pixels and kept the tag, or a broken one).
"""

from __future__ import annotations

from PIL import Image

#: The EXIF and TIFF tag number of Orientation.
ORIENTATION_TAG = 0x0112
#: A rotation tag as archivist's ``orientation``: how far the stored pixels are turned clockwise from upright
#: (the correction turns them back). Tag 6 means "turn 90° clockwise to view": the pixels lie 90° counter-
#: clockwise, 270° clockwise.
TURN_OF_TAG = {1: 0, 3: 180, 6: 270, 8: 90}
#: The tags that include a mirror, which archivist never applies to a scan.
MIRRORED = frozenset({2, 4, 5, 7})
#: What each rotation tag tells a viewer to do, for the page's warning.
VIEW_TURN = {3: "180°", 6: "90° clockwise", 8: "90° counter-clockwise"}


#: Formats whose EXIF block Pillow's ``getexif()`` reads: a JPEG's (MPO: a phone's JPEG with more pictures after
#: it) and a WebP's from the header; a PNG's ``eXIf`` chunk from the header, or, when it follows the pixels, after
#: decoding them (the caller decodes them next anyway; a PNG decoded without Pillow uses :func:`tag_of_block`).
_GETEXIF = ("JPEG", "MPO", "WEBP", "PNG")


def exif_orientation(im: Image.Image) -> int | None:
    """The Orientation tag of an opened JPEG, TIFF, PNG or WebP frame (1-8), or None when it has none or a value
    outside the standard's, and for every other format (a HEIF's among them: see the module's docstring). A
    TIFF's frame carries the tag in its own directory (``tag_v2``, current after ``seek``); the others in their
    EXIF block. Anything unreadable there is no tag: the tag only ever helps, so a damaged EXIF block must not
    stop a page that decodes."""
    try:
        if im.format == "TIFF":
            value = im.tag_v2.get(ORIENTATION_TAG)  # type: ignore[attr-defined]
        elif im.format in _GETEXIF:
            value = im.getexif().get(ORIENTATION_TAG)
        else:
            return None
        return _valid(value)
    except (TypeError, ValueError, OSError, SyntaxError, KeyError, IndexError, AttributeError, EOFError):
        return None


def tag_of_block(block: bytes | None) -> int | None:
    """The Orientation tag of a raw EXIF block (a PNG's ``eXIf`` chunk, as :func:`archivist.payload.png_exif`
    finds it), or None; unreadable is none, as in :func:`exif_orientation`."""
    if not block:
        return None
    try:
        exif = Image.Exif()
        exif.load(block)
        return _valid(exif.get(ORIENTATION_TAG))
    except (TypeError, ValueError, OSError, SyntaxError, KeyError, IndexError, AttributeError, EOFError):
        return None


def _valid(value: object) -> int | None:
    if value is None:
        return None
    tag = int(value)  # type: ignore[call-overload]
    return tag if 1 <= tag <= 8 else None


def camera_turn(tag: int | None) -> int | None:
    """The ``orientation`` (clockwise, as stored) a tag names, or None for no tag or a mirrored one."""
    return TURN_OF_TAG.get(tag) if tag is not None else None


def evidence(tag: int, decided: int | None) -> dict:
    """What the record's orientation evidence says about the tag: its value, the turn it names (None for a
    mirrored one), and, when the text decided the page, whether the two agree."""
    out: dict = {"exif_orientation": tag, "orientation": camera_turn(tag)}
    if tag in MIRRORED:
        out["note"] = "mirrored: not used"
    elif decided is not None:
        out["agrees"] = out["orientation"] == decided
    return out


def turned_warning(tag: int) -> str:
    """The warning of a page turned by the tag alone: it is still a page a person should look at."""
    return (f"too little text to tell which way is up: turned as the camera's orientation tag says "
            f"(EXIF {tag}, {VIEW_TURN[tag]})")


def mirrored_warning(tag: int) -> str:
    """Said only when the text could not decide either: the tag that might have helped was not used."""
    return (f"the camera's orientation tag asks for a mirrored picture (EXIF {tag}), which a page never is: "
            "the tag was not used")
