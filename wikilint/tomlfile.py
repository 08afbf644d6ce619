"""Reading the TOML files wikilint is given (configuration, rule packs), bounded in size.

Every way a file can be unusable (unreadable, too large, not UTF-8, invalid or too deeply
nested TOML) raises a :class:`TomlFileError` whose message is a few words; the caller
names the file.
"""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

#: Configuration files and packs are small; tomllib reads about 1 MB a second, so a larger
#: file (a word list belongs in a pack's ``swap_file``) is refused before it is parsed.
MAX_TOML_BYTES = 1024 * 1024


class TomlFileError(Exception):
    """Why a TOML file cannot be used, in a few words on one line."""


def read_toml(path: Path) -> dict[str, Any]:
    """The document in the TOML file at *path*."""
    try:
        with path.open("rb") as file:
            data = file.read(MAX_TOML_BYTES + 1)
    except OSError as error:
        raise TomlFileError(f"cannot read ({error.strerror or error})") from None
    if len(data) > MAX_TOML_BYTES:
        raise TomlFileError(f"larger than {MAX_TOML_BYTES // 1024} KB")
    try:
        return tomllib.loads(data.decode("utf-8"))
    except RecursionError:  # tomllib recurses into nested arrays and inline tables
        raise TomlFileError("invalid TOML (nesting too deep)") from None
    except (UnicodeDecodeError, ValueError) as error:  # ValueError: also too many digits
        raise TomlFileError(f"invalid TOML ({error})") from None
