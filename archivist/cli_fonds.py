"""``archivist init`` and ``archivist fonds list|add|set|drop``: whose archive it is, and its fonds.

Archivist commands (:class:`archivist.cli_common.ArchivistCommand`: a failure is one line, JSON under --json);
archivist.cli registers the ones bound at module level (``init``, ``fonds``: the subcommands are deleted at the
end so that they stay under ``fonds``, as in cli_review).
Exit codes: 0 done, 2 the input must change (an unknown or ambiguous commune, a fonds code taken,
an archive of another commune without --force), 3 the unit lists are not installed. A refusal is
one line (``error: …``), followed by the candidates or closest names when there are some; nothing
is written then.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import NoReturn

import click

from .adminunits import UnitError, load_units
from .cli_common import ArchivistCommand, ArchivistGroup, echo_json, fail, json_option
from .fonds import (
    Fonds,
    FondsError,
    add_fonds,
    check_code,
    drop_fonds,
    fonds_totals,
    load_fonds,
    record_fonds_code,
    update_fonds,
)
from .organisation import InitResult, init_archive, writing
from .plural import plural
from .schemas import RecordInvalid

ARCHIVE = click.option("--archive", "-a", required=True, type=click.Path(file_okay=False, path_type=Path),
                       help="The archive folder, e.g. --archive archive ('archivist init' sets it up).")
DATE = click.DateTime(formats=["%Y-%m-%d"])
DATE_METAVAR = "YYYY-MM-DD"  # Click shows the format itself, [%Y-%m-%d], which reads as code


def _stop(e: Exception, code: int | None = None) -> NoReturn:
    fail([str(e), *getattr(e, "details", [])], code or getattr(e, "exit_code", 2))


def _need_archive(archive: Path) -> None:
    if not (archive / "documents").is_dir() and not (archive / "archive.json").is_file():
        _stop(FondsError(f"{archive} is not an archive (run 'archivist init --archive {archive} --commune …' first)"))


@click.command("init", cls=ArchivistCommand, epilog="""\b
Examples:
  archivist init --archive archive --commune "Yên Bình" --province "Lào Cai"
  archivist init --archive archive --commune 04714
  archivist init --archive archive --commune "xa yen binh, lao cai"
  archivist init --archive old-archive --commune 04714 --force   # another commune: the old one is kept in history
  archivist init --archive archive --commune 04714 --json
