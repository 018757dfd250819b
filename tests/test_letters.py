"""The reasonable-notice amendment letter: exactly the gaps, the conflicting term, the cure date."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from datetime import date

import pytest
from typer.testing import CliRunner

from generator.cli.commands import app

from .conftest import FIXTURES, ROOT, docx_text, pdf_text

runner = CliRunner()
CONTRACT = FIXTURES / "gapwell-terms.txt"
VENDOR = FIXTURES / "gapwell-vendor.json"


def test_letter_names_exactly_the_gaps_and_the_conflict(tmp_path, library):
    out = tmp_path / "letter.docx"
    res = runner.invoke(app, ["letter", "amendment", str(CONTRACT), "--vendor", str(VENDOR),
                              "--date", "2027-01-13", "--out", str(out)])
    assert res.exit_code == 0, res.output
    text = docx_text(out)
    named = re.findall(r"^(\d+)\. .+? \(([^()]*Conn\. Gen\. Stat\. [^)]+\)?)\)", text, re.M)
    assert [n for n, _ in named] == ["4", "9", "11"]
    for pid in ("review_correction", "governing_law", "no_advertising"):
        assert library.provision(pid).citation in text
    assert '"Gapwell may use student data to show personalized advertising to students and their families."' in text
    cure = json.loads(runner.invoke(app, ["deadlines", "--notice-sent", "2027-01-13", "--format", "json"]).stdout)
    assert cure["cure_deadline"] == "2027-02-16"
    assert "by February 16, 2027" in text and "void" in text
    assert "{{" not in text and "{%" not in text and "##" not in text
    addendum = docx_text(tmp_path / "letter-addendum.docx")
    assert "Gapwell Learning LLC" in addendum and "Connecticut law governs" in addendum


def test_no_letter_for_a_compliant_contract(tmp_path, addendum_files):
    out = tmp_path / "letter.docx"
    res = runner.invoke(app, ["letter", "amendment", str(addendum_files["docx"]), "--vendor", str(VENDOR),
                              "--out", str(out)])
    assert res.exit_code == 0 and "no letter is needed" in res.stdout
    assert not out.exists()


def test_letter_converts_to_pdf(tmp_path, soffice):
    out = tmp_path / "letter.docx"
    res = runner.invoke(app, ["letter", "amendment", str(CONTRACT), "--vendor", str(VENDOR),
                              "--date", "2027-01-13", "--out", str(out), "--pdf"])
    assert res.exit_code == 0, res.output
    text = " ".join(pdf_text(out.with_suffix(".pdf")).split())
    assert "Notice to amend your student data contract by February 16, 2027" in text
    # the footer names the clause library version the letter's wording came from, on every page
    assert f"clause library {library_version()}" in text and "page 1 of" in text


def library_version() -> str:
    from generator import default_library

    return default_library().version


HOSTILE = "<script>alert(1)</script> & \"Quotes\" {{ 7*7 }}"
KINDS = {
    "contract-posting": ["--vendor", "{vendor}", "--executed", "2026-12-22",
                         "--contract-url", "https://example.org/contracts/acme.pdf?x=1&y=2"],
    "annual-notice": ["--date", "2027-08-15"],
    "breach-notice": ["--vendor", "{vendor}", "--received", "2027-02-10", "--discovered", "2027-02-01",
                      "--released", "Names and reading scores of 40 students",
                      "--actions", "We stopped sending data to the company"],
    "deletion-request": ["--vendor", "{vendor}", "--data", "All records of students who left in June 2026"],
    "iep-exception": ["--vendor", "{vendor}", "--student", "J. Doe", "--effort", "asked the operator to sign "
                      "our addendum on 2027-01-05; it declined", "--equivalent-search", "two other AAC apps "
                      "reviewed; neither meets the child's needs", "--assurances", "its FERPA, HIPAA and "
                      "operator duties are met", "--assurance-source", "the operator's letter of 2027-01-10"],
}
EXPECT = {
    "contract-posting": ["executed a contract with BrightPath Learning, Inc. on December 22, 2026",
                         "Reading assessment results", "https://example.org/contracts/acme.pdf?x=1&y=2"],
    "annual-notice": ["2027-2028 school year", "https://www.waterbury.k12.ct.us/student-data-privacy"],
    "breach-notice": ["told us on February 10, 2027", "discovered", "Names and reading scores of 40 students",
                      "within two business days"],
    "deletion-request": ["All records of students who left in June 2026", "disaster recovery",
                         "§ 10-234bb(a)(2)", "deletes the data from production systems within 14 days"],
    "iep-exception": ["J. Doe", "individualized education program", "Planning and placement team member",
                      "FERPA", "HIPAA", "§ 10-234cc"],
}


def _args(kind: str, out, vendor) -> list[str]:
    return ["letter", kind, *[a.format(vendor=vendor) for a in KINDS[kind]], "--out", str(out)]


def test_every_letter_reads_right_and_converts(tmp_path, soffice):
    vendor = ROOT / "examples" / "vendor.json"
    outs = []
    for kind in KINDS:
        out = tmp_path / f"{kind}.docx"
        res = runner.invoke(app, _args(kind, out, vendor))
        assert res.exit_code == 0, (kind, res.output)
        text = docx_text(out)
        for phrase in EXPECT[kind]:
            assert phrase in text, (kind, phrase)
        assert "{{" not in text and "{%" not in text and "##" not in text and "TO COMPLETE" not in text
        outs.append(out)
    from generator import convert_to_pdf

    for pdf, kind in zip(convert_to_pdf(outs), KINDS):
        assert pdf_text(pdf).strip(), kind


def test_letters_give_their_deadlines(tmp_path):
    vendor = str(ROOT / "examples" / "vendor.json")
    res = runner.invoke(app, _args("breach-notice", tmp_path / "b.docx", vendor))
    assert "send by February 16, 2027" in res.stdout
    res = runner.invoke(app, _args("contract-posting", tmp_path / "p.docx", vendor))
    assert "post by December 30, 2026" in res.stdout
    assert (tmp_path / "p.html").is_file()


def test_504_plan_has_no_team_signature(tmp_path):
    out = tmp_path / "504.docx"
    args = _args("iep-exception", out, ROOT / "examples" / "vendor.json") + ["--plan", "504"]
    assert runner.invoke(app, args).exit_code == 0
    text = docx_text(out)
    assert "Section 504" in text and "placement team member:" not in text


def test_posting_html_escapes_every_field(tmp_path, board, vendor):
    from generator.documents.letters import contract_posting

    v = vendor.model_copy(update={"name": HOSTILE, "product": HOSTILE, "purpose": HOSTILE,
                                  "data_collected": [HOSTILE, "Grades"]})
    docx_bytes, html = contract_posting(v, board, executed=date(2026, 12, 22),
                                        contract_url="https://example.org/c.pdf?a=1&b=2")
    root = ET.fromstring(html)  # well formed
    assert "<script>" not in html and "{{ 7*7 }}" in html and "49" not in html
    texts = "".join(root.itertext())
    assert texts.count(HOSTILE) >= 5
    assert root.find(".//a").get("href") == "https://example.org/c.pdf?a=1&b=2"
    assert 'href="https://example.org/c.pdf?a=1&amp;b=2"' in html
    assert HOSTILE in docx_text(docx_bytes)


def test_posting_refuses_script_urls(board, vendor):
    from generator import InputError
    from generator.documents.letters import contract_posting

    for url in ("javascript:alert(1)", 'https://x.org/"><script>', "data:text/html,hi"):
        with pytest.raises(InputError, match="not a web address"):
            contract_posting(vendor, board, executed=date(2026, 12, 22), contract_url=url)


# ---------------------------------------------------------------- what the letter calls void

CONTRACT_VOID = re.compile(r"(?:contract|it) (?:is|will be|becomes) void", re.I)


def _contract_without(tmp_path, library, board, vendor, *ids: str, extra: str = "") -> str:
    """A contract that is our own addendum without the provisions ``ids`` (and with ``extra``)."""
    from generator import render_addendum

    text = docx_text(render_addendum(vendor, board, library.without(*ids) if ids else library))
    path = tmp_path / "contract.txt"
    path.write_text(text + "\n\n" + extra + "\n", encoding="utf-8")
    return str(path)


def _letter(tmp_path, contract: str, *args: str) -> tuple[str, str]:
    out = tmp_path / "letter.docx"
    res = runner.invoke(app, ["letter", "amendment", contract, "--vendor", str(VENDOR),
                              "--date", "2027-01-13", "--out", str(out), *args])
    assert res.exit_code == 0, res.output
    return docx_text(out), res.stdout


def test_policy_gap_alone_is_not_called_void(tmp_path, library, board, vendor):
    contract = _contract_without(tmp_path, library, board, vendor, "no_advertising")
    text, _ = _letter(tmp_path, contract, "--contract-date", "2019-03-01")
    assert "Provisions the Board's policy requires" in text and "Provisions the law requires" not in text
    assert re.search(r"^11\. No advertising .*\(Board policy, item 11; Conn\. Gen\. Stat\. § 10-234bb\(d\)\(2\) \(to confirm\)\)", text, re.M)
    assert "§ 10-234bb(f) (to confirm) does not make the contract void for lacking them" in text
    assert "The Board's policy also states that a contract lacking any of the provisions the policy lists is void" in text
    assert not CONTRACT_VOID.search(text) and "notice to amend the contract under § 10-234bb(f)" not in text


def test_a_gap_in_a_2019_contract_gets_the_f_notice(tmp_path, library, board, vendor):
    contract = _contract_without(tmp_path, library, board, vendor, "governing_law")
    text, out = _letter(tmp_path, contract, "--contract-date", "2019-03-01")
    listed = out.split("to confirm with counsel before sending")[1].split("): ")[1].splitlines()[0].split(", ")
    assert {"§ 10-234bb(f)", "§ 10-234bb(a)(9)"} <= set(listed)
    assert "§ 10-234bb(a)" in text and "§ 10-234bb(a)" not in listed  # cited, and verified
    assert "dated March 1, 2019" in text
    assert "reasonable notice to amend the contract under § 10-234bb(f)" in text
    assert "it is void under Conn. Gen. Stat. § 10-234bb(f)" in text
    assert re.search(r"^9\. Connecticut law governs", text, re.M)


def test_a_gap_in_an_older_contract_leaves_it_to_counsel(tmp_path, library, board, vendor):
    contract = _contract_without(tmp_path, library, board, vendor, "governing_law")
    text, out = _letter(tmp_path, contract, "--contract-date", "2017-05-01")
    assert not CONTRACT_VOID.search(text) and "Counsel should decide" in out
    # renewed since: the letter states the date but makes no void claim (whether a renewal counts
    # as "entered into" is to confirm); the note for counsel says so
    text, out = _letter(tmp_path, contract, "--contract-date", "2017-05-01", "--renewed", "2020-07-01")
    assert "last amended or renewed on July 1, 2020" in text and not CONTRACT_VOID.search(text)
    assert "to confirm" in out and "amendment or renewal" in out


def test_a_conflict_alone_voids_the_term_not_the_contract(tmp_path, library, board, vendor):
    term = "Marketing partners of the company may be shown pupils' reading data to choose ads for them."
    contract = _contract_without(tmp_path, library, board, vendor, extra=term)
    text, _ = _letter(tmp_path, contract, "--contract-date", "2019-03-01")
    assert f'"{term}"' in text
    assert ("the Board's policy states that a term of a contract entered into on or after July 1, 2018 that "
            "conflicts with those provisions is void (see also Conn. Gen. Stat. § 10-234bb(e) (to confirm))") in text
    assert not CONTRACT_VOID.search(text)


def test_a_2017_letter_claims_no_e_or_f_and_a_2019_one_names_its_sources(tmp_path, library, board, vendor):
    term = "Marketing partners of the company may be shown pupils' reading data to choose ads for them."
    contract = _contract_without(tmp_path, library, board, vendor, "governing_law", "no_advertising", extra=term)
    old, _ = _letter(tmp_path, contract, "--contract-date", "2017-05-01")
    assert "§ 10-234bb(e)" not in old and "void under" not in old and "policy also states" not in old
    assert "asks that they be struck or replaced" in old
    new, out = _letter(tmp_path, contract, "--contract-date", "2019-03-01")
    assert "it is void under Conn. Gen. Stat. § 10-234bb(f)" in new
    assert "the Board's policy states that a term" in new and "see also Conn. Gen. Stat. § 10-234bb(e)" in new
    assert "§ 10-234bb(e)" in out.split("to confirm with counsel before sending")[1]


def test_a_letter_on_an_unconfirmed_reading_is_a_draft(tmp_path, library, board, vendor):
    from generator import amendment_letter, check_contract, read_document

    text, _ = _letter(tmp_path, _contract_without(tmp_path, library, board, vendor, "governing_law"),
                      "--contract-date", "2019-03-01")
    assert "DRAFT — not confirmed by counsel" in text
    report = check_contract(read_document(CONTRACT), library)
    signed = docx_text(amendment_letter(report, vendor, board, sent=date(2027, 1, 13), library=library,
                                        confirmed_by="lee.counsel@district.example"))
    assert "DRAFT" not in signed and "Notice to amend" in signed


def test_letter_needs_a_contract_date_and_invents_none(tmp_path, library, board, vendor):
    bare = tmp_path / "vendor.json"
    data = json.loads(VENDOR.read_text())
    del data["contract_date"]
    bare.write_text(json.dumps(data))
    res = runner.invoke(app, ["letter", "amendment", str(CONTRACT), "--vendor", str(bare),
                              "--out", str(tmp_path / "l.docx")])
    assert res.exit_code == 2 and "--contract-date" in res.stderr
    assert not (tmp_path / "l.docx").exists()
    from generator import amendment_letter, check_contract, read_document

    report = check_contract(read_document(CONTRACT), library)
    letter = docx_text(amendment_letter(report, vendor.model_copy(update={"contract_date": None}),
                                        board, sent=date(2027, 1, 13), library=library))
    assert " dated " not in letter.split("Provisions")[0]
    assert "Please tell us the date the contract was entered into" in letter and not CONTRACT_VOID.search(
        letter.replace("on or after July 1, 2018, and it is not amended by then to include the "
                       "provisions § 10-234bb(a) requires, it is void", ""))


def test_letter_names_no_file_and_no_double_stop(tmp_path, library, board, vendor):
    contract = _contract_without(tmp_path, library, board, vendor, "governing_law")
    v = json.loads(VENDOR.read_text())
    v["name"] = "Quill Co."
    named = tmp_path / "quill.json"
    named.write_text(json.dumps(v))
    out = tmp_path / "q.docx"
    res = runner.invoke(app, ["letter", "amendment", contract, "--vendor", str(named), "--out", str(out)])
    assert res.exit_code == 0, res.output
    text = docx_text(out)
    assert "contract.txt" not in text and "Co.." not in text and "Quill Co." in text


@pytest.mark.parametrize("kind", ["amendment", *KINDS])
def test_golden_letters(tmp_path, golden, kind):
    """Each letter's text, reviewed by a person when it changes (pytest --update-golden)."""
    out = tmp_path / f"{kind}.docx"
    if kind == "amendment":
        args = ["letter", "amendment", str(CONTRACT), "--vendor", str(VENDOR), "--out", str(out)]
    else:
        args = _args(kind, out, ROOT / "examples" / "vendor.json")
    dated = "--date" in args or kind == "contract-posting"  # the posting notice is dated by --executed
    res = runner.invoke(app, args if dated else [*args, "--date", "2027-01-13"])
    assert res.exit_code == 0, res.output
    golden(f"letter-{kind}", re.sub(r"clauses [0-9a-f]{12}", "clauses HASH", docx_text(out)))


