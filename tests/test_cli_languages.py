"""The rrma-groups command in French, Arabic and English: messages, help, and how it chooses."""

from __future__ import annotations

import argparse
import json
import re
from pathlib import Path

import pytest

from builders import group_data
from rrma_groups.cli.app import command_language, environment_language, main
from rrma_groups.cli.parser import ARGPARSE_WORDS
from rrma_groups.i18n.bidi import BIDI_CONTROLS, LRI, PDI, RLM, strip_bidi_controls
from rrma_groups.i18n.catalog import translator
from typeset import typeset


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    try:
        status = main(list(args))
    except SystemExit as exc:  # argparse's own exits (usage, --help)
        status = int(exc.code or 0)
    out, err = capsys.readouterr()
    return status, out, err


def write(tmp_path: Path, data: dict[str, object], name: str = "g.json") -> Path:
    path = tmp_path / name
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def ltr(text: str) -> str:
    return f"{LRI}{text}{PDI}"


def one_error_one_warning() -> dict[str, object]:
    """A group with an unknown affiliation (an error) and an item nobody leads (a warning)."""
    data = group_data()
    data["persons"][0]["affiliation"] = "zz"
    data["meetings"][0]["agenda"][1]["facilitators"] = []
    return data


def one_warning() -> dict[str, object]:
    data = group_data()
    data["meetings"][0]["agenda"][1]["facilitators"] = []
    return data


def unwrapped(text: str) -> str:
    """Help text with argparse's line wrapping undone."""
    return " ".join(text.split())


ERROR_AND_WARNING = {
    "en": [
        "{path}: persons[0].affiliation: no actor has the id 'zz'; known ids: a1, a2, net "
        "[unknown_reference]",
        "{path}: warning: meetings[0].agenda[1].facilitators: 'Débat' has nobody to lead it "
        "[no_facilitator]",
        "{path}: invalid (1 error and 1 warning)",
    ],
    "fr": [
        "{path}: persons[0].affiliation: acteur 'zz' introuvable ; identifiants connus : a1, a2, "
        "net [unknown_reference]",
        "{path}: avertissement : meetings[0].agenda[1].facilitators: 'Débat' n'a personne pour "
        "l'animer [no_facilitator]",
        "{path}: non valide (1 erreur et 1 avertissement)",
    ],
    "ar": [
        f"{RLM}{LRI}{{path}}{PDI}: {ltr('persons[0].affiliation')}: المعرّف 'zz' لا يطابق أي "
        f"فاعل؛ المعرّفات المعروفة: a1، a2، net {ltr('[unknown_reference]')}",
        f"{RLM}{LRI}{{path}}{PDI}: تنبيه: {ltr('meetings[0].agenda[1].facilitators')}: لم "
        f"يُحدَّد أي مؤطر لـ'Débat' {ltr('[no_facilitator]')}",
        f"{RLM}{LRI}{{path}}{PDI}: غير صالح (خطأ واحد وتنبيه واحد)",
    ],
}
# Written with ASCII quotes and spaces; the languages' own marks are put in (see typeset.py).
ERROR_AND_WARNING = {
    lang: [typeset(line, lang) for line in lines] for lang, lines in ERROR_AND_WARNING.items()
}


