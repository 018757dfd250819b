"""Big batches as background jobs: a batch above :func:`job_threshold` rows runs in a process of
its own, in a folder of :func:`jobs_dir` (its input, its progress in ``status.json``, its documents
in ZIP parts), so a page reload finds it and the server's memory stays flat."""

from __future__ import annotations

import os
from pathlib import Path

from generator.batch import pack_parts, run_batch, write_atomic
from generator.errors import InputError, SdpaError
from generator.models import Board

JOB_ROWS_SETTING = "SDPA_BATCH_JOB_ROWS"      # rows above which a batch is a job (default 2,000)
JOBS_DIR_SETTING = "SDPA_BATCH_JOBS_DIR"      # where jobs live (default: sdpa-batch-jobs in the temp folder)
PART_BYTES = 200 * 1024 * 1024                # a job's documents come in ZIP parts of about this size


def job_threshold() -> int:
    """Rows above which a batch runs as a background job: ``$SDPA_BATCH_JOB_ROWS``, default 2,000.
    Raises :class:`InputError` when the setting is not a whole number."""
    value = os.environ.get(JOB_ROWS_SETTING, "2000").strip()
    if not value.isdigit():
        raise InputError(f"{JOB_ROWS_SETTING}: {value!r} is not a whole number of rows")
    return int(value)


JOBS_MAX_SETTING = "SDPA_BATCH_JOBS_MAX"     # batch jobs running at once on this server (default 2)


def jobs_dir() -> Path:
    """The folder batch jobs live in: ``$SDPA_BATCH_JOBS_DIR``, default ``sdpa-batch-jobs`` in the
    system's temporary folder, readable by this user only (created so, or closed to others when
    an earlier version left it readable). Raises :class:`InputError` when it is a link, belongs to
    another user (in a shared temporary folder, someone else may have made it first) or others
    can write into it (then a job in it may not be this server's)."""
    import tempfile

    chosen = os.environ.get(JOBS_DIR_SETTING)
    root = Path(chosen or Path(tempfile.gettempdir()) / "sdpa-batch-jobs")
    root.mkdir(mode=0o700, parents=True, exist_ok=True)
    info = root.lstat()
    if root.is_symlink() or info.st_uid != os.getuid():
        raise InputError(f"{root}: the batch jobs folder must be a folder of this user's own; set "
                         f"{JOBS_DIR_SETTING} to one")
    if info.st_mode & 0o022:  # others could write into it: a job there may not be ours
        raise InputError(f"{root}: the batch jobs folder can be written by other users, who could have put a "
                         f"job in it; remove it (sdpa makes it again, for this user only) or set "
                         f"{JOBS_DIR_SETTING} to a folder of this user's own")
    if not chosen and info.st_mode & 0o077:  # readable by others, as an earlier version left it
        root.chmod(0o700)
    return root


def jobs_max() -> int:
    """How many batch jobs may run at once on this server: ``$SDPA_BATCH_JOBS_MAX``, default 2.
    Raises :class:`InputError` when the setting is not a whole number from 1."""
    value = os.environ.get(JOBS_MAX_SETTING, "2").strip()
    if not value.isdigit() or int(value) < 1:
        raise InputError(f"{JOBS_MAX_SETTING}: {value!r} is not a whole number of jobs from 1")
    return int(value)


def _write_json(path: Path, data: dict) -> None:
    import json

    write_atomic(path, json.dumps(data, default=str).encode())


def start_job(source_name: str, source: bytes, uploads: list[tuple[str, bytes]], board: Board, *,
              rows: int, owner: str = "", board_id: int = 1, pdf: bool = False, root: Path | None = None) -> str:
    """Start a batch of ``rows`` rows for board ``board_id`` (its profile ``board``) as a
    background process and return its job id (the name of its folder in ``root``, default
    :func:`jobs_dir`, readable by this user only). The file and the contracts are saved in the
    job's ``input/`` first; the process follows :func:`run_job`. Raises :class:`InputError` when
    :func:`jobs_max` jobs are already running or an upload cannot be saved."""
    import secrets
    import subprocess
    import sys
    from datetime import datetime, timezone

    from generator.documents.render import safe_filename
    from generator.reading.uploads import save_uploads

    base = root or jobs_dir()
    running = [j for j in list_jobs(root=base) if j["state"] in ("starting", "running")]
    if len(running) >= jobs_max():
        raise InputError(f"{len(running)} batch jobs are running on this server already (at most {jobs_max()}, "
                         f"{JOBS_MAX_SETTING}): start this one when one of them is done")
    job_id = datetime.now(timezone.utc).strftime("%Y%m%d-%H%M%S-") + secrets.token_hex(4)
    folder = base / job_id
    folder.mkdir(mode=0o700)
    given = folder / "input"
    given.mkdir(mode=0o700)
    src = (given / safe_filename(Path(source_name).stem, "vendors")).with_suffix(Path(source_name).suffix.lower() or ".csv")
    src.write_bytes(source)
    save_uploads(uploads, given)
    _write_json(folder / "job.json", {"source": src.name, "name": source_name, "rows": rows, "owner": owner,
                                      "board_id": board_id, "pdf": pdf, "board": board.model_dump(mode="json")})
    _write_json(folder / "status.json", {"state": "starting", "done": 0, "rows": rows})
    with (folder / "job.log").open("wb") as log:
        proc = subprocess.Popen([sys.executable, "-m", "generator.batch_jobs", str(folder)], stdout=log, stderr=log,
                                stdin=subprocess.DEVNULL, start_new_session=True,
                                cwd=Path(__file__).resolve().parent.parent)
    _CHILDREN[proc.pid] = proc  # kept, so it is reaped when it ends (job_status asks)
    # the process's id beside its status, never over it: a quick job may already have written its end
    write_atomic(folder / "pid", str(proc.pid).encode())
    return job_id


