"""Python naming: cases per role and the reserved-word table.

Consumes: DSL identifiers with their role.
Produces: `SCHEME`, the Python `NamingScheme`. Reserved are:

* the keywords of the Python 3.11 Language Reference, section 2.3.1
  "Keywords" (https://docs.python.org/3.11/reference/lexical_analysis.html#keywords),
  and the soft keywords of section 2.3.2 (`match`, `case`, `_`, plus `type`
  from 3.12 so output stays valid on newer Pythons);
* every name in the `builtins` module (Python 3.11 Library Reference,
  "Built-in Functions" and "Built-in Constants"), so a DSL `len` or `str`
  never shadows a built-in the generated code calls;
* every identifier the generated code itself uses unprefixed: `self`,
  `dataclass`, `enum`, `Enum`, `Final`, `Mapping`, `Never`, `TypeAlias`, `Union`,
  `annotations`, and the JSON helpers `to_json`/`from_json`.

Generated helper names all start with `_` (`_rt`, `_codec`, `_m_game__items`,
`_t1` …); a DSL-derived name never does (the word splitter drops
underscores; an all-underscore DSL name is escaped to `u_…`), so the two
can never meet. Escaping appends `_`, which no re-cased DSL name ends with.
"""

from __future__ import annotations

import builtins
import keyword
from dataclasses import dataclass

from ...naming.scheme import NamingScheme, Role

KEYWORDS = frozenset(keyword.kwlist) | frozenset({"match", "case", "_", "type"})
BUILTINS = frozenset(name for name in dir(builtins) if not name.startswith("__"))
GENERATED = frozenset(
    {
        "self",
        "cls",
        "dataclass",
        "enum",
        "Enum",
        "Final",
        "Mapping",
        "Never",
        "TypeAlias",
        "Union",
        "annotations",
        "to_json",
        "from_json",
    }
)
RESERVED = KEYWORDS | BUILTINS | GENERATED


@dataclass(frozen=True)
class PythonScheme(NamingScheme):
    """The default scheme, plus: a name starting with `_` is moved out of the generated namespace."""

    def name(self, role: Role, dsl_name: str) -> str:
        spelled = super().name(role, dsl_name)
        if spelled.startswith("_"):
            spelled = "u" + spelled + "_"
        return spelled


SCHEME = PythonScheme(
    target="python",
    cases={
        Role.MODULE: "snake",
        Role.TYPE: "pascal",
        Role.VARIANT: "pascal",
        Role.MEMBER: "screaming",
        Role.FIELD: "snake",
        Role.FUNCTION: "snake",
        Role.CONST: "screaming",
        Role.LOCAL: "snake",
    },
    reserved=RESERVED,
)
