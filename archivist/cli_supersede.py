"""``archivist supersede``: say that a later version of a document replaces an earlier one.

A thin layer over archivist/supersede.py, which holds the rules and the writes. Exit codes: 0 recorded
(or already so), 2 refused (one line saying why), 3 the archive cannot be written now.
"""

from __future__ import annotations

from pathlib import Path

import click

from .cli_common import ArchivistCommand, echo_json


@click.command(cls=ArchivistCommand, epilog="""\b
Examples:
  archivist supersede doc-41e011c9135b3841 --by doc-9b1f0c2d7a6e5f43 --archive archive \\
      --person "Nguyễn Thị Lan" --reason "trang 3 quét bổ sung"
  archivist supersede doc-41e011c9135b3841 --undo --archive archive --person "Nguyễn Thị Lan"
  archivist supersede doc-41e011c9135b3841 --by doc-9b1f0c2d7a6e5f43 --archive archive --json
  archivist search "quyet dinh" --archive archive --all-versions   # the replaced version too
""")
@click.argument("old_id", metavar="OLD_ID")
@click.option("--by", "new_id", metavar="NEW_ID",
              help="The later version that replaces OLD_ID, e.g. --by doc-9b1f0c2d7a6e5f43 (the id the batch's "
                   "warning or 'archivist search' shows). Needed unless --undo.")
@click.option("--undo", is_flag=True, help="Make OLD_ID current again; the supersession and its undoing both "
                                           "stay in the records' history.")
@click.option("--archive", "-a", required=True, type=click.Path(file_okay=False, exists=True, path_type=Path),
              help="The archive folder made by 'archivist process', e.g. --archive archive.")
@click.option("--reason", metavar="TEXT", help="Why, kept in both records, e.g. --reason \"trang 3 quét bổ sung\".")
@click.option("--person", metavar="NAME", help="Who decides, kept in both records, e.g. --person \"Nguyễn Thị Lan\".")
@click.option("--json", "as_json", is_flag=True, help="Print what was recorded as JSON (for scripts).")
def supersede(old_id: str, new_id: str | None, undo: bool, archive: Path, reason: str | None, person: str | None,
              as_json: bool) -> None:
    """Record that NEW_ID (--by) replaces OLD_ID, an earlier version of the same document; nothing is deleted.

    Both documents and their PDFs stay in the archive. OLD_ID's record gets superseded_by (NEW_ID,
    when, who, why) and NEW_ID's supersedes, each change kept in the record's history. Searches then
    leave OLD_ID out unless --all-versions; manifests and catalogues still list it, saying which
    version replaces it; its retention does not change. Refused, with the reason: two documents of
    different fonds, a NEW_ID itself replaced, an OLD_ID already replaced by another, a chain that
    would loop.
    """
    from .supersede import SupersedeError
    from .supersede import supersede as record
    from .supersede import undo as restore

    if undo == bool(new_id):
        raise SupersedeError("give either --by NEW_ID (the version that replaces OLD_ID) or --undo, not "
                             + ("both" if undo else "neither"))
    outcome = restore(archive, old_id, person, reason) if undo else record(archive, old_id, new_id, person, reason)
    for w in outcome.warnings:
        click.echo(f"warning: {w}", err=True)
    if as_json:
        echo_json(outcome.to_dict())
    else:
        click.echo(outcome.line())
