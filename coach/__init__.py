"""pain-coach: a terminal self-care coach for pelvic girdle and buttock pain in pregnancy."""

__version__ = "0.2.0"
