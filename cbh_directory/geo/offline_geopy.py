"""geopy for distances only, imported so that it cannot go online.

Importing geopy loads its online geocoders, and with them `requests` and `urllib3` when those
are installed; urllib3 opens a socket at import time to probe for IPv6. CBH Directory never
geocodes online (places come from the offline gazetteer), so geopy is imported with
`requests` held back: its online adapters are then unavailable and an offline session opens
no socket at all (tests/reliability/test_privacy.py).
"""

from __future__ import annotations

import sys

_held_back = "requests" not in sys.modules
if _held_back:
    sys.modules["requests"] = None  # type: ignore[assignment]  # makes `import requests` fail
try:
    from geopy.distance import EARTH_RADIUS, great_circle
finally:
    if _held_back:
        del sys.modules["requests"]  # others in this process may still import it

__all__ = ["EARTH_RADIUS", "great_circle"]
