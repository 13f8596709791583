"""danvan: collect, clean, tag and query Vietnamese dân vận news."""
from .models import Article, Citation, ThemeTag

__version__ = "0.1.0"
__all__ = ["Article", "Citation", "ThemeTag", "__version__"]
