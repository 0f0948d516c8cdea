"""`domaingen lsp` driven as an editor would: JSON-RPC over the process's pipes.

A tiny client (Content-Length framing, a reader thread, a timeout on every
wait) talks to `python -m domaingen lsp` about a two-module workspace in a
temporary folder: diagnostics (with a UTF-16 range after astral
characters), their clearing after an incremental change, hover, definition
across modules, completion after a dot, document symbols, formatting and a
clean shutdown.
"""

from __future__ import annotations

import json
import queue
import subprocess
import sys
import threading
from pathlib import Path
from typing import Any, Callable, Iterator

import pytest

TIMEOUT = 30.0

ITEMS = """\
/// Items sold in the shop.
module shop.items

/// How rare an item is.
enum Rarity { Common, Rare }

/// One item.
record Item {
  /// Display name.
  name: String
  rarity: Rarity
}
"""

MAIN = """\
module shop.main

import shop.items

/// A player's profile.
record Profile {
  /// The level.
  level: Int
  exp: Int
}

/// Adds experience.
fn add_exp(profile: Profile, amount: Int) -> Profile {
  let level = profile.level + 1
  return profile with { level: level, exp: profile.exp + amount }
}

fn twice(p: Profile) -> Profile {
  return add_exp(add_exp(p, 1), 2)
}

fn rarity_of(i: items.Item) -> items.Rarity {
  return i.rarity
}

fn common() -> items.Rarity {
  return items.Rarity.Common
}

fn label() -> Int {
  let s = "😀😀"; return len(s) + undefined_name
}
"""


class Client:
    """Just enough of an LSP client: requests, notifications, waits with timeouts."""

    def __init__(self, cwd: Path) -> None:
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "domaingen", "lsp"],
            cwd=cwd,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        self.inbox: queue.Queue[dict[str, Any] | None] = queue.Queue()
        self.notes: list[dict[str, Any]] = []
        self.next_id = 0
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        out = self.proc.stdout
        assert out is not None
        while True:
            length = None
            while True:
                line = out.readline()
                if not line:
                    self.inbox.put(None)
                    return
                if line in (b"\r\n", b"\n"):
                    break
                key, _, value = line.decode("ascii").partition(":")
                if key.lower() == "content-length":
                    length = int(value.strip())
            assert length is not None
            self.inbox.put(json.loads(out.read(length).decode("utf-8")))

    def send(self, message: dict[str, Any]) -> None:
        body = json.dumps({"jsonrpc": "2.0", **message}).encode("utf-8")
        assert self.proc.stdin is not None
        self.proc.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.proc.stdin.flush()

    def notify(self, method: str, params: Any) -> None:
        self.send({"method": method, "params": params})

    def _next(self) -> dict[str, Any]:
        try:
            message = self.inbox.get(timeout=TIMEOUT)
        except queue.Empty:
            raise AssertionError("the server did not answer in time") from None
        if message is None:
            raise AssertionError("the server closed its output")
        return message

    def request(self, method: str, params: Any) -> Any:
        self.next_id += 1
        wanted = self.next_id
        self.send({"id": wanted, "method": method, "params": params})
        while True:
            message = self._next()
            if message.get("id") == wanted and "method" not in message:
                assert "error" not in message, message
                return message.get("result")
            self._other(message)

    def _other(self, message: dict[str, Any]) -> None:
        if "method" in message and "id" in message:  # a request from the server: accept it
            self.send({"id": message["id"], "result": None})
        elif "method" in message:
            self.notes.append(message)

    def wait_for(self, method: str, accept: Callable[[Any], bool]) -> Any:
        while True:
            for note in self.notes:
                if note["method"] == method and accept(note["params"]):
                    self.notes.remove(note)
                    return note["params"]
            self._other(self._next())


@pytest.fixture()
def workspace(tmp_path: Path) -> Path:
    (tmp_path / "shop").mkdir()
    (tmp_path / "shop" / "items.dg").write_text(ITEMS, encoding="utf-8")
    (tmp_path / "shop" / "main.dg").write_text(MAIN, encoding="utf-8")
    (tmp_path / "broken").mkdir()  # not imported: must not disturb the others
    (tmp_path / "broken" / "junk.dg").write_text("module junk\nfn (\n", encoding="utf-8")
    return tmp_path


@pytest.fixture()
def client(workspace: Path) -> Iterator[Client]:
    c = Client(workspace)
    uri = workspace.as_uri()
    result = c.request(
        "initialize",
        {"processId": None, "rootUri": uri, "capabilities": {}, "workspaceFolders": [{"uri": uri, "name": "ws"}]},
    )
    assert result["capabilities"]["hoverProvider"]
    c.notify("initialized", {})
    yield c
    if c.proc.poll() is None:
        c.proc.kill()
        c.proc.wait(timeout=TIMEOUT)


