"""Zip archives of documents, read member by member in memory.

`open_archive(path, limits)` checks the archive as a whole (a zip at all, not encrypted
throughout, at most `archive_max_members` entries, declared sizes within
`archive_max_mb`) and lists its members: each `Member` has a display name (GBK names of
Chinese Windows zips decoded as such) and, for a member that cannot be taken, the reason
(unsafe name, encrypted, a nested archive, too large, compressed suspiciously well).
`read_member` decompresses one member into memory, counting the bytes as they come, so a
member whose header lies about its size is stopped at the limit too.

Nothing here writes a file, and no member name ever becomes a path: the caller gives a
member's bytes to a reader through a temporary file of its own naming.
"""
from __future__ import annotations

import re
import stat
import unicodedata
import zipfile
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from config.errors import ReadError
from extractors.readers import MAGIC_ZIP, ReadLimits, ReadResult

ARCHIVE_EXTENSIONS = (".zip",)
SEPARATOR = "!"  # archive.zip!member.pdf names a member in the ledger and in messages

_UTF8_FLAG = 0x800
_ENCRYPTED_FLAG = 0x1
_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
_NESTED = (".zip", ".rar", ".7z", ".tar", ".gz", ".tgz", ".bz2", ".xz")
# Leftovers never taken for documents (macOS resource forks, Office lock files, thumbnails).
_JUNK = re.compile(r"(^|/)(__MACOSX/|\.[^/]*$|~\$[^/]*$|Thumbs\.db$|desktop\.ini$)", re.I)


@dataclass(frozen=True)
class Member:
    """One entry of an archive: its name as shown, its name inside the zip, and why it
    cannot be read (empty when it can)."""

    name: str
    zip_name: str
    size: int
    error: str = ""
    junk: bool = False  # an OS or editor leftover: passed over in silence


def is_archive(path: Path, head: bytes = b"") -> bool:
    """A file taken for an archive of documents: a .zip (by extension; a .docx is a zip too)."""
    return path.suffix.lower() in ARCHIVE_EXTENSIONS and (not head or head.startswith((MAGIC_ZIP, b"PK\x05\x06")))


def member_path(archive: str | Path, name: str) -> str:
    """The ledger name of a member: `archive.zip!member.pdf`."""
    return f"{archive}{SEPARATOR}{name}"


def display_name(info: zipfile.ZipInfo) -> str:
    """The member's name as its author wrote it. Names without the UTF-8 flag are CP437 by
    the zip spec, but Chinese Windows writes them in GBK: taken as GBK when that gives CJK
    characters, as UTF-8 when they are valid UTF-8 (tools that omit the flag)."""
    name = info.filename
    if info.flag_bits & _UTF8_FLAG:
        return name
    try:
        raw = name.encode("cp437")
    except UnicodeEncodeError:
        return name
    if raw.isascii():
        return name
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        gbk = raw.decode("gb18030")
    except UnicodeDecodeError:
        return name
    return gbk if _CJK.search(gbk) else name


def unsafe_name(name: str) -> str:
    """Why a member name is refused (path traversal, absolute, device or control characters),
    or "" when it is a plain relative name."""
    if "\x00" in name or any(unicodedata.category(c) == "Cc" for c in name):
        return "unsafe member name (control characters)"
    norm = name.replace("\\", "/")
    if norm.startswith("/") or re.match(r"^[A-Za-z]:", norm):
        return "unsafe member name (absolute path)"
    if ".." in PurePosixPath(norm).parts:
        return "unsafe member name (path traversal: ..)"
    return ""


def _member(info: zipfile.ZipInfo, limits: ReadLimits) -> Member:
    name = display_name(info)
    size = info.file_size

    def refused(reason: str) -> Member:
        return Member(name, info.filename, size, reason)

    if _JUNK.search(name.replace("\\", "/")):
        return Member(name, info.filename, size, junk=True)
    reason = unsafe_name(name)
    if reason:
        return refused(reason)
    if stat.S_ISLNK(info.external_attr >> 16):
        return refused("symbolic link inside the archive, not a document")
    if info.flag_bits & _ENCRYPTED_FLAG:
        return refused("encrypted member (password-protected); unpack it with its password")
    if name.lower().endswith(_NESTED):
        return refused("archive inside the archive: not read (one level only); unpack it first")
    if size > limits.max_bytes:
        return refused(f"too large: {size / 2**20:.1f} MB (limit {limits.max_bytes / 2**20:.0f} MB)")
    if size > 1 << 20 and size > limits.archive_max_ratio * max(info.compress_size, 1):
        return refused(f"zip bomb? compressed {size / max(info.compress_size, 1):.0f} to 1 "
                       f"(limit {limits.archive_max_ratio:g} to 1)")
    return Member(name, info.filename, size)


def open_archive(path: Path, limits: ReadLimits) -> list[Member]:
    """The archive's members (directories left out), or one ReadError for the whole archive:
    not a zip, damaged, too many members, too much once unpacked."""
    try:
        with zipfile.ZipFile(path) as z:
            infos = [i for i in z.infolist() if not i.is_dir()]
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, OSError, ValueError) as exc:
        raise ReadError(path, f"corrupt zip archive: {exc}") from exc
    if len(infos) > limits.archive_max_members:
        raise ReadError(path, f"zip bomb? {len(infos):,} members (limit {limits.archive_max_members:,})")
    total = sum(i.file_size for i in infos)
    if total > limits.archive_max_bytes:
        raise ReadError(path, f"zip bomb? {total / 2**20:,.1f} MB once unpacked "
                              f"(limit {limits.archive_max_bytes / 2**20:,.0f} MB)")
    if not infos:
        raise ReadError(path, "empty zip archive")
    return [_member(i, limits) for i in infos]


def read_member(path: Path, member: Member, limits: ReadLimits) -> bytes:
    """A member's bytes, decompressed in memory and counted as they come: a member whose
    header understates its size is cut off at the limit and refused (ReadError naming
    `archive.zip!member`)."""
    where = member_path(path, member.name)
    cap = min(limits.max_bytes, max(member.size, 0))
    try:
        with zipfile.ZipFile(path) as z, z.open(member.zip_name) as fh:
            chunks, got = [], 0
            while block := fh.read(1 << 20):
                got += len(block)
                if got > cap:
                    raise ReadError(where, f"zip bomb? unpacks beyond its stated {member.size:,} bytes")
                chunks.append(block)
    except ReadError:
        raise
    except RuntimeError as exc:  # zipfile: "File ... is encrypted, password required"
        raise ReadError(where, f"encrypted member (password-protected): {exc}") from exc
    except (zipfile.BadZipFile, EOFError, OSError, ValueError, KeyError, NotImplementedError) as exc:
        raise ReadError(where, f"damaged member: {exc}") from exc
    return b"".join(chunks)


class ArchiveReader:
    """`leian extract` on a zip: the archive holds several documents, so it is not read as
    one; the message points to `leian ingest`, which reads it member by member."""

    name = "zip"
    extensions = ARCHIVE_EXTENSIONS

    def match(self, path: Path, head: bytes) -> bool:
        return is_archive(path, head)

    def read(self, path: Path, limits: ReadLimits) -> ReadResult:
        members = [m for m in open_archive(path, limits) if not m.junk]  # a broken archive says so first
        count = f"{len(members)} member{'s' if len(members) != 1 else ''}"
        raise ReadError(path, f"a zip archive ({count}), not one document: "
                              f"`leian ingest {path}` reads each member (recorded as {path.name}!member)")


READER = ArchiveReader()
