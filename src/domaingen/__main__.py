"""`python -m domaingen` is the `domaingen` command."""

from .cli import console

console()
