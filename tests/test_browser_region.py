"""Two boards in one register, end to end in a real headless Chromium, signed in through
Streamlit's own OpenID Connect against the test identity provider: a person with a role in both
boards switches between them in the sidebar and sees only the board in use's contracts; a person
of one board has no switcher, never sees the other board's contracts, and a board id forged into
the address is refused on the server."""

from __future__ import annotations

import pytest

from .conftest import ROOT
from .test_browser import _idle, _pick
from .test_browser_auth import (  # noqa: F401
    _sign_in,
    browser,
    chromium_present,
    identity_provider,
    serve_signed_in,
    vouch_for,
)

BOTH = "ria.region@region.example"      # an editor in both boards (the region's staff)
ONLY_A = "pat.editor@shoreline.example"  # an editor of Shoreline only
A_CONTRACT, B_CONTRACT = "Shoreline Reader", "Hillside Atlas"


@pytest.fixture(scope="module")
def region_app(tmp_path_factory, identity_provider):  # noqa: F811
    import generator as g
    from generator.records.register import Register

    tmp = tmp_path_factory.mktemp("region")
    db_url = f"sqlite:///{tmp / 'register.sqlite3'}"
    example = g.read_board_file(ROOT / "examples" / "board.example.yaml").model_dump(mode="json")
    with Register(db_url, actor="setup") as first:
        hillside = g.add_board(first.engine, "Hillside Board of Education")
    for board_id, name, editors, product in ((1, "Shoreline Board of Education", [BOTH, ONLY_A], A_CONTRACT),
                                             (hillside, "Hillside Board of Education", [BOTH], B_CONTRACT)):
        data = {**example, "name": name, "access": {"admin": [], "editor": editors, "viewer": []}}
        with Register(db_url, actor="setup", board_id=board_id) as reg:
            g.save_board(reg, g.board_from_dict(data))
            reg.add_contract(vendor="Acme Learning", product=product)
    for email in (BOTH, ONLY_A):
        vouch_for(identity_provider, email)
    for url, _ in serve_signed_in(tmp, identity_provider, db_url):
        yield url, hillside


def _sees(page, shown: str, hidden: str) -> None:
    page.get_by_text("Contracts (1)").wait_for()
    page.get_by_text(shown).first.wait_for()
    _idle(page)
    assert page.get_by_text(hidden).count() == 0


def test_a_person_of_two_boards_switches_and_sees_only_each_boards_contracts(region_app, browser):  # noqa: F811
    url, hillside = region_app
    context, page = _sign_in(browser, url, BOTH)
    page.goto(f"{url}/register")
    _sees(page, A_CONTRACT, B_CONTRACT)
    _pick(page, "Board", "Hillside Board of Education")
    _sees(page, B_CONTRACT, A_CONTRACT)
    _pick(page, "Board", "Shoreline Board of Education")
    _sees(page, A_CONTRACT, B_CONTRACT)
    context.close()


def test_a_person_of_one_board_never_sees_the_other(region_app, browser):  # noqa: F811
    url, hillside = region_app
    context, page = _sign_in(browser, url, ONLY_A)
    page.goto(f"{url}/register")
    _sees(page, A_CONTRACT, B_CONTRACT)
    assert page.get_by_role("combobox", name="Board", exact=True).count() == 0  # no switcher
    page.goto(f"{url}/register?board={hillside}")  # a board id forged into the address
    page.get_by_text(f"has no access to board {hillside}").wait_for()
    _idle(page)
    assert page.get_by_text(B_CONTRACT).count() == 0 and page.get_by_text("Contracts (").count() == 0
    context.close()
