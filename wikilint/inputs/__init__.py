"""Where wikitext comes from and where fixed text goes: files, XML dumps, the MediaWiki
Action API, bounded TOML reading and atomic writes. The bottom layer, beside ``document``."""
