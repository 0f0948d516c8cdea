"""Rendering: Jinja2 templates in `templates/<target>/`, fed by view models.

Consumes: a template name and a context of ready-made strings.
Produces: text. The environment is strict (`StrictUndefined`: a missing
value is an error, never an empty string), keeps trailing newlines, and is
built once per process. Templates are found in the repository's top-level
`templates/` (development) or inside the installed wheel (`domaingen/templates`).
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import jinja2


@lru_cache(maxsize=1)
def templates_dir() -> Path:
    here = Path(__file__).resolve().parent
    for candidate in (here / "templates", here.parent.parent / "templates"):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError("domaingen templates not found (broken installation?)")


@lru_cache(maxsize=1)
def environment() -> "jinja2.Environment":
    import jinja2

    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(templates_dir())),
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
        autoescape=False,
    )


def render_template(name: str, context: dict[str, Any]) -> str:
    return environment().get_template(name).render(**context)
