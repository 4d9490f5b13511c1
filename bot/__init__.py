"""salescoach: practise against difficult customers, get scored, see progress."""

__version__ = "0.1.0"
