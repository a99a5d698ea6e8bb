"""Reading sources: formats, encodings, metadata, and one test per kind of bad input."""

from __future__ import annotations

import json
import socket
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from compare.models import (
    BinarySource,
    CompareError,
    DuplicateSourceId,
    EmptySource,
    MalformedCorpus,
    NoSources,
    NotARegularFile,
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


def test_folder_link_back_to_a_parent_does_not_loop(tmp_path):
    write(tmp_path / "a.txt", ARTICLE)
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "up").symlink_to(tmp_path, target_is_directory=True)
    assert [s.id for s in load_sources([tmp_path], Settings())] == ["a"]


def test_html_extensions_in_any_case(tmp_path):
    page = (FIXTURES / "harbour_gazette.html").read_bytes()
    write(tmp_path / "one.HTM", page)
    write(tmp_path / "two.Html", page.replace(b"Rotterdam dock workers accept", b"Dock workers in Rotterdam accept"))
    sources = load_sources([tmp_path], Settings())
    assert [s.id for s in sources] == ["one", "two"]
    assert all(s.outlet == "The Harbour Gazette" for s in sources)


def test_single_source_is_not_an_error(tmp_path):
    path = write(tmp_path / "only.txt", ARTICLE)
    (source,) = load_sources([path], Settings())
    assert source.id == "only" and source.text == ARTICLE


def test_missing_path(tmp_path):
    missing = tmp_path / "nope.txt"
    with pytest.raises(SourceNotFound, match=r"nope\.txt does not exist; check the path"):
        load_sources([missing], Settings())


def _unlistable(monkeypatch, folder: Path) -> None:
    """Listing `folder` fails as it does for a folder without read permission (tests may run as root, for whom
    chmod 000 changes nothing)."""
    import os

    listing = os.scandir

    def scandir(path="."):
        if os.path.abspath(path) == str(folder):
            raise PermissionError(13, "Permission denied", os.fspath(path))
        return listing(path)

    monkeypatch.setattr(os, "scandir", scandir)


def test_a_folder_inside_an_input_folder_that_cannot_be_listed_is_an_error_not_silence(tmp_path, monkeypatch):
    write(tmp_path / "in" / "a.txt", ARTICLE)
    write(tmp_path / "in" / "closed" / "b.txt", ARTICLE)
    _unlistable(monkeypatch, tmp_path / "in" / "closed")
    with pytest.raises(SourceNotFound, match=r"in/closed cannot be read \(Permission denied\); check its permissions"):
        load_sources([tmp_path / "in"], Settings())
    sources, warnings = load_sources_with_warnings([tmp_path / "in"], Settings(skip_invalid=True))
    assert [s.id for s in sources] == ["a"]
    assert len(warnings) == 1 and warnings[0].startswith("skipped: ") and "in/closed cannot be read" in warnings[0]


def _fifo(path: Path, data: bytes):
    """A named pipe at `path` that a thread fills with `data`, as `<(command)` in a shell gives."""
    import os
    import threading

    os.mkfifo(path)

    def feed() -> None:
        try:
            with open(path, "wb") as pipe:
                pipe.write(data)
        except BrokenPipeError:  # the reader stopped at its limit
            pass

    thread = threading.Thread(target=feed, daemon=True)
    thread.start()
    return thread


def test_a_named_pipe_given_by_name_is_read_like_a_file(tmp_path):
    feeding = _fifo(tmp_path / "piped", ARTICLE.encode("utf-8"))
    (source,) = load_sources([tmp_path / "piped"], Settings())
    feeding.join(timeout=10)
    assert source.text == ARTICLE and source.id == "piped"


def test_a_named_pipe_longer_than_the_limit_is_refused_without_reading_it_all(tmp_path):
    feeding = _fifo(tmp_path / "endless", b"Ministers met. " * 100_000)
    with pytest.raises(SourceTooLarge, match=r"endless is over the 1,000-byte limit"):
        load_sources([tmp_path / "endless"], Settings(max_bytes=1000))
    feeding.join(timeout=10)


@pytest.mark.parametrize("device", ["/dev/zero", "/dev/urandom", "/dev/null"])
def test_a_device_is_refused_before_reading_it(device, tmp_path):
    # /dev/zero would give bytes until the limit, and the message would then advise a larger one
    with pytest.raises(NotARegularFile, match=rf"^{device} is a device, not a file: it holds no article to read; "
                                              r"save the article to a file and pass that"):
        load_sources([device], Settings(max_bytes=10**12))
    (tmp_path / "zero.parquet").symlink_to(device)  # the Parquet reader opens files itself
    with pytest.raises(NotARegularFile, match=r"zero\.parquet is a device, not a file"):
        load_sources([tmp_path / "zero.parquet"], Settings(follow_symlinks=True))


def test_a_limit_far_above_the_memory_reads_small_files_and_standard_input(tmp_path, monkeypatch):
    # read(limit + 1) at once sets aside limit + 1 bytes first: a terabyte for a one-line file
    write(tmp_path / "a.txt", ARTICLE)
    (source,) = load_sources([tmp_path / "a.txt"], Settings(max_bytes=10**15))
    assert source.text == ARTICLE

    class Stdin:
        buffer = __import__("io").BufferedReader(__import__("io").BytesIO(ARTICLE.encode("utf-8")))

    monkeypatch.setattr("sys.stdin", Stdin)
    (source,) = load_sources(["-"], Settings(max_bytes=10**15))
    assert source.text == ARTICLE


def test_a_file_read_in_pieces_is_read_whole_and_no_further_than_the_limit(tmp_path, monkeypatch):
    from compare.sources import reading

    monkeypatch.setattr(reading, "_READ_PIECE", 7)
    write(tmp_path / "a.txt", ARTICLE)
    with open(tmp_path / "a.txt", "rb") as handle:
        assert reading.read_at_most(handle, 10**15) == ARTICLE.encode("utf-8")
    with open(tmp_path / "a.txt", "rb") as handle:
        assert reading.read_at_most(handle, 20, expected=5) == ARTICLE.encode("utf-8")[:20]
    with pytest.raises(SourceTooLarge, match="is over the 30-byte limit"):
        load_sources([tmp_path / "a.txt"], Settings(max_bytes=30))


