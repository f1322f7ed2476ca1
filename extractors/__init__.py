"""leian extractors: from a file to a Document of Cases.

Knows nothing of `search` or `pipelines`; configuration comes in from `config`.
"""

EXTRACTOR_VERSION = "0.1.0"
