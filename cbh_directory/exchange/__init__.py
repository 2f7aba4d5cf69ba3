"""Reading and writing files: the app's JSON, CSV, HSDS data packages, vCard and handouts."""
