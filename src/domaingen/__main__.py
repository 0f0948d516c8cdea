"""`python -m domaingen` is the `domaingen` command."""

from .cli import main

main()
