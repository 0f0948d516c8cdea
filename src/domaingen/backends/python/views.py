"""View models: every Python file as a template name plus ready-made strings.

Consumes: a checked `ir.Program`, `TargetOptions`, `Symbols`.
Produces: `FileView`s for `templates/python/*.j2`: one module file per DSL
module (declarations in source order, then the JSON codecs in dependency
order), an `__init__.py` per package folder, the package `__init__.py`,
`pyproject.toml`, `py.typed`, the call table `_calls.py` and `_replay.py`.
Every decision (names, annotations, docstrings, bodies, imports) is made
here; the templates only loop over the strings.
"""

from __future__ import annotations

import json
from typing import Any

from ...ir import nodes as ir
from ..base import HEADER, FileView, TargetOptions
from .escape import docstring, string_literal
from .layout import fit
from .stmts import StmtEmitter
from .symbols import Symbols, module_alias, module_parts
from .types import codec_ref, named_deps, type_ref


def header(source: str) -> str:
    safe = "".join(ch if ch.isprintable() else "?" for ch in source)
    return f"# {HEADER}\n# source: {safe}\n"


def py_tuple(items: list[str]) -> str:
    """A Python tuple display: `()`, `(a,)`, `(a, b)`."""
    return "(" + ", ".join(items) + ("," if len(items) == 1 else "") + ")"


def _doc(text: str | None, indent: str) -> str:
    return docstring(text, indent) if text else ""


