"""Reading sources: formats, encodings, metadata, and one test per kind of bad input."""

from __future__ import annotations

from pathlib import Path

import pytest

from compare.models import (
    BinarySource,
    DuplicateSourceId,
    EmptySource,
    NoSources,
    Settings,
    SourceNotFound,
    SourceTooLarge,
    UndecodableSource,
)
from compare.sources import load_sources, load_sources_with_warnings

ARTICLE = "Ministers met in Lisbon on Tuesday.\n\nThey agreed to meet again in spring.\n"


def write(path: Path, data: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, str):
        data = data.encode("utf-8")
    path.write_bytes(data)
    return path


def test_plain_text_folder_reads_recursively_sorted_by_id(tmp_path):
    write(tmp_path / "b.txt", ARTICLE)
    write(tmp_path / "sub" / "a.md", "# Heading\r\nBody line.\r\n")
    write(tmp_path / "notes.docx.bak", "not an article")
    write(tmp_path / ".hidden" / "c.txt", "hidden")
    sources = load_sources([tmp_path], Settings())
    assert [s.id for s in sources] == ["a", "b"]
    assert sources[0].text == "# Heading\r\nBody line.\r\n"  # exact: no newline translation
    assert sources[0].path == str(tmp_path / "sub" / "a.md")
    assert all(s.text_is_file and s.encoding == "utf-8" for s in sources)


def test_single_source_is_not_an_error(tmp_path):
    path = write(tmp_path / "only.txt", ARTICLE)
    (source,) = load_sources([path], Settings())
    assert source.id == "only" and source.text == ARTICLE


def test_missing_path(tmp_path):
    missing = tmp_path / "nope.txt"
    with pytest.raises(SourceNotFound, match=r"nope\.txt does not exist; check the path"):
        load_sources([missing], Settings())


def test_folder_without_sources(tmp_path):
    write(tmp_path / "photo.png", b"\x89PNG\r\n\x1a\n....")
    with pytest.raises(NoSources, match=rf"{tmp_path.name} has no readable source; put \.txt"):
        load_sources([tmp_path], Settings())


@pytest.mark.parametrize("content", [b"", b"  \n\t\r\n  "])
def test_empty_file(tmp_path, content):
    path = write(tmp_path / "blank.txt", content)
    with pytest.raises(EmptySource, match=r"blank\.txt is empty; remove it"):
        load_sources([path], Settings())


@pytest.mark.parametrize(
    ("content", "kind"),
    [
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "a PDF file"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "a PNG image"),
        (b"\xff\xd8\xff\xe0\x00\x10JFIF", "a JPEG image"),
        (b"text\x00with\x00nul bytes", "binary data"),
    ],
)
def test_binary_file(tmp_path, content, kind):
    path = write(tmp_path / "scan.txt", content)
    with pytest.raises(BinarySource, match=rf"scan\.txt is {kind}.*, not text; pass the article's text"):
        load_sources([path], Settings())


def test_file_over_max_bytes(tmp_path):
    path = write(tmp_path / "big.txt", "word " * 100)
    with pytest.raises(SourceTooLarge, match=r"big\.txt is over the 100-byte limit; pass --max-bytes 1000"):
        load_sources([path], Settings(max_bytes=100))


def test_undecodable_under_forced_encoding(tmp_path):
    path = write(tmp_path / "sjis.txt", "会談は十月に行われた。".encode("shift_jis"))
    with pytest.raises(UndecodableSource, match=r"sjis\.txt is not valid utf-8 \(byte 0x.. at offset 0\); pass"):
        load_sources([path], Settings(encoding="utf-8"))


def test_unknown_forced_encoding(tmp_path):
    path = write(tmp_path / "a.txt", ARTICLE)
    with pytest.raises(UndecodableSource, match=r"--encoding klingon is not an encoding"):
        load_sources([path], Settings(encoding="klingon"))


def test_duplicate_ids(tmp_path):
    write(tmp_path / "one" / "story.txt", ARTICLE)
    write(tmp_path / "two" / "story.md", ARTICLE)
    with pytest.raises(DuplicateSourceId, match=r"two/story\.md has the id 'story', as .*one/story\.txt does"):
        load_sources([tmp_path], Settings())


def test_skip_invalid_keeps_the_good_files_and_names_the_bad(tmp_path):
    write(tmp_path / "good.txt", ARTICLE)
    write(tmp_path / "empty.txt", "")
    sources, warnings = load_sources_with_warnings([tmp_path, tmp_path / "gone.txt"], Settings(skip_invalid=True))
    assert [s.id for s in sources] == ["good"]
    assert len(warnings) == 2
    assert "gone.txt does not exist" in warnings[0]
    assert "empty.txt is empty" in warnings[1]


def test_skip_invalid_with_nothing_left_still_fails(tmp_path):
    write(tmp_path / "empty.txt", "")
    with pytest.raises(NoSources):
        load_sources([tmp_path], Settings(skip_invalid=True))
