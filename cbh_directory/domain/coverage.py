"""The coverage report of the curated dataset (resources/dataset/COVERAGE.md): for each focus
term, country and US state the entries that cover it, and the notes that say where none is
known. scripts/coverage_report.py writes it; a test checks it is current and complete."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from . import vocabulary as vocab
from .dataset_counts import COUNT_LABELS, dataset_counts
from .model import Resource

EARLY_INTERVENTION_TAG = "part-c"  # the dataset's tag for a state's IDEA Part C programme


@dataclass(frozen=True, slots=True)
class NoneKnown:
    """resources/dataset/none-known.json: what was looked for and not found, with where the
    research notes say so; and what was not researched at all."""

    focus: Mapping[str, str] = field(default_factory=dict)  # term id -> note
    countries: Mapping[str, str] = field(default_factory=dict)  # ISO code -> note
    us_states: Mapping[str, str] = field(default_factory=dict)  # "US-GU" -> note

    @classmethod
    def from_json(cls, data: Mapping[str, object]) -> NoneKnown:
        def notes(key: str) -> dict[str, str]:
            found = data.get(key, {})
            if not isinstance(found, Mapping):
                raise ValueError(f"none-known: {key} must be an object of notes")
            return {str(k): str(v) for k, v in found.items()}

        return cls(notes("focus"), notes("countries"), notes("us_states"))


def uncovered_terms(resources: Iterable[Resource], notes: NoneKnown) -> list[str]:
    """Focus terms that no active entry carries and no none-known note explains."""
    covered = {t for r in resources if r.status == "active" for t in r.focus}
    return [t.id for t in vocab.FOCUS_TERMS if t.id not in covered and t.id not in notes.focus]


def states_without_early_intervention(
    resources: Iterable[Resource], states: Mapping[str, str], notes: NoneKnown
) -> list[str]:
    """US state codes ("US-OH") with no active early-intervention entry and no note."""
    served = {
        code
        for r in resources
        if r.status == "active" and EARLY_INTERVENTION_TAG in r.tags
        for code in r.serves
    }
    return [code for code in states if code not in served and code not in notes.us_states]


def coverage_markdown(
    resources: list[Resource],
    *,
    version: str,
    notes: NoneKnown,
    country_names: Mapping[str, str],
    us_states: Mapping[str, str],
) -> str:
    """The whole report. `us_states` maps "US-OH" to "Ohio" for the states reported on."""
    active = [r for r in resources if r.status == "active"]
    lines = [
        "# Coverage of the curated dataset",
        "",
        f"Dataset {version}. Written by `python scripts/coverage_report.py` from `directory.json`,",
        "the focus vocabulary (`cbh_directory/domain/vocabulary.py`) and `none-known.json`; do",
        "not edit it by hand (a test fails when it is out of date). Only active entries count as",
        "covering something; closed and merged ones are listed at the end.",
        "",
        "## In numbers",
        "",
        "| | entries |",
        "| --- | ---: |",
    ]
    counts = dataset_counts(resources)
    lines += [f"| {label} | {counts[key]} |" for key, label in COUNT_LABELS]
    lines += [f"| {kind.label} | {counts['by_kind'][kind.id]} |" for kind in vocab.KINDS]
    lines += ["", "## Focus terms", ""]
    lines += [
        "Each term lists the entries that carry it, by kind. Entries of narrower terms are also",
        "found by a filter on the broader one; they are counted, not listed, under it.",
    ]
    for group in vocab.FOCUS_GROUPS:
        lines += ["", f"### {group.label}", ""]
        for term in (t for t in vocab.FOCUS_TERMS if t.group == group.id):
            lines += _term_lines(term, active, notes)
    lines += ["", "## Countries", ""]
    lines += ["Where entries serve people (`serves`; “world” is everywhere)."]
    lines += _country_lines(active, notes, country_names)
    lines += ["", "## US states", ""]
    lines += [
        "Entries that serve one state or territory (entries serving the whole country are not",
        "repeated here).",
        "“Early intervention” is the state's IDEA Part C programme.",
        "",
        "| state | early intervention | entries |",
        "| --- | --- | --- |",
    ]
    for code, name in us_states.items():
        here = [r for r in active if code in r.serves]
        early = [r.id for r in here if EARLY_INTERVENTION_TAG in r.tags]
        listed = ", ".join(f"`{r.id}`" for r in here)
        if code in notes.us_states:
            listed = "; ".join(p for p in (listed, notes.us_states[code]) if p)
        shown_early = ", ".join(f"`{i}`" for i in early) or "—"
        lines.append(f"| {name} ({code[3:]}) | {shown_early} | {listed or '—'} |")
    closed = [r for r in resources if r.status != "active"]
    lines += ["", "## Closed or merged", ""]
    lines += [f"- `{r.id}` ({r.name}): {r.status_note or 'inactive'}" for r in closed] or ["None."]
    return "\n".join(lines) + "\n"


def _by_kind(entries: list[Resource]) -> str:
    parts = []
    for kind in vocab.KINDS:
        ids = [f"`{r.id}`" for r in entries if r.kind == kind.id]
        if ids:
            parts.append(f"{kind.short or kind.label} ({len(ids)}): " + ", ".join(ids))
    return "; ".join(parts)


def _term_lines(term: vocab.FocusTerm, active: list[Resource], notes: NoneKnown) -> list[str]:
    direct = [r for r in active if term.id in r.focus]
    narrower = {
        r.id
        for r in active
        if term.id not in r.focus and term.id in vocab.focus_with_ancestors(r.focus)
    }
    head = f"- **{term.label}** (`{term.id}`): {len(direct)} {_entries(len(direct))}"
    if narrower:
        head += f", and {len(narrower)} through narrower terms"
    lines = [head]
    if direct:
        lines.append(f"  - {_by_kind(direct)}")
    if term.id in notes.focus:
        lines.append(f"  - None known: {notes.focus[term.id]}")
    return lines


def _country_lines(
    active: list[Resource], notes: NoneKnown, country_names: Mapping[str, str]
) -> list[str]:
    codes = sorted(
        {s.partition("-")[0] for r in active for s in r.serves} | set(notes.countries),
        key=lambda c: (c != "world", country_names.get(c, c)),
    )
    lines = []
    for code in codes:
        here = [r for r in active if any(s.partition("-")[0] == code for s in r.serves)]
        name = "The whole world" if code == "world" else f"{country_names.get(code, code)}"
        head = f"- **{name}** (`{code}`): {len(here)} {_entries(len(here))}"
        lines.append(head)
        if here:
            lines.append(f"  - {_by_kind(here)}")
        if code in notes.countries:
            lines.append(f"  - None known: {notes.countries[code]}")
    unplaced = [r.id for r in active if not r.serves]
    if unplaced:
        lines.append(f"- Serving no stated area: {', '.join(f'`{i}`' for i in unplaced)}")
    return lines


def _entries(count: int) -> str:
    return "entry" if count == 1 else "entries"
