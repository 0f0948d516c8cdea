"""Output: turning generated files into files on disk, safely.

Consumes: the desired files (relative path -> content) for an output folder.
Produces: a `Plan` (what to write, what is stale, what is unchanged), and
applies it atomically:

* everything is generated in memory first, so a failure leaves the previous
  output untouched; each file is written to a temporary sibling and renamed;
* a file whose content is unchanged is not rewritten (its mtime stays, so
  build systems do not rebuild);
* `.domaingen-manifest.json` in the output folder lists what domaingen wrote
  (with hashes and the input fingerprint); files it lists that are no longer
  generated are removed, files it does not list are never touched.
"""

from __future__ import annotations

import difflib
import hashlib
import json
import os
import tempfile
from dataclasses import dataclass, field

MANIFEST = ".domaingen-manifest.json"


def sha(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@dataclass
class Manifest:
    fingerprint: str = ""
    files: dict[str, str] = field(default_factory=dict)  # relpath -> sha256

    @staticmethod
    def read(out_dir: str) -> "Manifest":
        try:
            with open(os.path.join(out_dir, MANIFEST), encoding="utf-8") as handle:
                data = json.load(handle)
            return Manifest(str(data.get("fingerprint", "")), dict(data.get("files", {})))
        except (OSError, ValueError, AttributeError):
            return Manifest()

    def text(self) -> str:
        data = {"generator": "domaingen", "fingerprint": self.fingerprint, "files": dict(sorted(self.files.items()))}
        return json.dumps(data, indent=2, sort_keys=False) + "\n"


@dataclass
class Plan:
    write: dict[str, str]
    delete: list[str]
    unchanged: list[str]

    @property
    def stale(self) -> list[str]:
        return sorted(list(self.write) + self.delete)


def _read(path: str) -> str | None:
    try:
        with open(path, encoding="utf-8", newline="") as handle:
            return handle.read()
    except (OSError, UnicodeDecodeError):
        return None


def make_plan(out_dir: str, desired: dict[str, str], previous: Manifest, owned_prefixes: tuple[str, ...]) -> Plan:
    """`owned_prefixes`: the target folders this run regenerates (others are left alone)."""
    write: dict[str, str] = {}
    unchanged: list[str] = []
    for rel, content in sorted(desired.items()):
        if _read(os.path.join(out_dir, rel)) == content:
            unchanged.append(rel)
        else:
            write[rel] = content
    delete = sorted(
        rel
        for rel in previous.files
        if rel not in desired and rel.startswith(owned_prefixes) and os.path.exists(os.path.join(out_dir, rel))
    )
    return Plan(write, delete, unchanged)


class OutputError(Exception):
    """The output folder could not be written (permissions, a file in the way, a full disk)."""


def _stage(path: str, content: str) -> str:
    """Write `content` to a temporary sibling of `path`; return its name."""
    folder = os.path.dirname(path) or "."
    os.makedirs(folder, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=folder, prefix=".dg-", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            handle.write(content)
    except BaseException:
        os.unlink(tmp)
        raise
    return tmp


def _atomic_write(path: str, content: str) -> None:
    tmp = _stage(path, content)
    try:
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise


def apply_plan(out_dir: str, plan: Plan, manifest: Manifest) -> None:
    """Two phases: stage every new file next to its destination, then rename.

    A failure while staging (permissions, a file where a folder should be, a
    full disk) removes the staged files and leaves the previous output exactly
    as it was; it is raised as `OutputError`.
    """
    staged: list[tuple[str, str]] = []
    current = ""
    try:
        for rel, content in plan.write.items():
            current = os.path.join(out_dir, rel)
            staged.append((_stage(current, content), current))
        for tmp, path in staged:
            current = path
            os.replace(tmp, path)
        staged = []
        for rel in plan.delete:
            current = path = os.path.join(out_dir, rel)
            os.unlink(path)
            folder = os.path.dirname(path)
            while folder and os.path.abspath(folder) != os.path.abspath(out_dir) and not os.listdir(folder):
                os.rmdir(folder)
                folder = os.path.dirname(folder)
        if plan.write or plan.delete or Manifest.read(out_dir).text() != manifest.text():
            current = os.path.join(out_dir, MANIFEST)
            _atomic_write(current, manifest.text())
    except OSError as exc:
        raise OutputError(f"cannot write {current}: {exc.strerror or exc}") from exc
    finally:
        for tmp, _ in staged:
            if os.path.exists(tmp):
                os.unlink(tmp)


def describe_plan(out_dir: str, plan: Plan, max_diff_lines: int = 400) -> str:
    """The stale files and a unified diff, for `generate --check`."""
    lines: list[str] = []
    for rel in plan.stale:
        state = "removed declaration" if rel in plan.delete else ("missing" if not os.path.exists(os.path.join(out_dir, rel)) else "out of date")
        lines.append(f"stale: {os.path.join(out_dir, rel)} ({state})")
    diff: list[str] = []
    for rel in plan.stale:
        old = _read(os.path.join(out_dir, rel)) or ""
        new = plan.write.get(rel, "")
        diff += difflib.unified_diff(old.splitlines(), new.splitlines(), f"a/{rel}", f"b/{rel}", lineterm="")
    if len(diff) > max_diff_lines:
        diff = diff[:max_diff_lines] + [f"... ({len(diff) - max_diff_lines} more diff lines)"]
    return "\n".join(lines + diff) + "\n"
