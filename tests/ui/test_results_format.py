"""The distance column says "online" only for services that help online."""

from __future__ import annotations

from cbh_directory.domain.model import Hit, Resource, SearchQuery
from cbh_directory.service import Directory
from cbh_directory.ui.results_model import DISTANCE, ResultsModel


def test_a_service_of_unstated_format_is_not_called_online(synthetic: Directory) -> None:
    columbus = synthetic.resolve_place("Columbus, OH")
    query = SearchQuery(near=columbus, include_online=True)
    hits = [
        Hit(Resource(id=f"f-{fmt}", name=fmt, kind="local_service", format=fmt))
        for fmt in ("online", "hybrid", "in_person", "unknown")
    ]
    model = ResultsModel()
    model.show_results(query, hits, len(hits))
    shown = {h.resource.format: model.data(model.index(n, DISTANCE)) for n, h in enumerate(hits)}
    assert shown == {"online": "online", "hybrid": "online", "in_person": "", "unknown": ""}
