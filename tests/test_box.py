"""The box (generator/reading/sandbox.py): a file that would crash a parser, eat memory or run
for ever costs one line of error; the process that asked, and the batch, carry on."""

from __future__ import annotations

import csv
import os
import signal
import threading
import time

import pytest

import generator as g
from generator.errors import ExtractError, SdpaError
from generator.reading.limits import TooComplex, time_budget
from generator.reading.sandbox import run_boxed, unboxed

from .conftest import ROOT
from .hostile import measure
from .hostile.pdfs import (
    cr_stream_pdf,
    double_flate_pdf,
    hex_then_flate_pdf,
    image_subtype_pdf,
    nested_forms_pdf,
)

GOOD = b"The Provider deletes student data at the Board's written request. Connecticut law governs.\n"


# work for the box to run (module level, so the box process can import it by name)
def hog_memory() -> int:
    return len(bytearray(8 * 1024 ** 3))


def spin() -> None:
    while True:
        pass


def abort() -> None:
    os.abort()


def my_pid() -> int:
    return os.getpid()


def two_slow_steps() -> str:
    """Two steps, each well inside its own budget, that together pass the box's one budget."""
    for step in ("reading", "checking"):
        with time_budget(f"steps.txt ({step})", 60):
            time.sleep(1.5)  # the alarm interrupts a sleep as it does a Python loop
    return "done"


def deaf_to_alarms() -> None:
    """A loop that no alarm reaches, as a parser's C code is."""
    signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGALRM})
    time.sleep(600)


def fail_politely() -> None:
    raise ExtractError("x.pdf: the PDF is damaged")


def test_a_task_runs_in_another_process_and_returns_its_answer():
    assert run_boxed(my_pid) != os.getpid()
    with unboxed():
        assert run_boxed(my_pid) == os.getpid()


def test_an_error_raised_in_the_box_reaches_the_caller_as_it_was():
    with pytest.raises(ExtractError, match="x.pdf: the PDF is damaged"):
        run_boxed(fail_politely, what="x.pdf")


def test_too_much_memory_is_too_complex_and_the_next_task_runs():
    with pytest.raises(TooComplex, match=r"big.pdf: this document is too complex .* more than \d+ MB of memory"):
        run_boxed(hog_memory, what="big.pdf")
    assert run_boxed(my_pid) != os.getpid()


def test_a_crash_is_could_not_be_read_and_the_box_is_replaced():
    before = run_boxed(my_pid)
    with pytest.raises(ExtractError, match=r"odd.pdf: the file could not be read: its reader stopped \(signal SIGABRT\)"):
        run_boxed(abort, what="odd.pdf")
    assert run_boxed(my_pid) not in (os.getpid(),)
    assert before != os.getpid()


def test_cpu_limit_stops_a_loop(monkeypatch):
    monkeypatch.setenv("SDPA_BOX_CPU_SECONDS", "1")
    with pytest.raises(TooComplex, match="loop.txt: .* more than 1 s of computing"):
        run_boxed(spin, what="loop.txt")


def test_wall_clock_limit_holds_in_a_thread_as_the_app_runs_pages(monkeypatch):
    monkeypatch.setenv("SDPA_BOX_WALL_SECONDS", "1")
    errors: list[BaseException] = []

    def page() -> None:  # a Streamlit page runs in a thread, where no alarm signal reaches it
        try:
            run_boxed(deaf_to_alarms, what="slow.docx")  # only the wall clock can stop it
        except SdpaError as exc:
            errors.append(exc)

    t = threading.Thread(target=page)
    t.start()
    t.join(30)
    assert not t.is_alive()
    assert len(errors) == 1 and "slow.docx: this document is too complex" in str(errors[0])
    assert "longer than 1 s" in str(errors[0])


def test_the_steps_of_one_task_share_one_budget_and_the_box_is_kept(monkeypatch):
    box = run_boxed(my_pid)  # a box already started: its start-up is not part of what is measured
    monkeypatch.setenv("SDPA_BOX_WALL_SECONDS", "3")
    # each step's own 60 s would let 1.5 s + 1.5 s run into the wall clock and a killed box;
    # the one budget (four fifths of the 3 s) stops the second step with its own line
    with pytest.raises(TooComplex, match=r"steps.txt: this document is too complex to check within \d s"):
        run_boxed(two_slow_steps, what="steps.txt")
    assert run_boxed(my_pid) == box  # the work stopped itself: the box was not killed


def test_work_that_ignores_the_alarm_meets_the_wall_clock(monkeypatch):
    box = run_boxed(my_pid)
    with monkeypatch.context() as m, pytest.raises(TooComplex, match="deaf.pdf: .* took longer than 2 s"):
        m.setenv("SDPA_BOX_WALL_SECONDS", "2")
        run_boxed(deaf_to_alarms, what="deaf.pdf")
    assert run_boxed(my_pid) != box  # killed, and replaced


def test_a_file_is_read_and_checked_in_one_task(tmp_path):
    path = tmp_path / "good.txt"
    path.write_bytes(GOOD)
    report = g.check_file(path)
    assert report == g.check_contract(g.read_document(path))
    assert report.finding("governing_law").status == "present" and report.document == "good.txt"
    with pytest.raises(SdpaError, match="forms.pdf: (this document is too complex|the file could not be read)"):
        g.check_file(nested_forms_pdf(), name="forms.pdf")


