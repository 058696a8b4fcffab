"""A cache of loaded catalogs, so that a command starts in milliseconds.

Parsing and validating the YAML catalog takes a tenth of a second; unpickling the validated
entries takes a few milliseconds. The cache key covers every catalog file (path, size,
modification time), the vocabulary and the vankien and Python versions, so an edit to any file
makes a fresh load. Set ``VANKIEN_CACHE_DIR`` to move the cache, or to ``off`` to disable it.
An unwritable or corrupt cache is ignored, never an error.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import sys
import tempfile
from pathlib import Path

from .paths import vocabulary_path

_VERSION = "1"


def cache_dir() -> Path | None:
    env = os.environ.get("VANKIEN_CACHE_DIR")
    if env and env.lower() in ("off", "0", "no", "false"):
        return None
    if env:
        return Path(env)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "vankien"


def catalog_key(path: Path) -> str | None:
    if cache_dir() is None:
        return None
    try:
        files = sorted(path.rglob("*.y*ml")) if path.is_dir() else [path]
        h = hashlib.sha1(f"{_VERSION}|{sys.version_info[:2]}|{path.resolve()}".encode())
        for f in [*files, vocabulary_path()]:
            st = f.stat()
            h.update(f"{f}|{st.st_size}|{st.st_mtime_ns}\n".encode())
        # Code changes that alter the cached objects change this file's own stamp too.
        here = Path(__file__).resolve().parent
        for f in (here / "models.py", here / "vocabulary.py"):
            h.update(f"{f.stat().st_mtime_ns}".encode())
        return h.hexdigest()
    except OSError:
        return None


def load(key: str, prefix: str = "catalog"):
    d = cache_dir()
    if d is None:
        return None
    try:
        with open(d / f"{prefix}-{key}.pickle", "rb") as fh:
            return pickle.load(fh)
    except Exception:  # a missing, stale or corrupt cache is just a miss
        return None


def store(key: str, value, prefix: str = "catalog") -> None:
    d = cache_dir()
    if d is None:
        return
    try:
        d.mkdir(parents=True, exist_ok=True)
        for old in d.glob(f"{prefix}-*.pickle"):
            old.unlink(missing_ok=True)
        fd, tmp = tempfile.mkstemp(dir=d, suffix=".tmp")
        with os.fdopen(fd, "wb") as fh:
            pickle.dump(value, fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, d / f"{prefix}-{key}.pickle")
    except OSError:
        pass
