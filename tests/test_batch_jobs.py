"""A big batch is a job: the page asks before it starts one, it runs in its own process with its
progress on disk (so a reloaded page, a new session, finds it), and its documents come as ZIP
parts written to disk."""

from __future__ import annotations

import json
import os
import time
import zipfile

import pytest
from streamlit.testing.v1 import AppTest

from generator.batch import pack_parts, run_batch
from generator.batch_jobs import job_status, job_threshold, jobs_dir, list_jobs, start_job
from generator.errors import InputError

from .conftest import ROOT
from .test_app import _batch_csv


@pytest.fixture()
def jobs(tmp_path, monkeypatch, fresh_register):
    folder = tmp_path / "jobs"
    monkeypatch.setenv("SDPA_BATCH_JOBS_DIR", str(folder))
    monkeypatch.setenv("SDPA_BATCH_JOB_ROWS", "2")
    return folder


def batch_page() -> AppTest:
    return AppTest.from_file(str(ROOT / "app_pages" / "batch.py"), default_timeout=60).run()


ROWS = _batch_csv(*[[f"Vendor {i} LLC", "Reader", f"v{i}@vendor.example", "2026-09-01", ""] for i in range(3)])


def wait_for(job_id: str, folder) -> dict:
    """The job's status once it has finished (a generous bound: a stuck job fails the test)."""
    for _ in range(600):
        status = job_status(job_id, folder)
        if status["state"] not in ("starting", "running"):
            return status
        time.sleep(0.5)
    raise AssertionError(f"job {job_id} still {status['state']}")


def test_above_the_threshold_the_page_asks_then_runs_a_job_a_new_session_finds(jobs):
    at = batch_page()
    at.file_uploader(key="vendors").upload("vendors.csv", ROWS, "text/csv").run()
    assert not at.exception
    # asked first: nothing runs until the user starts it, and the small-batch button is gone
    assert "3 rows is a big batch (more than 2)" in at.warning[0].value
    assert [b.key for b in at.button if b.key in ("generate", "start_job")] == ["start_job"]
    assert not jobs.exists() or list(jobs.iterdir()) == []
    at.button(key="start_job").click().run()
    assert not at.exception, at.exception
    (job,) = list_jobs(root=jobs)
    status = wait_for(job["folder"].name, jobs)
    assert (status["state"], status["generated"], status["rejected"]) == ("done", 3, 0)
    # a reload is a new session: it finds the job on disk, with its counts and its ZIP
    again = batch_page()
    assert not again.exception
    assert again.subheader[-1].value == "Batches in the background"
    assert again.success[-1].value.startswith("3 generated (0 with an amendment letter), 0 rejected")
    (part,) = status["parts"]
    with zipfile.ZipFile(job["folder"] / "out" / part) as z:
        names = z.namelist()
    assert sorted(n for n in names if n.startswith("addenda/")) == [
        "addenda/Vendor-0-LLC.docx", "addenda/Vendor-1-LLC.docx", "addenda/Vendor-2-LLC.docx"]
    assert "manifest.csv" in names


def test_progress_on_disk_is_shown_to_a_new_session_and_a_dead_job_is_called_stopped(jobs):
    jobs.mkdir()
    for name, pid in (("20270101-000000-aaaa", os.getpid()), ("20270101-000000-bbbb", 2**22 + 12345)):
        (jobs / name).mkdir()
        (jobs / name / "job.json").write_text(json.dumps({"name": f"{name}.csv", "rows": 3000,
                                                          "owner": os.environ.get("SDPA_USER") or os.environ.get("USER") or "local user"}))
        (jobs / name / "status.json").write_text(json.dumps({"state": "running", "done": 1200, "rows": 3000, "pid": pid}))
    at = batch_page()
    assert not at.exception
    bars = [p for p in at.get("progress")]
    assert len(bars) == 1 and "1,200 of 3,000 rows" in bars[0].proto.text
    assert any("stopped before it finished" in e.value for e in at.error)


