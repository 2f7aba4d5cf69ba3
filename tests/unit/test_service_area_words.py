"""Where an entry serves, said in Spanish from its codes; its own wording kept and marked."""

from __future__ import annotations

import pytest

from cbh_directory.domain import describe, language
from cbh_directory.domain.model import Resource
from cbh_directory.domain.service_area_words import service_area_text


def _entry(text: str, serves: list[str]) -> Resource:
    return Resource(id="x", name="X", kind="support_group", service_area=text, serves=serves)


@pytest.mark.parametrize(
    ("text", "serves", "spanish"),
    [
        ("United States", ["US"], "Estados Unidos"),
        ("United Kingdom (online)", ["GB"], "Reino Unido (en línea)"),
        ("Worldwide", ["world"], "Todo el mundo"),
        ("Worldwide (online)", ["world"], "Todo el mundo (en línea)"),
        ("Arkansas", ["US-AR"], "Arkansas"),
        ("Chicago, Illinois", ["US-IL"], "Chicago, Illinois (en inglés)"),
        ("United States and Canada", ["US", "CA"], "United States and Canada (en inglés)"),
        ("Europe", ["AT", "BE"], "Europe (en inglés)"),
    ],
)
def test_spanish_readers_see_where_an_entry_serves_in_spanish(
    text: str, serves: list[str], spanish: str
) -> None:
    entry = _entry(text, serves)
    with language.using("es"):
        assert service_area_text(entry) == spanish
    with language.using("en"):
        assert service_area_text(entry) == text


def test_the_details_rows_say_it_in_spanish() -> None:
    entry = _entry("Worldwide (online)", ["world"])
    with language.using("es"):
        rows = dict(describe.detail_lines(entry))
    assert rows["Atiende a"] == "Todo el mundo (en línea)"
