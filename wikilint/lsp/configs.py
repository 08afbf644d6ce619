"""Settings per document path, found as ``wikilint check`` finds them, reloaded on change."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from wikilint.config.files import find_config_file, load_config
from wikilint.config.settings import Resolver, Settings

#: What identifies one content of a configuration file: modification time, size, inode.
Stamp = tuple[int, int, int] | None


def stamp(path: Path | None) -> Stamp:
    """The stamp of a configuration file; ``None`` when there is none, or it is gone."""
    if path is None:
        return None
    try:
        status = os.stat(path)
    except OSError:
        return None
    return status.st_mtime_ns, status.st_size, status.st_ino


class ConfigTracker:
    """A :class:`Resolver` that starts over when a configuration file it loaded changes.

    The nearest configuration file is looked up for every lint, so a file created,
    changed or deleted since takes effect at the next lint, with or without a file
    watcher in the client.
    """

    def __init__(self, new_resolver: Callable[[], Resolver]) -> None:
        self._new_resolver = new_resolver
        self._resolver = new_resolver()
        self._stamps: dict[Path | None, Stamp] = {}

    def settings_for(self, path: str) -> Settings:
        find_config_file.cache_clear()  # a nearer file may have appeared, or this one gone
        config_path = self._resolver.config_path_for(path)
        current = stamp(config_path)
        if self._stamps.get(config_path, current) != current:
            load_config.cache_clear()
            self._resolver = self._new_resolver()
            self._stamps = {}
        self._stamps[config_path] = current
        return self._resolver.for_path(path)
