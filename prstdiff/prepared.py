"""What the comparison reads of one paragraph's text, worked out once and kept by text.

Each paragraph is tokenised, folded and stemmed once, whatever reads it: the comparison key's
words (``prstdiff.normalize.key_words``) decide "the same words" and count the statistics, their
stems (``prstdiff.align.stemmed_words``) are what the alignment scores, the display words
(``prstdiff.normalize.display_words``) are what the word diff cuts, and the lightly folded words
are what the phrase finder matches. Texts come back: a paragraph carried word for word into the
next resolution, a document compared with the one before it and then with the one after it in a
series or a batch. So the tokens are kept by text, the last ``CACHE_SIZE`` texts, and a text is
tokenised once however often it is compared.

>>> tokens = paragraph_tokens("1. Decides to remain  seized of the matter.")
>>> tokens.key
('decides', 'to', 'remain', 'seized', 'of', 'the', 'matter')
>>> tokens.stems[:3], tokens.display[:3], tokens.folded[:3]
(('decid', 'to', 'remain'), ('1. ', 'Decides ', 'to '), ('1', 'decides', 'to'))
"""

from __future__ import annotations

from functools import lru_cache

from prstdiff.align import stemmed_words
from prstdiff.folding import fold_by_spaces
from prstdiff.normalize import display_words, key_words

__all__ = [
    "CACHE_SIZE",
    "ParagraphTokens",
    "clear_cache",
    "paragraph_tokens",
]

CACHE_SIZE = 4096
"""Paragraph texts whose tokens are kept: some 300 documents of the corpus. A paragraph of
average length (280 characters) keeps about 10 KB of tokens, so a full cache holds some 40 MB."""


class ParagraphTokens:
    """The tokens of one paragraph text, each worked out on its first use and then kept.

    Not a value but a cache entry: a token kind nobody reads (the display words of a paragraph
    reused word for word, which the word diff never cuts) costs nothing.
    """

    __slots__ = ("_display", "_folded", "_key", "_stems", "text")

    def __init__(self, text: str) -> None:
        self.text = text
        """The paragraph text."""
        self._key: tuple[str, ...] | None = None
        self._stems: tuple[str, ...] | None = None
        self._display: tuple[str, ...] | None = None
        self._folded: tuple[str, ...] | None = None

    @property
    def key(self) -> tuple[str, ...]:
        """The comparison key's words (``key_words``): what "the same words" means."""
        if self._key is None:
            self._key = tuple(key_words(self.text))
        return self._key

    @property
    def stems(self) -> tuple[str, ...]:
        """The key's words, formula folded and stemmed (``stemmed_words``): what alignment
        scores."""
        if self._stems is None:
            self._stems = tuple(stemmed_words(" ".join(self.key)))
        return self._stems

    @property
    def display(self) -> tuple[str, ...]:
        """The display words (``display_words``): each word with its trailing spaces."""
        if self._display is None:
            self._display = tuple(display_words(self.text))
        return self._display

    @property
    def folded(self) -> tuple[str, ...]:
        """The words of ``fold_by_spaces(text)``: what a borrowed phrase is matched on."""
        if self._folded is None:
            self._folded = tuple(fold_by_spaces(self.text).split())
        return self._folded


@lru_cache(maxsize=CACHE_SIZE)
def paragraph_tokens(text: str) -> ParagraphTokens:
    """The tokens of a paragraph text, kept for the last ``CACHE_SIZE`` texts."""
    return ParagraphTokens(text)


def clear_cache() -> None:
    """Forget every kept token (a benchmark's cold start)."""
    paragraph_tokens.cache_clear()