# ---------------------------------------------------------------- each letter says what the law says


def test_posting_notice_refuses_without_purpose_and_data(tmp_path):
    v = json.loads((ROOT / "examples" / "vendor.json").read_text())
    del v["purpose"], v["data_collected"]
    bare = tmp_path / "bare.json"
    bare.write_text(json.dumps(v))
    args = ["letter", "contract-posting", "--vendor", str(bare), "--executed", "2026-12-22",
            "--out", str(tmp_path / "p.docx")]
    res = runner.invoke(app, args)
    assert res.exit_code == 2 and "purpose" in res.stderr and "data_collected" in res.stderr
    assert not (tmp_path / "p.docx").exists()
    res = runner.invoke(app, [*args, "--draft"])
    assert res.exit_code == 0, res.output
    text = docx_text(tmp_path / "p.docx")
    assert "[TO COMPLETE: the purpose of the contract]" in text
    assert "school purposes described in the contract" not in text
    assert "[TO COMPLETE: the student data" in (tmp_path / "p.html").read_text()


def _letter_text(tmp_path, kind: str, *extra: str) -> str:
    out = tmp_path / f"{kind}.docx"
    res = runner.invoke(app, [*_args(kind, out, ROOT / "examples" / "vendor.json"), *extra])
    assert res.exit_code == 0, res.output
    return docx_text(out)


