"""The syrupy extension behind golden/: each snapshot is one plain file."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from syrupy.extensions.single_file import SingleFileSnapshotExtension, WriteMode

GOLDEN = Path(__file__).resolve().parent.parent / "golden"


class GoldenFile(SingleFileSnapshotExtension):
    """Stores snapshot `name` as the plain text file golden/<name>.golden."""

    _write_mode = WriteMode.TEXT
    file_extension = "golden"

    @classmethod
    def dirname(cls, *, test_location: Any) -> str:
        return str(GOLDEN)

    @classmethod
    def get_location(cls, *, test_location: Any, index: Any) -> str:
        return str(GOLDEN / f"{index}.golden")

    def serialize(self, data: Any, **kwargs: Any) -> str:
        return str(data)