def test_standard_input_redirected_from_a_device_is_refused(monkeypatch):
    with open("/dev/zero", "rb") as zero:
        monkeypatch.setattr("sys.stdin", type("Stdin", (), {"fileno": zero.fileno, "buffer": zero}))
        with pytest.raises(NotARegularFile, match=r"^standard input is a device, not an article"):
            load_sources(["-"], Settings(max_bytes=10**12))


def test_a_named_pipe_nothing_writes_to_is_refused_after_a_silence_not_waited_on_for_ever(tmp_path, monkeypatch):
    import os
    import time

    from compare.sources import reading

    monkeypatch.setattr(reading, "PIPE_SILENCE_SECONDS", 0.3)
    os.mkfifo(tmp_path / "silent")
    started = time.monotonic()
    with pytest.raises(NotARegularFile, match=r"^nothing was written to the pipe .*silent for 0\.3 s; start the "
                                              r"program that writes it first, or save the article to a file"):
        load_sources([tmp_path / "silent"], Settings())
    assert time.monotonic() - started < 10
    os.mkfifo(tmp_path / "silent.parquet")  # read from its end, so never from a pipe
    with pytest.raises(NotARegularFile, match=r"silent\.parquet is a pipe, and a Parquet file is read from its end"):
        load_sources([tmp_path / "silent.parquet"], Settings())


def test_a_named_pipe_whose_writer_starts_late_is_read_whole(tmp_path):
    import os
    import threading
    import time

    os.mkfifo(tmp_path / "late")

    def feed() -> None:
        time.sleep(0.5)
        with open(tmp_path / "late", "wb") as pipe:
            for line in ARTICLE.splitlines(keepends=True):
                pipe.write(line.encode("utf-8"))
                pipe.flush()
                time.sleep(0.1)

    thread = threading.Thread(target=feed, daemon=True)
    thread.start()
    (source,) = load_sources([tmp_path / "late"], Settings())
    thread.join(timeout=10)
    assert source.text == ARTICLE


def test_a_pipe_inside_a_folder_is_skipped_with_a_warning_not_read(tmp_path):
    import os

    write(tmp_path / "in" / "a.txt", ARTICLE)
    os.mkfifo(tmp_path / "in" / "b.txt")
    sources, warnings = load_sources_with_warnings([tmp_path / "in"], Settings())
    assert [s.id for s in sources] == ["a"]
    assert warnings == (f"skipped: {tmp_path / 'in' / 'b.txt'} is not a file (a pipe, device or socket); save the "
                        "article to a file, or pass the pipe by its own name",)


@pytest.mark.parametrize("target, says", [
    ("gone.txt", r"story\.txt is a link to gone\.txt, which leads to no file; point it at the article"),
    ("story.txt", r"story\.txt is a link to story\.txt, which leads round in a loop; point it at the article"),
])
def test_a_broken_link_given_by_name_says_it_is_a_link(tmp_path, target, says):
    (tmp_path / "story.txt").symlink_to(target)
    with pytest.raises(SourceNotFound, match=says):
        load_sources([tmp_path / "story.txt"], Settings())


def test_a_broken_link_inside_a_folder_is_skipped_with_a_warning(tmp_path):
    write(tmp_path / "a.txt", ARTICLE)
    (tmp_path / "b.txt").symlink_to("gone.txt")
    sources, warnings = load_sources_with_warnings([tmp_path], Settings())
    assert [s.id for s in sources] == ["a"]
    assert warnings == (f"skipped: {tmp_path / 'b.txt'} is a link to gone.txt, which leads to no file; point it "
                        "at the article or remove it",)


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


def test_utf16_without_byte_order_mark_gets_a_hint(tmp_path):
    path = write(tmp_path / "export.txt", "Ministers met in Oslo.".encode("utf-16-le"))
    with pytest.raises(BinarySource, match=r"export\.txt is binary data \(it contains NUL bytes\), not text; if it "
                                           r"is UTF-16 text without a byte-order mark, pass --encoding .*export\.txt=utf-16-le"):
        load_sources([path], Settings())
    (source,) = load_sources([path], Settings(encoding="utf-16-le"))
    assert source.text == "Ministers met in Oslo."


def test_file_over_max_bytes(tmp_path):
    path = write(tmp_path / "big.txt", "word " * 100)
    with pytest.raises(SourceTooLarge, match=r"big\.txt is over the 100-byte limit; pass --max-bytes 1000"):
        load_sources([path], Settings(max_bytes=100))


def test_undecodable_under_forced_encoding(tmp_path):
    path = write(tmp_path / "sjis.txt", "会談は十月に行われた。".encode("shift_jis"))
    with pytest.raises(UndecodableSource, match=r"sjis\.txt is not valid utf-8 \(byte 0x.. at offset 0\); pass"):
        load_sources([path], Settings(encoding="utf-8"))


def test_forced_encoding_that_reads_utf8_bytes_the_same_keeps_the_file_as_text(tmp_path):
    path = write(tmp_path / "plain.txt", "Plain ASCII report.\n")
    (source,) = load_sources([path], Settings(encoding="latin-1"))
    assert source.encoding == "iso8859-1" and source.text_is_file
    accented = write(tmp_path / "accented.txt", "Café talks.\n")
    (source,) = load_sources([accented], Settings(encoding="latin-1"))
    assert source.text == "CafÃ© talks.\n" and not source.text_is_file  # what was asked for, and flagged


def test_unknown_forced_encoding(tmp_path):
    path = write(tmp_path / "a.txt", ARTICLE)
    with pytest.raises(UndecodableSource, match=r"--encoding klingon is not a text encoding"):
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
    write(tmp_path / "in" / "empty.txt", "")
    (tmp_path / "void").mkdir()
    with pytest.raises(NoSources, match=r"in, .*void: no readable source \(2 skipped as invalid\); pass \.txt"):
        load_sources([tmp_path / "in", tmp_path / "void"], Settings(skip_invalid=True))


def test_a_file_given_twice_is_read_once(tmp_path):
    path = write(tmp_path / "a.txt", ARTICLE)
    sources = load_sources([path, tmp_path, str(path)], Settings())
    assert [s.id for s in sources] == ["a"]


