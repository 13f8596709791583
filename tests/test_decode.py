import codecs
import unicodedata

import pytest

from pipeline.errors import InputError
from pipeline.normalize.decode import canonical_encoding, decode_bytes, sniff_html_charset

VIETNAMESE = (
    "Ban Dân vận Tỉnh ủy Bình Phước tổ chức hội nghị tổng kết công tác dân vận năm 2023, "
    "triển khai nhiệm vụ năm 2024. Đồng chí Trưởng ban phát biểu chỉ đạo hội nghị; các đại biểu "
    "thảo luận về phong trào thi đua “Dân vận khéo” ở cơ sở, việc xây dựng nông thôn mới và "
    "công tác tôn giáo, dân tộc trên địa bàn huyện Bù Đốp."
)
FRENCH = "Les élèves ont été très contents à Noël; ça leur a plu, même à l'oncle François."


def encode_cp1258(text: str) -> bytes:
    """Windows-1258 bytes: precomposed where the code page has the letter, else base + tone mark."""
    out = bytearray()
    for char in unicodedata.normalize("NFC", text):
        try:
            out += char.encode("cp1258")
            continue
        except UnicodeEncodeError:
            pass
        decomposed = unicodedata.normalize("NFD", char)
        tones = "".join(c for c in decomposed if c in "\u0300\u0301\u0303\u0309\u0323")
        base = unicodedata.normalize("NFC", "".join(c for c in decomposed if c not in tones))
        out += (base + tones).encode("cp1258")
    return bytes(out)


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def html_page(body: str, meta: str = "") -> str:
    return f"<!DOCTYPE html><html><head>{meta}<title>t</title></head><body><p>{body}</p></body></html>"


def test_cp1258_sample_generator_round_trips():
    assert nfc(encode_cp1258(VIETNAMESE).decode("cp1258")) == VIETNAMESE


