"""The check page reads an uploaded file once: any later click reruns the page, and the page
shows the answer it already has (a report or an error) instead of reading the file again, so a
hostile file that took the whole budget to refuse costs it once, not once per click."""

from __future__ import annotations

import generator

from .test_app import _check_page_with

GOOD = b"The Provider deletes student data at the Board's written request. Connecticut law governs.\n"


def test_a_rerun_shows_the_same_answer_without_reading_again(fresh_register, monkeypatch):
    calls: list[str] = []
    real = generator.check_file

    def counted(source, library=None, **kw):
        calls.append(kw.get("name"))
        return real(source, library, **kw)

    monkeypatch.setattr(generator, "check_file", counted)
    at = _check_page_with("terms.txt", GOOD)
    heading = at.subheader[0].value
    at.run()  # a click anywhere reruns the script
    assert calls == ["terms.txt"] and at.subheader[0].value == heading
    at.file_uploader(key="contract").upload("other.txt", GOOD + b"More terms.\n", "text/plain").run()
    assert calls == ["terms.txt", "other.txt"]  # a new file is read


def test_an_error_is_shown_again_without_reading_again(fresh_register, monkeypatch):
    calls: list[str] = []

    def refused(source, library=None, **kw):
        calls.append(kw.get("name"))
        raise generator.TooComplex(f"{kw.get('name')}: this document is too complex to check within 17 s")

    monkeypatch.setattr(generator, "check_file", refused)
    at = _check_page_with("forms.pdf", b"%PDF-1.7 crafted")
    at.run()
    at.run()
    assert calls == ["forms.pdf"]
    assert len(at.error) == 1 and "too complex to check within 17 s" in at.error[0].value  # once, shown again
