"""`sdpa check` and `sdpa register review` print each explanation and quoted sentence whole,
wrapped to the terminal's width, so counsel can read the evidence in the terminal (they were cut
at about 35 characters)."""

from __future__ import annotations

from typer.testing import CliRunner

from generator.cli.commands import app

SENTENCE = ("If Brightleaf learns of unauthorized access to student data, it will tell the District when "
            "it is practical to do so, and it will cooperate with the District in every reasonable way "
            "to investigate the matter fully.")
CHANGE = ("Brightleaf may change these terms at any time by posting the revised terms on its website "
          "without further notice to anyone.")


def _words_in_order(output: str, text: str) -> bool:
    """True when ``text`` appears whole in ``output``, however its lines were broken."""
    return " ".join(text.split()) in " ".join(output.split())


def _contract(tmp_path):
    path = tmp_path / "brightleaf.txt"
    path.write_text(f"{SENTENCE}\n\n{CHANGE}\n")
    return path


def test_the_check_table_prints_quotes_and_reasons_whole_within_the_width(tmp_path):
    res = CliRunner().invoke(app, ["check", str(_contract(tmp_path))], env={"COLUMNS": "80"})
    assert res.exit_code == 0, res.output
    assert _words_in_order(res.stdout, f"“{SENTENCE}”") and _words_in_order(res.stdout, f"“{CHANGE}”")
    lines = res.stdout.splitlines()
    assert all(len(line) <= 80 for line in lines[2:])  # after the summary and the counsel note
    reason = next(i for i, line in enumerate(lines) if line.startswith(" 4."))
    after = " ".join(" ".join(lines[reason:reason + 3]).split())
    assert "it names no parent, guardian or student who may review and correct." in after


def test_register_review_prints_the_reading_whole_within_the_width(tmp_path, fresh_register):
    env = {"COLUMNS": "72"}
    assert CliRunner().invoke(app, ["register", "add", "--vendor", "Brightleaf", "--product", "Reader"],
                              env=env).exit_code == 0
    assert CliRunner().invoke(app, ["register", "record", "check", "1", "--file", str(_contract(tmp_path))],
                              env=env).exit_code == 0
    res = CliRunner().invoke(app, ["register", "review", "1"], env=env)
    assert res.exit_code == 0, res.output
    assert _words_in_order(res.stdout, f"“{SENTENCE}”") and _words_in_order(res.stdout, f"“{CHANGE}”")
    # "it will tell the District when it is practical": a notice, hedged
    assert _words_in_order(res.stdout, "Addressed only in part: it is hedged (\"when it is practical\"), a "
                                       "practice rather than a duty.")
    assert all(len(line) <= 72 for line in res.stdout.splitlines())
