"""A document file as text: plain text, a web page, a PDF (pypdf) or a Word file (python-docx)."""

from __future__ import annotations

import io
import re
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import PurePath

from knowledge.extraction.extractor import DocumentText
from knowledge.facts.dates import PartialDate

MAX_DOCUMENT_BYTES = 10 * 1024 * 1024
SUPPORTED_SUFFIXES = (".txt", ".html", ".htm", ".pdf", ".docx")
_ISO_DAY = re.compile(r"(\d{4})-(\d{2})-(\d{2})")


class UnreadableDocumentError(Exception):
    """The file cannot be read as a document; `reason` names why (a message id).

    Reasons: "format" (not .txt, .html, .pdf or .docx), "too_large", "empty", "encoding"
    (text neither UTF-8 nor Windows-1251), "damaged" (a PDF or Word file that does not open),
    "encrypted" (a PDF with a password).
    """

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def is_supported(filename: str) -> bool:
    """Whether the file's name ends in a suffix documents are read from."""
    return PurePath(filename.lower()).suffix in SUPPORTED_SUFFIXES


def read_document(data: bytes, filename: str) -> DocumentText:
    """The text of a document file, with its title, address and date where the file has them.

    Raises UnreadableDocumentError.
    """
    suffix = PurePath(filename.lower()).suffix
    if suffix not in SUPPORTED_SUFFIXES:
        raise UnreadableDocumentError("format")
    if len(data) > MAX_DOCUMENT_BYTES:
        raise UnreadableDocumentError("too_large")
    if suffix == ".pdf":
        document = _pdf(data)
    elif suffix == ".docx":
        document = _docx(data)
    elif suffix in (".html", ".htm"):
        document = _html(_decode(data))
    else:
        document = DocumentText(_decode(data))
    if not document.text.strip():
        raise UnreadableDocumentError("empty")
    return document


def _decode(data: bytes) -> str:
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    if b"\x00" in data:
        raise UnreadableDocumentError("encoding")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        text = data.decode("cp1251")
    except UnicodeDecodeError:
        raise UnreadableDocumentError("encoding") from None
    if sum(char.isalpha() for char in text) < len(text) // 3:
        raise UnreadableDocumentError("encoding")
    return text


def _pdf(data: bytes) -> DocumentText:
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            raise UnreadableDocumentError("encrypted")
        pages = [page.extract_text() or "" for page in reader.pages]
        title = reader.metadata.title if reader.metadata is not None else None
    except (PdfReadError, ValueError, KeyError, TypeError, OSError):
        raise UnreadableDocumentError("damaged") from None
    return DocumentText("\n\n".join(pages), title=title or None)


def _docx(data: bytes) -> DocumentText:
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    try:
        document = docx.Document(io.BytesIO(data))
    except (PackageNotFoundError, ValueError, KeyError, OSError):
        raise UnreadableDocumentError("damaged") from None
    except Exception as error:
        if type(error).__name__ != "BadZipFile":
            raise
        raise UnreadableDocumentError("damaged") from None
    lines = [paragraph.text for paragraph in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            lines.append(" | ".join(cell.text for cell in row.cells))
    title = document.core_properties.title or None
    return DocumentText("\n".join(lines), title=title)


@dataclass
class _Page:
    title: str | None = None
    url: str | None = None
    date: PartialDate | None = None


_BLOCKS = frozenset(
    {"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "section", "article",
     "blockquote", "header", "footer", "ul", "ol", "table"}
)  # fmt: skip
_HIDDEN = frozenset({"script", "style", "noscript", "nav", "template", "svg", "head"})


class _TextParser(HTMLParser):
    """Collects a page's visible text, one block a line, and its title, address and date."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.page = _Page()
        self._hidden = 0
        self._in_title = False
        self._title: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        if tag == "meta":
            self._meta(values)
        elif tag == "link" and values.get("rel") == "canonical" and values.get("href"):
            self.page.url = self.page.url or values["href"]
        elif tag == "title":
            self._in_title = True
        if tag in _HIDDEN:
            self._hidden += 1
        if tag in _BLOCKS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _HIDDEN and self._hidden:
            self._hidden -= 1
        if tag == "title":
            self._in_title = False
        if tag in _BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self._title.append(data)
        elif not self._hidden:
            self.parts.append(data)

    def _meta(self, values: dict[str, str]) -> None:
        name = values.get("property") or values.get("name") or ""
        content = values.get("content", "").strip()
        if name == "og:title" and content:
            self.page.title = content
        elif name == "og:url" and content:
            self.page.url = self.page.url or content
        elif name in ("article:published_time", "date", "dc.date") and content:
            match = _ISO_DAY.match(content)
            if match is not None:
                try:
                    self.page.date = PartialDate(*(int(part) for part in match.groups()))
                except ValueError:
                    self.page.date = None

    @property
    def title(self) -> str | None:
        return self.page.title or (" ".join("".join(self._title).split()) or None)


def _html(markup: str) -> DocumentText:
    parser = _TextParser()
    parser.feed(markup)
    parser.close()
    lines = [" ".join(line.split()) for line in "".join(parser.parts).split("\n")]
    text = "\n\n".join(line for line in lines if line)
    return DocumentText(text, title=parser.title, url=parser.page.url, date=parser.page.date)