@pytest.mark.parametrize("bom, codec", [
    (codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"),
])
def test_byte_order_mark_wins_over_a_declaration(bom, codec):
    result = decode_bytes(bom + VIETNAMESE.encode(codec), declared="iso-8859-1")
    assert result.text == VIETNAMESE
    assert result.method == "bom"
    assert not result.text.startswith("\ufeff")


def test_correct_declaration_is_used():
    result = decode_bytes(VIETNAMESE.encode("utf-8"), declared="text/html; charset=UTF-8")
    assert (result.text, result.encoding, result.method, result.warnings) == (VIETNAMESE, "utf-8", "declared", [])
    result = decode_bytes(encode_cp1258(VIETNAMESE), declared="windows-1258")
    assert nfc(result.text) == VIETNAMESE and result.method == "declared"


@pytest.mark.parametrize("label", ["iso-8859-1", "windows-1252", "latin1", "ascii"])
def test_utf8_served_as_single_byte_is_caught(label):
    result = decode_bytes(VIETNAMESE.encode("utf-8"), declared=label)
    assert result.text == VIETNAMESE
    assert result.encoding == "utf-8"
    assert result.method == "detected"
    assert result.doubtful and "does not fit" in result.warnings[0]


def test_windows_1258_served_as_utf8_is_caught():
    result = decode_bytes(encode_cp1258(VIETNAMESE), declared="utf-8")
    assert nfc(result.text) == VIETNAMESE
    assert result.encoding == "cp1258"
    assert result.doubtful


def test_windows_1258_served_as_windows_1252_is_caught():
    result = decode_bytes(encode_cp1258(VIETNAMESE), declared="windows-1252")
    assert nfc(result.text) == VIETNAMESE
    assert result.encoding == "cp1258"


def test_cp1252_text_served_as_utf8_is_caught():
    result = decode_bytes((FRENCH + " ") .encode("cp1252") * 5, declared="utf-8")
    assert result.text.startswith(FRENCH)
    assert result.doubtful


def test_real_cp1252_declaration_is_kept():
    result = decode_bytes(FRENCH.encode("cp1252"), declared="windows-1252")
    assert result.text == FRENCH and result.method == "declared"


def test_html_meta_charset_is_read_when_no_header():
    page = html_page(VIETNAMESE, '<meta http-equiv="Content-Type" content="text/html; charset=windows-1258">')
    result = decode_bytes(encode_cp1258(page), html=True)
    assert nfc(result.text) == page
    assert (result.encoding, result.method, result.declared) == ("cp1258", "meta", "windows-1258")


def test_html_meta_that_lies_is_caught():
    page = html_page(VIETNAMESE, '<meta charset="utf-8">')
    result = decode_bytes(encode_cp1258(page), html=True)
    assert nfc(result.text) == page
    assert result.encoding == "cp1258" and result.method == "detected"


def test_header_beats_meta_but_both_are_checked():
    page = html_page(VIETNAMESE, '<meta charset="windows-1258">')
    result = decode_bytes(page.encode("utf-8"), declared="utf-8", html=True)
    assert result.text == page and result.method == "declared"


@pytest.mark.parametrize("data, encoding", [
    (lambda: VIETNAMESE.encode("utf-8"), "utf-8"),
    (lambda: encode_cp1258(VIETNAMESE), "cp1258"),
    (lambda: b"plain ascii text", "ascii"),
])
def test_detection_without_any_declaration(data, encoding):
    result = decode_bytes(data())
    assert result.encoding == encoding and result.method == "detected"
    assert nfc(result.text) == nfc(data().decode(encoding))


def test_a_few_broken_bytes_in_utf8_are_replaced_not_fatal():
    data = VIETNAMESE.encode("utf-8") * 10
    data = data[:500] + b"\xff" + data[500:]
    result = decode_bytes(data, declared="utf-8")
    assert result.encoding == "utf-8" and result.text.count("\ufffd") == 1
    assert result.doubtful


def test_utf16_without_bom():
    result = decode_bytes(("Hello world, plain text " * 5).encode("utf-16-le"))
    assert result.text.startswith("Hello world") and result.encoding == "utf-16-le"


def test_unknown_declared_label_is_ignored_with_a_warning():
    result = decode_bytes(VIETNAMESE.encode("utf-8"), declared="x-no-such-charset")
    assert result.text == VIETNAMESE
    assert any("unknown" in w for w in result.warnings)


@pytest.mark.parametrize("data", [
    b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj",
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
    b"\xff\xd8\xff\xe0\x00\x10JFIF\x00",
    b"PK\x03\x04\x14\x00\x06\x00",
    bytes(range(256)) * 20,
    b"text\x00\x00\x00\x00with\x00\x00many\x00NULs\x00" * 50,
])
def test_binary_input_raises_a_clear_error(data):
    with pytest.raises(InputError, match="binary input"):
        decode_bytes(data)


def test_empty_input_gives_empty_text():
    result = decode_bytes(b"")
    assert result.text == "" and result.method == "empty"


def test_a_stray_nul_is_dropped_with_a_warning():
    result = decode_bytes(VIETNAMESE.encode("utf-8") + b"\x00" + VIETNAMESE.encode("utf-8"))
    assert result.text == VIETNAMESE * 2
    assert any("NUL" in w for w in result.warnings)


@pytest.mark.parametrize("label, codec", [
    ("text/html; charset=ISO-8859-1", "cp1252"), ("UTF8", "utf-8"), ("windows-1258", "cp1258"),
    ('"utf-8"', "utf-8"), ("nonsense", None), (None, None),
])
def test_canonical_encoding(label, codec):
    assert canonical_encoding(label) == codec


def test_sniff_meta_and_xml_declaration():
    assert sniff_html_charset(b'<html><head><meta charset="windows-1258"></head>') == "windows-1258"
    assert sniff_html_charset(b"<?xml version='1.0' encoding='utf-8'?><html>") == "utf-8"
    assert sniff_html_charset(b"<html><head><title>x</title></head>") is None


def test_legacy_font_bytes_decode_as_windows_1252_with_a_hint():
    from pipeline.normalize import repair_text, unicode_to_legacy

    legacy = unicode_to_legacy(VIETNAMESE.replace("“", '"').replace("”", '"'), "vni")
    result = decode_bytes(legacy.encode("cp1252"))
    assert result.encoding == "cp1252" and result.text == legacy
    assert any("VNI" in w for w in result.warnings)
    assert repair_text(result.text)[0] == VIETNAMESE.replace("“", '"').replace("”", '"')