def test_a_jobs_documents_come_in_parts_each_with_the_manifest(tmp_path, board, library):
    src = tmp_path / "vendors.csv"
    src.write_bytes(_batch_csv(*[[f"Vendor {i} LLC", "Reader", f"v{i}@vendor.example", "2026-09-01", ""]
                                 for i in range(6)]))
    result = run_batch(src, tmp_path / "out", board, library, jobs=1)
    written = sorted(result.written)
    parts = pack_parts(result.out, result.out / "addenda", result.written, part_bytes=1)
    assert len(parts) == 6  # a part is closed once it holds anything: one document each
    inside = []
    for p in parts:
        with zipfile.ZipFile(p) as z:
            assert {"manifest.csv", "errors.csv"} <= set(z.namelist())
            inside += [n.removeprefix("addenda/") for n in z.namelist() if n.startswith("addenda/")]
    assert sorted(inside) == written and not (result.out / "addenda").exists()


def test_the_threshold_is_a_setting(monkeypatch):
    monkeypatch.delenv("SDPA_BATCH_JOB_ROWS", raising=False)
    assert job_threshold() == 2000
    monkeypatch.setenv("SDPA_BATCH_JOB_ROWS", "500")
    assert job_threshold() == 500
    monkeypatch.setenv("SDPA_BATCH_JOB_ROWS", "lots")
    with pytest.raises(InputError, match="SDPA_BATCH_JOB_ROWS: 'lots' is not a whole number"):
        job_threshold()


def _fake_job(folder, name: str, owner: str, board_id: int, state: str = "done", pid: int | None = None) -> None:
    (folder / name).mkdir(parents=True)
    (folder / name / "job.json").write_text(json.dumps({"name": f"{name}.csv", "rows": 3000, "owner": owner,
                                                       "board_id": board_id}))
    (folder / name / "status.json").write_text(json.dumps({"state": state, "done": 3000, "rows": 3000, "pid": pid,
                                                          "generated": 3000, "letters": 0, "rejected": 0,
                                                          "parts": []}))


def test_a_person_sees_only_their_own_jobs_of_the_board_in_use(jobs):
    me = os.environ.get("SDPA_USER") or os.environ.get("USER") or "local user"
    _fake_job(jobs, "20270101-000000-aaaa", me, 1)
    _fake_job(jobs, "20270101-000000-bbbb", me, 2)           # the same person's job for another board
    _fake_job(jobs, "20270101-000000-cccc", "other@x.example", 1)
    assert [j["name"] for j in list_jobs(owner=me, root=jobs, board_id=1)] == ["20270101-000000-aaaa.csv"]
    at = batch_page()  # board 1, the local user
    assert not at.exception
    shown = " ".join(m.value for m in at.markdown)
    assert "aaaa" in shown and "(3,000 rows): done" in shown
    assert "bbbb" not in shown and "cccc" not in shown


def test_the_jobs_folder_is_the_servers_alone(tmp_path, monkeypatch):
    import stat
    import tempfile

    monkeypatch.delenv("SDPA_BATCH_JOBS_DIR", raising=False)
    monkeypatch.setattr(tempfile, "gettempdir", lambda: str(tmp_path))
    made = jobs_dir()  # made by sdpa: this user's only
    assert stat.S_IMODE(made.stat().st_mode) == 0o700
    made.chmod(0o755)  # as an earlier version left it: closed again
    assert stat.S_IMODE(jobs_dir().stat().st_mode) == 0o700
    made.chmod(0o777)  # others could have planted a job in it: refused, not taken over
    with pytest.raises(InputError, match="can be written by other users"):
        jobs_dir()
    made.chmod(0o700)
    if os.getuid() == 0:  # someone else made it first in the shared temporary folder
        os.chown(made, 65534, 65534)
        with pytest.raises(InputError, match="must be a folder of this user's own"):
            jobs_dir()


def test_jobs_are_kept_to_this_users_folders_and_to_a_few_at_once(jobs, monkeypatch, board):
    import stat

    monkeypatch.setenv("SDPA_BATCH_JOBS_MAX", "1")
    _fake_job(jobs, "20270101-000000-aaaa", "someone", 1, state="running", pid=os.getpid())
    with pytest.raises(InputError, match="1 batch jobs are running on this server already"):
        start_job("v.csv", ROWS, [], board, rows=3, root=jobs)
    monkeypatch.setenv("SDPA_BATCH_JOBS_MAX", "2")
    job_id = start_job("v.csv", ROWS, [], board, rows=3, owner="me", board_id=1, root=jobs)
    assert stat.S_IMODE((jobs / job_id).stat().st_mode) == 0o700
    assert wait_for(job_id, jobs)["state"] == "done"