def run_job(folder: Path) -> None:
    """Run the batch of job ``folder`` (its process's whole life): progress into status.json as
    rows are done, documents into ZIP parts on disk, and at the end the counts, or the reason it
    failed. Never raises for the batch's own errors: they are the job's outcome."""
    import json

    from generator.library import default_library

    job = json.loads((folder / "job.json").read_text())
    status = {"state": "running", "done": 0, "rows": job["rows"], "pid": os.getpid()}
    try:
        board = Board.model_validate(job["board"])

        def progress(n: int) -> None:
            _write_json(folder / "status.json", {**status, "done": n})

        given = folder / "input"
        result = run_batch(given / job["source"], folder / "out", board, default_library(), pdf=job["pdf"],
                           progress=progress, contracts_dir=given)
        parts = pack_parts(result.out, result.out / "addenda", result.written, PART_BYTES)
        import resource

        peak = max(resource.getrusage(who).ru_maxrss for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN))
        status.update(state="done", done=result.rows, generated=result.generated, letters=result.letters,
                      rejected=result.rejected, pdfs=result.pdfs, parts=[p.name for p in parts],
                      peak_mb=round(peak / 1024))  # the job's largest process (KB on Linux)
    except SdpaError as exc:
        status.update(state="failed", reason=str(exc))
    except Exception as exc:  # noqa: BLE001 - the job's outcome, shown on the page
        status.update(state="failed", reason=f"{type(exc).__name__}: {exc}")
    _write_json(folder / "status.json", status)


def job_status(job_id: str, root: Path | None = None) -> dict:
    """What job ``job_id`` is doing: status.json (``state`` starting, running, done, failed or
    stopped when its process is gone without finishing; ``done`` and ``rows``; at the end the
    counts and the ZIP ``parts``), with ``owner``, ``name`` and ``folder``. Raises
    :class:`InputError` for an id that names no job."""
    import json

    base = root or jobs_dir()
    folder = base / job_id
    if not job_id.replace("-", "").isalnum() or not (folder / "status.json").is_file():
        raise InputError(f"no batch job {job_id!r}")
    status = json.loads((folder / "status.json").read_text())
    job = json.loads((folder / "job.json").read_text())
    started = (folder / "pid").read_text().strip() if (folder / "pid").is_file() else ""
    pid = status.get("pid") or (int(started) if started.isdigit() else None)
    alive = _alive(pid)  # reaps this process's ended jobs, too
    if status["state"] in ("starting", "running") and pid and not alive:
        status["state"] = "stopped"
    return {**status, "owner": job.get("owner", ""), "board_id": job.get("board_id", 1), "name": job.get("name", ""),
            "folder": folder}


_CHILDREN: dict = {}  # pid → the Popen of each job this process started


def _alive(pid: int | None) -> bool:
    if not pid:
        return False
    for known, proc in list(_CHILDREN.items()):  # this process's own children: poll() reaps the ended
        if proc.poll() is not None:
            del _CHILDREN[known]
    if pid in _CHILDREN:
        return True
    try:
        os.kill(pid, 0)
    except OSError:
        return False
    return True


def list_jobs(owner: str | None = None, root: Path | None = None, board_id: int | None = None) -> list[dict]:
    """Every batch job (:func:`job_status`), newest first; only ``owner``'s, and only board
    ``board_id``'s, when given."""
    base = root or jobs_dir()
    found = []
    for folder in sorted(base.iterdir(), reverse=True):
        try:
            status = job_status(folder.name, base)
        except (InputError, OSError, ValueError):
            continue
        if (owner is None or status["owner"] == owner) and (board_id is None or status["board_id"] == board_id):
            found.append(status)
    return found


if __name__ == "__main__":
    import sys

    run_job(Path(sys.argv[1]))
