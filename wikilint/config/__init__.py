"""Configuration files and the settings they resolve to for each path."""
