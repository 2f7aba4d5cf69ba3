"""`python -m cbh_directory` runs the command line."""

from .cli import main

main()