""")
@ARCHIVE
@click.option("--commune", "-c", required=True, metavar="NAME|CODE",
              help="The commune, ward or special zone as of 1 July 2025: its name (diacritics and 'Xã'/'Phường' "
                   "optional) or its 5-digit code.")
@click.option("--province", "-p", metavar="NAME|CODE", help="Its province (2025), when the name is not unique.")
@click.option("--identifier", metavar="ID",
              help="The organisation's identifier code (mã định danh), if it has one [default: the code of the "
                   "commune's own fonds, e.g. M04714].")
@click.option("--force", is_flag=True,
              help="Set up an archive that already belongs to another commune: the former organisation is kept in "
                   "archive.json's history and no record or fonds is removed.")
@json_option("the organisation and the fonds")
def init(archive: Path, commune: str, province: str | None, identifier: str | None, force: bool,
         as_json: bool) -> None:
    """Set up an archive for a commune of 2025 and make the fonds of the communes merged into it.

    The commune is looked up in the official 2025 list (Statistics Office, 1027/CTK-CSCL of
    25 June 2025; codes of Decision 19/2025/QĐ-TTg) and the official old-to-new mapping, both from
    the vietnamadminunits package (its version is recorded in archive.json). init writes the
    organisation into ARCHIVE/archive.json and makes one fonds per body in ARCHIVE/fonds/: the
    commune's own open fonds (from 2025-07-01) and one closed fonds per former commune or ward merged
    into it (until 2025-06-30). A former unit only partly merged here is marked 'partial': keep it,
    or remove it with 'archivist fonds drop'. An archive made by an earlier version is set up in
    place: its documents are not touched and nothing is OCR'd again.
    """
    try:
        lists = load_units()
        unit = lists.resolve(commune, province)
        result = init_archive(archive, unit, lists, identifier=identifier, force=force)
    except (UnitError, FondsError, RecordInvalid) as e:
        _stop(e)
    if as_json:
        echo_json({"archive": str(archive), "organisation": result.organisation,
                   "units_source": result.units_source, "unchanged": result.unchanged,
                   "filed": result.filed, "to_review": result.to_review,
                   "created": [f.code for f in result.created], "kept": [f.code for f in result.kept],
                   "fonds": [f.to_dict() for f in result.fonds + result.others]})
        return
    _print_init(result, unit.describe())


def _print_init(r: InitResult, commune: str) -> None:
    src = r.units_source
    click.echo(f"Archive: {r.root}" + (" (new)" if r.new_archive else ""))
    click.echo(f"Organisation: {r.organisation['name']} — {commune}, list {r.organisation['code_list']}")
    click.echo(f"Unit lists: {src['package']} {src['version']} — {src['new_list']}")
    if r.unchanged:
        click.echo("Already set up for this commune: nothing changed (--force re-creates missing fonds).")
    if r.previous:
        click.echo(f"Replaced organisation: {r.previous.get('name')} (kept in archive.json organisation_history)")
    click.echo(f"Fonds ({len(r.fonds)} of this commune" + (f", {len(r.others)} other" if r.others else "") + "):")
    created = {f.code for f in r.created}
    for f in r.fonds + r.others:
        state = "new" if f.code in created else "kept"
        click.echo(f"  [{state}] {f.label()}")
    partial = [f.code for f in r.fonds if f.partial]
    if partial:
        click.echo(f"Partly merged here: {', '.join(partial)} — keep them, or remove one with "
                   f"'archivist fonds drop CODE --archive {r.root}'.")
    if r.filed:
        click.echo(f"Documents already in the archive: {r.filed} filed in their fonds from their own evidence, "
                   f"{r.to_review} of them with an uncertain fonds ('archivist review export'); nothing was OCR'd "
                   "again.")


@click.group("fonds", cls=ArchivistGroup, epilog="""\b
Examples:
  archivist fonds list --archive archive
  archivist fonds add --archive archive --code DU01 --name "Đảng ủy xã Yên Bình" --status open --start 2025-07-01
  archivist fonds set C04756 --archive archive --history "Nhập theo Nghị quyết của UBTVQH năm 2025"
  archivist fonds set C04756 --archive archive --classification "Theo vấn đề, năm" --by "Lan"
  archivist fonds drop C00112 --archive archive
""")
def fonds() -> None:
    """List, add and edit the fonds (phông) of an archive without touching JSON."""


@fonds.command("list", epilog="""\b
Examples:
  archivist fonds list --archive archive
  archivist fonds list --archive archive --json
""")
@ARCHIVE
@click.option("--json", "as_json", is_flag=True,
              help="Print the fonds records as a JSON array, each with its live totals (documents, superseded: "
                   "the replaced versions among them, dossiers, pages, dates).")
def list_cmd(archive: Path, as_json: bool) -> None:
    """List the fonds with their status, dates and the documents that belong to each so far.

    A fonds holding versions a later one replaces ('archivist supersede') says how many, e.g.
    '3 (1 replaced)': 3 documents kept, 2 in force. --json: totals.documents and totals.superseded.
    """
    _need_archive(archive)
    try:
        found = load_fonds(archive)
    except FondsError as e:
        _stop(e)
    counts, unassigned = _live_totals(archive, found)
    if as_json:
        echo_json([{**f.to_dict(), "totals": counts[f.code]} for f in found])
        return
    if not found:
        click.echo(f"No fonds yet: run 'archivist init --archive {archive} --commune NAME|CODE'.")
        return
    _table(found, counts)
    if unassigned:
        click.echo(f"{plural(unassigned, 'document belongs', 'documents belong')} to no fonds yet.")


def _live_totals(archive: Path, found: list[Fonds]) -> tuple[dict[str, dict], int]:
    """Each fonds' totals from the documents that name it now, and how many documents name none."""
    from .manifest import load_records

    records, _ = load_records(archive, check=False)
    by_code: dict[str | None, list[dict]] = {}
    for rec in records:
        by_code.setdefault(record_fonds_code(rec), []).append(rec)
    return {f.code: fonds_totals(by_code.get(f.code, [])) for f in found}, len(by_code.get(None, []))


