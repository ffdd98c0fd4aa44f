"""Build system of the LLM Interview Handbook: validate question files and publish the site.

The modules here are plain Python (no mkdocs import) except ``plugin`` and the ``build``
command of ``cli``, so the core can move to another static-site generator.
"""

__version__ = "0.1.0"