# Every format and encoding in the fixture folder -----------------------------------------------------------

FIXTURES = Path(__file__).parent / "fixtures" / "inputs"

# id -> (file, the encoding the file was written in, text_is_file, title, published, outlet, url, a snippet of
# the text). For files the text is checked exactly: bytes decoded with the encoding they were written in.
EXPECTED = {
    "lisbon_ministers": ("lisbon_ministers.txt", "utf-8", True, None, None, None, None, "LISBON — Portugal"),
    "osaka_port_talks": ("osaka_port_talks.md", "utf-8", True, None, None, None, None, "- Both sides"),
    "busan_ferry_bom": ("busan_ferry_bom.txt", "utf-8-sig", False, None, None, None, None, "OSAKA — The"),
    "rotterdam_utf16": ("rotterdam_utf16.txt", "utf-16", False, None, None, None, None, "Rotterdam’s harbour"),
    "yokohama_sjis": ("yokohama_sjis.txt", "shift_jis", False, None, None, None, None, "【横浜】日米両政府"),
    "yokohama_eucjp": ("yokohama_eucjp.txt", "euc_jp", False, None, None, None, None, "宇宙・サイバー分野"),
    "lisbon_ministers_cp1252": (
        "lisbon_ministers_cp1252.txt", "cp1252", False, None, None, None, None, "By Rui Conceição — 4 March",
    ),
}


def test_fixture_folder_loads_every_source_once():
    sources, warnings = load_sources_with_warnings([FIXTURES], Settings())
    assert warnings == ()
    assert [s.id for s in sources] == sorted(
        [*EXPECTED, "harbour_gazette", "kohoku_shimpo_sjis", "civic_post", "aps_wire", "coastal-daily-0305",
         "ferry-weekly-0619", "port-bulletin-0510", "gazette-archive-118", "gazette-archive-119"]
    )


@pytest.mark.parametrize("source_id", sorted(EXPECTED))
def test_fixture_text_file_decodes_exactly(source_id):
    file, written_in, is_file, *_metadata, snippet = EXPECTED[source_id]
    by_id = {s.id: s for s in load_sources([FIXTURES], Settings())}
    source = by_id[source_id]
    raw = (FIXTURES / file).read_bytes()
    assert source.text == raw.decode(written_in)
    assert snippet in source.text
    assert "\ufeff" not in source.text
    assert source.text_is_file is is_file
    assert source.path == str(FIXTURES / file)
    assert (source.title, source.published, source.outlet, source.url) == (None, None, None, None)


def test_detected_encodings_are_recorded():
    by_id = {s.id: s for s in load_sources([FIXTURES], Settings())}
    # the detector names the superset codecs Windows uses; both read these files identically
    assert by_id["yokohama_sjis"].encoding in {"shift_jis", "cp932"}
    assert by_id["yokohama_eucjp"].encoding in {"euc_jp", "euc_jis_2004"}
    assert by_id["lisbon_ministers_cp1252"].encoding == "cp1252"
    assert by_id["rotterdam_utf16"].encoding == "utf-16"
    assert by_id["busan_ferry_bom"].encoding == "utf-8-sig"


@pytest.mark.parametrize(
    ("text", "encoding"),
    [
        # short texts the detector alone ranks wrongly (EUC-JP as Korean CP949, CP1252 as CP1250/CP775)
        ("十分。日本側は安全保障環境の厳しさを強調", "euc_jp"),
        ("となった。会談後の共同記者会見は見送られ", "euc_jp"),
        ("de minister, Ana Ferreira, and Japan’s Kenji Mori agreed in ", "cp1252"),
        ("n shipping corridor” between their ports — a plan first floa", "cp1252"),
        # and the tie-breaks do not pull other scripts away from their own code pages
        ("会談は約四十分間行われ、日本側は「地域の安全保障環境はかつてなく厳しい」と述べた。", "shift_jis"),
        ("장관들은 화요일 서울에서 만나 에너지 협력에 합의했다.", "cp949"),
        ("部长们周二在北京会晤，同意加强能源合作。", "gb18030"),
        ("部長們週二在台北會晤，同意加強能源合作。", "big5"),
        ("Министры встретились в Москве во вторник.", "cp1251"),
        ("Příliš žluťoučký kůň úpěl ďábelské ódy.", "cp1250"),
        ("Die Minister trafen sich in München. „Wir sind uns einig“, sagte der Außenminister.", "cp1252"),
    ],
)
def test_detection_of_short_texts(tmp_path, text, encoding):
    path = write(tmp_path / "short.txt", text.encode(encoding))
    (source,) = load_sources([path], Settings())
    assert source.text == text


def test_forced_encoding_reads_a_file_detection_would_not_be_asked_about(tmp_path):
    text = "Minist\u0159i se setkali v Praze v \u00fater\u00fd.\n"  # Czech, Windows-1250
    path = write(tmp_path / "praha.txt", text.encode("cp1250"))
    (source,) = load_sources([path], Settings(encoding="cp1250"))
    assert source.text == text and source.encoding == "cp1250" and not source.text_is_file


def test_html_page_is_extracted_with_its_metadata():
    (source,) = load_sources([FIXTURES / "harbour_gazette.html"], Settings())
    assert source.id == "harbour_gazette"
    assert source.title == "Rotterdam dock workers accept pay offer"
    assert source.published == "2025-05-10"
    assert source.outlet == "The Harbour Gazette"
    assert source.url == "https://harbourgazette.example/news/2025/05/rotterdam-pay-deal"
    assert source.text_is_file is False and source.encoding == "utf-8"
    assert "ROTTERDAM — Dock workers at the port of Rotterdam reached a pay agreement" in source.text
    assert "“This is a fair result" in source.text  # entities decoded
    for furniture in ("Subscribe", "Most read", "All rights reserved", "window.analytics", "font-family"):
        assert furniture not in source.text


def test_html_page_in_shift_jis_uses_its_declared_charset():
    (source,) = load_sources([FIXTURES / "kohoku_shimpo_sjis.html"], Settings())
    assert source.encoding == "shift_jis"
    assert source.outlet == "港北新報"
    assert source.published == "2025-11-12"
    assert source.title.startswith("日米防衛相が横浜で会談")
    assert "日米両政府は十二日、横浜市で防衛相会談を行い" in source.text
    assert "トップ" not in source.text and "Copyright" not in source.text


