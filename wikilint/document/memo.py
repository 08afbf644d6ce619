"""Work that several rules need, done once per article."""

from __future__ import annotations

from collections.abc import Callable, Hashable
from functools import wraps
from typing import Concatenate, ParamSpec, TypeVar, cast

from wikilint.document.article import Article

P = ParamSpec("P")
T = TypeVar("T")


def per_article(
    function: Callable[Concatenate[Article, P], T],
) -> Callable[Concatenate[Article, P], T]:
    """Decorate ``function(article, *args)`` to run once per article and arguments.

    Results live in ``Article.memo`` and go with the article; arguments must be hashable.
    """

    @wraps(function)
    def shared(article: Article, /, *args: P.args, **kwargs: P.kwargs) -> T:
        key: Hashable = (function, args, tuple(sorted(kwargs.items())))
        memo = article.memo
        if key not in memo:
            memo[key] = function(article, *args, **kwargs)
        return cast(T, memo[key])

    return shared
