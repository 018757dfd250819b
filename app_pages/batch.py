"""Batch: a CSV or XLSX of vendors (or vendors picked from the directory) and their contracts in;
a ZIP of addenda and letters, with the manifest, out."""

import io
import shutil
import tempfile
from pathlib import Path

import streamlit as st

import generator as g
from app_pages import common

library = st.cache_resource(g.default_library)()
board = st.session_state.get("board") or g.load_board()
esc = g.md_escape

user = common.current_user(board)
try:
    threshold = g.job_threshold()
except g.SdpaError as exc:
    common.show_error(exc)
    st.stop()

st.title("Batch")
st.caption("Upload the vendor list exported from purchasing (CSV or XLSX). Required columns: vendor_name, "
           "product, contact_email, contract_date. Every row is accounted for in the manifest. A row whose "
           "contract_file names a contract uploaded below also gets it checked, and an amendment letter "
           "when it falls short.")
upload = st.file_uploader("Vendors (CSV or XLSX)", type=["csv", "xlsx"], key="vendors")
with st.expander("Or pick vendors from the directory"):
    try:
        with common.open_register() as reg:
            saved = {v.name: v for v in g.directory_vendors(reg)}
    except g.SdpaError as exc:
        common.show_error(exc)
        saved = {}
    picked = st.multiselect("Vendors", list(saved), key="batch_pick",
                            placeholder="Saved vendors (the Board profile page keeps the directory)")
    dated = st.date_input("Contract date for these vendors", value=None, key="batch_date")
contracts = st.file_uploader("Contracts named in the contract_file column: a ZIP (its folders kept), or the "
                             "files themselves (each known by its own name)",
                             type=["zip", "pdf", "docx", "txt", "md"], accept_multiple_files=True, key="contracts")
has_soffice = bool(shutil.which("soffice"))
pdf = st.checkbox("Also make a PDF of every document (LibreOffice)", key="pdf", disabled=not has_soffice,
                  help=None if has_soffice else "PDF needs LibreOffice on the server.")

source_name, source_bytes = None, None
if upload is not None:
    source_name, source_bytes = upload.name, upload.getvalue()
elif picked and dated:
    source_name, source_bytes = "directory-vendors.csv", g.vendors_csv([saved[n] for n in picked], dated)
elif picked:
    st.info("Give the contract date for the vendors picked from the directory.")

