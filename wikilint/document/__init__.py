"""The parsed article: source, line index, tree, sections, paragraphs and the prose view with
its map back to source offsets. The bottom layer: imports nothing else of wikilint."""
