"""``wikilint server``: a language server that lints wikitext as it is edited.

Needs the ``lsp`` extra (pygls and lsprotocol); nothing else in wikilint imports this package.
"""
