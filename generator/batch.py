"""A CSV or XLSX of vendors in; one addendum per valid row (and a letter where the vendor's own
contract has gaps) out, with a manifest that accounts for every input row."""

from __future__ import annotations

import os
import zipfile
from contextlib import contextmanager
from dataclasses import dataclass, field
from multiprocessing import get_context
from pathlib import Path
from typing import Callable, Iterator

from pydantic import ValidationError

from generator.errors import InputError, SdpaError
from generator.forms import problems_of
from generator.models import Board, Library, Vendor
from generator.reading.spreadsheets import (
    COLUMNS,
    FIELD_TO_COLUMN,
    REQUIRED,
    Row,
    SafeCsv,
    rows_from_file,
)

CHUNK = 64  # rows handed to the workers at a time: memory stays flat however long the file
MANIFEST_FIELDS = ["line", "vendor", "product", "contract_date", "outcome", "files", "reason"]
ERROR_FIELDS = ["line", "column", "reason"]


# ---------------------------------------------------------------- validating


def vendor_from_row(row: Row) -> tuple[Vendor | None, list[tuple[str, str]]]:
    """The row as a :class:`Vendor`, or None and the (column, reason) problems."""
    data = {COLUMNS[c]: v.strip() for c, v in row.cells.items() if v is not None and v.strip()}
    problems = [(c, "required") for c in REQUIRED if COLUMNS[c] not in data]
    try:
        vendor = Vendor.model_validate(data) if COLUMNS["vendor_name"] in data else None
    except ValidationError as exc:
        problems += [(FIELD_TO_COLUMN.get(f.split(".")[0], f), m) for f, m in problems_of(exc)]
        vendor = None
    return (None, problems) if problems else (vendor, [])


# ---------------------------------------------------------------- generating


@dataclass
class Job:
    line: int
    vendor: Vendor
    addendum: str       # file name inside the output folder
    letter: str         # file name for the letter, if one is due
    contract: str       # resolved contract path, or ""


@dataclass
class Outcome:
    line: int
    vendor: str
    outcome: str
    files: list[str] = field(default_factory=list)
    reason: str = ""
    product: str = ""
    contract_date: str = ""


_STATE: dict = {}


def _init_worker(board: Board, library: Library, draft: bool, out: str) -> None:
    from generator.documents.render import ADDENDUM_TEMPLATE, prepared

    prepared(str(ADDENDUM_TEMPLATE))  # parse and compile the template once per worker
    _STATE.update(board=board, library=library, draft=draft, out=Path(out))


def _work(job: Job) -> Outcome:
    """Render (and, where the contract has gaps, the letter) for one row; never raises."""
    o = _render_row(job)
    o.product = job.vendor.product
    o.contract_date = job.vendor.contract_date.isoformat() if job.vendor.contract_date else ""
    return o


def _render_row(job: Job) -> Outcome:
    from generator.checking.one_file import check_file
    from generator.documents.letters import amendment_letter, letter_date
    from generator.documents.render import render_addendum

    board, library, out = _STATE["board"], _STATE["library"], _STATE["out"]
    name = job.vendor.name
    try:
        data = render_addendum(job.vendor, board, library, draft=_STATE["draft"])
        write_atomic(out / job.addendum, data)
    except SdpaError as exc:
        return Outcome(job.line, name, "rejected", [], str(exc))
    except Exception as exc:  # noqa: BLE001 - one row's failure never stops the batch
        return Outcome(job.line, name, "rejected", [], f"could not render ({type(exc).__name__}: {exc})")
    if not job.contract:
        return Outcome(job.line, name, "generated", [job.addendum])
    try:
        report = check_file(job.contract, library)  # read and checked in one box, one budget
        letter = amendment_letter(report, job.vendor, board, sent=letter_date(board=board)[0], library=library)
        if letter is not None:
            write_atomic(out / job.letter, letter)
    except SdpaError as exc:
        return Outcome(job.line, name, "generated", [job.addendum], f"contract not checked: {exc}")
    except Exception as exc:  # noqa: BLE001 - one unreadable contract never stops the batch
        return Outcome(job.line, name, "generated", [job.addendum],
                       f"contract not checked: {Path(job.contract).name}: cannot be read ({type(exc).__name__})")
    if letter is None:
        return Outcome(job.line, name, "generated", [job.addendum], "contract has every provision")
    return Outcome(job.line, name, "letter written", [job.addendum, job.letter], report.summary())


