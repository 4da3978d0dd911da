"""`pain-coach` and `python -m coach`: subcommands run without importing textual."""

from coach.cli import main

if __name__ == "__main__":
    raise SystemExit(main())
