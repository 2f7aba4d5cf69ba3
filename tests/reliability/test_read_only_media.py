"""A directory on read-only media (a USB stick, a mounted share) can be searched, shown and
exported; changes are refused with a message that says read-only (issue 11, item 14)."""

from __future__ import annotations

from pathlib import Path

from .sandbox import CLI, in_namespace, need_namespaces


def test_a_directory_on_read_only_media_can_be_searched_shown_and_exported(
    curated_template: Path, tmp_path: Path
) -> None:
    need_namespaces()
    stick = tmp_path / "stick"
    stick.mkdir()
    db = stick / "directory.sqlite3"
    out = tmp_path / "out"
    out.mkdir()
    script = (
        f"mount -t tmpfs tmpfs {stick}\n"
        f"cp {curated_template} {db}\n"
        f"{CLI} --db {db} lists new 'Rivera family' >/dev/null\n"
        f"{CLI} --db {db} lists add 'Rivera family' cure-cask >/dev/null\n"
        f"mount -o remount,ro {stick}\n"
        f"echo '== search'; {CLI} --db {db} search CASK --kind support_group --json\n"
        f"echo '== show'; {CLI} --db {db} show cure-cask\n"
        f"echo '== lists'; {CLI} --db {db} lists show 'Rivera family'\n"
        f"echo '== export'; {CLI} --db {db} export {out}/handout.html --list 'Rivera family'\n"
        f"echo '== write'; {CLI} --db {db} lists new Other || echo WRITE-REFUSED\n"
        f"echo '== backup'; {CLI} --db {db} db backup || echo BACKUP-REFUSED\n"
        f"ls -a {stick} | tr '\\n' ' '\n"
    )
    result = in_namespace(script)
    assert result.code == 0, (result.out, result.err)
    sections = dict(part.split("\n", 1) for part in result.out.split("== ")[1:] if "\n" in part)
    assert '"cure-cask"' in sections["search"], result.err
    assert "Cure CASK" in sections["show"]
    assert "cure-cask" in sections["lists"]
    assert (out / "handout.html").exists() and "Cure CASK" in (out / "handout.html").read_text()
    assert "WRITE-REFUSED" in sections["write"] and "BACKUP-REFUSED" in sections["backup"]
    assert result.err.count("read-only") >= 2, result.err
    assert "unexpected" not in result.err, result.err
