"""The facet registry: each filter group declared once, for search, counts, CLI, panel, handout.

The search index (store/index.py), the facet counts (store/facets.py), the query check
(store/search.py), the CLI options (cli/search_options.py), the filter panel
(ui/facet_model.py, ui/filter_panel.py) and the handout's "chosen by" line (describe.py) all
read FACETS; none of them names a facet. docs/ARCHITECTURE.md says how to add one.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from . import vocabulary as vocab
from .language import words
from .taxonomy import code_path, top_level, top_level_label

INTERNATIONAL = "International / not stated"  # a country facet's value for "no country"


def _same(value: str) -> str:
    return value


def _ids(terms: Sequence[vocab.Term | vocab.FocusTerm]) -> str:
    return ", ".join(t.id for t in terms)


@dataclass(frozen=True, slots=True)
class Facet:
    """One filter group: what it filters, where its values come from, and how it shows."""

    id: str  # the group's id in facet counts, panel values and saved filters
    label: str  # "Kind": the handout's "chosen by" line names the group so
    query_field: str  # SearchQuery's typed list of chosen values; "": they live in .filters
    field: str  # the Resource field it filters (a column, or a side table when `multi`)
    terms: tuple[vocab.Term | vocab.FocusTerm, ...] = ()  # fixed vocabulary; () = from the data
    multi: bool = False  # a resource has several values (a bit set in the search index)
    qualified_by: str = ""  # values are "<qualifier>/<value>" (regions: "US/Ohio")
    option: str = ""  # the CLI option --<option> (search and export)
    option_help: str = ""
    value_label: Callable[[str], str] = _same  # a value's label when there is no vocabulary
    place_names: bool = False  # values are country codes, labelled by the gazetteer's names
    heading: str = ""  # filter panel heading; facets sharing one are shown together
    heading_label: str = ""
    heading_help: str = ""
    expanded: bool = False  # the heading starts open in the filter panel
    subgroups: tuple[vocab.Term, ...] = ()  # panel values sit under these (the term's group)
    nest_under: str = ""  # panel values sit under this facet's value (their qualifier)
    short_labels: Mapping[str, str] = dataclasses.field(default_factory=dict)  # narrow labels
    # A list field of JSON objects (not text): the facet value of each object.
    item_value: Callable[[Mapping[str, str]], str] | None = None
    # A tree below the top level (with item_value): the values a JSON object sits under,
    # outermost first, its own last. A value is kept where some object has it as its own
    # (so it has a name), and choosing it chooses everything under it.
    item_path: Callable[[Mapping[str, str]], tuple[str, ...]] | None = None
    # Only resources of these kinds have a value (asked, shown, filtered); empty: every kind.
    only_kinds: frozenset[str] = frozenset()

    @property
    def option_dest(self) -> str:
        """The name click gives the option's values."""
        return self.query_field or f"facet_{self.id}"

    @property
    def term_by_id(self) -> dict[str, vocab.Term | vocab.FocusTerm]:
        return {t.id: t for t in self.terms}

    def label_of(
        self,
        value: str,
        country_name: Callable[[str], str] | None = None,
        data_names: Mapping[str, str] | None = None,
    ) -> str:
        """A chosen value in words, for the handout. `data_names`: the names the data gives
        values it holds (a service type's code -> "Food Pantries")."""
        term = self.term_by_id.get(value)
        if term is not None:
            return words(term.label)
        if self.place_names:
            return (country_name(value) if country_name else value) or words("International")
        if data_names and value in data_names:
            return data_names[value]
        return self.value_label(value)


FACETS: tuple[Facet, ...] = (
    Facet(
        "kind",
        "Kind",
        "kinds",
        "kind",
        vocab.KINDS,
        option="kind",
        option_help=f"Kind (id or label, any case): {_ids(vocab.KINDS)}.",
        heading_label="Kind",
        expanded=True,
        short_labels=vocab.KIND_SHORT,
    ),
    Facet(
        "focus",
        "Focus",
        "focus",
        "focus",
        vocab.FOCUS_TERMS,
        multi=True,
        option="focus",
        option_help="Focus term id, label or synonym (e.g. CASK, joubert, congenital-cmv); "
        "a broad term includes its children.",
        heading_label="Focus",
        heading_help="Some groups cater to one genetic form or syndrome, others to broader issues.",
        expanded=True,
        subgroups=vocab.FOCUS_GROUPS,
    ),
    Facet(
        "moderation",
        "Moderation",
        "moderation",
        "moderation",
        vocab.MODERATION,
        option="moderation",
        option_help=f"Moderation (any case): {_ids(vocab.MODERATION)}.",
        heading_label="Moderation",
        heading_help="Are posts reviewed by professionals, by trained peers, or by nobody?",
        expanded=True,
        only_kinds=vocab.COMMUNITY_KINDS,
    ),
    Facet(
        "activity",
        "Member activity",
        "activity",
        "activity",
        vocab.ACTIVITY,
        option="activity",
        option_help=f"Activity: {_ids(vocab.ACTIVITY)}.",
        heading_label="Member activity",
        heading_help="How quickly do members usually reply?",
        expanded=True,
        only_kinds=vocab.COMMUNITY_KINDS,
    ),
    Facet(
        "format",
        "Format",
        "formats",
        "format",
        vocab.FORMATS,
        option="format",
        option_help=f"Format: {_ids(vocab.FORMATS)}.",
        heading_label="Format",
        expanded=True,
    ),
    Facet(
        "language",
        "Language",
        "languages",
        "languages",
        multi=True,
        option="language",
        option_help="Language name or code, any case: Spanish, español, es.",
        value_label=vocab.language_label,
        heading_label="Language",
    ),
    Facet(
        "service_type",
        "Service type",
        "",
        "taxonomy",
        multi=True,
        option="service-type",
        option_help="An imported service's taxonomy: a 211/AIRS top-level letter (B: Basic "
        "Needs, L: Health Care, …), a code below it (BD-1800: it and the codes under it) or "
        "another taxonomy's term name.",
        value_label=top_level_label,
        heading_label="Service type",
        heading_help="What kind of service an imported 211 entry is, from its own taxonomy.",
        item_value=top_level,
        item_path=code_path,
    ),
    Facet(
        "cost",
        "Cost",
        "costs",
        "cost",
        vocab.COSTS,
        option="cost",
        option_help=f"Cost: {_ids(vocab.COSTS)}.",
        heading_label="Cost",
    ),
    Facet(
        "country",
        "Country",
        "countries",
        "country",
        option="country",
        option_help="Country name or code: US, USA, 'United States', GB, UK.",
        place_names=True,
        heading="place",
        heading_label="Country / region",
    ),
    Facet(
        "region",
        "Region",
        "regions",
        "region",
        qualified_by="country",
        option="region",
        option_help="State or region: Kentucky, KY, US-KY or US/Kentucky.",
        value_label=lambda value: value.partition("/")[2] or value,
        heading="place",
        heading_label="Country / region",
        nest_under="country",
    ),
)
FACET_BY_ID: dict[str, Facet] = {f.id: f for f in FACETS}


def heading_of(facet: Facet) -> str:
    """The filter panel heading a facet shows under (its own id unless it shares one)."""
    return facet.heading or facet.id