def test_family_letters_say_what_the_law_says(tmp_path):
    breach = _letter_text(tmp_path, "breach-notice")
    assert "electronically within two business days" in breach
    annual = _letter_text(tmp_path, "annual-notice")
    assert "only for the purposes the contract allows" in annual and "targeted advertising" in annual
    assert "school purposes" not in annual and "must delete it when the contract ends" not in annual
    assert "keep an account with the company" in annual


def test_deletion_request_cites_the_contract_and_the_operator_duty(tmp_path):
    text = _letter_text(tmp_path, "deletion-request")
    assert "Under the deletion provision of our contract" in text and "§ 10-234cc(a)" not in text
    text = _letter_text(tmp_path, "deletion-request", "--operator")
    assert "(Conn. Gen. Stat. § 10-234cc(a) (to confirm))" in text


def test_exception_letter_names_the_right_team(tmp_path):
    iep = _letter_text(tmp_path, "iep-exception")
    assert "the planning and placement team will discuss" in iep
    plan504 = _letter_text(tmp_path, "iep-exception", "--plan", "504")
    assert "Section 504 plan will discuss" in plan504 and "planning" not in plan504


def test_iep_acknowledgement_states_only_what_is_given(board, vendor):
    from generator.documents.letters import iep_exception

    bare = docx_text(iep_exception(vendor, board, when=date(2027, 1, 20), student="J. Doe"))
    assert "does comply" not in bare and "complies with" not in bare
    assert bare.count("TO COMPLETE") == 3
    full = docx_text(iep_exception(vendor, board, when=date(2027, 1, 20), student="J. Doe",
                                   effort="asked on 2027-01-05; refused", equivalent_search="two AAC apps reviewed",
                                   assurances="it meets FERPA and HIPAA", assurance_source="its privacy notice of 2026-09-01"))
    assert "TO COMPLETE" not in full and "(its privacy notice of 2026-09-01): it meets FERPA and HIPAA." in full
    assert "asked on 2027-01-05; refused" in full