def test_htm_page_declared_latin1_is_read_as_windows_1252_with_json_ld_metadata():
    (source,) = load_sources([FIXTURES / "civic_post.htm"], Settings())
    assert source.encoding == "cp1252"  # WHATWG: an iso-8859-1 label means Windows-1252
    assert "Rotterdam’s harbour authority and the dock workers’ unions agreed" in source.text
    assert "“Nobody wanted the ships to wait,” said a spokesperson" in source.text
    assert (source.title, source.published, source.outlet) == (
        "Pay deal averts Rotterdam port strike", "2025-05-09", "Civic Post",
    )
    for furniture in ("Share on", "Log in", "comments", "About time too", "Independent local news", "Container cranes"):
        assert furniture not in source.text


def test_page_saved_as_utf8_under_an_old_latin1_declaration_reads_as_utf8(tmp_path):
    page = (FIXTURES / "harbour_gazette.html").read_text(encoding="utf-8")
    page = page.replace('<meta charset="utf-8">', '<meta charset="iso-8859-1">').replace("&mdash;", "—")
    path = write(tmp_path / "page.html", page)
    (source,) = load_sources([path], Settings())
    assert source.encoding == "utf-8"
    assert "ROTTERDAM — Dock workers" in source.text


def test_json_article():
    (source,) = load_sources([FIXTURES / "aps_wire.json"], Settings())
    assert source.id == "aps_wire"
    assert (source.title, source.published, source.outlet) == (
        "Portugal, Japan sign port memorandum in Lisbon", "2025-03-04", "Atlantic Press Service",
    )
    assert source.url == "https://atlanticpress.example/wire/2025-03-04-portugal-japan-ports"
    assert source.text.startswith("LISBON, March 4 (APS) — Portugal and Japan signed")
    assert source.text_is_file is False


def test_jsonl_corpus_rows():
    sources = load_sources([FIXTURES / "news_feed.jsonl"], Settings())
    by_id = {s.id: s for s in sources}
    assert list(by_id) == ["coastal-daily-0305", "ferry-weekly-0619", "port-bulletin-0510"]
    ferry = by_id["ferry-weekly-0619"]
    assert ferry.published == "2025-06-19"  # a timestamp with zone keeps the day it was written on
    assert ferry.title == "Osaka–Busan overnight ferry: a study first"
    assert ferry.url is None
    assert ferry.path == f"{FIXTURES / 'news_feed.jsonl'}:2"
    bulletin = by_id["port-bulletin-0510"]
    assert (bulletin.title, bulletin.published, bulletin.outlet) == (None, None, "Port Bulletin")
    assert bulletin.text.startswith("Rotterdam's port will keep working")


def test_csv_corpus_rows_with_quoted_multiline_text():
    first, second = load_sources([FIXTURES / "gazette_archive.csv"], Settings())
    assert first.id == "gazette-archive-118" and second.id == "gazette-archive-119"
    assert first.text.endswith('"We start in September, in Sines," she said. '
                               "The Japanese side will send 12 port operators this year.")
    assert "\n\n" in first.text
    assert first.url is None  # an empty cell is no value
    assert second.published == "2025-11-12"  # "12 November 2025"
    assert second.path == f"{FIXTURES / 'gazette_archive.csv'}:5"


def test_csv_header_is_case_and_space_insensitive_and_ids_may_be_numbers(tmp_path):
    path = write(tmp_path / "c.csv", " ID ,Text\n7,Ministers met.\n")
    (source,) = load_sources([path], Settings())
    assert (source.id, source.text) == ("7", "Ministers met.")
    rows = write(tmp_path / "r.jsonl", '{"id": 8, "text": "Ministers met."}\n\n')
    (source,) = load_sources([rows], Settings())
    assert source.id == "8"

def test_csv_blank_lines_before_the_header_are_skipped(tmp_path):
    path = write(tmp_path / "export.csv", "\n\r\n  \nid,text\na,One.\n")
    (source,) = load_sources([path], Settings())
    assert (source.id, source.text, source.path.endswith("export.csv:5")) == ("a", "One.", True)


@pytest.mark.parametrize("header, says", [
    ("id,text,Text", r"'text' twice in its header \(fields 2 and 3\)"),
    ("id,title,text, Title ", r"'title' twice in its header \(fields 2 and 4\)"),
])
def test_csv_header_naming_a_column_twice_is_refused_not_half_read(tmp_path, header, says):
    path = write(tmp_path / "export.csv", f"{header}\na,First,Second,Third\n")
    with pytest.raises(MalformedCorpus, match=rf"export\.csv names {says}; rename or remove one"):
        load_sources([path], Settings())


def test_csv_unnamed_columns_may_repeat(tmp_path):
    path = write(tmp_path / "export.csv", "id,text,,\na,One.,,\n")  # trailing separators, as spreadsheets write
    assert [s.text for s in load_sources([path], Settings())] == ["One."]


def test_manifest_naming_a_column_twice_is_refused(tmp_path):
    article = write(tmp_path / "a.txt", ARTICLE)
    manifest = write(tmp_path / "sources.csv", "id,outlet,outlet\na,Daily,Weekly\n")
    says = r"manifest .*sources\.csv names 'outlet' twice in its header \(fields 2 and 3\); rename or remove one"
    with pytest.raises(MalformedCorpus, match=says):
        load_sources([article], Settings(manifest=str(manifest)))



@pytest.mark.parametrize("separator", [";", "\t"])
def test_csv_written_with_semicolons_or_tabs(tmp_path, separator):
    path = write(tmp_path / "export.csv", f'id{separator}outlet{separator}text\r\n'
                                          f'a{separator}Diário{separator}"Ministers met, and agreed."\r\n')
    (source,) = load_sources([path], Settings())
    assert (source.id, source.outlet, source.text) == ("a", "Diário", "Ministers met, and agreed.")