class TestValidateSpeaksTheLanguage:
    @pytest.mark.parametrize("lang", ["en", "fr", "ar"])
    def test_an_error_and_a_warning(
        self, lang: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """Each problem on its line, translated by its code; the verdict counts both."""
        path = write(tmp_path, one_error_one_warning())
        status, out, err = run(capsys, "validate", "--lang", lang, str(path))
        assert (status, err) == (1, "")
        assert out.splitlines() == [line.format(path=path) for line in ERROR_AND_WARNING[lang]]

    def test_moroccan_arabic_falls_back_to_arabic(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """ar-MA has no words of its own for these messages: they are ar's."""
        path = write(tmp_path, one_error_one_warning())
        expected = [line.format(path=path) for line in ERROR_AND_WARNING["ar"]]
        assert run(capsys, "validate", "--lang", "ar-MA", str(path))[1].splitlines() == expected

    @pytest.mark.parametrize(
        ("lang", "verdict"),
        [
            ("en", "valid (1 warning)"),
            ("fr", "valide (1 avertissement)"),
            ("ar", "صالح (تنبيه واحد)"),
        ],
    )
    def test_quiet_keeps_the_count(
        self, lang: str, verdict: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """--quiet prints the verdict only, in the language, with the warnings counted."""
        path = write(tmp_path, one_warning())
        status, out, _ = run(capsys, "validate", "-q", "-l", lang, str(path))
        assert status == 0
        assert strip_bidi_controls(out) == f"{path}: {verdict}\n"

    @pytest.mark.parametrize(
        ("lang", "errors", "verdict"),
        [
            ("en", 2, "invalid (2 errors)"),
            ("fr", 2, "non valide (2 erreurs)"),
            ("ar", 2, "غير صالح (خطآن)"),
            ("ar", 3, "غير صالح (3 أخطاء)"),
            ("ar", 11, "غير صالح (11 خطأً)"),
        ],
    )
    def test_the_verdict_has_the_plural_of_the_language(
        self,
        lang: str,
        errors: int,
        verdict: str,
        tmp_path: Path,
        capsys: pytest.CaptureFixture[str],
    ) -> None:
        """The count takes the form its number needs: Arabic's dual, few and many."""
        data = group_data()
        for index in range(errors):
            data["persons"].append({"id": f"x{index}", "name": "X", "affiliation": "zz"})
        path = write(tmp_path, data)
        out = run(capsys, "validate", "-l", lang, str(path))[1]
        assert strip_bidi_controls(out.splitlines()[-1]) == f"{path}: {verdict}"

    @pytest.mark.parametrize("lang", ["en", "fr", "ar"])
    def test_codes_and_exit_statuses_do_not_change(
        self, lang: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """Codes are identifiers: [no_facilitator] in every language, and the same statuses."""
        valid = write(tmp_path, one_warning(), "valid.json")
        invalid = write(tmp_path, one_error_one_warning(), "invalid.json")
        assert run(capsys, "validate", "-l", lang, str(valid))[0] == 0
        status, out, _ = run(capsys, "validate", "-l", lang, str(invalid))
        assert status == 1
        assert "[no_facilitator]" in out
        assert "[unknown_reference]" in out
        assert run(capsys, "validate", "-l", lang, str(tmp_path / "nope.json"))[0] == 2


class TestRightToLeft:
    @staticmethod
    def visual(line: str) -> str:
        """The line as a terminal that lays text out shows it, left to right."""
        bidi = pytest.importorskip("bidi")
        shown: str = bidi.get_display(line)  # the direction of its first strong character
        return strip_bidi_controls(shown)

    def test_paths_and_locations_keep_their_order(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """The path reads /tmp/…/g.json, the location meetings[0]…; the path is on the right."""
        path = write(tmp_path, one_warning())
        line = run(capsys, "validate", "-l", "ar", str(path))[1].splitlines()[0]
        shown = self.visual(line)
        assert str(path) in shown
        assert "meetings[0].agenda[1].facilitators" in shown
        assert "[no_facilitator]" in shown
        assert shown.endswith(f"{path}")

    def test_without_isolates_the_path_breaks(self, tmp_path: Path) -> None:
        """Why the isolates: in an Arabic line, a path's first slash goes to its other end."""
        bidi = pytest.importorskip("bidi")
        line = f"{tmp_path}/g.json: صالح"
        shown = strip_bidi_controls(bidi.get_display(line, base_dir="R"))
        assert f"{tmp_path}/g.json" not in shown

    def test_a_line_that_starts_with_a_latin_value_is_still_arabic(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """The RIGHT-TO-LEFT MARK first: the message "'xx' ليس …" does not turn the line LTR."""
        data = group_data()
        data["meetings"][0]["agenda"][1]["kind"] = "xx"
        path = write(tmp_path, data)
        line = run(capsys, "validate", "-l", "ar", str(path))[1].splitlines()[0]
        message = line.split(": ", 2)[2]
        assert message.startswith(typeset("'xx' ", "ar"))
        assert line.startswith(RLM)
        assert self.visual(line).endswith(f"{path}")

    @pytest.mark.parametrize("lang", ["en", "fr"])
    def test_left_to_right_languages_get_no_controls(
        self, lang: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """French and English lines are plain text."""
        path = write(tmp_path, one_error_one_warning())
        out = run(capsys, "validate", "-l", lang, str(path))[1]
        assert not BIDI_CONTROLS & set(out)


class TestLanguageChoice:
    @pytest.mark.parametrize(
        ("environ", "expected"),
        [
            ({}, None),
            ({"LANG": "fr_FR.UTF-8"}, "fr_FR"),
            ({"LANG": "ar_MA.UTF-8"}, "ar_MA"),
            ({"LC_MESSAGES": "ar_EG.UTF-8", "LANG": "fr_FR.UTF-8"}, "ar_EG"),
            ({"LC_ALL": "fr_FR.UTF-8", "LC_MESSAGES": "ar"}, "fr_FR"),
            ({"LC_ALL": "C.UTF-8", "LANG": "fr_FR.UTF-8"}, None),
            ({"LANG": "de_DE.UTF-8"}, None),
            ({"LANG": "en_GB.UTF-8"}, None),
            ({"LANG": "POSIX"}, None),
            ({"LANG": ""}, None),
            ({"RRMA_GROUPS_LANG": "ar", "LANG": "fr_FR.UTF-8"}, "ar"),
            ({"RRMA_GROUPS_LANG": "en", "LANG": "fr_FR.UTF-8"}, None),
            ({"RRMA_GROUPS_LANG": "de", "LANG": "fr_FR.UTF-8"}, "fr_FR"),
            ({"RRMA_GROUPS_LANG": "français", "LANG": "fr_FR.UTF-8"}, "fr_FR"),
        ],
    )
    def test_the_environment(self, environ: dict[str, str], expected: str | None) -> None:
        """RRMA_GROUPS_LANG, else the first of LC_ALL, LC_MESSAGES and LANG set, else English.

        ``None`` is English; a language the command does not speak is English too.
        """
        assert environment_language(environ) == expected

    @pytest.mark.parametrize(
        ("argv", "expected"),
        [
            (["validate", "--lang", "ar", "g.toml"], "ar"),
            (["validate", "--lang=ar", "g.toml"], "ar"),
            (["validate", "-l", "ar", "g.toml"], "ar"),
            (["validate", "-lar", "g.toml"], "ar"),
            (["validate", "-l", "fr", "-l", "ar", "g.toml"], "ar"),
            (["validate", "--lang", "en", "g.toml"], None),
            (["validate", "--lang", "de", "g.toml"], "fr_FR"),
            (["render", "--lang", "zgh"], "fr_FR"),
            (["validate", "--", "--lang", "ar"], "fr_FR"),
            (["validate", "--lang"], "fr_FR"),
            (["validate", "g.toml"], "fr_FR"),
        ],
    )
    def test_the_command_line_comes_first(self, argv: list[str], expected: str | None) -> None:
        """--lang or -l, the last one given, if the command speaks it; else the environment."""
        assert command_language(argv, {"LANG": "fr_FR.UTF-8"}) == expected

    def test_lang_from_the_locale(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """LANG=fr_FR.UTF-8 and no --lang: French."""
        monkeypatch.setenv("LANG", "fr_FR.UTF-8")
        path = write(tmp_path, one_error_one_warning())
        out = run(capsys, "validate", str(path))[1]
        assert out.splitlines() == [line.format(path=path) for line in ERROR_AND_WARNING["fr"]]

    def test_rrma_groups_lang_wins_over_the_locale(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """RRMA_GROUPS_LANG=ar with LANG=fr_FR.UTF-8: Arabic."""
        monkeypatch.setenv("LANG", "fr_FR.UTF-8")
        monkeypatch.setenv("RRMA_GROUPS_LANG", "ar")
        path = write(tmp_path, one_error_one_warning())
        out = run(capsys, "validate", str(path))[1]
        assert out.splitlines() == [line.format(path=path) for line in ERROR_AND_WARNING["ar"]]

    def test_lang_wins_over_the_environment(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """--lang en in a French environment: English."""
        monkeypatch.setenv("RRMA_GROUPS_LANG", "fr")
        path = write(tmp_path, one_error_one_warning())
        out = run(capsys, "validate", "--lang", "en", str(path))[1]
        assert out.splitlines() == [line.format(path=path) for line in ERROR_AND_WARNING["en"]]

    def test_render_output_keeps_its_own_language(
        self, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """The environment chooses the messages, not the programme: render is as before."""
        english = run(capsys, "render")[1]
        monkeypatch.setenv("LANG", "ar_MA.UTF-8")
        assert run(capsys, "render")[1] == english


class TestUnknownLanguage:
    def test_is_a_usage_error(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """validate --lang de: exit 2, and the languages the command speaks."""
        status, out, err = run(capsys, "validate", "--lang", "de", str(tmp_path / "g.json"))
        assert (status, out) == (2, "")
        assert err.splitlines()[-1] == (
            "rrma-groups validate: error: argument --lang/-l: unknown language 'de'; "
            "choose one of: fr, ar, en"
        )

    def test_is_said_in_the_environment_language(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """In a French environment, argparse's words are French too."""
        monkeypatch.setenv("LANG", "fr_FR.UTF-8")
        status, _, err = run(capsys, "validate", "--lang", "xx-YY-zz", str(tmp_path / "g.json"))
        assert status == 2
        assert err.startswith("utilisation\u202f: rrma-groups validate ")
        assert err.splitlines()[-1] == typeset(
            "rrma-groups validate : erreur : argument --lang/-l : langue inconnue 'xx-YY-zz' ; "
            "choisissez parmi : fr, ar, en",
            "fr",
        )

    def test_render_still_takes_any_locale(self, capsys: pytest.CaptureFixture[str]) -> None:
        """render's --lang formats the programme for any CLDR locale, as before."""
        assert run(capsys, "render", "--lang", "zgh")[0] == 0


class TestHelp:
    def test_french_help_from_the_environment(
        self, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """rrma-groups --help in French: its usage, sections and each command's help."""
        monkeypatch.setenv("RRMA_GROUPS_LANG", "fr")
        status, out, _ = run(capsys, "--help")
        assert status == 0
        text = unwrapped(out)
        assert text.startswith("utilisation : rrma-groups [-h] [--version] COMMAND")
        assert (
            "validate vérifier des fichiers de groupe (TOML ou JSON) et signaler les erreurs et "
            "les avertissements" in text
        )
        assert "arguments positionnels:" in text
        assert "-h, --help afficher cette aide et quitter" in text

    def test_a_commands_help_with_lang(self, capsys: pytest.CaptureFixture[str]) -> None:
        """validate --help --lang fr: the command's description and options in French."""
        text = unwrapped(run(capsys, "validate", "--help", "--lang", "fr")[1])
        assert (
            "Vérifie des fichiers de groupe et signale chaque erreur et chaque avertissement, "
            "avec son emplacement." in text
        )
        assert "--quiet, -q n’afficher que les erreurs, pas les avertissements" in text

    def test_arabic_help(self, capsys: pytest.CaptureFixture[str]) -> None:
        """directory --help -l ar: argparse's words and ours in Arabic, defaults filled in."""
        text = unwrapped(run(capsys, "directory", "--help", "-l", "ar")[1])
        assert text.startswith("الاستعمال: rrma-groups directory")
        assert "صيغة الإخراج (text)" in text

    def test_english_help_is_as_before(self, capsys: pytest.CaptureFixture[str]) -> None:
        """Without a language, argparse's own words and ours are English."""
        text = unwrapped(run(capsys, "validate", "--help")[1])
        assert text.startswith("usage: rrma-groups validate [-h] [--quiet] [--lang LANG]")
        assert "-h, --help show this help message and exit" in text
        assert "--quiet, -q print errors only, not warnings" in text

    def test_argparse_is_left_as_it_was(self, capsys: pytest.CaptureFixture[str]) -> None:
        """After a French command, another program's parser speaks English again."""
        run(capsys, "validate", "--help", "--lang", "fr")
        other = argparse.ArgumentParser(prog="other")
        assert other.format_help().startswith("usage: other [-h]")

    @pytest.mark.parametrize("lang", ["fr", "ar"])
    @pytest.mark.parametrize("message", ARGPARSE_WORDS)
    def test_argparse_words_keep_their_placeholders(self, lang: str, message: str) -> None:
        """%(prog)s, %(value)r, %s… are in the translation, and the edges argparse joins on."""
        translated = translator(lang).gettext(message)
        assert translated != message or message == "options"
        fields = re.compile(r"%\(\w+\)[rs]|%[rs]")
        assert sorted(fields.findall(translated)) == sorted(fields.findall(message))
        assert translated.endswith("\n") == message.endswith("\n")
        assert translated.endswith(" ") == message.endswith(" ")


class TestOtherCommands:
    def test_render_usage_message(self, capsys: pytest.CaptureFixture[str]) -> None:
        """render's own messages on stderr follow its --lang."""
        status, _, err = run(capsys, "render", "--format", "pdf", "--lang", "fr")
        assert status == 2
        assert err == "--format pdf écrit un fichier binaire\u202f: ajoutez -o FILE\n"

    def test_sign_in_sheet_message_in_arabic(self, capsys: pytest.CaptureFixture[str]) -> None:
        """An Arabic message line starts with RLM."""
        status, _, err = run(capsys, "sign-in-sheet", "--blank-rows", "-1", "-l", "ar")
        assert status == 2
        assert err == f"{RLM}لا يمكن أن تكون قيمة --blank-rows سالبة\n"

    def test_new_in_the_environment_language(
        self, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """new has no --lang: its messages follow the environment."""
        monkeypatch.setenv("LANG", "fr_FR.UTF-8")
        status, _, err = run(capsys, "new", "--country", "XX", "--network", "Réseau")
        assert status == 2
        assert err == typeset(
            "'XX' n’est pas un code de pays ISO 3166-1 alpha-2 (comme SN, MA ou BF)\n", "fr"
        )

    def test_import_agenda_problems(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """Each line's problem translated, with its line number and code."""
        table = tmp_path / "t.txt"
        table.write_text("14h00 - 14h15 Accueil\nabc\n", encoding="utf-8")
        status, _, err = run(capsys, "import-agenda", str(table), "--lang", "fr")
        assert status == 1
        assert err == f"{table}:2: " + typeset(
            "impossible de lire 'abc' : il faut une plage horaire comme "
            "'14h00 - 14h15' suivie d'un titre, ou une date comme 'vendredi 4 novembre 2016' "
            "[table_unreadable_line]\n",
            "fr",
        )

    def test_a_file_that_cannot_be_read_in_arabic(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """The path is isolated; the system's reason stays as the system says it."""
        missing = tmp_path / "old.ics"
        status, _, err = run(capsys, "ics", "--previous", str(missing), "--lang", "ar")
        assert status == 2
        assert err == f"{RLM}{ltr(str(missing))}: تعذّرت القراءة: No such file or directory\n"
