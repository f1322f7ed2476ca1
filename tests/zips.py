"""Build real zip archives for the archive tests: GBK-named members without the UTF-8 flag
(as Chinese Windows writes them), hostile names, bombs, password-protected members."""
from __future__ import annotations

import io
import shutil
import subprocess
import zipfile
from pathlib import Path


def make_zip(path: Path, members: dict[str, bytes | str], *, gbk_names: bool = False,
             compression: int = zipfile.ZIP_DEFLATED) -> Path:
    """A zip of `members` (name → content). With `gbk_names`, non-ASCII names are stored as GBK
    bytes with no UTF-8 flag: written under ASCII stand-ins of the same length, then patched."""
    buf = io.BytesIO()
    patches: list[tuple[bytes, bytes]] = []
    with zipfile.ZipFile(buf, "w", compression) as z:
        for i, (name, content) in enumerate(members.items()):
            data = content.encode("utf-8") if isinstance(content, str) else content
            if gbk_names and not name.isascii():
                raw = name.encode("gbk")
                stand_in = f"~{i:03d}".ljust(len(raw), "_").encode()
                assert len(stand_in) == len(raw)
                patches.append((stand_in, raw))
                name = stand_in.decode()
            info = zipfile.ZipInfo(name, (2024, 1, 2, 3, 4, 5))
            info.compress_type = compression
            z.writestr(info, data)
    out = buf.getvalue()
    for stand_in, raw in patches:
        assert out.count(stand_in) == 2  # the local header and the central directory
        out = out.replace(stand_in, raw)
    path.write_bytes(out)
    return path


def encrypted_zip(path: Path, members: dict[str, str], password: str = "secret") -> Path:
    """A zip whose members are really password-protected (Info-ZIP `zip -P`, ZipCrypto)."""
    if not shutil.which("zip"):
        raise FileNotFoundError("zip missing: install it (scripts/system-deps.sh)")
    src = path.parent / f"{path.stem}-src"
    src.mkdir()
    for name, text in members.items():
        (src / name).write_text(text, encoding="utf-8")
    subprocess.run(["zip", "-q", "-P", password, str(path.resolve()), *members], cwd=src, check=True)
    shutil.rmtree(src)
    return path
