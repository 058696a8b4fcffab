"""Safe YAML reading that remembers where each value came from.

Mappings come back as :class:`LineDict`, which knows the line of the mapping and of each key, so
a bad catalog entry is reported as ``data/catalog/central-XI.yaml:42: 25-NQ/TW@XI: date: …``.
Only ``yaml.safe_load`` semantics are used: no Python objects are ever constructed from data.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path


class DataFileError(ValueError):
    """A data file could not be read. ``str()`` names the file and the line."""

    def __init__(self, path: str | Path, message: str, line: int | None = None):
        self.path = str(path)
        self.line = line
        self.message = message
        where = f"{self.path}:{line}" if line else self.path
        super().__init__(f"{where}: {message}")


class LineDict(dict):
    """A dict that also knows its own line and the line of each key (1-based)."""

    __slots__ = ("line", "key_lines")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.line: int | None = None
        self.key_lines: dict[str, int] = {}

    def line_of(self, key: str) -> int | None:
        return self.key_lines.get(key, self.line)


def _construct_mapping(loader, node) -> LineDict:
    loader.flatten_mapping(node)
    out = LineDict()
    out.line = node.start_mark.line + 1
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        try:
            hash(key)
        except TypeError:
            raise DataFileError(loader.name, f"unhashable mapping key {key!r}",
                                key_node.start_mark.line + 1) from None
        if key in out:
            raise DataFileError(loader.name, f"duplicate key {key!r} in one mapping",
                                key_node.start_mark.line + 1)
        out[key] = loader.construct_object(value_node, deep=True)
        out.key_lines[str(key)] = key_node.start_mark.line + 1
    return out


def _construct_timestamp(loader, node):
    import yaml

    # An impossible date ("2013-13-40") stays a string, so that validation reports it with
    # its field and line instead of the YAML library raising mid-parse.
    try:
        return yaml.constructor.SafeConstructor.construct_yaml_timestamp(loader, node)
    except ValueError:
        return loader.construct_scalar(node)


@lru_cache(maxsize=1)
def _line_loader():
    # yaml loads only when a YAML file is read: a cached catalog needs none of it.
    import yaml

    try:  # the C parser is much faster; the constructor stays the safe Python one
        base = yaml.CSafeLoader  # type: ignore[attr-defined]
    except AttributeError:  # pragma: no cover - libyaml missing
        base = yaml.SafeLoader

    class LineLoader(base):  # type: ignore[misc, valid-type]
        pass

    LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
    LineLoader.add_constructor("tag:yaml.org,2002:timestamp", _construct_timestamp)
    return LineLoader


def read_yaml(path: str | Path):
    """Parse a YAML file safely; errors become :class:`DataFileError` with file and line."""
    p = Path(path)
    try:
        text = p.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise DataFileError(p, "no such file") from None
    except UnicodeDecodeError as exc:
        raise DataFileError(p, f"not UTF-8 (byte offset {exc.start})") from None
    except OSError as exc:
        raise DataFileError(p, f"cannot read: {exc.strerror}") from None
    import yaml

    loader = _line_loader()(text)
    loader.name = str(p)
    try:
        return loader.get_single_data()
    except DataFileError:
        raise
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        problem = exc.problem or exc.context or "invalid YAML"
        raise DataFileError(p, f"invalid YAML: {problem}", line) from None
    except yaml.YAMLError as exc:
        raise DataFileError(p, f"invalid YAML: {exc}") from None
    finally:
        loader.dispose()
