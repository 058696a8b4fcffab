"""vankien.directives — the Party document model, vocabulary, congress terms and catalog.

>>> from directives import Catalog, format_citation
>>> format_citation(Catalog.load().get("25-NQ/TW@XI"), with_title=False)
'Nghị quyết số 25-NQ/TW, ngày 03/06/2013 của Ban Chấp hành Trung ương Đảng (Hội nghị Trung ương 7, khóa XI)'
"""

from .catalog import Candidate, Catalog, CatalogError, Clues, Problem, rank
from .formatting import format_citation, format_date
from .loader import DataFileError, read_yaml
from .models import Conflict, Directive, Relation, Source, Status, Verification, make_id
from .terms import date_in_term, normalize_term, term_of, term_range
from .text import fold, fold_key
from .vocabulary import Vocabulary, get_vocabulary

__all__ = [
    "Candidate", "Catalog", "CatalogError", "Clues", "Conflict", "DataFileError", "Directive",
    "Problem", "Relation", "Source", "Status", "Verification", "Vocabulary", "date_in_term",
    "fold", "fold_key", "format_citation", "format_date", "get_vocabulary", "make_id",
    "normalize_term", "rank", "read_yaml", "term_of", "term_range",
]
