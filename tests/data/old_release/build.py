"""Build the 2026.11.24 release's database with that release's own code (see README.md)."""

from __future__ import annotations

import datetime as dt
import importlib.util
import sqlite3
import sys
from pathlib import Path

from cbh_directory.service import Directory


def main(target: Path) -> None:
    if importlib.util.find_spec("cbh_directory.domain.evidence") is not None:
        raise SystemExit("run this with the 2026.11.24 code first on PYTHONPATH (README.md)")
    target.unlink(missing_ok=True)
    directory = Directory.open(target)
    assert directory.stats()["dataset_version"] == "2026.11.24"
    rivera = directory.create_list("Rivera family", "March visit")
    directory.add_to_list(rivera.id, ["cure-cask", "national-cmv-foundation", "pan-foundation"])
    directory.add_to_list(rivera.id, ["madisons-foundation"])
    directory.set_item_note(rivera.id, "cure-cask", "Called Tuesday; they will send a pack")
    directory.set_item_note(rivera.id, "pan-foundation", "Applied for copay help")
    chen = directory.create_list("Chen family")
    directory.add_to_list(chen.id, ["pacer", "wrightslaw", "swan-uk"])
    directory.move_item(chen.id, "swan-uk", -2)
    directory.add_to_list(directory.bookmarks().id, ["naf", "hydrocephalus-association"])
    # Local edits (fictional 555-01xx number, example.org address), a check, an archive.
    directory.edit_resource("cure-cask", {"phone": "(614) 555-0100"})
    directory.edit_resource(
        "hydrocephalus-association", {"description": "Our notes: the helpline was kind."}
    )
    directory.edit_resource("naf", {"email": "groups@example.org", "tags": ["ours"]})
    directory.mark_verified(["project-cask"], dt.date(2026, 11, 30))
    directory.archive(["swan-australia"])
    directory.create_resource(
        {
            "name": "Columbus CASK Parents",
            "kind": "support_group",
            "city": "Columbus",
            "region": "Ohio",
            "country": "US",
            "description": "A parents' coffee morning.",
        }
    )
    directory.set_stale_after_days(180)
    directory.close()
    # The gazetteer is left out (the app reloads it on start): the file stays small.
    db = sqlite3.connect(target)
    db.execute("DELETE FROM places")
    db.execute("DELETE FROM metadata WHERE key LIKE 'gazetteer%'")
    db.commit()
    db.execute("VACUUM")
    db.close()


if __name__ == "__main__":
    main(Path(sys.argv[1]))
