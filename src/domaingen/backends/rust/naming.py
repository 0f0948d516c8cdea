"""Rust naming: cases per role, the reserved-word table and how to escape.

Consumes: DSL identifiers with their `Role`.
Produces: Rust identifiers, through `SCHEME` (a `NamingScheme` whose
`name()` is role-aware). Sources of the table:

* keywords — The Rust Reference, "Keywords" (strict, 2018+ and reserved,
  plus `gen` reserved in edition 2024): escaped as raw identifiers
  (`r#type`), except `self`, `Self`, `super`, `crate` and `_`, which cannot
  be raw and get a trailing `_` instead;
* the std prelude (`std::prelude::rust_2021`): types, traits and variants
  (`Option`, `Some`, `Vec`, `String`, `Result`, `Ok`, …) and the primitive
  types (`i64`, `str`, …) — escaped with `_` for the type-like roles (types,
  variants, enum members, modules) so that generated code can keep using the
  plain prelude names;
* names the generated code itself uses at module level: `dgrt` (the
  runtime), `calls` (the call table), `std`, `core`, `alloc`, `BTreeMap`,
  `LazyLock`, `Codec`, `MapKey`, and the file names Cargo reserves (`lib`,
  `main`, `bin`).
"""

from __future__ import annotations

from dataclasses import dataclass

from ...naming.scheme import NamingScheme, Role
from ...naming.words import recase

# The Rust Reference, "Keywords": strict keywords (2015), 2018 additions,
# reserved keywords, and `gen` (reserved in edition 2024).
STRICT_KEYWORDS = frozenset(
    """as break const continue crate else enum extern false fn for if impl in let loop match mod move mut
    pub ref return self Self static struct super trait true type unsafe use where while async await dyn""".split()
)
RESERVED_KEYWORDS = frozenset(
    "abstract become box do final macro override priv typeof unsized virtual yield try gen".split()
)
KEYWORDS = STRICT_KEYWORDS | RESERVED_KEYWORDS

# Keywords that cannot be raw identifiers (The Rust Reference, "Identifiers").
NOT_RAW = frozenset({"self", "Self", "super", "crate", "_"})

# std::prelude::rust_2021 and the primitive types.
PRELUDE = frozenset(
    """Copy Send Sized Sync Unpin Drop Fn FnMut FnOnce drop Box ToOwned Clone PartialEq PartialOrd Eq Ord
    AsRef AsMut Into From Default Iterator Extend IntoIterator DoubleEndedIterator ExactSizeIterator Option
    Some None Result Ok Err String ToString Vec TryFrom TryInto FromIterator
    bool char str i8 i16 i32 i64 i128 isize u8 u16 u32 u64 u128 usize f32 f64""".split()
)

# Identifiers the generated code uses at module level.
# `lib`, `main` and `bin` are file names Cargo gives a meaning to (src/lib.rs,
# src/main.rs, src/bin/), so no DSL module may take them.
GENERATED = frozenset(
    {"dgrt", "calls", "std", "core", "alloc", "BTreeMap", "LazyLock", "Codec", "MapKey", "lib", "main", "bin"}
)

_TYPE_LIKE = frozenset({Role.TYPE, Role.VARIANT, Role.MEMBER, Role.MODULE})


def escape(name: str) -> str:
    """`type` -> `r#type`; `self` -> `self_`; `Option` -> `Option_`."""
    if name in KEYWORDS and name not in NOT_RAW:
        return "r#" + name
    return name + "_"


@dataclass(frozen=True)
class RustNamingScheme(NamingScheme):
    """Keywords are escaped in every role; prelude and generated names only
    where they would shadow what generated code refers to (type-like roles)."""

    def name(self, role: Role, dsl_name: str) -> str:
        spelled = recase(dsl_name, self.cases[role])
        clash = spelled in KEYWORDS or spelled in NOT_RAW
        if role in _TYPE_LIKE:
            clash = clash or spelled in self.reserved
        if clash or not spelled.isidentifier():
            spelled = self.escape(spelled)
        return spelled


SCHEME = RustNamingScheme(
    target="rust",
    cases={
        Role.MODULE: "snake",
        Role.TYPE: "pascal",
        Role.VARIANT: "pascal",
        Role.MEMBER: "pascal",
        Role.FIELD: "snake",
        Role.FUNCTION: "snake",
        Role.CONST: "screaming",
        Role.LOCAL: "snake",
    },
    reserved=KEYWORDS | NOT_RAW | PRELUDE | GENERATED,
    escape=escape,
)


def module_segments(module: str) -> list[str]:
    """`game.progression` -> ["game", "progression"], each escaped for Rust."""
    return [SCHEME.name(Role.MODULE, part) for part in module.split(".")]


def module_path(module: str) -> str:
    """The absolute Rust path of a DSL module: `crate::game::progression`."""
    return "crate::" + "::".join(module_segments(module))


def file_segment(segment: str) -> str:
    """A module segment as a file name (`r#type` lives in `type.rs`)."""
    return segment.removeprefix("r#")
