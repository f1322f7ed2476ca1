"""Zip archives in an ingest: one `FileItem` per member, named `archive.zip!member.pdf`,
identified by the sha256 of the member's own bytes (so an unchanged member of a re-sent
archive is skipped, and a member identical to a loose file shares its document).

A refused archive (damaged, too many members, too much once unpacked) is one failed item
under the archive's own name; a refused member (unsafe name, encrypted, nested archive,
zip bomb) is one failed item under `archive.zip!member` with the reason; the others are
ingested. Members of a type no reader takes are `skipped`, as in a folder. Member bytes
stay in memory; extraction gives them to the reader as a temporary file named by leian.
"""
from __future__ import annotations

import hashlib
import re
from dataclasses import replace
from pathlib import Path

from config.errors import ReadError
from extractors import EXTRACTOR_VERSION
from extractors.readers import ReadLimits
from extractors.readers.archive import Member, member_path, open_archive, read_member
from pipelines.steps import FileItem, against_ledger, supported_extensions
from search.store import CaseStore


def member_suffix(name: str) -> str:
    """The member's extension, if it is a plain one (letters and digits): readers look at it."""
    suffix = Path(name.replace("\\", "/")).suffix.lower()
    return suffix if re.fullmatch(r"\.[a-z0-9]{1,8}", suffix) else ""


def archive_items(path: Path, store: CaseStore, limits: ReadLimits, *,
                  extensions: frozenset[str] | None = None,
                  extractor_version: str = EXTRACTOR_VERSION) -> list[FileItem]:
    """The archive's members as FileItems with their change status; reads the archive (each
    member once, in memory, to hash it), writes nothing."""
    extensions = supported_extensions() if extensions is None else extensions
    try:
        st = path.stat()
        members = open_archive(path, limits)
    except (ReadError, OSError) as exc:
        reason = exc.reason if isinstance(exc, ReadError) else f"cannot read: {exc.strerror or exc}"
        return [FileItem(str(path), "", 0, 0.0, "retry", error=reason)]
    items = []
    for m in members:
        if m.junk:
            continue
        item = FileItem(member_path(path, m.name), "", m.size, st.st_mtime, "retry",
                        archive=str(path), member=m.zip_name)
        if m.error:
            items.append(replace(item, error=m.error))
            continue
        suffix = member_suffix(m.name)
        if suffix not in extensions:
            items.append(replace(item, change="skipped",
                                 reason=f"not a document type leian reads ({suffix or 'no extension'})"))
            continue
        try:
            digest = hashlib.sha256(read_member(path, m, limits)).hexdigest()
        except ReadError as exc:
            items.append(replace(item, error=exc.reason))
            continue
        items.append(against_ledger(replace(item, sha256=digest), store, named=False,
                                    extractor_version=extractor_version))
    return items


def member_bytes(item: FileItem, limits: ReadLimits) -> bytes:
    """A member's bytes, checked against the sha256 it had when discovered."""
    name = item.path[len(item.archive) + 1:]
    data = read_member(Path(item.archive), Member(name, item.member, item.size), limits)
    if item.sha256 and hashlib.sha256(data).hexdigest() != item.sha256:
        raise ReadError(item.path, "the archive changed while it was being ingested; run again")
    return data
