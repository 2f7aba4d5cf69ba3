"""Property tests: random and mutated import files (CSV, the app's JSON, HSDS packages, shared
lists) are either read or refused with one of the app's own errors; nothing is written."""

from __future__ import annotations

import json
import random
import tempfile
import zipfile
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cbh_directory.domain.errors import CBHError
from cbh_directory.paths import dataset_file
from cbh_directory.service import Directory

from ..conftest import DATA
from .conftest import Ledger

pytestmark = pytest.mark.stress

ROOT = Path(__file__).resolve().parents[2]
HSDS_EXAMPLE = ROOT / "resources" / "hsds" / "v3.0" / "examples"
CSV_SAMPLE = (DATA / "import" / "contacts.csv").read_bytes()
JSON_SAMPLE = json.loads(dataset_file().read_text(encoding="utf-8"))
JSON_SAMPLE["resources"] = JSON_SAMPLE["resources"][:6]

# Bytes that matter to the parsers: quotes, separators, line ends, BOMs, NUL, bad UTF-8.
SPICE = [
    b'"',
    b",",
    b";",
    b"\t",
    b"\n",
    b"\r\n",
    b"\r",
    b"\x00",
    b"\xef\xbb\xbf",
    b"\xff\xfe",
    b"\x80",
    b"\xc3",
    b"=cmd|' /C calc'!A0",
    b"../",
    b"{",
    b"}",
    b"[",
    b"]",
    b"null",
]


def mutate(data: bytes, seed: int, steps: int) -> bytes:
    """Flip, insert, delete, duplicate and truncate, reproducibly from the seed."""
    rng = random.Random(seed)
    out = bytearray(data)
    for _ in range(steps):
        action = rng.randrange(6)
        at = rng.randrange(len(out) + 1)
        if action == 0 and out:
            out[min(at, len(out) - 1)] = rng.randrange(256)
        elif action == 1:
            out[at:at] = rng.choice(SPICE)
        elif action == 2:
            del out[at : at + rng.randrange(1, 40)]
        elif action == 3:
            line_end = out.find(b"\n", at)
            if line_end > 0:
                out[line_end:line_end] = out[at:line_end]
        elif action == 4:
            del out[at:]
        else:
            out[at:at] = bytes(rng.randrange(256) for _ in range(rng.randrange(1, 12)))
    return bytes(out)


class Tally:
    def __init__(self) -> None:
        self.inputs = 0
        self.read = 0
        self.refused = 0

    def result(self) -> str:
        return f"no crash; {self.read} read, {self.refused} refused with a message; nothing written"


def preview_or_refuse(directory: Directory, path: Path, tally: Tally) -> None:
    tally.inputs += 1
    before = directory.total()
    try:
        preview = directory.preview_import(path)
    except CBHError as exc:
        tally.refused += 1
        assert exc.message and "\n" not in exc.message.strip()
    else:
        tally.read += 1
        for rejection in preview.rejected:
            assert rejection.reason
    assert directory.total() == before, "a preview writes nothing"


def test_random_and_mutated_csv(fuzz_directory: Directory, ledger: Ledger) -> None:
    tally = Tally()

    @given(
        data=st.one_of(
            st.binary(max_size=600),
            st.tuples(st.integers(0, 2**32), st.integers(1, 30)).map(
                lambda t: mutate(CSV_SAMPLE, *t)
            ),
        )
    )
    def run(data: bytes) -> None:
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / "import.csv"
            path.write_bytes(data)
            preview_or_refuse(fuzz_directory, path, tally)

    run()
    ledger.record(
        "test_fuzz_imports.py::test_random_and_mutated_csv",
        "random bytes, and a real import CSV with bytes flipped, inserted (quotes, separators, "
        "NUL, BOMs, bad UTF-8, formulas), deleted, duplicated and cut short",
        tally.inputs,
        tally.result(),
    )


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=30),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=10), children, max_size=4)
    ),
    max_leaves=20,
)


