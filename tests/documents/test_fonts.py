"""The PDF font: a TrueType CJK font from the project's own files, embedded
(as a subset) in every PDF; reportlab's CID built-ins, which are never
embedded, are refused."""

from __future__ import annotations

import re
import zlib
from pathlib import Path

import pytest
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfgen.canvas import Canvas

from erpdesk.documents import fonts
from erpdesk.documents.fonts import FONT_NAME, FontChoice, FontError, register_fonts


def test_the_bundled_font_is_part_of_the_project_and_licensed():
    assert fonts.DEFAULT_FONT_FILE.is_file()
    assert fonts.DEFAULT_FONT_FILE.stat().st_size < 10 * 1024 * 1024
    assert (fonts.FONTS / "LICENSE-Apache-2.0.txt").is_file()
    assert "Apache" in (fonts.FONTS / "README.md").read_text(encoding="utf-8")


def test_the_font_registers_with_chinese_glyphs():
    name = register_fonts()
    assert name == FONT_NAME
    font = pdfmetrics.getFont(name)
    assert font.face.name == b"WenQuanYiMicroHei"
    assert all(ord(ch) in font.face.charToGlyph for ch in "销售漏斗第页共￥¥，。（）")
    assert register_fonts() == name  # idempotent


def chinese_pdf(path: Path) -> bytes:
    canvas = Canvas(str(path), pageCompression=0)
    canvas.setFont(register_fonts(), 12)
    canvas.drawString(72, 720, "销售漏斗 — 内部资料 第 1 页 / 共 1 页")
    canvas.save()
    return path.read_bytes()


def test_a_pdf_with_chinese_embeds_the_font_as_a_truetype_subset(tmp_path):
    pdf = chinese_pdf(tmp_path / "font.pdf")
    assert b"/FontFile2" in pdf  # an embedded TrueType program
    # a subset: six capital letters, a plus, the font's own name
    assert re.search(rb"/BaseFont /[A-Z]{6}\+WenQuanYiMicroHei", pdf)
    assert b"/ToUnicode" in pdf  # the text can be copied and searched
    assert b"STSong" not in pdf and b"/CIDFontType0" not in pdf  # no CID built-in
    # the embedded program holds a subset, far smaller than the 5 MB font
    lengths = [int(m) for m in re.findall(rb"/Length1 (\d+)", pdf)]
    assert lengths and max(lengths) < 200_000


def test_the_embedded_font_program_is_really_there(tmp_path):
    pdf = chinese_pdf(tmp_path / "font.pdf")
    # the stream referenced by /FontFile2 inflates to a TrueType program
    ref = re.search(rb"/FontFile2 (\d+) 0 R", pdf)
    assert ref
    start = pdf.index(b"\n" + ref.group(1) + b" 0 obj")
    head, _, rest = pdf[start:].partition(b"stream")
    length = int(re.search(rb"/Length (\d+)", head).group(1))
    data = rest.lstrip(b"\r\n")[:length]
    if b"/FlateDecode" in head:
        data = zlib.decompress(data)
    assert b"glyf" in data[:400]  # TrueType outlines, not CFF
    assert data[:4] in (b"\x00\x01\x00\x00", b"true")


@pytest.mark.parametrize("name", ["STSong-Light", "MSung-Light"])
def test_builtin_cid_fonts_are_refused(name, monkeypatch):
    with pytest.raises(FontError, match="CID"):
        fonts.refuse_cid(name)
    monkeypatch.setenv(fonts.FONT_ENV, name)
    with pytest.raises(FontError, match="CID"):
        fonts.font_choice()


def test_a_registered_cid_font_is_refused_by_its_kind():
    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    with pytest.raises(FontError):
        fonts.refuse_cid("STSong-Light")
    fonts.refuse_cid(register_fonts())  # ours passes


def test_a_missing_or_non_truetype_font_is_refused_with_a_clear_message(tmp_path):
    with pytest.raises(FontError, match="does not exist"):
        fonts.load_font(FontChoice(tmp_path / "none.ttf"))
    otf = tmp_path / "cff.otf"
    otf.write_bytes(b"OTTO" + b"\0" * 200)  # an OpenType/CFF header
    with pytest.raises(FontError, match="TrueType"):
        fonts.load_font(FontChoice(otf))


def test_a_font_without_chinese_is_refused():
    latin = Path(__import__("reportlab").__file__).parent / "fonts" / "Vera.ttf"
    if not latin.exists():
        pytest.skip("reportlab ships no Vera.ttf here")
    with pytest.raises(FontError, match="Chinese"):
        fonts.load_font(FontChoice(latin))


def test_a_company_font_is_named_by_path_and_face(monkeypatch):
    monkeypatch.setenv(fonts.FONT_ENV, f"{fonts.DEFAULT_FONT_FILE}#1")
    choice = fonts.font_choice()
    assert choice == FontChoice(fonts.DEFAULT_FONT_FILE, 1)
    assert fonts.load_font(choice).face.name == b"WenQuanYiMicroHeiMono"


def test_the_font_error_reads_in_chinese():
    from erpdesk.documents.texts import translator

    error = FontError(font="x.otf", problem=fonts.PROBLEM_MISSING)
    translate = translator("zh_CN")
    shown = error.render(lambda c, t: translate(c, t))
    assert "x.otf" in shown
    assert "字体" in shown and "不存在" in shown
