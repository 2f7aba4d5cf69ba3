"""The service's editing: adding and changing resources by hand, archiving, verifying."""

from __future__ import annotations

import datetime as dt
from typing import Any

from ..domain.errors import InputError
from ..domain.model import Resource
from ..geo.gazetteer import locate
from ..store import edits
from ..store.resources import get_resource
from .base import ServiceBase


class EditingService(ServiceBase):
    def create_resource(self, values: dict[str, Any]) -> Resource:
        """Add a resource by hand; coordinates come from the gazetteer when none are given."""
        return edits.create_resource(self.db, self._with_place(values, None))

    def edit_resource(self, resource_id: str, changes: dict[str, Any]) -> Resource:
        """Change fields; on curated or imported resources the change is kept as a local edit."""
        current = get_resource(self.db, resource_id)
        return edits.edit_resource(self.db, resource_id, self._with_place(changes, current))

    def local_edits(self, resource_id: str) -> dict[str, tuple[Any, Any]]:
        return edits.local_edits_of(self.db, resource_id)

    def revert_field(self, resource_id: str, field: str) -> Resource:
        return edits.revert_field(self.db, resource_id, field)

    def archive(self, resource_ids: list[str], archived: bool = True) -> list[str]:
        return edits.set_status(self.db, resource_ids, "inactive" if archived else "active")

    def mark_verified(
        self, resource_ids: list[str], day: dt.date | None = None, by: str = ""
    ) -> list[str]:
        """Record that `by` (a name or initials) checked these today: evidence signed and
        dated that day, shown as "Checked by JD on …"."""
        return edits.mark_verified(self.db, resource_ids, day, by)

    def delete_local_resource(self, resource_id: str) -> Resource:
        return edits.delete_local_resource(self.db, resource_id)

    def country_codes(self) -> dict[str, str]:
        return {
            row[0]: row[1]
            for row in self.db.execute("SELECT code, name FROM countries ORDER BY name")
        }

    def _with_place(self, values: dict[str, Any], current: Resource | None) -> dict[str, Any]:
        """Check the country, and find coordinates for the city when none are given."""
        values = dict(values)
        country = str(values.get("country", current.country if current else "") or "").upper()
        if country and country not in self.country_codes():
            raise InputError(
                "unknown country code {country!r}; use ISO codes such as US, GB, CA",
                country=country,
            )
        place_fields = ("city", "region", "country")
        coordinates_given = values.get("latitude") not in (None, "")
        moved = current is None or any(
            name in values and values[name] != getattr(current, name) for name in place_fields
        )
        if moved and not coordinates_given:
            merged = {**(current.to_dict() if current else {}), **values}
            place = locate(
                self.gazetteer,
                str(merged.get("city") or ""),
                str(merged.get("region") or ""),
                str(merged.get("country") or ""),
            )
            values["latitude"] = place.latitude if place else None
            values["longitude"] = place.longitude if place else None
        return values
