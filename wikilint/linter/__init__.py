"""The rule API and the engine: ``Rule``, ``Finding`` and ``Fix``, the registry, suppression
comments, running rules on one article, applying fixes, and the results of a file."""
