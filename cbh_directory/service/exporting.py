"""The service's exchange: what to export, and (see importing) what comes in."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, nullcontext
from pathlib import Path

from ..domain.exports import ExportOptions, PdfRenderer, format_for
from ..domain.handout import Handout
from ..domain.handout_words import chosen_sentence
from ..domain.language import using, words
from ..domain.model import Hit, Place, SearchQuery
from ..exchange.export_set import ExportEntry, ExportSet
from ..exchange.exporter import export
from ..exchange.handout import handout
from ..store.lists import get_list
from ..store.resources import find_resource, get_resource
from .checkups_service import CheckupService


class ExportService(CheckupService):
    def export_hsds(self, path: Path, *, include_inactive: bool = False) -> int:
        """Write the directory as an HSDS 3.0 data package (folder or .zip); returns the count."""
        from ..exchange.hsds_write import write_hsds

        self.check_output(path, allow_folder=True)
        query = SearchQuery(include_inactive=include_inactive, sort="name", limit=None)
        resources = [hit.resource for hit in self.iter_hits(query)]
        codes = {r.country for r in resources if r.country}
        english = self.gazetteer.country_names()  # a data file: the names stay English
        names = {code: english.get(code, code) for code in codes}
        found = self.checkups_for([r.id for r in resources])
        write_hsds(path, resources, country_names=names, checkups=found)
        return len(resources)

    def export_file(
        self,
        path: Path,
        query: SearchQuery | None = None,
        *,
        list_id: int | None = None,
        resource_ids: list[str] | None = None,
        title: str | None = None,
        units: str = "mi",
        include_notes: bool = False,
        prepared_by: str = "",
        options: ExportOptions | None = None,
        pdf_renderer: PdfRenderer | None = None,
        progress: Callable[[int, int], None] | None = None,
        cancelled: Callable[[], bool] | None = None,
        language: str | None = None,
    ) -> str:
        """Write a search's results, a list or chosen resources to `path`, in the format its
        name asks for (a PDF needs `pdf_renderer`); returns a one-line summary. Cancelling
        (`cancelled` turning true) raises ExportCancelled and writes nothing. A handout is
        written in `language` ("en" or "es"; by default the one in use)."""
        format_for(path)  # an unknown ending fails before the search
        self.check_output(path)  # never the live database, its backups, a device or a pipe
        with _in_language(language):
            chosen = self.export_set(
                query,
                list_id=list_id,
                resource_ids=resource_ids,
                title=title,
                units=units,
                include_notes=include_notes,
                prepared_by=prepared_by,
            )
            return export(
                path,
                chosen,
                options,
                progress=progress,
                cancelled=cancelled,
                pdf_renderer=pdf_renderer,
            )

    def handout(
        self,
        query: SearchQuery | None = None,
        *,
        list_id: int | None = None,
        resource_ids: list[str] | None = None,
        title: str | None = None,
        units: str = "mi",
        include_notes: bool = False,
        prepared_by: str = "",
        language: str | None = None,
    ) -> Handout:
        """The handout for printing, from the same choices as export_file."""
        with _in_language(language):
            chosen = self.export_set(
                query,
                list_id=list_id,
                resource_ids=resource_ids,
                title=title,
                units=units,
                include_notes=include_notes,
                prepared_by=prepared_by,
            )
            return handout(chosen)

    def iter_hits(self, query: SearchQuery, batch: int = 2000) -> Iterator[Hit]:
        """Every hit of the query, in order, fetched a batch at a time."""
        offset = 0
        while True:
            page = self.engine.page(dataclasses.replace(query, offset=offset, limit=batch))
            yield from page.hits
            if len(page.hits) < batch:
                return
            offset += batch

    def export_set(
        self,
        query: SearchQuery | None = None,
        *,
        list_id: int | None = None,
        resource_ids: list[str] | None = None,
        title: str | None = None,
        units: str = "mi",
        include_notes: bool = False,
        prepared_by: str = "",
    ) -> ExportSet:
        """What to export: a search's results, one list, or chosen resources (in that order).
        `include_notes` makes a staff copy: the list's notes, and its name, are printed."""
        q = dataclasses.replace(query or SearchQuery(), offset=0, limit=None)
        list_name = ""
        if list_id is not None:
            list_name = get_list(self.db, list_id).name
            q.list_id = list_id
            if q.sort == "relevance" and not q.text.strip():
                q.sort = "list"
        hits = list(self.iter_hits(q))
        unlisted = dataclasses.replace(q, list_id=None)
        criteria = chosen_sentence(
            unlisted,
            list_name=list_name,
            by_hand=None if resource_ids is None else len(resource_ids),
            show_list_name=include_notes,
            units=units,
            country_name=self.gazetteer.country_name,
            data_names=self.value_names(),
        )
        if resource_ids is not None:
            by_id = {hit.resource.id: hit for hit in hits}
            hits = [
                by_id[rid] if rid in by_id else Hit(get_resource(self.db, rid))
                for rid in dict.fromkeys(resource_ids)
            ]
        entries = [ExportEntry.from_hit(hit) for hit in hits]
        codes = {e.resource.country for e in entries if e.resource.country}
        successors = {
            found.id: found.name
            for e in entries
            if e.resource.successor
            and (found := find_resource(self.db, e.resource.successor)) is not None
        }
        return ExportSet(
            # A list's name is the caseworker's label: in the title only on a staff copy.
            title=title
            or (
                words("Support resources: {name}").format(name=list_name)
                if list_name and include_notes
                else words("Support resources")
            ),
            criteria=criteria,
            entries=entries,
            units=units,
            location=_location(q.near) if q.near else "",
            list_name=list_name,
            country_names={code: self.gazetteer.country_name(code) for code in codes},
            successor_names=successors,
            community=self.checked_lines([e.resource for e in entries]),
            include_notes=include_notes,
            prepared_by=prepared_by.strip(),
        )


def _in_language(language: str | None) -> AbstractContextManager[None]:
    return nullcontext() if language is None else using(language)


def _location(place: Place) -> str:
    """Where the handout's search was, in its language; the US is understood."""
    return (
        place.label.removesuffix(", United States")
        if place.country_code == "US"
        else place.shown_label
    )
