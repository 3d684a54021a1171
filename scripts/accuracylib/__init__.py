"""The accuracy harness of `make accuracy` (see scripts/accuracy.py)."""