def test_csv_field_longer_than_the_csv_module_default(tmp_path):
    long_text = "The talks went on. " * 10_000  # 190 KB, over the csv module's 128 KB field limit
    path = write(tmp_path / "long.csv", f'id,text\nlong,"{long_text}"\n')
    (source,) = load_sources([path], Settings())
    assert source.text == long_text


def test_jsonl_text_may_hold_unicode_line_separators(tmp_path):
    path = write(tmp_path / "feed.jsonl", '{"id": "a", "text": "One\u2028two\u0085three."}\r\n')
    (source,) = load_sources([path], Settings())
    assert source.text == "One\u2028two\u0085three."


@pytest.mark.parametrize("line_end", ["\n", "\r\n", "\r"])
def test_jsonl_lines_may_end_in_any_line_end_and_errors_name_the_right_line(tmp_path, line_end):
    rows = ['{"id": "a", "text": "One."}', "", '{"id": "b", "text": "Two."}']
    path = write(tmp_path / "feed.jsonl", line_end.join(rows) + line_end)
    assert [s.text for s in load_sources([path], Settings())] == ["One.", "Two."]
    write(path, line_end.join([*rows, '{"id": "c", "text": }']) + line_end)
    with pytest.raises(MalformedCorpus, match=r"feed\.jsonl line 4 is not valid JSON"):
        load_sources([path], Settings())


def test_json_list_is_a_corpus(tmp_path):
    path = write(tmp_path / "list.json", '[{"id": "a", "text": "One."}, {"id": "b", "text": "Two."}]')
    assert [s.id for s in load_sources([path], Settings())] == ["a", "b"]


def test_an_empty_json_list_is_empty_not_silently_nothing(tmp_path):
    # It gave no source and no word: alone, "no readable source; pass .json ..." of a .json file; in a folder, nothing.
    write(tmp_path / "in" / "a.txt", "Ministers met in Oslo.\n")
    write(tmp_path / "in" / "list.json", " [ ]\n")
    with pytest.raises(EmptySource, match=r"list\.json is an empty list; put the articles in it as objects"):
        load_sources([tmp_path / "in"], Settings())
    sources, warnings = load_sources_with_warnings([tmp_path / "in"], Settings(skip_invalid=True))
    assert [s.id for s in sources] == ["a"] and any("list.json is an empty list" in w for w in warnings)


def test_standard_input(monkeypatch):
    class Stdin:
        buffer = __import__("io").BytesIO("Ministers met in Oslo.\n".encode("utf-8"))

    monkeypatch.setattr("sys.stdin", Stdin)
    (source,) = load_sources(["-"], Settings())
    assert (source.id, source.path, source.text, source.text_is_file) == (
        "stdin", "-", "Ministers met in Oslo.\n", False,
    )


def test_empty_standard_input(monkeypatch):
    class Stdin:
        buffer = __import__("io").BytesIO(b"\n")

    monkeypatch.setattr("sys.stdin", Stdin)
    with pytest.raises(EmptySource, match=r"^standard input is empty; pipe an article's text into it"):
        load_sources(["-"], Settings())


def test_standard_input_html_page_is_extracted(monkeypatch):
    class Stdin:
        buffer = __import__("io").BytesIO((FIXTURES / "harbour_gazette.html").read_bytes())

    monkeypatch.setattr("sys.stdin", Stdin)
    (source,) = load_sources(["-"], Settings())
    assert source.id == "stdin" and source.outlet == "The Harbour Gazette"
    assert "Subscribe" not in source.text


# Manifest -------------------------------------------------------------------------------------------------


def test_manifest_sets_metadata_by_path_and_by_id(tmp_path):
    write(tmp_path / "a.txt", ARTICLE)
    write(tmp_path / "rows.jsonl", '{"id": "row-1", "text": "Ministers met.", "outlet": "Old name"}\n')
    manifest = write(
        tmp_path / "sources.csv",
        "path,id,outlet,url,published\n"
        "a.txt,,Harbour Daily,https://harbour.example/a,2025-03-04\n"
        ",row-1,New name,,\n"
        ",ghost,Nobody,,\n",
    )
    sources, warnings = load_sources_with_warnings([tmp_path], Settings(manifest=str(manifest)))
    by_id = {s.id: s for s in sources}
    assert list(by_id) == ["a", "row-1"]  # the manifest inside the folder is not read as a corpus
    assert (by_id["a"].outlet, by_id["a"].url, by_id["a"].published) == (
        "Harbour Daily", "https://harbour.example/a", "2025-03-04",
    )
    assert by_id["a"].text == ARTICLE and by_id["a"].text_is_file
    assert (by_id["row-1"].outlet, by_id["row-1"].published) == ("New name", None)
    assert warnings == (f"manifest {manifest} line 4: no source read has the id 'ghost'; check it against "
                        "the files given",)


def test_a_manifest_csv_in_the_folder_is_skipped_with_a_warning_that_says_how_to_apply_it(tmp_path):
    write(tmp_path / "a.txt", ARTICLE)
    manifest = write(tmp_path / "manifest.csv", "id,outlet,published\na,Harbour Daily,2025-03-04\n")
    sources, warnings = load_sources_with_warnings([tmp_path], Settings())
    assert [s.id for s in sources] == ["a"] and sources[0].outlet != "Harbour Daily"
    assert warnings == (f"skipped: {manifest} is taken for a manifest, not articles; pass --manifest {manifest} "
                        "to apply it",)
    # named by --manifest, it is applied and not warned about
    sources, warnings = load_sources_with_warnings([tmp_path], Settings(manifest=str(manifest)))
    assert sources[0].outlet == "Harbour Daily" and warnings == ()


def test_manifest_event_column_sets_each_sources_event_label(tmp_path):
    write(tmp_path / "a.txt", ARTICLE)
    write(tmp_path / "b.txt", ARTICLE.replace("Ministers", "Envoys"))
    write(tmp_path / "c.txt", ARTICLE.replace("Ministers", "Leaders"))
    manifest = write(tmp_path / "sources.csv", "path,event\na.txt,  Harbour   talks \nb.txt,Harbour talks\nc.txt,\n")
    sources, _ = load_sources_with_warnings([tmp_path], Settings(manifest=str(manifest)))
    assert {s.id: s.event_label for s in sources} == {"a": "Harbour talks", "b": "Harbour talks", "c": None}


