"""`edit --set` completes a bare web address and refuses a phone typed with letters."""

from __future__ import annotations

from pathlib import Path

from .test_cli import run


def test_edit_completes_a_web_address_and_refuses_letters_in_a_phone(curated_db: Path) -> None:
    db = str(curated_db)
    done = run("--db", db, "edit", "cure-cask", "--set", "website=www.curecask.org")
    assert done.code == 0, done.err
    assert "https://www.curecask.org" in done.out  # the person sees what was saved
    refused = run("--db", db, "edit", "cure-cask", "--set", "phone=555-CALL-NOW")
    assert refused.code != 0
    assert "letters" in refused.err and "(555) 225-5669" in refused.err
    shown = run("--db", db, "show", "cure-cask").out
    assert "https://www.curecask.org" in shown and "555" not in shown
