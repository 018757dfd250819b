"""Batch: a CSV or XLSX of vendors in; a ZIP of addenda and letters, with the manifest, out."""

import io
import tempfile
from pathlib import Path

import streamlit as st

import generator as g

library = st.cache_resource(g.default_library)()
board = st.session_state.get("board") or g.load_board()

st.title("Batch")
st.caption("Upload the vendor list exported from purchasing (CSV or XLSX). Required columns: vendor_name, "
           "product, contact_email, contract_date. Every row is accounted for in the manifest.")
upload = st.file_uploader("Vendors (CSV or XLSX)", type=["csv", "xlsx"], key="vendors")
if upload is not None:
    rows, rejected = 0, []
    try:
        for row in g.rows_from_file(io.BytesIO(upload.getvalue()), upload.name):
            rows += 1
            _, problems = g.vendor_from_row(row)
            rejected += [{"Line": row.line, "Column": col, "Reason": why} for col, why in problems]
    except g.SdpaError as exc:
        st.error(str(exc))
        st.stop()
    bad_lines = len({r["Line"] for r in rejected})
    st.subheader(f"{rows} rows: {rows - bad_lines} ready, {bad_lines} with problems")
    if rejected:
        st.error("These rows will not be generated; fix them and upload again, or go ahead with the others.")
        st.dataframe(rejected, hide_index=True, key="rejected")
        st.markdown("\n".join(f"- line {r['Line']}, {r['Column']}: {r['Reason']}" for r in rejected))
    if st.button(f"Generate {rows - bad_lines} addenda", key="generate", type="primary", disabled=rows == bad_lines):
        bar = st.progress(0.0, text="Generating…")
        with tempfile.TemporaryDirectory() as tmp:
            src = Path(tmp) / g.safe_filename(upload.name, "vendors")
            src = src.with_suffix(Path(upload.name).suffix.lower() or ".csv")
            src.write_bytes(upload.getvalue())
            try:
                result = g.run_batch(src, Path(tmp) / "out", board, library, zip_output=True,
                                     progress=lambda n: bar.progress(min(n / max(rows, 1), 1.0),
                                                                     text=f"{n} of {rows} rows"))
                archive = result.archive.read_bytes()
            except g.SdpaError as exc:
                st.error(str(exc))
                st.stop()
        bar.progress(1.0, text="Done")
        st.success(f"{result.generated} generated ({result.letters} with an amendment letter), "
                   f"{result.rejected} rejected.")
        st.download_button("Download the ZIP (addenda, letters, manifest)", archive,
                           f"{g.safe_filename(upload.name.rsplit('.', 1)[0])}-addenda.zip", "application/zip",
                           key="dl_zip", on_click="ignore")
