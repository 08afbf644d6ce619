"""Reading inputs: encodings, BOM, binary files, missing files."""

from __future__ import annotations

from pathlib import Path

import pytest

from wikilint.sources import InputError, decode, read_source


def test_bom_is_stripped_and_recorded() -> None:
    source = decode("\ufeffText\r\n".encode(), "a.wiki")
    assert source.text == "Text\r\n"
    assert source.bom


def test_invalid_utf8_names_path_byte_and_offset() -> None:
    with pytest.raises(InputError, match=r"^a\.wiki: not valid UTF-8 \(byte 0xff at offset 3\)$"):
        decode(b"abc\xffdef", "a.wiki")


def test_binary_data_is_refused() -> None:
    with pytest.raises(InputError, match="binary file"):
        decode(b"\x89PNG\r\n\x1a\n\x00\x00", "image.png")


def test_missing_file_and_directory_are_one_line_errors(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file or directory"):
        read_source(str(tmp_path / "missing.wiki"))
    with pytest.raises(InputError, match="is a directory"):
        read_source(str(tmp_path))