if source_bytes is not None:
    rows, rejected, contract_lines = 0, [], {}
    try:
        for row in g.rows_from_file(io.BytesIO(source_bytes), source_name):
            rows += 1
            _, problems = g.vendor_from_row(row)
            rejected += [{"Line": row.line, "Column": col, "Reason": why} for col, why in problems]
            if (row.cells.get("contract_file") or "").strip():
                contract_lines[row.line] = row.cells["contract_file"].strip()
    except g.SdpaError as exc:
        common.show_error(exc)
        st.stop()
    if contracts:  # a named contract that is not uploaded rejects its row: say so before counting
        for line, why in g.missing_uploads(contract_lines, [(f.name, f.getvalue()) for f in contracts]).items():
            rejected.append({"Line": line, "Column": "contract_file", "Reason": why})
    bad_lines = len({r["Line"] for r in rejected})
    st.subheader(f"{rows} rows: {rows - bad_lines} ready, {bad_lines} with problems")
    if rejected:
        st.error("These rows will not be generated; fix them and upload again, or go ahead with the others.")
        st.dataframe(rejected, hide_index=True, key="rejected")
        st.markdown("\n".join(f"- line {r['Line']}, {esc(r['Column'])}: {esc(r['Reason'])}" for r in rejected))
    if contract_lines and not contracts:
        st.warning(f"{len(contract_lines)} rows name a contract file, but no contracts are uploaded: those rows "
                   "get their addendum without a check of the contract.")
    ready = rows - bad_lines
    if ready > threshold:  # a big batch: ask first, then run it in the background as a job
        st.warning(f"{ready:,} rows is a big batch (more than {threshold:,}): it runs in the background and "
                   "may take many minutes. You may leave or reload this page; it shows the progress here, and "
                   "the documents to download, in parts, when it is done.")
        if (st.button(f"Start the batch of {ready:,} rows in the background", key="start_job", type="primary")
                and common.allowed_to("run a batch")):
            try:
                g.start_job(source_name, source_bytes, [(f.name, f.getvalue()) for f in contracts or []],
                            board, rows=rows, owner=user.email, board_id=common.current_board_id(), pdf=pdf)
            except g.SdpaError as exc:
                common.show_error(exc)
                st.stop()
            st.rerun()  # the job is listed below, from its folder: a reload finds it again
    elif (st.button(f"Generate {ready} addenda", key="generate", type="primary", disabled=rows == bad_lines)
            and common.allowed_to("run a batch")):
        bar = st.progress(0.0, text="Generating…")
        with tempfile.TemporaryDirectory() as tmp:
            given = Path(tmp) / "input"
            given.mkdir()
            src = given / g.safe_filename(Path(source_name).stem, "vendors")
            src = src.with_suffix(Path(source_name).suffix.lower() or ".csv")
            src.write_bytes(source_bytes)
            try:
                g.save_uploads([(f.name, f.getvalue()) for f in contracts or []], given)
                result = g.run_batch(src, Path(tmp) / "out", board, library, zip_output=True, pdf=pdf,
                                     progress=lambda n: bar.progress(min(n / max(rows, 1), 1.0),
                                                                     text=f"{n} of {rows} rows"))
                archive = result.archive.read_bytes()
                unchecked = g.unchecked_contracts(result.manifest, contract_lines, hide=given)
            except g.SdpaError as exc:
                common.show_error(exc)
                st.stop()
        bar.progress(1.0, text="Done")
        st.success(f"{result.generated} generated ({result.letters} with an amendment letter"
                   + (f", {result.pdfs} PDFs" if pdf else "") + f"), {result.rejected} rejected.")
        for line, name, reason in unchecked:
            st.warning(f"Line {line}: the contract {esc(name)} was not checked ({esc(reason)}).", icon="⚠️")
        st.download_button("Download the ZIP (addenda, letters, manifest)", archive,
                           f"{g.safe_filename(Path(source_name).stem)}-addenda.zip", "application/zip",
                           key="dl_zip", on_click="ignore")


# ------------------------------------------------------------------ batches running in the background


def part_reader(path: Path):
    """The bytes of one ZIP part, read only when its download is clicked."""
    return lambda: path.read_bytes()


# the server's check before any job is shown: an editor's own jobs, of the board in use
try:
    jobs = (g.list_jobs(owner=user.email, board_id=common.current_board_id())
            if g.has_role(common.current_user(board).role, "editor") else [])
except g.SdpaError as exc:
    common.show_error(exc)
    jobs = []
if jobs:
    st.subheader("Batches in the background")
    if st.button("Refresh", key="jobs_refresh"):
        st.rerun()
    for job in jobs[:5]:
        done, total, state = job["done"], max(job["rows"], 1), job["state"]
        st.markdown(f"**{esc(job['name'])}** ({job['rows']:,} rows): {state}")
        if state in ("starting", "running"):
            st.progress(min(done / total, 1.0), text=f"{done:,} of {job['rows']:,} rows")
        elif state == "failed":
            st.error(f"The batch failed: {esc(job['reason'])}")
        elif state == "stopped":
            st.error("The batch stopped before it finished (was the server restarted?). Start it again.")
        else:
            st.success(f"{job['generated']:,} generated ({job['letters']:,} with an amendment letter"
                       + (f", {job['pdfs']:,} PDFs" if job.get("pdfs") else "") + f"), {job['rejected']:,} rejected.")
            for i, part in enumerate(job["parts"], start=1):
                st.download_button(f"Download part {i} of {len(job['parts'])} (addenda, letters, manifest)",
                                   part_reader(job["folder"] / "out" / part),
                                   f"{g.safe_filename(Path(job['name']).stem)}-addenda-{i}.zip", "application/zip",
                                   key=f"dl_{job['folder'].name}_{i}", on_click="ignore")
