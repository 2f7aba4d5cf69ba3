"""CBH Directory: an offline directory of support resources for families of children with CBH."""

__version__ = "0.1.0"
