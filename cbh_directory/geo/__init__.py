"""Offline geography: the gazetteer of places and distances between points."""
