"""Contracts uploaded beside a batch CSV: extracted only inside the run's folder, within limits."""

from __future__ import annotations

import io
import stat
import zipfile

import pytest

from generator.errors import InputError
from generator.reading.uploads import save_uploads, unchecked_contracts


def make_zip(entries: dict[str, bytes], links: dict[str, str] | None = None) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in entries.items():
            z.writestr(name, data)
        for name, target in (links or {}).items():
            info = zipfile.ZipInfo(name)
            info.external_attr = (stat.S_IFLNK | 0o777) << 16
            z.writestr(info, target)
    return buf.getvalue()


def test_zip_and_loose_files_land_in_the_folder(tmp_path):
    data = make_zip({"contracts/alpha.txt": b"alpha terms", "beta.pdf": b"%PDF-1.4", "contracts/": b"",
                     "__MACOSX/contracts/._alpha.txt": b"junk", "contracts/.DS_Store": b"junk"})
    names = save_uploads([("contracts.zip", data), ("gamma.docx", b"PK")], tmp_path)
    assert sorted(names) == ["beta.pdf", "contracts/alpha.txt", "gamma.docx"]
    assert (tmp_path / "contracts" / "alpha.txt").read_bytes() == b"alpha terms"
    assert not (tmp_path / "__MACOSX").exists()


@pytest.mark.parametrize("name, why", [
    ("/etc/cron.d/evil", "an absolute name is refused"),
    ("../outside.txt", "'..'"),
    ("contracts/../../outside.txt", "'..'"),
    ("C:/Windows/evil.txt", "an absolute name is refused"),
    ("contracts\\..\\evil.txt", "backslash"),
    ("bad\x1bname.txt", "control character"),
])
def test_dangerous_zip_names_are_refused(tmp_path, name, why):
    dest = tmp_path / "run"
    dest.mkdir()
    with pytest.raises(InputError, match=f"^contracts.zip: .*{why}"):
        save_uploads([("contracts.zip", make_zip({"fine.txt": b"ok", name: b"x"}))], dest)
    assert not (tmp_path / "outside.txt").exists()
    assert [p.name for p in tmp_path.iterdir()] == ["run"]


def test_a_link_is_refused(tmp_path):
    with pytest.raises(InputError, match="^contracts.zip: 'passwd.txt': a link is refused"):
        save_uploads([("contracts.zip", make_zip({}, {"passwd.txt": "/etc/passwd"}))], tmp_path)
    assert not (tmp_path / "passwd.txt").exists()


def test_loose_file_names_cannot_hold_folders(tmp_path):
    with pytest.raises(InputError, match="cannot hold a folder"):
        save_uploads([("sub/alpha.txt", b"x")], tmp_path)
    with pytest.raises(InputError, match="'..'"):
        save_uploads([("..", b"x")], tmp_path)
    with pytest.raises(InputError, match="^bad\x00name.txt: the name is empty or holds a control character"):
        save_uploads([("bad\x00name.txt", b"x")], tmp_path)


def test_two_files_of_one_name_are_refused(tmp_path):
    (tmp_path / "vendors.csv").write_text("vendor_name\n")
    with pytest.raises(InputError, match="another upload already has the name vendors.csv"):
        save_uploads([("vendors.csv", b"overwrite")], tmp_path)
    assert (tmp_path / "vendors.csv").read_text() == "vendor_name\n"


def test_limits_on_files_and_bytes(tmp_path):
    many = make_zip({f"c{i}.txt": b"x" for i in range(6)})
    with pytest.raises(InputError, match=r"too many files \(the limit is"):
        save_uploads([("many.zip", many)], tmp_path / "a", max_files=5)
    bomb = make_zip({"big.txt": b"\0" * (3 * 1024 * 1024)})  # a few KB compressed
    assert len(bomb) < 100_000
    with pytest.raises(InputError, match="^bomb.zip: 'big.txt': the contracts are larger than"):
        save_uploads([("bomb.zip", bomb)], tmp_path / "b", max_bytes=2 * 1024 * 1024)


def test_not_a_zip(tmp_path):
    with pytest.raises(InputError, match="^contracts.zip: not a readable ZIP file"):
        save_uploads([("contracts.zip", b"plain text")], tmp_path)


def test_unchecked_contracts_reads_the_manifest(tmp_path):
    manifest = tmp_path / "manifest.csv"
    manifest.write_text("line,vendor,product,contract_date,outcome,files,reason\n"
                        "2,A,a,,letter written,addenda/A.docx addenda/A-letter.docx,\n"
                        "3,B,b,,generated,addenda/B.docx,contract has every provision\n"
                        "4,C,c,,generated,addenda/C.docx,contract not checked: c.pdf: no such file\n"
                        "5,D,d,,rejected,,contract_file: outside the CSV's folder\n"
                        "6,E,e,,generated,addenda/E.docx,\n", encoding="utf-8")
    got = unchecked_contracts(manifest, {2: "a.txt", 3: "b.txt", 4: "c.pdf", 5: "/etc/passwd", 7: "g.txt"})
    assert got == [(4, "c.pdf", "c.pdf: no such file"),
                   (5, "/etc/passwd", "contract_file: outside the CSV's folder"),
                   (7, "g.txt", "the row is missing from the manifest")]
