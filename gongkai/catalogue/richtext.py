"""Publication text: sanitised HTML (nh3) or plain text, and the plain text both give."""

from __future__ import annotations

from html import escape
from html.parser import HTMLParser

import nh3

ALLOWED_TAGS = {
    "p", "br", "div", "span", "strong", "b", "em", "i", "u", "sub", "sup", "h2", "h3", "h4", "blockquote",
    "ul", "ol", "li", "table", "thead", "tbody", "tr", "th", "td", "a", "hr",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "td": {"colspan", "rowspan"}, "th": {"colspan", "rowspan"}}
_BLOCKS = {"p", "br", "div", "h2", "h3", "h4", "blockquote", "li", "tr", "table", "hr", "ul", "ol"}


def clean_html(html: str) -> str:
    """Only the tags and attributes an official document needs; scripts, styles and events go."""
    return nh3.clean(
        html, tags=ALLOWED_TAGS, attributes=ALLOWED_ATTRIBUTES, url_schemes={"http", "https", "mailto"}
    ).strip()


def text_to_html(text: str) -> str:
    paragraphs = [p.strip() for p in text.replace("\r\n", "\n").split("\n")]
    return "".join(f"<p>{escape(p)}</p>" for p in paragraphs if p)


class _TextCollector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _BLOCKS:
            self.parts.append("\n")
        elif tag in {"td", "th"}:
            self.parts.append("\t")

    def handle_endtag(self, tag: str) -> None:
        if tag in _BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


def html_to_text(html: str) -> str:
    """The text a reader sees, one block a line (what the privacy scan and the search index read)."""
    collector = _TextCollector()
    collector.feed(html)
    collector.close()
    lines = ("".join(collector.parts)).split("\n")
    return "\n".join(line.strip() for line in lines if line.strip())


def body_from_input(body: str, *, body_format: str) -> tuple[str, str]:
    """(html, text) of the body as entered: "html" is sanitised, "text" becomes paragraphs."""
    html = clean_html(body) if body_format == "html" else text_to_html(body)
    return html, html_to_text(html)
