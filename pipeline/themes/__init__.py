"""Theme tagging: religion, ethnicity, land clearance, new rural (and any theme the taxonomy adds).

Public API::

    from pipeline.themes import load_tagger
    tagger = load_tagger()                 # models/themes, cached per process
    tags = tagger.tag(article)             # list[ThemeTag], one per theme
    many = tagger.tag_many(articles, segments=None)
"""
from .tag import ThemeTagger, load_tagger

__all__ = ["ThemeTagger", "load_tagger"]