class ModuleView:
    """The view of one DSL module's file."""

    def __init__(self, symbols: Symbols, module: ir.Module, options: TargetOptions) -> None:
        self.symbols = symbols
        self.module = module
        self.options = options
        self.name = module.name
        self.pow_memos: dict[str, str] = {}  # filled while the functions are emitted

    def ordered(self) -> list[ir.Decl]:
        """Source order, except that a constant whose type names an enum, record or
        union of this module moves after the last such declaration (its value
        calls the class at import time; everything else is looked up lazily)."""
        decls = list(self.module.decls)
        types = [i for i, d in enumerate(decls) if isinstance(d, (ir.Enum, ir.Record, ir.Union_))]
        if not types:
            return decls
        last = types[-1]
        late = [
            d
            for i, d in enumerate(decls[:last])
            if isinstance(d, ir.Const) and any(t.module == self.name for t in named_deps(d.type))
        ]
        early = [d for d in decls[: last + 1] if not any(d is x for x in late)]
        return early + late + decls[last + 1 :]

    def context(self) -> dict[str, Any]:
        decls: list[dict[str, Any]] = []
        for decl in self.ordered():
            match decl:
                case ir.Const():
                    decls.append(self.const(decl))
                case ir.Enum():
                    decls.append(self.enum(decl))
                case ir.Record():
                    decls.append(self.record(decl))
                case ir.Union_():
                    decls.append(self.union(decl))
                case ir.Function():
                    decls.append(self.function(decl))
                case ir.Test():
                    pass
        for i, d in enumerate(decls):
            # black keeps one blank line between the imports and a first statement
            # that is not a `def`/`class`/decorator, two everywhere else
            plain = d["template"] == "const.py.j2" or (d["template"] == "union.py.j2" and not d["variants"])
            d["gap"] = "\n" if i == 0 and plain else "\n\n"
        kinds = {d.kind for d in self.module.decls}
        typing_names = ["Final"] if kinds & {"const", "enum"} else []
        if any("Mapping[" in line for d in decls for line in d.get("texts", [])):
            typing_names.append("Mapping")
        if "union" in kinds:
            typing_names += ["TypeAlias", "Union"]
        if any(isinstance(d, ir.Union_) and not d.variants for d in self.module.decls):
            typing_names.append("Never")
        dots = "." * len(self.name.split("."))
        imports = [
            f"from {'.' * len(self.name.split('.'))}{'.'.join(module_parts(m)[:-1])} import {module_parts(m)[-1]} as {module_alias(m)}"
            for m in self.module.imports
        ]
        return {
            "header": header(self.options.sources.get(self.name, self.module.path)),
            "doc": _doc(self.module.doc, ""),
            "enum_import": "enum" in kinds,
            "dataclass_import": bool(kinds & {"record", "union"}),
            "typing_import": ", ".join(sorted(typing_names)),
            "dots": dots,
            "imports": imports,
            "decls": decls,
            "pow_memos": [fit(f"{name} = _rt.pow_to({text})") for name, text in self.pow_memos.items()],
            "codecs": [fit(line) for line in self.codecs()],
        }

    # --- declarations ----------------------------------------------------------------

    def const(self, c: ir.Const) -> dict[str, Any]:
        from .exprs import ExprEmitter, Locals

        value = ExprEmitter(self.symbols, self.name, Locals()).emit(c.value).text
        annotation = type_ref(c.type, self.name)
        return {
            "template": "const.py.j2",
            "line": fit(f"{Symbols.const(c.name)}: Final[{annotation}] = {value}"),
            "doc": _doc(c.doc, ""),
            "texts": [annotation],
        }

    def enum(self, e: ir.Enum) -> dict[str, Any]:
        name = Symbols.type_name(e.name)
        members = [
            {"name": Symbols.member(m.name), "value": string_literal(m.name), "doc": _doc(m.doc, "    ")}
            for m in e.members
        ]
        order = "{" + ", ".join(f"{name}.{Symbols.member(m.name)}: {i}" for i, m in enumerate(e.members)) + "}"
        return {
            "template": "enum.py.j2",
            "name": name,
            "doc": _doc(e.doc or f"The DSL enum `{e.name}`.", "    "),
            "members": members,
            "order_name": f"_{name}_order",
            "order": fit(f"_{name}_order: Final[dict[{name}, int]] = {order}"),
        }

    def fields(self, fields: tuple[ir.RecordField, ...]) -> list[dict[str, str]]:
        return [
            {
                "line": fit(f"    {Symbols.field(f.name)}: {type_ref(f.type, self.name)}"),
                "type": type_ref(f.type, self.name),
                "doc": _doc(f.doc, "    "),
            }
            for f in fields
        ]

    def record(self, r: ir.Record) -> dict[str, Any]:
        fields = self.fields(r.fields)
        return {
            "template": "record.py.j2",
            "name": Symbols.type_name(r.name),
            "doc": _doc(r.doc or f"The DSL record `{r.name}`.", "    "),
            "fields": fields,
            "texts": [f["type"] for f in fields],
        }

    def union(self, u: ir.Union_) -> dict[str, Any]:
        variants: list[dict[str, Any]] = []
        alias = "Union[" + ", ".join(self.symbols.variant_class(self.name, u.name, v.name) for v in u.variants) + "]"
        alias = alias if u.variants else "Never"
        for v in u.variants:
            cls = self.symbols.variant_class(self.name, u.name, v.name)
            doc = v.doc or f"The variant `{u.name}.{v.name}`."
            variants.append({"name": cls, "doc": _doc(doc, "    "), "fields": self.fields(v.fields)})
        return {
            "template": "union.py.j2",
            "name": Symbols.type_name(u.name),
            "doc": _doc(u.doc, ""),
            "variants": variants,
            "alias": fit(f"{Symbols.type_name(u.name)}: TypeAlias = {alias}"),
            "texts": [f["type"] for v in variants for f in v["fields"]],
        }

    def function(self, fn: ir.Function) -> dict[str, Any]:
        body = StmtEmitter(self.symbols, self.name, self.pow_memos).function(fn)
        ret = type_ref(fn.ret, self.name)
        signature = f"def {Symbols.function(fn.name)}({body.params}) -> {ret}:"
        return {
            "template": "function.py.j2",
            "signature": fit(signature),
            "doc": _doc(fn.doc, "    "),
            "lines": [fit(line) for line in body.lines],
            "texts": [signature, *body.lines],
        }

    # --- codecs ------------------------------------------------------------------------

    def codecs(self) -> list[str]:
        """`_codec_X = …` and `_codec.register(…)` lines, dependencies first."""
        order: list[str] = []
        local = {d.name: d for d in self.module.decls if isinstance(d, (ir.Enum, ir.Record, ir.Union_))}

        def visit(name: str) -> None:
            if name in order:
                return
            decl = local[name]
            fields: list[ir.RecordField] = []
            if isinstance(decl, ir.Record):
                fields = list(decl.fields)
            elif isinstance(decl, ir.Union_):
                fields = [f for v in decl.variants for f in v.fields]
            for f in fields:
                for dep in named_deps(f.type):
                    if dep.module == self.name and dep.name != name:
                        visit(dep.name)
            order.append(name)

        for name in local:
            visit(name)
        lines: list[str] = []
        for name in order:
            lines += self.codec(local[name])
        return lines

    def field_specs(self, fields: tuple[ir.RecordField, ...]) -> str:
        return py_tuple(
            [
                f"({string_literal(f.name)}, {string_literal(Symbols.field(f.name))}, {codec_ref(f.type, self.name)})"
                for f in fields
            ]
        )

    def codec(self, decl: ir.Enum | ir.Record | ir.Union_) -> list[str]:
        cls = Symbols.type_name(decl.name)
        var = "_codec_" + cls
        dsl_name = string_literal(decl.name)
        if isinstance(decl, ir.Enum):
            members = ", ".join(f"{string_literal(m.name)}: {cls}.{Symbols.member(m.name)}" for m in decl.members)
            return [
                f"{var} = _codec.EnumCodec({dsl_name}, {{{members}}})",
                f"_codec.register({cls}, {var})",
            ]
        if isinstance(decl, ir.Record):
            return [
                f"{var} = _codec.RecordCodec({dsl_name}, {cls}, {self.field_specs(decl.fields)})",
                f"_codec.register({cls}, {var})",
            ]
        variants = []
        classes = []
        for v in decl.variants:
            vcls = self.symbols.variant_class(self.name, decl.name, v.name)
            classes.append(vcls)
            variants.append(f"({string_literal(v.name)}, {vcls}, {self.field_specs(v.fields)})")
        return [
            f"{var} = _codec.UnionCodec({dsl_name}, {py_tuple(variants)})",
            f"_codec.register({cls}, {var}, {py_tuple(classes)})",
        ]


