"""The workspace view: which texts make up the program an editor is looking at.

Consumes: the workspace root folders, the open documents (uri → text) and
the `.dg` files on disk below the roots.
Without root folders, the folders of the open documents stand in.
Produces: `{path: text}` for the front end — every open document (its text
overrides the file on disk) plus, transitively, the files on disk that
declare the modules they import — and the uri of each path. Only the import
closure is taken, so a broken file elsewhere in the tree (say, a folder of
bad examples) neither silences checking nor floods the editor.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field

from pygls.uris import from_fs_path, to_fs_path

_MODULE = re.compile(r"^\s*module\s+([A-Za-z_][\w.]*)", re.M)
_IMPORT = re.compile(r"^\s*import\s+([A-Za-z_][\w.]*)", re.M)
_MAX_FILES = 5_000


def uri_to_path(uri: str) -> str:
    path = to_fs_path(uri) if uri.startswith("file:") else None
    return os.path.normpath(path) if path else uri


@dataclass
class WorkspaceView:
    roots: list[str] = field(default_factory=list)
    open: dict[str, str] = field(default_factory=dict)  # path -> text
    uris: dict[str, str] = field(default_factory=dict)  # path -> uri as the client spelt it

    def set_document(self, uri: str, text: str) -> str:
        path = uri_to_path(uri)
        self.open[path] = text.replace("\r\n", "\n")
        self.uris[path] = uri
        return path

    def close_document(self, uri: str) -> str:
        path = uri_to_path(uri)
        self.open.pop(path, None)
        return path

    def uri(self, path: str) -> str:
        return self.uris.get(path) or from_fs_path(path) or path

    def disk_files(self) -> list[str]:
        found: list[str] = []
        roots = self.roots or sorted({os.path.dirname(p) for p in self.open if os.path.isabs(p)})
        for root in roots:
            for folder, dirs, files in os.walk(root):
                dirs[:] = sorted(d for d in dirs if not d.startswith(".") and d not in ("node_modules", "target", "__pycache__"))
                found += [os.path.normpath(os.path.join(folder, f)) for f in sorted(files) if f.endswith(".dg")]
                if len(found) > _MAX_FILES:
                    return found
        return found

    def texts(self) -> dict[str, str]:
        """The open documents and the files on disk their imports need."""
        texts = dict(self.open)
        providers: dict[str, list[str]] = {}
        disk: dict[str, str] = {}
        for path in self.disk_files():
            if path in texts:
                continue
            text = _read(path)
            match = _MODULE.search(text) if text is not None else None
            if text is not None and match is not None:
                disk[path] = text
                providers.setdefault(match.group(1), []).append(path)
        declared = {m.group(1) for t in texts.values() for m in [_MODULE.search(t)] if m is not None}
        todo = list(texts)
        while todo:
            path = todo.pop()
            for name in _IMPORT.findall(texts[path]):
                if name in declared or name not in providers:
                    continue
                chosen = max(providers[name], key=lambda p: _closeness(p, path))
                texts[chosen] = disk[chosen]
                declared.add(name)
                todo.append(chosen)
        return texts


def _closeness(a: str, b: str) -> int:
    try:
        return len(os.path.commonpath([os.path.abspath(a), os.path.abspath(b)]))
    except ValueError:
        return 0


def _read(path: str) -> str | None:
    try:
        with open(path, encoding="utf-8") as handle:
            text = handle.read()
    except (OSError, UnicodeDecodeError):
        return None
    return text.removeprefix("\ufeff").replace("\r\n", "\n")