def test_manifest_quoted_date_with_comma(tmp_path):
    path = write(tmp_path / "a.txt", ARTICLE)
    manifest = write(tmp_path / "m.csv", 'path,published\na.txt,"March 5, 2025"\n')
    (source,) = load_sources([path], Settings(manifest=str(manifest)))
    assert source.published == "2025-03-05"


@pytest.mark.parametrize(("given", "kept"), [
    ("2025-04", "2025-04"), ("2025/04", "2025-04"), ("April 2025", "2025-04"), ("Apr. 2025", "2025-04"),
    ("2025", "2025"), ("2025-04-12", "2025-04-12"),
])
def test_manifest_month_or_year_is_kept_at_its_precision(tmp_path, given, kept):
    path = write(tmp_path / "a.txt", ARTICLE)
    manifest = write(tmp_path / "m.csv", f'path,published\na.txt,"{given}"\n')
    (source,) = load_sources([path], Settings(manifest=str(manifest)))
    assert source.published == kept


def test_corpus_row_month_is_kept_at_its_precision(tmp_path):
    path = write(tmp_path / "feed.jsonl", '{"id": "a", "text": "One.", "published": "May 2024"}\n')
    (source,) = load_sources([path], Settings())
    assert source.published == "2024-05"


def test_manifest_names_the_line_a_row_starts_on_after_a_multiline_cell(tmp_path):
    path = write(tmp_path / "a.txt", ARTICLE)
    manifest = write(tmp_path / "m.csv", 'path,title,published\na.txt,"Two\nline title",2025-03-04\nb.txt,,never\n')
    with pytest.raises(MalformedCorpus, match=r"m\.csv line 4: published 'never' is not a date"):
        load_sources([path], Settings(manifest=str(manifest)))


def test_manifest_missing(tmp_path):
    path = write(tmp_path / "a.txt", ARTICLE)
    with pytest.raises(SourceNotFound, match=r"manifest .*m\.csv does not exist; check the path given to --manifest"):
        load_sources([path], Settings(manifest=str(tmp_path / "m.csv")))


def test_manifest_that_is_a_folder_or_a_device_says_so_and_one_from_a_pipe_is_read(tmp_path):
    import os

    path = write(tmp_path / "a.txt", ARTICLE)
    with pytest.raises(SourceNotFound, match=r"manifest .* is a folder; pass --manifest the CSV file itself"):
        load_sources([path], Settings(manifest=str(tmp_path)))
    with pytest.raises(NotARegularFile, match=r"manifest /dev/zero is a device, a socket or a pipe nothing writes "
                                              r"to; pass --manifest a CSV file"):
        load_sources([path], Settings(manifest="/dev/zero"))
    feeding = _fifo(tmp_path / "m.csv", b"id,outlet\na,Piped Times\n")  # as --manifest <(command) gives
    (source,) = load_sources([path], Settings(manifest=str(tmp_path / "m.csv")))
    feeding.join(timeout=10)
    assert source.outlet == "Piped Times"
    assert not os.path.isfile(tmp_path / "m.csv")


@pytest.mark.parametrize("content, error, says", [
    (b"", EmptySource, r"manifest .*m\.csv is empty; write a header row \(path or id, then the metadata columns\) "
                       r"and a row for each source, or leave out --manifest"),
    (b" \n\n", EmptySource, r"manifest .*m\.csv is empty"),
    (b"%PDF-1.4\n", BinarySource, r"manifest .*m\.csv is a PDF file, not text; pass --manifest a CSV file"),
])
def test_manifest_empty_or_binary_says_what_a_manifest_needs(tmp_path, content, error, says):
    path = write(tmp_path / "a.txt", ARTICLE)
    manifest = write(tmp_path / "m.csv", content)
    with pytest.raises(error, match=says) as raised:
        load_sources([path], Settings(manifest=str(manifest)))
    assert "article" not in str(raised.value)


def test_manifest_without_path_or_id_column(tmp_path):
    path = write(tmp_path / "a.txt", ARTICLE)
    manifest = write(tmp_path / "m.csv", "file,outlet\na.txt,X\n")
    with pytest.raises(MalformedCorpus, match=r"m\.csv has neither a 'path' nor an 'id' column \(its header is: "
                                              r"file, outlet\); add one"):
        load_sources([path], Settings(manifest=str(manifest)))


def test_manifest_row_with_too_many_fields(tmp_path):
    path = write(tmp_path / "a.txt", ARTICLE)
    manifest = write(tmp_path / "m.csv", "path,published\na.txt,March 5, 2025\n")
    with pytest.raises(MalformedCorpus, match=r"m\.csv line 2 has 3 fields but the header has 2; quote fields"):
        load_sources([path], Settings(manifest=str(manifest)))


def test_manifest_bad_date(tmp_path):
    path = write(tmp_path / "a.txt", ARTICLE)
    manifest = write(tmp_path / "m.csv", "path,published\na.txt,sometime\n")
    with pytest.raises(MalformedCorpus, match=r"m\.csv line 2: published 'sometime' is not a date; write it as "
                                              r"YYYY-MM-DD \(or YYYY-MM, YYYY for a month or a year\)"):
        load_sources([path], Settings(manifest=str(manifest)))


# Corpus errors --------------------------------------------------------------------------------------------


def test_malformed_json_names_the_line(tmp_path):
    path = write(tmp_path / "bad.json", '{\n  "title": "x",\n  "text": "y"\n  "url": "z"\n}\n')
    with pytest.raises(MalformedCorpus, match=r"bad\.json line 4 is not valid JSON \(Expecting ',' delimiter\); fix"):
        load_sources([path], Settings())


def test_malformed_jsonl_names_the_line(tmp_path):
    path = write(tmp_path / "feed.jsonl", '{"id": "a", "text": "One."}\n\n{"id": "b", "text": "Two.\n')
    with pytest.raises(MalformedCorpus, match=r"feed\.jsonl line 3 is not valid JSON \(Unterminated string"):
        load_sources([path], Settings())


def test_malformed_csv_names_the_line(tmp_path):
    path = write(tmp_path / "export.csv", 'id,text\na,"Fine."\nb,"Never closed\nc,"Fine."\n')
    with pytest.raises(MalformedCorpus, match=r"export\.csv line 3 is not valid CSV \(.*\); check the quotes"):
        load_sources([path], Settings())


