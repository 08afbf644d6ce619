"""Reading inputs: encodings, BOM, binary files, missing files."""

from __future__ import annotations

from pathlib import Path

import pytest

from wikilint.inputs.files import InputError, decode, read_source


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


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be"])
def test_utf16_and_utf32_with_a_bom_are_decoded(encoding: str) -> None:
    source = decode("\ufeffCafé 😀\r\n".encode(encoding), "a.wiki")
    assert (source.text, source.bom, source.encoding) == ("Café 😀\r\n", True, encoding)


def test_utf16_errors_are_named_and_utf16_without_a_bom_is_told() -> None:
    with pytest.raises(InputError, match=r"^a\.wiki: not valid UTF-16 \(byte 0x00 at offset 2\)$"):
        decode(b"\xff\xfe\x00\xdcA\x00", "a.wiki")  # a lone low surrogate
    with pytest.raises(
        InputError,
        match=r"^b\.wiki: looks like UTF-16 \(BE\) without a byte order mark; save it as UTF-8$",
    ):
        decode("Plain text.\n".encode("utf-16-be"), "b.wiki")
    with pytest.raises(InputError, match=r"^c\.wiki: looks like a binary file \(contains NUL"):
        decode("\ufeffA\x00B".encode("utf-16-le"), "c.wiki")


def test_missing_file_and_directory_are_one_line_errors(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file or directory"):
        read_source(str(tmp_path / "missing.wiki"))
    with pytest.raises(InputError, match="is a directory"):
        read_source(str(tmp_path))