def _table(found: list[Fonds], counts: dict[str, dict]) -> None:
    """A table on a terminal; one tab-separated line per fonds when piped (like ``archivist search``)."""
    from rich.console import Console
    from rich.table import Table

    rows = []
    for f in found:
        t, unit = counts[f.code], f.unit or {}
        where = ", ".join(x for x in (unit.get("name"), unit.get("district_name"), unit.get("province_name")) if x)
        period = f"{f.start_date or '…'} – {f.end_date or '…'}"
        dates = f"{t['start_date']} – {t['end_date']}" if t["start_date"] else ""
        docs = f"{t['documents']}" + (f" ({t['superseded']} replaced)" if t["superseded"] else "")
        rows.append((f.code, f.status + (" (partial)" if f.partial else ""), period, f.name,
                     where if f.origin == "former_unit" else "", docs, dates))
    if not sys.stdout.isatty():
        for row in rows:
            click.echo("\t".join(row))
        return
    table = Table("code", "status", "period", "name", "former unit", "documents", "dates", title="Fonds (phông)",
                  title_justify="left")
    for row in rows:
        table.add_row(*row)
    Console().print(table)


def _edits(**kw) -> dict:
    """The options given on the command line, as record values (dates as ISO strings)."""
    return {k: (v.date().isoformat() if hasattr(v, "date") else v) for k, v in kw.items() if v is not None}


FIELDS = [
    click.option("--name", help="Tên phông: the body whose records these are, e.g. 'Đảng ủy xã Yên Bình'."),
    click.option("--status", type=click.Choice(["open", "closed"]),
                 help="open: the body still makes records; closed: it ceased (give --end) [default for a new fonds: "
                      "closed with --end, else open]."),
    click.option("--start", "start_date", type=DATE, metavar=DATE_METAVAR,
                 help="When the body began, e.g. --start 2025-07-01."),
    click.option("--end", "end_date", type=DATE, metavar=DATE_METAVAR, help="When it ceased, e.g. --end 2025-06-30."),
    click.option("--history", help="Lịch sử đơn vị hình thành phông, e.g. the resolution that merged it."),
    click.option("--language", help="Language(s) of the records, e.g. 'vi' or 'vi, fr'."),
    click.option("--classification", "classification_scheme",
                 help="Phương án phân loại (classification scheme), e.g. 'Theo vấn đề, năm'."),
    click.option("--backup", "backup_regime",
                 help="Chế độ dự phòng (backup regime), e.g. 'Bản sao lưu trên ổ cứng ngoài, cập nhật hằng quý'."),
    click.option("--notes", help="Ghi chú: free notes on the fonds, e.g. 'Tài liệu 1998-2003 bị ẩm, cần tu bổ'."),
]


def _with_fields(fn):
    for opt in reversed(FIELDS):
        fn = opt(fn)
    return fn


@fonds.command("add", epilog="""\b
Examples:
  archivist fonds add --archive archive --code DU01 --name "Đảng ủy xã Yên Bình" --status open --start 2025-07-01
  archivist fonds add --archive archive --code HT2019 --name "Ủy ban nhân dân xã Hợp Thành" --status closed \\
      --end 2019-12-31 --history "Nhập vào xã Tân Hương năm 2020 (sắp xếp ĐVHC 2019-2021)"
  archivist fonds add --archive archive --code DU01 --name "Đảng ủy xã Yên Bình" --json
""")
@ARCHIVE
@click.option("--code", required=True,
              help="Mã phông: letters, digits, '-', '_' and inner dots, unique in the archive, e.g. --code DU01.")