def test_csv_row_with_too_many_fields(tmp_path):
    path = write(tmp_path / "export.csv", "id,text\na,Ministers met, and talked.\n")
    with pytest.raises(MalformedCorpus, match=r"export\.csv line 2 has 3 fields but the header has 2; quote"):
        load_sources([path], Settings())


def test_csv_without_text_column(tmp_path):
    path = write(tmp_path / "export.csv", 'id,"body\nof article"\na,Ministers met.\n')
    with pytest.raises(MalformedCorpus, match=r"export\.csv has no 'text' column \(its header is: id, body of "
                                              r"article\); name the column"):
        load_sources([path], Settings())


@pytest.mark.parametrize(
    ("name", "content", "where"),
    [
        ("feed.jsonl", '{"id": "a", "text": "One."}\n{"id": "b", "title": "No text"}\n', r"feed\.jsonl line 2"),
        ("feed.jsonl", '{"id": "a", "text": "   "}\n', r"feed\.jsonl line 1"),
        ("export.csv", 'id,text\na,One.\nb,\n', r"export\.csv line 3"),
        ("one.json", '{"title": "No text"}', r"one\.json"),
    ],
)
def test_corpus_row_without_text(tmp_path, name, content, where):
    path = write(tmp_path / name, content)
    with pytest.raises(MalformedCorpus, match=rf"{where} has no text; put the article's text in its \"text\" field"):
        load_sources([path], Settings())


def test_corpus_row_without_id(tmp_path):
    path = write(tmp_path / "feed.jsonl", '{"text": "One."}\n')
    with pytest.raises(MalformedCorpus, match=r"feed\.jsonl line 1 has no id; give every row a unique \"id\""):
        load_sources([path], Settings())


def test_corpus_field_of_the_wrong_type(tmp_path):
    path = write(tmp_path / "one.json", '{"text": "One.", "published": 2025}')
    with pytest.raises(MalformedCorpus, match=r"one\.json: \"published\" must be text, not int; quote it"):
        load_sources([path], Settings())


@pytest.mark.parametrize("row, says", [
    ('{"id": "a", "text": 2025}', r'line 1: "text" must be text, not int; quote it'),
    ('{"id": "a", "text": ["One.", "Two."]}', r'line 1: "text" must be text, not list; join its parts into one string'),
    ('{"id": 1.5, "text": "One."}', r'line 1: "id" must be text or a whole number, not float; quote it'),
    ('{"id": true, "text": "One."}', r'line 1: "id" must be text or a whole number, not bool; quote it'),
])
def test_corpus_text_or_id_of_the_wrong_type_says_so(tmp_path, row, says):
    path = write(tmp_path / "feed.jsonl", row + "\n")
    with pytest.raises(MalformedCorpus, match=rf"feed\.jsonl {says}"):
        load_sources([path], Settings())


@pytest.mark.parametrize("name, content, says", [
    ("one.json", '{"text": "First version.", "title": "T", "text": "Second version."}',
     r'one\.json gives "text" twice; keep one of the two'),
    ("feed.jsonl", '{"id": "a", "text": "One."}\n{"id": "b", "id": "c", "text": "Two."}\n',
     r'feed\.jsonl line 2 gives "id" twice; keep one of the two'),
])
def test_json_object_giving_a_field_twice_is_refused_not_half_read(tmp_path, name, content, says):
    path = write(tmp_path / name, content)
    with pytest.raises(MalformedCorpus, match=says):
        load_sources([path], Settings())


@pytest.mark.parametrize("name, content, says", [
    ("one.json", '{"text": "Ministers met.", "published": ' + "9" * 5000 + "}",
     r"one\.json holds a number of 5,000 digits, longer than any field of an article; quote it as text or remove it"),
    ("feed.jsonl", '{"id": "a", "text": "One."}\n{"id": -' + "1" * 4400 + ', "text": "Two."}\n',
     r"feed\.jsonl line 2 holds a number of 4,400 digits"),
])
def test_a_json_number_too_long_for_python_is_refused_not_a_crash(tmp_path, name, content, says):
    # int() refuses more than 4,300 digits with a ValueError json.loads lets through
    path = write(tmp_path / name, content)
    with pytest.raises(MalformedCorpus, match=says):
        load_sources([path], Settings())


def test_duplicate_ids_across_corpus_rows(tmp_path):
    path = write(tmp_path / "feed.jsonl", '{"id": "a", "text": "One."}\n{"id": "a", "text": "Two."}\n')
    with pytest.raises(DuplicateSourceId, match=r"feed\.jsonl:2 has the id 'a', as .*feed\.jsonl:1 does"):
        load_sources([path], Settings())


def test_duplicate_ids_in_a_json_list_say_the_file_holds_both(tmp_path):
    # Its items share the file's path: the message said "list.json has the id 'a', as list.json does".
    path = write(tmp_path / "list.json", '[{"id": "a", "text": "One."}, {"id": "a", "text": "Two."}]')
    with pytest.raises(DuplicateSourceId, match=r"list\.json holds two articles with the id 'a'; give each of its"):
        load_sources([path], Settings())


def test_html_without_article_text(tmp_path):
    path = write(tmp_path / "shell.html", "<html><head><title>App</title></head><body><div id=app></div></body></html>")
    with pytest.raises(EmptySource, match=r"shell\.html has no article text that could be extracted; save"):
        load_sources([path], Settings())


@pytest.mark.parametrize("depth, refused", [(250, False), (300, True), (50_000, True)])
def test_a_page_nested_past_the_parser_s_depth_is_refused_not_cut_short(tmp_path, depth, refused):
    # libxml2 stops at 256 levels without an error: the paragraph after the nest vanished without a word
    page = ('<?xml version="1.0" encoding="utf-8"?><html><body><article><p>Ministers met in Oslo on Monday and '
            'agreed to add 12 ferries to the line.</p>' + "<div>" * depth + "x" + "</div>" * depth +
            "<p>The talks lasted three hours and ended with a joint statement.</p></article></body></html>")
    path = write(tmp_path / "deep.html", page)
    if refused:
        with pytest.raises(MalformedCorpus, match=r"deep\.html nests its elements deeper than the HTML parser reads "
                                                  r"\(256 levels\), so what follows would be lost; save the"):
            load_sources([path], Settings())
    else:
        (source,) = load_sources([path], Settings())
        assert "The talks lasted three hours" in source.text


