"""stable_uuid is uuid5 in the app's namespace, computed faster: the ids must not change."""

from __future__ import annotations

import uuid

from hypothesis import given
from hypothesis import strategies as st

from cbh_directory.exchange.hsds_common import _NAMESPACE, stable_uuid


@given(st.lists(st.text(max_size=40), min_size=1, max_size=4))
def test_stable_uuid_is_uuid5(parts: list[str]) -> None:
    assert stable_uuid(*parts) == str(uuid.uuid5(_NAMESPACE, "/".join(parts)))


def test_known_ids_stay_the_same() -> None:
    # Ids in packages already exported and in hubs already loaded.
    assert stable_uuid("taxonomy", "cbh-directory") == "9dd9220e-2895-5728-9fab-4c0625de10ed"
    assert stable_uuid("term", "field:id") == "849a57b8-6f7d-512f-a906-8b892c51bf66"
