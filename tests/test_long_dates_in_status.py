"""Where a person reads why a contract has its status (the register page's "Why" column, `sdpa
register list` and `show`), its dates are written out ("December 22, 2025") as everywhere else;
a JSON field that is a date stays ISO, for scripts."""

from __future__ import annotations

import json
from datetime import date

from typer.testing import CliRunner

from generator.cli.commands import app
from generator.records.register import Register

from .test_app import page


def _register(url: str) -> int:
    with Register(url) as reg:
        cid = reg.add_contract(vendor="Acme Learning", product="Reader", executed=date(2025, 12, 22))
        reg.record_posting(cid, date(2025, 12, 29), "https://www.district.example/contracts/acme")
        reg.add_contract(vendor="Birch Tutoring", product="Math", executed=date(2026, 3, 2))
    return cid


def test_the_register_page_writes_the_why_dates_out(fresh_register):
    _register(fresh_register)
    at = page("register").run()
    assert not at.exception
    table = at.html[1].value
    assert "posted on the website on December 29, 2025" in table
    assert "executed on March 2, 2026; not yet posted" in table
    assert "2025-12-29" not in table and "2026-03-02" not in table


def test_the_command_line_writes_the_why_dates_out_and_keeps_json_dates_iso(fresh_register):
    _register(fresh_register)
    env = {"SDPA_DATABASE_URL": fresh_register}
    listed = CliRunner().invoke(app, ["register", "list"], env=env)
    assert listed.exit_code == 0 and "posted on the website on December 29, 2025" in listed.stdout
    shown = CliRunner().invoke(app, ["register", "show", "2"], env=env)
    assert "executed on March 2, 2026; not yet posted" in shown.stdout
    rows = json.loads(CliRunner().invoke(app, ["register", "list", "--format", "json"], env=env).stdout)
    assert rows[0]["executed"] == "2025-12-22" and rows[0]["why"] == "posted on the website on December 29, 2025"