def test_random_and_mutated_app_json(fuzz_directory: Directory, ledger: Ledger) -> None:
    tally = Tally()
    fields = sorted(JSON_SAMPLE["resources"][0])

    @given(
        choice=st.one_of(
            json_values.map(lambda v: ("value", v)),
            st.tuples(st.integers(0, 5), st.sampled_from(fields), json_values).map(
                lambda t: ("field", t)
            ),
            st.tuples(st.integers(0, 2**32), st.integers(1, 20)).map(lambda t: ("bytes", t)),
        )
    )
    def run(choice: tuple[str, object]) -> None:
        kind, detail = choice
        if kind == "value":
            data = json.dumps(detail).encode()
        elif kind == "field":
            index, name, value = detail  # type: ignore[misc]
            document = json.loads(json.dumps(JSON_SAMPLE))
            document["resources"][index][name] = value
            data = json.dumps(document).encode()
        else:
            seed, steps = detail  # type: ignore[misc]
            data = mutate(json.dumps(JSON_SAMPLE).encode(), seed, steps)
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / "import.json"
            path.write_bytes(data)
            preview_or_refuse(fuzz_directory, path, tally)

    run()
    ledger.record(
        "test_fuzz_imports.py::test_random_and_mutated_app_json",
        "random JSON values; the app's own JSON with any field set to any JSON value; and with "
        "its bytes mutated",
        tally.inputs,
        tally.result(),
    )


HSDS_FILES = sorted(p.name for p in HSDS_EXAMPLE.iterdir() if p.is_file())


def test_mutated_hsds_packages(fuzz_directory: Directory, ledger: Ledger) -> None:
    tally = Tally()

    @given(
        target=st.sampled_from(HSDS_FILES),
        seed=st.integers(0, 2**32),
        steps=st.integers(1, 25),
        drop=st.sets(st.sampled_from(HSDS_FILES), max_size=3),
        zipped=st.booleans(),
    )
    def run(target: str, seed: int, steps: int, drop: set[str], zipped: bool) -> None:
        with tempfile.TemporaryDirectory() as folder:
            package = Path(folder) / "package"
            package.mkdir()
            for name in HSDS_FILES:
                if name in drop and name != target:
                    continue
                data = (HSDS_EXAMPLE / name).read_bytes()
                if name == target:
                    data = mutate(data, seed, steps)
                (package / name).write_bytes(data)
            path = package
            if zipped:
                path = Path(folder) / "package.zip"
                with zipfile.ZipFile(path, "w") as archive:
                    for file in package.iterdir():
                        archive.write(file, file.name)
            preview_or_refuse(fuzz_directory, path, tally)

    run()
    ledger.record(
        "test_fuzz_imports.py::test_mutated_hsds_packages",
        "the HSDS 3.0 example package with one file's bytes mutated (datapackage.json "
        "included) and up to three files missing, as a folder or a zip",
        tally.inputs,
        tally.result(),
    )


def test_random_and_mutated_shared_lists(
    fuzz_directory: Directory, ledger: Ledger, tmp_path: Path
) -> None:
    tally = Tally()
    family = fuzz_directory.create_list("Fuzz family")
    fuzz_directory.add_to_list(family.id, ["pacer", "wrightslaw"], note="call Monday")
    sample = tmp_path / "family.json"
    fuzz_directory.export_list(family.id, sample)
    sample_bytes = sample.read_bytes()
    lists_before = [(info.name, info.count) for info in fuzz_directory.lists()]

    @given(
        data=st.one_of(
            json_values.map(lambda v: json.dumps(v).encode()),
            st.tuples(st.integers(0, 2**32), st.integers(1, 20)).map(
                lambda t: mutate(sample_bytes, *t)
            ),
        )
    )
    def run(data: bytes) -> None:
        tally.inputs += 1
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / "shared.json"
            path.write_bytes(data)
            try:
                fuzz_directory.import_list(path, apply=False)
            except CBHError as exc:
                tally.refused += 1
                assert exc.message
            else:
                tally.read += 1
        assert [(i.name, i.count) for i in fuzz_directory.lists()] == lists_before

    run()
    ledger.record(
        "test_fuzz_imports.py::test_random_and_mutated_shared_lists",
        "random JSON and a real shared list file with mutated bytes, previewed for import",
        tally.inputs,
        tally.result(),
    )
