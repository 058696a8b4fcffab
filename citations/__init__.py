"""vankien.citations — find, resolve, check and relate Party citations in Vietnamese text.

Four separate steps, as in eyecite: :func:`clean` → :func:`find` → :func:`resolve` →
:func:`check`; :func:`extract` runs them all, :func:`analyze` adds relations.

>>> [c.resolved.id for c in extract("theo Kết luận số 43-KL/TW ngày 7/1/2019 của Ban Bí thư")]
['43-KL/TW@XII']
"""

from .annotate import annotate, corrected
from .api import Analysis, analyze, extract
from .check import check, check_one
from .clean import CleanText, clean
from .find import find, find_in_clean
from .models import Citation, CitationIssue, Fix, TextRelation
from .published import infer_locality, infer_published
from .relations import find_relations
from .resolve import ResolveContext, default_catalog, resolve, resolve_one

__all__ = [
    "Analysis", "Citation", "CitationIssue", "CleanText", "Fix", "ResolveContext", "TextRelation",
    "analyze", "annotate", "check", "check_one", "clean", "corrected", "default_catalog",
    "extract", "find",
    "find_in_clean", "find_relations", "infer_locality", "infer_published", "resolve",
    "resolve_one",
]
