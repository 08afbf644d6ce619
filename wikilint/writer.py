"""Writing fixed files atomically, in the encoding they were read in."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

_BOM = "\ufeff"


def write_atomic(path: str | Path, text: str, bom: bool = False, encoding: str = "utf-8") -> None:
    """Replace *path* with *text* in *encoding* (with a BOM if it had one) in one step.

    The text goes to a temporary file in the same folder, is flushed to disk, takes
    the original's permissions, and is renamed over the original: readers see the
    old file or the new one, never a half-written one.
    """
    target = Path(path)
    data = ((_BOM if bom else "") + text).encode(encoding)
    handle, temporary = tempfile.mkstemp(
        dir=target.parent, prefix=f".{target.name}.", suffix=".tmp"
    )
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temporary, target.stat().st_mode & 0o7777)
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
