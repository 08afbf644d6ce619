"""Parse wikitext into a mwparserfromhell tree and the source span of every node.

mwparserfromhell parses in two steps: a C tokenizer turns the text into a flat token
list, then a Python builder turns the tokens into nodes. The builder is most of the
parse time: every node goes through property setters that re-check their values. This
module is a second builder for the same tokens. It makes the same nodes, attribute for
attribute (``tests/test_tree.py`` compares it with mwparserfromhell's on real
articles), filling their fields directly, and since it reads the tokens in source order
it records each node's span on the way: no second walk over the tree.

Each token stands for a fixed piece of source (``{{``, ``|``, a text run, a tag's
padding) except the names that wiki-markup tags such as ``{|`` or ``*`` carry for the
tree's sake; those nodes get no span, as they are not in the source.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from mwparserfromhell.nodes import (
    Argument,
    Comment,
    ExternalLink,
    Heading,
    HTMLEntity,
    Node,
    Tag,
    Template,
    Text,
    Wikilink,
)
from mwparserfromhell.nodes.extras import Attribute, Parameter
from mwparserfromhell.parser import CTokenizer, ParserError
from mwparserfromhell.parser import tokens as t
from mwparserfromhell.parser.tokenizer import Tokenizer
from mwparserfromhell.smart_list import SmartList
from mwparserfromhell.wikicode import Wikicode

from wikilint.document.gc_pause import collector_paused
from wikilint.document.spans import SpanError, SpanIndex

#: A token: a ``dict`` subclass per kind, holding its fields (``text``, ``level``...).
Token = dict[str, Any]

#: The C tokenizer, or its pure-Python twin where mwparserfromhell was built without it.
_Tokenizer = CTokenizer or Tokenizer
_new = object.__new__
_new_list = list.__new__
#: Holds a node's place in the index's order while its children are built.
_PENDING: Node = _new(Text)
_extend = list.extend


def parse(text: str) -> tuple[Wikicode, SpanIndex]:
    """The tree of *text* (bold and italic left as text) and the span of each node."""
    with collector_paused():  # the tree has no reference cycles to look for
        tokens = _Tokenizer().tokenize(text, 0, True)
        builder = _Builder(tokens)
        tree = builder.code(_END)
    if builder.position != len(text) or builder.next < len(tokens):
        raise SpanError(f"parsed tree covers {builder.position} characters of {len(text)}")
    return tree, builder.index


def _code(nodes: list[Node]) -> Wikicode:
    code = _new(Wikicode)
    code._nodes = _smart_list(nodes)
    return code


def _smart_list(nodes: list[Node]) -> SmartList:
    """``SmartList(nodes)`` without its Python-level constructor, the costliest step."""
    smart = _new_list(SmartList)
    smart._children = {}  # type: ignore[attr-defined]  # as SmartList.__new__ does; untyped there
    _extend(smart, nodes)
    return smart


def _markup(token: Token, default: str | None) -> str | None:
    """The wiki markup a closing token carries; *default* (the opening's) when none."""
    markup = token.get("wiki_markup")
    return default if markup is None else markup


def _text(value: str) -> Text:
    node = _new(Text)
    node._value = value
    return node


class _Builder:
    """Reads a token list once, front to back, keeping the source position."""

    def __init__(self, tokens: list[Token]) -> None:
        self.tokens = tokens
        self.next = 0
        self.position = 0
        self.index = SpanIndex()

    def code(self, stops: tuple[type, ...]) -> Wikicode:
        """Nodes up to (not including) the next token of a type in *stops*."""
        tokens, spans, order = self.tokens, self.index.spans, self.index.nodes
        start = position = self.position
        nodes: list[Node] = []
        node: Node
        append = nodes.append
        at, count = self.next, len(tokens)
        while at < count:
            token = tokens[at]
            kind = type(token)
            if kind is _TEXT:
                at += 1
                value = token["text"]
                node = _new(Text)
                node._value = value
                end = position + len(value)
                spans[id(node)] = (position, end)
                order.append(node)
                position = end
            elif kind in stops:
                break
            else:
                handler = _HANDLERS.get(kind)
                if handler is None:
                    raise ParserError(f"unexpected {kind.__name__} token")
                self.next, self.position = at + 1, position
                slot = len(order)
                order.append(_PENDING)  # the node goes before its children
                node = handler(self, token)
                order[slot] = node
                spans[id(node)] = (position, self.position)
                at, position = self.next, self.position
            append(node)
        self.next, self.position = at, position
        code = _new(Wikicode)  # _code(nodes), inlined: this runs once per Wikicode
        code._nodes = smart = _new_list(SmartList)
        smart._children = {}  # type: ignore[attr-defined]  # see _smart_list
        _extend(smart, nodes)
        spans[id(code)] = (start, position)
        return code

    def unplaced(self, stops: tuple[type, ...]) -> Wikicode:
        """Nodes that are not in the source (a wiki-markup tag's name): no spans."""
        saved = self.index
        self.index = SpanIndex()
        position = self.position
        code = self.code(stops)
        self.index, self.position = saved, position
        return code

    def take(self, kind: type) -> Token:
        """The next token, which must be of type *kind*."""
        token = self.tokens[self.next] if self.next < len(self.tokens) else None
        if token is None or type(token) is not kind:
            raise ParserError(f"expected {kind.__name__}, got {type(token).__name__}")
        self.next += 1
        return token

    def advance(self) -> Token | None:
        """The next token, whatever its type (``None`` at the end)."""
        token = self.tokens[self.next] if self.next < len(self.tokens) else None
        self.next += 1
        return token

    def peek(self) -> type:
        """The type of the next token (``NoneType`` at the end)."""
        return type(self.tokens[self.next]) if self.next < len(self.tokens) else type(None)

    def template(self, token: Token) -> Template:
        self.position += 2  # {{
        name = self.code(_TEMPLATE_STOPS)
        params: list[Parameter] = []
        positional = 1
        while self.peek() is t.TemplateParamSeparator:
            self.next += 1
            self.position += 1  # |
            param = self.parameter(positional)
            params.append(param)
            if not param._showkey:
                positional += 1
        self.take(t.TemplateClose)
        self.position += 2  # }}
        node = _new(Template)
        node._name, node._params = name, params
        return node

    def parameter(self, positional: int) -> Parameter:
        start = self.position
        value = self.code(_PARAMETER_STOPS)
        showkey = self.peek() is t.TemplateParamEquals
        if showkey:
            self.next += 1
            self.position += 1  # =
            key = value
            value = self.code(_PARAMETER_VALUE_STOPS)
        else:
            key = _code([_text(str(positional))])
        param = _new(Parameter)
        param._name, param._value, param._showkey = key, value, showkey
        self.index.spans[id(param)] = (start, self.position)
        return param

    def argument(self, token: Token) -> Argument:
        node = _new(Argument)
        node._name, node._default = self.two_parts(3, t.ArgumentSeparator, t.ArgumentClose)
        return node

    def wikilink(self, token: Token) -> Wikilink:
        node = _new(Wikilink)
        node._title, node._text = self.two_parts(2, t.WikilinkSeparator, t.WikilinkClose)
        return node

    def two_parts(
        self, width: int, separator: type, close: type
    ) -> tuple[Wikicode, Wikicode | None]:
        """``{{{name|default}}}`` or ``[[title|text]]``: delimiters *width* wide, the
        second part optional."""
        self.position += width
        first = self.code((separator, close))
        second = None
        if self.peek() is separator:
            self.next += 1
            self.position += 1  # |
            second = self.code((close,))
        self.take(close)
        self.position += width
        return first, second

    def external_link(self, token: Token) -> ExternalLink:
        brackets = bool(token.get("brackets"))
        self.position += brackets  # [
        url = self.code(_EXTERNAL_LINK_STOPS)
        title = None
        suppress_space = False
        if self.peek() is t.ExternalLinkSeparator:
            suppress_space = self.take(t.ExternalLinkSeparator).get("suppress_space") is True
            self.position += not suppress_space  # the space between URL and title
            title = self.code(_EXTERNAL_LINK_CLOSE)
        self.take(t.ExternalLinkClose)
        self.position += brackets  # ]
        node = _new(ExternalLink)
        node._url, node._title, node._brackets = url, title, brackets
        node.suppress_space = suppress_space
        return node

    def entity(self, token: Token) -> HTMLEntity:
        named, hexadecimal, hex_char = True, False, "x"
        length = 2  # & ;
        if self.peek() is t.HTMLEntityNumeric:
            self.next += 1
            named, length = False, length + 1  # #
            if self.peek() is t.HTMLEntityHex:
                hex_char = self.take(t.HTMLEntityHex)["char"]
                hexadecimal, length = True, length + len(hex_char)
        value = self.take(t.Text)["text"]
        self.take(t.HTMLEntityEnd)
        self.position += length + len(value)
        node = _new(HTMLEntity)
        node._value, node._named, node._hexadecimal, node._hex_char = (
            value,
            named,
            hexadecimal,
            hex_char,
        )
        return node

    def heading(self, token: Token) -> Heading:
        level = token["level"]
        self.position += level
        title = self.code(_HEADING_END)
        self.take(t.HeadingEnd)
        self.position += level
        node = _new(Heading)
        node._title, node._level = title, level
        return node

    def comment(self, token: Token) -> Comment:
        contents = []
        while self.peek() is t.Text:
            contents.append(self.take(t.Text)["text"])
        self.take(t.CommentEnd)
        node = _new(Comment)
        node._contents = "".join(contents)
        self.position += len(node._contents) + 7  # <!-- -->
        return node

    def tag(self, token: Token) -> Tag:
        """``<name attributes>contents</name>``, ``<name/>``, or wiki markup such as
        ``{|`` or ``*`` that stands for a tag (its name is not in the source)."""
        wiki_markup = token.get("wiki_markup") or None
        invalid = bool(token.get("invalid"))
        if wiki_markup:
            self.position += len(wiki_markup)
            name = self.unplaced(_TAG_NAME_STOPS)
        else:
            self.position += 2 if invalid else 1  # < or </
            name = self.code(_TAG_NAME_STOPS)
        attributes = []
        while self.peek() is t.TagAttrStart:
            attributes.append(self.attribute(self.take(t.TagAttrStart)))
        node = _new(Tag)
        node._tag = node._closing_tag = name
        node._attrs, node._wiki_markup, node._invalid = attributes, wiki_markup, invalid
        close = self.advance()
        if close is None:
            raise ParserError("tag without a close token")
        node._padding = close.get("padding") or ""
        self.position += len(node._padding)
        if type(close) is t.TagCloseSelfclose:
            closing_markup = _markup(close, wiki_markup)
            implicit = bool(close.get("implicit"))
            if not wiki_markup:
                self.position += 1 if implicit else 2  # > or />
            node._self_closing, node._implicit = True, implicit
            node._contents = _code([])
            node._wiki_style_separator = None
        elif type(close) is t.TagCloseOpen:
            closing_markup = self.tag_body(node, close)
        else:
            raise ParserError("tag without a close token")
        node._closing_wiki_markup = closing_markup or None
        return node

    def tag_body(self, node: Tag, close_open: Token) -> str | None:
        """A tag's contents and closing tag; the wiki markup that closes it, if any."""
        separator = close_open.get("wiki_markup") or None
        node._wiki_style_separator = separator
        self.position += len(separator or "") if node._wiki_markup else 1  # >
        node._contents = self.code(_TAG_CONTENTS_STOPS)
        ending = self.advance()
        if ending is None or type(ending) is not t.TagOpenClose:
            raise ParserError("tag contents end without a closing tag")
        closing_markup = _markup(ending, node._wiki_markup)
        if node._wiki_markup:
            self.position += len(closing_markup or "")
            node._closing_tag = self.unplaced(_TAG_CLOSE_STOPS)
        else:
            self.position += 2  # </
            node._closing_tag = self.code(_TAG_CLOSE_STOPS)
            self.position += 1  # >
        self.take(t.TagCloseClose)
        node._self_closing, node._implicit = False, False
        return closing_markup

    def attribute(self, start_token: Token) -> Attribute:
        start = self.position
        pad_first = start_token.get("pad_first") or ""
        pad_before_eq = start_token.get("pad_before_eq") or ""
        pad_after_eq = start_token.get("pad_after_eq") or ""
        self.position += len(pad_first)
        name = self.code(_ATTRIBUTE_NAME_STOPS)
        self.position += len(pad_before_eq)
        value = None
        quotes = None
        if self.peek() is t.TagAttrEquals:
            self.next += 1
            self.position += 1 + len(pad_after_eq)  # =
            if self.peek() is t.TagAttrQuote:
                quotes = self.take(t.TagAttrQuote)["char"] or None
            self.position += len(quotes or "")
            value = self.code(_ATTRIBUTE_VALUE_STOPS)
            self.position += len(quotes or "")
        attribute = _new(Attribute)
        attribute._name, attribute._value, attribute._quotes = name, value, quotes
        attribute._pad_first = pad_first
        attribute._pad_before_eq = pad_before_eq
        attribute._pad_after_eq = pad_after_eq
        self.index.spans[id(attribute)] = (start, self.position)
        return attribute


_END = ()
_TEXT = t.Text
_TEMPLATE_STOPS = (t.TemplateParamSeparator, t.TemplateClose)
_PARAMETER_STOPS = (t.TemplateParamEquals, t.TemplateParamSeparator, t.TemplateClose)
_PARAMETER_VALUE_STOPS = _TEMPLATE_STOPS
_EXTERNAL_LINK_STOPS = (t.ExternalLinkSeparator, t.ExternalLinkClose)
_EXTERNAL_LINK_CLOSE = (t.ExternalLinkClose,)
_HEADING_END = (t.HeadingEnd,)
_TAG_NAME_STOPS = (t.TagAttrStart, t.TagCloseOpen, t.TagCloseSelfclose)
_ATTRIBUTE_NAME_STOPS = (
    t.TagAttrEquals,
    t.TagAttrStart,
    t.TagCloseOpen,
    t.TagCloseSelfclose,
)
_ATTRIBUTE_VALUE_STOPS = (t.TagAttrStart, t.TagCloseOpen, t.TagCloseSelfclose)
_TAG_CONTENTS_STOPS = (t.TagOpenClose, t.TagCloseClose)
_TAG_CLOSE_STOPS = (t.TagCloseClose,)

_HANDLERS: dict[type, Callable[[_Builder, Token], Node]] = {
    t.TemplateOpen: _Builder.template,
    t.ArgumentOpen: _Builder.argument,
    t.WikilinkOpen: _Builder.wikilink,
    t.ExternalLinkOpen: _Builder.external_link,
    t.HTMLEntityStart: _Builder.entity,
    t.HeadingStart: _Builder.heading,
    t.CommentStart: _Builder.comment,
    t.TagOpenOpen: _Builder.tag,
}
