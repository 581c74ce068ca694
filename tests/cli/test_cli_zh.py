"""The command line in zh_CN: help, usage errors and system errors in
Chinese, without English fragments; English stays English."""

from __future__ import annotations

import argparse
import errno
import gettext
import os
import re

import pytest

from erpdesk.cli.demo_command import MAX_CUSTOMERS
from erpdesk.cli.help_i18n import LocalizedParser, to_braces, to_percent, width, wrap
from erpdesk.cli.main import build_parser, main

# ASCII words Chinese help may hold besides the parser's own names: formats,
# programs and file names.
NAMES = {
    "ERPDesk", "ERP", "PDF", "PNG", "CSV", "XLSX", "JSON", "SQLite", "UTF", "GBK", "BOM", "Excel",
    "csv", "xlsx",  # file extensions
    "erpdesk", "db", "bak", "backup", "database", "time", "restore",  # file patterns, commands
}


HAN = re.compile(r"[\u4e00-\u9fff]")


def run(capsys, *argv: str) -> tuple[int, str, str]:
    try:
        code = main(list(argv))
    except SystemExit as stop:  # --help and usage errors end in argparse's exit
        code = int(stop.code or 0)
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def parser_names(parser: argparse.ArgumentParser) -> set[str]:
    """Option names, metavars, choices and sub-command names of *parser*
    and its sub-parsers: what help shows in ASCII by design."""
    names: set[str] = set()
    for action in parser._actions:
        for option in action.option_strings:
            names.update(re.findall(r"[A-Za-z]{2,}", option))
        for value in (action.metavar, action.dest):
            if isinstance(value, str):
                names.update(re.findall(r"[A-Za-z]{2,}", value))
        for choice in action.choices or ():
            names.update(re.findall(r"[A-Za-z]{2,}", str(choice)))
        if isinstance(action, argparse._SubParsersAction):
            for sub in action.choices.values():
                names |= parser_names(sub)
    return names


def stray_english(text: str, parser: argparse.ArgumentParser) -> set[str]:
    """The ASCII words of *text* after its usage block that are neither the
    parser's names nor the few names of formats."""
    body = text.split("\n\n", 1)[1]
    words = set(re.findall(r"[A-Za-z]{2,}", body))
    return words - parser_names(parser) - NAMES


@pytest.mark.parametrize("argv", [[], ["db"], ["db", "backup"], ["export", "customers"]])
def test_chinese_help_has_no_english_words(capsys, argv):
    code, out, _ = run(capsys, "--lang", "zh_CN", *argv, "--help")
    assert code == 0
    assert out.startswith("用法：erpdesk")
    assert "选项：" in out and "显示本帮助信息并退出" in out
    assert stray_english(out, build_parser()) == set(), out


def test_chinese_help_lines_fit_the_terminal(capsys, monkeypatch):
    monkeypatch.setenv("COLUMNS", "80")
    _, out, _ = run(capsys, "--lang", "zh_CN", "import", "customers", "--help")
    long_lines = [line for line in out.splitlines() if width(line) > 80 and "{" not in line]
    assert long_lines == []
    assert not any(line.lstrip().startswith(("，", "。", "）")) for line in out.splitlines())


def test_english_help_stays_english(capsys):
    code, out, _ = run(capsys, "--lang", "en", "db", "--help")
    assert code == 0
    assert out.startswith("usage: erpdesk db")
    assert "show this help message and exit" in out
    assert "upgrade" in out and "用法" not in out


def test_help_made_of_values_is_translated_around_them(capsys):
    _, out, _ = run(capsys, "--lang", "zh_CN", "demo", "--help")
    assert f"要添加的客户数量（1 至 {MAX_CUSTOMERS:,}）" in out
    _, out, _ = run(capsys, "--lang", "zh_CN", "proposal", "set", "--help")
    assert "修改并保存 TARGET 的建议书。效益数据项：" in out
    assert "inventory_value" in out  # the figures' codes, as they are typed


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        (["--lang", "zh_CN", "db"], "erpdesk db：错误：缺少必需的参数：ACTION"),
        (["db", "--lang=zh_CN", "backup", "--bogus"], "erpdesk：错误：无法识别的参数：--bogus"),
        (["--lang", "zh_CN", "--view", "nope"], "参数 --view：无效的选项：'nope'（可选："),
        (["--lang", "zh_CN", "demo", "--customers", "x"], "参数 --customers：无效的值（int）：'x'"),
        (["--lang", "zh_CN", "--db"], "参数 --db：需要一个值"),
    ],
)
def test_usage_errors_are_chinese(capsys, argv, expected):
    code, _, err = run(capsys, *argv)
    assert code == 2
    assert err.startswith("用法：")
    assert expected in err
    assert not re.search(r"error|required|invalid|argument", err)


def test_usage_errors_stay_english_in_english(capsys):
    code, _, err = run(capsys, "--lang", "en", "db")
    assert code == 2
    assert "erpdesk db: error: the following arguments are required: ACTION" in err


def test_argparse_is_left_as_it_was():
    """Other parsers of the process keep argparse's own texts."""
    with pytest.raises(SystemExit):
        main(["--lang", "zh_CN", "db"])
    assert vars(argparse)["_"] is gettext.gettext
    plain = argparse.ArgumentParser(prog="x")
    assert "usage: x" in plain.format_usage()