def utf16(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def position(text: str, needle: str, after: int = 0, nth: int = 0) -> dict[str, int]:
    """The LSP position `after` code points into the `nth` occurrence of `needle`."""
    offset = -1
    for _ in range(nth + 1):
        offset = text.index(needle, offset + 1)
    offset += after
    line = text.count("\n", 0, offset)
    start = text.rfind("\n", 0, offset) + 1
    return {"line": line, "character": utf16(text[start:offset])}


def open_doc(c: Client, path: Path, text: str, version: int = 1) -> str:
    uri = path.as_uri()
    c.notify("textDocument/didOpen", {"textDocument": {"uri": uri, "languageId": "domaingen", "version": version, "text": text}})
    return uri


def diagnostics_for(c: Client, uri: str, accept: Callable[[list[dict[str, Any]]], bool]) -> list[dict[str, Any]]:
    params = c.wait_for("textDocument/publishDiagnostics", lambda p: p["uri"] == uri and accept(p["diagnostics"]))
    result: list[dict[str, Any]] = params["diagnostics"]
    return result


def test_session(client: Client, workspace: Path) -> None:
    c = client
    main_path = workspace / "shop" / "main.dg"
    uri = open_doc(c, main_path, MAIN)

    # diagnostics: code, message, hint and a UTF-16 range after two astral characters
    diags = diagnostics_for(c, uri, lambda d: bool(d))
    assert [d["code"] for d in diags] == ["DG101"]
    assert "undefined_name" in diags[0]["message"]
    assert diags[0]["severity"] == 1 and diags[0]["source"] == "domaingen"
    start = position(MAIN, "undefined_name")
    line_text = MAIN.splitlines()[start["line"]]
    assert start["character"] == utf16(line_text[: line_text.index("undefined_name")])
    assert start["character"] == len(line_text[: line_text.index("undefined_name")]) + 2  # the emoji count twice
    assert diags[0]["range"] == {"start": start, "end": {"line": start["line"], "character": start["character"] + len("undefined_name")}}

    # an incremental change fixes it: the diagnostics are cleared
    fixed = MAIN.replace("undefined_name", "1")
    end = {"line": start["line"], "character": start["character"] + len("undefined_name")}
    c.notify(
        "textDocument/didChange",
        {"textDocument": {"uri": uri, "version": 2}, "contentChanges": [{"range": {"start": start, "end": end}, "text": "1"}]},
    )
    assert diagnostics_for(c, uri, lambda d: True) == []

    # hover: a function with its doc, a local, a built-in, a field from another module
    hover = c.request("textDocument/hover", {"textDocument": {"uri": uri}, "position": position(fixed, "add_exp(add_exp", 2)})
    assert "fn add_exp(profile: Profile, amount: Int) -> Profile" in hover["contents"]["value"]
    assert "Adds experience." in hover["contents"]["value"]
    hover = c.request("textDocument/hover", {"textDocument": {"uri": uri}, "position": position(fixed, "level: level", 8)})
    assert "let level: Int" in hover["contents"]["value"]
    hover = c.request("textDocument/hover", {"textDocument": {"uri": uri}, "position": position(fixed, "len(s)", 1)})
    assert "len(x: String | List<T> | Map<K, V>) -> Int" in hover["contents"]["value"]
    hover = c.request("textDocument/hover", {"textDocument": {"uri": uri}, "position": position(fixed, "i.rarity", 3)})
    assert "rarity: items.Rarity" in hover["contents"]["value"]

    # definition across modules (items.dg is only on disk)
    items_uri = (workspace / "shop" / "items.dg").as_uri()
    where = c.request("textDocument/definition", {"textDocument": {"uri": uri}, "position": position(fixed, "items.Item", 7)})
    assert where["uri"] == items_uri
    assert where["range"]["start"] == position(ITEMS, "Item {")
    where = c.request("textDocument/definition", {"textDocument": {"uri": uri}, "position": position(fixed, "i.rarity", 4)})
    assert where["uri"] == items_uri and where["range"]["start"] == position(ITEMS, "rarity: Rarity")
    where = c.request("textDocument/definition", {"textDocument": {"uri": uri}, "position": position(fixed, "Rarity.Common", 8)})
    assert where["uri"] == items_uri and where["range"]["start"] == position(ITEMS, "Common")
    module_line = {"start": position(ITEMS, "shop.items"), "end": position(ITEMS, "shop.items", len("shop.items"))}
    for needle, after in (("import shop.items", 12), ("items.Item", 2)):
        where = c.request("textDocument/definition", {"textDocument": {"uri": uri}, "position": position(fixed, needle, after)})
        assert where == {"uri": items_uri, "range": module_line}
    where = c.request("textDocument/definition", {"textDocument": {"uri": uri}, "position": position(fixed, "level: level", 9)})
    assert where["uri"] == uri and where["range"]["start"] == position(fixed, "let level", 4)

    # document symbols
    symbols = c.request("textDocument/documentSymbol", {"textDocument": {"uri": uri}})
    assert [s["name"] for s in symbols] == ["Profile", "add_exp", "twice", "rarity_of", "common", "label"]
    assert [ch["name"] for ch in symbols[0]["children"]] == ["level", "exp"]
    assert symbols[1]["selectionRange"]["start"] == position(fixed, "add_exp(profile", 0)
    assert symbols[1]["range"]["start"] == position(fixed, "fn add_exp")
    assert symbols[1]["range"]["end"] == position(fixed, "}\n\nfn twice", 1)

    # completion after `profile.` on a half-typed line, and after `items.`
    typing = fixed.replace("  let level = profile.level + 1\n", "  let level = profile.level + 1\n  let x = profile.\n")
    c.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": 3}, "contentChanges": [{"text": typing}]})
    at = position(typing, "x = profile.", len("x = profile."))
    result = c.request("textDocument/completion", {"textDocument": {"uri": uri}, "position": at, "context": {"triggerKind": 2, "triggerCharacter": "."}})
    labels = {item["label"] for item in result["items"]}
    assert labels == {"level", "exp"}
    typing = fixed.replace("  return i.rarity\n", "  let r = items.\n  return i.rarity\n")
    c.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": 4}, "contentChanges": [{"text": typing}]})
    at = position(typing, "items.\n", len("items."))
    result = c.request("textDocument/completion", {"textDocument": {"uri": uri}, "position": at})
    assert {item["label"] for item in result["items"]} == {"Item", "Rarity"}
    typing = fixed.replace("  return items.Rarity.Common\n", "  return items.Rarity.\n")
    c.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": 5}, "contentChanges": [{"text": typing}]})
    at = position(typing, "Rarity.\n", len("Rarity."))
    result = c.request("textDocument/completion", {"textDocument": {"uri": uri}, "position": at})
    assert {item["label"] for item in result["items"]} == {"Common", "Rare"}
    at = position(typing, "return i.rarity", len("return i"))
    result = c.request("textDocument/completion", {"textDocument": {"uri": uri}, "position": at})
    labels = {item["label"] for item in result["items"]}
    assert {"i", "items", "add_exp", "Profile", "len", "return", "Int"} <= labels and "level" not in labels
    detail = {item["label"]: item.get("detail") for item in result["items"]}
    assert detail["len"] == "len(x: String | List<T> | Map<K, V>) -> Int"

    # hover and symbols survive a document that does not parse
    assert c.request("textDocument/hover", {"textDocument": {"uri": uri}, "position": {"line": 999, "character": 0}}) is None
    c.request("textDocument/documentSymbol", {"textDocument": {"uri": uri}})

    # shutdown and exit, with no feature having failed on the way
    assert c.request("shutdown", None) is None
    c.notify("exit", None)
    assert c.proc.wait(timeout=TIMEOUT) == 0
    assert not [n for n in c.notes if n["method"] == "window/logMessage" and n["params"]["type"] == 1]
    assert c.proc.stderr is not None and b"Traceback" not in c.proc.stderr.read()


def test_positions_count_code_units() -> None:
    from lsprotocol import types as lsp

    from domaingen.lsp.positions import LineTable
    from domaingen.source import SourceFile

    text = 'module m\nconst S: String = "😀é" + x\n'
    span = SourceFile("m.dg", text).span(text.index("x"), text.index("x") + 1)
    assert (span.line, span.col) == (2, 26)  # code points, 1-based
    for encoding, character in (("utf-16", 26), ("utf-8", 29), ("utf-32", 25)):
        table = LineTable(text, encoding)
        assert table.span_range(span).start == lsp.Position(1, character)
        assert table.offset(lsp.Position(1, character)) == text.index("x")
        assert table.position(text.index("x")) == lsp.Position(1, character)
    assert LineTable(text).offset(lsp.Position(1, 20)) == text.index("é")  # inside a surrogate pair: the next character


def test_formatting(client: Client, workspace: Path) -> None:
    fmt = pytest.importorskip("domaingen.fmt")
    if not hasattr(fmt, "format_text"):
        pytest.skip("no formatter yet")
    c = client
    messy = MAIN.replace("profile.level + 1", "profile.level+1").replace("undefined_name", "1")
    uri = open_doc(c, workspace / "shop" / "main.dg", messy)
    edits = c.request("textDocument/formatting", {"textDocument": {"uri": uri}, "options": {"tabSize": 2, "insertSpaces": True}})
    assert len(edits) == 1
    assert "profile.level + 1" in edits[0]["newText"]
    assert edits[0]["range"]["start"] == {"line": 0, "character": 0}
    c.request("shutdown", None)
    c.notify("exit", None)
    assert c.proc.wait(timeout=TIMEOUT) == 0