@_with_fields
@json_option('the fonds added ({"fonds": its record, "path": its file})')
def add(archive: Path, code: str, as_json: bool, **kw) -> None:
    """Add a fonds the merger mapping does not know (a Party committee's, one from an earlier merger)."""
    _need_archive(archive)
    values = _edits(**kw)
    if not values.get("name"):
        _stop(FondsError("a new fonds needs --name"))
    values.setdefault("status", "closed" if values.get("end_date") else "open")
    try:
        f = Fonds(code=check_code(code), origin="added", **values)
        with writing(archive):
            path = add_fonds(archive, f)
    except (FondsError, RecordInvalid) as e:
        _stop(e)
    if as_json:
        echo_json({"fonds": f.to_dict(), "path": str(path)})
        return
    click.echo(f"Added {f.label()}: {path}")


@fonds.command("set", epilog="""\b
Examples:
  archivist fonds set C04756 --archive archive --history "Nhập theo Nghị quyết của UBTVQH năm 2025"
  archivist fonds set "Tân Hương" --archive archive --notes "Tài liệu 1998-2003 bị ẩm, cần tu bổ" --by Lan
  archivist fonds set M04714 --archive archive --code UBND-YB   # only before any document uses it
  archivist fonds set C04756 --archive archive --status closed --end 2025-06-30 --json
""")
@click.argument("fonds_ref", metavar="FONDS")
@ARCHIVE
@click.option("--code", help="A new code, e.g. --code UBND-YB (refused once a document or dossier uses the fonds).")
@_with_fields
@click.option("--by", help="Who makes the change (kept in the fonds' history of changes), e.g. --by Lan.")
@json_option('the fonds as changed ({"fonds": its record, "changed": the fields given})')
def set_cmd(fonds_ref: str, archive: Path, code: str | None, by: str | None, as_json: bool, **kw) -> None:
    """Change a fonds' code, name, history, classification scheme, notes or dates (FONDS: its code or name).

    Every old value is kept in the record's list of changes."""
    _need_archive(archive)
    values = _edits(code=code, **kw)
    if not values:
        _stop(FondsError("nothing to change: give at least one of --code, --name, --history, … (see --help)"))
    try:
        with writing(archive):
            f = update_fonds(archive, fonds_ref, values, by=by)
    except (FondsError, RecordInvalid) as e:
        _stop(e)
    if as_json:
        echo_json({"fonds": f.to_dict(), "changed": sorted(values)})
        return
    click.echo(f"Updated {f.label()}: {', '.join(sorted(values))}")


@fonds.command("drop", epilog="""\b
Examples:
  archivist fonds drop C00112 --archive archive   # a partly merged former unit this archive does not keep
  archivist fonds drop C00112 --archive archive --json
""")
@click.argument("fonds_ref", metavar="FONDS")
@ARCHIVE
@json_option('the fonds removed ({"dropped": its record as it was})')
def drop(fonds_ref: str, archive: Path, as_json: bool) -> None:
    """Remove a fonds no document or dossier belongs to (e.g. a partly merged former unit kept elsewhere)."""
    _need_archive(archive)
    try:
        with writing(archive):
            f = drop_fonds(archive, fonds_ref)
    except FondsError as e:
        _stop(e)
    if as_json:
        echo_json({"dropped": f.to_dict()})
        return
    again = " ('archivist init --force' makes it again)" if f.origin != "added" else ""
    click.echo(f"Dropped {f.label()}{again}.")


# Keep the subcommands reachable only through the group (see the module docstring).
del list_cmd, add, set_cmd, drop
