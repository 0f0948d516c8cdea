"""The codecs of records and unions (objects of named fields).

Consumes: the classes generated for records and union variants, with their
fields as (JSON name, Python attribute, codec of `codec_basic`).
Produces: `RecordCodec` and `UnionCodec` (a union is tagged by its `kind`
field). Their fast encoder and plain-tree reader are each one compiled
Python expression over all the fields (`_compile`: no per-field loop or call
frame); the strict `read` checks and words errors as
`domaingen.interp.jsoncodec` does.
"""

from __future__ import annotations

import keyword
from typing import Any, Callable

from .codec_basic import Codec, Encoder, checked_object
from .core import InvalidConversion
from .jsontext import JObject, JValue, json_string, kind_of
from .plainjson import NOT_PLAIN, Reader

Field = tuple[str, str, Codec[Any]]  # (JSON name, Python attribute, codec)


def _compile(
    name: str,
    param: str,
    expression: str,
    names: dict[str, Any],
    fields: tuple[Field, ...],
) -> Callable[[Any], Any]:
    """`def name(param): return expression` over `names` (record fields: no per-field loop or call frame).

    The expression names the fields' Python attributes; they must be identifiers.
    """
    if not all(
        n.isidentifier() and not keyword.iskeyword(n)
        for n in (name, param, *names, *(a for _, a, _ in fields))
    ):
        raise ValueError(f"not an identifier among the names of {name}")
    namespace = dict(names, _raise=_raise)
    # names are identifiers, literals repr()
    exec(f"def {name}({param}):\n    return {expression}\n", namespace)  # noqa: S102
    function: Callable[[Any], Any] = namespace[name]
    return function


def _raise(err: Exception) -> Any:
    raise err


class _Fields:
    """The fields of a record or variant, in declaration order."""

    def __init__(self, cls: Callable[..., Any], fields: tuple[Field, ...]) -> None:
        self.cls = cls
        self.fields = fields
        self.by_name = {name: (attr, codec) for name, attr, codec in fields}
        # (`,"name":`, attribute, codec): the comma is dropped for a record's first field
        self.prefixes = tuple(
            ("," + json_string(name) + ":", attr, codec) for name, attr, codec in fields
        )

    def write(self, value: Any, out: list[str], first: bool) -> None:
        for prefix, attr, codec in self.prefixes:
            out.append(prefix[1:] if first else prefix)
            first = False
            codec.write(getattr(value, attr), out)

    def read(self, obj: JObject, path: str, skip: str | None) -> Any:
        got: dict[str, Any] = {}
        by_name = self.by_name
        for key, item in obj.members:
            if key == skip:
                continue
            found = by_name.get(key)
            if found is None:
                raise InvalidConversion(f"{path}: unknown field {json_string(key)}")
            attr, codec = found
            got[attr] = codec.read(item, f"{path}.{key}")
        for name, attr, _ in self.fields:
            if attr not in got:
                raise InvalidConversion(f"{path}: missing field {json_string(name)}")
        return self.cls(**got)

    def build_encoder(self, head: str, first: bool) -> Encoder:
        """`head` (`{` or `{"kind":"V"`), the fields (`first`: no comma before the first), `}`."""
        names = {
            f"e{i}": codec.encoder() for i, (_, _, codec) in enumerate(self.fields)
        }
        parts = [repr(head)]
        for i, (name, attr, _) in enumerate(self.fields):
            parts.append(
                repr(("" if i == 0 and first else ",") + json_string(name) + ":")
                + f" + e{i}(value.{attr})"
            )
        return _compile(
            "encode", "value", " + ".join(parts) + ' + "}"', names, self.fields
        )

    def build_reader(self, extra: int) -> Reader | None:
        """Reads an object of exactly these fields (plus `extra` checked keys, the union tag)."""
        names: dict[str, Any] = {"cls": self.cls, "NOT_PLAIN": NOT_PLAIN}
        args = []
        for i, (name, attr, codec) in enumerate(self.fields):
            reader = names[f"r{i}"] = codec.plain_reader()
            if reader is None:
                return None
            args.append(f"{attr}=r{i}(j[{name!r}])")
        # with no duplicate key and every field present, the size rules out an unknown field
        size = len(self.fields) + extra
        body = f"cls({', '.join(args)}) if type(j) is dict and len(j) == {size} else _raise(NOT_PLAIN)"
        return _compile("read", "j", body, names, self.fields)

    def depth(self) -> int:
        return 1 + max((codec.depth() for _, _, codec in self.fields), default=0)


class RecordCodec(Codec[Any]):
    def __init__(
        self, name: str, cls: Callable[..., Any], fields: tuple[Field, ...]
    ) -> None:
        self.text = name
        self.fields = _Fields(cls, fields)

    def write(self, value: Any, out: list[str]) -> None:
        out.append("{")
        self.fields.write(value, out, True)
        out.append("}")

    def read(self, j: JValue, path: str) -> Any:
        return self.fields.read(checked_object(self, j, path), path, None)

    def build_encoder(self) -> Encoder:
        return self.fields.build_encoder("{", True)

    def build_reader(self) -> Reader | None:
        return self.fields.build_reader(0)

    def depth(self) -> int:
        return self.fields.depth()


class UnionCodec(Codec[Any]):
    """`variants`: (DSL variant name, class, fields) in declaration order."""

    def __init__(
        self,
        name: str,
        variants: tuple[tuple[str, Callable[..., Any], tuple[Field, ...]], ...],
    ) -> None:
        self.text = name
        self.by_name = {vname: _Fields(cls, fields) for vname, cls, fields in variants}
        self.by_class = {
            cls: ('{"kind":' + json_string(vname), self.by_name[vname])
            for vname, cls, _ in variants
        }

    def write(self, value: Any, out: list[str]) -> None:
        head, fields = self.by_class[type(value)]
        out.append(head)
        fields.write(value, out, False)
        out.append("}")

    def read(self, j: JValue, path: str) -> Any:
        obj = checked_object(self, j, path)
        tag: Any = _MISSING
        for key, item in obj.members:
            if key == "kind":
                tag = item
                break
        if tag is _MISSING:
            raise InvalidConversion(f'{path}: missing field "kind"')
        if not isinstance(tag, str):
            raise InvalidConversion(f"{path}.kind: expected String, got {kind_of(tag)}")
        fields = self.by_name.get(tag)
        if fields is None:
            raise InvalidConversion(
                f"{path}.kind: unknown {self.text} variant {json_string(tag)}"
            )
        return fields.read(obj, path, "kind")

    def build_encoder(self) -> Encoder:
        by_class = {
            cls: fields.build_encoder(head, False)
            for cls, (head, fields) in self.by_class.items()
        }

        def encode(value: Any) -> str:
            return by_class[type(value)](value)

        return encode

    def build_reader(self) -> Reader | None:
        by_name = {}
        for name, fields in self.by_name.items():
            reader = fields.build_reader(1)
            if reader is None:
                return None
            by_name[name] = reader

        def read(j: Any) -> Any:
            if type(j) is not dict:
                raise NOT_PLAIN
            return by_name[j["kind"]](j)  # a non-string tag is unhashable or unknown

        return read

    def depth(self) -> int:
        return max((f.depth() for f in self.by_name.values()), default=1)


_MISSING: Any = object()
