"""The quickstart notebook runs headless on the shipped examples (nbclient)."""

from __future__ import annotations

import nbformat
from nbclient import NotebookClient

from .conftest import ROOT


def test_quickstart_notebook_runs(tmp_path):
    nb = nbformat.read(ROOT / "notebooks" / "quickstart.ipynb", as_version=4)
    work = tmp_path / "notebooks"
    work.mkdir()
    (tmp_path / "examples").symlink_to(ROOT / "examples")
    NotebookClient(nb, timeout=120, kernel_name="python3", resources={"metadata": {"path": str(work)}}).execute()
    outputs = ["".join(o.get("text", "") or o.get("data", {}).get("text/plain", "")
                       for o in cell.get("outputs", [])) for cell in nb.cells if cell.cell_type == "code"]
    assert "11 provisions" in outputs[0]
    assert (work / "out" / "BrightPath-Learning-Inc-addendum.docx").is_file()
    assert "8 of 11 present" in outputs[2]
    table = outputs[3]
    assert "gapwell-terms.txt" in table and "BrightPath-Learning-Inc-addendum.docx" in table and "True" in table
