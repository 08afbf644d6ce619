"""The ``wikilint`` command line: commands, the ``check`` pipeline and its progress display."""
