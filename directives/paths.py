"""Where the bundled data lives.

In a source checkout (and an editable install) the data is the top-level ``data/`` folder; in a
built wheel it is copied into ``directives/_data`` (see ``pyproject.toml``).
"""

from __future__ import annotations

from pathlib import Path

_HERE = Path(__file__).resolve().parent


def data_dir() -> Path:
    for candidate in (_HERE / "_data", _HERE.parent / "data"):
        if (candidate / "vocabulary.yaml").is_file():
            return candidate
    raise FileNotFoundError(
        f"vankien data not found: looked in {_HERE / '_data'} and {_HERE.parent / 'data'}"
    )


def vocabulary_path() -> Path:
    return data_dir() / "vocabulary.yaml"


def catalog_dir() -> Path:
    return data_dir() / "catalog"
