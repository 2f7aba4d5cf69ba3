"""The handout says how current each entry is, dates every contact, and what became of a
closed or merged organisation."""

from __future__ import annotations

import html

from cbh_directory.service import Directory


def _entry(text: str, name: str) -> str:
    # entries are h2 under the title, or h3 under a "Near …" section heading
    start = text.index(f">{html.escape(name)}</h")
    end = text.find("<h", start + 1)
    return html.unescape(text[start : end if end > 0 else None])


def test_the_handout_gives_source_dates_and_status(curated: Directory) -> None:
    ids = ["pan-foundation", "hydrocephalus-association", "shine-charity", "fnd-family-star"]
    text = curated.handout(resource_ids=ids).html()
    pan = _entry(text, "PAN Foundation")
    assert "Merged — reported by a source dated March 2026." in pan
    assert "Its work continues at: Patient Advocate Foundation" in pan
    assert "Information from sources dated March 2026, checked December 2026." in pan
    ha = _entry(text, "Hydrocephalus Association")
    assert "(Helpline · source dated 13 March 2025)" in ha
    assert "Peer moderated." in ha and "the source shows no date." in ha
    shine = _entry(text, "Shine")
    assert "(Main office · from a 2017 source — may have changed)" in shine
    family_star = _entry(text, "Family STAR")
    assert "Date unknown — the sources show no date; check before relying on it." in family_star
    assert "Toll-free line · the source shows no date" in family_star
    assert "Last checked" not in text


def test_contact_cards_hold_every_number_and_no_partial_date_as_revision(
    curated: Directory, tmp_path
) -> None:
    from cbh_directory.exchange.exporter import export

    from .test_exports import parse_cards

    path = tmp_path / "contacts.vcf"
    ids = ["tennessee-early-intervention", "vermont-family-network"]
    export(path, curated.export_set(resource_ids=ids))
    text = path.read_text(encoding="utf-8")
    teis, vfn = parse_cards(text)
    phones = [(t.value, t.params["TYPE"]) for t in teis.contents["tel"]]
    assert phones == [
        ("tel:+18008527157", ["work", "voice"]),
        ("tel:+16154017714", ["work", "fax"]),
    ]
    assert "rev" in teis.contents  # a full date (2023-06-26)
    assert "rev" not in vfn.contents  # "2020-06" is not a vCard timestamp
    assert "REV:202006T" not in text
    assert "(802) 876-5315: from a 2020 source — may have changed" in vfn.note.value
    assert "Information from sources dated June 2020" in vfn.note.value
