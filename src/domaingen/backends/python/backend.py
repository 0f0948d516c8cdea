"""The Python backend: checked IR -> a typed, black-formatted Python package.

Consumes: a checked `ir.Program` and `TargetOptions` (package name, sources).
Produces: the files of docs/targets.md for Python: `pyproject.toml`,
`<pkg>/__init__.py`, `<pkg>/py.typed`, one module per DSL module
(`<pkg>/game/progression.py`), the call table `<pkg>/_calls.py`, the replay
driver `<pkg>/_replay.py` and the runtime `<pkg>/_runtime/` (our `core`,
`codec` with `codec_basic`, `codec_records` and `plainjson`, and `replay`,
plus verbatim copies of `semantics/floatlib.py`,
`semantics/numfmt.py` and the interpreter's strict JSON parser
`interp/jsontext.py`, each under the generated-file header).

The shape of the output (decisions a reader of generated code relies on):

* records: `@dataclass(frozen=True, slots=True)`, fields in declaration
  order, `tuple[...]` for lists and `Mapping[...]` (a dict) for maps;
* enums: `enum.Enum`, members UPPER_SNAKE with the DSL name as value,
  `< <= > >=` by declaration order through a module-level order table;
* unions: one frozen dataclass per variant, always named `<Union><Variant>`
  (see `symbols`), and `Reward: TypeAlias = Union[RewardGold, ...]`;
* functions: one Python expression per DSL expression (Python's own left to
  right order is the DSL's), `match` as a `match` statement where it is the
  whole value of `return`/`let`/assignment, else a conditional chain over
  an assignment-expression temporary (`_t1`); checked arithmetic through
  tiny runtime helpers (`_rt.add`), or Python's own operator where
  `ranges` proves the check cannot fail (`level - 1` after
  `if level <= 1: return 0`), see `exprs` and `stmts`;
* `pow` with a constant exponent: a module-level memo bound once
  (`_pow_curve_exponent = _rt.pow_to(CURVE_EXPONENT)`, at the end of the
  module), whose hit is a single dict lookup;
* errors: `DomainError` with `.kind`/`.message`, one subclass per other kind;
* JSON: one codec object per type built at import; `to_json(value)` and
  `from_json(Type, text)` from the package root.
"""

from __future__ import annotations

from pathlib import Path

from ...ir import nodes as ir
from ..base import BaseBackend, FileView, TargetOptions
from .escape import docstring, string_literal
from .format import format_files
from .naming import SCHEME
from .symbols import Symbols
from .types import type_ref
from .views import header, package_views

_SOURCE = Path(__file__).resolve().parents[2]  # src/domaingen
_COPIED = {
    "floatlib.py": _SOURCE / "semantics" / "floatlib.py",
    "numfmt.py": _SOURCE / "semantics" / "numfmt.py",
    "jsontext.py": _SOURCE / "interp" / "jsontext.py",
}
_OWN = ("core.py", "codec.py", "codec_basic.py", "codec_records.py", "plainjson.py", "replay.py")


class PythonBackend(BaseBackend):
    name = "python"
    scheme = SCHEME
    default_package = "domain"

    def type_ref(self, t: ir.Type, module: str) -> str:
        return type_ref(t, module)

    def string_literal(self, value: str) -> str:
        return string_literal(value)

    def doc_comment(self, text: str, indent: str = "") -> str:
        return docstring(text, indent)

    def view_models(self, program: ir.Program, options: TargetOptions) -> list[FileView]:
        return package_views(program, options, Symbols(program))

    def runtime_files(self, options: TargetOptions) -> dict[str, str]:
        base = f"{options.package}/_runtime"
        files = {
            f"{base}/__init__.py": header("domaingen runtime")
            + '"""The domaingen runtime of this package (errors, checked arithmetic, JSON)."""\n'
        }
        for name in _OWN:
            text = (self.runtime_dir() / name).read_text(encoding="utf-8")
            files[f"{base}/{name}"] = header(f"domaingen runtime (templates/python/runtime/{name})") + text
        for name, path in _COPIED.items():
            rel = path.relative_to(_SOURCE.parent).as_posix()
            files[f"{base}/{name}"] = header(f"{rel} (verbatim copy)") + path.read_text(encoding="utf-8")
        return files

    def format(self, files: dict[str, str]) -> dict[str, str]:
        return format_files(files)
