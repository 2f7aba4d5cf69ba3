"""Domain layer: data classes, vocabularies, validation and errors (no Qt, no SQL)."""
