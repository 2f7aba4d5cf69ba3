"""Text that leaves the app cannot forge a contact, open a file or drive the terminal:
issue 11, items 6, 7 and 8."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
import vobject

from cbh_directory.domain.model import SearchQuery
from cbh_directory.service import Directory

from ..cli.test_cli import run

FORGED = "https://ok.example.org\r\nEND:VCARD\r\nBEGIN:VCARD\r\nVERSION:4.0\r\nFN:Forged"
OSC52 = "\x1b]52;c;ZXZpbCBjbGlwYm9hcmQ=\x07"
OSC0 = "\x1b]0;pwned window title\x07"
CLEAR = "\x1b[2J\x1b[H"
C1_CSI = "\x9b2J"


def _csv(path: Path, rows: list[dict[str, str]]) -> Path:
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    return path


def _list_file(path: Path, name: str, snapshot: dict[str, str], note: str = "") -> Path:
    payload = {
        "format": "cbh-directory-list",
        "format_version": 1,
        "name": name,
        "note": note,
        "items": [{"id": "gone-group", "name": "Gone group", "note": "", "snapshot": snapshot}],
    }
    path.write_text(json.dumps(payload), encoding="utf-8")
    return path


def _cards(path: Path) -> list[vobject.base.Component]:
    return list(vobject.readComponents(path.read_text(encoding="utf-8")))


def test_a_website_with_a_line_break_never_forges_a_second_contact(
    synthetic_db: Path, tmp_path: Path
) -> None:
    db = str(synthetic_db)
    source = _csv(tmp_path / "in.csv", [{"name": "Honest group", "website": FORGED}])
    run("--db", db, "import", str(source))
    listed = _list_file(tmp_path / "l.json", "Shared", {"name": "Gone group", "website": FORGED})
    assert run("--db", db, "lists", "import", str(listed)).code == 0
    everything = tmp_path / "all.vcf"
    assert run("--db", db, "export", str(everything), "--inactive").code == 0
    shared = tmp_path / "shared.vcf"
    assert run("--db", db, "export", str(shared), "--list", "Shared").code == 0
    for exported in (everything, shared):
        text = exported.read_text(encoding="utf-8")
        assert "Forged" not in text, exported.name
        names = [card.fn.value for card in _cards(exported)]
        assert len(names) == text.count("BEGIN:VCARD") and "Forged" not in names
    edit = run("--db", db, "edit", "test-cask-peers", "--set", f"website={FORGED}")
    assert edit.code != 0, "an address with a line break must be refused by edit"


def test_shared_lists_open_only_web_links_and_mail_and_phone_links_the_app_built(
    synthetic: Directory, tmp_path: Path, qtbot
) -> None:
    from cbh_directory.ui.details_pane import DetailsPane, LinkButton

    hostile = {
        "name": "Gone group",
        "website": "mailto:x@evil.example?attach=/home/u/.ssh/id_rsa",
        "email": "a@b.org?attach=/etc/shadow",
        "phone": "+16145550100 ext. 1;phone-context=evil.example",
    }
    info = synthetic.import_list(_list_file(tmp_path / "l.json", "Visit", hostile))
    list_id = synthetic.list_info(info.list_name).id
    page = synthetic.search(SearchQuery(list_id=list_id, limit=None))
    hit = next(h for h in page.hits if h.resource.id == "gone-group")
    pane = DetailsPane(lambda code: code)
    qtbot.addWidget(pane)
    pane.show_hit(hit)
    urls = [button.url for button in pane.findChildren(LinkButton)]
    for url in urls:
        assert url.startswith(("http://", "https://", "mailto:", "tel:")), url
        assert "attach" not in url and "phone-context" not in url and "?" not in url, url


def test_an_email_with_a_query_never_becomes_a_link_in_a_handout(
    synthetic_db: Path, tmp_path: Path
) -> None:
    db = str(synthetic_db)
    source = _csv(
        tmp_path / "in.csv", [{"name": "Mail group", "email": "a@b.org?attach=/etc/shadow"}]
    )
    run("--db", db, "import", str(source))
    handout = tmp_path / "handout.html"
    assert run("--db", db, "export", str(handout), "--inactive").code == 0
    assert "attach=" not in handout.read_text(encoding="utf-8").split("mailto:", 1)[-1][:80]
    assert 'href="mailto:a@b.org?attach' not in handout.read_text(encoding="utf-8")


def _no_controls(text: str) -> bool:
    return not any(ch in text for ch in ("\x1b", "\x07", "\x9b", "\x9d"))


def test_the_terminal_never_receives_control_sequences_from_data(
    synthetic_db: Path, tmp_path: Path
) -> None:
    db = str(synthetic_db)
    name = f"Evil{OSC52}{OSC0}{CLEAR} group"
    source = _csv(tmp_path / "in.csv", [{"name": name, "description": f"About{C1_CSI}{CLEAR} it"}])
    printed = [run("--db", db, "import", str(source), "--dry-run")]
    run("--db", db, "import", str(source))
    # Rows from an older version, before imports cleaned text, reach the terminal too.
    with Directory.open(synthetic_db, prepare=False) as directory:
        directory.db.execute(
            "UPDATE resources SET name = ?, description = ? WHERE id = 'test-cask-peers'",
            [f"CASK{OSC52}peers", f"x{OSC0}{C1_CSI}y"],
        )
        directory.db.execute(
            "INSERT INTO lists (name, kind) VALUES (?, 'user')", [f"List{OSC0}{CLEAR}"]
        )
    printed += [
        run("--db", db, "search"),
        run("--db", db, "search", "--json"),
        run("--db", db, "search", "--csv"),
        run("--db", db, "show", "test-cask-peers"),
        run("--db", db, "show", "test-cask-peers", "--json"),
        run("--db", db, "lists"),
        run("--db", db, "lists", "--json"),
        run("--db", db, "lists", "show", "nope\x1b[2J"),
        run("--db", db, "lists", "add", f"List{OSC0}{CLEAR}", "test-cask-peers"),
    ]
    assert any("CASK" in r.out for r in printed)
    for result in printed:
        assert _no_controls(result.out) and _no_controls(result.err), (result.out, result.err)
    shown = run("--db", db, "show", "test-cask-peers", "--json").json()
    assert shown["name"].startswith("CASK") and shown["name"].endswith("peers")


@pytest.mark.parametrize(
    "url",
    [
        "https://ok.example.org\r\nX-EVIL:1",
        "https://ok.example.org\nEND:VCARD",
        "https://ok.example.org\t/x",
        "https://ok.example.org/\x00",
        "https://ok.example.org/\x1b[2J",
        "https://ok.example.org/\u0085x",
    ],
)
def test_a_website_with_control_characters_is_refused_by_edit(
    synthetic: Directory, url: str
) -> None:
    from cbh_directory.domain.errors import InputError

    with pytest.raises(InputError):
        synthetic.edit_resource("test-cask-peers", {"website": url})
