"""Searches as people type them: phrases read as filters, partial matches, and what an empty
result would give without each of its words and filters."""

from __future__ import annotations

import dataclasses
import re

from ..domain import language, phrases, relaxing, values
from ..domain.errors import InputError
from ..domain.model import SearchPage, SearchQuery
from ..domain.phrases import Chip, Interpretation
from ..domain.relaxing import Relaxed
from ..store.partial import partial_page
from .base import ServiceBase


class PhraseService(ServiceBase):
    """Reading a typed search, and helping when it finds nothing."""

    def interpret(self, query: SearchQuery) -> Interpretation:
        """The search the typed text means: "CASK support group" is the text "CASK" with the
        kind Support group; "near Columbus, OH" or "in France" sets the place or country."""
        reading = phrases.read(query.text)
        if not reading.understood:
            return Interpretation(query, (), query.text)
        read = dataclasses.replace(query, text=reading.text)
        chips: list[Chip] = []
        for phrase in reading.phrases:
            chosen = read.filter_values()[phrase.facet]
            read.set_values(phrase.facet, [*chosen, *(v for v in phrase.values if v not in chosen)])
            chips.append(Chip(phrase.words, phrase.label))
        if reading.place:
            chip = self._place(read, reading.place, reading.place_words)
            if chip is None:  # not a place we know: the words are searched as text
                read.text = " ".join(w for w in (reading.text, reading.place_words) if w)
            else:
                chips.append(chip)
        return Interpretation(read, tuple(chips), read.text)

    def _place(self, query: SearchQuery, text: str, words: str) -> Chip | None:
        """Narrow the query to a country, a region or a town named `text`, when it is one.
        A code ('UK', 'KY') counts only in capitals: 'in Pa' is Paris half typed, not Panama."""
        code = len(text) <= 3
        if code and not text.isupper():
            return None
        regions = self.gazetteer.regions_named(text)
        country = self.gazetteer.country_code(text)
        if country and not (code and len(regions) == 1):  # 'in CA': California, not Canada
            query.set_values("country", [*query.countries, country])
            label = self.gazetteer.country_name(country)
            return Chip(words, language.words("Country: {name}").format(name=label))
        if len(regions) == 1:
            country_code, _, name = regions[0]
            query.set_values("region", [*query.regions, f"{country_code}/{name}"])
            return Chip(words, language.words("Region: {name}").format(name=name))
        if query.near is not None or not words.casefold().startswith(phrases.PLACE_WORDS):
            return None
        try:  # typed a letter at a time: no suggestions for the unfinished name
            place = self.gazetteer.resolve(text, suggest=False)
        except InputError:
            return None
        query.near = place
        return Chip(words, language.words("Near: {place}").format(place=place.shown_label))

    def filter_value(self, facet_id: str, text: str, countries: list[str] | None = None) -> str:
        """A filter value as a person types it ('Spanish', 'USA', 'Kentucky', 'Peer') -> the
        value searched ('es', 'US', 'US/Kentucky', 'peer'); an unknown one is an InputError
        naming the closest values. `countries` settles a region code two countries share."""
        text = text.strip()
        if facet_id == "country":
            code = self.gazetteer.country_code(text)
            if code is None:
                raise values.unknown("country", text, self.gazetteer.country_names().values())
            return code
        if facet_id == "region":
            return self._region_value(text, countries or [])
        return values.typed_value(facet_id, text)

    def _region_value(self, text: str, countries: list[str]) -> str:
        country, name = None, text
        qualified = re.match(r"^([A-Za-z]{2})\s*[-/]\s*(.+)$", text)
        if qualified:
            country, name = self.gazetteer.country_code(qualified[1]), qualified[2]
        elif "," in text:
            name, _, after = text.rpartition(",")
            country = self.gazetteer.country_code(after)
        found = self.gazetteer.regions_named(name)
        if country:
            found = [r for r in found if r[0] == country]
        elif len(found) > 1 and countries:
            found = [r for r in found if r[0] in countries] or found
        if len(found) == 1:
            return f"{found[0][0]}/{found[0][2]}"
        if found:
            options = ", ".join(f"{c}-{code} ({n})" for c, code, n in found)
            raise InputError(
                "region {text!r} is more than one place; say which: {options}",
                text=text,
                options=options,
            )
        names = [n for c, _, n in self.gazetteer.regions() if not country or c == country]
        raise values.unknown("region", name.strip(), names)

    def partial_matches(self, query: SearchQuery) -> SearchPage:
        """Entries meeting some of the words, filters and place, those meeting most first."""
        parts = relaxing.constraints(query)
        bare = relaxing.only(query, relaxing.Constraint("none", ""))
        scored = [(relaxing.only(query, c), c.kind in ("word", "filter")) for c in parts]
        return partial_page(self.engine, query, bare, scored)

    def relaxations(self, query: SearchQuery) -> list[Relaxed]:
        """How many each word, filter and the place would give if it were taken away."""
        return [
            Relaxed(c, self.engine.count(relaxing.without(query, c)))
            for c in relaxing.constraints(query, self.value_names())
        ]
