"""Reading inputs: files and standard input, decoded exactly."""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

STDIN = "-"
_BOM = "\ufeff"


class InputError(Exception):
    """An input that cannot be linted; the message is one line naming the path."""


@dataclass(frozen=True, slots=True)
class Source:
    """A decoded input. ``text`` has no BOM; ``bom`` records whether there was one."""

    path: str
    text: str
    bom: bool = False


def decode(data: bytes, path: str) -> Source:
    """Decode UTF-8 (with or without BOM); refuse binary data and invalid UTF-8."""
    if b"\x00" in data[:8192]:
        raise InputError(f"{path}: looks like a binary file (contains NUL bytes)")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise InputError(
            f"{path}: not valid UTF-8 (byte 0x{data[error.start]:02x} at offset {error.start})"
        ) from None
    if text.startswith(_BOM):
        return Source(path, text[1:], bom=True)
    return Source(path, text)


def read_source(path: str) -> Source:
    """Read one input; ``-`` is standard input."""
    if path == STDIN:
        return decode(sys.stdin.buffer.read(), "<stdin>")
    try:
        data = Path(path).read_bytes()
    except FileNotFoundError:
        raise InputError(f"{path}: no such file or directory") from None
    except IsADirectoryError:
        raise InputError(f"{path}: is a directory") from None
    except OSError as error:
        raise InputError(f"{path}: cannot read ({error.strerror or error})") from None
    return decode(data, path)