@pytest.mark.parametrize("make", [double_flate_pdf, hex_then_flate_pdf, image_subtype_pdf, cr_stream_pdf],
                         ids=["flate twice", "asciihex then flate", "says it is an image", "stream then CR"])
def test_pdf_budget_counts_what_the_filters_decode(make):
    with pytest.raises(ExtractError, match="bomb.pdf: the PDF's content decodes to more than"):
        g.read_document(make(), "bomb.pdf")


def test_the_same_filters_on_a_small_stream_are_read():
    import binascii
    import zlib

    from .hostile.pdfs import TEXT, one_stream_pdf

    doc = g.read_document(one_stream_pdf(binascii.hexlify(zlib.compress(zlib.compress(TEXT))) + b">",
                                         b"/Filter [/ASCIIHexDecode /FlateDecode /FlateDecode]"), "ok.pdf")
    assert "Connecticut law governs this agreement." in doc.text


def test_nested_forms_are_one_line_and_this_process_carries_on():
    with pytest.raises(SdpaError, match="forms.pdf: (this document is too complex|the file could not be read)"):
        g.read_document(nested_forms_pdf(), "forms.pdf")
    report = g.check_contract(g.read_document(GOOD, "good.txt"))
    assert report.finding("governing_law").status == "present"


def test_cli_answers_nested_forms_with_one_line_within_30_s(tmp_path):
    path = tmp_path / "forms.pdf"
    path.write_bytes(nested_forms_pdf())
    _, code, err, _ = measure.run_measured("check", str(path), timeout=30)  # past 30 s: TimeoutExpired
    lines = err.strip().splitlines()
    assert code == "2" and len(lines) == 1 and lines[0].startswith("sdpa: error: forms.pdf: ")


def test_batch_with_hostile_contracts_reports_every_row(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "forms.pdf").write_bytes(nested_forms_pdf())
    (folder / "twice.pdf").write_bytes(double_flate_pdf())
    (folder / "good.txt").write_bytes(GOOD)
    files = ["forms.pdf", "good.txt", "twice.pdf", "good.txt"]
    with (folder / "v.csv").open("w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["vendor_name", "product", "contact_email", "contract_date", "contract_file"])
        w.writerows([f"Vendor {i}", "P", f"v{i}@v.example", "2026-09-01", name] for i, name in enumerate(files))
    result = g.run_batch(folder / "v.csv", tmp_path / "out", g.load_board(ROOT / "examples" / "board.example.yaml"),
                         g.default_library(), jobs=2)
    with result.manifest.open(encoding="utf-8-sig", newline="") as f:
        rows = list(csv.DictReader(f))
    assert [r["vendor"] for r in rows] == [f"Vendor {i}" for i in range(4)]
    assert "contract not checked: forms.pdf:" in rows[0]["reason"]
    assert "contract not checked: twice.pdf: the PDF's content decodes" in rows[2]["reason"]
    assert all(r["outcome"] != "rejected" for r in rows)
    assert "not checked" not in rows[1]["reason"] + rows[3]["reason"]


SEEN_BY_THE_BOX = "as imported"


def what_the_box_sees() -> str:
    return SEEN_BY_THE_BOX


FORKED = """
import os
from generator.reading import sandbox
from generator.reading.limits import TooComplex
from generator.errors import ExtractError
import generator as g
from tests import test_box as t

sandbox.fork_boxes()
assert sandbox._may_fork(), "a small single-threaded process forks its boxes"
t.SEEN_BY_THE_BOX = "set in this process"
assert sandbox.run_boxed(t.what_the_box_sees) == "set in this process"  # a copy of this process
assert sandbox.run_boxed(t.my_pid) != os.getpid()
for fn, kind, said in ((t.hog_memory, TooComplex, "more than"), (t.abort, ExtractError, "signal SIGABRT")):
    try:
        sandbox.run_boxed(fn, what="big.pdf")
    except kind as exc:
        assert said in str(exc), exc
    else:
        raise AssertionError(fn.__name__ + " passed the box's limits")
report = g.check_contract(g.read_document(t.GOOD, "good.txt"))
assert report.finding("governing_law").status == "present"
print("forked boxes: ok")
"""


def test_a_forked_box_shares_what_is_loaded_and_keeps_its_limits():
    # in a fresh small process, as the sdpa command is (this test process is too large to fork)
    import subprocess
    import sys

    env = {k: v for k, v in os.environ.items() if k != "SDPA_BOX"}
    res = subprocess.run([sys.executable, "-c", FORKED], cwd=ROOT, env=env, capture_output=True, text=True,
                         timeout=300)
    assert res.returncode == 0 and "forked boxes: ok" in res.stdout, res.stderr[-2000:]


def test_a_box_started_fresh_does_not_see_this_process(monkeypatch):
    monkeypatch.setattr(__import__(__name__, fromlist=["x"]), "SEEN_BY_THE_BOX", "set in this process")
    assert run_boxed(what_the_box_sees) == "as imported"