@pytest.mark.parametrize("reference, becomes", [
    ("&#1;", "\ufffd"), ("&#x1F;", "\ufffd"), ("&#xFFFE;", "\ufffd"), ("&#12;", " "), ("&#x0B;", " "),
])
def test_a_character_reference_xml_forbids_does_not_empty_the_page(tmp_path, reference, becomes):
    # The extractor's XML tree cannot hold these characters: one such reference made it find no text at all.
    page = ("<html><body><article><p>Ministers met in Oslo {} on Monday and agreed to add 12 ferries to the line "
            "between the two cities.</p><p>The talks lasted three hours and ended with a joint statement.</p>"
            "</article></body></html>")
    (source,) = load_sources([write(tmp_path / "page.html", page.format(reference))], Settings())
    text = " ".join(source.text.split())
    assert "Ministers met in Oslo " + (f"{becomes} " if becomes.strip() else "") + "on Monday and agreed" in text
    assert "The talks lasted three hours" in text


def test_no_network_while_loading_html(monkeypatch):
    # Imported first: urllib3, under trafilatura, probes IPv6 support at import time by binding a socket to
    # the loopback address (no traffic). The fresh-interpreter test below covers imports.
    import trafilatura  # noqa: F401

    attempts = []

    def refuse(*args, **kwargs):
        attempts.append(args)  # recorded too, in case a caller swallows the error
        raise AssertionError("a network socket was opened")

    monkeypatch.setattr(socket, "socket", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    sources = load_sources([FIXTURES], Settings())
    assert {"harbour_gazette", "kohoku_shimpo_sjis"} <= {s.id for s in sources}
    assert attempts == []


def test_no_network_from_a_fresh_interpreter_including_imports():
    """Connections blocked before anything is imported, so import-time code of the extractor is covered too."""
    program = (
        "import socket\n"
        "attempts = []\n"
        "def refuse(*a, **k):\n"
        "    attempts.append(a)\n"
        "    raise OSError('network blocked')\n"
        "class NoConnect(socket.socket):  # a class, since ssl subclasses socket.socket when imported\n"
        "    connect = connect_ex = sendto = sendmsg = refuse\n"
        "socket.socket = NoConnect\n"
        "socket.create_connection = socket.getaddrinfo = socket.gethostbyname = refuse\n"
        "from compare.models import Settings\n"
        "from compare.sources import load_sources\n"
        f"sources = load_sources([{str(FIXTURES)!r}], Settings())\n"
        "print(attempts, sorted(s.outlet for s in sources if s.outlet and s.path.endswith('.html')))\n"
    )
    result = subprocess.run([sys.executable, "-c", program], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[] ['The Harbour Gazette', '港北新報']"


# Properties -------------------------------------------------------------------------------------------------


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), min_size=1))
def test_any_utf8_text_reads_back_exactly(tmp_path, text):
    assume(text.strip() and not text.startswith("\ufeff"))
    path = write(tmp_path / "random.txt", text)
    (source,) = load_sources([path], Settings())
    assert source.text == text
    assert source.text_is_file and source.encoding == "utf-8"


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    text=st.text(st.characters(blacklist_categories=("Cs",)), min_size=1),
    encoding=st.sampled_from(["utf-8-sig", "utf-16", "utf-32"]),
)
def test_any_text_with_a_byte_order_mark_reads_back_exactly(tmp_path, text, encoding):
    assume(text.strip() and not text.startswith("\ufeff"))
    # UTF-16's little-endian mark followed by a NUL character is UTF-32's mark: truly ambiguous bytes
    assume(not (encoding == "utf-16" and text.startswith("\x00")))
    path = write(tmp_path / "random.txt", text.encode(encoding))
    (source,) = load_sources([path], Settings())
    assert source.text == text and not source.text_is_file


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    data=st.binary(max_size=300) | st.text(max_size=200).map(lambda t: t.encode("utf-8")),
    suffix=st.sampled_from([".txt", ".md", ".json", ".jsonl", ".csv", ".html"]),
)
def test_any_bytes_give_sources_or_a_one_line_error(tmp_path, data, suffix):
    path = write(tmp_path / f"random{suffix}", data)
    try:
        sources = load_sources([path], Settings())
    except CompareError as error:
        assert "\n" not in str(error) and "random" in str(error)
    else:
        assert sources and all(s.text.strip() for s in sources)


@pytest.mark.parametrize(("url", "outlet"), [
    ("https://japannews.yomiuri.co.jp/politics/2024/10/20/x/", "yomiuri.co.jp"),
    ("https://www.reuters.com/world/asia-pacific/x", "reuters.com"),
    ("harbourgazette.example/news/1", "harbourgazette.example"),
])
def test_outlet_from_the_url_host_when_nothing_else_names_it(tmp_path, url, outlet):
    path = write(tmp_path / "a.json", json.dumps({"text": "Ministers met.", "url": url}))
    (source,) = load_sources([path], Settings())
    assert (source.outlet, source.outlet_from) == (outlet, "url")


def test_outlet_from_metadata_wins_over_the_url_and_the_manifest_over_both(tmp_path):
    path = write(tmp_path / "a.json", json.dumps({"text": "Ministers met.", "url": "https://www.x.com/a",
                                                   "outlet": "The X Times"}))
    (source,) = load_sources([path], Settings())
    assert (source.outlet, source.outlet_from) == ("The X Times", "metadata")
    manifest = write(tmp_path / "m.csv", "path,outlet\na.json,X Weekly\n")
    (source,) = load_sources([path], Settings(manifest=str(manifest)))
    assert (source.outlet, source.outlet_from) == ("X Weekly", "manifest")


def test_html_site_name_is_the_outlet_from_metadata():
    (source,) = load_sources([FIXTURES / "harbour_gazette.html"], Settings())
    assert (source.outlet, source.outlet_from) == ("The Harbour Gazette", "metadata")
