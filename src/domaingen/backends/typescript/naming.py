"""TypeScript names: the naming scheme and its reserved-word table.

Consumes: DSL identifiers with their role (`domaingen.naming.scheme.Role`).
Produces: `SCHEME` (types PascalCase, functions and locals camelCase,
constants SCREAMING_CASE, enum members and variant tags verbatim, because
they are string literals and JSON names) and `FIELD_SCHEME` for record and
variant properties, where JavaScript allows every IdentifierName (`class`,
`default`) and only the union discriminant `kind` must be escaped.

The reserved table cites its sources:
* ECMAScript 2022, section 12.7.2 "Keywords and Reserved Words" (including
  the strict-mode and future reserved words, since modules are strict);
* the TypeScript handbook / `scanner.ts` keyword list (contextual keywords
  and the predefined type names, which cannot name a type);
* the ES2022 standard library globals and TypeScript utility types that
  generated code or its readers rely on (`Map`, `ReadonlyMap`, `Error`, ...);
* every identifier the generated code itself uses: the runtime namespace
  `dgrt` and the union discriminant `kind`. Temporaries and import aliases
  contain `$`, which no DSL identifier can, so they never clash.
"""

from __future__ import annotations

from ...naming.scheme import NamingScheme, Role

ECMASCRIPT_RESERVED = frozenset("""
    await break case catch class const continue debugger default delete do else enum export extends
    false finally for function if import in instanceof new null return super switch this throw true
    try typeof var void while with yield let static implements interface package private protected
    public arguments eval
    """.split())

TYPESCRIPT_KEYWORDS = frozenset("""
    abstract accessor any as asserts assert async bigint boolean constructor declare from get global
    infer intrinsic is keyof module namespace never number object of out override readonly require
    satisfies set string symbol type undefined unique unknown using
    """.split())

GLOBALS = frozenset("""
    Array ArrayLike Awaited BigInt Boolean Date Error EvalError Exclude Extract Function Infinity
    InstanceType Iterable IterableIterator Iterator JSON Map Math NaN NonNullable Number Object Omit
    Parameters Partial Pick Promise PropertyKey Proxy RangeError Readonly ReadonlyArray ReadonlyMap
    ReadonlySet Record Reflect RegExp Required ReturnType Set String Symbol SyntaxError TypeError
    URIError WeakMap WeakSet globalThis console process
    """.split())

GENERATED = frozenset({"dgrt", "kind"})

RESERVED = ECMASCRIPT_RESERVED | TYPESCRIPT_KEYWORDS | GLOBALS | GENERATED

SCHEME = NamingScheme(
    target="typescript",
    cases={
        Role.MODULE: "verbatim",
        Role.TYPE: "pascal",
        Role.VARIANT: "pascal",
        Role.MEMBER: "verbatim",
        Role.FIELD: "camel",
        Role.FUNCTION: "camel",
        Role.CONST: "screaming",
        Role.LOCAL: "camel",
    },
    reserved=RESERVED,
)

FIELD_SCHEME = NamingScheme(
    target="typescript",
    cases=dict(SCHEME.cases),
    reserved=frozenset({"kind"}),
)


def type_name(name: str) -> str:
    return SCHEME.name(Role.TYPE, name)


def variant_type_name(union: str, variant: str) -> str:
    """`RewardGold`: the interface of one union variant."""
    return type_name(union) + SCHEME.name(Role.VARIANT, variant)


def field_name(name: str) -> str:
    return FIELD_SCHEME.name(Role.FIELD, name)


def function_name(name: str) -> str:
    return SCHEME.name(Role.FUNCTION, name)


def const_name(name: str) -> str:
    return SCHEME.name(Role.CONST, name)


def local_name(name: str) -> str:
    return SCHEME.name(Role.LOCAL, name)


def module_alias(module: str) -> str:
    """`game$items` (`util$` for a one-part name): a namespace import; `$` never clashes."""
    parts = module.split(".")
    return "$".join(parts) if len(parts) > 1 else parts[0] + "$"