def write_atomic(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` whole: into a ``.part`` file first, then renamed over it."""
    tmp = path.with_name(path.name + ".part")
    tmp.write_bytes(data)
    os.replace(tmp, path)


@dataclass
class BatchResult:
    """What a batch run did: counts, and where the manifest, errors and documents are."""

    rows: int = 0
    generated: int = 0
    letters: int = 0
    rejected: int = 0
    out: Path = Path(".")
    manifest: Path = Path(".")
    errors: Path = Path(".")
    archive: Path | None = None
    pdfs: int = 0
    written: list[str] = field(default_factory=list)  # files under addenda/ this run wrote

    @property
    def exit_code(self) -> int:
        """0 when every row was generated, 1 when some were rejected."""
        return 1 if self.rejected else 0


def run_batch(source: str | Path, out: str | Path, board: Board, library: Library, *,
              draft: bool = False, jobs: int | None = None, pdf: bool = False,
              zip_output: bool = False, progress: Callable[[int], None] | None = None,
              contracts_dir: str | Path | None = None) -> BatchResult:
    """Generate an addendum for every valid row of ``source`` into ``out``.

    Every input row gets one line in ``manifest.csv`` (generated, letter written, or rejected
    with the reason); rejected rows also go to ``errors.csv`` with line, column and reason. A row's
    ``contract_file`` is read only inside ``contracts_dir`` (default: the folder of ``source``);
    one outside it, or a device, is a rejected row and is never opened. Rows are streamed in
    chunks to ``jobs`` worker processes (default: every core), each of which prepares the template
    once. ``progress`` is called with the number of rows done. The whole file is read once first,
    so a file over the row limit is refused before anything is generated. Raises
    :class:`InputError` when the file itself cannot be read, or another batch is writing to ``out``.
    """
    source, out = Path(source), Path(out)
    if not source.is_file():
        raise InputError(f"{source}: no such file" if not source.exists() else f"{source}: not a regular file")
    if out.exists() and not out.is_dir():
        raise InputError(f"{out}: is a file, not a folder; give a folder for --out")
    base = Path(contracts_dir) if contracts_dir else source.parent
    with source.open("rb") as fh:
        for _ in rows_from_file(fh, source.name):  # the row limit and a broken file, before writing
            pass
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:  # a parent that is a file, no permission
        raise InputError(f"{out}: cannot create the folder ({exc.strerror})") from None
    with batch_lock(out):
        return _run(source, out, board, library, draft, jobs, pdf, zip_output, progress, base)


@contextmanager
def batch_lock(out: Path) -> Iterator[None]:
    """Hold ``out/.sdpa-batch.lock`` for one run: a second run into the same folder is refused
    (the lock is the operating system's, so a run that was killed leaves nothing to clean)."""
    try:
        import fcntl
    except ImportError:  # Windows: no advisory locks; runs are not guarded
        yield
        return
    fd = os.open(out / ".sdpa-batch.lock", os.O_RDWR | os.O_CREAT, 0o644)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise InputError(f"{out}: another batch is writing to this folder; wait for it to "
                             "finish, or choose another --out") from None
        yield
    finally:
        os.close(fd)


def _run(source: Path, out: Path, board: Board, library: Library, draft: bool, jobs: int | None,
         pdf: bool, zip_output: bool, progress: Callable[[int], None] | None, base: Path) -> BatchResult:
    docs = out / "addenda"
    docs.mkdir(exist_ok=True)
    for stale in docs.glob("*.part"):  # left by a run that was stopped part way
        stale.unlink()
    result = BatchResult(out=out, manifest=out / "manifest.csv", errors=out / "errors.csv")
    manifest, errors = SafeCsv(result.manifest, MANIFEST_FIELDS), SafeCsv(result.errors, ERROR_FIELDS)
    # names follow from the input alone, so a re-run rewrites the same files, never duplicates
    taken: set[str] = set()
    jobs = max(1, jobs or os.cpu_count() or 1)
    ctx = get_context("fork") if hasattr(os, "fork") else get_context()
    pool = ctx.Pool(jobs, _init_worker, (board, library, draft, str(docs))) if jobs > 1 else None
    if pool is None:
        _init_worker(board, library, draft, str(docs))
    try:
        with source.open("rb") as fh:
            pending: list[Job | Outcome] = []
            for row in rows_from_file(fh, source.name):
                pending.append(_plan(row, base, taken))
                if len(pending) >= CHUNK * jobs:
                    _flush(pending, pool, manifest, errors, result, progress)
            _flush(pending, pool, manifest, errors, result, progress)
    finally:
        manifest.close()
        errors.close()
        if pool is not None:
            pool.close()
            pool.join()
    if pdf:
        result.pdfs = _convert_all(docs, jobs, result)
    if zip_output:
        result.archive = pack_parts(out, docs, result.written)[0]
    return result


def _plan(row: Row, base: Path, taken: set[str]) -> Job | Outcome:
    from generator.documents.render import safe_filename, unique_name
    from generator.reading.paths import resolve_inside

    vendor, problems = vendor_from_row(row)
    label = row.cells.get("vendor_name", "")
    contract = ""
    if vendor is not None and vendor.contract_file:
        try:
            contract = str(resolve_inside(base, vendor.contract_file, "contract_file"))
        except InputError as exc:
            problems = [("contract_file", str(exc).removeprefix("contract_file: "))]
            vendor = None
    if vendor is None:
        reason = "; ".join(f"{c}: {m}" for c, m in problems)
        return Outcome(row.line, label, "rejected", [], reason or "row could not be read",
                       row.cells.get("product", ""), row.cells.get("contract_date", ""))
    stem = safe_filename(vendor.name)
    addendum = unique_name(stem, ".docx", taken)
    letter = unique_name(f"{addendum[:-5]}-amendment-letter", ".docx", taken) if vendor.contract_file else ""
    return Job(row.line, vendor, addendum, letter, contract)


def _flush(pending: list[Job | Outcome], pool, manifest: SafeCsv, errors: SafeCsv,
           result: BatchResult, progress: Callable[[int], None] | None) -> None:
    jobs = [p for p in pending if isinstance(p, Job)]
    done = iter(pool.map(_work, jobs) if pool else map(_work, jobs))
    for item in pending:
        o = next(done) if isinstance(item, Job) else item
        result.rows += 1
        manifest.row(o.line, o.vendor, o.product, o.contract_date, o.outcome,
                     " ".join(f"addenda/{f}" for f in o.files), o.reason)
        if o.outcome == "rejected":
            result.rejected += 1
            for part in (o.reason.split("; ") if o.reason else ["rejected"]):
                column, _, why = part.partition(": ")
                errors.row(o.line, column if why else "", why or part)
        else:
            result.generated += 1
            result.letters += o.outcome == "letter written"
        result.written += o.files
    if progress:
        progress(result.rows)
    pending.clear()


def _convert_all(docs: Path, jobs: int, result: BatchResult) -> int:
    """This run's DOCX files in ``docs`` to PDF: one LibreOffice call per group, ``jobs`` groups
    at once; the PDFs join ``result.written``."""
    from concurrent.futures import ThreadPoolExecutor

    from generator.documents.pdf import convert_to_pdf

    files = [docs / f for f in sorted(result.written) if f.endswith(".docx")]
    if not files:
        return 0
    size = max(1, -(-len(files) // jobs))
    groups = [files[i:i + size] for i in range(0, len(files), size)]
    with ThreadPoolExecutor(len(groups)) as pool:
        pdfs = [p for r in pool.map(convert_to_pdf, groups) for p in r]
    result.written += [p.name for p in pdfs]
    return len(pdfs)


def pack_parts(out: Path, docs: Path, written: list[str], part_bytes: int | None = None) -> list[Path]:
    """Put the documents this run wrote into ``out/documents.zip`` (with ``part_bytes``: into
    ``documents-1.zip``, ``documents-2.zip``…, a new part once one holds that many compressed
    bytes), each with the manifest and the errors; files are streamed into the archive from disk.
    Remove those loose documents (the manifest and errors stay beside the archives). Files this
    run did not write stay where they are, and so does ``addenda/`` if it still holds any."""
    names = sorted(set(written))
    parts: list[Path] = []
    z = None

    def close() -> None:
        z.write(out / "manifest.csv", "manifest.csv")
        z.write(out / "errors.csv", "errors.csv")
        z.close()
        os.replace(parts[-1].with_suffix(".part"), parts[-1])

    for name in names or [None]:
        if z is None or (part_bytes and z.fp.tell() >= part_bytes):
            if z is not None:
                close()
            parts.append(out / ("documents.zip" if part_bytes is None else f"documents-{len(parts) + 1}.zip"))
            z = zipfile.ZipFile(parts[-1].with_suffix(".part"), "w", zipfile.ZIP_DEFLATED)
        if name is not None:
            z.write(docs / name, f"addenda/{name}")
    close()
    for name in names:
        (docs / name).unlink(missing_ok=True)
    try:
        docs.rmdir()  # only when empty
    except OSError:
        pass
    return parts


# ---------------------------------------------------------------- big batches: jobs in the background
# A batch above job_threshold() rows runs as a job: its own process, in a folder of its own
# (input/, out/, job.json with what was asked, status.json with its progress), so a page reload
# or another session finds it again, and the server holding the page never holds the documents.
