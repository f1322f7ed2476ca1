"""LibreOffice headless conversion, bounded: each call has its own user profile in a fresh
temporary folder (parallel conversions never share one), runs in its own process group,
and is killed — the whole group — when it overruns its timeout.

Used to read legacy Word files (extractors/readers/doc.py) and by the tests to make .doc
renderings of the corpus.
"""
from __future__ import annotations

import logging
import os
import shutil
import signal
import subprocess
import tempfile
from pathlib import Path

log = logging.getLogger(__name__)

class ConversionError(Exception):
    """LibreOffice is missing, failed, or ran over its time; the message says which."""


def soffice_binary() -> str | None:
    """The LibreOffice executable on PATH, if any."""
    return shutil.which("soffice") or shutil.which("libreoffice")


def convert(inputs: list[Path], target: str, outdir: Path, timeout: float) -> list[Path]:
    """Convert `inputs` in one LibreOffice call to `target` (an extension, or `ext:filter`)
    into `outdir`; returns the output paths in input order (each must exist). Raises
    ConversionError when LibreOffice is missing, exits with an error, writes no output for an
    input, or runs over `timeout` seconds (its process group is killed then)."""
    exe = soffice_binary()
    if exe is None:
        raise ConversionError("LibreOffice is not installed (apt-get install libreoffice-writer-nogui)")
    ext = target.split(":", 1)[0]
    with tempfile.TemporaryDirectory(prefix="leian-soffice-") as profile:
        cmd = [exe, f"-env:UserInstallation={Path(profile).as_uri()}", "--headless", "--norestore",
               "--convert-to", target, "--outdir", str(outdir), *map(str, inputs)]
        proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True,
                                env={**os.environ, "HOME": profile})
        try:
            _, err = proc.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            _kill_group(proc)
            raise ConversionError(f"LibreOffice conversion timed out after {timeout:g} s") from None
        finally:
            _kill_group(proc)  # a helper process (oosplash, soffice.bin) must not outlive the call
    outputs = [outdir / f"{p.stem}.{ext}" for p in inputs]
    missing = [p for p, out in zip(inputs, outputs) if not out.exists()]
    if proc.returncode != 0 or missing:
        detail = err.decode("utf-8", "replace").strip().splitlines()
        detail = [line for line in detail if "javaldx" not in line]
        raise ConversionError("LibreOffice could not convert it" + (f" ({detail[-1][:200]})" if detail else "")
                              + (f", exit code {proc.returncode}" if proc.returncode else ""))
    return outputs


def _kill_group(proc: subprocess.Popen) -> None:
    """SIGKILL the conversion's process group, if any of it is still running."""
    try:
        os.killpg(proc.pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        return
    proc.wait()
    log.debug("killed LibreOffice process group %d", proc.pid)