def module_path(package: str, module: str) -> str:
    return "/".join([package, *module_parts(module)]) + ".py"


def package_views(program: ir.Program, options: TargetOptions, symbols: Symbols) -> list[FileView]:
    pkg = options.package
    views: list[FileView] = []
    folders: set[str] = set()
    for module in program.modules:
        views.append(
            FileView(module_path(pkg, module.name), "module.py.j2", ModuleView(symbols, module, options).context())
        )
        parts = module_parts(module.name)[:-1]
        for i in range(1, len(parts) + 1):
            folders.add("/".join(parts[:i]))
    support = header("domaingen (package support file)")
    for folder in sorted(folders):
        views.append(FileView(f"{pkg}/{folder}/__init__.py", "folder_init.py.j2", {"header": support}))
    views.append(FileView(f"{pkg}/__init__.py", "package_init.py.j2", {"header": support, "package": pkg}))
    views.append(FileView(f"{pkg}/py.typed", "py.typed.j2", {"header": support}))
    views.append(
        FileView(
            "pyproject.toml",
            "pyproject.toml.j2",
            {
                "header": support,
                "package": json.dumps(pkg),
                "package_glob": json.dumps(pkg + ".*"),
                "version": json.dumps(options.version),
            },
        )
    )
    views.append(FileView(f"{pkg}/_calls.py", "calls.py.j2", calls_context(program, symbols, support)))
    views.append(FileView(f"{pkg}/_replay.py", "replay.py.j2", {"header": support}))
    return views


def calls_context(program: ir.Program, symbols: Symbols, support: str) -> dict[str, Any]:
    """The call table, filled by one short `_add(name, function, result codec,
    "parameter names", parameter codec...)` statement per function, module by module
    (black formats short statements much faster than one big dict display); every
    codec that is not a plain `INT`/`FLOAT`/`BOOL`/`STRING` is built once beforehand,
    named after its type (`_LIST_INT`, `_PROFILE`)."""
    imports = [
        f"from .{'.'.join(module_parts(m.name)[:-1]) or ''} import {module_parts(m.name)[-1]} as {module_alias(m.name)}"
        for m in program.modules
    ]
    codecs = _CallCodecs()
    entries = []
    for module in program.modules:
        functions = [d for d in module.decls if isinstance(d, ir.Function)]
        if functions:
            entries += ["", f"_add = _Adder({string_literal(module.name)})"]
        for decl in functions:
            names = string_literal(" ".join(p.name for p in decl.params))
            fn = f"{module_alias(module.name)}.{Symbols.function(decl.name)}"
            key = string_literal(decl.name)
            params = [codecs.name(p.type) for p in decl.params]
            entries.append(fit(f"_add({', '.join([key, fn, codecs.name(decl.ret), names, *params])})"))
    return {
        "header": support,
        "imports": imports,
        "codecs": [fit(f"{name} = {text}") for name, text in codecs.defined.items()],
        "entries": entries,
    }


class _CallCodecs:
    """The codecs of `_calls.py`, each defined once (dependencies first)."""

    def __init__(self) -> None:
        self.defined: dict[str, str] = {}  # name -> expression
        self.names: dict[str, str] = {}  # expression -> name

    def name(self, t: ir.Type) -> str:
        match t:
            case ir.IntType() | ir.FloatType() | ir.BoolType() | ir.StringType():
                return codec_ref(t, "").removeprefix("_codec.")
            case ir.ListType(elem=elem):
                text, spelled = f"ListCodec({self.name(elem)})", f"LIST_{self.name(elem).lstrip('_')}"
            case ir.MapType(key=key, value=value):
                inner = f"{self.name(key)}, {self.name(value)}"
                text = f"MapCodec({inner})"
                spelled = "MAP_" + self.name(key).lstrip("_") + "_" + self.name(value).lstrip("_")
            case ir.OptionalType(inner=inner_type):
                text, spelled = f"OptionalCodec({self.name(inner_type)})", f"OPT_{self.name(inner_type).lstrip('_')}"
            case ir.NamedType(module=module, name=type_name):
                text = codec_ref(t, "")
                spelled = type_name.upper()
                if self.defined.get("_" + spelled, text) != text:  # two modules' types of one name
                    spelled = "_".join([*module_parts(module), type_name]).upper()
            case _:
                raise AssertionError(t)
        if text not in self.names:
            name, n = "_" + spelled, 1
            while name in self.defined:
                n += 1
                name = f"_{spelled}_{n}"
            self.defined[name] = text
            self.names[text] = name
        return self.names[text]
