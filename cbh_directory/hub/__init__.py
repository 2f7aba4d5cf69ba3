"""The agency hub: an HSDS API 3.0 service over PostgreSQL (install with the [hub] extra)."""