def test_a_write_into_a_folder_that_is_a_file_is_explained(capsys, tmp_path):
    db = tmp_path / "desk.db"
    assert run(capsys, "demo", "--customers", "3", "--db", str(db), "--lang", "en")[0] == 0
    a_file = tmp_path / "report.txt"
    a_file.write_text("x")
    code, _, err = run(capsys, "export", "customers", str(a_file / "x.csv"),
                       "--db", str(db), "--lang", "zh_CN")
    assert code != 0
    assert f"无法写入 {a_file / 'x.csv'}（" in err
    assert not re.search(r"No such|Not a directory|Errno", err)
    code, _, err = run(capsys, "--verbose", "export", "customers", str(a_file / "x.csv"),
                       "--db", str(db), "--lang", "zh_CN")
    assert re.search(r"erpdesk: 系统原始信息：\w+Error: \[Errno \d+\]", err)  # the original


@pytest.mark.skipif(os.geteuid() == 0, reason="root ignores file permissions")
def test_a_write_into_a_read_only_folder_is_explained(capsys, tmp_path):
    db = tmp_path / "desk.db"
    assert run(capsys, "demo", "--customers", "3", "--db", str(db), "--lang", "en")[0] == 0
    folder = tmp_path / "locked"
    folder.mkdir()
    folder.chmod(0o555)
    try:
        code, _, err = run(capsys, "--verbose", "export", "customers", str(folder / "x.csv"),
                           "--db", str(db), "--lang", "zh_CN")
    finally:
        folder.chmod(0o755)
    assert code != 0
    message = next(line for line in err.splitlines() if "无法写入" in line)
    assert "没有访问权限" in message and "Permission denied" not in message
    assert "Permission denied" in err  # --verbose: the system's own words on their own line


def test_a_write_refused_by_permissions_is_explained(capsys, tmp_path, monkeypatch):
    """What a read-only folder does, where the test cannot make one (root):
    the file system refuses the write with EACCES."""
    from erpdesk.services import exporter

    db = tmp_path / "desk.db"
    assert run(capsys, "demo", "--customers", "3", "--db", str(db), "--lang", "en")[0] == 0

    def refused(path, rows):
        raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(path))

    monkeypatch.setattr(exporter, "_write_csv", refused)
    target = tmp_path / "out.csv"
    code, _, err = run(capsys, "export", "customers", str(target), "--db", str(db),
                       "--lang", "zh_CN")
    assert code != 0
    assert err.strip() == f"erpdesk: 无法写入 {target}（没有访问权限）"
    code, _, err = run(capsys, "--verbose", "export", "customers", str(target), "--db", str(db),
                       "--lang", "zh_CN")
    assert "erpdesk: 系统原始信息：PermissionError: [Errno 13] Permission denied" in err
    assert not target.exists() and list(tmp_path.glob(".out.csv.*")) == []


def test_reading_a_folder_as_a_file_is_explained(capsys, tmp_path):
    code, _, err = run(capsys, "import", "customers", str(tmp_path),
                       "--db", str(tmp_path / "desk.db"), "--lang", "zh_CN")
    assert code != 0
    assert f"无法读取文件 {tmp_path}（这是一个文件夹，不是文件）" in err
    assert "Is a directory" not in err


def test_placeholders_go_to_braces_and_back():
    source, specs = to_braces("invalid choice: %(value)r (choose from %(choices)s)")
    assert source == "invalid choice: {value} (choose from {choices})"
    assert to_percent("无效：{value}（{choices}）100%", specs) == (
        "无效：%(value)r（%(choices)s）100%%"
    )
    source, specs = to_braces("unrecognized arguments: %s")
    assert source == "unrecognized arguments: {0}" and to_percent("{0}", specs) == "%s"


def test_wrap_breaks_between_chinese_characters_by_columns():
    text = "从带表头的 CSV（UTF-8 或 GBK）文件导入客户，表头可为中文或英文，默认不写入。"
    lines = wrap(text, 20)
    assert len(lines) > 2
    assert all(width(line) <= 20 for line in lines)
    assert "".join(lines).replace(" ", "") == text.replace(" ", "")
    assert not any(line.startswith(("，", "。", "）")) for line in lines)
    assert wrap("plain english words", 11) == ["plain", "english", "words"]


def test_every_parser_of_the_command_line_is_localized():
    parser = build_parser()
    assert isinstance(parser, LocalizedParser)

    def all_parsers(p: argparse.ArgumentParser) -> list[argparse.ArgumentParser]:
        found = [p]
        for action in p._actions:
            if isinstance(action, argparse._SubParsersAction):
                for sub in action.choices.values():
                    found += all_parsers(sub)
        return found

    parsers = all_parsers(parser)
    assert all(isinstance(p, LocalizedParser) for p in parsers)
    assert len(parsers) > 30
    parser.speak("zh_CN")
    untranslated = []
    for each in parsers:
        each.format_help()  # localizes it
        texts = [each.description] + [a.help for a in each._actions]
        texts += [c.help for a in each._actions if isinstance(a, argparse._SubParsersAction)
                  for c in a._choices_actions]
        untranslated += [t for t in texts if t and t != argparse.SUPPRESS and not HAN.search(t)]
    assert untranslated == []
