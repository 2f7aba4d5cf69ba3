"""Reading and writing files: the app's JSON format (and later CSV, HSDS, vCard, handouts)."""
