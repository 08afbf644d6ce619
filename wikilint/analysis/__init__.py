"""Facts about an article that several rules share, computed once per article: citations and
footnotes, near-duplicate text, unparsed markup, scope, link context, quotations."""
